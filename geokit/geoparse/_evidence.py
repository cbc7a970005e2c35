"""Evidence in a sentence: the role of a place mention, the day of an event, the number of dead.

Part of :mod:`geokit.geoparse`; the cue words are in ``geokit/data/geoparse_cues.tsv``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from geokit._matcher import Cues, Sentence

if TYPE_CHECKING:
    from geokit.geoparse import _Mention

_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
_NUMBERS = {
    w: i
    for i, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ]
    )
}
_NUMBERS.update(
    {
        "thirty": 30,
        "forty": 40,
        "fifty": 50,
        "sixty": 60,
        "seventy": 70,
        "eighty": 80,
        "ninety": 90,
        "hundred": 100,
    }
)
_SPECIFICITY = {"country": 0, "adm1": 1, "adm2": 2, "adm3": 3}
_EVENT_WINDOW = 24  # tokens either side of a place in which a word of violence counts


# ----------------------------------------------------------------------------- roles
def _spec(m: _Mention) -> int:
    if m.res is not None and m.res.place is not None:
        return _SPECIFICITY.get(m.res.place.kind, 4)
    return _SPECIFICITY.get(m.kind, 4)


def _prev(m: _Mention, others: Sequence[_Mention], c: Cues) -> int:
    """Index of the first word before the mention that is not a filler ("in the port city of")."""
    toks = m.sent.tokens
    starts = {o.j: o.i for o in others if o is not m}
    p = m.i - 1
    while p >= 0:
        w = toks[p].low
        if w == "s" and p >= 1 and p in starts.keys() | {p}:  # "Balochistan's Kachhi"
            q = p - 1
            if q + 1 in starts:
                p = starts[q + 1] - 1
                continue
        if c.has("transparent", w) or c.has("demonym", w):
            p -= 1
            continue
        if p >= 1 and words_are_np(toks[p - 1].low, w, c):  # "the riverine area of"
            p -= 1
            continue
        break
    return p


def words_are_np(det: str, word: str, c: Cues) -> bool:
    """Whether ``det word`` opens a noun phrase of filler words ("the riverine [area of]")."""
    return (
        det in ("the", "a", "an")
        and word.isalpha()
        and not (
            c.has("locative", word)
            or c.has("ref_before", word)
            or c.has("ref_head", word)
            or c.has("ref_place", word)
            or c.has("event", word)
        )
    )


@dataclass(frozen=True, slots=True)
class _Facts:
    """What the role rules read from a whole sentence, worked out once per sentence."""

    words: list[str]
    events: list[int]  # positions of words of violence
    uncertain: bool
    habitual: bool
    death: bool
    years: list[int]
    day: str | None


def _facts(s: Sentence, c: Cues) -> _Facts:
    words = [t.low for t in s.tokens]
    kinds = [c.kinds(w) for w in words]
    joined = " " + " ".join(words) + " "
    return _Facts(
        words,
        [n for n, k in enumerate(kinds) if "event" in k],
        any("uncertain" in k for k in kinds),
        any(f" {h} " in joined for h in c.phrases("habitual")),
        any("death" in k for k in kinds),
        [
            int(t.text)
            for t in s.tokens
            if t.text.isdigit() and len(t.text) == 4 and 1900 <= int(t.text) <= 2100
        ],
        _sentence_day(s),
    )


def _role(
    m: _Mention,
    same: Sequence[_Mention],
    text: str,
    c: Cues,
    pub: dt.date | None,
    done: dict[int, tuple[str, str]],
    facts: dict[int, _Facts] | None = None,
) -> tuple[str, str]:
    """Return the role by the first rule that applies (see ``RULES``).

    ``done`` holds the roles of the earlier mentions (for lists); ``facts``
    remembers what was read from each sentence (by index) between calls.
    """
    toks = m.sent.tokens
    f = facts.get(m.sent.index) if facts is not None else None
    if f is None:
        f = _facts(m.sent, c)
        if facts is not None:
            facts[m.sent.index] = f
    words = f.words
    lo, hi = max(0, m.i - _EVENT_WINDOW), min(len(toks), m.j + _EVENT_WINDOW)
    near_event = any(lo <= n < hi for n in f.events)
    if f.uncertain and near_event:
        return "uncertain", "uncertain-cue"
    if text[m.end : m.end + 2] in ("'s", "’s"):
        return "reference", "possessive"
    # coordination: "in Chabahar and Rask", "between Spin Boldak and Chaman"
    if (m.i >= 2 and words[m.i - 1] in ("and", "or")) or (
        m.i >= 1 and text[toks[m.i - 1].end : m.start].strip() == ","
    ):
        prev_end = m.i - 1 if words[m.i - 1] in ("and", "or") else m.i
        for o in same:
            if o.j == prev_end and id(o) in done:
                role, _ = done[id(o)]
                return role, "list"
    if f.years and (pub is None or all(y < pub.year for y in f.years)) and not f.day:
        return "reference", "past-year"
    if f.habitual:
        return "reference", "habitual"
    if m.j < len(toks) and c.has("speech", words[m.j]) and text[m.end : toks[m.j].start].strip() == "":
        return "reference", "speech-after"
    if m.i <= 1 and text[m.end : m.end + 1] == ",":
        tail = words[m.j : m.j + 7]
        if any(c.has("ref_head", w) for w in tail) and any(c.has("speech", w) for w in tail):
            return "reference", "speech-after"
    if text[m.end : m.end + 9].lower().startswith((", where", " where")) and any(
        c.has("death", w) or c.has("event", w) for w in words[m.j : m.j + 25]
    ):
        return "incident", "where-event"
    raw = words[max(0, m.i - 3) : m.i]
    p = _prev(m, same, c)
    if p >= 0:
        w = words[p]
        if (
            c.has("ref_before", w)
            or " ".join(raw[-2:]) in c.phrases("ref_before")
            or " ".join(raw[-3:]) in c.phrases("ref_before")
        ):
            return "reference", "ref-cue"
        if w in ("in", "at", "from") and p >= 1:
            head = words[p - 1]
            if c.has("ref_head", head) or c.has("speech", head):
                return "reference", "ref-head"
            if c.has("ref_place", head):
                before = words[max(0, p - 9) : p - 1]
                if not any(c.has("event", x) and not c.has("death", x) for x in before):
                    return "reference", "ref-head"
    if m.i == 0 and m.j < len(toks):
        gap = text[m.end : toks[m.j].start].strip()
        if (gap == "," and c.has("background", words[m.j])) or (
            gap == "" and words[m.j] in ("borders", "lies", "has", "is", "remains", "sits")
        ):
            return "reference", "background"
    if not near_event:
        return "reference", "no-event"
    if m.kind == "country" and not f.death:
        return "reference", "no-event"
    if p >= 0 and c.has("locative", words[p]):
        return "incident", "event-locative"
    if m.i <= 1:
        return "incident", "event-subject"
    return "reference", "event-no-locative"


def _containers(mentions: Sequence[_Mention]) -> None:
    """Make an admin unit or country that holds a more specific incident place nearby a reference."""
    for m in mentions:
        if m.role == "reference" or _spec(m) >= 4:
            continue
        for o in mentions:
            if o is m or o.sent is not m.sent or o.role != "incident" or _spec(o) <= _spec(m):
                continue
            if m.kind != "country" and o.country != m.country:
                continue
            if m.kind == "country" and o.country != m.country:
                continue
            gap = m.i - o.j if m.i >= o.j else o.i - m.j
            if m.rule == "list" or (o.rule == "list" and gap <= 2):
                continue  # siblings in a list, not a container
            if gap <= 8:
                m.role, m.rule = "reference", "container"
                break


# ----------------------------------------------------------------------------- dates
def _sentence_day(s: Sentence) -> str | None:
    for t in s.tokens:
        if t.low in _WEEKDAYS or t.low in ("yesterday", "today", "tonight", "earlier"):
            return t.low
    return None


def _event_date(s: Sentence, pub: dt.date | None, at: int = 0, c: Cues | None = None) -> dt.date | None:
    """Return the day a sentence gives, the expression nearest token ``at`` winning.

    Weekdays mean the latest such day on or before ``pub``; "a day earlier",
    "yesterday" the day before; "On March 20" that day (last year's if later
    than ``pub``); a place after "two days after ..." is that many days earlier.
    With the cue words ``c``: a day that owns an event ("Monday's bombing") wins
    over the others, and a day after a statement word following the place ("...
    in Bannu, the army said in a statement on Wednesday") dates the statement,
    not the event, so it is not used.
    """
    toks = s.tokens
    words = [t.low for t in toks]
    found: list[tuple[int, dt.date]] = []
    for n, w in enumerate(words):
        if (
            w in _MONTHS
            and toks[n].cap
            and n + 1 < len(words)
            and words[n + 1].isdigit()
            and 1 <= int(words[n + 1]) <= 31
            and pub is not None
        ):
            try:
                d = dt.date(pub.year, _MONTHS.index(w) + 1, int(words[n + 1]))
            except ValueError:
                continue
            found.append((n, d if d <= pub else d.replace(year=pub.year - 1)))
        elif pub is None:
            continue
        elif w in _WEEKDAYS:
            found.append((n, pub - dt.timedelta(days=(pub.weekday() - _WEEKDAYS.index(w)) % 7)))
        elif w == "yesterday" or (w == "earlier" and n >= 1 and words[n - 1] == "day"):
            found.append((n, pub - dt.timedelta(days=1)))
        elif w in ("today", "tonight"):
            found.append((n, pub))
    if c is not None:
        found = _event_days(words, found, at, c)
    if not found:
        return None
    pos, day = min(found, key=lambda f: abs(f[0] - at))
    for n, w in enumerate(words[:at]):
        if w in ("days", "day") and n > pos and n + 1 < len(words) and words[n + 1] == "after":
            k = 1 if words[n - 1] == "a" else _number(words[n - 1])
            if k:
                return day - dt.timedelta(days=k)
    return day


def _event_days(
    words: Sequence[str], found: list[tuple[int, dt.date]], at: int, c: Cues
) -> list[tuple[int, dt.date]]:
    """Keep the day expressions that date the event rather than a statement or a count."""
    owned = [
        f
        for f in found
        if f[0] + 1 < len(words)
        and words[f[0] + 1] == "s"  # "Monday's": the tokenizer splits the possessive off
        and any(c.has("event", w) for w in words[f[0] + 2 : f[0] + 5])
    ]
    if owned:
        return owned
    return [
        f
        for f in found
        if not (
            f[0] > at
            and any(c.has("speech", w) or w in ("statement", "statements") for w in words[at : f[0]])
        )
    ]


# ----------------------------------------------------------------------------- fatalities
def _number(w: str) -> int | None:
    if w.isdigit():
        return int(w)
    return _NUMBERS.get(w)


_UNITS = frozenset(
    {
        "kilometres",
        "kilometers",
        "km",
        "miles",
        "metres",
        "meters",
        "hours",
        "hour",
        "minutes",
        "years",
        "year",
        "days",
        "day",
        "weeks",
        "months",
        "am",
        "pm",
        "percent",
        "per",
        "vehicles",
        "buses",
        "times",
        "kg",
        "tonnes",
    }
)
_HEDGES = frozenset(
    {
        "at",
        "least",
        "more",
        "than",
        "about",
        "some",
        "nearly",
        "around",
        "almost",
        "over",
        "up",
        "to",
        "another",
        "a",
        "further",
        "rose",
        "risen",
        "reached",
        "of",
        "the",
        "toll",
    }
)
_NONE_DEAD = re.compile(
    r"\b(no one|nobody|no-one|none) (was|were) (killed|hurt|injured)|"
    r"\bno (casualties|deaths|one died)\b",
    re.IGNORECASE,
)


_ADVERBS = frozenset({"also", "reportedly", "later", "all", "both", "instantly"})


def _deaths(s: Sentence, c: Cues, text: str = "") -> int | None:
    """Dead people a sentence counts.

    Numbers before a passive "were killed / died / dead" and after an active
    "killing / killed" (with hedges such as "at least"), summed; numbers that
    split a total ("13 of them", "including three women") and numbers of
    wounded are left out. "No one was killed" gives 0.
    """
    toks = s.tokens
    words = [t.low for t in toks]
    total, found = 0, False
    pending: list[int] = []
    partition = False
    n = 0
    while n < len(words):
        w = words[n]
        gap = text[toks[n - 1].end : toks[n].start] if text and n else ""
        if "," in gap or ";" in gap:
            partition = False
        if w in ("including", "among") or (
            w == "of" and n + 1 < len(words) and words[n + 1] in ("them", "whom")
        ):
            if w == "of" and pending:
                pending.pop()
            partition = True
        v = _number(w)
        if v is not None and not (w.isdigit() and len(w) == 4) and not partition and v > 0:
            nxt = words[n + 1] if n + 1 < len(words) else ""
            prev = words[n - 1] if n else ""
            if (
                nxt not in _UNITS
                and prev not in ("aged", "age", "of", "no")
                and prev not in _MONTHS  # "On March 20": a day, not a count
                and nxt not in ("of",)
            ):
                pending.append(v)
        if c.has("injury", w):
            pending.clear()
        elif c.has("death", w):
            aux = n - 2 if n >= 2 and words[n - 1] in _ADVERBS else n - 1  # "were also killed"
            active_dead = w == "dead" and words[n - 1] == "shot" and not pending  # "shot dead 23 men"
            passive = (w in ("dead", "died", "deaths", "bodies", "lives") and not active_dead) or (
                aux >= 0 and words[aux] in ("were", "was", "been", "be", "are", "is")
            )
            if passive and pending:
                total += sum(pending)
                found = True
                pending.clear()
            elif not passive:
                pending.clear()
                k = n + 1
                while k < len(words) and k <= n + 10:
                    x = words[k]
                    if (
                        c.has("injury", x)
                        or (c.has("death", x) and x != "toll")
                        or x in ("including", "among")
                    ):
                        break
                    val = _number(x)
                    if val is not None and not (x.isdigit() and len(x) == 4):
                        after = words[k + 1] if k + 1 < len(words) else ""
                        if after in _UNITS or (
                            after == "of" and k + 2 < len(words) and words[k + 2] in ("them", "whom")
                        ):
                            break
                        total += val
                        found = True
                    elif (
                        x not in _HEDGES
                        and x not in ("and", "people", "persons")
                        and found
                        and k > n + 1
                        and not c.has("event", x)
                    ):
                        pass
                    k += 1
                n = k
                continue
        n += 1
    if not found and _NONE_DEAD.search(" ".join(t.text for t in toks)):
        return 0
    return total if found else None


_EVENT_TYPES = (
    (
        "explosion",
        (
            "bomb",
            "blast",
            "explos",
            "suicide",
            "grenade",
            "detonat",
            "blew",
            "ied",
            "missile",
            "rocket",
            "drone",
            "shell",
            "mortar",
            "airstrike",
            "strikes",
        ),
    ),
    ("clash", ("clash", "fighting", "battle", "exchange of fire", "gunfight")),
    (
        "armed attack",
        (
            "gunmen",
            "gunman",
            "shot",
            "opened fire",
            "fire on",
            "ambush",
            "raid",
            "stormed",
            "attack",
            "killed",
            "shooting",
        ),
    ),
)


def _event_type(sentences_text: str) -> str:
    low = sentences_text.lower()
    for name, words in _EVENT_TYPES:
        if any(w in low for w in words):
            return name
    return "violence"
