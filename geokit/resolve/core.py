"""Resolve place strings to one point, with a precision code and a reason.

Precision codes follow ACLED's geo-precision and map onto UCDP's ``where_prec``:

========  ==========================================  ==========  ==============
geokit    meaning                                     ACLED       UCDP
========  ==========================================  ==========  ==============
1         the place itself (town, village, locality)  1           1
2         part of, near, or a site in a place;         2           2 (within
          coordinates are that place's                             ~25 km)
3         an admin unit (district, tehsil,            3           3 (admin-2) or
          province) or a region made of districts                 4 (admin-1)
          (Waziristan); its representative point
None      unresolved, with the reason                 not coded   not coded
========  ==========================================  ==========  ==============

How a winner is chosen, in order: organisation, person and placeholder strings
are refused (a row with admin hints is placed at the hinted unit, its name
unused); a road between two places ("Quetta-Mastung highway") is answered
between its two ends (:func:`_road`); candidates come from exact names, alternate names, transliteration
variants and, only when those find nothing, fuzzy matches above
:data:`geokit.gazetteer.FUZZY_THRESHOLD`; the country, admin-1 and admin-2
hints and the enclosing places written in the string ("Sariab, Quetta") filter
them; the rest are scored on how they matched, the kind of place (populated
places over admin units unless the text says "district"), population, and
closeness to the other places in the same report. A small place the gazetteer
does not know, written with its district or province, is placed at that unit
(precision 3), never at a same-name village elsewhere.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from geokit.gazetteer import FUZZY_THRESHOLD, Gazetteer, Match, Place, haversine_km
from geokit.gazetteer.localities import in_city, localities_named
from geokit.normalize import MAX_LENGTH, ParsedQuery, Part, clean, key, non_place_words, parse, skeleton
from geokit.resolve.hints import HintMatch, _aliases, fallback_unit, match_hint
from geokit.resolve.roads import road_ends

__all__ = ["Candidate", "Resolution", "resolve"]

_POPULATED = frozenset({"city", "town", "locality", "neighbourhood", "village"})
_MATCH_SCORE = {"name": 1.0, "alt": 0.95, "variant": 0.85}
_KIND_SCORE = {"adm1": 0.06, "adm2": 0.06, "adm3": 0.03, "region": 0.1, "road": 0.0}
#: Two candidates this close in score, and this far apart, make a result ambiguous.
AMBIGUOUS_SCORE_GAP = 0.05
AMBIGUOUS_DISTANCE_KM = 25.0
#: An unknown place inside a city at least this populous is placed at the city (precision 2).
CITY_POPULATION = 100_000
_INSIDE_KM = 35.0
#: Bonus for a candidate next to another place of the same report, fading to 0 at CONTEXT_KM.
CONTEXT_BONUS = 0.2
#: When a fuzzy spelling may be the answer; otherwise it is only a candidate (shown by ``explain``).
#: Measured by ``bench/fuzzy_threshold.py`` on UCDP GED's Pakistani place names the gazetteer lacks
#: (real spellings by other people): the best fuzzy match in Pakistan lay within 25 km of UCDP's
#: point for 9 of 307 names at similarity 60-95 and 2 of 60 at 80-95, and similarity alone never
#: made it trustworthy (0 of 12 at 90-95). Names that differ only in their vowels fared no better
#: when the match was a small place (1 of 12). So a fuzzy match answers only when it scores at
#: least FUZZY_ANSWER_SIMILARITY, has the same consonant outline (:func:`consonants`) and is a
#: town of at least FUZZY_ANSWER_POPULATION people ("Peshawer", "Gwader"); on the UCDP names
#: that rule answers none of the 307 (at 10,000 people it answered one, wrongly: "Lilauni" as
#: Liliani, 307 km away).
FUZZY_ANSWER_SIMILARITY = 85.0
FUZZY_ANSWER_POPULATION = 20_000
CONTEXT_KM = 300.0  # how far a place may lie from an enclosing town and still be "in" it
#: A place the gazetteer puts just outside the hinted district is taken when nothing lies inside
#: and it is this close to the hinted district's representative point: the median radius of a
#: COD-AB district (the radius of a circle of the same area; 10th-90th percentile 18-60 km,
#: median 34 km, pak_admbnda_adm2_wfp_20220909 in EPSG:6933).
NEAR_HINT_KM = 35.0
#: A road's two ends at most this far apart are answered at their midpoint (precision 2): the
#: midpoint then lies within half of it, 25 km (precision 2's radius), of every point of a
#: straight road between them. Farther apart, the end inside the admin-2 hint, else the hints.
ROAD_MIDPOINT_KM = 50.0
#: Said when a refused name (organisation, person, placeholder) is placed at its row's hints.
_NAME_NOT_USED = ", so the name itself was not used"


@dataclass(frozen=True, slots=True)
class Candidate:
    """A gazetteer record considered for a query.

    Attributes
    ----------
    place
        The record.
    how
        ``"name"``, ``"alt"``, ``"variant"`` or ``"fuzzy"``.
    similarity
        Fuzzy similarity (100 for exact matches).
    score
        Total score; higher wins.
    why
        The score's parts, or the reason the candidate was rejected.
    rejected
        Whether a hint or the enclosing place ruled it out.
    """

    place: Place
    how: str
    similarity: float
    score: float
    why: tuple[str, ...] = ()
    rejected: bool = False
    whole: bool = False  # matched the string with its qualifier words ("Musa Khel Bazar")


@dataclass(frozen=True, slots=True)
class Resolution:
    """The answer for one place string.

    Attributes
    ----------
    query
        The input as given.
    status
        ``"resolved"`` or ``"unresolved"``.
    lat, lon
        WGS84 degrees, or ``None``.
    precision
        1 exact place, 2 part of/near a place, 3 admin unit; ``None`` if unresolved.
    reason
        Why this answer (or why none).
    match_name, source, record_id, place
        The chosen gazetteer record.
    fuzzy
        Whether the name only matched approximately.
    ambiguous
        Whether another, distant candidate scored almost as well.
    candidates
        Every candidate considered, best first, rejected ones last.
    hints
        How each admin hint was matched (see :mod:`geokit.resolve.hints`).
    """

    query: str
    status: str
    lat: float | None
    lon: float | None
    precision: int | None
    reason: str
    match_name: str | None
    source: str | None
    record_id: str | None
    place: Place | None
    fuzzy: bool = False
    ambiguous: bool = False
    candidates: tuple[Candidate, ...] = ()
    hints: tuple[HintMatch, ...] = ()

    @property
    def admin_level(self) -> int | None:
        """The admin level the answer stands for (1 province, 2 district, 3 tehsil), else ``None``.

        A row answered at admin level 1 has a province and no district: the join leaves its
        district empty and it is counted per province, never in a district.
        """
        return self.place.admin_level if self.place is not None else None


@dataclass(frozen=True, slots=True)
class _Hints:
    country: str | None
    admin1: frozenset[str] | None  # skeletons of accepted admin-1 names
    admin2: frozenset[str] | None
    units: tuple[Place, ...] = ()  # hint units, most specific first, for fallback
    notes: tuple[str, ...] = ()
    context: tuple[tuple[float, float], ...] = ()
    matches: tuple[HintMatch, ...] = ()


def _unresolved(query: str, reason: str, cands: Sequence[Candidate] = ()) -> Resolution:
    return Resolution(
        query, "unresolved", None, None, None, reason, None, None, None, None, candidates=tuple(cands)
    )


def _resolved(
    query: str,
    c: Candidate,
    precision: int,
    reason: str,
    *,
    ambiguous: bool = False,
    cands: Sequence[Candidate] = (),
) -> Resolution:
    p = c.place
    return Resolution(
        query,
        "resolved",
        p.lat,
        p.lon,
        precision,
        reason,
        p.name,
        p.source,
        p.id,
        p,
        fuzzy=c.how == "fuzzy",
        ambiguous=ambiguous,
        candidates=tuple(cands),
    )


def _non_place(k: str) -> str | None:
    """Say why a key looks like an organisation, person or placeholder, else ``None``."""
    words = non_place_words()
    tokens = k.split()
    if not tokens:
        return None
    grams = tokens + [" ".join(tokens[i : i + 2]) for i in range(len(tokens) - 1)]
    for g in grams:
        if words.get(g) in ("organisation", "group"):
            return f"looks like the name of an {words[g]} ('{g}'), not a place"
    if all(words.get(t) == "placeholder" for t in tokens) or words.get(k) == "placeholder":
        return "a placeholder, not a place name"
    if len(tokens) >= 2 and words.get(tokens[-1]) == "ethnonym" and words.get(tokens[0]) != "ethnonym":
        # "<name> <name> Baloch": an ethnonym after other words is a surname, as in people's names
        return f"looks like a person's name (ending in the ethnonym '{tokens[-1]}'), not a place"
    weak = [t for t in tokens if words.get(t) in ("person", "ethnonym")]
    if len(weak) * 2 > len(tokens):
        kinds = sorted({words[t] for t in weak})
        return f"looks like a {' or '.join(kinds)} name ({', '.join(weak)}), not a place"
    return None


def _names_for(part: Part) -> list[str]:
    out: list[str] = []
    for n in (part.full, part.name):
        for m in (n, _aliases().get(n)):
            if m and m not in out:
                out.append(m)
    return out


def _admin_of(p: Place, level: int) -> str | None:
    return p.admin1 if level == 1 else p.admin2


def _hints(
    gaz: Gazetteer, country: str | None, admin1: str | None, admin2: str | None, context: Sequence[str]
) -> _Hints:
    cc = clean(country).upper() or None if country else None
    m1 = match_hint(gaz, admin1, 1, country=cc)
    a1 = m1.accepted if m1 is not None and m1.known else None
    m2 = match_hint(gaz, admin2, 2, country=cc, admin1=a1)
    a2 = m2.accepted if m2 is not None and m2.known else None
    if a1 is not None and m2 is not None and m2.known:
        # the district hint's own provinces count too ("FATA" + "Khyber agency")
        a1 = a1 | frozenset(skeleton(key(u.admin1)) for u in m2.units if u.admin1)
    units: list[Place] = []
    if m2 is not None and (u2 := fallback_unit(m2)) is not None:
        units.append(u2)
    if m1 is not None and (u1 := fallback_unit(m1)) is not None:
        units.append(u1)
    matches = tuple(m for m in (m1, m2) if m is not None)
    notes = tuple(m.describe() for m in matches if m.how in ("successor", "fuzzy", "unknown") or m.former)
    points: list[tuple[float, float]] = []
    for name in list(dict.fromkeys(context))[:50]:
        hits = [p for p in gaz.lookup(name) if cc is None or p.country == cc]
        if hits and all(haversine_km(hits[0].lat, hits[0].lon, h.lat, h.lon) < 25 for h in hits):
            points.append((hits[0].lat, hits[0].lon))
    return _Hints(cc, a1, a2, tuple(units), notes, tuple(points), matches)


def _inside(gaz: Gazetteer, p: Place, parent: Place) -> bool:
    if parent.kind == "adm1":
        return p.admin1 is not None and skeleton(key(p.admin1)) == skeleton(key(parent.name))
    if parent.kind == "adm2":
        return p.admin2 is not None and skeleton(key(p.admin2)) == skeleton(key(parent.name))
    if parent.kind == "adm3":
        return (
            p.admin2 == parent.admin2 and haversine_km(p.lat, p.lon, parent.lat, parent.lon) <= 2 * _INSIDE_KM
        )
    if parent.kind in _POPULATED and in_city(gaz, p, parent):
        return True
    return haversine_km(p.lat, p.lon, parent.lat, parent.lon) <= _INSIDE_KM


def _score(
    gaz: Gazetteer, m: Match, part: Part, hints: _Hints, via_alias: bool, whole: bool = False
) -> Candidate:
    p, why = m.place, []
    if m.how == "fuzzy":
        base = 0.5 + 0.3 * (m.similarity - FUZZY_THRESHOLD) / (100 - FUZZY_THRESHOLD)
        why.append(f"fuzzy {m.similarity:.0f}")
    else:
        base = _MATCH_SCORE[m.how]
        why.append({"name": "name", "alt": "alternate name", "variant": "spelling variant"}[m.how])
    if via_alias:
        base -= 0.01
        why.append("via abbreviation")
    kind = 0.1 if p.kind in _POPULATED else _KIND_SCORE.get(p.kind, -0.2)
    if part.level and (p.kind == part.level or (p.kind == "region" and part.level == "adm1")):
        kind += 0.3
        why.append(f"is a {p.kind} as the text says")
    elif part.level == "populated" and p.kind in _POPULATED:
        kind += 0.3
    pop = 0.08 * math.log10(p.population + 1) / 7 if p.population else 0.0
    home = 0.05 if hints.country is None and p.country == gaz.home_country else 0.0
    ctx = 0.0
    if hints.context:
        d = min(haversine_km(p.lat, p.lon, la, lo) for la, lo in hints.context)
        ctx = CONTEXT_BONUS * max(0.0, 1 - d / CONTEXT_KM)
        if ctx:
            why.append(f"{d:.0f} km from another place in the report")
    if whole:
        base += 0.15
        why.append("the whole string is its name")
    why.append(f"{p.kind}" + (f", pop {p.population:,}" if p.population else ""))
    return Candidate(
        p, m.how, m.similarity, round(base + kind + pop + home + ctx, 4), tuple(why), whole=whole
    )


def _filter(gaz: Gazetteer, c: Candidate, hints: _Hints, parents: Sequence[Place]) -> str | None:
    p = c.place
    if hints.country and p.country and p.country != hints.country:
        return f"in {p.country}, not {hints.country}"
    for level, accepted in ((1, hints.admin1), (2, hints.admin2)):
        have = _admin_of(p, level)
        if (
            accepted is not None
            and have is not None
            and skeleton(key(have)) not in accepted
            and not (level == 2 and p.kind == "adm1")
        ):
            return f"in {have}, outside the admin-{level} hint"
    if parents and not any(_inside(gaz, p, q) or p.id == q.id for q in parents):
        return "not inside " + " or ".join(sorted({q.name for q in parents}))
    return None


def _candidates(
    gaz: Gazetteer, part: Part, hints: _Hints, parents: Sequence[Place], *, allow_fuzzy: bool = True
) -> list[Candidate]:
    found: dict[str, Candidate] = {}
    names = _names_for(part)
    for name in names:
        whole = bool(part.qualifiers) and name in (part.full, _aliases().get(part.full))
        for m in gaz.search(name):
            c = _score(gaz, m, part, hints, via_alias=name not in (part.full, part.name), whole=whole)
            if m.place.id not in found or c.score > found[m.place.id].score:
                found[m.place.id] = c
    if part.level in ("adm1", "adm2") and not any(c.place.kind == part.level for c in found.values()):
        # "Layyah district", "Karachi district": a unit known by another or a former name
        hm = match_hint(gaz, part.full, int(part.level[3]), country=hints.country)
        unit = fallback_unit(hm) if hm is not None and hm.how in ("alias", "successor") else None
        if hm is not None and unit is not None and unit.id not in found:
            c = _score(gaz, Match(unit, "alt"), part, hints, via_alias=True)
            found[unit.id] = replace(c, why=(*c.why, hm.describe()))
    kept = [c for c in found.values() if _filter(gaz, c, hints, parents) is None]
    if not kept and allow_fuzzy and sum(ch.isalpha() for ch in part.name) >= 4:
        for m in gaz.fuzzy(part.name, country=hints.country):
            if m.place.id not in found:
                found[m.place.id] = _score(gaz, m, part, hints, via_alias=False)
    _seat_towns(found, part)
    out = []
    for c in found.values():
        bad = _filter(gaz, c, hints, parents)
        out.append(replace(c, rejected=True, why=(bad,)) if bad else c)
    if part.level in ("adm1", "adm2", "adm3") and any(
        not c.rejected and c.place.kind == part.level for c in out
    ):
        out = [
            c
            if c.rejected or c.place.kind == part.level
            else replace(c, rejected=True, why=(f"not a {part.level}",))
            for c in out
        ]
    out.sort(key=lambda c: (c.rejected, -c.score, -c.place.population))
    return out


def _seat_towns(found: dict[str, Candidate], part: Part) -> None:
    """Score a town that has the name only as another name as its own, in the district of that name.

    A town of another district that has a tehsil's name only as another name scores below it.

    "Khairpur" is the district of that name, and its town is "Khairpur Mir's" to GeoNames:
    the town of the district named so outranks a smaller "Khairpur" elsewhere (in Ghotki).
    """
    districts = [c.place for c in found.values() if c.how == "name" and c.place.kind == "adm2"]
    written = skeleton(key(part.name))
    tehsils = [
        c.place
        for c in found.values()
        if c.place.kind == "adm3" and (c.how == "name" or skeleton(key(c.place.name)) == written)
    ]
    if not districts and not tehsils:
        return
    bump = _MATCH_SCORE["name"] - _MATCH_SCORE["alt"]
    for pid, c in list(found.items()):
        p = c.place
        other = c.how == "alt" or (c.how == "variant" and skeleton(key(p.name)) != written)
        if not other or p.kind not in _POPULATED:
            continue
        if c.how == "alt" and any(d.country == p.country and d.admin2 == p.admin2 for d in districts):
            found[pid] = replace(
                c, score=round(c.score + bump, 4), why=(*c.why, "the town of the district so named")
            )
        elif (
            tehsils
            and not districts
            and all(t.country == p.country and t.admin2 != p.admin2 for t in tehsils)
        ):
            # "Hasan Abdal", the Attock tehsil, is also an other name GeoNames gives a village of
            # Sahiwal (record 1177064): the unit's own name outranks a far town's other name
            found[pid] = replace(
                c,
                score=round(c.score - 3 * bump, 4),
                why=(*c.why, "another name, far from the tehsil so named"),
            )


#: The population from which a city sharing a province's name by one of its other names is the
#: province's city ("Khowst": Khost, 96,000), not a small town given the province's name in error
_PROVINCE_CITY = 50_000


def _namesake(
    gaz: Gazetteer, best: Candidate, kept: Sequence[Candidate], part: Part, hints: _Hints
) -> Candidate:
    """Prefer the town over the province, district or tehsil named after it, unless the text says which.

    The town must carry the unit's name as its own preferred name (spelling
    variants and fuzzy spellings count: "Killa Saifullah" district and the town
    "Qila Saifullah"), and lie in the same district. A province's town must be spelt as
    the province is, or be a city of ``_PROVINCE_CITY`` or more that one of its other
    names calls so ("Khowst": Khost); England is not Elland.
    """
    if best.place.kind not in ("adm1", "adm2", "adm3") or part.level in ("adm1", "adm2", "adm3"):
        return best
    from rapidfuzz import fuzz

    target = skeleton(part.name)

    # a province is large: among its many towns a fuzzy spelling also finds longer names
    # ("California City" for California), so there a fuzzy namesake must have as many words
    words = len(key(part.name).split())

    def same_name(p: Place) -> bool:
        s = skeleton(key(p.name))
        if best.place.kind == "adm1" and len(key(p.name).split()) != words:
            return False
        if best.place.kind == "adm1":
            # and its spelling must be the province's: among a province's thousands of towns a
            # fuzzy spelling finds another name ("Elland" in England)
            return bool(s) and s == target
        return bool(s) and (s == target or fuzz.ratio(s, target) >= FUZZY_THRESHOLD)

    def named_so(c: Candidate) -> bool:
        # a city whose other names hold the query is named so too ("Khowst" for the city of
        # Khost); a small town's other names are often its province's ("Minnesota" for Minneota)
        return same_name(c.place) or (
            best.place.kind == "adm1"
            and c.how == "alt"
            and c.place.population >= _PROVINCE_CITY
            and len(key(c.place.name).split()) == words  # not "New York City" for the state
        )

    pool = list(kept)
    if not any(c.place.kind in _POPULATED for c in pool):
        pool += [
            _score(gaz, m, part, hints, via_alias=False)
            for m in gaz.fuzzy(part.name, country=best.place.country or hints.country)
        ]
    towns = [
        c
        for c in pool
        if c.place.kind in _POPULATED
        and named_so(c)
        and _same_unit(c.place, best.place)
        and _filter(gaz, c, hints, ()) is None
    ]
    if not towns:
        return best
    town = max(towns, key=lambda c: c.place.population)
    if town.how == "fuzzy":  # the unit's exact name vouches for the spelling: the town in it of that name
        town = replace(town, how="variant", why=(*town.why, f"spelling of the {best.place.kind} it lies in"))
    return town


def _same_unit(town: Place, unit: Place) -> bool:
    """Tell whether a town lies in the unit named after it (a province: same admin-1; else admin-2)."""
    if unit.kind == "adm1":
        return bool(town.admin1) and town.admin1 == unit.admin1 and town.country == unit.country
    return town.admin2 == unit.admin2


def _ambiguous(best: Candidate, kept: Sequence[Candidate]) -> Candidate | None:
    for c in kept:
        if c is best or best.score - c.score > AMBIGUOUS_SCORE_GAP:
            continue
        if c.place.is_admin or best.place.is_admin:
            continue
        if haversine_km(best.place.lat, best.place.lon, c.place.lat, c.place.lon) > AMBIGUOUS_DISTANCE_KM:
            return c
    return None


def consonants(name: str) -> str:
    """Return a name's consonant outline: its skeleton without vowels, doubled letters collapsed.

    Two romanisations of one name mostly differ in their vowels ("Peshawer",
    "Peshawar"; "Gawadar", "Gwadar"); different places mostly differ in a consonant.

    Parameters
    ----------
    name
        A place name.

    Returns
    -------
    str
    """
    s = skeleton(key(name))
    out = [c for c in s if c not in "aeiouyw'"]
    return "".join(c for i, c in enumerate(out) if i == 0 or c != out[i - 1])


def fuzzy_is_answer(name: str, place: Place, similarity: float) -> bool:
    """Return whether a fuzzy match may be the answer, not just a candidate (see FUZZY_ANSWER_SIMILARITY).

    Parameters
    ----------
    name
        The name as written.
    place
        The gazetteer record it resembles.
    similarity
        The fuzzy similarity, 0-100.

    Returns
    -------
    bool
    """
    return (
        similarity >= FUZZY_ANSWER_SIMILARITY
        and place.kind in _POPULATED
        and place.population >= FUZZY_ANSWER_POPULATION
        and consonants(name) == consonants(place.name)
    )


def _precision(p: Place, relation: str | None) -> int:
    if p.is_admin:
        return 3
    return 2 if relation in ("near", "part", "facility") else 1


def _resolve_parents(
    gaz: Gazetteer, parsed: ParsedQuery, hints: _Hints
) -> tuple[list[Place], Candidate | None, list[str]]:
    """All acceptable places for the innermost enclosing place that resolves."""
    notes: list[str] = []
    for part in parsed.parents:
        cands = [c for c in _candidates(gaz, part, hints, (), allow_fuzzy=True) if not c.rejected]
        if cands:
            best = _namesake(gaz, cands[0], cands, part, hints)
            return [c.place for c in cands if c.how != "fuzzy" or c is best], best, notes
        notes.append(f"enclosing place {part.full!r} is not in the gazetteer")
    return [], None, notes


def _fallback(
    gaz: Gazetteer,
    query: str,
    head: Part,
    parent: Candidate | None,
    parents: list[Place],
    hints: _Hints,
    why: str,
    cands: list[Candidate],
) -> Resolution:
    if parent is not None and parent.how == "fuzzy" and not (hints.country or hints.units or hints.context):
        # "Tanak, Zamuran" with no hint: a name not found inside a place found only by its
        # spelling (Zamora de Hidalgo, Mexico) would be a guess on a guess
        return _unresolved(
            query,
            f"{why}; the enclosing place is only a spelling match ({parent.place.name}, similarity "
            f"{parent.similarity:.0f}), too weak to place the name at; give a country or admin hint",
            cands,
        )
    if parent is not None:
        p = parent.place
        if not p.is_admin and p.kind in _POPULATED and p.population < CITY_POPULATION:
            unit = next(
                (
                    q
                    for q in parents
                    if q.kind in ("adm2", "adm3")
                    and _inside(gaz, p, q)
                    and skeleton(key(q.name)) == skeleton(key(p.name))
                ),
                None,
            )
            if unit is not None:
                c = Candidate(unit, parent.how, parent.similarity, parent.score)
                return _resolved(
                    query,
                    c,
                    3,
                    f"{why}; placed at {unit.name} ({unit.kind}), "
                    f"the unit named after the small town {p.name}",
                    cands=cands,
                )
        prec = 3 if p.is_admin else 2
        where = f"{p.name} ({p.kind})"
        return _resolved(query, parent, prec, f"{why}; placed at its enclosing place {where}", cands=cands)
    if hints.units and sum(ch.isalpha() for ch in head.name) < 3:
        return _unresolved(query, why + "; too short to be a place name, so not placed at the hint")
    at_hint = _at_hint(query, hints, why, cands)
    if at_hint is not None:
        return at_hint
    return _unresolved(query, why + "; no district or province hint to fall back on", cands)


def _in_city_unit(
    gaz: Gazetteer, query: str, head: Part, parent: Candidate | None, why: str, cands: Sequence[Candidate]
) -> Resolution | None:
    """Place a locality the gazetteer lacks at the unit of its city that holds it.

    "Cattle Colony, Karachi": the city's table of localities (:mod:`geokit.gazetteer.localities`)
    names the unit (Bin Qasim Town). The enclosing place is the city, or a part of it in the
    unit's district ("Cattle Colony, Malir"); the name alone is never looked up there.
    """
    where = parent.place if parent is not None else None
    if where is None or where.kind in ("adm1", "country"):
        return None
    for loc in (*localities_named(head.full), *localities_named(head.name)):
        unit = gaz.get(loc.record_id)
        if unit is None:
            continue
        in_city = not where.is_admin and key(where.name) == key(loc.city)
        if in_city or (where.admin2 is not None and where.admin2 == unit.admin2):
            c = Candidate(unit, "name", 100.0, 0.0)
            reason = (
                f"{why}; {loc.name} is a locality of {unit.name} ({unit.kind}, {unit.admin2}) in {loc.city} "
                f"(geokit/data/city_localities.tsv): placed at the unit"
            )
            return _resolved(query, c, 3, reason, cands=cands)
    return None


#: A numbered part of a place: "Malir 15", "Korangi No 5", "Orangi Town Sector 11", "Gulshan Block 13D"
_NUMBERED = re.compile(r"(?P<base>.*?[a-z].*?) (?:(?:no|number|sector|block|phase) )?\d+[a-z]?")


def _numbered_part(
    gaz: Gazetteer, query: str, head: Part, parents: Sequence[Place], hints: _Hints, why: str
) -> Resolution | None:
    """Place a numbered part of a known place in a known enclosing place ("Malir 15, Karachi").

    The numbered sectors, blocks and phases of a city's quarters are in no gazetteer; the place
    they number is. Only a place inside the enclosing place the query names is taken, since a
    bare "Chak 35" or "Block 4" names nothing that can be looked up.
    """
    hit = _NUMBERED.fullmatch(head.name)
    if hit is None or not parents:
        return None
    base = Part(full=hit["base"], name=hit["base"], relation="part")
    kept = [c for c in _candidates(gaz, base, hints, parents, allow_fuzzy=False) if not c.rejected]
    if not kept:
        return None
    best = kept[0]
    where = f"{best.place.name} ({best.place.kind}, {best.place.admin2 or best.place.admin1})"
    return _resolved(
        query,
        best,
        3 if best.place.is_admin else 2,
        f"{why}; {head.name!r} is a numbered part of {where}: placed there",
        cands=kept,
    )


def _at_hint(query: str, hints: _Hints, why: str, cands: Sequence[Candidate] = ()) -> Resolution | None:
    """Place a row at the most specific unit its hints identify (precision 3), or ``None`` without one."""
    if not hints.units:
        return None
    u = hints.units[0]
    c = Candidate(u, "name", 100.0, 0.0)
    split = next((m for m in hints.matches if m.level == 2 and len(m.units) > 1 and u in m.units), None)
    where = f"the {u.kind} given as a hint, {u.name}"
    if split is not None:
        others = ", ".join(x.name for x in split.units if x is not u)
        where = f"{u.name}, which holds the former unit's headquarters (the hint also covers {others})"
    return _resolved(query, c, 3, f"{why}; placed at {where}", cands=cands)


def _between(gaz: Gazetteer, query: str, parsed: ParsedQuery, hints: _Hints) -> Resolution:
    places: list[Place] = []
    for part in parsed.between:
        cands = [c for c in _candidates(gaz, part, hints, ()) if not c.rejected]
        if not cands:
            return _fallback(
                gaz,
                query,
                part,
                None,
                [],
                hints,
                f"{part.name!r} (one of the two places named) is not in the gazetteer",
                [],
            )
        places.append(_namesake(gaz, cands[0], cands, part, hints).place)
    a, b = places[0], places[1]
    for level in (2, 1):
        na, nb = _admin_of(a, level), _admin_of(b, level)
        if na and nb and skeleton(key(na)) == skeleton(key(nb)):
            units = [
                u
                for u in gaz.admin_units(country=a.country, kind=f"adm{level}")
                if skeleton(key(u.name)) == skeleton(key(na))
            ]
            if units:
                c = Candidate(units[0], "name", 100.0, 0.0)
                return _resolved(
                    query,
                    c,
                    3,
                    f"between {a.name} and {b.name}: placed at the "
                    f"admin-{level} unit containing both, {units[0].name}",
                )
    return _unresolved(query, f"between {a.name} and {b.name}, which share no admin unit")


def _road_end(gaz: Gazetteer, readings: Sequence[str], hints: _Hints) -> Candidate | None:
    """Return the place one end of a road stands for: the first reading the gazetteer knows.

    Only places count: a unit's representative point is not where a road ends ("Bara" known
    only as a tehsil), so such an end is taken as unknown.
    """
    for text in readings:
        part = parse(text).head
        if not part.name or _non_place(part.name):
            continue
        cands = [c for c in _candidates(gaz, part, hints, ()) if not c.rejected and not c.place.is_admin]
        if not cands:
            continue
        best = _namesake(gaz, cands[0], cands, part, hints)
        if best.how != "fuzzy" or fuzzy_is_answer(part.name, best.place, best.similarity):
            return best
    return None


def _where(p: Place) -> str:
    return f"{p.name} ({p.kind}, {p.admin2 or p.admin1 or p.country})"


def _road(gaz: Gazetteer, query: str, text: str, hints: _Hints) -> Resolution | None:
    """Answer a road between two places ("Quetta-Mastung highway") between its ends, at precision 2.

    Each end is resolved with the country hint only (a road leaves its district). With both ends
    in one country the answer is the end inside the admin-2 hint when exactly one end is, else
    the midpoint of the two when they are at most :data:`ROAD_MIDPOINT_KM` apart (farther, the
    row goes to its hints, or stays unresolved); with one end known, that end. Ends that all lie
    outside the hinted province give way to the hints. ``None`` when the
    text is no road name, the whole string is itself a gazetteer name, or neither end is known.
    """
    road = road_ends(text)
    if road is None or any(hints.country in (None, p.country) for p in gaz.lookup(key(text))):
        return None
    loose = replace(hints, admin1=None, admin2=None)
    first, second = _road_end(gaz, road.first, loose), _road_end(gaz, (road.second,), loose)
    names = f"{road.first[0]!r} and {road.second!r}"
    if first is not None and second is not None and first.place.country != second.place.country:
        home = hints.country or gaz.home_country
        first, second = (first, None) if first.place.country == home else (None, second)
    if first is None and second is None:
        return None
    provinces = {skeleton(key(u.admin1)) for m in hints.matches if m.known for u in m.units if u.admin1}

    def outside(*ends: Place) -> bool:  # no end in the hinted province: the hints are the better clue
        return bool(provinces) and not any(skeleton(key(p.admin1 or "")) in provinces for p in ends)

    if first is None or second is None or first.place.id == second.place.id:
        end = first or second
        if end is None:
            return None
        missing = road.second if second is None else road.first[0]
        why = f"the {road.word} between {names}: {missing!r} is not in the gazetteer as a place"
        if first is not None and second is not None:
            why = f"the {road.word} between {names}: both ends are {_where(end.place)}"
        if outside(end.place):
            why += f"; the other, {_where(end.place)}, is not in the hinted province, so the hints are taken"
            return _at_hint(query, hints, why, [end])
        return _resolved(query, end, 2, f"{why}; placed at the end that is, {_where(end.place)}", cands=[end])
    a, b = first.place, second.place
    both = f"the {road.word} between {_where(a)} and {_where(b)}"
    m2 = next((m for m in hints.matches if m.level == 2 and m.known), None)
    if outside(a, b):
        why = f"{both}, neither of them in the hinted province, so the hints are taken instead"
        return _at_hint(query, hints, why, [first, second])
    inside = [
        c
        for c in (first, second)
        if m2 is not None and m2.accepted is not None and skeleton(key(c.place.admin2 or "")) in m2.accepted
    ]
    if len(inside) == 1:
        p = inside[0].place
        units = ", ".join(u.name for u in m2.units) if m2 is not None else ""
        return _resolved(
            query,
            inside[0],
            2,
            f"{both}; placed at {p.name}, the end inside the admin-2 hint {units}",
            cands=[first, second],
        )
    apart = haversine_km(a.lat, a.lon, b.lat, b.lon)
    if apart > ROAD_MIDPOINT_KM:
        why = (
            f"{both}, {apart:.0f} km apart: a point between them could lie more than "
            f"{ROAD_MIDPOINT_KM / 2:.0f} km from the event"
        )
        return _at_hint(query, hints, why, [first, second]) or _unresolved(query, why, [first, second])
    lat, lon = (a.lat + b.lat) / 2, (a.lon + b.lon) / 2
    mid = Place(
        f"road:{a.id}|{b.id}",
        f"{a.name}-{b.name} {road.word}",
        lat,
        lon,
        a.country,
        None,
        None,
        "road",
        0,
        "midpoint",
    )
    km = haversine_km(lat, lon, a.lat, a.lon)
    return _resolved(
        query,
        Candidate(mid, "name", 100.0, 0.0),
        2,
        f"{both}; placed at the midpoint between them, {km:.0f} km from each end",
        cands=[first, second],
    )


def _near_hint(
    gaz: Gazetteer, cands: list[Candidate], hints: _Hints, parents: Sequence[Place], notes: list[str]
) -> tuple[list[Candidate], list[Candidate]]:
    """Candidates ruled out only by the district hint but lying next to the hinted district.

    Coders' districts and the gazetteer's disagree near borders (a town whose tehsil moved, a
    coder who wrote the district of the nearest city). When nothing lies inside the hinted
    district, a candidate of the right province within :data:`NEAR_HINT_KM` of the hinted
    district's representative point is taken, and the reason says so; a place elsewhere is
    never taken on the strength of its name alone.
    """
    m2 = next((m for m in hints.matches if m.level == 2 and m.known), None)
    if m2 is None:
        return [], cands
    loose = replace(hints, admin2=None)
    near: list[Candidate] = []
    for c in cands:
        if not c.rejected or c.how == "fuzzy" or _filter(gaz, c, loose, parents) is not None:
            continue
        d = min(haversine_km(c.place.lat, c.place.lon, u.lat, u.lon) for u in m2.units)
        if d <= NEAR_HINT_KM:
            near.append(
                replace(c, rejected=False, why=(*c.why, f"{d:.0f} km from the hinted district's centre"))
            )
    if not near:
        return [], cands
    near.sort(key=lambda c: (-c.score, -c.place.population))
    best = near[0].place
    units = ", ".join(u.name for u in m2.units)
    notes.append(
        f"the gazetteer puts it in {best.admin2}, just outside the admin-2 hint {units} "
        f"(within {NEAR_HINT_KM:.0f} km of its centre); the hint is taken as approximate"
    )
    ids = {c.place.id for c in near}
    return near, [*near, *(c for c in cands if c.place.id not in ids)]


def _not_a_name(query: str, text: str, hints: _Hints) -> Resolution | None:
    """Return the row for a query that cannot be a place name (empty, too long, a placeholder).

    A placeholder in a row with admin hints ("unknown location", district Khyber) is placed at
    the hinted unit, the reason saying the name itself was not used; the others stay unresolved.
    """
    if not text:
        return _unresolved(query, "empty place name")
    if len(text) > MAX_LENGTH:
        return _unresolved(query, f"too long to be a place name (over {MAX_LENGTH} characters)")
    if not any(ch.isalpha() for ch in text):
        return _unresolved(query, "no letters: not a place name")
    whole = _non_place(key(text))
    if whole and "placeholder" in whole:
        why = f"{text!r} is {whole}"
        return _at_hint(query, hints, why + _NAME_NOT_USED) or _unresolved(query, why)
    return None


def _reasons(
    best: Candidate,
    kept: list[Candidate],
    head: Part,
    relation: str | None,
    parent: Candidate | None,
    rival: Candidate | None,
) -> list[str]:
    """Return the parts of a resolved row's explanation: the place, how it matched, what decided it."""
    bp = best.place
    bits = [f"{bp.name} ({bp.kind}, {bp.admin2 or bp.admin1 or bp.country})"]
    bits.append(
        {
            "name": "matched by name",
            "alt": "matched an alternate name",
            "variant": "matched a spelling variant",
            "fuzzy": f"fuzzy match, similarity {best.similarity:.0f}",
        }[best.how]
    )
    if best is not kept[0]:
        bits.append(f"the town rather than the {kept[0].place.kind} of the same name")
    if relation:
        bits.append(f"{relation} ({', '.join(head.qualifiers) or 'enclosing place'})")
    if parent is not None:
        bits.append(f"inside {parent.place.name}")
    if rival is not None:
        bits.append(
            f"AMBIGUOUS: {rival.place.name} ({rival.place.admin1 or rival.place.country})"
            f" scores {rival.score:.2f} vs {best.score:.2f}"
        )
    if best.place.note:
        bits.append(best.place.note)
    return bits


