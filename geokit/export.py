"""Write RFC 7946 GeoJSON that QGIS, ArcGIS and web maps open without complaint.

GDAL's defaults are not RFC 7946: they keep a ``crs`` member and up to 15
decimals. :func:`to_geojson` writes WGS84 lon/lat, no ``crs`` member,
6 decimals by default (about 0.1 m), polygons wound by the right-hand rule
(exterior rings counter-clockwise), string or number feature ids, and ``null``
for missing values and missing geometries.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import tempfile
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geokit.errors import InputError

__all__ = ["to_geojson", "write_geojson"]


def _json_value(value: Any) -> Any:
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float | np.floating):
        return None if not math.isfinite(float(value)) else float(value)
    if isinstance(value, bool | np.bool_):
        return bool(value)
    if isinstance(value, int | np.integer):
        return int(value)
    if isinstance(value, pd.Timestamp | dt.datetime):
        ts = pd.Timestamp(value)
        return ts.date().isoformat() if ts == ts.normalize() else ts.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _feature_id(value: Any) -> Any:
    v = _json_value(value)
    return v if isinstance(v, int | str) else (None if v is None else str(v))


def _prepare_geometry(geoms: Any, precision: int) -> list[str | None]:
    arr = np.asarray(geoms, dtype=object)
    missing = shapely.is_missing(arr) | shapely.is_empty(arr)
    out: list[str | None] = [None] * len(arr)
    if (~missing).any():
        g = arr[~missing]
        g = shapely.orient_polygons(g, exterior_cw=False)
        g = shapely.transform(g, lambda c: np.round(c, precision))
        texts = shapely.to_geojson(g)
        for pos, text in zip(np.flatnonzero(~missing), texts, strict=True):
            out[pos] = str(text)
    return out


def to_geojson(
    gdf: gpd.GeoDataFrame,
    *,
    precision: int = 6,
    id_column: str | None = "id",
    drop: tuple[str, ...] = (),
) -> str:
    """Serialise a GeoDataFrame as an RFC 7946 FeatureCollection.

    Parameters
    ----------
    gdf
        Any CRS; reprojected to EPSG:4326. A frame without a CRS must already
        be lon/lat.
    precision
        Decimal places for coordinates (6 ≈ 0.1 m).
    id_column
        Column used for each feature's ``id`` (kept in properties too);
        ``None`` for no ids.
    drop
        Columns to leave out of ``properties``.

    Returns
    -------
    str
        The GeoJSON text.
    """
    if not isinstance(gdf, gpd.GeoDataFrame):
        raise InputError("to_geojson needs a GeoDataFrame")
    if gdf.crs is not None and gdf.crs.to_epsg() != 4326:
        gdf = gdf.to_crs(4326)
    geom_name = gdf.geometry.name
    props = [c for c in gdf.columns if c != geom_name and c not in drop]
    geoms = _prepare_geometry(gdf.geometry.values, precision)
    records = gdf[props].astype(object).to_numpy()
    parts = []
    for i, geom in enumerate(geoms):
        row = {str(col): _json_value(records[i][j]) for j, col in enumerate(props)}
        feature = '{"type":"Feature"'
        if id_column is not None and id_column in gdf.columns:
            fid = _feature_id(gdf[id_column].iloc[i])
            if fid is not None:
                feature += ',"id":' + json.dumps(fid, ensure_ascii=False)
        feature += ',"geometry":' + (geom if geom is not None else "null")
        feature += ',"properties":' + json.dumps(row, ensure_ascii=False, allow_nan=False) + "}"
        parts.append(feature)
    return '{"type":"FeatureCollection","features":[\n' + ",\n".join(parts) + "\n]}\n"


def write_geojson(
    gdf: gpd.GeoDataFrame,
    path: str | Path,
    *,
    overwrite: bool = True,
    precision: int = 6,
    id_column: str | None = "id",
    drop: tuple[str, ...] = (),
) -> Path:
    """Write :func:`to_geojson` output to a file atomically.

    Parameters
    ----------
    gdf, precision, id_column, drop
        As for :func:`to_geojson`.
    path
        Destination; nothing is left there if writing fails.
    overwrite
        Whether an existing file may be replaced.

    Returns
    -------
    Path
        The written file.

    Raises
    ------
    InputError
        If the file exists and ``overwrite`` is false, or the folder is not writable.
    """
    dest = Path(path)
    if dest.exists() and not overwrite:
        raise InputError("exists; pass --overwrite to replace it", path=str(dest))
    text = to_geojson(gdf, precision=precision, id_column=id_column, drop=drop)
    write_text_atomic(dest, text)
    return dest


def write_text_atomic(dest: Path, text: str) -> None:
    """Write text to ``dest`` through a temporary file in the same folder.

    Parameters
    ----------
    dest
        Destination path.
    text
        UTF-8 text.

    Raises
    ------
    InputError
        If the folder does not exist or is not writable.
    """
    folder = dest.parent if str(dest.parent) else Path()
    if not folder.is_dir():
        raise InputError("folder does not exist", path=str(dest))
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise InputError(f"cannot write here ({exc.strerror})", path=str(dest)) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        Path(tmp).replace(dest)
    except OSError as exc:
        raise InputError(f"cannot write ({exc.strerror})", path=str(dest)) from None
    finally:
        Path(tmp).unlink(missing_ok=True)
