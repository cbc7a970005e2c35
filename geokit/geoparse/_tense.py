"""Whether a sentence tells the report's own event or another time.

Part of :mod:`geokit.geoparse`. The present perfect of a state or a span up to now, the
pluperfect of an earlier day, a span of time measured from another event ("two days after a car
bomb in Peshawar"), and the sentence's own days against the report's: the role rules
(:mod:`geokit.geoparse._evidence`) read these to tell background from the event.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from itertools import pairwise
from typing import TYPE_CHECKING

from geokit.geoparse._dates import (
    _EARLIER,
    _MONTH_WORDS,
    _WEEKDAY_WORDS,
    _day_of,
    _far,
    _number,
)
from geokit.geoparse._facts import _BE_FORMS, _CLAUSE_BREAK, _DETERMINERS, _Facts, _motive
from geokit.geoparse.matcher import Cues

if TYPE_CHECKING:
    from geokit.geoparse._mention import _Mention
    from geokit.geoparse._report import Report


def _perfect_passive(f: _Facts) -> bool:
    """'Have been attacked', 'has been targeted': a word of violence in the present perfect passive."""
    words = f.words
    for n in f.events:
        k = n - 1
        while k > n - 4 and k >= 0 and words[k] in _DETERMINERS | {"frequent", "repeated", "main", "key"}:
            k -= 1  # "has been the target of army offensives in South Waziristan"
        if (
            k >= 1
            and words[k] == "been"
            and words[k - 1] in ("has", "have")
            and not (k >= 2 and words[k - 2] == "to")
        ):
            return True  # (not a perfect infinitive: "was reported to have been killed" tells one event)
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


def _participle(word: str) -> bool:
    """Whether a word after "has"/"have" is a past participle: "has opened", "have struck"."""
    return word.endswith("ed") or word in _IRREGULAR_PARTICIPLES


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
        if k < len(words) and _participle(words[k]):
            return any(s > k for s in spans)
    return False


#: How long a state has lasted up to the report: "for years", "for two decades", "for more than a
#: decade"; the words that may stand between "for" and the length ("for nearly two decades")
_DURATIONS = frozenset({"years", "decades", "decade", "months"})
_DURATION_WORDS = frozenset(
    {"more", "than", "nearly", "almost", "over", "about", "some", "well", "the", "past", "last", "a"}
    | {"several", "many", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"}
)


def _perfect_for_duration(words: Sequence[str], breaks: frozenset[int]) -> bool:
    """'Has fought militants in Waziristan for two decades', 'has for years been hit by violence'.

    The present perfect with how long something has lasted up to the report tells a state of
    things, not the report's event. The length must be told in the clause of the "has"/"have"
    (no comma between: "have killed two policemen in Bajaur, the first attack there for months"
    is news); ``breaks`` are the words a comma or the like follows.
    """
    for n in range(1, len(words) - 1):
        if words[n] != "for":
            continue
        has = next((k for k in range(n - 1, -1, -1) if words[k] in ("has", "have")), None)
        if has is None or not breaks.isdisjoint(range(has, n)):
            continue
        k = n + 1
        while k < len(words) and k - n <= 5 and (words[k] in _DURATION_WORDS or words[k].isdigit()):
            k += 1
        if k < len(words) and words[k] in _DURATIONS:
            return True
    return False


def _perfect_since_then(words: Sequence[str]) -> bool:
    """'Since then the army has opened an offensive in North Waziristan': what has happened up to now.

    "Since then" runs from an earlier event the report told to the report; the present perfect
    in the same sentence sums up that stretch ("has carried out hundreds of attacks since then"),
    it is not the report's own event, which is told in the past tense or with its day.
    """
    if not any(a == "since" and b == "then" for a, b in pairwise(words)):
        return False
    return any(k < len(words) and _participle(words[k]) for k in _after_perfect(words))


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


def _span_after(words: Sequence[str], j: int) -> bool:
    """Whether a span of months or years follows the place: "in X between January 2012 and August 2013"."""
    for n in range(j, min(j + 3, len(words) - 1)):
        if words[n] == "between" and _time_word(words, n + 1):
            return any(
                words[k] == "and" and _time_word(words, k + 1)
                for k in range(n + 2, min(n + 5, len(words) - 1))
            )
    return False


def _time_word(words: Sequence[str], n: int) -> bool:
    """Whether the word at ``n`` opens a time: a month or a year ("January 2012", "2013")."""
    return words[n] in _MONTH_WORDS or _is_year(words[n])


def _is_year(word: str) -> bool:
    """Whether a word is a year from 1900 to 2100 (as ``_YEAR_WORD`` finds them): "1500 people" is none."""
    return len(word) == 4 and word.isdigit() and 1900 <= int(word) <= 2100


def _earlier_covers(m: _Mention, at: Sequence[int], words: Sequence[str]) -> bool:
    """Whether a time before the report's ("last year", "a week later") dates the place's sentence.

    It does, but for one in a "since" clause after the place, which measures the place's event
    against an earlier one ("shelled Chaman on Sunday, ... the worst clashes since the Taliban
    took power in Kabul last year" dates Kabul, not Chaman), as an "after" clause does ("shot
    dead in Khyber district on Friday, ... after two shootings in Bannu earlier in the week"
    dates Bannu), and for a possessive after the
    place, which dates only the noun it qualifies ("seven died in Tehran on Monday, the first
    deaths in the unrest over last week's election"; "over last week's attack in Quetta" still
    dates Quetta, which follows it).
    """
    return any(
        q < m.i or (_MEASURED_FROM.isdisjoint(words[m.j : q]) and not _possessive_time(words, q)) for q in at
    )


#: Words that open, after a place, a clause about the other event a time is measured from
_MEASURED_FROM = frozenset({"since", "after"})


#: The time nouns an earlier phrase ends in that can take a possessive: "last week's election"
_TIME_NOUNS = frozenset({"week", "month", "year", "summer", "winter", "spring", "autumn"})


def _possessive_time(words: Sequence[str], q: int) -> bool:
    """Whether the earlier phrase at ``q`` is a possessive ("last week's", split as "last week s")."""
    return q + 2 < len(words) and words[q + 1] in _TIME_NOUNS and words[q + 2] == "s"


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


def _in_record_since(m: _Mention, words: Sequence[str], breaks: frozenset[int], year: int) -> bool:
    """Whether the place is that of the earlier event a record compares with, dated another year.

    "the biggest Marine offensive since the assault on Fallujah in Iraq in November 2004", in a
    report of 2009: a record word before "since", the place in the "since" clause, and a year of
    that clause other than the report's. The sentence's own day ("on Friday") dates the record's
    event, not the one it is measured against.
    """
    since = next((n for n in range(m.i - 1, max(-1, m.i - 12), -1) if words[n] == "since"), None)
    if since is None or _RECORD_WORDS.isdisjoint(words[max(0, since - 6) : since]):
        return False
    if not breaks.isdisjoint(range(since, m.i)):
        return False
    end = next((k for k in sorted(breaks) if k >= m.j), len(words) - 1)
    years = [int(w) for w in words[since + 1 : end + 1] if _is_year(w)]
    return bool(years) and all(y != year for y in years)


_SPANS = frozenset({"hours", "days", "weeks", "months", "day", "week", "month"})


def _before_that(words: Sequence[str]) -> bool:
    """'Two days before that, a boy died in a gun battle in Saqqez': earlier than an event told before.

    A span before "that" (or "this") measures the sentence's event back from the one the report
    told last, which a report tells only when that one is background or its own: either way
    the sentence's event came earlier than the report's.
    """
    for n in range(2, len(words) - 1):
        if words[n] == "before" and words[n + 1] in ("that", "this") and words[n - 1] in _SPANS:
            return True
    return False


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


_LONG_SPANS = frozenset({"week", "weeks", "month", "months", "year", "years"})


#: Words of a span of time that opens a sentence ("Two days after ...", "On the same day that ...")
_SPAN_WORDS = frozenset(
    {"a", "an", "one", "on", "the", "same", "just", "only", "about", "some", "hours", "hour"}
    | {"day", "days", "week", "weeks", "month", "months", "year", "years"}
)


#: "On the same day that ...", "in the same weekend as ...": another event of the report's time
_SAME_SPANS = frozenset({"day", "weekend", "night", "morning", "evening", "afternoon"})


#: The verb by which the report's event comes after another: "The blast followed an explosion ...",
#: in a wire's present too ("The shootings follow a series of attacks on the Karakoram Highway")
_FOLLOW = frozenset({"followed", "follows", "follow"})
_OTHER_EVENT_WORDS = frozenset({"after", "before", "that", "as", "while", "since", "for", "to"}) | _FOLLOW


def _by_a_span(words: Sequence[str], n: int) -> bool:
    """Whether a span of time opens at ``n``, after "followed by": "followed by a day a suicide attack"."""
    head = words[n : n + 3]
    return len(head) >= 2 and (
        head[0] in _SPANS or ((head[0] in _SPAN_WORDS or _number(head[0]) is not None) and head[1] in _SPANS)
    )


def _other_event(
    m: _Mention, words: Sequence[str], text: str, c: Cues, headline: str = "", lede: int = 0
) -> bool:
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
        if words[k] not in _OTHER_EVENT_WORDS or k + 1 >= len(words) or (k == 1 and words[k] not in _FOLLOW):
            continue  # a pronoun may open "They followed an attack ..."; the other forms need two words
        if all(
            w in _SPAN_WORDS or w in _WEEKDAY_WORDS or _number(w) for w in words[:k]
        ) and _CLAUSE_BREAK.search(text, toks[k].end, m.start):
            continue  # "Two days after a bombing in X, gunmen attacked Y": Y is in the main clause
        if _linked_to(words, k, m.i, c):
            # "Officials said the attack might be linked to the recent abduction of ... in South
            # Waziristan": what the event is linked to is another event
            return m.sent.index > 0 and f" {m.key} " not in headline
        if words[k] in _FOLLOW:
            if words[k + 1] == "by" and not _by_a_span(words, k + 2):
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
            if (
                "s" not in words[k + 2 : k + 4]
                and not _clause_after(words, k, c)
                and not _came_after(words, k)
            ):
                continue  # "weeks after the attack": the report's own event
            # "a week after the army's assault on the Lal Masjid": someone's own act, another event;
            # "came two days after the twin suicide attack ... at Wah": what the event came after
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
            if words[k] == "since" and _record_since_when(words, k, m.i):
                # "the deadliest for the IRGC since April 2012, when four Guards were killed outside
                # Paveh": the record's earlier event, told in a "when" clause of its own
                return f" {m.key} " not in headline
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
            count, unit, lede = "one", "day", 0  # the lede's other event of the same day is another
        # "came days after a suicide bombing at the seminary in Akora Khattak": a few days
        days = _number(count) or (1 if count in ("a", "one") else 2 if unit == "days" else 0)
        if unit in _LONG_SPANS or (unit in ("day", "days") and days > _EARLIER.days):
            return True
        if (unit in ("day", "days") and days) or unit in ("hour", "hours"):
            # "took place hours after gunmen tried to storm the consulate in Karachi's Clifton area";
            # a lede after a title and a date line tells of both too ("QUETTA: Iranian guards fired
            # mortar shells at a town in Washuk, a day after they killed a soldier in Kech")
            return m.sent.index > lede and f" {m.key} " not in headline
    return False


#: Past forms of verbs of violence that do not end in "-ed"
_IRREGULAR_PAST = frozenset(
    {"shot", "struck", "hit", "blew", "threw", "fought", "overran", "took", "set", "stole", "beat"}
)


def _clause_after(words: Sequence[str], k: int, c: Cues) -> bool:
    """Whether "after the ..." at ``k`` opens a clause with a subject and a past verb of violence.

    "three months after the Taliban shot ... Malala Yousufzai in Swat": another event told in a
    clause of its own, not the report's event named by its noun ("weeks after the attack").
    """
    for e in range(k + 3, min(len(words), k + 5)):
        if c.has("event", words[e]):
            return words[e].endswith("ed") or words[e] in _IRREGULAR_PAST
    return False


#: Participles by which one event is said to belong with another: "linked to the abduction of ..."
_LINKED = frozenset({"linked", "connected", "tied", "related"})


def _linked_to(words: Sequence[str], k: int, i: int, c: Cues) -> bool:
    """Whether "to" at ``k`` links the report's event to another one that word ``i`` belongs to.

    "might be linked to the recent abduction of paramilitary personnel ... in South Waziristan":
    the object of "linked to" is an event of its own when a word of violence opens it, and the
    place is in that object while no verb of a clause of its own ("were reported", "said")
    comes between: "incidents linked to the strike were reported in the city" are the city's.
    """
    return (
        words[k] == "to"
        and words[k - 1] in _LINKED
        and any(c.has("event", w) for w in words[k + 1 : k + 5])
        and _BE_FORMS.isdisjoint(words[k + 1 : i])
        and "said" not in words[k + 1 : i]
    )


def _came_after(words: Sequence[str], k: int) -> bool:
    """Whether the report's event "came" a span of time before "after" at ``k``.

    "The bombing came two days after the twin suicide attack on the ordnance factories at
    Wah": what the subject came after is another event, whatever its article, as "weeks
    after the attack" in "arrested weeks after the attack" is the report's own.
    """
    return k >= 3 and words[k - 1] in _SPANS and words[k - 3] in ("came", "comes", "come")


def _record_since_when(words: Sequence[str], k: int, i: int) -> bool:
    """Whether "since" at ``k`` opens a record's earlier time with a "when" clause before word ``i``.

    "the deadliest ... since April 2012, when ...": a record word stands within ten words before
    "since", and "when" within five words after it.
    """
    if _RECORD_WORDS.isdisjoint(words[max(0, k - 10) : k]):
        return False
    when = next((n for n in range(k + 1, min(len(words), k + 6)) if words[n] == "when"), None)
    return when is not None and when < i


def _dated_away(f: _Facts, report: Report) -> bool:
    """Whether every date the sentence gives lies over a week from the report's day.

    Days written in full need the report's day with its year; a day without a year ("on
    April 22") is also measured against a dateline's month and day ("LAHORE, May 7 -"), and
    a month named alone ("In November, ...") against the report's month.
    """
    if not (f.dates or f.months or f.month_days):
        return False
    if report.period is not None and _in_period(f, report.period):
        return False  # "on September 22" in a review of September published in October
    if report.covers is not None and _in_days(f, report.covers):
        return False  # "shot dead on September 21" in a report on deaths "between September 20 and 30"
    pub = report.day
    if pub is None and report.dateline is None and report.weekday_lede and not f.day:
        # an undated paper's report tells its own event by the weekday ("on Wednesday"): a
        # sentence dated by a month ("In March 2016, a bombing ...") is another time
        return True
    wire = pub is None and report.dateline is not None
    if pub is None and f.dates and not wire:
        return False
    if wire and f.months and f.years and not f.month_days and not f.day:
        # wire copy dates its own event by the weekday under a dateline's month and day ("MULTAN,
        # Oct 14 (Reuters) - ... on Sunday"): a sentence dated by a month and a year alone ("in
        # October 2004 a car bomb ... killed about 40") is another time, whatever the month
        return True
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
    # under a dateline with no year ("ISLAMABAD, Jan 23 (Reuters) -") a day written in full ("on
    # Jan. 13, 2018") is measured by its month and day, as one written without a year is
    days = [*f.month_days, *((d.month, d.day) for d in f.dates if pub is None)]
    return (
        all(pub is None or _far(report, pub, d) for d in f.dates)
        and all(ref is not None and _far(against, ref, _day_of(against, ref, md)) for md in days)
        and all(mo != month for mo in f.months)
    )


def _in_days(f: _Facts, covers: tuple[dt.date, dt.date]) -> bool:
    """Whether every day the sentence gives lies within the days ``covers`` (first, last)."""
    first, last = covers
    if f.months or any(mo != first.month for mo, _d in f.month_days):
        return False
    days = [*f.dates, *(first.replace(day=d) for _mo, d in f.month_days if d <= last.day)]
    return (
        bool(days) and len(days) == len(f.dates) + len(f.month_days) and all(first <= d <= last for d in days)
    )


def _in_period(f: _Facts, period: tuple[tuple[int, int], ...]) -> bool:
    """Whether every date the sentence gives lies in the months ``period`` (year, month each) covers."""
    months = {mo for _y, mo in period}
    years = {y for y, _mo in period}
    return (
        all((d.year, d.month) in period for d in f.dates)
        and all(md[0] in months for md in f.month_days)
        and all(mo in months for mo in f.months)
        and all(y in years for y in f.years)
    )


def _pluperfect_before(f: _Facts, report: Report) -> bool:
    """'On 7 December two bombs had killed dozens in Lahore': violence in the pluperfect, on an earlier day.

    The pluperfect sets what it tells before the report's own event; with a day of its own
    before the report's, it is one of the attacks that led up to it.
    """
    if "had" not in f.words or report.day is None or not (f.dates or f.month_days):
        return False
    if report.period is not None and _in_period(f, report.period):
        return False  # a review tells its month's attacks in the pluperfect too
    words = f.words
    if not any(_pluperfect(words, n) for n in f.events):
        return False
    pub = report.day
    days = [*f.dates, *(_day_of(report, pub, md) for md in f.month_days)]
    return all(d < pub for d in days)


def _weekday_pluperfect(f: _Facts) -> bool:
    """'On Saturday, a suicide bomber had struck a convoy near Miranshah': an earlier day's violence.

    A sentence that opens with its own weekday and tells its violence in the pluperfect sets
    that day before the report's event, which news writing tells in the simple past; the
    caller applies it past the lede only (a lede's "had been killed on Monday" is its event).
    A pluperfect reported by a word of speech before it is the speech's tense, not an earlier
    day: "On Tuesday the Tasnim news agency said a base near Kirkuk had been struck" dates the
    saying, and tells the report's news (dev213 writer, Reuters style).
    """
    words = f.words
    return (
        len(words) > 2
        and words[0] == "on"
        and f.day is not None
        and words[1] == f.day
        and any(_pluperfect(words, n) and not any("speech" in k for k in f.kinds[2:n]) for n in f.events)
    )


def _pluperfect_earlier(f: _Facts) -> bool:
    """'Gunmen had earlier attacked registration centres in Qala-e-Naw': violence set before the report's.

    "Earlier" or "previously" inside a pluperfect ("had earlier attacked", "had previously
    bombed") puts its violence before the event the report tells, on whatever day; the caller
    applies it past the lede only, where the report's own event has been told.
    """
    words = f.words
    return any(
        _pluperfect(words, n) and any(w in ("earlier", "previously") for w in words[max(0, n - 3) : n])
        for n in f.events
    )


def _pluperfect(words: Sequence[str], n: int) -> bool:
    """Whether the verb at ``n`` is in the pluperfect: "had killed", "had been hit", "had also attacked"."""
    k = n - 1
    while k >= 0 and (words[k] in _MID_ADVERBS or words[k].endswith("ly")):  # "had reportedly killed"
        k -= 1
    if k >= 1 and words[k] == "been":
        k -= 1
    return k >= 0 and words[k] == "had"
