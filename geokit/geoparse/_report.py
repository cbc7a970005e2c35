"""What a whole report tells the geoparser's role rules: its date, dateline, title and sections.

A report's own day comes from a date line (``Date: 2026-01-31``, ``Published 31 January
2026``), else a dateline with its year (``KARACHI, March 26, 2024 (AFP) -``), else the first
day it writes in full ("On 27 December 2007, ..."). A dateline without a year still gives the
month and day; a ``Title:`` line names the events the report covers; an encyclopedia article's
headings ("Background", "Aftermath") set sections beside its event. :func:`report_context`
gathers these into the :class:`Report` the rules read.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from geokit.geoparse._dates import _MONTH_OF, _MONTHS, _WEEKDAY_WORDS, _full_dates, _month_days
from geokit.geoparse.matcher import Sentence
from geokit.normalize import key

__all__ = ["Report", "dateline", "dateline_date", "header_date", "report_context"]


class Report(NamedTuple):
    """What the whole report tells the role rules: its day, its dateline's day, its title.

    ``day`` is the report's date (``dated``), else the first day written in full in it,
    from which the report may go on to later days; ``dateline`` is the month and day of a
    dateline with no year ("QUETTA, March 11 -") when ``day`` is not known; ``headline``
    is the key of its ``Title:`` line with a space at each end ("" when it has none);
    with no day, ``latest_year`` is the latest year the report names: the report is no
    earlier than that, and ``lede_year`` the first year its first sentences name: the year of
    its event; ``aside`` holds the sentences of the sections an encyclopedia
    article sets beside its event ("Background", "Aftermath", "Reactions"); ``period`` is the
    month a review published after it covers ("attacks in September 2018", published in
    October): its days are the report's own time; ``lede`` is the index of the first sentence
    of running text, after a title, a date line and headings; ``listed`` holds the sentences
    of a list of incidents, each under a heading that is its day ("4 January", "9 to 11 January");
    ``series`` tells that the title or lede makes a string of attacks its news (:func:`_series`);
    ``covers`` holds the first and last day a report on a count covers (:func:`_covered_days`).
    """

    day: dt.date | None = None
    dateline: tuple[int, int] | None = None  # (month, day)
    headline: str = ""
    dated: bool = True  # ``day`` is the report's own date, not the first day written in it
    latest_year: int | None = None  # with no day known, the latest year the report names
    lede_year: int | None = None  # with no day known, the year the lede names: the event's
    aside: frozenset[int] = frozenset()  # sentences under a "Background"/"Aftermath" heading
    weekday_lede: bool = False  # the report's first sentences date its event by a weekday
    lede_month: int | None = None  # with no day known, the month the lede names with its year
    # (year, month) of each past month a review covers ("September 2024", "December 2022 to March
    # 2023"); year 0: not known
    period: tuple[tuple[int, int], ...] | None = None
    lede: int = 1  # index of the report's first sentence of running text (after title, date, headings)
    lede_at: int = 0  # the same with no title: 0 where the report opens with its lede (``lede`` is 1 then)
    listed: frozenset[int] = frozenset()  # sentences under a heading that is a day ("4 January")
    series: bool = False  # the title or lede tells a string of attacks as its news ("a spate of raids")
    # the first and last day a report on a count covers ("killed between September 20 and 30")
    covers: tuple[dt.date, dt.date] | None = None


_DATE_HEADER = re.compile(
    r"^[ \t]*(?:date|published|posted|updated|dated)(?:[ \t]+on)?[ \t]*:?[ \t]*(.+)$",
    re.IGNORECASE | re.MULTILINE,
)
#: A line that is only a date, as web pages set one under the headline: "January 4, 2023",
#: "Tuesday 4 January 2023", "2023-01-04", maybe with the clock time of posting after it:
#: "Jun 25, 2011 - 18:40" (Pajhwok), "January 4, 2023 10:15 AM", "2023-01-04 | 10:15 PKT"
_BARE_DATE = re.compile(
    r"^[ \t]*((?:[A-Z][a-z]+,?[ \t]+)?"
    r"(?:\d{1,2}[ \t]+[A-Z][a-z]+\.?,?[ \t]+\d{4}|[A-Z][a-z]+\.?[ \t]+\d{1,2},?[ \t]+\d{4}"
    r"|\d{4}-\d{2}-\d{2}))"
    r"(?:[ \t]*[-\u2013\u2014|,]?[ \t]*(?:at[ \t]+)?\d{1,2}[:.]\d{2}"  # the time: "- 18:40", "at 9.30"
    r"(?:[ \t]*[AaPp]\.?[Mm]\.?)?(?:[ \t]+(?:[A-Z]{2,4}|hrs))?)?"  # "PM", "p.m.", "PKT", "hrs"
    r"[ \t]*$",
    re.MULTILINE,
)
#: A byline on its own line between a headline and the dateline: "By Reuters staff", "Our
#: Correspondent", "Staff Reporter", "Web Desk", "APP" (Reuters copy; Dawn and The News, dev78 writer)
_BYLINE = re.compile(
    r"^[ \t]*(?:[Bb]y[ \t]+[A-Z][^\n.!?]{0,60}"
    r"|(?:Our[ \t]+)?(?:Staff[ \t]+)?(?:Correspondent|Reporter)s?"
    r"|(?:Web|News)[ \t]+Desk|[A-Z][a-z]+[ \t]+Report|Agencies|APP|AFP|AP|Reuters|PPI|NNI|INP|Xinhua)"
    r"[ \t]*$"
)
_TITLE_HEADER = re.compile(r"^[ \t]*(?:title|headline)[ \t]*:[ \t]*(.+)$", re.IGNORECASE | re.MULTILINE)
#: A wire dateline: "QUETTA, Pakistan, Jan 31 (Reuters) -", "KABUL, Aug. 6 (AP) —", "KUNDUZ, Afghanistan —";
#: and the Pakistani papers' "PESHAWAR: ...", "QUETTA, Dec 3: ...", with two cities for a joint report:
#: "HYDERABAD/NAWABSHAH: ...", "DERA ISMAIL KHAN / PESHAWAR: ..." (Dawn, The News, Express Tribune).
#: The agency in brackets may hold a slash or an ampersand: "(RFE/RL)", "(AP/AFP)".
_DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Z'.-]+(?:(?: ?/ ?| )[A-Z][A-Z'.-]+)*)(?P<rest>, [A-Z][A-Za-z .]+?)?"
    r"(?:,[ \t]+(?P<mon>[A-Z][a-z]{2,8})\.?[ \t]+(?P<day>\d{1,2})(?:,? (?P<year>\d{4}))?)?"
    # the dash is set off by a space: "IS-K says ..." opens a headline, not a dateline "IS"
    r"(?:[ \t]*(?:\([A-Za-z .&/]+\)[ \t]*)?"
    r"(?:(?<=[ \t)])[-\u2013\u2014]|[-\u2013\u2014](?=[ \t\n])|:(?=[ \t]))"
    # PTI puts no dash after its name: "QUETTA, Apr 7 (PTI) Six security personnel ..."
    r"|[ \t]*\([A-Za-z .&/]+\)[ \t]+(?=[A-Z]))"
)
#: AFP writes the place in title case, with a date or its name before the dash:
#: "Islamabad, May 21, 2025 (AFP) -", "Kabul (AFP) -"; Iranian and Afghan agencies put their
#: name after a comma: "Zahedan, IRNA -".
_TITLE_DATELINE = re.compile(
    r"(?P<place>[A-Z][a-z'.-]+(?: [A-Z][a-z'.-]+)*)(?P<rest>, [A-Z][A-Za-z .]+?)?"
    r"(?:(?:,[ \t]+(?P<mon>[A-Z][a-z]{2,8})\.?[ \t]+(?P<day>\d{1,2})(?:,? (?P<year>\d{4}))?)?"
    r"[ \t]*\((?:AFP|AP|Reuters|IANS|PTI|APP|dpa|Xinhua|AA)\)"
    r"|,[ \t]+(?:IRNA|ISNA|Fars|Tasnim|Mehr|Pajhwok|TOLOnews|Xinhua|AFP|AP|Reuters|APP)"
    r"|,[ \t]+(?P<mon2>[A-Z][a-z]{2,8})\.?[ \t]+(?P<day2>\d{1,2}),? (?P<year2>\d{4}))[ \t]*[-\u2013\u2014]"
)


def header_date(text: str) -> dt.date | None:
    """Return the report's date from its first lines.

    A ``Date:``/``Published``/``date`` line (any case, leading spaces, colon or
    not) in the ISO form or with the month written out.
    """
    for m in _DATE_HEADER.finditer(text[:2000]):
        day = _full_date(m.group(1))
        if day is not None:
            return day
    # a date on a line of its own among the first three lines (under the headline)
    for m in _BARE_DATE.finditer(text[:400]):
        if text.count("\n", 0, m.start()) - _leading_blank_lines(text, m.start()) < 3:
            day = _full_date(m.group(1))
            if day is not None:
                return day
    return None


def _leading_blank_lines(text: str, end: int) -> int:
    """How many of the lines before ``end`` are blank."""
    return sum(1 for line in text[:end].split("\n")[:-1] if not line.strip())


def _full_date(raw: str) -> dt.date | None:
    """Read a date written in full: ``2026-01-31``, ``31 January 2026``, ``Jan. 31, 2026``."""
    raw = raw.strip()
    iso = re.match(r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})\b", raw)
    try:
        if iso:
            return dt.date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
        words = re.match(
            r"(?:[A-Za-z]+,?\s+)?(\d{1,2})\s+([A-Za-z]+)\.?,?\s+(\d{4})|"
            r"(?:[A-Za-z]+,?\s+)?([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})",
            raw,
        )
        if words:
            d, mon, y = (
                (words.group(1), words.group(2), words.group(3))
                if words.group(1)
                else (
                    words.group(5),
                    words.group(4),
                    words.group(6),
                )
            )
            month = _month(mon)
            return dt.date(int(y), month, int(d)) if month else None
    except ValueError:
        return None
    return None


def _month(word: str) -> int | None:
    w = word.lower().rstrip(".")
    for n, name in enumerate(_MONTHS, start=1):
        if w == name or (len(w) >= 3 and name.startswith(w) and (w != "may" or name == "may")):
            return n
    return None


@lru_cache(maxsize=2)  # the steps of one parse ask it of the same text several times
def dateline(text: str) -> tuple[int, int, int] | None:
    """Find a wire dateline (``QUETTA, Jan 31 (Reuters) -``): its place's span (with a country) and date.

    Returns ``(start, end, month * 100 + day)`` (0 when the dateline has no date) or ``None``.
    """
    found = _dateline_match(text)
    if found is None:
        return None
    m, month, day, _year = found
    end = m.end("rest") if m.group("rest") else m.end("place")
    return m.start("place"), end, month * 100 + day


def item_dateline(text: str, start: int) -> bool:
    """Whether a dateline with its day opens the text at ``start``: "QUETTA, May 2: ..." over an item.

    A news-in-brief column files each item under a dateline of its own; the town is where the
    item was filed from, as the report's first dateline is.
    """
    m = _DATELINE.match(text, start)
    return m is not None and m.group("mon") is not None and _MONTH_OF.get(m.group("mon").lower()) is not None


def dateline_date(text: str) -> dt.date | None:
    """Return the day a dateline gives with its year ("KARACHI, March 26, 2024 (AFP) -"), if any."""
    found = _dateline_match(text)
    if found is None or not found[3] or not found[1]:
        return None
    try:
        return dt.date(found[3], found[1], found[2])
    except ValueError:
        return None


def _headline_like(line: str) -> bool:
    """Whether a line reads as a headline or its subheading: short, with no closing full stop.

    A quoted word may close a headline (``both sides blame "misunderstanding"``); a quote that
    closes a sentence ends in a full stop inside the marks (``"We will respond."``).
    """
    return (
        bool(line.strip())
        and not line.rstrip().rstrip("\"'\u201d\u2019").endswith(".")
        and len(line.split()) <= 20
    )


@lru_cache(maxsize=4)  # a parse asks for the dateline of the same text several times
def _dateline_match(text: str) -> tuple[re.Match[str], int, int, int] | None:
    """Return the dateline's match and its month, day and year (0 for what it does not give)."""
    start = _first_line(text)
    m = _DATELINE.match(text, start) or _TITLE_DATELINE.match(text, start)
    if not m:
        # a headline on its own line first: "Militants hit police in Lahore ...\n\nISLAMABAD, Oct 16 -"
        end = text.find("\n", start)
        line = text[start:end] if end >= 0 else ""
        if not _headline_like(line):
            return None
        start = end
        deck = True  # one line under the headline may be its subheading: "Two bodies found in Washuk"
        for _ in range(4):  # and maybe a "Published March 17, 2025" line or a byline after it
            while start < len(text) and text[start] in " \t\n":
                start += 1
            nxt = text.find("\n", start)
            line = text[start : nxt if nxt >= 0 else len(text)]
            if _DATELINE.match(text, start) or _TITLE_DATELINE.match(text, start):
                break
            if not (_DATE_HEADER.match(line) or _BARE_DATE.match(line) or _BYLINE.match(line)):
                if not (deck and _headline_like(line)):
                    break
                deck = False
            start = nxt if nxt >= 0 else len(text)
        m = _DATELINE.match(text, start) or _TITLE_DATELINE.match(text, start)
    if not m:
        return None
    groups = m.groupdict()
    mon = groups.get("mon") or groups.get("mon2")
    month = (_month(mon) or 0) if mon else 0
    if mon and not month:
        return None
    day = int(groups.get("day") or groups.get("day2") or 0)
    year = int(groups.get("year") or groups.get("year2") or 0)
    return m, month, day, year


