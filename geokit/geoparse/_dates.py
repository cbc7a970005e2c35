"""Days in a report: the words for them and the day a sentence gives.

Part of :mod:`geokit.geoparse`. Months and weekdays are read as the news writes them ("Sept. 17",
"on Saturday", "a day earlier"); a day without a year is the latest such day on or before the
report's date. Numbers written as words ("two days after") are read here too; the fatality counts
(:mod:`geokit.geoparse._deaths`) share them.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from geokit.geoparse.matcher import Cues, Sentence

if TYPE_CHECKING:
    from geokit.geoparse._report import Report


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
#: Month of each month name, and of the abbreviations the news writes ("Sept. 17", "Dec 2"; not "Mar",
#: a word of names)
_MONTH_OF = {
    **{name: n for n, name in enumerate(_MONTHS, start=1)},
    **{a: n for a, n in (("jan", 1), ("feb", 2), ("apr", 4), ("jun", 6), ("jul", 7), ("aug", 8))},
    **{a: n for a, n in (("sep", 9), ("sept", 9), ("oct", 10), ("nov", 11), ("dec", 12))},
}
_MONTH_WORDS = frozenset(_MONTH_OF)  # the same names, for membership tests word by word
_WEEKDAY_WORDS = frozenset(_WEEKDAYS)
_DAY_WORDS = _WEEKDAY_WORDS | {"yesterday", "today", "tonight", "earlier"}
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

#: A sentence whose own dates all lie more than this before the report's day tells of an
#: earlier event (background): a week covers a report written days after the event.
_EARLIER = dt.timedelta(days=7)
#: A report whose news is a string of attacks ("a spate of raids across Balochistan") tells those of
#: the weeks before its date as its own
_SERIES_SPAN = dt.timedelta(days=31)
#: With no date of its own, a report's first full date may be any day of its event's span (an
#: encyclopedia article on a campaign or a series of bombings): days within a month of it are its event's
_UNDATED_SPAN = dt.timedelta(days=31)


def _number(w: str) -> int | None:
    """Return a number written in digits or as a word ("seven"), else ``None``."""
    if w.isdigit():
        return int(w)
    return _NUMBERS.get(w)


def _sentence_day(s: Sentence) -> str | None:
    toks = s.tokens
    for n, t in enumerate(toks):
        if t.low in _DAY_WORDS and (t.low != "earlier" or (n >= 1 and toks[n - 1].low == "day")):
            return t.low  # "earlier" names a day only in "a day earlier", not in "earlier violence"
    return None


_MONTH_OPENERS = frozenset({"in", "last", "since", "a", "an", "the", "early", "late", "mid"})


#: Parts of a month told before its name: "at the end of March", "in the middle of May"
_MONTH_PARTS = frozenset({"end", "beginning", "start", "middle", "half", "part", "course"})


def _months_alone(s: Sentence) -> list[int]:
    """Months named with no day after "in", "last", "since", an article ("a June bombing") or a part of one.

    A part of a month is told before its name: "at the end of March".
    """
    toks = s.tokens
    out = []
    for n in range(1, len(toks)):
        w = toks[n].low
        day_after = n + 1 < len(toks) and toks[n + 1].text.isdigit() and len(toks[n + 1].text) <= 2
        # "since they seized power in August": the start of a span, told in a clause of its own (but
        # "since July, when a truck bomb exploded" and "since late August" date that other event)
        since = any(t.low == "since" for t in toks[max(0, n - 6) : max(0, n - 2)])
        if (
            w in _MONTH_WORDS
            and toks[n].cap
            and (
                toks[n - 1].low in _MONTH_OPENERS
                or (n >= 2 and toks[n - 1].low == "of" and toks[n - 2].low in _MONTH_PARTS)
            )
            and not day_after
            and not since
        ):
            out.append(_MONTH_OF[w])
    return out


def _month_days(s: Sentence) -> list[tuple[int, int]]:
    """Days written without a year ("on April 22", "on 9 October"): (month, day)."""
    toks = s.tokens
    out = []
    for n, t in enumerate(toks):
        if t.low not in _MONTH_WORDS or not t.cap:
            continue
        for d_at, y_at in ((n - 1, n + 1), (n + 1, n + 2)):
            if 0 <= d_at < len(toks):
                d = toks[d_at].text
                year = y_at < len(toks) and toks[y_at].text.isdigit() and len(toks[y_at].text) == 4
                if d.isdigit() and len(d) <= 2 and 1 <= int(d) <= 31 and not year:
                    out.append((_MONTH_OF[t.low], int(d)))
                    break
    return out


def _day_of(report: Report, pub: dt.date, month_day: tuple[int, int]) -> dt.date:
    """Return the day a month and day written without a year stand for.

    Against a report's own date, the latest such day on or before it; against the first day
    written in the report, that day's year.
    """
    month, day = month_day
    years = (
        (pub.year, pub.year - 1, pub.year - 2, pub.year - 3, pub.year - 4) if report.dated else (pub.year,)
    )
    for year in years:
        with contextlib.suppress(ValueError):  # 29 February, 31 April
            d = dt.date(year, month, day)
            if d <= pub or not report.dated:
                return d
    return pub


def _far(report: Report, pub: dt.date, d: dt.date) -> bool:
    """Whether a day lies over a week before the report's date, or either side of its first day.

    A report whose news is a string of attacks (``Report.series``) covers the month before its date.
    """
    if report.dated:
        return d < pub - (_SERIES_SPAN if report.series else _EARLIER)
    return abs(d - pub) > _UNDATED_SPAN


def _full_dates(s: Sentence) -> list[tuple[int, dt.date]]:
    """Dates written in full in a sentence: "3 March 2009", "March 3, 2009" (token position, day)."""
    toks = s.tokens
    words = list(s.words)
    out = []
    for n, w in enumerate(words):
        if w not in _MONTH_WORDS or not toks[n].cap:
            continue
        month = _MONTH_OF[w]
        for d_at, y_at in ((n - 1, n + 1), (n + 1, n + 2)):
            if 0 <= d_at < len(words) and y_at < len(words):
                d, y = words[d_at], words[y_at]
                if d.isdigit() and len(d) <= 2 and y.isdigit() and len(y) == 4:
                    with contextlib.suppress(ValueError):
                        out.append((n, dt.date(int(y), month, int(d))))
                    break
    return out


def _event_date(
    s: Sentence, pub: dt.date | None, at: int = 0, year: int | None = None, c: Cues | None = None
) -> dt.date | None:
    """Return the day a sentence gives, the expression nearest token ``at`` winning.

    A date written in full ("On 3 March 2009") is that day. Weekdays mean the
    latest such day on or before ``pub``; "a day earlier", "yesterday" the day
    before; "On March 20" that day (last year's if later than ``pub``; in the
    year of the report's last full date, ``year``, when there is no ``pub``); a
    place after "two days after ..." is that many days earlier.
    With the cue words ``c``: a day that owns an event ("Monday's bombing") wins
    over the others, and a day after a statement word following the place ("...
    in Bannu, the army said in a statement on Wednesday") dates the statement,
    not the event, so it is not used.
    """
    toks = s.tokens
    words = list(s.words)
    if _MONTH_WORDS.isdisjoint(words) and _DAY_WORDS.isdisjoint(words):
        return None  # no month, weekday or "yesterday": nothing below would date the sentence
    found: list[tuple[int, dt.date]] = _full_dates(s)
    full = {n for n, _ in found}
    for n, w in enumerate(words):
        if n in full:
            continue
        if (
            w in _MONTH_WORDS
            and toks[n].cap
            and n + 1 < len(words)
            and words[n + 1].isdigit()
            and 1 <= int(words[n + 1]) <= 31
            and (pub is not None or year is not None)
        ) or (
            w in _MONTH_WORDS
            and toks[n].cap
            and n >= 1
            and words[n - 1].isdigit()
            and 1 <= int(words[n - 1]) <= 31
            and (pub is not None or year is not None)
        ):
            day_word = words[n + 1] if n + 1 < len(words) and words[n + 1].isdigit() else words[n - 1]
            try:
                d = dt.date(pub.year if pub else year or 1, _MONTH_OF[w], int(day_word))
            except ValueError:
                continue
            found.append((n, d if pub is None or d <= pub else d.replace(year=pub.year - 1)))
        elif pub is None:
            continue
        elif w in _WEEKDAY_WORDS:
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
