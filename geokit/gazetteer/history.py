"""Pakistan's former admin-2 units and the units they became: the crosswalk ``admin_history.csv``.

One owner for reading ``geokit/data/admin_history.csv`` (its header cites each row's source).
Two users: the gazetteer build, which gives a renamed unit its old names ("Bolan" is Kachhi)
so that a former name resolves like any other name, and the resolver's admin hints
(:mod:`geokit.resolve.hints`), which accept a candidate inside any successor of a split unit.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources

__all__ = ["FormerUnit", "former_units"]


@dataclass(frozen=True, slots=True)
class FormerUnit:
    """One row of the crosswalk ``geokit/data/admin_history.csv``.

    Attributes
    ----------
    name
        The former (or other) name.
    admin1
        Its province, as COD-AB names it today.
    change
        ``"split"``, ``"became"``, ``"renamed"`` or ``"spelling"``.
    year
        Year of the change, ``""`` when not a dated change.
    successors
        COD-AB P-codes of the units it is now part of, or is; the first holds the former
        unit's headquarters.
    source
        Title of the cited source; ``url`` its address.
    names
        ``name`` and the other names the row gives it ("FR Tank", "Tank FR", "Jandola").
    successor_names
        COD-AB names of the ``successors``, in the same order.
    """

    name: str
    admin1: str
    change: str
    year: str
    successors: tuple[str, ...]
    source: str
    url: str
    names: tuple[str, ...] = ()
    successor_names: tuple[str, ...] = ()

    @property
    def how(self) -> str:
        """``"successor"`` for splits and agencies/regions that became units, else ``"alias"``."""
        return "successor" if self.change in ("split", "became") else "alias"


@cache
def former_units() -> tuple[FormerUnit, ...]:
    """Return the rows of the crosswalk, in file order."""
    text = resources.files("geokit").joinpath("data/admin_history.csv").read_text("utf-8")
    rows = csv.DictReader(line for line in text.splitlines() if line and not line.startswith("#"))
    out = []
    for r in rows:
        name = r["former"].strip()
        others = [n.strip() for n in (r["also_known_as"] or "").split("|") if n.strip()]
        out.append(
            FormerUnit(
                name,
                r["admin1"].strip(),
                r["change"].strip(),
                r["year"].strip(),
                tuple(p.strip() for p in r["successors"].split("|") if p.strip()),
                r["source_title"].strip(),
                r["source_url"].strip(),
                (name, *others),
                tuple(n.strip() for n in (r["successor_names"] or "").split("|") if n.strip()),
            )
        )
    return tuple(out)
