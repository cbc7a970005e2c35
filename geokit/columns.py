"""Column roles: which of a table's columns holds the place, the date, the death toll...

Every command and the Python API find the columns of a table the same way,
through :func:`find_roles`: a role named explicitly (``--date-column when``,
``find_roles(cols, date="when")``) wins; otherwise the first column whose name,
compared case-insensitively with spaces and hyphens read as underscores, is one
of the role's common names (:data:`COMMON_NAMES`). A column serves one role at most.

The result is a :class:`ColumnRoles`; :meth:`ColumnRoles.describe` gives the
one-line summary the commands print.

geokit's own output columns (:data:`OUTPUT_COLUMNS`) have fixed names; a user
column of one of those names is renamed ``input_<name>`` by :func:`make_room`,
with a note, so nothing of the user's is overwritten.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from geokit.errors import InputError

__all__ = [
    "COMMON_NAMES",
    "OUTPUT_COLUMNS",
    "ROLES",
    "ColumnRoles",
    "find_roles",
    "make_room",
    "make_room_noted",
    "named_of",
    "normalise_name",
    "roles_of",
]

#: The roles, in the order they are printed.
ROLES = (
    "place",
    "date",
    "event_type",
    "fatalities",
    "description",
    "source",
    "source_url",
    "lat",
    "lon",
    "country",
    "admin1",
    "admin2",
    "id",
)

#: Column names recognised for each role (compared after :func:`normalise_name`), best first.
COMMON_NAMES: dict[str, tuple[str, ...]] = {
    "place": (
        "place",
        "location",
        "place_name",
        "location_name",
        "locality",
        "town",
        "village",
        "city",
        "site",
        "toponym",
        "where",
    ),
    "date": ("date", "event_date", "incident_date", "date_of_event", "when"),
    "event_type": (
        "event_type",
        "type",
        "incident_type",
        "type_of_incident",
        "attack_type",
        "category",
        "sub_event_type",
    ),
    "fatalities": (
        "fatalities",
        "killed",
        "deaths",
        "dead",
        "death_toll",
        "deaths_total",
        "number_killed",
        "killed_total",
    ),
    "description": ("description", "notes", "summary", "details", "narrative"),
    "source": ("source", "source_name", "sources", "outlet", "publisher", "reported_by"),
    "source_url": ("source_url", "url", "link", "source_link", "href", "article_url"),
    "lat": ("lat", "latitude"),
    "lon": ("lon", "lng", "long", "longitude"),
    "country": ("country_hint", "country", "country_code", "iso2", "country_iso2"),
    "admin1": ("admin1_hint", "admin1", "province", "state", "region", "adm1"),
    "admin2": ("admin2_hint", "admin2", "district", "county", "adm2"),
    "id": ("id", "event_id", "incident_id", "uid", "record"),
}

#: What each role means (the README's table is written from this).
ROLE_MEANING = {
    "place": "place name to resolve",
    "date": "date of the incident",
    "event_type": "kind of incident (sets the marker colour)",
    "fatalities": "people killed (a count)",
    "description": "what happened",
    "source": "who reported it (outlet, organisation)",
    "source_url": "link to the report",
    "lat": "latitude given in the input (WGS84)",
    "lon": "longitude given in the input (WGS84)",
    "country": "ISO 3166-1 alpha-2 country per row",
    "admin1": "province or state hint",
    "admin2": "district hint",
    "id": "incident id (duplicates noted)",
}

#: Columns geokit adds, with fixed names, in the order they come out; see the README's output schema.
OUTPUT_COLUMNS = (
    "row",
    "input_issues",
    "date_text",
    "lat",
    "lon",
    "precision",
    "status",
    "reason",
    "match_name",
    "match_source",
    "record_id",
    "fuzzy",
    "ambiguous",
    "admin_level",
    "adm1_name",
    "adm1_id",
    "adm2_name",
    "adm2_id",
    "join_status",
    "join_distance_km",
    "geometry",
    "wkt",
)


def normalise_name(name: object) -> str:
    """Return a column name as compared with the common names: lower case, ``_`` for spaces and hyphens.

    Parameters
    ----------
    name
        A column name.

    Returns
    -------
    str
    """
    return re.sub(r"[\s\-./]+", "_", str(name).strip().lower()).strip("_")


@dataclasses.dataclass(frozen=True, slots=True)
class ColumnRoles:
    """Which column holds what; ``None`` where a table has no such column.

    Attributes
    ----------
    place, date, event_type, fatalities, description, source, source_url, lat, lon, country, admin1,
    admin2, id
        Column names (see :data:`ROLE_MEANING`).
    named
        The roles that were named explicitly rather than recognised.
    """

    place: str | None = None
    date: str | None = None
    event_type: str | None = None
    fatalities: str | None = None
    description: str | None = None
    source: str | None = None
    source_url: str | None = None
    lat: str | None = None
    lon: str | None = None
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    id: str | None = None
    named: frozenset[str] = frozenset()

    def as_dict(self) -> dict[str, str]:
        """Return ``{role: column}`` for the roles that have a column."""
        return {r: c for r in ROLES if (c := getattr(self, r)) is not None}

    def describe(self) -> str:
        """Return the one-line summary the commands print, e.g. ``place=location, date=Date``."""
        found = self.as_dict()
        return ", ".join(
            f"{r}={c!r}" + ("" if r in self.named else " (recognised)") for r, c in found.items()
        )

    def to_dict(self) -> dict[str, Any]:
        """Return the roles as JSON-ready data (kept in ``DataFrame.attrs``, which Parquet stores)."""
        return {**self.as_dict(), "named": sorted(self.named)}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ColumnRoles:
        """Return the roles :meth:`to_dict` gave."""
        return cls(
            **{r: data[r] for r in ROLES if data.get(r) is not None},
            named=frozenset(data.get("named", ())),
        )

    def renamed(self, mapping: Mapping[str, str]) -> ColumnRoles:
        """Return the roles with columns renamed by ``mapping`` (old name to new)."""
        changes: dict[str, Any] = {r: mapping[c] for r, c in self.as_dict().items() if c in mapping}
        return dataclasses.replace(self, **changes)


def _default_for(role: str, columns: Sequence[str], taken: set[str]) -> str | None:
    by_name: dict[str, str] = {}
    for c in columns:
        by_name.setdefault(normalise_name(c), c)
    for alias in COMMON_NAMES[role]:
        hit = by_name.get(alias)
        if hit is not None and hit not in taken:
            return hit
    return None


def find_roles(
    columns: Iterable[object],
    named: Mapping[str, str | None] | ColumnRoles | None = None,
    *,
    where: str = "<table>",
    exclude: Iterable[str] = (),
) -> ColumnRoles:
    """Find the column of each role among ``columns``.

    Parameters
    ----------
    columns
        The table's column names.
    named
        Roles named explicitly (``{"date": "when"}``, or a :class:`ColumnRoles`);
        a name is matched exactly first, then case-insensitively.
    where
        How to name the table in errors.
    exclude
        Columns never recognised for a role (geokit's own output columns, say).

    Returns
    -------
    ColumnRoles

    Raises
    ------
    InputError
        If a named column is not in the table, a role is unknown, or one
        column is named for two roles.
    """
    cols = [str(c) for c in columns]
    given: dict[str, str] = {}
    if isinstance(named, ColumnRoles):
        given = {r: c for r, c in named.as_dict().items() if r in named.named}
    elif named:
        given = {r: c for r, c in named.items() if c is not None}
    unknown = sorted(set(given) - set(ROLES))
    if unknown:
        raise InputError(f"unknown column role(s) {', '.join(unknown)}; roles are: {', '.join(ROLES)}")
    chosen: dict[str, str] = {}
    for role, name in given.items():
        if name in cols:
            chosen[role] = name
            continue
        folded = [c for c in cols if normalise_name(c) == normalise_name(name)]
        if not folded:
            flag = "--column" if role == "place" else f"--{role.replace('_', '-')}-column"
            raise InputError(
                f"no column {name!r} ({flag}); columns are: {', '.join(cols) or 'none'}", path=where
            )
        chosen[role] = folded[0]
    twice = {c for c in chosen.values() if list(chosen.values()).count(c) > 1}
    if twice:
        raise InputError(f"column {sorted(twice)[0]!r} is named for two roles", path=where)
    taken = set(chosen.values()) | set(exclude)
    for role in ROLES:
        if role in chosen:
            continue
        found = _default_for(role, [c for c in cols if c not in taken], taken)
        if found is not None:
            chosen[role] = found
            taken.add(found)
    return ColumnRoles(**chosen, named=frozenset(given))


def roles_of(frame: Any) -> ColumnRoles | None:
    """Return the column roles kept in a table's ``attrs`` by geokit, or ``None``.

    Parameters
    ----------
    frame
        A (Geo)DataFrame from :func:`geokit.ingest.read_incidents` or a later stage.

    Returns
    -------
    ColumnRoles or None
    """
    data = getattr(frame, "attrs", {}).get("geokit", {}).get("columns")
    if isinstance(data, ColumnRoles):
        return data
    return ColumnRoles.from_dict(data) if isinstance(data, Mapping) else None


def make_room(columns: Iterable[object], reserved: Iterable[str]) -> dict[str, str]:
    """Return new names for the user columns that clash with geokit's ``reserved`` ones.

    A clashing column ``lat`` becomes ``input_lat`` (``input_lat_2``... when
    that is taken too), so geokit's columns keep their names and the user's
    keep their values.

    Parameters
    ----------
    columns
        The table's column names.
    reserved
        Names geokit is about to add.

    Returns
    -------
    dict
        ``{old: new}`` for each clashing column; empty when none clash.
    """
    names = [str(c) for c in columns]
    used = set(names)
    mapping: dict[str, str] = {}
    for c in reserved:
        if c not in used or c in mapping:
            continue
        new, k = f"input_{c}", 2
        while new in used:
            new, k = f"input_{c}_{k}", k + 1
        mapping[c] = new
        used.add(new)
    return mapping


def named_of(
    columns: ColumnRoles | Mapping[str, str | None] | None, **overrides: str | None
) -> dict[str, str | None]:
    """Return the roles a caller named, with each override that is not ``None``.

    ``columns`` is a mapping or a :class:`ColumnRoles` (its named part); an
    override names one role by its own argument (``place="town"``).

    Parameters
    ----------
    columns
        Roles named explicitly, as given to the public functions.
    **overrides
        Single roles named by their own argument (``place_column``, ``type_column``).

    Returns
    -------
    dict
        Role to column name.
    """
    named: dict[str, str | None] = {}
    if isinstance(columns, ColumnRoles):
        named = {r: c for r, c in columns.as_dict().items() if r in columns.named}
    elif columns:
        named = dict(columns)
    named.update({r: c for r, c in overrides.items() if c is not None})
    return named


def make_room_noted(frame: Any, names: Iterable[str], *, who: str) -> tuple[Any, dict[str, str]]:
    """Rename a table's columns named like ``names`` to ``input_<name>``, noting it in its attrs.

    The note goes to ``attrs["geokit"]["notes"]`` and the recorded column roles follow the
    new names, so nothing of the user's is overwritten and nothing is renamed silently.

    Parameters
    ----------
    frame
        A DataFrame.
    names
        The columns the caller is about to add.
    who
        Whose columns they are, for the note ("the resolver's").

    Returns
    -------
    tuple
        The (renamed) frame and the renaming, ``{}`` when nothing clashed.
    """
    room = make_room(list(frame.columns), names)
    if not room:
        return frame, room
    out = frame.rename(columns=room)
    meta = dict(out.attrs.get("geokit", {}))
    meta["notes"] = [
        *meta.get("notes", []),
        f"input column(s) named like {who} renamed: " + ", ".join(f"{a} -> {b}" for a, b in room.items()),
    ]
    roles = roles_of(out)
    if roles is not None:
        meta["columns"] = roles.renamed(room).to_dict()
    out.attrs["geokit"] = meta
    return out, room