def _first_line(text: str) -> int:
    """Offset of the first line that is not a header line or blank."""
    from geokit.geoparse.matcher import _body_start

    pos = _body_start(text)
    while pos < len(text) and text[pos] in " \t\n":
        pos += 1
    return pos


def _lead_date(sents: Sequence[Sentence], aside: frozenset[int]) -> dt.date | None:
    """Return the first day written in full in the report ("On 27 December 2007, ...").

    A day under a heading that sets its section beside the event (``aside``: "Background") is
    another event's ("The army had opened Operation Zarb-e-Azb on 15 June 2014"): the first
    day outside such sections is taken, else the first day at all. A report that dates its own
    events by month and day alone before it writes any day in full ("On September 6, ...", then
    "killed in Lahore on May 28, 2010" near its end) wrote that day for another event: no day
    stands in (dev215 writer, an HRCP annual-report excerpt).
    """
    first = None
    for s in sents:
        found = _full_dates(s)
        if found:
            if s.index not in aside:
                return found[0][1]
            first = first or found[0][1]
        elif s.index not in aside and _month_days(s):
            return first
    return first


#: Headings of the sections an encyclopedia article sets beside its event: what led to it, what
#: followed, who said what (Wikipedia's articles on attacks use these; see e.g. "2009 Parade Lane
#: mosque attack", "2021 Kunduz mosque bombing")
_ASIDE_HEADINGS = frozenset(
    {
        "background",
        "context",
        "history",
        "prelude",
        "aftermath",
        "reactions",
        "reaction",
        "responses",
        "response",
        "international reactions",
        "domestic reactions",
        "reactions and aftermath",
        "aftermath and reactions",
        "investigation",
        "investigations",
        "responsibility",
        "perpetrators",
        "legacy",
        "memorials",
        "trial",
        "trials",
        "analysis",
        "see also",
    }
)
#: Headings of the lists that close an article (Wikinews' "Sources", Wikipedia's "References"):
#: the titles of other reports, read as references to the end of the text, whatever follows
_CLOSING_HEADINGS = frozenset(
    {
        "sources",
        "source",
        "references",
        "external links",
        "see also",
        "notes",
        "further reading",
        "related news",
    }
)


