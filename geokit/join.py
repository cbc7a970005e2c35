"""Place resolved incidents in admin units and count them per unit.

Joins key on unit ids (P-codes), never on names. A point just outside every
polygon (a coarse coastline, a border drawn a few hundred metres off) joins
the nearest unit within ``tolerance_km`` and is flagged ``nearest``.
"""

from __future__ import annotations

import threading
from collections import OrderedDict

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geokit.boundaries import NEAREST_UNIT_KM, admin_columns, nearest_units
from geokit.columns import make_room, make_room_noted
from geokit.errors import InputError

__all__ = [
    "admin_levels",
    "aggregate",
    "aggregate_counts",
    "combine_counts",
    "join_admin",
    "unit_counts",
]

#: Default distance within which a point outside every unit joins the nearest one
#: (:data:`geokit.boundaries.NEAREST_UNIT_KM`, the one such distance).
DEFAULT_TOLERANCE_KM = NEAREST_UNIT_KM


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


class _LayerIndex:
    """What the join needs of one boundary layer, worked out once per layer and process.

    ``bounds`` and the prepared polygons serve the fast path; ``overlaps`` is the union of
    the parts where two units' interiors meet (``None`` for a clean partition such as
    COD-AB): a point there may have several units and takes the exact path.
    """

    __slots__ = ("_utm", "bounds", "overlaps", "polys")

    def __init__(self, polys: np.ndarray) -> None:
        self.polys = polys
        shapely.prepare(polys)
        self.bounds = shapely.bounds(polys)
        tree = shapely.STRtree(polys)
        a, b = tree.query(polys, predicate="intersects")
        pair = a < b
        a, b = a[pair], b[pair]
        inner = shapely.relate_pattern(polys[a], polys[b], "T********")
        self.overlaps: shapely.Geometry | None = None
        if inner.any():
            self.overlaps = shapely.union_all(shapely.intersection(polys[a[inner]], polys[b[inner]]))
            shapely.prepare(self.overlaps)
        self._utm: gpd.GeoDataFrame | None = None

    def projected(self, layer: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
        """Return the layer in its UTM zone (for distances to the nearest unit), made once."""
        if self._utm is None:
            self._utm = layer.to_crs(layer.estimate_utm_crs())
        return self._utm


_INDEXES: OrderedDict[bytes, _LayerIndex] = OrderedDict()
_INDEXES_KEPT = 4
_INDEXES_LOCK = threading.Lock()


def _layer_index(layer: gpd.GeoDataFrame) -> _LayerIndex:
    """Return the cached :class:`_LayerIndex` of a layer.

    Keyed by the identity of its polygon objects: shapely geometries are immutable, copies
    of a frame share them, and the cache holds them, so an id cannot be reused while cached.
    """
    polys = np.asarray(layer.geometry.values, dtype=object)
    key = np.fromiter(map(id, polys), dtype=np.uint64, count=len(polys)).tobytes()
    with _INDEXES_LOCK:
        found = _INDEXES.get(key)
        if found is not None:
            _INDEXES.move_to_end(key)
            return found
    made = _LayerIndex(polys)
    with _INDEXES_LOCK:
        _INDEXES[key] = made
        while len(_INDEXES) > _INDEXES_KEPT:
            _INDEXES.popitem(last=False)
    return made


def _contained(index: _LayerIndex, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Return, per point, the position of the one unit whose interior holds it, or -1.

    -1 also where the answer needs the exact path: on a boundary, outside every unit, or
    in a part where units overlap. Each prepared polygon tests only the points in its box.
    """
    unit = np.full(len(x), -1, dtype=np.int64)
    b = index.bounds
    for pos, poly in enumerate(index.polys):
        if poly is None or not np.isfinite(b[pos, 0]):
            continue
        cand = np.flatnonzero((x >= b[pos, 0]) & (x <= b[pos, 2]) & (y >= b[pos, 1]) & (y <= b[pos, 3]))
        if len(cand):
            cand = cand[unit[cand] < 0]
            unit[cand[shapely.contains_xy(poly, x[cand], y[cand])]] = pos
    if index.overlaps is not None:
        inside = np.flatnonzero(unit >= 0)
        unit[inside[shapely.intersects_xy(index.overlaps, x[inside], y[inside])]] = -1
    return unit


def _intersects_then_nearest(
    points: gpd.GeoDataFrame, layer: gpd.GeoDataFrame, index: _LayerIndex, tolerance_km: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Join a few points the exact, slow way: every unit they touch, else the nearest one.

    A point on a shared boundary takes the unit ``geopandas.sjoin(predicate="intersects")``
    lists first (its spatial index's order, fixed for a given layer); a point outside every unit
    takes the nearest within ``tolerance_km``. ``layer`` has a RangeIndex.

    Returns
    -------
    tuple of numpy.ndarray
        Unit position (-1 for none), distance in km (0 inside, NaN for none) and whether the
        unit is the nearest one rather than one the point touches, per point.
    """
    unit = np.full(len(points), -1, dtype=np.int64)
    distance = np.full(len(points), np.nan)
    nearest = np.zeros(len(points), dtype=bool)
    frame = points.reset_index(drop=True)
    hits = gpd.sjoin(frame, layer[[layer.geometry.name]], how="inner", predicate="intersects")
    hits = hits[~hits.index.duplicated(keep="first")]
    unit[hits.index.to_numpy()] = hits["index_right"].to_numpy()
    distance[hits.index.to_numpy()] = 0.0
    missing = np.flatnonzero(unit < 0)
    if len(missing) and tolerance_km > 0:
        utm = index.projected(layer)
        near = nearest_units(frame.iloc[missing], utm[[utm.geometry.name]], max_km=tolerance_km)
        unit[near.index.to_numpy()] = near["index_right"].to_numpy()
        distance[near.index.to_numpy()] = near["nearest_km"].to_numpy()
        nearest[near.index.to_numpy()] = True
    return unit, distance, nearest


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

    Notes
    -----
    A point inside exactly one unit is found by that unit's prepared polygon
    (tested only against the points in its bounding box). The rest, points on a
    boundary, in a part where units overlap or outside every unit, are joined
    as ``geopandas.sjoin(predicate="intersects")`` would: the first unit it
    lists for the point, else the nearest within the tolerance.
    """
    levels = admin_levels(boundaries)
    keep = [c for lvl in levels for c in admin_columns(lvl)]
    room = make_room(frame.columns, [*keep, "join_status", "join_distance_km"])
    if room and not _ours(frame, room):
        frame, room = make_room_noted(frame, [*keep, "join_status", "join_distance_km"], who="the join's")
        lat, lon = room.get(lat, lat), room.get(lon, lon)
    pts = _points(frame, lat, lon)
    pts = pts.drop(columns=[c for c in keep if c in pts.columns])
    layer = boundaries[[*keep, boundaries.geometry.name]].reset_index(drop=True)
    if layer.crs is None or layer.crs.to_epsg() != 4326:
        raise InputError("boundary layer must be in EPSG:4326; load it with load_boundaries()")

    index = _layer_index(layer)
    has_point = pts.geometry.notna().to_numpy()
    x = np.where(has_point, shapely.get_x(pts.geometry.values), np.nan)
    y = np.where(has_point, shapely.get_y(pts.geometry.values), np.nan)
    unit = _contained(index, x, y)
    distance = np.where(unit >= 0, 0.0, np.nan)
    nearest = np.zeros(len(pts), dtype=bool)
    rest = np.flatnonzero(has_point & (unit < 0))
    if len(rest):
        unit[rest], distance[rest], nearest[rest] = _intersects_then_nearest(
            pts.iloc[rest, [pts.columns.get_loc(pts.geometry.name)]], layer, index, tolerance_km
        )
    status = np.full(len(pts), "no point", dtype=object)
    status[has_point] = "outside"
    status[unit >= 0] = "inside"
    status[nearest] = "nearest"

    out = pts
    for col in keep:
        values = layer[col].astype("string").array
        out[col] = pd.Series(values.take(unit, allow_fill=True), index=out.index)
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


def unit_counts(rows: pd.DataFrame, id_col: str, fatalities: str = "fatalities") -> pd.DataFrame:
    """Count rows, sum known fatalities and count the known figures, per unit id.

    Parameters
    ----------
    rows
        Joined rows; those without a unit id are not counted.
    id_col
        The unit id column (``adm<L>_id``).
    fatalities
        Column with per-incident fatality counts (NaN where unknown).

    Returns
    -------
    pandas.DataFrame
        Indexed by unit id: ``incidents``, ``fatalities`` (NaN where no figure was known)
        and ``fatalities_known``. Partial tables of several parts of a table add up with
        :func:`combine_counts`.
    """
    rows = rows[rows[id_col].notna()] if id_col in rows.columns else rows.iloc[0:0]
    key = rows[id_col] if id_col in rows.columns else pd.Series(dtype="string")
    counts = rows.groupby(key).size() if len(rows) else pd.Series(dtype="int64")
    if fatalities in rows.columns:
        fat = pd.to_numeric(rows[fatalities], errors="coerce")
        fat_sum = fat.groupby(key).sum(min_count=1)
        fat_known = fat.notna().groupby(key).sum()
    else:
        fat_sum = pd.Series(dtype=float)
        fat_known = pd.Series(dtype="int64")
    out = pd.DataFrame({"incidents": counts})
    out["fatalities"] = fat_sum.reindex(out.index).astype(float)
    out["fatalities_known"] = fat_known.reindex(out.index).fillna(0).astype("int64")
    return out


def combine_counts(parts: list[pd.DataFrame]) -> pd.DataFrame:
    """Add up :func:`unit_counts` tables of several parts of one table.

    Parameters
    ----------
    parts
        One :func:`unit_counts` table per part.

    Returns
    -------
    pandas.DataFrame
        As :func:`unit_counts` of the whole table.
    """
    both = (
        pd.concat(parts) if parts else pd.DataFrame(columns=["incidents", "fatalities", "fatalities_known"])
    )
    grouped = both.groupby(level=0)
    return pd.DataFrame(
        {
            "incidents": grouped["incidents"].sum(),
            "fatalities": grouped["fatalities"].sum(min_count=1),
            "fatalities_known": grouped["fatalities_known"].sum(),
        }
    )


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
    lvl = _level(boundaries, level)
    _, id_col = admin_columns(lvl)
    units = aggregate_counts(unit_counts(joined, id_col, fatalities), boundaries, level=lvl)
    units.attrs["coarser"] = _coarser_counts(joined, admin_levels(boundaries), lvl)
    return units


def _level(boundaries: gpd.GeoDataFrame, level: int | None) -> int:
    levels = admin_levels(boundaries)
    lvl = level if level is not None else max(levels)
    if lvl not in levels:
        raise InputError(f"no admin level {lvl} in the boundary layer; it has {levels}")
    return lvl


def aggregate_counts(
    counts: pd.DataFrame, boundaries: gpd.GeoDataFrame, *, level: int | None = None
) -> gpd.GeoDataFrame:
    """Turn per-unit counts (:func:`unit_counts`) into :func:`aggregate`'s table.

    Parameters
    ----------
    counts
        From :func:`unit_counts` or :func:`combine_counts`.
    boundaries
        The layer used for the join.
    level
        Admin level the counts are keyed on; the layer's finest level by default.

    Returns
    -------
    geopandas.GeoDataFrame
        As :func:`aggregate` returns.
    """
    levels = admin_levels(boundaries)
    lvl = _level(boundaries, level)
    name_col, id_col = admin_columns(lvl)
    upper = [c for lv in levels if lv < lvl for c in admin_columns(lv)]
    units = (
        boundaries.dissolve(by=id_col, as_index=False, aggfunc="first")
        if (boundaries[id_col].duplicated().any())
        else boundaries
    )
    units = units[[*upper, name_col, id_col, units.geometry.name]].copy()

    key = units[id_col]
    units["incidents"] = key.map(counts["incidents"]).fillna(0).astype(int).to_numpy()
    # no incidents means no fatalities; incidents with no figure mean "unknown"
    units["fatalities"] = np.where(
        units["incidents"] == 0, 0.0, key.map(counts["fatalities"]).astype(float).to_numpy()
    )
    units["fatalities_known"] = key.map(counts["fatalities_known"]).fillna(0).astype(int).to_numpy()
    # EPSG:6933 (WGS 84 / NSIDC EASE-Grid 2.0 Global) is equal-area
    area = units.to_crs(6933).area / 1e6 if len(units) else pd.Series(dtype=float)
    units["area_km2"] = np.asarray(area, dtype=float)
    units["incidents_per_1000km2"] = units["incidents"] / units["area_km2"] * 1000.0
    units.attrs = dict(boundaries.attrs)
    units.attrs["coarser"] = {}
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
