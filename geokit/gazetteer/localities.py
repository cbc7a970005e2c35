"""Localities of a city and the admin-3 unit that holds each: the table ``city_localities.tsv``.

One owner for reading ``geokit/data/city_localities.tsv`` (its header cites the sources). The
resolver uses it only where a query or a report puts a name the gazetteer lacks in the city
("Cattle Colony, Karachi"): the name is then placed at its unit, at the unit's precision.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources

from geokit.normalize import key

__all__ = ["Locality", "localities_named"]


@dataclass(frozen=True, slots=True)
class Locality:
    """One row of ``city_localities.tsv``.

    Attributes
    ----------
    city, name
        The city and the locality, as written in the table.
    unit, unit_pcode
        The COD-AB admin-3 unit that holds the locality: its name and P-code.
    source
        Address of the page that lists the locality under the unit.
    """

    city: str
    name: str
    unit: str
    unit_pcode: str
    source: str


@cache
def _table() -> dict[str, tuple[Locality, ...]]:
    text = resources.files("geokit").joinpath("data/city_localities.tsv").read_text("utf-8")
    lines = (line for line in text.splitlines() if line and not line.startswith("#"))
    out: dict[str, list[Locality]] = {}
    for r in csv.DictReader(lines, delimiter="\t"):
        loc = Locality(r["city"], r["name"], r["unit"], r["unit_pcode"], r["source_url"])
        out.setdefault(key(loc.name), []).append(loc)
    return {k: tuple(v) for k, v in out.items()}


def localities_named(name: str) -> tuple[Locality, ...]:
    """Return the table's localities called ``name`` (compared as a normalised key), in any city."""
    return _table().get(key(name), ())