def heading_line(raw: str, words: int) -> bool:
    """Whether a line of ``words`` words reads as a heading: at most four words and no closing stop."""
    return words <= 4 and not raw.endswith((".", "?", "!", '"'))


def _aside_sections(text: str, sents: Sequence[Sentence], heads: frozenset[int]) -> frozenset[int]:
    """Return the sentences under a heading of an aside section ("Background", "Aftermath").

    A heading is a sentence of at most four words with no full stop, alone in its paragraph, or
    a paragraph's first sentence of one or two words ("Background. Zahedan lies ..."); the
    section runs to the next heading or short line alone (:func:`_section_line`). A closing
    list ("Sources", "References") runs to the end.
    ``heads`` are the positions in ``sents`` of the headings (:func:`_heading`).
    """
    out: set[int] = set()
    aside = False
    for n, s in enumerate(sents):
        if n in heads:
            raw = text[s.start : s.end].strip()
            if key(raw.rstrip(".:")) in _CLOSING_HEADINGS:
                return frozenset(out | {t.index for t in sents[n + 1 :]})
            aside = key(raw.rstrip(".")) in _ASIDE_HEADINGS
            continue
        if aside and _section_line(text, sents, n):
            aside = False  # "Nahr-e Saraj, 15 September": a longer heading opens the next section
            continue
        if aside:
            out.add(s.index)
    return frozenset(out)


