"""Which reading of a name the report means: its focus countries and the prior between namesakes.

Part of :mod:`geokit.geoparse`. The countries a report names, its demonyms and its unambiguous
places make its focus; a reading in the focus, near the report's other places, a capital or a
populous place wins; a small foreign namesake outside the focus is dropped.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import cache, lru_cache
from typing import NamedTuple

from geokit.gazetteer import Match, Place, haversine_km
from geokit.geoparse import _forms
from geokit.geoparse._find import _unknown_place
from geokit.geoparse._mention import _FOREIGN_CITY, _SEEN_CITY, _WORLD_CITY, _Mention, _unit_after
from geokit.geoparse.matcher import Cues
from geokit.normalize import key, skeleton


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
    filed: set[str] = set()  # the countries of the dateline, which win a tie
    for m in mentions:
        if m.kind == "country" and m.country:
            voters.setdefault(m.country, set()).add(m.key)
            votes[m.country] = votes.get(m.country, 0) + (_REPEAT_VOTE if m.country in named else 1)
            if line is not None and line[0] <= m.start < line[1]:
                votes[m.country] += 1  # "KANDAHAR, Afghanistan (AP) -": the wire places the report
                filed.add(m.country)
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
            if line is not None and line[0] <= m.start < line[1]:
                votes[cc] += 1  # "DERA ISMAIL KHAN: ...": the paper places the report, as a wire does
                filed.add(cc)
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
    top = max(votes, key=lambda k: (votes[k], k in filed)) if votes else None
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


#: Words of a region's name that only say where it lies: "Southern Region", "Eastern Province"
_COMPASS = frozenset(
    {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "northeast"}
    | {"northwest", "southeast", "southwest"}
    | {"region", "province", "state", "division", "zone", "district", "territory"}
)


def _generic_region(k: str) -> bool:
    """Whether a name only says where a region lies ("southern region"): many countries have one."""
    words = k.split()
    return len(words) >= 2 and all(w in _COMPASS for w in words)


#: A town smaller than this, found by another of its names, is no reading far from the report's places
_ALIAS_TOWN = 10_000


def _stray_alias(x: Match, name: str, anchors: _Context | None) -> bool:
    """Whether a reading is a small town, found by another name, far off in a country barely named.

    The town is found by another of its names, lies far from every clear place of the report,
    and its country is named in the report by one name at most. "Mandori, Bagan and Ochat" in a
    report on Kurram that names Malaysia once: "Bagan" is an other name of Kampung Bagan, a town
    of 8,500 in Johor, 4,500 km from the report's places.
    """
    return (
        x.how == "alt"
        and anchors is not None
        and len(anchors.seen.get(x.place.country, frozenset()) - {name}) <= 1
        and x.place.population < _ALIAS_TOWN
        and not x.place.is_admin
        and bool(anchors.points)
        and not _near(x.place, anchors)
    )


#: rapidfuzz ``ratio`` (0-100) of two keys above which an alternate name is a spelling of the
#: place's own name: "Khan Younis" of Khān Yūnis, "Abu Kamal" of Ālbū Kamāl, not "Mecca" of Makkah
_SPELLING_RATIO = 85


@lru_cache(maxsize=1 << 14)
def _spelling_of(k: str, place: Place) -> bool:
    """Whether a name matched as an alternate is the place's own name spelt another way.

    A transliteration ("Mazar-i-Sharif" for Mazār-e Sharīf, "Khan Younis" for Khān Yūnis) is the
    name a report uses for a city known by it, and weighs as the name does; another name
    ("Mecca" for Makkah) still needs a world city behind it.
    """
    from rapidfuzz import fuzz

    own = key(place.name)
    return skeleton(k) == skeleton(own) or fuzz.ratio(k, own) >= _SPELLING_RATIO


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
    inside = [x for x in m.matches if x.place.country in focus and not _stray_alias(x, m.key, anchors)]
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
    generic = _generic_region(m.key)
    big = [
        x
        for x in m.matches
        if (x.place.kind == "adm1" or not x.place.is_admin)
        and (not generic or _seen_elsewhere(anchors, x.place.country, m.key))
        and (
            x.place.population >= _WORLD_CITY
            or (
                (x.how == "name" or _spelling_of(m.key, x.place))
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
        # a unit of a country the report names or has a place of ("Ghor" beside Kabul, "posts in
        # Bajaur" in a report on Kunar that names Pakistan)
        big = [
            x
            for x in m.matches
            if x.place.kind in ("adm1", "adm2") and _seen_elsewhere(anchors, x.place.country, m.key)
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
