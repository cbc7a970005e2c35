"""The whole chain for a table of incidents: resolve, join, aggregate.

Every input row comes out in ``PipelineResult.incidents``, resolved or with
``status="unresolved"`` and a reason.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd

from geokit.boundaries import load_boundaries
from geokit.columns import ColumnRoles, find_roles, named_of, roles_of
from geokit.errors import InputError
from geokit.join import aggregate, join_admin
from geokit.resolve.batch import _OUT_COLUMNS, PlaceKey, resolve_keys, row_keys
from geokit.settings import Settings

__all__ = [
    "RESOLVER_COLUMNS",
    "PipelineResult",
    "hint_columns",
    "incidents_of",
    "resolve_keeping_input",
    "resolve_table_keys",
    "run_pipeline",
    "table_roles",
]


@dataclasses.dataclass(frozen=True, slots=True)
class PipelineResult:
    """What :func:`run_pipeline` produced.

    Attributes
    ----------
    incidents
        Every input row, with coordinates, precision, status, reason and admin
        names/ids; point geometry where resolved.
    aggregates
        One row per admin unit with incident counts and known fatalities.
    boundaries
        The boundary layer used.
    columns
        The column roles used.
    """

    incidents: gpd.GeoDataFrame
    aggregates: gpd.GeoDataFrame
    boundaries: gpd.GeoDataFrame
    columns: ColumnRoles = dataclasses.field(default_factory=ColumnRoles)

    @property
    def n_rows(self) -> int:
        """Number of input rows."""
        return len(self.incidents)

    @property
    def n_unresolved(self) -> int:
        """Rows whose place could not be resolved."""
        return int((self.incidents["status"] != "resolved").sum())

    def _repr_html_(self) -> str:
        counts = self.aggregates[self.aggregates["incidents"] > 0]
        return (
            f"<p><b>{self.n_rows}</b> incidents, <b>{self.n_rows - self.n_unresolved}</b> resolved, "
            f"<b>{self.n_unresolved}</b> unresolved, in <b>{len(counts)}</b> districts</p>"
        )


def _note(frame: pd.DataFrame, mask: np.ndarray, text: str) -> None:
    if "input_issues" not in frame.columns:
        frame["input_issues"] = ""
    old = frame.loc[mask, "input_issues"].fillna("").astype(str)
    frame.loc[mask, "input_issues"] = np.where(old == "", text, old + "; " + text)


def _use_given_coordinates(resolved: pd.DataFrame, given: dict[str, pd.Series]) -> np.ndarray:
    """Rows with usable lat/lon in the input keep them; out-of-range ones are noted."""
    la, lo = given["lat"].to_numpy(dtype=float), given["lon"].to_numpy(dtype=float)
    present = np.isfinite(la) & np.isfinite(lo)
    ok = present & (np.abs(la) <= 90) & (np.abs(lo) <= 180)
    bad = present & ~ok
    if bad.any():
        _note(resolved, bad, "given coordinates out of range (|lat| > 90 or |lon| > 180); place name used")
    if ok.any():
        precision = given.get("precision", pd.Series(np.nan, index=resolved.index)).to_numpy(dtype=float)
        resolved.loc[ok, "lat"] = la[ok]
        resolved.loc[ok, "lon"] = lo[ok]
        resolved.loc[ok, "status"] = "resolved"
        resolved.loc[ok, "match_source"] = "input"
        resolved.loc[ok, "reason"] = "coordinates given in the input"
        resolved.loc[ok, "precision"] = np.where(np.isfinite(precision[ok]), precision[ok], 1)
    return np.asarray(ok, dtype=bool)


def _flag_swapped(joined: gpd.GeoDataFrame, layer: gpd.GeoDataFrame, from_input: np.ndarray) -> None:
    """Given coordinates outside every unit that fall inside one when swapped are not trusted."""
    outside = from_input & (joined["join_status"].to_numpy() == "outside")
    if not outside.any():
        return
    rows = joined.loc[outside]
    swapped = gpd.GeoDataFrame(
        geometry=gpd.points_from_xy(rows["lat"].astype(float), rows["lon"].astype(float)),
        index=rows.index,
        crs=4326,
    )
    name_col = [c for c in layer.columns if c.endswith("_name")][-1]
    hit = gpd.sjoin(swapped, layer[[name_col, "geometry"]], how="inner", predicate="intersects")
    hit = hit[~hit.index.duplicated(keep="first")]
    for idx, unit in hit[name_col].items():
        lat, lon = joined.at[idx, "lat"], joined.at[idx, "lon"]
        joined.at[idx, "status"] = "unresolved"
        joined.at[idx, "reason"] = (
            f"given coordinates (lat {lat}, lon {lon}) fall outside every boundary, but swapped they "
            f"fall in {unit}: check the lat/lon columns"
        )
        joined.at[idx, "lat"] = np.nan
        joined.at[idx, "lon"] = np.nan
        joined.at[idx, joined.geometry.name] = None
        joined.at[idx, "join_status"] = "no point"


#: Columns :func:`geokit.resolve.resolve_frame` adds.
RESOLVER_COLUMNS = tuple(_OUT_COLUMNS)


def table_roles(
    table: pd.DataFrame,
    columns: ColumnRoles | Mapping[str, str | None] | None = None,
    *,
    place_column: str | None = None,
) -> ColumnRoles:
    """Return the column roles of a table: as named, as ``read_incidents`` found them, or recognised.

    Parameters
    ----------
    table
        The incidents.
    columns
        Roles named explicitly.
    place_column
        The place column, overriding ``columns``.

    Returns
    -------
    ColumnRoles

    Raises
    ------
    InputError
        If a named column is missing or there is no place column.
    """
    found = roles_of(table)
    named = named_of(columns, place=place_column)
    if isinstance(found, ColumnRoles) and all(found.as_dict().get(r) == c for r, c in named.items()):
        roles = found
        if all(c is None or c in table.columns for c in roles.as_dict().values()):
            return roles
    roles = find_roles(table.columns, named)
    if roles.place is None:
        raise InputError(
            "no place column (none named place, location, town...); name it with place_column=; "
            f"columns are: {', '.join(map(str, table.columns))}"
        )
    return roles


def resolve_keeping_input(table: pd.DataFrame, place_column: str, **options: Any) -> pd.DataFrame:
    """Run :func:`geokit.resolve.resolve_frame`, keeping every input column.

    Input columns named like the resolver's (``lat``, ``status``...) are kept
    as ``input_<name>``; the gazetteer's source is always ``match_source``, so
    an input ``source`` (the outlet that reported the incident) keeps its name.

    Parameters
    ----------
    table
        The input rows.
    place_column
        The column with place names.
    **options
        Passed to :func:`geokit.resolve.resolve_frame`.

    Returns
    -------
    pandas.DataFrame
        Every input row and column, plus the resolver's columns.
    """
    from geokit.resolve import resolve_frame

    return resolve_frame(table, place_column, **options)


def pick_boundaries(table: pd.DataFrame, resolved: pd.DataFrame, gazetteer: Any = None) -> str:
    """Name the boundary layer for the incidents' country (``boundaries="auto"``).

    Parameters
    ----------
    table
        The input rows; its ``country_hint`` column is used when no place resolved.
    resolved
        The rows after :func:`geokit.resolve.resolve_frame` (``record_id`` column).
    gazetteer
        The gazetteer the rows were resolved with; the default one otherwise.

    Returns
    -------
    str
        A dataset name, from :func:`geokit.boundaries.auto_boundaries`.
    """
    from geokit.boundaries import auto_boundaries

    countries: list[str] = []
    if "record_id" in resolved.columns:
        if gazetteer is None:
            from geokit.gazetteer import Gazetteer

            gazetteer = Gazetteer.default()
        # one look-up per distinct place, not per row: a table repeats its places
        for rid, n in resolved["record_id"].dropna().astype(str).value_counts(sort=False).items():
            place = gazetteer.get(str(rid))
            if place is not None and place.country:
                countries.extend([place.country] * int(n))
    if not countries and "country_hint" in table.columns:
        countries = [str(c) for c in table["country_hint"].dropna()]
    return auto_boundaries(countries)


def resolve_table_keys(
    chunks: Iterable[pd.DataFrame],
    place_column: str,
    *,
    country: str | None = None,
    country_column: str | None = None,
    admin1_column: str | None = None,
    admin2_column: str | None = None,
    gazetteer: Any = None,
    progress: bool = False,
) -> dict[PlaceKey, Any]:
    """Resolve every distinct place of a table read in chunks, once, with the whole table as context.

    Pass the result as ``resolutions=`` to :func:`resolve_keeping_input` for each chunk:
    a name is resolved once per table, not once per chunk, and the answers do not depend
    on where the chunks are cut.

    Parameters
    ----------
    chunks
        The table's chunks (e.g. :func:`geokit.ingest.iter_incidents`).
    place_column, country, country_column, admin1_column, admin2_column
        As for :func:`geokit.resolve.resolve_frame`.
    gazetteer
        A :class:`geokit.gazetteer.Gazetteer`; the default one otherwise.
    progress
        Show a progress bar over the distinct places.

    Returns
    -------
    dict
        Place key (:func:`geokit.resolve.row_keys`) to :class:`geokit.resolve.Resolution`.
    """
    from geokit.gazetteer import Gazetteer

    keys: dict[PlaceKey, None] = {}
    for chunk in chunks:
        keys.update(
            dict.fromkeys(
                row_keys(
                    chunk,
                    place_column,
                    country=country,
                    country_column=country_column,
                    admin1_column=admin1_column,
                    admin2_column=admin2_column,
                )
            )
        )
    return resolve_keys(keys, gazetteer=gazetteer or Gazetteer.default(), progress=progress)


def hint_columns(table: pd.DataFrame) -> dict[str, str | None]:
    """Return the hint options (``country_column``, ``admin1_column``, ``admin2_column``) of a table.

    The columns are those of the table's roles (named, or recognised from common names).
    """
    roles = table_roles(table, None)
    return {"country_column": roles.country, "admin1_column": roles.admin1, "admin2_column": roles.admin2}


def incidents_of(
    table: pd.DataFrame,
    layer: gpd.GeoDataFrame,
    *,
    place_column: str | None = None,
    country: str | None = None,
    gazetteer: Any = None,
    progress: bool = False,
    resolutions: Any = None,
) -> gpd.GeoDataFrame:
    """Resolve and join a table of incidents: :attr:`PipelineResult.incidents` of :func:`run_pipeline`.

    Parameters
    ----------
    table
        As for :func:`run_pipeline`.
    layer
        A loaded boundary layer.
    place_column, country, gazetteer, progress
        As for :func:`run_pipeline`.
    resolutions
        Answers for the table's places worked out over a larger table that this one is a
        part of (:func:`resolve_table_keys`), so that a part gives what the whole would.

    Returns
    -------
    geopandas.GeoDataFrame
    """
    roles = table_roles(table, None, place_column=place_column)
    joined, _ = _incidents_and_layer(
        table,
        layer,
        roles=roles,
        country=country,
        gazetteer=gazetteer,
        progress=progress,
        resolutions=resolutions,
    )
    return joined


def _incidents_and_layer(
    table: pd.DataFrame,
    layer: gpd.GeoDataFrame | None,
    *,
    roles: ColumnRoles,
    country: str | None,
    gazetteer: Any,
    progress: bool,
    resolutions: Any = None,
    settings: Settings | None = None,
) -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame]:
    """Resolve, use given coordinates, pick the layer when ``None`` (``auto``) and join."""
    assert roles.place is not None  # table_roles guarantees it
    given: dict[str, pd.Series] = {}
    if roles.lat is not None and roles.lon is not None:
        given = {
            "lat": pd.to_numeric(table[roles.lat], errors="coerce"),
            "lon": pd.to_numeric(table[roles.lon], errors="coerce"),
        }
        for name in ("precision", "input_precision"):
            if name in table.columns:
                given["precision"] = pd.to_numeric(table[name], errors="coerce")
    resolved = resolve_keeping_input(
        table,
        roles.place,
        country=country,
        country_column=roles.country,
        admin1_column=roles.admin1,
        admin2_column=roles.admin2,
        gazetteer=gazetteer,
        progress=progress,
        resolutions=resolutions,
    )
    roles = roles_of(resolved) or roles
    from_input = np.zeros(len(resolved), dtype=bool)
    if "lat" in given and "lon" in given:
        from_input = _use_given_coordinates(resolved, given)
    if layer is None:
        layer = load_boundaries(pick_boundaries(table, resolved, gazetteer), settings=settings)
    joined = join_admin(resolved, layer)
    _flag_swapped(joined, layer, from_input)
    meta = dict(resolved.attrs.get("geokit", {}))
    meta["columns"] = roles.to_dict()
    joined.attrs["geokit"] = meta
    return joined, layer


def run_pipeline(
    table: pd.DataFrame,
    *,
    place_column: str | None = None,
    columns: ColumnRoles | Mapping[str, str | None] | None = None,
    country: str | None = None,
    boundaries: str | Path | gpd.GeoDataFrame = "PAK:ADM2",
    gazetteer: Any = None,
    settings: Settings | None = None,
    progress: bool = False,
) -> PipelineResult:
    """Resolve, join and aggregate a table of incidents.

    Parameters
    ----------
    table
        Output of :func:`geokit.ingest.read_incidents` (or any frame with a
        place column). Country, admin-1 and admin-2 columns (see
        :mod:`geokit.columns`) are used as hints when present. Rows that
        already carry valid coordinates in the lat/lon columns (and optionally
        ``precision``) keep them; out-of-range ones are noted and the place
        name is used instead; ones that only make sense swapped are left
        unresolved with that reason.
    place_column
        The column with place names; recognised from common names when not given.
    columns
        Other column roles named explicitly (``{"fatalities": "killed"}``); the
        rest are taken from ``table.attrs`` (set by ``read_incidents``) or
        recognised from common names.
    country
        ISO2 code of the country every row is in; inferred from the table when not given.
    boundaries
        Dataset name, file path or a loaded layer; ``"auto"`` picks the
        district layer of the incidents' country (see
        :func:`geokit.boundaries.auto_boundaries`).
    gazetteer
        A :class:`geokit.gazetteer.Gazetteer`; the default one otherwise.
    settings
        Settings for the data manager.
    progress
        Show a progress bar while resolving.

    Returns
    -------
    PipelineResult
    """
    auto = isinstance(boundaries, str) and boundaries.strip().lower() == "auto"
    roles = table_roles(table, columns, place_column=place_column)
    assert roles.place is not None  # table_roles guarantees it
    layer = (
        None
        if auto
        else boundaries
        if isinstance(boundaries, gpd.GeoDataFrame) and "geokit" in boundaries.attrs
        else load_boundaries(boundaries, settings=settings)
    )
    joined, layer = _incidents_and_layer(
        table,
        layer,
        roles=roles,
        country=country,
        gazetteer=gazetteer,
        progress=progress,
        settings=settings,
    )
    roles = roles_of(joined) or roles
    aggregates = aggregate(
        joined[joined["status"] == "resolved"], layer, fatalities=roles.fatalities or "fatalities"
    )
    return PipelineResult(incidents=joined, aggregates=aggregates, boundaries=layer, columns=roles)