#: How many words a line alone in its paragraph may have and still close an aside section
_SECTION_LINE_WORDS = 8


def _section_line(text: str, sents: Sequence[Sentence], n: int) -> bool:
    """Whether sentence ``n`` is a short line alone in its paragraph with no closing stop.

    Such a line ("Hisarak, night of 15 September", "Attack on the Nahrin shrine") heads a
    section of its own though it is longer than :func:`_heading` allows.
    """
    s = sents[n]
    if len(s.tokens) > _SECTION_LINE_WORDS or (n > 0 and sents[n - 1].paragraph == s.paragraph):
        return False
    if n + 1 < len(sents) and sents[n + 1].paragraph == s.paragraph:
        return False
    return not text[s.start : s.end].strip().endswith((".", "?", "!", '"', ":"))


def _heading(text: str, sents: Sequence[Sentence], n: int) -> bool:
    """Whether sentence ``n`` is a heading.

    A heading has at most four words and no stop and is alone in its paragraph, or is a
    paragraph's first sentence of one or two words ("Background. Zahedan lies ...").
    """
    s = sents[n]
    words = len(s.tokens)
    if words > 4 or not (n == 0 or sents[n - 1].paragraph != s.paragraph):
        return False  # most sentences: read no further
    raw = text[s.start : s.end].strip()
    alone = n + 1 == len(sents) or sents[n + 1].paragraph != s.paragraph
    return (alone and heading_line(raw, words)) or (words <= 2 and raw.endswith(".") and not alone)


