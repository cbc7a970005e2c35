"""Admin hints: which current units a province or district name, as a coder wrote it, stands for.

Real tables carry admin names as their coders wrote them: old district names, districts since
split, tribal agencies and frontier regions that no longer exist, other spellings, typos. A hint
is matched, in order, by

``exact``
    the unit's own name (COD-AB ``ADM2_EN``), or a spelling variant of it;
``alias``
    another name of the same unit: COD-AB's alternate-name columns, abbreviations in
    ``geokit/data/aliases.tsv`` ("D. G. Khan"), renames and respellings in the crosswalk
    ``geokit/data/admin_history.csv`` ("Layyah" is COD-AB's "Leiah"), and GeoNames' admin-1
    and admin-2 names (``admin1CodesASCII.txt``, ``admin2Codes.txt``, as the package embeds
    them: "Shekhupura District", "Tribal Area Adjoining Kohat District"), see
    :func:`geonames_aliases`;
``successor``
    a former unit of the crosswalk that was split or became part of current units ("Karachi"
    is now six districts, "FR Tank" is a subdivision of Tank): a candidate in any successor
    agrees with the hint;
``fuzzy``
    a typo of one unit's name, by edit-distance similarity of at least
    :data:`HINT_FUZZY_THRESHOLD` with no other unit as close (both measured, see the constant);
``unknown``
    nothing above: the hint is reported in the row's reason and ignored, never used to rule a
    candidate out.

A current unit that has lost part of its area to a new one ("Bagh", whose Haveli tehsil became
a district in 2009) matches exactly and also accepts its offshoots, since older tables still
use the larger unit.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from geokit.gazetteer import Gazetteer, Place
from geokit.gazetteer.history import FormerUnit, former_units
from geokit.normalize import clean, key, parse, skeleton

__all__ = [
    "HINT_FUZZY_THRESHOLD",
    "FormerUnit",
    "GeonamesName",
    "HintMatch",
    "admin_history",
    "geonames_aliases",
    "match_hint",
]

#: Minimum rapidfuzz ``ratio`` (0-100, on transliteration skeletons) for a misspelt hint to
#: match a unit. Measured by ``python bench/bench_hints.py --threshold``: each one-letter typo
#: (deletion, doubling, swap, vowel change) of every COD-AB district name, 4,114 typos that
#: spell no other unit, given as a district hint with the province known:
#:
#: =========  =====  =====  =======
#: threshold  right  wrong  unknown
#: =========  =====  =====  =======
#: 65         4,049  3      62
#: 70         4,038  3      73
#: 75         4,019  3      92
#: 80         3,915  3      196
#: 85         3,165  3      946
#: 90         2,129  0      1,985
#: =========  =====  =====  =======
#:
#: The three wrong answers are one letter from two short names of one province and as close to
#: either ("Kechhi" for Kachhi read as Kech, "Kach" for Kech read as Kachhi, "Aaran" for Awaran
#: read as Kharan). Without the province, 10 of the 4,114 go to the wrong unit at 75 and 80 (13
#: at 65 and 70): typos as near another real district ("Hairpur": Haripur or Khairpur), so the
#: province is used whenever the table gives one. 75 is the lowest threshold at which the wrong
#: answers are at their floor both with and without the province. (Before a current unit's own
#: name stopped competing with the crosswalk row of its split, such near-ties came out unknown:
#: 3,543 right, 1 wrong, 570 unknown at 75.)
HINT_FUZZY_THRESHOLD = 75.0
#: A fuzzy hint must beat the second-best unit by this many points, or it is unknown.
HINT_FUZZY_MARGIN = 5.0

_HOWS = ("exact", "alias", "successor", "fuzzy", "unknown")
_SPLIT = re.compile(r"\s+-\s+|\s*[/;|()]\s*|,\s*")
# The frontier regions under their other names: "FR Tank", "Tank F.R.", and, as the Constitution
# (Article 246(c), "Tribal Areas adjoining Peshawar district" ...) and GeoNames' admin2Codes.txt
# write them, "Tribal Area Adjoining Kohat District", "Bannu Tribal Area".
_FR = re.compile(
    r"^(?:fr|f r|frontier region|frontier regions)\s+(.+)$|^(.+?)\s+(?:fr|f r|frontier region)$"
    r"|^tribal areas? adjoining\s+(.+?)(?:\s+district)?$|^(.+?)\s+tribal areas?$"
)


@dataclass(frozen=True, slots=True)
class HintMatch:
    """How one admin hint was matched.

    Attributes
    ----------
    level
        1 (province) or 2 (district).
    given
        The hint as written.
    how
        ``"exact"``, ``"alias"``, ``"successor"``, ``"fuzzy"`` or ``"unknown"``.
    units
        The current units it stands for, most specific first (empty when unknown).
    accepted
        Skeletons of the unit names a candidate may lie in: ``units`` plus the offshoots of a
        unit that has since been split.
    matched
        The name that matched (a unit's, an alias', a former unit's), or ``None``.
    similarity
        The fuzzy similarity, 100 for other matches, ``None`` when unknown.
    former
        The crosswalk row used, if any.
    source
        Where an alias outside the crosswalk comes from ("GeoNames admin-2 PK.04.1165218
        'Shekhupura District'"), if any.
    """

    level: int
    given: str
    how: str
    units: tuple[Place, ...] = ()
    accepted: frozenset[str] | None = None
    matched: str | None = None
    similarity: float | None = None
    former: FormerUnit | None = None
    source: str | None = None

    @property
    def known(self) -> bool:
        """Whether the hint names at least one current unit."""
        return bool(self.units)

    def describe(self) -> str:
        """One clause for a row's reason ("admin-2 hint 'Karachi district': former ...")."""
        head = f"admin-{self.level} hint {self.given!r}"
        names = ", ".join(u.name for u in self.units)
        f = self.former
        if self.how == "unknown":
            return f"{head} matches no unit by any name; ignored"
        if self.how == "fuzzy":
            return f"{head} read as {names} (fuzzy, similarity {self.similarity:.0f})"
        if self.how == "successor" and f is not None:
            when = f" in {f.year}" if f.year else ""
            if f.change == "split":
                return f"{head}: former {f.name}, split{when} into {names} ({f.source})"
            return f"{head}: former {f.name}, part of {names} since {f.year or 'its merger'} ({f.source})"
        if self.how == "alias":
            why = f" ({f.change}; {f.source})" if f is not None else ""
            why = f" ({self.source})" if self.source else why
            return f"{head} is another name of {names}{why}"
        return f"{head} matched {names}"

    def to_dict(self) -> dict[str, object]:
        """Return a JSON-ready dict (for ``geokit explain --json``)."""
        return {
            "level": self.level,
            "given": self.given,
            "how": self.how,
            "matched": self.matched,
            "similarity": self.similarity,
            "units": [{"name": u.name, "pcode": u.admin_id} for u in self.units],
            "source": self.source,
            "former": None
            if self.former is None
            else {
                "name": self.former.name,
                "change": self.former.change,
                "year": self.former.year,
                "source": self.former.source,
                "url": self.former.url,
            },
        }


@cache
def admin_history() -> dict[str, FormerUnit]:
    """Return the crosswalk keyed by every name of each former unit (normalised with ``key``)."""
    out: dict[str, FormerUnit] = {}
    for unit in former_units():
        for name in unit.names:
            k = _fr(key(name))
            if k:
                out.setdefault(k, unit)
    return out


def _fr(k: str) -> str:
    """Write every form of a frontier region ("FR Tank", "Bannu Tribal Area") as "frontier region tank"."""
    m = _FR.match(k)
    if not m:
        return k
    return "frontier region " + next(g for g in m.groups() if g)


@cache
def _aliases() -> dict[str, str]:
    text = resources.files("geokit").joinpath("data/aliases.tsv").read_text("utf-8")
    out = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            alias, name = ([*line.split("\t"), ""])[:2]
            out[key(alias)] = key(name)
    return out


def _aliases_of(name: str) -> list[str]:
    k = key(name)
    out = [k]
    if (a := _aliases().get(k)) and a not in out:
        out.append(a)
    return out


def _pieces(hint: str) -> list[tuple[str, bool]]:
    """Names to try for a hint, with whether each is the hint's own name (not an alias).

    The whole hint first (qualifier words such as "district" or "agency" parsed off), then
    each part of a compound ("FR Tank - Jandola", "Bagh/Haveli", "Kurram (Parachinar)").
    """
    texts = [hint, *(p for p in _SPLIT.split(hint) if p and p != hint)]
    out: list[tuple[str, bool]] = []
    for t in texts:
        head = parse(t).head
        for n in dict.fromkeys((head.name, key(t), head.full)):
            for i, a in enumerate(_aliases_of(n)):
                if a and (a, i == 0) not in out and (a, True) not in out:
                    out.append((a, i == 0))
    return out


@cache
def _units(gaz: Gazetteer, level: int, country: str | None) -> list[Place]:
    return [
        u
        for u in gaz.admin_units(country=country, kind=f"adm{level}")
        if country is None or u.country == country
    ]


@cache
def _by_pcode(gaz: Gazetteer, country: str | None) -> dict[str, Place]:
    return {u.admin_id: u for u in _units(gaz, 2, country) if u.admin_id}


def _skel(name: str) -> str:
    return skeleton(key(name))


def _offshoots(gaz: Gazetteer, units: Sequence[Place], country: str | None) -> list[Place]:
    """Units split off from these ones since (the crosswalk's split rows named after them)."""
    out: list[Place] = []
    for u in units:
        f = admin_history().get(key(u.name))
        if f is not None and f.change == "split" and u.admin_id in f.successors:
            out += [p for pc in f.successors if (p := _by_pcode(gaz, country).get(pc)) is not None]
    return out


def _match(
    level: int, given: str, how: str, units: list[Place], extra: Sequence[Place] = (), **kw: object
) -> HintMatch:
    uniq = list({u.id: u for u in units}.values())
    accepted = frozenset(_skel(u.name) for u in [*uniq, *extra]) | frozenset(
        _skel(a) for u in uniq for a in u.alt_names
    )
    return HintMatch(level, given, how, tuple(uniq), accepted, **kw)  # type: ignore[arg-type]


def _in_admin1(units: list[Place], admin1: frozenset[str] | None) -> list[Place]:
    if admin1 is None:
        return units
    inside = [u for u in units if u.kind == "adm1" or _skel(u.admin1 or "") in admin1]
    return inside or units


def match_hint(
    gaz: Gazetteer,
    hint: str | None,
    level: int,
    *,
    country: str | None = None,
    admin1: frozenset[str] | None = None,
    threshold: float = HINT_FUZZY_THRESHOLD,
) -> HintMatch | None:
    """Match one admin hint to the current units it stands for.

    Parameters
    ----------
    gaz
        The gazetteer whose admin units (from the boundary layer) are the targets.
    hint
        The hint as written ("Karachi district", "FR Tank - Jandola", "Khyber Pakhtunkwa").
    level
        1 for a province hint, 2 for a district hint.
    country
        ISO2 code; units elsewhere are not considered.
    admin1
        Skeletons of the province names a district must lie in (from a known province hint);
        used to choose between same-name districts and to narrow fuzzy matching.
    threshold
        Minimum fuzzy similarity (0-100); the default is the measured one.

    Returns
    -------
    HintMatch or None
        ``None`` for an empty hint; ``how="unknown"`` when nothing matches. Answers are
        memoised per gazetteer (a table repeats the same few hundred hints).
    """
    return _match_hint(gaz, hint, level, country, admin1, threshold)


@lru_cache(maxsize=20_000)
def _match_hint(
    gaz: Gazetteer,
    hint: str | None,
    level: int,
    country: str | None,
    admin1: frozenset[str] | None,
    threshold: float,
) -> HintMatch | None:
    return _match_hint_uncached(gaz, hint, level, country=country, admin1=admin1, threshold=threshold)


def _match_hint_uncached(
    gaz: Gazetteer,
    hint: str | None,
    level: int,
    *,
    country: str | None,
    admin1: frozenset[str] | None,
    threshold: float,
    geonames: bool = True,
) -> HintMatch | None:
    text = clean(hint)
    if not text or text.lower() in ("<na>", "nan", "none", "null"):
        return None
    kind = f"adm{level}"
    pieces = _pieces(text)
    for name, own in pieces:
        hits = [
            m
            for m in gaz.search(name)
            if m.place.kind == kind and (country is None or m.place.country == country)
        ]
        units = _in_admin1([m.place for m in hits], admin1)
        # by the unit's own name or a spelling of it; not a variant of one of its other names
        named = any(
            m.how == "name" or (m.how == "variant" and skeleton(key(m.place.name)) == skeleton(name))
            for m in hits
        )
        if units and level == 2 and not named and admin_history().get(_fr(name)) is not None:
            continue  # a former name the gazetteer gives the seat's unit: the crosswalk says all its units
        if units:
            how = "exact" if own and named else "alias"
            return _match(
                level, text, how, units, _offshoots(gaz, units, country), matched=name, similarity=100.0
            )
    if level == 2:
        for name, _own in pieces:
            former = admin_history().get(_fr(name))
            if former is None:
                continue
            units = [p for pc in former.successors if (p := _by_pcode(gaz, country).get(pc)) is not None]
            if units:
                return _match(level, text, former.how, units, matched=name, similarity=100.0, former=former)
    if geonames and country is not None:
        table = geonames_aliases(gaz, country, level)
        for name, _own in pieces:
            entries = table.get(name, ())
            if entries:
                # a name GeoNames uses in two provinces: the one in the province hint, if any
                inside = [e for e in entries if _in_admin1(list(e.units), admin1) == list(e.units)]
                g = (inside or list(entries))[0]
                units = list(g.units)
                return _match(
                    level,
                    text,
                    "alias",
                    units,
                    _offshoots(gaz, units, country),
                    matched=name,
                    similarity=100.0,
                    source=g.describe(),
                )
    return _fuzzy(gaz, text, pieces, level, country, admin1, threshold)


@dataclass(frozen=True, slots=True)
class GeonamesName:
    """A GeoNames admin name and the current units it stands for.

    Attributes
    ----------
    code
        GeoNames' code ("PK.04.1165218").
    name
        GeoNames' ASCII name ("Shekhupura District").
    units
        The boundary layer's units it was mapped to.
    how
        How it was mapped: the hint matcher's ``exact``, ``alias``, ``successor`` or ``fuzzy``,
        within the GeoNames record's own province for an admin-2 name.
    """

    code: str
    name: str
    units: tuple[Place, ...]
    how: str

    def describe(self) -> str:
        """Say where the alias comes from ("GeoNames admin-2 'Shekhupura District' (PK.04...)")."""
        level = self.code.count(".")
        return f"GeoNames admin-{level} name {self.name!r}, {self.code}, mapped by {self.how} name"


def _geonames_rows(name: str, country: str) -> list[list[str]]:
    """Rows of a GeoNames admin-code table (code, name, ASCII name, geonameid) for one country."""
    import gzip

    from geokit import data as _data

    path = _data.fetch(name)
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        rows = [line.rstrip("\n").split("\t") for line in fh if line.startswith(f"{country}.")]
    return [r for r in rows if len(r) >= 3]


#: GeoNames' word for an agency of the former Provincially Administered Tribal Areas
#: ("Malakand Protected Area"), dropped when its name is mapped to a unit.
_GEONAMES_DESIGNATION = re.compile(r"\s+protected area$", re.IGNORECASE)


#: The kind of unit some GeoNames admin-2 names carry ("Shighnan District")
_DISTRICT_WORD = re.compile(r"\s+(?:district|county|shahrestan)$", re.IGNORECASE)


@cache
def district_provinces(country: str) -> dict[str, str]:
    """Return GeoNames' admin-2 names of one country, each with its admin-1 unit's ASCII name.

    GeoNames' ``admin2Codes.txt`` (the package's embedded copy, or the mirror's) names the
    districts of Afghanistan and the counties of Iran that no gazetteer record of a town
    carries ("Andarab", "Hisarak"); its rows carry no point, only the province in the code
    (``AF.03`` of ``AF.03.1307``). Names that two provinces share are left out, as are a
    trailing "District" or "County" and a leading "Shahrestan-e" (Persian for county).

    Parameters
    ----------
    country
        ISO2 code.

    Returns
    -------
    dict
        Normalised district name to the GeoNames ASCII name of its province.
    """
    provinces = {r[0]: r[2] or r[1] for r in _geonames_rows("geonames:admin1", country)}
    seen: dict[str, set[str]] = {}
    for code, name, ascii_name, *_ in _geonames_rows("geonames:admin2", country):
        province = provinces.get(code.rsplit(".", 1)[0])
        if province is None:
            continue
        for n in {name, ascii_name}:
            k = key(_DISTRICT_WORD.sub("", n)).removeprefix("shahrestan e ")
            if k:
                seen.setdefault(k, set()).add(province)
    return {k: next(iter(v)) for k, v in seen.items() if len(v) == 1}


@cache
def geonames_aliases(gaz: Gazetteer, country: str, level: int) -> dict[str, tuple[GeonamesName, ...]]:
    """Return GeoNames' admin names of one country, keyed by their normalised forms.

    GeoNames' ``admin1CodesASCII.txt`` and ``admin2Codes.txt`` (the copies the package embeds,
    or the mirror's) name units in their own way: "Shekhupura District", "Bhimbar District",
    "Tribal Area Adjoining Kohat District", "Karachi East District". Their admin-2 rows carry no
    coordinates, so each name is mapped to the boundary layer's units by name: the hint
    matcher's exact, alias and successor stages, then its fuzzy stage at the measured
    threshold, always within the GeoNames record's own province (the ``PK.04`` of its code).
    The mapping is checked against GeoNames' own places by ``tests/test_hints.py``: the cities
    of ``cities15000`` that GeoNames codes in an admin-2 unit lie in the units it maps to.
    Names that map to no unit are left out.

    Parameters
    ----------
    gaz
        The gazetteer whose admin units are the targets.
    country
        ISO2 code.
    level
        1 or 2.

    Returns
    -------
    dict
        Normalised name (whole, and with qualifier words such as "district" parsed off) to
        the GeoNames names that carry it.
    """
    provinces = {r[0]: r[2] or r[1] for r in _geonames_rows("geonames:admin1", country)}
    threshold = HINT_FUZZY_THRESHOLD
    table = "geonames:admin1" if level == 1 else "geonames:admin2"
    out: dict[str, tuple[GeonamesName, ...]] = {}
    for code, name, ascii_name, *_ in _geonames_rows(table, country):
        admin1: frozenset[str] | None = None
        if level == 2:
            m1 = _match_hint_uncached(
                gaz,
                provinces.get(code.rsplit(".", 1)[0]),
                1,
                country=country,
                admin1=None,
                threshold=HINT_FUZZY_THRESHOLD,
                geonames=False,
            )
            admin1 = m1.accepted if m1 is not None and m1.known else None
        m: HintMatch | None = None
        own = ascii_name or name
        for text in dict.fromkeys((own, _GEONAMES_DESIGNATION.sub("", own))):
            m = _match_hint_uncached(
                gaz, text, level, country=country, admin1=admin1, threshold=threshold, geonames=False
            )
            if m is not None and m.known:
                break
        if m is None or not m.known:
            continue
        entry = GeonamesName(code, ascii_name or name, m.units, m.how)
        for n in dict.fromkeys((name, ascii_name)):
            head = parse(n).head
            for k in dict.fromkeys((key(n), head.name, head.full)):
                if k and entry not in out.get(k, ()):
                    out[k] = (*out.get(k, ()), entry)
    return out


@cache
def _targets(
    gaz: Gazetteer, level: int, country: str | None
) -> tuple[tuple[str, tuple[Place, ...], FormerUnit | None], ...]:
    """Skeletons a misspelt hint is compared with: unit names, their alternates, former names."""
    out: list[tuple[str, tuple[Place, ...], FormerUnit | None]] = []
    for u in _units(gaz, level, country):
        for n in (u.name, *u.alt_names):
            out.append((_skel(n), (u,), None))
    if level == 2:
        by = _by_pcode(gaz, country)
        current = {t[0] for t in out}
        for k, former in admin_history().items():
            if skeleton(k) in current:
                continue  # a current unit's own name ("Sheikhupura", split 2005): the unit and its offshoots
            units = tuple(p for pc in former.successors if (p := by.get(pc)) is not None)
            if units:
                out.append((skeleton(k), units, former))
    return tuple(out)


def _fuzzy(
    gaz: Gazetteer,
    text: str,
    pieces: list[tuple[str, bool]],
    level: int,
    country: str | None,
    admin1: frozenset[str] | None,
    threshold: float,
) -> HintMatch:
    from rapidfuzz import fuzz

    targets = [
        t
        for t in _targets(gaz, level, country)
        if admin1 is None or any(_skel(u.admin1 or "") in admin1 for u in t[1])
    ]
    best: tuple[float, str, tuple[Place, ...], FormerUnit | None] | None = None
    second = 0.0
    for name, _own in pieces:
        s = skeleton(name)
        if len(s) < 4:
            continue
        scores: dict[tuple[str, ...], tuple[float, tuple[Place, ...], FormerUnit | None]] = {}
        for t, units, f in targets:
            r = fuzz.ratio(s, t)
            ids = tuple(sorted(u.id for u in units))
            if ids not in scores or r > scores[ids][0]:
                scores[ids] = (r, units, f)
        ranked = sorted(scores.values(), key=lambda x: -x[0])
        if ranked and (best is None or ranked[0][0] > best[0]):
            best = (ranked[0][0], name, ranked[0][1], ranked[0][2])
            second = ranked[1][0] if len(ranked) > 1 else 0.0
    if best is None or best[0] < threshold or best[0] - second < HINT_FUZZY_MARGIN:
        return HintMatch(level, text, "unknown")
    score, name, units, f = best
    extra = _offshoots(gaz, units, country) if f is None else []
    return _match(level, text, "fuzzy", list(units), extra, matched=name, similarity=float(score), former=f)


def fallback_unit(match: HintMatch) -> Place | None:
    """Return the one unit a row the gazetteer cannot place goes to (precision 3), or ``None``.

    A hint naming one unit gives that unit; a former unit split into several gives the
    successor that holds its headquarters (listed first in the crosswalk), so the answer is
    where the former unit's own point usually was.
    """
    return match.units[0] if match.units else None
