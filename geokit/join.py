"""Place resolved incidents in admin units and count them per unit.

Joins key on unit ids (P-codes), never on names. A point just outside every
polygon (a coarse coastline, a border drawn a few hundred metres off) joins
the nearest unit within ``tolerance_km`` and is flagged ``nearest``.
"""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd

from geokit.boundaries import admin_columns
from geokit.columns import make_room, roles_of
from geokit.errors import InputError

__all__ = ["admin_levels", "aggregate", "join_admin"]

#: Default distance within which a point outside every unit joins the nearest one.
DEFAULT_TOLERANCE_KM = 5.0


def admin_levels(boundaries: gpd.GeoDataFrame) -> list[int]:
    """Return the admin levels a normalised boundary layer carries, lowest first.

    Parameters
    ----------
    boundaries
        A layer from :func:`geokit.boundaries.load_boundaries`.

    Returns
    -------
    list of int
    """
    levels = []
    for lvl in range(0, 6):
        name_col, id_col = admin_columns(lvl)
        if name_col in boundaries.columns and id_col in boundaries.columns:
            levels.append(lvl)
    if not levels:
        raise InputError(
            "boundary layer has no adm<n>_name/adm<n>_id columns; load it with load_boundaries()"
        )
    return levels


def _points(frame: pd.DataFrame, lat: str, lon: str) -> gpd.GeoDataFrame:
    for col in (lat, lon):
        if col not in frame.columns:
            raise InputError(f"no column {col!r}; columns are: {', '.join(map(str, frame.columns))}")
    la = pd.to_numeric(frame[lat], errors="coerce").to_numpy(dtype=float)
    lo = pd.to_numeric(frame[lon], errors="coerce").to_numpy(dtype=float)
    ok = np.isfinite(la) & np.isfinite(lo) & (np.abs(la) <= 90) & (np.abs(lo) <= 180)
    geom = gpd.points_from_xy(np.where(ok, lo, np.nan), np.where(ok, la, np.nan))
    geom[~ok] = None
    return gpd.GeoDataFrame(frame.copy(), geometry=geom, crs=4326)


def _ours(frame: pd.DataFrame, room: dict[str, str]) -> bool:
    """Whether the clashing columns are a previous join's own (a table joined again), not the user's."""
    return (
        "join_status" in frame.columns
        and set(room) <= {c for c in frame.columns if c.startswith("adm") or c.startswith("join_")}
        and bool(frame.attrs.get("geokit", {}).get("joined"))
    )


def join_admin(
    frame: pd.DataFrame,
    boundaries: gpd.GeoDataFrame,
    *,
    lat: str = "lat",
    lon: str = "lon",
    tolerance_km: float = DEFAULT_TOLERANCE_KM,
) -> gpd.GeoDataFrame:
    """Add the admin unit names and ids of every located row.

    Parameters
    ----------
    frame
        Rows with ``lat``/``lon`` columns; rows without coordinates are kept.
    boundaries
        A layer from :func:`geokit.boundaries.load_boundaries`.
    lat, lon
        Coordinate column names (WGS84 degrees).
    tolerance_km
        A point outside every unit joins the nearest one within this distance,
        with ``join_status="nearest"``. ``0`` disables it.

    Returns
    -------
    geopandas.GeoDataFrame
        Every input row in input order, with point geometry (missing where
        there are no coordinates), ``adm<L>_name``/``adm<L>_id`` for each level
        of ``boundaries``, ``join_status`` (``inside``, ``nearest``,
        ``outside`` or ``no point``) and ``join_distance_km``. A row whose
        ``admin_level`` column (from the resolver) says it stands for a
        province has no district (``adm2_*`` empty), whatever its point falls in.
    """
    levels = admin_levels(boundaries)
    keep = [c for lvl in levels for c in admin_columns(lvl)]
    room = make_room(frame.columns, [*keep, "join_status", "join_distance_km"])
    if room and not _ours(frame, room):
        frame = frame.rename(columns=room)
        meta = dict(frame.attrs.get("geokit", {}))
        meta["notes"] = [
            *meta.get("notes", []),
            "input column(s) named like the join's renamed: "
            + ", ".join(f"{a} -> {b}" for a, b in room.items()),
        ]
        roles = roles_of(frame)
        if roles is not None:
            meta["columns"] = roles.renamed(room).to_dict()
        frame.attrs["geokit"] = meta
        lat, lon = room.get(lat, lat), room.get(lon, lon)
    pts = _points(frame, lat, lon)
    pts = pts.drop(columns=[c for c in keep if c in pts.columns])
    layer = boundaries[[*keep, boundaries.geometry.name]]
    if layer.crs is None or layer.crs.to_epsg() != 4326:
        raise InputError("boundary layer must be in EPSG:4326; load it with load_boundaries()")

    has_point = pts.geometry.notna().to_numpy()
    located = pts.loc[has_point, [pts.geometry.name]]
    hits = gpd.sjoin(located, layer, how="left", predicate="intersects")
    hits = hits[~hits.index.duplicated(keep="first")]
    status = np.full(len(pts), "no point", dtype=object)
    distance = np.full(len(pts), np.nan)
    inside = hits["index_right"].notna()
    status[has_point] = np.where(inside.reindex(located.index).to_numpy(), "inside", "outside")
    distance[has_point] = np.where(inside.reindex(located.index).to_numpy(), 0.0, np.nan)
    result = hits[keep].reindex(pts.index)

    missing = located.index[~inside.reindex(located.index).to_numpy()]
    if len(missing) and tolerance_km > 0:
        utm = layer.estimate_utm_crs()
        near = gpd.sjoin_nearest(
            located.loc[missing].to_crs(utm),
            layer.to_crs(utm),
            how="left",
            max_distance=tolerance_km * 1000.0,
            distance_col="_dist",
        )
        near = near[~near.index.duplicated(keep="first")]
        found = near["index_right"].notna()
        idx = near.index[found]
        result.loc[idx, keep] = near.loc[idx, keep].to_numpy()
        pos = pts.index.get_indexer(idx)
        status[pos] = "nearest"
        distance[pos] = near.loc[idx, "_dist"].to_numpy() / 1000.0

    out = pts
    for col in keep:
        out[col] = result[col].astype("string")
    _blank_finer_levels(out, levels)
    out["join_status"] = status
    out["join_distance_km"] = distance
    out.attrs["geokit"] = {**dict(frame.attrs.get("geokit", {})), "joined": True}
    return out