def _listed_sections(sents: Sequence[Sentence], heads: frozenset[int], text: str) -> frozenset[int]:
    """Return the sentences under a heading that is a day: a list of incidents, an entry a day.

    Wikipedia's lists of incidents and timelines head each entry with its day ("4 January",
    "9 to 11 January", "March 3"), and an article on several attacks heads each with its place
    and day ("Nahr-e Saraj, 15 September", "Hisarak, night of 15 September"), or open each
    entry's paragraph with its day (:func:`_day_opener`); every entry tells an event of its own,
    however far down the list it comes. A heading that is no day ends the section.
    """
    out: set[int] = set()
    listed = False
    days = 0
    entry = -1  # the paragraph of an entry opened by its day ("3 January – Bombs went off ...")
    for n, s in enumerate(sents):
        if n in heads or _place_day_line(text, sents, n):
            listed = _day_heading(s, text)
            days += listed
            continue
        if (n == 0 or sents[n - 1].paragraph != s.paragraph) and _day_opener(s, text):
            entry = s.paragraph
            days += 1
        if listed or s.paragraph == entry:
            out.add(s.index)
    return frozenset(out) if days >= 2 else frozenset()


#: A list's mark before an entry's first word: "- Golwarz: ...", "* ...", "• Hoosh village: ..."
_ENTRY_MARK = re.compile(r"[ \t]*[-*\u2022\u2013\u2014][ \t]")


def entry_line(text: str, pos: int) -> bool:
    """Whether the line holding offset ``pos`` opens with a list's mark, as a bulleted entry does."""
    return _ENTRY_MARK.match(text, text.rfind("\n", 0, pos) + 1) is not None


def _day_opener(s: Sentence, text: str) -> bool:
    """Whether a paragraph's first sentence opens with its day and a dash or colon: a list's entry.

    Wikipedia's lists of incidents and timelines often give an entry's day at its head rather
    than on a line of its own: "3 January – Bombs went off ...", "March 3: A bomb ...",
    "9–11 January – ...".
    """
    k = 0
    while k < len(s.tokens) and (
        s.tokens[k].low in _MONTH_OF
        or s.tokens[k].low in ("to", "and")
        or (s.tokens[k].text.isdigit() and len(s.tokens[k].text) <= 2)
    ):
        k += 1
    head = s.tokens[:k]
    if k == 0 or k == len(s.tokens) or not any(t.low in _MONTH_OF for t in head):
        return False
    if not any(t.text.isdigit() for t in head):
        return False
    return text[head[-1].end : s.tokens[k].start].strip()[:1] in ("-", "\u2013", "\u2014", ":")


