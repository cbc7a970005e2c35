"""What a sentence tells the role rules, read once per sentence.

Part of :mod:`geokit.geoparse`. The words of violence and which of them a temporal "after the
attack" recalls, hedges and claims, a pattern or a tally ("since January"), the days and years the
sentence names, a plan still to come, and where its clauses break: :class:`_Facts`.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Sequence
from operator import attrgetter
from typing import TYPE_CHECKING, NamedTuple

from geokit.geoparse._dates import (
    _DAY_WORDS,
    _MONTH_WORDS,
    _full_dates,
    _month_days,
    _months_alone,
    _number,
    _sentence_day,
)
from geokit.geoparse.matcher import Cues, Sentence

if TYPE_CHECKING:
    pass


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


def _before_adverb(s: Sentence, text: str) -> list[int]:
    """Where '... have been targeted by separatists before.', '... attacked before: in April' say "before".

    "Before" with no object, ending a clause, puts what the clause tells before the report.
    """
    return [
        n
        for n, t in enumerate(s.tokens)
        if t.low == "before" and text[t.end : t.end + 1] in (".", ":", ";", "")
    ]


#: Words that make a time after them the measure of a comparison: "the same number as last week",
#: "fewer than last month", "compared with last year"
_COMPARED = frozenset({"as", "than"})


def _measured_against(words: Sequence[str], q: int) -> bool:
    """Whether the earlier time at ``q`` is what a figure of the sentence is compared with.

    "One sectarian attack was recorded, the same number as last week: a Hazara was shot dead in
    Quetta" tells this week's attack; last week only measures its count.
    """
    return (q >= 1 and words[q - 1] in _COMPARED) or (
        q >= 2 and words[q - 2] == "compared" and words[q - 1] in ("with", "to")
    )


#: The words for a dead person's remains that "of" may follow: "the body of a widow"
_BODY = frozenset({"body", "bodies"})
#: What is done with the body of a person killed: "the body of a widow was found in a field"
_BODY_FOUND = frozenset({"found", "recovered", "dumped"})
#: The farthest a body's finding stands past "body of": "the body of Daya Bheel, a 40-year-old widow
#: and mother of five, was found"
_BODY_REACH = 20


def _body_found(words: Sequence[str]) -> set[int]:
    """Where a body named by whose it is was found: "The body of a widow was found near Deputy goth".

    The cues hold "body was found" with nothing between; a body told by its "of" phrase first is
    found as well, the report's way of telling a killing whose place it gives.
    """
    out = set()
    for n, w in enumerate(words[:-1]):
        if w not in _BODY or words[n + 1] != "of":
            continue
        for k in range(n + 3, min(len(words), n + _BODY_REACH)):
            if (
                words[k] in _BODY_FOUND
                and words[k - 1] in ("was", "were")
                and words[k + 1 : k + 2] != ["guilty"]
            ):
                out.add(k)
                break
    return out


def _phrase_starts(joined: str, finder: re.Pattern[str]) -> list[int]:
    """Token positions where a cue starts, found by ``finder`` (:meth:`Cues.finder`) in ``joined``."""
    return [joined.count(" ", 0, m.start()) for m in finder.finditer(joined)]


_TEMPORAL = frozenset({"after", "since", "following", "before"})
#: Times an event names by "of": "on the day of the killing", "on the eve of the attack", "in the
#: wake of the bombing"; with a preposition of time before them (``_AT_TIME``) they date a clause
_TIME_OF = frozenset(
    {"day", "night", "eve", "morning", "evening", "afternoon", "wake", "aftermath", "anniversary", "time"}
)
_AT_TIME = frozenset({"on", "in", "at", "during", "by", "until"})


def _negated(words: Sequence[str], n: int) -> bool:
    """Tell whether "not", "never" or "no" negates the word at ``n`` ("was not captured", "no attack").

    "No" negates a noun right after it or after one adjective ("no major attack was recorded in
    Sindh"): a review's province with nothing to tell is no site.
    """
    k = n - 1
    if k >= 0 and words[k] in ("been", "be"):
        k -= 1
    if k >= 0 and words[k] in ("not", "never"):
        return True
    return (k >= 0 and words[k] == "no") or (k >= 1 and words[k - 1] == "no" and words[k].isalpha())


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
    # "measures to prevent attacks in Karachi" ("to stop": :func:`_plans`)
    | {"prevent", "preventing", "avert", "averting", "deter"}
)


def _plans(words: Sequence[str], k: int) -> bool:
    """Whether the word at ``k`` makes the violence after it one not done: planned, warned of, stopped.

    "Stop" counts only as an infinitive ("did more to stop insurgents gathering around
    Kunduz"): "a bomb at a bus stop where gunmen opened fire" tells of violence done.
    """
    w = words[k]
    return w in _PLANNING or (w == "stop" and k >= 1 and words[k - 1] == "to")


#: What is fired when a crowd is dispersed and no one is hit ("fired tear gas", "fired into the
#: air"); a word of violence right before one of these is none
_CROWD_CONTROL = frozenset({"tear", "teargas", "rubber", "water", "warning"})


_FIRING = frozenset({"fire", "fired", "fires", "firing", "shot", "shots"})


_DETERMINERS = frozenset(
    {"the", "a", "an", "this", "that", "these", "those", "their", "his", "her", "its", "our", "my"}
)


def _recalled(
    words: Sequence[str], events: Sequence[int], names: frozenset[int] = frozenset()
) -> frozenset[int]:
    """Event words that a temporal phrase refers back to: "after the attack", "since the bombing".

    They date the clause ("Security was tightened across Kabul after the attack", "A day before
    the Saravan clash, the ministry said ...": a place's name may qualify the event) and do not
    make the places before or after them sites of violence.
    """
    out = set()
    for n in events:
        k = n - 1
        while k >= 0 and (
            words[k] in _DETERMINERS or words[k] in ("s", "deadly", "latest", "suicide") or k in names
        ):
            k -= 1
        nominal = k == n - 1 and n + 1 < len(words) and words[n + 1] == "of"  # "after killing of seven"
        if k >= 0 and (k < n - 1 or nominal) and (words[k] in _TEMPORAL or _motive(words, k)):
            out.add(n)
        elif k >= 2 and words[k] == "of" and words[k - 1] in _RITES:
            # "after the funerals of the victims": the rites of the report's dead
            j = k - 2
            while j >= 0 and words[j] in _DETERMINERS:
                j -= 1
            if j >= 0 and words[j] in _TEMPORAL:
                out.add(n)
        elif k >= 2 and words[k] == "of" and words[k - 1] in _TIME_OF:
            # "On the day of the killing, party workers blocked the highway": a time named by the
            # event, as "after the killing" is
            j = k - 2
            while j >= 0 and words[j] in _DETERMINERS:
                j -= 1
            if j >= 0 and (words[j] in _TEMPORAL or words[j] in _AT_TIME):
                out.add(n)
    for n in sorted(out):
        # and the words of its "of" phrase: "after the killing of seven hostages"
        if n + 1 < len(words) and words[n + 1] == "of":
            out.update(e for e in events if n + 1 < e <= n + 5)
    return frozenset(out)


_start = attrgetter("start")


#: A year from 1900 to 2100 as a word of a sentence joined by spaces (``_Facts.years``)
_YEAR_WORD = re.compile(r" (19[0-9][0-9]|20[0-9][0-9]|2100)(?= )")


_CLAUSE_BREAK = re.compile(r"[,;:()]")  # punctuation between two words that ends a phrase


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


#: Verbs that give a thing a name after "what": "raided what the group called the hideout of a gang"
_NAMING = frozenset({"called", "termed", "described", "dubbed", "branded", "labelled", "labeled"})


def _naming(words: Sequence[str], kinds: list[frozenset[str]]) -> list[frozenset[str]]:
    """Drop the reaction and speech kinds of a verb that names a thing after "what".

    "fighters raided what the group called the hideout of a gang in Kharan": the group names the
    target; it does not call for anything or react to the raid.
    """
    out = list(kinds)
    for n, w in enumerate(words):
        if w in _NAMING and "what" in words[max(0, n - 4) : n]:
            out[n] = kinds[n] - {"reaction", "speech"}
    return out


def _goods_seized(words: Sequence[str], kinds: Sequence[frozenset[str]], n: int) -> bool:
    """Whether the taking word at ``n`` takes goods: "land seized by", "seized a cache of arms"."""
    if not words[n].startswith(_TAKING):
        return False
    k = n - 1
    while k >= 0 and words[k] in _PASSIVE_GAP:
        k -= 1
    if k >= 0 and "goods" in kinds[k]:
        return True
    for k in range(n + 1, min(len(words), n + 5)):
        if "goods" in kinds[k]:
            return True
        if words[k] in ("and", "in", "at", "from", "near", "after", "during", "while", "when", "but"):
            return False
    return False


def _facts(s: Sentence, c: Cues, text: str, names: frozenset[int] = frozenset()) -> _Facts:
    """Read a sentence's cue words once; ``names`` are the token indices of its place names.

    A word of a place's name is no cue of violence: "Killa Saifullah", "Battlesbury Barracks"
    begin with "kill" and "battle".
    """
    words = list(s.words)
    kinds = c.kinds_of(words)
    if names and any("event" in kinds[n] for n in names if n < len(kinds)):
        kinds = [k - {"event"} if n in names and "event" in k else k for n, k in enumerate(kinds)]
    if "what" in words:
        kinds = _naming(words, kinds)
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
        | (_body_found(words) if not _BODY.isdisjoint(seen) else set())
    )
    plan_at = -1
    if not _PLANNING.isdisjoint(words) or "stop" in seen:
        # "accused him of planning an attack on villagers at Dhangri": an attack that did not happen;
        # the plan, like a time to come, holds the places after it ("commanders pressing for an
        # offensive in North Waziristan")
        # a clause break ends the plan: "Infiltration attempt ... foiled, 54 khwarij killed in X"
        breaks = _breaks(s, text)
        planners = {
            n: [k for k in range(max(0, n - 3), n) if _plans(words, k) and not breaks & set(range(k, n))]
            for n in events
        }
        planned = [n for n in events if planners[n]]
        events = [n for n in events if n not in planned]
        plan_at = min((k for n in planned for k in planners[n]), default=-1)
    if "not" in words or "never" in words or "no" in words:
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
    if not _DEFUSING.isdisjoint(words):
        # "police found and defused a bomb on a railway track", "the bomb disposal squad defused a
        # device": a bomb that did not go off is no violence; a word for what went off
        # ("exploded", "blast") or for what it did ("killed") still is
        events = [n for n in events if words[n] not in _UNEXPLODED]
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
    if not _STOPPAGE_WORDS.isdisjoint(words) and ("strike" in seen or "strikes" in seen):
        # "a wheel-jam strike was observed in Naushahro Feroze", "a general strike shut Quetta":
        # a stoppage of work or traffic, not an air or drone strike
        events = [n for n in events if not (words[n] in ("strike", "strikes") and _stoppage(words, n))]
    if "hit" in seen and "disaster" in present:
        # "flood-hit villages around Kot Addu", "quake-hit areas": what a disaster struck
        events = [n for n in events if not (words[n] == "hit" and n >= 1 and "disaster" in kinds[n - 1])]
    if "dead" in seen and not _BURIAL.isdisjoint(words):
        # "the local tribes had buried their dead there ever since" (dev212 writer): a community's
        # dead laid to rest, not a killing
        events = [
            n
            for n in events
            if not (
                words[n] == "dead" and n >= 2 and words[n - 1] in _POSSESSIVES and words[n - 2] in _BURIAL
            )
        ]
    if "tyres" in seen or "tires" in seen:
        # "burnt tyres", "set tyres on fire": a protest's road block, not violence against anyone
        events = [n for n in events if _TYRES.isdisjoint(words[max(0, n - 2) : n + 3])]
    if not _SYMBOLS.isdisjoint(seen):
        # "burned French flags in the streets of Peshawar", "burned an effigy": a protest's symbol
        events = [
            n
            for n in events
            if not (words[n].startswith(_BURNING) and not _SYMBOLS.isdisjoint(words[n + 1 : n + 4]))
        ]
    if "goods" in present:
        # "land seized by encroachers", "weapons were seized", "seized a cache of arms": a thing
        # taken, not ground or people
        events = [n for n in events if not _goods_seized(words, kinds, n)]
    if "of" in seen and not _HEARD.isdisjoint(words):
        # "As news of the killing spread, workers blocked roads in Lahore", "his mother was in
        # Peshawar when she was told of his death": the report's event heard of, not one there
        events = [n for n in events if not _heard_of(words, n)]
    months = not _MONTH_WORDS.isdisjoint(words)
    return _Facts(
        words,
        events,
        _recalled(words, events, names),
        claimed
        or "uncertain" in present
        or (
            not c.firsts("uncertain", multiword=True).isdisjoint(seen)
            and c.finder("uncertain", multiword=True).search(joined) is not None
        ),
        claimed,
        (
            not c.firsts("habitual").isdisjoint(seen)
            and c.finder("habitual").search(_SAID_THEN.sub(" ", joined)) is not None
        )
        or (" since " in joined and _tally(words))
        or ("continuing" in seen and _going_on(words)),
        "death" in present,
        [int(y) for y in _YEAR_WORD.findall(joined)],
        None if _DAY_WORDS.isdisjoint(words) else _sentence_day(s),
        [d for _n, d in _full_dates(s)] if months else [],
        (
            *(
                [q for q in _phrase_starts(joined, early) if not _measured_against(words, q)]
                if not c.firsts("earlier").isdisjoint(seen) and (early := c.finder("earlier")).search(joined)
                else ()
            ),
            *(_days_back(words) if "days" in words else ()),
            *(_before_adverb(s, text) if " before " in joined else ()),
            *(
                (0,)
                if words
                and words[0] in c.firsts("earlier_open")
                and c.finder("earlier_open").match(joined)
                and c.finder("roundup").match(joined) is None  # "A day earlier, on Thursday, ..."
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


#: What is held for the dead after an attack: "after the funerals of the victims"
_RITES = frozenset({"funeral", "funerals", "burial", "burials", "chehlum", "soyem"})
#: "at the time" that dates a statement, not a state of things: "local officials said at the time"
_SAID_THEN = re.compile(r" (?:said|reported|told [a-z]+|added|confirmed) at the time(?= )")
#: Words for making a bomb safe before it goes off ("diffused" is a common misspelling in the
#: Pakistani press: "the BDS diffused the device")
_DEFUSING = frozenset({"defused", "defuse", "defuses", "defusing", "diffused", "disposal", "unexploded"})
#: What is defused: the bomb, not its going off
_UNEXPLODED = frozenset(
    {"bomb", "bombs", "device", "devices", "ied", "ieds", "explosive", "explosives", "grenade", "grenades",
     "rocket", "rockets", "mortar", "mortars", "shell", "shells", "landmine", "landmines", "mine", "mines"}
)  # fmt: skip


_TYRES = frozenset({"tyres", "tires"})
#: Words of taking that may take goods as their object (a seizure) as well as ground (a capture)
_TAKING = ("seiz", "captur", "confiscat")
#: Words that may stand between goods and the taking word: "weapons were seized", "land seized"
_PASSIVE_GAP = frozenset({"was", "were", "been", "had", "have", "has", "being"})
#: What protesters burn as a sign, harming no one: flags, effigies, portraits
_SYMBOLS = frozenset({"flag", "flags", "effigy", "effigies", "portrait", "portraits", "posters", "pictures"})
_BURNING = ("burn", "torch")
#: Words that make a strike a stoppage of work, trade or traffic ("general strike", "wheel-jam
#: strike", "shutter-down strike", "hunger strike", "the strike was observed", "a strike call")
_PROTEST_STRIKE = frozenset({"general", "jam", "down", "hunger", "shutter", "wheel", "token", "shutdown"})
#: Words after a strike that make it one called or kept by people, not a blow
_STRIKE_KEPT = frozenset({"observed", "call", "called"})
_STOPPAGE_WORDS = _PROTEST_STRIKE | _STRIKE_KEPT


def _stoppage(words: Sequence[str], n: int) -> bool:
    """Whether the strike at ``n`` stops work or traffic: a word of stoppage before it, or one kept after.

    The strike may be observed past a clause of its own: "The strike, which began after the
    funerals of the victims, was observed in Shikarpur, Larkana ...".
    """
    return (
        (n >= 1 and words[n - 1] in _PROTEST_STRIKE)
        or not _STRIKE_KEPT.isdisjoint(words[n + 1 : n + 4])
        or any(
            words[k] == "observed" and words[k - 1] in _BE_FORMS
            for k in range(n + 2, min(len(words), n + 16))
        )
    )


#: Words by which the news of an event reaches someone: "news of the killing", "told of his death"
_HEARD = frozenset({"news", "told", "informed", "learned", "learnt", "heard", "word"})


#: Verbs of laying the dead to rest, and the possessives of "their dead"
_BURIAL = frozenset({"bury", "buries", "buried", "burying", "mourn", "mourned", "mourning"})
_POSSESSIVES = frozenset({"their", "our", "its", "his", "her"})


def _heard_of(words: Sequence[str], n: int) -> bool:
    """Whether the word of violence at ``n`` is what news told of: "news of the killing"."""
    k = n - 1
    while k >= 0 and words[k] in _DETERMINERS:
        k -= 1
    return k >= 1 and words[k] == "of" and words[k - 1] in _HEARD


#: Forms of "be" before a participle: "was continuing", "were taken to"
_BE_FORMS = frozenset({"was", "were", "is", "are", "been", "being"})


def _going_on(words: Sequence[str]) -> bool:
    """Whether something is told as still going on: "Fighting was meanwhile continuing in Swat".

    The progressive of "continue", with up to two adverbs after its "was" ("was still
    continuing", "were meanwhile continuing"): a state of things, like "was fighting".
    """
    return any(
        w == "continuing" and not _BE_FORMS.isdisjoint(words[max(0, n - 3) : n]) for n, w in enumerate(words)
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
