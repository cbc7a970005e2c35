"""Localities of a city and the admin unit that holds each: the table ``city_localities.tsv``.

One owner for reading ``geokit/data/city_localities.tsv`` (its header cites the sources). The
resolver uses it only where a query or a report puts a name the gazetteer lacks in the city
("Cattle Colony, Karachi"): the name is then placed at its unit, at the unit's precision. The
geoparser also uses it where a report set in the city names a locality that the gazetteer
knows only as a small place far away (Karachi's Quaidabad, not the tehsil in Khushab).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

from geokit.gazetteer import haversine_km
from geokit.normalize import key

if TYPE_CHECKING:
    from geokit.gazetteer import Gazetteer, Place

__all__ = ["CITY_KM", "Locality", "in_city", "localities_named", "locality_cities"]

#: A part of a city lies within this distance of the city's point, unless the table below puts the
#: city's localities in wider districts (Karachi's Malir district reaches 40 km and more east)
CITY_KM = 30.0


@dataclass(frozen=True, slots=True)
class Locality:
    """One row of ``city_localities.tsv``.

    Attributes
    ----------
    city, name
        The city and the locality, as written in the table.
    unit, unit_pcode
        The COD-AB unit that holds the locality: its name and P-code. The unit is an admin-3
        unit (a town of Karachi's 2001 city district) where the sources name it, else the
        admin-2 district they put the locality in.
    source
        Address of the page that lists the locality under the unit.
    """

    city: str
    name: str
    unit: str
    unit_pcode: str
    source: str

    @property
    def record_id(self) -> str:
        """The gazetteer id of the unit: ``adm3:PK71401`` for a town, ``adm2:PK714`` for a district."""
        level = "adm3" if len(self.unit_pcode) > 5 else "adm2"
        return f"{level}:{self.unit_pcode}"


#: Generic last words that reports swap or drop for a locality: "Banaras Chowk" is the crossing in
#: Banaras Colony, "Qasba" is Qasba Colony. "Goth" (village) and "Nagar" stay: they are part of
#: the name ("Sohrab Goth", "Essa Nagri").
_GENERIC = frozenset({"colony", "chowk", "town", "mor", "market", "bazar", "bazaar", "area", "square"})


#: The Persian and Urdu izafe that joins the words of a name, written "-e-" or "-i-" by different
#: papers ("Gulshan-e-Hadeed" in The News, "Gulshan-i-Hadeed" in Dawn): one name
_IZAFE = re.compile(r"(?<=\S) [ie] (?=\S)")


def _izafe(k: str) -> str:
    """Return a normalised name with its izafe written one way: "gulshan e hadeed" for "gulshan i hadeed"."""
    return _IZAFE.sub(" e ", k)


def _core(k: str) -> str:
    """Return a normalised name without its generic last word: "banaras" for "banaras colony"."""
    head, _, last = k.rpartition(" ")
    return head if head and last in _GENERIC else k


@cache
def _table() -> dict[str, tuple[Locality, ...]]:
    text = resources.files("geokit").joinpath("data/city_localities.tsv").read_text("utf-8")
    lines = (line for line in text.splitlines() if line and not line.startswith("#"))
    out: dict[str, list[Locality]] = {}
    for r in csv.DictReader(lines, delimiter="\t"):
        loc = Locality(r["city"], r["name"], r["unit"], r["unit_pcode"], r["source_url"])
        out.setdefault(_izafe(key(loc.name)), []).append(loc)
    return {k: tuple(v) for k, v in out.items()}


@cache
def _cores() -> dict[str, tuple[Locality, ...]]:
    """Index the table's names that end in a generic word by :func:`_core`, where it names one unit.

    A name listed bare ("Hyderi", the market of North Nazimabad) is not read into a longer one: a
    report's "Hyderi Chowk" may be another crossing of that name.
    """
    out: dict[str, list[Locality]] = {}
    for k, locs in _table().items():
        if _core(k) != k:
            out.setdefault(_core(k), []).extend(locs)
    cities = locality_cities()
    return {
        k: tuple(v)
        for k, v in out.items()
        if k not in cities and len({(loc.city, loc.unit_pcode) for loc in v}) == 1
    }


def localities_named(name: str) -> tuple[Locality, ...]:
    """Return the table's localities called ``name`` (compared as a normalised key), in any city.

    A name the table lacks is looked up again without its generic last word ("Banaras Chowk",
    "Qasba" for the table's "Banaras Colony", "Qasba Colony") where that core names one unit.
    """
    k = _izafe(key(name))
    return _table().get(k) or _cores().get(_core(k), ())


@cache
def locality_cities() -> frozenset[str]:
    """Return the normalised keys of the cities the table lists localities for ("karachi")."""
    return frozenset(key(loc.city) for locs in _table().values() for loc in locs)


@cache
def _city_districts(city: str) -> frozenset[str]:
    """Return the admin-2 P-codes that hold the table's localities of ``city`` (a normalised key)."""
    return frozenset(
        loc.unit_pcode[:5] for locs in _table().values() for loc in locs if key(loc.city) == city
    )


def in_city(gaz: Gazetteer, place: Place, city: Place) -> bool:
    """Whether ``place`` lies in ``city``: within :data:`CITY_KM` of its point, or in its districts.

    A city's districts are those the table puts its localities in (Karachi's seven, among them
    Malir, whose representative point lies 41 km from the city's): "Malir, Karachi" and "the Gadap
    area of Karachi" are parts of the city though far from its point.
    """
    if haversine_km(place.lat, place.lon, city.lat, city.lon) <= CITY_KM:
        return True
    codes = _city_districts(key(city.name))
    if not codes or place.admin2 is None or place.country != city.country:
        return False
    names = {u.name for c in codes if (u := gaz.get(f"adm2:{c}")) is not None}
    return place.admin2 in names