def _place_day_line(text: str, sents: Sequence[Sentence], n: int) -> bool:
    """Whether sentence ``n`` is a line of its own that heads an entry with its place and day.

    "Nahr-e Saraj, 15 September", "Hisarak, night of 15 September": longer than the headings
    :func:`_heading` reads, with a comma and no full stop.
    """
    s = sents[n]
    if len(s.tokens) > 8 or not (n == 0 or sents[n - 1].paragraph != s.paragraph):
        return False
    alone = n + 1 == len(sents) or sents[n + 1].paragraph != s.paragraph
    raw = text[s.start : s.end].strip()
    return alone and "," in raw and raw[-1:].isalnum() and _day_heading(s, text)


#: Words between a heading's place and its day: "Hisarak, night of 15 September"
_DAY_PARTS = frozenset({"the", "night", "morning", "evening", "afternoon", "of"})


def _day_heading(s: Sentence, text: str) -> bool:
    """Whether a heading is a day of a month, or a span of days: "4 January", "9 to 11 January".

    A place may come first, before a comma, and a part of the day before the day ("Hisarak,
    night of 15 September"). A year makes it a date line ("Published March 17, 2025"), not a
    list's entry.
    """
    toks = s.tokens
    comma = text.rfind(",", s.start, s.end)
    if comma >= 0:
        toks = tuple(t for t in toks if t.start > comma)
        while toks and toks[0].low in _DAY_PARTS:
            toks = toks[1:]
    return (
        any(t.low in _MONTH_OF for t in toks)
        and any(t.text.isdigit() for t in toks)
        and all(
            t.low in _MONTH_OF or t.low in ("to", "and") or (t.text.isdigit() and len(t.text) <= 2)
            for t in toks
        )
    )


_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")


def _latest_year(text: str) -> int | None:
    """Return the latest year from 1950 on that the report names, if any."""
    return max((int(y) for y in _YEAR.findall(text)), default=None)


def _lede_year_at(sents: Sequence[Sentence]) -> tuple[Sentence, int] | None:
    """Return where the first year of the report's first two sentences (a title and the lede) is."""
    for s in sents[:2]:
        for n, t in enumerate(s.tokens):
            if len(t.text) == 4 and t.text.isdigit() and 1950 <= int(t.text) <= 2100:
                return s, n
    return None


def _lede_year(sents: Sequence[Sentence]) -> int | None:
    """Return the first year the report's first two sentences name, if any."""
    at = _lede_year_at(sents)
    return int(at[0].tokens[at[1]].text) if at is not None else None


def _lede_month(sents: Sequence[Sentence]) -> int | None:
    """Return the month written right before the lede's first year ("in early March 2006"), if any."""
    at = _lede_year_at(sents)
    if at is None or at[1] == 0:
        return None
    before = at[0].tokens[at[1] - 1]
    return _MONTH_OF.get(before.low) if before.cap else None


def report_context(text: str, sents: Sequence[Sentence], day: dt.date | None) -> Report:
    """Gather what the whole report tells the role rules (:class:`Report`).

    ``day`` is the report's own date; without it, a dateline's month and day, else the first day
    written in full in the report stands in (:func:`_lead_date`).
    """
    heads = frozenset(n for n in range(len(sents)) if _heading(text, sents, n))
    aside = _aside_sections(text, sents, heads)
    listed = _listed_sections(sents, heads, text)
    # a wire dateline's month and day ("ISLAMABAD, Jan 23 (Reuters) -") are the report's, with no
    # year: a day written in full further down ("shot dead on Jan. 13, 2018") is another event's
    line = dateline(text) if day is None else None
    if line is not None and not line[2]:
        line = None
    # a list of incidents has no day of its own either: each entry has its own, and a day written
    # in full in one of them ("held since 22 December 2011") is no stand-in for the report's
    lead = None if day or listed or line else _lead_date(sents, aside)
    title = _TITLE_HEADER.search(text, 0, 2000)
    lede_at = _lede_index(text, sents)
    return Report(
        day or lead,
        divmod(line[2], 100) if line is not None and line[2] else None,
        f" {key(title.group(1))} " if title else "",
        dated=day is not None,
        latest_year=None if day or lead else _latest_year(text),
        lede_year=None if day or lead else _lede_year(sents),
        lede_month=None if day or lead else _lede_month(sents),
        aside=aside,
        weekday_lede=any(not _WEEKDAY_WORDS.isdisjoint(s.words) for s in sents[:3]),
        period=_review_period(sents, day),
        lede=max(1, lede_at),
        lede_at=lede_at,
        listed=listed,
        series=_series(sents[: max(1, lede_at) + 1]),
        covers=_covered_days(sents, day),
    )


