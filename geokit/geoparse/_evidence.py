"""Evidence in a sentence for the role of a place mention: incident site or reference.

Part of :mod:`geokit.geoparse`; the cue words are in ``geokit/data/geoparse_cues.tsv``.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from itertools import pairwise
from operator import attrgetter
from typing import TYPE_CHECKING, NamedTuple

from geokit.geoparse._dates import (
    _DAY_WORDS,
    _EARLIER,
    _MONTH_WORDS,
    _WEEKDAY_WORDS,
    _day_of,
    _far,
    _full_dates,
    _month_days,
    _months_alone,
    _number,
    _sentence_day,
)
from geokit.geoparse._mention import _EVENT_WINDOW
from geokit.geoparse.matcher import Cues, Sentence, Token
from geokit.resolve.roads import road_words

if TYPE_CHECKING:
    from geokit.geoparse._mention import _Mention
    from geokit.geoparse._report import Report

_SPECIFICITY = {"country": 0, "adm1": 1, "adm2": 2, "adm3": 3}


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
        back = _before_possessor(toks, p, starts, c) if "s" in (toks[p - 1].low, toks[p - 2].low) else None
        if back is not None:
            p = back
            continue
        if c.has("transparent", w) or c.has("demonym", w):
            p -= 1
            continue
        if p >= 1 and words_are_np(toks[p - 1].low, w, c):  # "the riverine area of"
            p -= 1
            continue
        if toks[p].cap and p + 1 < m.i and toks[p + 1].low == "of" and c.has("event", w):
            return p + 1  # "the Second Battle of Swat", "the Siege of Jalalabad": the event's "of" governs
        if (
            (toks[p].cap or toks[p].text.isdigit())
            and p not in starts
            and any(t.low == "of" for t in toks[p + 1 : m.i])
        ):
            # "in Sector I-8/3 of Islamabad", "the Wazir Akbar Khan district of Kabul": a named part
            # that is no place of its own (only fillers lie between it and the place); what governs
            # it governs the place
            while p >= 0 and (toks[p].cap or toks[p].text.isdigit()) and p not in starts:
                p -= 1
            continue
        break
    return p


def _before_possessor(toks: Sequence[Token], p: int, starts: dict[int, int], c: Cues) -> int | None:
    """Return the word before a place whose possessive the adjectives ending at ``p`` follow.

    "Lahore's leafy Model Town": one or two adjectives between a place's possessive and a name
    are fillers (``starts`` maps a mention's end to its start). They must be plain adjectives:
    "Pakistan's government in Islamabad" has a head noun and a preposition between, and the
    possessive is read as it stands.
    """
    if p + 1 >= len(toks) or not toks[p + 1].cap:
        return None
    for s_at in (p - 1, p - 2):
        if (
            s_at >= 1
            and toks[s_at].low == "s"
            and s_at in starts
            and all(
                not t.cap
                and t.low.isalpha()
                and not c.has("locative", t.low)
                and not c.has("ref_head", t.low)
                and not c.has("stop", t.low)
                for t in toks[s_at + 1 : p + 1]
            )
        ):
            return starts[s_at] - 1
    return None


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


class _Facts(NamedTuple):
    """What the role rules read from a whole sentence, worked out once per sentence.

    A named tuple, like :class:`~geokit.geoparse.matcher.Token`: it is made for most sentences.
    """

    words: list[str]
    events: list[int]  # positions of words (and first words of phrases) of violence
    recalled: frozenset[int]  # of those, the ones a temporal "after the attack" refers back to
    uncertain: bool
    claimed: bool  # "claimed to have taken": the event is the claim of one side
    habitual: bool
    death: bool
    years: list[int]
    day: str | None
    dates: list[dt.date]  # days written in full ("3 March 2009")
    earlier: tuple[int, ...]  # where "last month", "two years ago" (a time before the report's) start
    months: list[int]  # months named without a day ("In November, ...")
    month_days: list[tuple[int, int]]  # days written without a year ("on April 22"): (month, day)
    future: int  # position of the first word of a time still to come ("due to be played"), else -1
    disaster: bool  # a natural disaster or an accident is named ("floods", "earthquake")
    kinds: list[frozenset[str]]  # the cue kinds of each word (``Cues.kinds``), read once
    breaks: frozenset[int]  # words followed by a comma, semicolon, colon or bracket (``_CLAUSE_BREAK``)


_SUPERLATIVE = frozenset({"first", "worst", "most", "biggest", "largest", "deadliest", "bloodiest", "major"})


def _named_part(m: _Mention, same: Sequence[_Mention], words: Sequence[str]) -> bool:
    """'Karachi's upmarket Defence Housing Authority': a town's own named part, not its attribute.

    After a town's possessive (not a country's or a province's), a capitalised name that is no
    place of its own, behind at most two lower-case words, is a part of the town: the town is
    where it lies, and the rules go on to read the town like any place.
    """
    if m.kind in ("country", "continent") or _spec(m) <= 1:
        return False
    toks = m.sent.tokens
    starts = {o.i for o in same}
    k = m.j + 1 if m.j < len(toks) and toks[m.j].low == "s" else m.j  # the tokenizer splits "'s" off
    for n in range(k, min(k + 3, len(toks))):
        if toks[n].cap:
            return n not in starts
    return False


_DAMAGE = frozenset({"destroyed", "damaged", "flattened", "wrecked"})


def _no_violence(f: _Facts, c: Cues) -> bool:
    """Tell whether only a disaster's deaths and damage are told ('an earthquake near Khoy killed three')."""
    return f.disaster and all(c.has("death", f.words[n]) or f.words[n] in _DAMAGE for n in f.events)


def _perfect_passive(f: _Facts) -> bool:
    """'Have been attacked', 'has been targeted': a word of violence in the present perfect passive."""
    words = f.words
    for n in f.events:
        k = n - 1
        while k > n - 4 and k >= 0 and words[k] in _DETERMINERS | {"frequent", "repeated", "main", "key"}:
            k -= 1  # "has been the target of army offensives in South Waziristan"
        if k >= 1 and words[k] == "been" and words[k - 1] in ("has", "have"):
            return True
    return False


def _perfect_relative(f: _Facts) -> bool:
    """Tell a trend in a relative clause: 'the violence that has hit the North-West Frontier Province'."""
    words = f.words
    return any(
        n >= 2 and words[n - 1] in ("has", "have") and words[n - 2] in ("that", "which") for n in f.events
    )


#: Adverbs that may stand between an auxiliary and its participle ("have also been fighting",
#: "had already attacked")
_MID_ADVERBS = frozenset(
    {"also", "long", "often", "repeatedly", "increasingly", "recently", "since", "now", "instead", "steadily"}
    | {"already", "earlier", "again", "twice", "once", "previously"}
)
#: Participles of a trend ("fighting has intensified in Helmand"): a change over time, not an event
_TREND = frozenset(
    {
        "intensified",
        "escalated",
        "spread",
        "grown",
        "risen",
        "increased",
        "surged",
        "worsened",
        "continued",
        "raged",
        "persisted",
        "stepped",
        "fought",  # "has fought alongside the army in Swat"
        "battled",
    }
)
#: After "has been": a state that lasts ("has been active in Kunar", "has been behind attacks")
#: Words after "has/have been" that tell a state of things; "reported" and "recorded" sum up reports
#: ("clashes have also been reported in Parwan", dev72 writer)
_STATES = frozenset({"active", "present", "behind", "responsible", "reported", "recorded"})


#: The last word of a span of time that runs up to the report: "this year", "over the past year",
#: "in the past few months"
_SPAN_ENDS = frozenset({"year", "month", "months", "years", "weeks"})
#: Past participles that do not end in "-ed": "has seen", "have lost", "has struck"
_IRREGULAR_PARTICIPLES = frozenset(
    {"seen", "lost", "hit", "struck", "taken", "fought", "grown", "become", "made"}
    | {"held", "led", "shot", "known"}
)


def _perfect_over_span(words: Sequence[str]) -> bool:
    """'Has pressed offensives this year against militants in the Swat valley': a tally up to now.

    The present perfect with a span of time that runs up to the report ("this year", "this
    month", "over the past year") sums up the time before the report; the report's own event is
    told in the past tense or with its day. "Earlier this month" is a point in that span, not it.
    """
    if "has" not in words and "have" not in words:
        return False
    spans = [
        n
        for n, w in enumerate(words)
        if w in _SPAN_ENDS
        and n >= 1
        and (
            (words[n - 1] == "this" and (n < 2 or words[n - 2] not in ("earlier", "later")))
            or words[n - 1] == "past"
            or (n >= 2 and words[n - 1] == "few" and words[n - 2] == "past")
        )
    ]
    if not spans:
        return False
    for k in _after_perfect(words):
        if k < len(words) and (words[k].endswith("ed") or words[k] in _IRREGULAR_PARTICIPLES):
            return any(s > k for s in spans)
    return False


def _after_perfect(words: Sequence[str]) -> Iterator[int]:
    """Yield where the word after each "has"/"have" stands, past the adverbs it may take ("has also")."""
    for n, w in enumerate(words):
        if w in ("has", "have"):
            k = n + 1
            while k < len(words) and words[k] in _MID_ADVERBS:
                k += 1
            yield k


def _perfect_state(words: Sequence[str]) -> bool:
    """'Have also been fighting for Sangin', 'has been active in Kunar', 'fighting has intensified'.

    The present perfect of an ongoing action, a state or a trend tells how things have been up to
    the report, not what happened on its day.
    """
    if "has" not in words and "have" not in words:
        return False
    for k in _after_perfect(words):
        if k < len(words) and words[k] in _TREND:
            return True
        if k + 1 < len(words) and words[k] == "been":
            nxt = words[k + 1]
            if nxt in _STATES or (nxt.endswith("ing") and len(nxt) > 5):
                return True
    return False


def _tally(words: Sequence[str]) -> bool:
    """'Militants have killed 50 people in Kech since January': a count over a span, background.

    "Since" and a month, a year or "the start" sums events up to the report; after a
    superlative ("the deadliest attack since 2014") it compares the report's own event.
    """
    for n, w in enumerate(words[:-1]):
        if w != "since":
            continue
        nxt = words[n + 1]
        span = (
            nxt in _MONTH_WORDS
            or (nxt.isdigit() and len(nxt) == 4)
            or (nxt == "the" and n + 2 < len(words) and words[n + 2] in ("start", "beginning"))
        )
        if span and not any(x in _SUPERLATIVE or x.endswith("est") for x in words[max(0, n - 8) : n]):
            return True
    return False


def _span_after(words: Sequence[str], j: int) -> bool:
    """Whether a span of months or years follows the place: "in X between January 2012 and August 2013"."""
    for n in range(j, min(j + 3, len(words) - 1)):
        if words[n] == "between" and _time_word(words, n + 1):
            return any(
                words[k] == "and" and _time_word(words, k + 1)
                for k in range(n + 2, min(n + 5, len(words) - 1))
            )
    return False


def _similar_event(m: _Mention, f: _Facts) -> bool:
    """'carried out a similar raid on border posts at Arandu in 2011': the place of another event.

    "Similar" before the last word of violence ahead of the place (one adjective may stand
    between: "a similar magnetic bomb attack") compares that event with the report's own.
    """
    words = f.words
    e = max((n for n in f.events if n < m.i and m.i - n <= _EVENT_WINDOW), default=-1)
    return (
        e >= 1 and ("similar" in words[max(0, e - 3) : e]) and not any(n in f.breaks for n in range(e, m.i))
    )


def _time_word(words: Sequence[str], n: int) -> bool:
    """Whether the word at ``n`` opens a time: a month or a year ("January 2012", "2013")."""
    return words[n] in _MONTH_WORDS or _is_year(words[n])


def _is_year(word: str) -> bool:
    """Whether a word is a year from 1900 to 2100 (as ``_YEAR_WORD`` finds them): "1500 people" is none."""
    return len(word) == 4 and word.isdigit() and 1900 <= int(word) <= 2100


def _before_adverb(s: Sentence, text: str) -> list[int]:
    """Where '... have been targeted by separatists before.', '... attacked before: in April' say "before".

    "Before" with no object, ending a clause, puts what the clause tells before the report.
    """
    return [
        n
        for n, t in enumerate(s.tokens)
        if t.low == "before" and text[t.end : t.end + 1] in (".", ":", ";", "")
    ]


def _earlier_covers(m: _Mention, at: Sequence[int], words: Sequence[str]) -> bool:
    """Whether a time before the report's ("last year", "a week later") dates the place's sentence.

    It does, but for one in a "since" clause after the place, which measures the place's event
    against an earlier one ("shelled Chaman on Sunday, ... the worst clashes since the Taliban
    took power in Kabul last year" dates Kabul, not Chaman).
    """
    return any(q < m.i or "since" not in words[m.j : q] for q in at)


_SPAN_STARTS = frozenset({"late", "early", "mid", "last", "then"})
#: Words that make "since" a comparison with an earlier time: "the first fire on the town since
#: July 2017", "the deadliest attack since 2009"
_RECORD_WORDS = frozenset({"first", "deadliest", "worst", "bloodiest", "biggest", "largest", "heaviest"})


def _dated_since(m: _Mention, words: Sequence[str]) -> bool:
    """Whether every date of the sentence lies in a "since" clause after the place.

    "The bombing in Qalat was the deadliest attack since a bomb killed six soldiers last July":
    July dates the earlier bomb the comparison names, not Qalat's. A "since" that opens a span
    ("since late August", "since 2009") is no such comparison, unless a record word comes just
    before it ("the first fire on the town since July 2017").
    """
    since = next((n for n in range(m.j, len(words) - 1) if words[n] == "since"), None)
    if since is None:
        return False
    nxt = words[since + 1]
    record = not _RECORD_WORDS.isdisjoint(words[max(m.j, since - 6) : since])
    if not record and (nxt in _SPAN_STARTS or nxt in _MONTH_WORDS or nxt.isdigit()):
        return False  # "have held soldiers captive since late August": a span up to now
    return all(n > since for n, w in enumerate(words) if w in _MONTH_WORDS or (len(w) == 4 and w.isdigit()))


def _phrase_starts(joined: str, finder: re.Pattern[str]) -> list[int]:
    """Token positions where a cue starts, found by ``finder`` (:meth:`Cues.finder`) in ``joined``."""
    return [joined.count(" ", 0, m.start()) for m in finder.finditer(joined)]


_TEMPORAL = frozenset({"after", "since", "following", "before"})


def _negated(words: Sequence[str], n: int) -> bool:
    """Tell whether "not" or "never" negates the word at ``n`` ("was not captured")."""
    k = n - 1
    if k >= 0 and words[k] in ("been", "be"):
        k -= 1
    return k >= 0 and words[k] in ("not", "never")


_SENTENCING = frozenset({"sentenced", "condemned", "sentencing", "sentence"})
#: Words of the courts and prisons: an execution told with one is a sentence carried out
_JUDICIAL = _SENTENCING | {
    "court",
    "courts",
    "judiciary",
    "verdict",
    "convicted",
    "prison",
    "jail",
    "gallows",
    "law",
    "retribution",
    "qisas",
}
#: Nouns of getting even: "in revenge for the attack", "retaliation for the strikes"
_REVENGE = frozenset({"revenge", "retaliation", "reprisal", "reprisals"})


def _motive(words: Sequence[str], k: int) -> bool:
    """Tell whether the word at ``k`` makes the event after it a motive ("to avenge the operation")."""
    return words[k] in ("avenge", "avenging") or (words[k] == "for" and k >= 1 and words[k - 1] in _REVENGE)


#: Words that make the violence after them a plan, not an event
_PLANNING = frozenset(
    {"planning", "plotting", "planned", "plotted", "plan", "plans", "plot", "plots", "foiled", "thwarted"}
    | {"pressing", "pushing", "demanding", "urging"}  # "commanders pressing for an offensive in X"
    | {"favour", "favor", "favours", "favors", "favouring", "favoring"}  # "many favour an offensive in X"
    | {"warning", "warnings", "threat", "threats"}  # "had received warnings of an attack on the march in X"
)
#: What is fired when a crowd is dispersed and no one is hit ("fired tear gas", "fired into the
#: air"); a word of violence right before one of these is none
_CROWD_CONTROL = frozenset({"tear", "teargas", "rubber", "water", "warning"})
_FIRING = frozenset({"fire", "fired", "fires", "firing", "shot", "shots"})
#: Words of violence that name who fights, not what was done: "an offensive against the
#: militants' strongholds in X" is still the plan's place
_ACTORS = frozenset({"militants", "insurgents", "gunmen", "attackers", "fighters", "rebels"})
#: Determiners by which a statement takes an event already told of ("said the attack", "said its
#: strikes had been measured")
_ANAPHORIC = frozenset({"the", "this", "that", "these", "those", "its", "their"})
_DETERMINERS = frozenset(
    {"the", "a", "an", "this", "that", "these", "those", "their", "his", "her", "its", "our", "my"}
)


def _recalled(words: Sequence[str], events: Sequence[int]) -> frozenset[int]:
    """Event words that a temporal phrase refers back to: "after the attack", "since the bombing".

    They date the clause ("Security was tightened across Kabul after the attack") and do not
    make the places before them sites of violence.
    """
    out = set()
    for n in events:
        k = n - 1
        while k >= 0 and (words[k] in _DETERMINERS or words[k] in ("s", "deadly", "latest", "suicide")):
            k -= 1
        nominal = k == n - 1 and n + 1 < len(words) and words[n + 1] == "of"  # "after killing of seven"
        if k >= 0 and (k < n - 1 or nominal) and (words[k] in _TEMPORAL or _motive(words, k)):
            out.add(n)
    for n in sorted(out):
        # and the words of its "of" phrase: "after the killing of seven hostages"
        if n + 1 < len(words) and words[n + 1] == "of":
            out.update(e for e in events if n + 1 < e <= n + 5)
    return frozenset(out)


_start = attrgetter("start")
#: A year from 1900 to 2100 as a word of a sentence joined by spaces (``_Facts.years``)
_YEAR_WORD = re.compile(r" (19[0-9][0-9]|20[0-9][0-9]|2100)(?= )")


def _breaks(s: Sentence, text: str) -> frozenset[int]:
    """Return the positions of the words of ``s`` that a ``_CLAUSE_BREAK`` character follows."""
    toks = s.tokens
    out = set()
    for hit in _CLAUSE_BREAK.finditer(text, s.start, s.end):
        at = hit.start()
        k = bisect_right(toks, at, key=_start) - 1  # the last word starting before the break
        if 0 <= k < len(toks) - 1 and toks[k].end <= at:  # (a comma inside a number is no break)
            out.add(k)
    return frozenset(out)


def _facts(s: Sentence, c: Cues, text: str) -> _Facts:
    words = list(s.words)
    kinds = c.kinds_of(words)
    present = frozenset().union(*kinds)  # every kind of cue some word of the sentence is
    joined = " " + " ".join(words) + " "
    # a cue phrase's finder runs only where its first word is a word of the sentence
    seen = frozenset(words)
    claimed = "claim" in joined and any(
        f" {ph} " in joined for ph in c.phrases("uncertain") if ph.startswith("claim")
    )
    events = sorted(
        ({n for n, k in enumerate(kinds) if "event" in k} if "event" in present else set())
        | (
            set(_phrase_starts(joined, c.finder("event", multiword=True)))
            if not c.firsts("event", multiword=True).isdisjoint(seen)
            else set()
        )
    )
    plan_at = -1
    if not _PLANNING.isdisjoint(words):
        # "accused him of planning an attack on villagers at Dhangri": an attack that did not happen;
        # the plan, like a time to come, holds the places after it ("commanders pressing for an
        # offensive in North Waziristan")
        planned = [n for n in events if _PLANNING.intersection(words[max(0, n - 3) : n])]
        events = [n for n in events if n not in planned]
        plan_at = min(
            (k for n in planned for k in range(max(0, n - 3), n) if words[k] in _PLANNING), default=-1
        )
    if "not" in words or "never" in words:
        # "Yuldashev ... was not captured": a negated word of violence tells of none
        events = [n for n in events if not _negated(words, n)]
    if "to" in words:
        # "sentenced to death in absentia in Tashkent": a court's sentence, not a death
        events = [
            n
            for n in events
            if not (words[n] == "death" and n >= 2 and words[n - 1] == "to" and words[n - 2] in _SENTENCING)
        ]
    if "executed" in words and not _JUDICIAL.isdisjoint(words):
        # "was executed in Isfahan ... under the Islamic law of retribution", "executed at Adiala
        # jail": a court's sentence carried out, not an attack
        events = [n for n in events if words[n] != "executed"]
    if "broke" in words:
        # "a fire broke out at an oil refinery": a blaze, whatever started it (with no other word
        # of violence, as a disaster's)
        events = [n for n in events if not (words[n] == "fire" and words[n + 1 : n + 3] == ["broke", "out"])]
    if not _CROWD_CONTROL.isdisjoint(words) or "air" in words:
        # "police fired tear gas at demonstrators", "fired into the air": no one was hit
        events = [
            n
            for n in events
            if words[n] not in _FIRING
            or (
                _CROWD_CONTROL.isdisjoint(words[n + 1 : n + 3])
                and words[n + 1 : n + 4] not in (["into", "the", "air"], ["in", "the", "air"])
            )
        ]
    months = not _MONTH_WORDS.isdisjoint(words)
    return _Facts(
        words,
        events,
        _recalled(words, events),
        claimed
        or "uncertain" in present
        or (
            not c.firsts("uncertain", multiword=True).isdisjoint(seen)
            and c.finder("uncertain", multiword=True).search(joined) is not None
        ),
        claimed,
        (not c.firsts("habitual").isdisjoint(seen) and c.finder("habitual").search(joined) is not None)
        or (" since " in joined and _tally(words)),
        "death" in present,
        [int(y) for y in _YEAR_WORD.findall(joined)],
        None if _DAY_WORDS.isdisjoint(words) else _sentence_day(s),
        [d for _n, d in _full_dates(s)] if months else [],
        (
            *(
                _phrase_starts(joined, early)
                if not c.firsts("earlier").isdisjoint(seen) and (early := c.finder("earlier")).search(joined)
                else ()
            ),
            *(_days_back(words) if "days" in words else ()),
            *(_before_adverb(s, text) if " before " in joined else ()),
            *(
                (0,)
                if words and words[0] in c.firsts("earlier_open") and c.finder("earlier_open").match(joined)
                else ()
            ),
        ),
        _months_alone(s) if months else [],
        _month_days(s) if months else [],
        _first_future(joined, c, plan_at) if not c.firsts("future").isdisjoint(seen) else plan_at,
        "disaster" in present,
        kinds,
        _breaks(s, text),
    )


def _days_back(words: Sequence[str]) -> list[int]:
    """Return where "ten days earlier", "12 days ago" start: a count of days over a week back.

    A few days back ("two days earlier") may still be the report's own week of events, which
    writers code as sites; over a week back is another time, as "last month" is.
    """
    return [
        n
        for n in range(len(words) - 2)
        if words[n + 1] == "days"
        and words[n + 2] in ("earlier", "ago")
        and (count := _number(words[n])) is not None
        and count > 7
    ]


def _first_future(joined: str, c: Cues, plan_at: int) -> int:
    """Return where a time to come ("due to be played") or a plan (``plan_at``) first starts, else -1."""
    plan = c.finder("future").search(joined)
    at = joined.count(" ", 0, plan.start()) if plan else -1
    return min(at, plan_at) if at >= 0 and plan_at >= 0 else max(at, plan_at)


def _role(
    m: _Mention,
    same: Sequence[_Mention],
    text: str,
    c: Cues,
    report: Report,
    done: dict[int, tuple[str, str]],
    facts: dict[int, _Facts] | None = None,
) -> tuple[str, str]:
    """Return the role by the first rule that applies (see ``RULES``).

    ``report`` is what the whole report tells (:class:`Report`); ``done`` holds the roles
    of the earlier mentions (for lists); ``facts`` remembers what was read from each
    sentence (by index) between calls.
    The rules are read in three groups: the sentence's form, the cue words
    before the place, then the word of violence near it.
    """
    f = facts.get(m.sent.index) if facts is not None else None
    if f is None:
        f = _facts(m.sent, c, text)
        if facts is not None:
            facts[m.sent.index] = f
    lo, hi = max(0, m.i - _EVENT_WINDOW), min(len(m.sent.tokens), m.j + _EVENT_WINDOW)
    # a word of violence after the place that a temporal phrase refers back to ("... across Kabul
    # after the attack") dates the clause; it does not put the event at the place
    near_event = any(
        lo <= n < hi and not (n > m.j and n in f.recalled) and not _actor_object(f.words, n) for n in f.events
    ) and not _no_violence(f, c)
    found = _form_rule(m, same, text, c, report, done, f, near_event)
    if found is not None:
        return found
    p = _prev(m, same, c)
    return _cue_rule(m, p, text, c, f, report.headline) or _event_rule(m, p, text, c, f, near_event)


#: Prepositions by which a noun for fighters is an object: "a base among Uzbek fighters"
_ACTOR_OBJECT = frozenset({"among", "of", "with", "for", "against", "to", "from", "between", "including"})


def _actor_object(words: Sequence[str], n: int) -> bool:
    """'built up a second base among Uzbek fighters in Darzab': fighters named, not fighting.

    A noun for fighters (``_ACTORS``) tells of violence as the doer ("Fighters stopped a
    train"), not as a preposition's object, which says who someone is or lives among.
    """
    return words[n] in _ACTORS and not _ACTOR_OBJECT.isdisjoint(words[max(0, n - 3) : n])


def _form_rule(
    m: _Mention,
    same: Sequence[_Mention],
    text: str,
    c: Cues,
    report: Report,
    done: dict[int, tuple[str, str]],
    f: _Facts,
    near_event: bool,
) -> tuple[str, str] | None:
    """Apply the rules read from the sentence's form; ``None`` when none applies.

    Continent, possessive, list, past year, habitual, speech, reaction, "where".
    """
    toks = m.sent.tokens
    words = f.words
    if m.kind == "continent":
        return "reference", "no-event"
    if (
        (text[m.end : m.end + 2] in ("'s", "’s") and not _named_part(m, same, words))
        or text.startswith("-based", m.end)
        or (
            m.kind == "country"
            and m.j < len(toks)
            and (
                words[m.j] in ("border", "borders", "frontier")
                or c.has("attributive", words[m.j])
                or _joined_attribute(toks, words, m.j, c)
            )
        )
        or (
            (_office_of(words, m.j) or _branch_named(words, m.i, m.j, f.events))
            and text[m.end : toks[m.j].start] == " "
        )
    ):
        # "Sindh's minister", "London-based", "the Pakistan border", "US troops", "Karachi police chief"
        return "reference", "possessive"
    if _road_end(m, text, words):
        return "reference", "road-end"
    # coordination: "in Chabahar and Rask", "between Spin Boldak and Chaman", "and the Bajaur district"
    at = m.i - 1 if m.i >= 3 and words[m.i - 1] == "the" and words[m.i - 2] in ("and", "or") else m.i
    if (at >= 2 and words[at - 1] in ("and", "or")) or (
        m.i >= 1 and text[toks[m.i - 1].end : m.start].strip() == ","
    ):
        prev_end = at - 1 if words[at - 1] in ("and", "or") else m.i
        for o in same:
            if o.j == prev_end and id(o) in done:
                role, _ = done[id(o)]
                return role, "list"
    if _dated_name(m, f, report):
        return "reference", "past-year"
    pub = report.day
    if f.years and pub is not None and all(y != pub.year for y in f.years) and not f.day:
        return "reference", "past-year"
    if (
        f.years
        and pub is None
        and not f.day
        and (
            all(y != report.lede_year for y in f.years)
            if report.lede_year
            else report.latest_year and all(y < report.latest_year for y in f.years)
        )
    ):
        # with no date known, a year is another time against the year the lede names ("The
        # battle was fought in June 2007"), else only against a later year the report names ("In
        # 2016, a bomb killed 70 in Quetta" in a report that tells of 2019)
        return "reference", "past-year"
    if f.habitual and not f.day:  # "known for its work ..., was shot dead on Wednesday in X": a day
        return "reference", "habitual"
    if _span_after(words, m.j):
        # "45 drone strikes reported in North Waziristan between January 2012 and August 2013": a
        # count over a span, whatever day the sentence also names ("released on Tuesday")
        return "reference", "habitual"
    if (
        m.sent.index > 1
        and not f.day
        and (
            _perfect_passive(f)
            or _perfect_state(f.words)
            or _perfect_relative(f)
            or _perfect_over_span(f.words)
        )
    ):
        # "its workers have been attacked on the highway to Zaranj", "forces have also been fighting
        # for control of Sangin": a state of things, past the lede
        return "reference", "habitual"
    if m.sent.index in report.aside:
        return "reference", "section"
    if _span_before_event(m, f):
        return "reference", "earlier-date"
    if _similar_event(m, f):
        return "reference", "similar"
    if (
        _earlier_covers(m, f.earlier, f.words)
        or (_dated_away(f, report) and not _dated_since(m, f.words))
        or _pluperfect_before(f, report)
    ):
        return "reference", "earlier-date"
    if 0 <= f.future < m.i and not any(f.future < e < m.i and words[e] not in _ACTORS for e in f.events):
        # "matches due to be played in Lahore later this month": a plan, unless a word of violence
        # comes between ("will investigate the attack in Quetta")
        return "reference", "future"
    if m.j < len(toks) and c.has("speech", words[m.j]) and text[m.end : toks[m.j].start].strip() == "":
        return "reference", "speech-after"
    later_place = any(o.i >= m.j for o in same if o is not m)
    if m.i <= 1 and text[m.end : m.end + 1] == "," and (later_place or not near_event):
        tail = words[m.j : m.j + 7]
        if any(c.has("ref_head", w) for w in tail) and any(c.has("speech", w) for w in tail):
            return "reference", "speech-after"
    if _blamed(words, m.i, m.j, f.events):
        return "reference", "reaction-object"
    if _reaction(m, f, text, c, later_place):
        return "reference", "reaction"
    if _reaction_object(m, f, c):
        return "reference", "reaction-object"
    if (
        not f.disaster
        and text[m.end : m.end + 9].lower().startswith((", where", " where"))
        and any(w not in _DYING and (c.has("death", w) or c.has("event", w)) for w in words[m.j : m.j + 25])
        and not _other_event(m, words, text, c, report.headline)
    ):
        return "incident", "where-event"
    return None


#: Words of a death with no doer: "flown to the hospital in Peshawar, where several later died"
#: tells where the wounded died, not where they were hurt
_DYING = frozenset({"died", "death", "deaths", "lives", "toll"})
#: Verbs of blame: what they blame is a party to the violence, not where it happened
_BLAMING = frozenset({"blamed", "blaming", "blames", "blame", "accused", "accusing", "accuses", "accuse"})


def _blamed(words: Sequence[str], i: int, j: int, events: Sequence[int]) -> bool:
    """'blamed foreign enemies, including the United States and Israel, for fomenting unrest': the blamed.

    A verb of blame at most six words before the place, with no word of violence between,
    and "for" or "of" (what it is blamed for) at most eight words after it.
    """
    k = next((n for n in range(i - 1, max(-1, i - 7), -1) if words[n] in _BLAMING), -1)
    if k < 0 or any(k < e < i for e in events):
        return False
    return any(w in ("for", "of") for w in words[j : j + 8])


#: Prepositions that set where a thing was ("outside his office", "at a meeting")
_AT_PLACE = frozenset({"outside", "at", "near", "inside", "in", "on"})
#: Words of death that tell of a killing, not only of a death
_KILLING = frozenset({"killed", "shot", "murdered", "assassinated", "slain", "gunned"})


def _cue_rule(
    m: _Mention, p: int, text: str, c: Cues, f: _Facts, headline: str = ""
) -> tuple[str, str] | None:
    """Apply the rules read from the words before the place; ``None`` when none applies.

    ``p`` is the first word before it that is not filler. Cue words, heads,
    destination, background.
    """
    toks = m.sent.tokens
    words = f.words
    raw = words[max(0, m.i - 3) : m.i]
    if p >= 0:
        w = words[p]
        part = len(raw) == 3 and raw[0] == "the" and raw[2] == "of"  # "in the west of Kabul": a part of it
        if not part and (
            c.has("ref_before", w)
            or " ".join(raw[-2:]) in c.phrases("ref_before")
            or " ".join(raw[-3:]) in c.phrases("ref_before")
        ):
            return "reference", "ref-cue"
        if w == "between" and p >= 1 and c.has("route", words[p - 1]) and not _at_crossing(words, p, c):
            return "reference", "ref-head"
        if w in ("in", "at", "from") and p >= 1:
            head = words[p - 1]
            if head == "off" and p >= 2:
                head = words[p - 2]  # "switched off in Quetta", not a bomb that "went off in Charsadda"
            if c.has("ref_head", head) or c.has("speech", head) or _issued_by(toks, words, p, c):
                return "reference", "ref-head"
            k = p - 2
            while k >= 0 and words[k] in _DETERMINERS:
                k -= 1
            if (c.has("ref_place", head) or c.has("origin_place", head)) and k >= 0 and words[k] == "from":
                # "attacked border posts from its hideouts in Kech": where the attackers came from
                return "reference", "ref-head"
            if c.has("ref_place", head):
                # a word of violence before the gathering makes it the target ("a drone struck
                # a council in X"), unless a reaction takes it as its object ("condemned the
                # violence at a meeting in X")
                # within 12 words ("attacked a maternity ward run by Médecins Sans Frontières at
                # a hospital in"), and in the same clause ("the bombings took place as the allies
                # prepared for a new administration in Washington")
                lo = max(0, p - 12)
                for n in range(p - 2, lo - 1, -1):
                    # a semicolon ends a clause too: "... were killed; the wounded were taken to the
                    # Sheikh Zayed Hospital in Rahim Yar Khan"
                    if words[n] in _CLAUSE_OPENERS or text[toks[n].end : toks[n + 1].start].strip() == ";":
                        lo = n + 1
                        break
                # a killing counts when a locative sets the gathering's place ("killed outside his
                # office in Gardez"); a death alone does not ("died at a hospital in Peshawar")
                q = p - 2
                while q > lo and words[q] in _DETERMINERS:
                    q -= 1
                located = words[q] in _AT_PLACE
                hits = [
                    n
                    for n in range(lo, p - 1)
                    if c.has("event", words[n])
                    and (not c.has("death", words[n]) or (located and words[n] in _KILLING))
                    and not any(c.has("reaction", w) for w in words[max(lo, n - 3) : n])
                ]
                if not hits and not _passive_hit(words, m.j, f.events):
                    return "reference", "ref-head"
    if p >= 2 and words[p] in ("including", "like") and "from" in words[max(0, p - 5) : p]:
        # "fighters had gathered from neighbouring provinces, including Jawzjan": where they came from
        k = p - 1 - words[max(0, p - 5) : p][::-1].index("from")
        if not any(c.has("event", w) for w in words[k:p]):
            return "reference", "ref-cue"
    if (
        p >= 3
        and words[p] == "near"
        and words[p - 1] in ("village", "town", "hamlet", "settlement")
        and words[p - 2] == "a"
        and (toks[p - 3].cap or toks[p - 3].text.isdigit())  # "Chak 59, a village near ..."
        and text[toks[p - 3].end : toks[p - 2].start].strip() == ","
    ):
        # "in Zangara, a village near Ladha": the town after "near" says where the named village is
        return "reference", "description"
    if _home_described(toks, words, p, text, c):
        return "reference", "ref-cue"
    if p >= 0 and c.has("locative", words[p]) and _destination(m, p, text, c, f):
        # "was taking pupils to a school in Khuzdar when a car bomb struck it": the journey's end,
        # the site if the report names no other (``_journey_sites``)
        return "reference", "journey" if _journey_hit(words, m.j, c) else "destination"
    if p >= 0 and words[p] in ("in", "at", "near", "from", "into") and _other_verb_governs(m, p, text, c, f):
        return "reference", "other-verb"
    if _other_event(m, words, text, c, headline):
        return "reference", "earlier-date"
    if p >= 1 and "despite" in words[max(0, p - 4) : p]:
        # "could still strike despite the offensives in Swat": a state of affairs conceded
        return "reference", "background"
    if _described(m, words, text, c):
        return "reference", "description"
    if m.i == 0 and m.j < len(toks):
        gap = text[m.end : toks[m.j].start].strip()
        if (gap == "," and c.has("background", words[m.j])) or (
            gap == "" and words[m.j] in ("borders", "lies", "has", "is", "remains", "sits")
        ):
            return "reference", "background"
    return None


def _issued_by(toks: Sequence[Token], words: Sequence[str], p: int, c: Cues) -> bool:
    """Tell whether the place is the seat of an issuer or an office: "issued by the ISPR in Rawalpindi".

    Walks left from the place's preposition over the institution's name (capitalised words,
    "the", "of") to "by" and the word before it, or to a head of office and "of" ("served as
    spokesman of the Ministry of Defence in Kabul"): the place says where the institution sits.
    """
    k = p - 1
    while k >= 1 and p - k <= 8 and (toks[k].cap or words[k] in ("the", "of", "and")):
        k -= 1
    if k < 1 or k >= p - 1 or not any(t.cap for t in toks[k + 1 : p]):
        return False
    if words[k] == "by":
        return c.has("ref_head", words[k - 1])
    return words[k + 1] == "of" and c.has("ref_head", words[k])


def _joined_attribute(toks: Sequence[Token], words: Sequence[str], j: int, c: Cues) -> bool:
    """'U.S. and European officials': a country joined to another name before an attributive noun."""
    return (
        j + 2 < len(toks)
        and words[j] in ("and", "or")
        and toks[j + 1].cap
        and c.has("attributive", words[j + 2])
    )


#: Offices a place names as their seat ("Karachi police chief", "the Quetta district administration")
_OFFICES = frozenset(
    {"chief", "chiefs", "commissioner", "spokesman", "spokesperson", "official", "officials"}
    | {"administration", "authorities", "government", "mayor", "governor"}
)
_OFFICE_KINDS = frozenset({"police", "district", "city", "municipal", "provincial"})
#: Parts of a movement named after the place they work in ("the Khorasan branch of the Islamic
#: State", "the Swat faction of the Taliban", dev64 writer): a name, not where anything happened
_BRANCHES = frozenset({"branch", "chapter", "wing", "faction", "affiliate", "offshoot", "franchise"})


#: Outlets named after their city ("the Fars news agency said", dev72 writer), unless the word
#: after them is their building ("the Jalalabad radio station")
_OUTLETS = frozenset({"news", "newspaper", "daily", "television", "tv", "radio"})
_OUTLET_PREMISES = frozenset({"station", "stations", "building", "office", "offices", "tower", "compound"})


def _branch_named(words: Sequence[str], i: int, j: int, events: Sequence[int]) -> bool:
    """Tell whether the place names a branch or an outlet: "The Khorasan branch of the Islamic State".

    A branch hit or a branch as the scene ("robbed the Quetta branch of a bank", "at the
    Peshawar branch") is the place's own: a word of violence or a preposition of place right
    before the phrase keeps it a site. An outlet ("the Fars news agency said") is read the same
    way, and its premises ("the Jalalabad radio station") are a place.
    """
    if j >= len(words):
        return False
    if words[j] in _OUTLETS:
        if j + 1 < len(words) and words[j + 1] in _OUTLET_PREMISES:
            return False
    elif words[j] not in _BRANCHES:
        return False
    k = i - 1
    if k >= 0 and words[k] in ("the", "a", "its", "their", "his"):
        k -= 1
    return k < 0 or (k not in events and words[k] not in _AT_PLACE)


def _office_of(words: Sequence[str], j: int) -> bool:
    """'Karachi police chief Amir Shaikh said ...': the place names an office's seat, an attribute."""
    if j < len(words) and words[j] in _OFFICE_KINDS:
        j += 1
    return j < len(words) and words[j] in _OFFICES


_DASH_GAPS = frozenset({"-", "\u2010", "\u2011", "\u2013", "\u2014"})


def _road_end(m: _Mention, text: str, words: Sequence[str]) -> bool:
    """Tell whether the place is one end of a road named after its two ends: "the Quetta–Karachi highway".

    The name says which road it is ("set up checkpoints on the Quetta–Karachi and Surab–Gidar
    roads"), not where anything happened; the road words are ``geokit/data/roads.tsv``'s.
    Further pairs joined by "and" may stand between the pair and the road word.
    """
    toks = m.sent.tokens
    n = len(toks)
    first = m.j < n and text[m.end : toks[m.j].start] in _DASH_GAPS
    if not first and not (m.i > 0 and toks[m.i - 1].cap and text[toks[m.i - 1].end : m.start] in _DASH_GAPS):
        return False
    road = road_words()

    def is_road(w: str) -> bool:
        return w in road or (w.endswith("s") and w[:-1] in road)

    def past_name(k: int) -> int:
        while k < n and toks[k].cap and not is_road(words[k]):
            k += 1
        return k

    k = past_name(m.j) if first else m.j  # the first end: past the second
    while k + 1 < n and words[k] in ("and", "or") and toks[k + 1].cap:
        k = past_name(k + 1)  # "... and Surab–Gidar roads": another pair
    return k < n and is_road(words[k])


#: Verbs of passing by a place: "through" after them is where something went on
_PASSING = frozenset({"passed", "passing", "passes", "moving", "drove", "driving", "crossing", "crossed"})


def _event_rule(m: _Mention, p: int, text: str, c: Cues, f: _Facts, near_event: bool) -> tuple[str, str]:
    """Apply the last rules: an incident needs a word of violence near it, then a locative or subject."""
    words = f.words
    if not near_event:
        return "reference", "no-event"
    if m.kind == "country" and not f.death:
        return "reference", "no-event"
    # a comma right after the word governs nothing past it: "to prevent a repeat of such
    # attacks, the Mehr news agency reported" (an apposition's comma comes later: "in the
    # capital, Kabul")
    governs = p >= 0 and p not in f.breaks
    building_of = governs and c.has("building", words[p]) and p + 1 < m.i and words[p + 1] == "of"
    # "exploded as the train passed through Balochistan": a passage by the place was the scene
    passage = governs and words[p] == "through" and p >= 1 and words[p - 1] in _PASSING
    if governs and (c.has("locative", words[p]) or building_of or passage):  # "the mosque of Peshawar"
        return "incident", "event-locative"
    if m.i <= 1 or _subject_of_event(m, f, text, c):
        return "incident", "event-subject"
    return "reference", "event-no-locative"


def _passive_hit(words: Sequence[str], j: int, events: Sequence[int]) -> bool:
    """'Schools in Tangir were also reportedly set on fire': the place's phrase is the subject of violence."""
    n = j
    while n < len(words) and (words[n] in _AUXILIARIES or (words[n].endswith("ly") and n > j)):
        n += 1
    # the verb itself, or the phrase it opens: "set on fire", "blown up"
    return (
        n > j
        and n < len(words)
        and any(e == n or (n < e <= n + 2 and words[n] in ("set", "blown")) for e in events)
    )


def _at_crossing(words: Sequence[str], p: int, c: Cues) -> bool:
    """'fighting ... at the border crossing between A and B': a point between A and B, hit by the event.

    The route noun before ``between`` (at ``p - 1``) is a crossing and a locative preposition
    governs it; the sentence's violence is then at that point, which A and B locate.
    """
    if not c.has("crossing", words[p - 1]):
        return False
    k = p - 2
    while k >= 0 and p - k <= 5 and not c.has("locative", words[k]):
        k -= 1
    return k >= 0 and p - k <= 5 and any(c.has("event", w) for w in words[:k])


_AUXILIARIES = frozenset(
    {"was", "were", "is", "are", "has", "have", "had", "been", "be", "also", "again", "itself"}
)
_CLAUSE_BREAK = re.compile(r"[,;:()]")  # punctuation between two words that ends a phrase


#: Nouns in -ing that a walk through noun phrases passes ("to the border crossing at Torkham")
_ING_NOUNS = frozenset(
    {"crossing", "building", "buildings", "meeting", "wedding", "housing", "parking", "landing"}
)


_SPANS = frozenset({"hours", "days", "weeks", "months", "day", "week", "month"})


def _span_before_event(m: _Mention, f: _Facts) -> bool:
    """Tell whether the place is that of another event the report's is measured against.

    "The shooting took place three days after the explosion at the port of Beirut": the place
    hangs from a word of violence that "N days after/before" measures the report's event
    against, and is where that other event was.
    """
    words = f.words
    e = max((n for n in f.events if n < m.i), default=-1)
    if e < 0 or e not in f.recalled or m.i - e > 6 or any(n in f.breaks for n in range(e, m.i)):
        return False
    k = e - 1
    while k >= 0 and words[k] in _DETERMINERS:
        k -= 1
    return k >= 1 and ((words[k] in ("after", "before") and words[k - 1] in _SPANS) or _motive(words, k))


def _dated_name(m: _Mention, f: _Facts, report: Report) -> bool:
    """Tell whether a year before the place names an event of another year: 'the 2008 Mumbai attacks'.

    The year is measured as the sentence's years are: against the report's date, else
    against the year its lede names.
    """
    words = f.words
    # the event's noun follows, at most one noun between ("the 2011 Peshawar market bombing")
    noun = next((n for n in range(m.j, min(len(words), m.j + 2)) if "event" in f.kinds[n]), None)
    if m.i < 1 or noun is None or any(n in f.breaks for n in range(m.j - 1, noun)):
        return False
    year = words[m.i - 1]
    if not _is_year(year):
        return False
    known = report.day.year if report.day is not None else report.lede_year
    return known is not None and int(year) != known


_SETTLEMENTS = frozenset({"village", "town", "hamlet", "settlement"})


def _home_described(toks: Sequence[Token], words: Sequence[str], p: int, text: str, c: Cues) -> bool:
    """'came from Faridkot, a village in Okara district': the unit says where a home town lies.

    The place follows "a village in" set off by a comma after a name that a reference cue
    (``ref_before``: "came from", "native of") governs; the unit then tells where that home
    town is, and is no more a site than the town.
    """
    if not (
        p >= 3
        and words[p] in ("in", "of")
        and words[p - 1] in _SETTLEMENTS
        and words[p - 2] == "a"
        and text[toks[p - 3].end : toks[p - 2].start].strip() == ","
    ):
        return False
    h = p - 3
    while h >= 0 and toks[h].cap:
        h -= 1
    if h == p - 3:
        return False  # no name before the comma
    return h >= 0 and (
        c.has("ref_before", words[h]) or " ".join(words[max(0, h - 1) : h + 1]) in c.phrases("ref_before")
    )


def _destination(m: _Mention, p: int, text: str, c: Cues, f: _Facts) -> bool:
    """'travelling to their camp near the dam site at Dasu': the place ends a phrase headed by 'to'/'from'.

    Walks left from the place's preposition through the noun phrases and prepositions
    it hangs from; reaching "to/towards/from" makes it a destination or origin. A comma,
    a word of violence or a verb form ends the walk (the place then attaches to that).
    """
    toks = m.sent.tokens
    words, kinds, breaks = f.words, f.kinds, f.breaks
    k = p - 1
    listed = False  # an "and"/"or" passed: a comma before it may part the items of one list
    while k >= 0 and p - k <= 12:
        if k in breaks and not (listed and text[toks[k].end : toks[k + 1].start] == ", " and toks[k].cap):
            # "taken to the District Headquarters Hospital, the Benazir Bhutto Hospital and the
            # Polyclinic in Islamabad": a comma between two names of a list goes on to its head
            return False
        w = words[k]
        listed = listed or w in ("and", "or")
        if w == "to" and _infinitive(toks, words, k, p):
            return False  # "gathering for a procession to mark ... in Mastung": no destination
        if w in ("to", "towards", "toward", "from"):
            if k >= 1 and c.has("event", words[k - 1]):
                return False  # "set fire to", "attack from"
            # "struck a bus carrying pupils to a school on the outskirts of X": the phrase belongs
            # to the object of a word of violence earlier in its clause; its locative tells where
            # that object was, which is the only site the clause gives
            return not _event_governs(toks, words, k, text, c)
        if (
            "event" in kinds[k]
            or w in _AUXILIARIES
            or (len(w) > 4 and w.endswith(("ed", "ing")) and w not in _ING_NOUNS)
        ):
            return False
        k -= 1
    return False


_DISPLACED = frozenset({"displaced", "uprooted", "driven"})
_CLAUSE_OPENERS = frozenset({"as", "while", "when", "because", "after", "before", "since"})
_DO_FORMS = frozenset({"did", "do", "does", "had", "has", "have", "was", "were"})
_LONG_SPANS = frozenset({"week", "weeks", "month", "months", "year", "years"})
#: Words of a span of time that opens a sentence ("Two days after ...", "On the same day that ...")
_SPAN_WORDS = frozenset(
    {"a", "an", "one", "on", "the", "same", "just", "only", "about", "some", "hours", "hour"}
    | {"day", "days", "week", "weeks", "month", "months", "year", "years"}
)
#: "On the same day that ...", "in the same weekend as ...": another event of the report's time
_SAME_SPANS = frozenset({"day", "weekend", "night", "morning", "evening", "afternoon"})
_OTHER_EVENT_WORDS = frozenset({"after", "before", "that", "as", "while", "since", "for", "to", "followed"})


def _other_event(m: _Mention, words: Sequence[str], text: str, c: Cues, headline: str = "") -> bool:
    """Tell whether the place belongs to another event ('three weeks after a car bomb ...').

    A span of time before "after"/"before" and an indefinite article measures the report's
    event against another one ("came a day after a car bomb killed ... in Peshawar", "one day
    before a suicide attack in Pulwama", "on the same day that thousands gathered in
    Saqqez"). The places of the clause it opens, to the end of the sentence or, when it opens
    the sentence, to its comma, are that other event's: background like a sentence dated
    earlier. A report covers the other event too when its lede tells of both ("struck
    hideouts in Khost two days after a suicide attack killed seven soldiers in North
    Waziristan") or its title names the place ("Suicide bomber kills 12 in Islamabad a day
    after Wana college attack"): both are then events to code.
    """
    toks = m.sent.tokens
    for k in range(1, m.i):
        if words[k] not in _OTHER_EVENT_WORDS or k + 1 >= len(words) or (k == 1 and words[k] != "followed"):
            continue  # a pronoun may open "They followed an attack ..."; the other forms need two words
        if all(
            w in _SPAN_WORDS or w in _WEEKDAY_WORDS or _number(w) for w in words[:k]
        ) and _CLAUSE_BREAK.search(text, toks[k].end, m.start):
            continue  # "Two days after a bombing in X, gunmen attacked Y": Y is in the main clause
        if words[k] == "followed":
            if words[k + 1] == "by":
                continue  # "fired a smoke shell followed by two mortar rounds into Athmuqam": a sequence
            # "The blast followed an explosion on 26 June near Parchin", "The attacks followed the
            # army's assault on the Lal Masjid": what the report's event followed is another event
            return m.sent.index > 0 and f" {m.key} " not in headline
        if (
            words[k + 1] in _DETERMINERS
            and words[k + 1] not in ("a", "an")
            and any(c.has("event", w) for w in words[k + 2 : k + 5])
        ):
            if k + 2 <= m.i < k + 5:
                return True  # "days after the Rawalpindi blasts": the place names that other event
            if "s" not in words[k + 2 : k + 4]:
                continue  # "weeks after the attack": the report's own event
            # "a week after the army's assault on the Lal Masjid": someone's own act, another event
        unit, count = words[k - 1], words[k - 2]
        if words[k] in ("since", "for", "to"):
            # "the worst attack since a suicide attack on a church in Peshawar", "revenge for a
            # drone strike in North Waziristan": another event, whatever its distance in time
            # revenge is always for another event, whatever its article: "revenge for the hanging of
            # sixteen prisoners at the prison in Zahedan"
            revenge = (words[k] == "for" and unit in ("revenge", "retaliation")) or (
                words[k] == "to" and unit in ("response", "reprisal")
            )
            if (words[k + 1] in ("a", "an") and (words[k] == "since" or revenge)) or (
                revenge and words[k + 1] in ("the", "its", "their")
            ):
                return m.sent.index > 0 and f" {m.key} " not in headline
            continue
        if words[k] in ("as", "while") and unit in ("came", "comes", "place"):
            # "The bombing came as the army pressed on with its offensive in Swat": the clause
            # after it is what was going on at the time, unless it names a day of its own ("as
            # troops were still clearing the college in Wana, where militants struck on Monday"); a
            # further "and as" opens a clause with a time of its own
            ands = [n for n in range(k + 1, len(words) - 1) if words[n] == "and" and words[n + 1] == "as"]
            start = max((n for n in ands if n < m.i), default=k)
            end = min((n for n in ands if n > m.i), default=len(words))
            return (
                m.sent.index > 0
                and f" {m.key} " not in headline
                and _WEEKDAY_WORDS.isdisjoint(words[start:end])
            )
        if words[k] in ("that", "as"):
            if count != "same" or unit not in _SAME_SPANS:
                continue
            # "came on the same day that thousands gathered in Saqqez", "in the same weekend as the
            # demolition of a temple in Karachi"
            count, unit = "one", "day"
        # "came days after a suicide bombing at the seminary in Akora Khattak": a few days
        days = _number(count) or (1 if count in ("a", "one") else 2 if unit == "days" else 0)
        if unit in _LONG_SPANS or (unit in ("day", "days") and days > _EARLIER.days):
            return True
        if (unit in ("day", "days") and days) or unit in ("hour", "hours"):
            # "took place hours after gunmen tried to storm the consulate in Karachi's Clifton area"
            return m.sent.index > 0 and f" {m.key} " not in headline
    return False


_RELATIVE = re.compile(r",\s+(?:whose|which|that|who)\b", re.IGNORECASE)


def _described(m: _Mention, words: Sequence[str], text: str, c: Cues) -> bool:
    """Tell whether the place lies in a relative clause that describes, with no violence of its own.

    "..., whose flagship project is the port of Gwadar in Balochistan": the clause opened by
    a comma and "whose"/"which"/"that"/"who" says what a noun is; a place in it is a site only
    if the clause itself tells of violence (a "where" clause is left to its own rule).
    """
    s = m.sent
    openers = list(_RELATIVE.finditer(text, s.start, m.start))
    opener = openers[-1] if openers else None
    if opener is None or _CLAUSE_BREAK.search(text, opener.end(), m.start):
        return False  # no relative clause, or another clause boundary between it and the place
    brk = _CLAUSE_BREAK.search(text, m.end, s.end)
    stop = brk.start() if brk else s.end
    toks = s.tokens
    clause = [words[n] for n in range(len(toks)) if opener.start() < toks[n].start < stop]
    return not any(c.has("event", w) or c.has("death", w) for w in clause)


def _other_verb_governs(m: _Mention, p: int, text: str, c: Cues, f: _Facts) -> bool:
    """'exile, most of it spent in Dubai', 'closed the border crossings at Torkham': the verb is no violence.

    Walks left from the place's preposition through the object it hangs from to the verb
    that governs it, within the clause; a verb of living, travel, care or office (cue kind
    ``other_verb``) makes the place where that happened, not a site. A word of violence met
    first ("bombs near Karsaz") leaves the place to the rules of violence.
    """
    toks = m.sent.tokens
    words, kinds = f.words, f.kinds
    k = p - 1
    while k >= 0 and p - k <= 10:
        if k < p - 1 and k in f.breaks:
            return False
        w, ks = words[k], kinds[k]
        if "death" in ks and k >= 1 and words[k - 1] in _DETERMINERS:
            k -= 2  # "the funeral of the dead in Isfahan": the dead are people, not an event
            continue
        event = "event" in ks
        if event and k == p - 1 and k >= 2 and words[k - 1] in ("the", "this", "both", "these"):
            # "condemned the strike in Islamabad", "protested against the strike in Peshawar": the
            # attack the report told of is the object; the place is where they spoke or marched
            verb = words[k - 3] if words[k - 2] == "against" and k >= 3 else words[k - 2]
            return c.has("reaction", verb) or c.has("other_verb", verb)
        if event and k >= 2 and words[k - 1] == "by" and words[k - 2] in _DISPLACED:
            return True  # "people displaced by fighting in the Salarzai area": where they came from
        if event or w in ("and", "but", "when", "while", "after", "before", "as"):
            return False
        if "other_verb" in ks and not (k >= 1 and text[toks[k - 1].end : toks[k].start] == "-"):
            # (not the second half of a compound adjective: "an intelligence-based operation in Bajaur")
            if w == "held" and k + 1 < len(words) and words[k + 1] in ("hostage", "hostages", "captive"):
                return False  # "were held hostage in a school in X": the siege is the event
            if k >= 1 and words[k - 1] == "and" and any(n < k - 1 for n in f.events):
                # "killed five militants and arrested one during an operation in Tirah": the place
                # is that of both verbs
                return False
            return not _victims_clause(words, k, c)
        k -= 1
    return False


def _victims_clause(words: Sequence[str], k: int, c: Cues) -> bool:
    """Whether the verb at ``k`` opens a relative clause on the victims of a word of violence before it.

    "killed 17 worshippers who had gathered for prayers at a mosque in Herat": the clause
    tells where the victims were, which is the site.
    """
    n = k - 1
    while n >= 0 and (
        words[n] in _AUXILIARIES
        or words[n] in ("they", "he", "she", "we", "and")
        or c.has("other_verb", words[n])
    ):
        n -= 1  # "in a house where they lived and worked in the Saravan area"
    return (
        n >= 1
        and words[n] in ("who", "that", "which", "where")
        and any(c.has("event", w) and not w.endswith(_AGENT_ENDINGS) for w in words[:n])
    )


#: Endings of the nouns for those who do violence ("fighters", "militants", "gunmen"): words of
#: violence that name people, not an act done to the clause's victims
_AGENT_ENDINGS = ("er", "ers", "or", "ors", "ant", "ants", "man", "men")


def _journey_hit(words: Sequence[str], j: int, c: Cues) -> bool:
    """Whether a "when"/"as" clause after the place tells of violence: the journey was hit on its way."""
    for n in range(j, len(words) - 1):
        if words[n] in ("when", "as"):
            return any(c.has("event", w) and not w.endswith(_AGENT_ENDINGS) for w in words[n + 1 :])
    return False


def _infinitive(toks: Sequence[Token], words: Sequence[str], k: int, p: int) -> bool:
    """Whether the ``to`` at ``k`` starts an infinitive with its object ("to mark the", "to collect their").

    A destination's ``to`` is followed by a noun phrase; a lower-case word that is not a
    determiner, followed by a determiner or a name, is a verb taking its object; followed by
    "at" or "in", a verb with no object ("had stopped to eat at a restaurant in Khanewal").
    """
    if k + 2 > p:
        return False
    verb, nxt = toks[k + 1], toks[k + 2]
    if verb.cap or not verb.text.isalpha() or words[k + 1] in _DETERMINERS:
        return False
    return words[k + 2] in _DETERMINERS or nxt.cap or words[k + 2] in ("at", "in", "inside")


_BE_FORMS = frozenset({"was", "were", "is", "are", "been", "being"})
#: Participles of moving someone that do not end in "-ed": "were taken to", "was flown to"
_MOVED = frozenset({"taken", "brought", "flown", "driven", "sent", "shifted", "rushed"})


def _event_governs(toks: Sequence[Token], words: Sequence[str], k: int, text: str, c: Cues) -> bool:
    """Whether a word of violence comes before the ``to``/``from`` at ``k`` in the same clause.

    A passive verb right before it is what the phrase hangs from: "The victims were taken to the
    hospital in Sui" tells where they were taken, whatever word of violence the clause has.
    """
    if k >= 2 and words[k - 2] in _BE_FORMS and (words[k - 1].endswith("ed") or words[k - 1] in _MOVED):
        return False
    n = k - 1
    while n >= 0:
        if _CLAUSE_BREAK.search(text, toks[n].end, toks[n + 1].start):
            return False
        if words[n] in ("when", "while", "as", "because", "after", "before", "and", "but"):
            return False
        if c.has("event", words[n]):
            return True
        n -= 1
    return False


#: Cue kinds of a noun that a place names as an attribute ("the Peshawar market")
_SITE_NOUNS = frozenset({"facility", "building"})


def _subject_of_event(m: _Mention, f: _Facts, text: str, c: Cues) -> bool:
    """'Mastung came under attack', 'Zaranj was overrun': the place is the subject of a word of violence."""
    toks = m.sent.tokens
    k = m.j
    if k < len(toks) and text[m.end : toks[k].start].strip():
        return False  # punctuation after the place: not a subject-verb pair
    if k + 1 < len(toks) and not toks[k].cap and k not in f.breaks and not f.kinds[k].isdisjoint(_SITE_NOUNS):
        k += 1  # "the Peshawar market bombing killed": the place names the site of the event's noun
    while k < len(toks) and f.words[k] in _AUXILIARIES:
        k += 1
    return k in f.events


def _reaction(m: _Mention, f: _Facts, text: str, c: Cues, later_place: bool = True) -> bool:
    """Whether the place is where people reacted: the first predicate after it is a reaction.

    A place after a word of violence is where people reacted only when a reaction word comes
    between them ("the attack was condemned by ... the White House in Washington"); "the
    attack in X was condemned" keeps X. Reading rightwards through the sentence, the first
    reaction word ("condemned", "vowed", "sent") makes it a reference; so does an
    official as the subject of a fronted "In X, ..." clause ("In Washington, the
    president ...") when the sentence names another place after it (without one,
    "In Quetta, officials said a bomb exploded" is about Quetta); the first word of
    violence ends the search.
    """
    words = f.words
    before = [n for n in f.events if n < m.i]
    if before:
        # "The attack was condemned by the government in Islamabad": a reaction that follows the
        # last word of violence governs the places after it; so does one that "as did" repeats
        # ("Kabul condemned the attack, as did the prime minister in Islamabad")
        last = max(before)
        between = words[last + 1 : m.i]
        kinds = f.kinds
        if any("reaction" in ks for ks in kinds[last + 1 : m.i]):
            return True
        repeats = any(w == "as" and nxt in _DO_FORMS for w, nxt in pairwise(between))
        # "condemned the attack in a statement issued by the Presidential Palace in Kabul": the
        # reaction's own phrase, not the attack's, holds the place
        stated = any("ref_head" in ks for ks in kinds[last + 1 : m.i])
        return (repeats or stated) and any("reaction" in ks for ks in kinds[max(0, last - 3) : last])
    fronted = m.i <= 3 and text[m.end : m.end + 1] == ","
    spoke = False
    events = f.events
    for n in range(m.j, len(words)):
        ks = f.kinds[n]
        if "event" in ks or n in events:  # a word, or the first of a phrase ("taken control")
            # "In Tehran, the Supreme Leader said the attack was ...", "In Islamabad, the minister said
            # the army had taken control of the town": a statement about an attack or a place the
            # report has named already is made in X, not about X
            # "In New Delhi, the army said three soldiers had been killed in the Machil sector": the
            # statement puts the violence at the place it names after it
            return (
                fronted
                and spoke
                and n >= 1
                and (words[n - 1] in _ANAPHORIC or later_place or _anaphoric_place(words[n + 1 : n + 6]))
            )
        if fronted and "speech" in ks:
            spoke = True
        if "reaction" in ks:
            return True
        if fronted and later_place and ("ref_head" in ks and "ref_place" not in ks):
            return True
    return False


#: Nouns by which "the town", "the city" take a place the report has named
_PLACE_NOUNS = frozenset({"town", "city", "village", "area", "district", "province", "valley"})


def _anaphoric_place(words: Sequence[str]) -> bool:
    """Whether the words hold "the town", "the city" or another place the report has named."""
    return any(w in ("the", "this", "that") and nxt in _PLACE_NOUNS for w, nxt in pairwise(words))


def _reaction_object(m: _Mention, f: _Facts, c: Cues) -> bool:
    """'Sharif condemned the killing in Islamabad': a reaction or statement whose object is the event.

    The place may be the event's or the reaction's; :func:`~geokit.geoparse.article._give_roles`
    keeps it a site when the report has it as one elsewhere.
    """
    words = f.words
    before = [n for n in f.events if n < m.i]
    if not before:
        return False
    last = max(before)
    between = words[last + 1 : m.i]
    return (
        0 < len(between) <= 2
        and between[0] in ("in", "at")
        and any(c.has("reaction", w) or c.has("speech", w) for w in words[max(0, last - 3) : last])
    ) or (m.sent.index > 0 and _judged(words, m.i, f, before))


#: Verbs of judging an act: what they judge is a reaction's object however long its phrase is
_JUDGING = ("condemn", "denounc", "deplor", "criticis", "criticiz", "mourn")
#: Words that end the phrase a judging verb takes: a clause or an infinitive of its own
_PHRASE_ENDS = frozenset({"that", "which", "who", "when", "after", "and", "but", "to", "as", "while"})


def _judged(words: Sequence[str], i: int, f: _Facts, before: Sequence[int]) -> bool:
    """'Had condemned the deaths of seven civilians in an explosion ... in Kulgam': the object judged.

    Walks back from the place through the object's nouns and prepositions to a verb of judging
    (``_JUDGING``) at most 16 words before it, with a word of violence between; a comma, a verb
    ("that killed"), a clause word or an infinitive ends the phrase first. Read past the lede
    only: a lede's "condemned the attack on a police station in Quetta" tells the news itself.
    """
    for r in range(i - 1, max(-1, i - 17), -1):
        w = words[r]
        if r in f.breaks:
            return False
        if w.startswith(_JUDGING):
            return any(r < e for e in before)
        if w in _PHRASE_ENDS or w in _AUXILIARIES or (w.endswith("ed") and len(w) > 4):
            return False
    return False


def _hedge(m: _Mention, f: _Facts) -> str | None:
    """Tell how an incident was reported.

    Returns ``"claimed"`` ("claimed to have taken over"), ``"reported"``
    (allegedly, reportedly, unconfirmed), or ``None``.
    """
    if not f.uncertain:
        return None
    return "claimed" if f.claimed else "reported"


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
            if not _inside_unit(o, m):
                continue
            if m.kind == "country" and o.country != m.country:
                continue
            gap = m.i - o.j if m.i >= o.j else o.i - m.j
            apposition = m.i >= o.j and gap == 0 and _holds(m, o)  # "Lahore, Pakistan"
            if not apposition and (m.rule == "list" or (o.rule == "list" and gap <= 2)):
                continue  # siblings in a list, not a container
            # a country holds the incident places of its sentence however far apart they are
            # ("... in Zahedan ..., the unrest that has spread across Iran")
            if gap <= 8 or m.kind == "country":
                m.role, m.rule = "reference", "container"
                break


def _journey_sites(mentions: Sequence[_Mention]) -> None:
    """Make the end of a journey hit on its way the site when the report names no other town or district.

    "The bus was taking pupils to a school in Khuzdar when the car bomb struck it", with the lede
    giving only the province: the place the journey was bound for is the nearest the report
    comes to the site. "travelling to their camp at Dasu when the attacker struck", in a report
    whose lede places it in Shangla, stays a destination.
    """
    if any(m.role == "incident" and _spec(m) >= 2 for m in mentions):
        return
    for m in mentions:
        if m.rule == "journey":
            m.role = "incident"


def _report_containers(mentions: Sequence[_Mention]) -> None:
    """Make a province or country incident a reference when a more specific incident of the report lies in it.

    "the deadliest bombing in the province of Punjab" in a report whose site is Wagah, a
    headline's "attack in Pakistan's Sindh" over a lede's Jacobabad: the province adds no
    site. A province stays the site when no incident of the report is inside it ("attacks
    across Balochistan").
    """
    incidents = [m for m in mentions if m.role == "incident"]
    for m in incidents:
        if _spec(m) > 1:
            continue
        if m.kind == "country" and any(o.sent is m.sent and _spec(o) > 0 for o in incidents if o is not m):
            # "... a pastor in the United States ... overran a compound in Mazar-i-Sharif": a
            # country named beside a site of its sentence is not one
            m.role, m.rule = "reference", "container"
            continue
        for o in incidents:
            if o is m or _spec(o) <= _spec(m) or o.country != m.country:
                continue
            if m.kind == "country" or _surely_inside(o, m):
                m.role, m.rule = "reference", "container"
                break


def _surely_inside(o: _Mention, unit: _Mention) -> bool:
    """Whether place ``o`` is known to lie in the admin-1 unit ``unit``."""
    up = unit.res.place if unit.res is not None else None
    op = o.res.place if o.res is not None else None
    return (
        up is not None
        and op is not None
        and up.kind == "adm1"
        and op.admin1 is not None
        and op.admin1 == up.admin1
    )


#: What lies between a place and the unit that locates it: "in", ", in", " district in", and a
#: country's possessive before the unit ("in Pakistan's")
_LOCATING = re.compile(
    r",?\s*(?:(?i:district|province|division|tehsil|agency|region)\s+)?in"
    r"(?:\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*['’]s)?\s*"
)


def _reference_holders(mentions: Sequence[_Mention], text: str) -> None:
    """Make a unit that only locates the reference place right before it a reference too.

    "The dead soldiers came from Poonch, Neelum and Muzaffarabad in Azad Kashmir": the province
    says where the home towns lie, as "Khuzdar district" does for "Tootak, a village in
    Khuzdar District". A unit holding nothing but a reference adds no site.
    """
    for n, m in enumerate(mentions):
        if m.role != "incident" or m.kind not in ("", "adm1", "adm2") or n == 0:
            continue
        up = m.res.place if m.res is not None else None
        k = n - 1
        if mentions[k].kind == "country" and mentions[k].rule == "possessive" and k >= 1:
            k -= 1  # "Okara district in Pakistan's Punjab province": the country only names the unit's
        o = mentions[k]
        if up is None or up.kind not in ("adm1", "adm2") or o.sent is not m.sent or o.role != "reference":
            continue
        op = o.res.place if o.res is not None else None
        inside = (
            op is not None
            and (op.admin1 if up.kind == "adm1" else op.admin2) is not None
            and _inside_unit(o, m)
        )
        while k > 0 and mentions[k].rule == "list" and mentions[k - 1].sent is m.sent:
            k -= 1  # the list's head says what the list is: "from Poonch, Neelum and Muzaffarabad"
        if inside and _LOCATING.fullmatch(text, o.end, m.start) is not None and mentions[k].rule == "ref-cue":
            m.role, m.rule = "reference", "container"


def _inside_unit(o: _Mention, unit: _Mention) -> bool:
    """Whether place ``o`` may lie in the admin unit ``unit`` (True when either is unknown)."""
    up = unit.res.place if unit.res is not None else None
    op = o.res.place if o.res is not None else None
    if up is None or op is None or up.kind not in ("adm1", "adm2"):
        return True
    have = op.admin1 if up.kind == "adm1" else op.admin2
    return have is None or have == (up.admin1 if up.kind == "adm1" else up.admin2)


def _holds(unit: _Mention, o: _Mention) -> bool:
    """Whether a country or admin-1 mention is the unit the place before it lies in."""
    if unit.kind == "country":
        return o.country == unit.country
    up = unit.res.place if unit.res is not None else None
    op = o.res.place if o.res is not None else None
    return up is not None and op is not None and up.kind == "adm1" and op.admin1 == up.admin1


# ------------------------------------------------------------- the sentence's time against the report's
def _dated_away(f: _Facts, report: Report) -> bool:
    """Whether every date the sentence gives lies over a week from the report's day.

    Days written in full need the report's day with its year; a day without a year ("on
    April 22") is also measured against a dateline's month and day ("LAHORE, May 7 -"), and
    a month named alone ("In November, ...") against the report's month.
    """
    if not (f.dates or f.months or f.month_days):
        return False
    pub = report.day
    if pub is None and report.dateline is None and report.weekday_lede and not f.day:
        # an undated paper's report tells its own event by the weekday ("on Wednesday"): a
        # sentence dated by a month ("In March 2016, a bombing ...") is another time
        return True
    if pub is None and f.dates:
        return False
    if (
        pub is None
        and report.lede_month is not None
        and report.lede_year in f.years
        and f.months
        and all(mo < report.lede_month for mo in f.months)
    ):
        # "In January 2006 a missile strike ... had killed" in an undated article on a battle "in
        # early March 2006": an earlier month of the event's year is another event
        return True
    ref = pub
    if ref is None and report.dateline is not None:
        ref = dt.date(2000, *report.dateline)  # a leap year: every month and day exists
    if f.month_days and ref is None:
        return False
    month = ref.month if ref is not None else None
    if month is None:
        return False
    against = report if pub is not None else report._replace(dated=True)
    return (
        all(pub is not None and _far(report, pub, d) for d in f.dates)
        and all(ref is not None and _far(against, ref, _day_of(against, ref, md)) for md in f.month_days)
        and all(mo != month for mo in f.months)
    )


def _pluperfect_before(f: _Facts, report: Report) -> bool:
    """'On 7 December two bombs had killed dozens in Lahore': violence in the pluperfect, on an earlier day.

    The pluperfect sets what it tells before the report's own event; with a day of its own
    before the report's, it is one of the attacks that led up to it.
    """
    if "had" not in f.words or report.day is None or not (f.dates or f.month_days):
        return False
    words = f.words
    if not any(_pluperfect(words, n) for n in f.events):
        return False
    pub = report.day
    days = [*f.dates, *(_day_of(report, pub, md) for md in f.month_days)]
    return all(d < pub for d in days)


def _pluperfect(words: Sequence[str], n: int) -> bool:
    """Whether the verb at ``n`` is in the pluperfect: "had killed", "had been hit", "had also attacked"."""
    k = n - 1
    while k >= 0 and (words[k] in _MID_ADVERBS or words[k].endswith("ly")):  # "had reportedly killed"
        k -= 1
    if k >= 1 and words[k] == "been":
        k -= 1
    return k >= 0 and words[k] == "had"