def _resolve(query: str, gaz: Gazetteer, hints: _Hints) -> Resolution:
    text = clean(query)
    refused_query = _not_a_name(query, text, hints)
    if refused_query is not None:
        return refused_query
    on_road = _road(gaz, query, text, hints)
    if on_road is not None:
        return on_road
    parsed = parse(text)
    if parsed.between:
        return _between(gaz, query, parsed, hints)
    head = parsed.head
    parents, parent, notes = _resolve_parents(gaz, parsed, hints)
    if parsed.parents and parent is None and not hints.units:
        notes.append("enclosing place unknown; ignored")
    refused = _non_place(head.name)
    if refused and any(
        hints.country in (None, p.country) for n in (head.full, head.name) for p in gaz.lookup(n)
    ):
        refused = None  # the whole string is a place name ("Lashkar Gah", "Mir Ali")
    if refused:
        if parent is not None:
            c = replace(parent)
            return _resolved(
                query,
                c,
                3 if c.place.is_admin else 2,
                f"{head.name!r} {refused}; placed at the place it is in, {c.place.name}",
            )
        why = f"{text!r} {'is ' if refused.startswith('a ') else ''}{refused}"
        return _at_hint(query, hints, why + _NAME_NOT_USED) or _unresolved(query, why)
    if not head.name:
        return _unresolved(query, "nothing left to look up after the qualifier words")
    cands = _candidates(gaz, head, hints, parents)
    kept = [c for c in cands if not c.rejected]
    if not kept:
        kept, cands = _near_hint(gaz, cands, hints, parents, notes)
    if not kept:
        why = f"{head.name!r} is not in the gazetteer"
        if cands:
            why += " within the hints (" + "; ".join(f"{c.place.name}: {c.why[0]}" for c in cands[:3]) + ")"
        local = _in_city_unit(gaz, query, head, parent, why, cands)
        if local is None:
            local = _numbered_part(gaz, query, head, parents, hints, why)
        if local is not None:
            return local
        return _fallback(gaz, query, head, parent, parents, hints, why, cands)
    best = _namesake(gaz, kept[0], kept, head, hints)
    doubtful = best.how == "fuzzy" and not fuzzy_is_answer(head.name, best.place, best.similarity)
    if doubtful and best is not kept[0] and kept[0].how != "fuzzy":
        best = kept[0]  # the unit of that very name, rather than a town spelt like it
    if best.how == "fuzzy" and not fuzzy_is_answer(head.name, best.place, best.similarity):
        bp = best.place
        why = (
            f"{head.name!r} is not in the gazetteer; the closest spelling, {bp.name} ({bp.kind}, "
            f"{bp.admin2 or bp.admin1 or bp.country}, similarity {best.similarity:.0f}), is only a "
            "candidate (see geokit explain)"
        )
        local = _numbered_part(gaz, query, head, parents, hints, why)
        if local is not None:
            return local
        return _fallback(gaz, query, head, parent, parents, hints, why, cands)
    rival = _ambiguous(best, kept)
    relation = None if best.whole else head.relation
    prec = _precision(best.place, relation)
    if best.how == "fuzzy" and prec == 1:
        prec = 2  # a spelling that only resembles the name is never reported as the exact place
    bits = _reasons(best, kept, head, relation, parent, rival)
    return _resolved(query, best, prec, "; ".join(bits + notes), ambiguous=rival is not None, cands=cands)


def resolve(
    query: str,
    *,
    country: str | None = None,
    admin1: str | None = None,
    admin2: str | None = None,
    context: Sequence[str] = (),
    gazetteer: Gazetteer | None = None,
) -> Resolution:
    """Resolve one place string.

    Parameters
    ----------
    query
        The place as written ("Sariab, Quetta", "near Kalat", "Mastung district").
    country
        ISO2 code; candidates elsewhere are ruled out.
    admin1, admin2
        Province and district hints, in any usual form ("Balochistan province",
        "Khyber agency"); candidates outside them are ruled out, and a place the
        gazetteer lacks is placed at the hinted unit (precision 3).
    context
        Other place names from the same report; a candidate near them wins.
    gazetteer
        Defaults to :meth:`Gazetteer.default`.

    Returns
    -------
    Resolution
        Never raises for bad input: empty, numeric, overlong or non-place
        strings come back unresolved with the reason.
    """
    gaz = gazetteer or Gazetteer.default()
    hints = _hints(gaz, country, admin1, admin2, context)
    res = _resolve("" if query is None else query, gaz, hints)
    if hints.notes:
        res = replace(res, reason=res.reason + "; " + "; ".join(hints.notes))
    return replace(res, hints=hints.matches)