#: Nouns that make a string of attacks one piece of news: "a spate of raids", "a wave of killings"
_SERIES_NOUNS = frozenset({"string", "spate", "wave", "series", "spree", "rash", "flurry"})
#: Words before such a noun that make the report's event one item of the string ("the latest in a
#: series of attacks"): the string is then its background
_ITEM_OF = frozenset({"latest", "last", "recent", "newest"})


def _series(opening: Sequence[Sentence]) -> bool:
    """Whether the title or lede tells a string of attacks as the news, not as its event's background.

    "Armed men step up attacks ... as a string of raids on construction sites left contractors
    halting work": the raids of the past weeks are the report's own events. "The bombing was
    the latest in a series of attacks" makes the earlier ones background.
    """
    for s in opening:
        words = s.words
        for n, w in enumerate(words[:-1]):
            if w in _SERIES_NOUNS and words[n + 1] == "of" and _ITEM_OF.isdisjoint(words[max(0, n - 4) : n]):
                return True
    return False


def _lede_index(text: str, sents: Sequence[Sentence]) -> int:
    """Return the index of the first sentence of running text: one of six words or more ending in a stop.

    A title, a date line and a heading ("Summary") come before it; with none found, the lede is
    taken to be the second sentence, as a title line is the first.
    """
    for n, s in enumerate(sents[:8]):
        raw = text[s.start : s.end].rstrip()
        if len(s.tokens) >= 6 and raw.endswith((".", "!", "?", '"')) and not _DATE_HEADER.match(raw):
            return n
    return 1


def _headline_month(sents: Sequence[Sentence]) -> tuple[int, int] | None:
    """Return (0, month) when an undated report's headline names a month alone.

    "Militant attacks dip in August": the report reviews that month, in a year not known (0); a
    sentence dated in that month with no year of its own ("On Saturday, August 6, ...") tells
    one of the month's events.
    """
    if not sents:
        return None
    toks = sents[0].tokens
    for n, t in enumerate(toks):
        month = _MONTH_OF.get(t.low) if t.cap else None
        if month is not None and not (n + 1 < len(toks) and toks[n + 1].text.isdigit()):
            return 0, month
    return None


#: A review is published within this many days of the end of the month it covers
_REVIEW_DAYS = 45


#: Words that join the two ends of a span of months: "December 2022 to March 2023"; a dash is no token
_SPAN_JOINS = frozenset({"to", "until", "through", "and"})


def _review_period(sents: Sequence[Sentence], day: dt.date | None) -> tuple[tuple[int, int], ...] | None:
    """Return the past months a review covers, named in its title or lede, before its day.

    "September 2024 security review", "Pakistan recorded 45 attacks in September 2024"
    (published 5 October), "Toll from November fuel protests rises" (published 3 December):
    a month that ended before the report's day, and not long before. A month with no year
    counts only in the headline: in the story ("in early October") it dates an event, and with
    a day after it ("on November 15") one day. A span of months ("Killings of Hindus, December
    2022 to March 2023", published 10 April) covers each month from its first to its last; a
    title's span may end in the report's own month.
    """
    if day is None:
        # an undated article's title may name the months it covers ("Attacks on places of
        # worship in Pakistan, May-June 2013"; dev223 writer, an encyclopedia summary)
        span = _month_span(sents[0]) if sents else None
        if span is not None:
            return span
        headline = _headline_month(sents)
        return None if headline is None else (headline,)
    year = _year_reviewed(sents[0], day)
    if year is not None:
        return tuple((year, month) for month in range(1, 13))
    for s in sents[:4]:
        span = _month_span(s)
        if span is not None and (
            _just_ended(*span[-1], day)
            # a title's span may run into the report's own month: "update on attacks, 1 December
            # 2022 - 15 March 2023", published 16 March (dev214 writer, a UN update)
            or (s is sents[0] and span[-1] == (day.year, day.month))
        ):
            return span
    for s in sents[:4]:
        toks = s.tokens
        for n, t in enumerate(toks):
            month = _MONTH_OF.get(t.low) if t.cap else None
            if month is None:
                continue
            after = toks[n + 1].text if n + 1 < len(toks) else ""
            if len(after) == 4 and after.isdigit():
                year = int(after)
            elif after.isdigit() or s is not sents[0]:
                continue  # a day ("November 15"), or a month in the story ("in early October")
            else:  # a headline's "November fuel protests": the last such month before the report's day
                year = day.year if month < day.month else day.year - 1
            if _just_ended(year, month, day):
                return ((year, month),)
    return None


