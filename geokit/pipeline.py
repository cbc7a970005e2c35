"""The whole chain for a table of incidents: resolve, join, aggregate.

Every input row comes out in ``PipelineResult.incidents``, resolved or with
``status="unresolved"`` and a reason.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd

from geokit._resolve_batch import _OUT_COLUMNS, PlaceKey, resolve_keys, row_keys
from geokit.boundaries import load_boundaries
from geokit.join import aggregate, join_admin
from geokit.settings import Settings

__all__ = [
    "RESOLVER_COLUMNS",
    "PipelineResult",
    "hint_columns",
    "incidents_of",
    "resolve_keeping_input",
    "resolve_table_keys",
    "run_pipeline",
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
    """

    incidents: gpd.GeoDataFrame
    aggregates: gpd.GeoDataFrame
    boundaries: gpd.GeoDataFrame

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
        resolved.loc[ok, "match_source" if "match_source" in resolved else "source"] = "input"
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
RESOLVER_COLUMNS = _OUT_COLUMNS


def resolve_keeping_input(table: pd.DataFrame, place_column: str, **options: Any) -> pd.DataFrame:
    """Run :func:`geokit.resolve.resolve_frame` without losing input columns of the same names.

    An input ``source`` (the outlet that reported the incident) keeps its name
    and the gazetteer's source goes to ``match_source``; any other input column
    the resolver would overwrite (``lat``, ``status``...) is kept as ``input_<name>``.

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

    frame = table.copy()
    outlet = frame.pop("source") if "source" in frame.columns and place_column != "source" else None
    clashes = [c for c in RESOLVER_COLUMNS if c in frame.columns and c != place_column]
    frame = frame.rename(columns={c: f"input_{c}" for c in clashes})
    resolved = resolve_frame(frame, place_column, **options)
    if outlet is not None:
        resolved = resolved.rename(columns={"source": "match_source"})
        resolved.insert(min(len(table.columns), len(resolved.columns)), "source", outlet.to_numpy())
    return resolved


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
    """Return the hint options :func:`run_pipeline` reads from a table's column names."""
    return {
        "country_column": "country_hint" if "country_hint" in table.columns else None,
        "admin1_column": "admin1_hint" if "admin1_hint" in table.columns else None,
        "admin2_column": "admin2_hint" if "admin2_hint" in table.columns else None,
    }


def incidents_of(
    table: pd.DataFrame,
    layer: gpd.GeoDataFrame,
    *,
    place_column: str = "place",
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
    place_column, gazetteer, progress
        As for :func:`run_pipeline`.
    resolutions
        Answers for the table's places worked out over a larger table that this one is a
        part of (:func:`resolve_table_keys`), so that a part gives what the whole would.

    Returns
    -------
    geopandas.GeoDataFrame
    """
    given = {c: pd.to_numeric(table[c], errors="coerce") for c in ("lat", "lon", "precision") if c in table}
    resolved = resolve_keeping_input(
        table,
        place_column,
        **hint_columns(table),
        gazetteer=gazetteer,
        progress=progress,
        resolutions=resolutions,
    )
    from_input = np.zeros(len(resolved), dtype=bool)
    if "lat" in given and "lon" in given:
        from_input = _use_given_coordinates(resolved, given)
    joined = join_admin(resolved, layer)
    _flag_swapped(joined, layer, from_input)
    return joined


def run_pipeline(
    table: pd.DataFrame,
    *,
    place_column: str = "place",
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
        place column). Columns ``country_hint``, ``admin1_hint`` and
        ``admin2_hint`` are used as hints when present. Rows that already
        carry valid ``lat``/``lon`` (and optionally ``precision``) keep them;
        out-of-range ones are noted and the place name is used instead; ones
        that only make sense swapped are left unresolved with that reason.
    place_column
        The column with place names.
    boundaries
        Dataset name, file path or a loaded layer.
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
    layer = (
        boundaries
        if isinstance(boundaries, gpd.GeoDataFrame) and "geokit" in boundaries.attrs
        else load_boundaries(boundaries, settings=settings)
    )
    joined = incidents_of(table, layer, place_column=place_column, gazetteer=gazetteer, progress=progress)
    aggregates = aggregate(joined[joined["status"] == "resolved"], layer)
    return PipelineResult(incidents=joined, aggregates=aggregates, boundaries=layer)