def _blank_finer_levels(out: pd.DataFrame, levels: list[int]) -> None:
    """Empty the units below L of a row answered at admin level L (the resolver's ``admin_level``).

    Its point is the unit's representative point, which lies in some district by accident of
    geometry: that district is not an answer, so it is left empty (and the row is counted per
    province, never in a district).
    """
    if "admin_level" not in out.columns:
        return
    level = pd.to_numeric(out["admin_level"], errors="coerce").to_numpy(dtype=float)
    for lvl in levels:
        coarse = np.isfinite(level) & (level < lvl)
        if coarse.any():
            for col in admin_columns(lvl):
                out.loc[coarse, col] = pd.NA


def aggregate(
    joined: pd.DataFrame,
    boundaries: gpd.GeoDataFrame,
    *,
    level: int | None = None,
    fatalities: str = "fatalities",
) -> gpd.GeoDataFrame:
    """Count incidents and sum known fatalities per admin unit.

    Parameters
    ----------
    joined
        Output of :func:`join_admin`.
    boundaries
        The layer used for the join; every unit appears in the result, with
        zero incidents where none fell.
    level
        Admin level to aggregate to; the layer's finest level by default.
    fatalities
        Column with per-incident fatality counts (NaN where unknown).

    Returns
    -------
    geopandas.GeoDataFrame
        One row per unit, keyed on ``adm<L>_id``: the unit's names and ids,
        ``incidents``, ``fatalities`` (sum of known figures; 0 where there
        were no incidents; NaN where incidents happened but none has a
        figure), ``fatalities_known`` (how many incidents had a figure),
        ``area_km2`` and ``incidents_per_1000km2``. Rows placed only in a
        coarser unit (a province-level answer has no district) are in no
        unit's count; ``attrs["coarser"]`` counts them per coarser unit
        (``{"Balochistan": 3}``).
    """
    levels = admin_levels(boundaries)
    lvl = level if level is not None else max(levels)
    if lvl not in levels:
        raise InputError(f"no admin level {lvl} in the boundary layer; it has {levels}")
    name_col, id_col = admin_columns(lvl)
    upper = [c for lv in levels if lv < lvl for c in admin_columns(lv)]
    units = (
        boundaries.dissolve(by=id_col, as_index=False, aggfunc="first")
        if (boundaries[id_col].duplicated().any())
        else boundaries
    )
    units = units[[*upper, name_col, id_col, units.geometry.name]].copy()

    rows = joined[joined[id_col].notna()] if id_col in joined.columns else joined.iloc[0:0]
    counts = rows.groupby(id_col).size()
    if fatalities in rows.columns:
        fat = pd.to_numeric(rows[fatalities], errors="coerce")
        fat_sum = fat.groupby(rows[id_col]).sum(min_count=1)
        fat_known = fat.notna().groupby(rows[id_col]).sum()
    else:
        fat_sum = pd.Series(dtype=float)
        fat_known = pd.Series(dtype=float)
    key = units[id_col]
    units["incidents"] = key.map(counts).fillna(0).astype(int).to_numpy()
    # no incidents means no fatalities; incidents with no figure mean "unknown"
    units["fatalities"] = np.where(units["incidents"] == 0, 0.0, key.map(fat_sum).astype(float).to_numpy())
    units["fatalities_known"] = key.map(fat_known).fillna(0).astype(int).to_numpy()
    # EPSG:6933 (WGS 84 / NSIDC EASE-Grid 2.0 Global) is equal-area
    area = units.to_crs(6933).area / 1e6 if len(units) else pd.Series(dtype=float)
    units["area_km2"] = np.asarray(area, dtype=float)
    units["incidents_per_1000km2"] = units["incidents"] / units["area_km2"] * 1000.0
    units.attrs = dict(boundaries.attrs)
    units.attrs["coarser"] = _coarser_counts(joined, levels, lvl)
    return units.reset_index(drop=True)


def _coarser_counts(joined: pd.DataFrame, levels: list[int], lvl: int) -> dict[str, int]:
    """Rows placed only in a unit above ``lvl`` (a province-level answer), counted per that unit.

    They are in no unit of level ``lvl`` and so in none of the counts above; the map's legend
    reports them per province instead of dropping them silently.
    """
    upper = [lv for lv in levels if lv < lvl]
    id_col = admin_columns(lvl)[1]
    if not upper or id_col not in joined.columns:
        return {}
    name_up = admin_columns(max(upper))[0]
    if name_up not in joined.columns:
        return {}
    rows = joined[joined[id_col].isna() & joined[name_up].notna()]
    return {str(k): int(v) for k, v in rows.groupby(name_up).size().items()}