def _covered_days(sents: Sequence[Sentence], day: dt.date | None) -> tuple[dt.date, dt.date] | None:
    """Return the days of one month a report on a count covers, named in its first sentences.

    "Amnesty said ... the children were killed between September 20 and 30", published 14
    October (dev219 writer, a newspaper on a rights group's report): each death it goes on to
    tell on one of those days is the report's news, not an earlier event. The month must have
    ended before the report's day, and not long before (:func:`_just_ended`).
    """
    if day is None:
        return None
    for s in sents[:6]:
        toks = s.tokens
        for n in range(1, len(toks) - 3):
            month = _MONTH_OF.get(toks[n].low) if toks[n].cap else None
            first, join, last = (t.text for t in toks[n + 1 : n + 4])
            if (
                month is None
                or toks[n - 1].low not in ("between", "from")
                or join.lower() not in _SPAN_JOINS
                or not (first.isdigit() and last.isdigit() and len(first) <= 2 and len(last) <= 2)
            ):
                continue
            year = day.year if month < day.month else day.year - 1
            if not _just_ended(year, month, day) or not 1 <= int(first) < int(last) <= 31:
                continue
            try:
                return dt.date(year, month, int(first)), dt.date(year, month, int(last))
            except ValueError:  # "between February 20 and 30"
                return None
    return None


def _just_ended(year: int, month: int, day: dt.date) -> bool:
    """Whether the month ended before ``day``, and no more than ``_REVIEW_DAYS`` before it."""
    end = dt.date(year + month // 12, month % 12 + 1, 1)  # the first day after the month
    return end <= day and (day - end).days <= _REVIEW_DAYS


def _year_reviewed(title: Sentence, day: dt.date) -> int | None:
    """Return the year a year-end review's title names alone, when the report came out just after it.

    "Year ends with deadly ambush in Kech as militant attacks fall 45pc in 2018", published on
    1 January 2019: the year's attacks are the review's own news.
    """
    toks = title.tokens
    for n, t in enumerate(toks):
        if len(t.text) == 4 and t.text.isdigit() and not (n >= 1 and toks[n - 1].low in _MONTH_OF):
            year = int(t.text)
            if _just_ended(year, 12, day):
                return year
    return None


#: The most months a review's span may cover: a quarter or a half-year report, not a history
_SPAN_MONTHS = 6


def _month_span(s: Sentence) -> tuple[tuple[int, int], ...] | None:
    """Return the months from the first to the last of a span the sentence names with its year.

    "December 2022 to March 2023", "between January and March 2023", "January–March 2023" (the
    dash is no token): two months, the last with its year, the first with its own or the
    same one, at most six months apart. Either end may give its day: "1 December 2022 - 15 March
    2023", "December 1, 2022 to March 15, 2023" (dev214 writer, a UN update's title).
    """
    toks = s.tokens

    def day_at(k: int) -> bool:
        return k < len(toks) and len(toks[k].text) <= 2 and toks[k].text.isdigit()

    def is_year(text: str) -> bool:
        return len(text) == 4 and text.isdigit()

    for n in range(len(toks) - 2):
        first = _MONTH_OF.get(toks[n].low) if toks[n].cap else None
        if first is None:
            continue
        k = n + 1 + day_at(n + 1)
        year1 = int(toks[k].text) if k < len(toks) and is_year(toks[k].text) else None
        k += year1 is not None
        k += k < len(toks) and toks[k].low in _SPAN_JOINS
        k += day_at(k) and k + 1 < len(toks) and toks[k + 1].low in _MONTH_OF
        if k + 1 >= len(toks) or not toks[k].cap or toks[k].low not in _MONTH_OF:
            continue
        y = k + 1 + day_at(k + 1)
        if y >= len(toks):
            continue
        last, year_text = _MONTH_OF[toks[k].low], toks[y].text
        if not is_year(year_text):
            continue
        year2 = int(year_text)
        start = (year1 if year1 is not None else year2) * 12 + first - 1
        stop = year2 * 12 + last - 1
        if 0 < stop - start < _SPAN_MONTHS:
            return tuple((m // 12, m % 12 + 1) for m in range(start, stop + 1))
    return None
