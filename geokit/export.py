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
import logging
import math
import os
import tempfile
from pathlib import Path
from typing import Any, TypeVar

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geokit import _fs
from geokit.errors import InputError, OutputExists

_Frame = TypeVar("_Frame", bound=pd.DataFrame)

log = logging.getLogger(__name__)

__all__ = [
    "FORMATS",
    "check_destination",
    "csv_text",
    "export_layers",
    "format_for",
    "shapefile_field_names",
    "to_geojson",
    "write_csv",
    "write_geojson",
]


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
    if gdf.crs is None and len(gdf) and not gdf.geometry.isna().all():
        minx, miny, maxx, maxy = gdf.total_bounds
        if not (-180.0 <= minx <= maxx <= 180.0 and -90.0 <= miny <= maxy <= 90.0):
            raise InputError(
                f"has no CRS and its coordinates (bounds {minx:.0f}, {miny:.0f}, {maxx:.0f}, {maxy:.0f}) "
                "are not longitude/latitude; RFC 7946 GeoJSON needs WGS84: set the CRS (a .prj) first"
            )
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
        raise OutputExists(str(dest))
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
        _fs.write_text_atomic(dest, text)
    except OSError as exc:
        raise InputError(f"cannot write ({exc.strerror})", path=str(dest)) from None


def csv_text(frame: pd.DataFrame, *, header: bool = True) -> str:
    """Serialise a table as CSV: the one CSV writer every command uses.

    RFC 4180: CRLF line ends, so that every field holding a line break of
    any kind (line feed or a lone carriage return) or a comma or quote is quoted, and reads back as
    one field of one row. Integers stay integers (no ``3.0``).

    Parameters
    ----------
    frame
        The table; its index is not written.
    header
        Whether to write the column names first.

    Returns
    -------
    str
        The CSV text.
    """
    return frame.to_csv(index=False, header=header, lineterminator="\r\n")


def write_csv(frame: pd.DataFrame, path: str | Path) -> Path:
    """Write :func:`csv_text` output to a file atomically.

    Parameters
    ----------
    frame
        The table.
    path
        Destination; nothing is left there if writing fails.

    Returns
    -------
    Path
        The written file.
    """
    dest = Path(path)
    write_text_atomic(dest, csv_text(frame))
    return dest


#: Output formats by file extension.
FORMATS = {
    ".geojson": "geojson",
    ".json": "geojson",
    ".gpkg": "gpkg",
    ".shp": "shp",
    ".csv": "csv",
    ".parquet": "parquet",
    ".geoparquet": "parquet",
}


def format_for(path: str | Path) -> str:
    """Return the export format named by a file's extension.

    Parameters
    ----------
    path
        Output path.

    Returns
    -------
    str
        One of ``geojson``, ``gpkg``, ``shp``, ``csv``, ``parquet``.

    Raises
    ------
    InputError
        For an unknown extension; the message lists the known ones.
    """
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise InputError(
            f"unknown output format {suffix or '(no extension)'!r}; use one of {', '.join(sorted(FORMATS))}",
            path=str(path),
        )
    return FORMATS[suffix]


def _plain(frame: _Frame) -> _Frame:
    """Columns GDAL drivers can store: datetimes stay, objects become strings."""
    out = frame.copy()
    for col in out.columns:
        if col == getattr(out, "_geometry_column_name", None):
            continue
        series = out[col]
        if series.dtype == object or str(series.dtype) == "string":
            out[col] = series.map(lambda v: None if v is None or v is pd.NA else str(v)).astype(object)
    return out


def _cut_bytes(text: str, limit: int) -> str:
    """Return the longest prefix of ``text`` whose UTF-8 form fits in ``limit`` bytes (whole characters)."""
    return text.encode("utf-8")[:limit].decode("utf-8", errors="ignore")


#: The longest text a dBase field holds, in bytes.
DBF_TEXT_BYTES = 254


def _cut_long_text(frame: gpd.GeoDataFrame) -> tuple[gpd.GeoDataFrame, list[str]]:
    """Cut text over :data:`DBF_TEXT_BYTES` at a character boundary; return the columns cut."""
    out = frame.copy()
    cut: list[str] = []
    for col in out.columns:
        if col == out.geometry.name or not (
            out[col].dtype == object or pd.api.types.is_string_dtype(out[col].dtype)
        ):
            continue
        values = out[col]
        long = values.map(lambda v: isinstance(v, str) and len(v.encode("utf-8")) > DBF_TEXT_BYTES)
        if long.any():
            out[col] = values.map(lambda v: _cut_bytes(v, DBF_TEXT_BYTES) if isinstance(v, str) else v)
            cut.append(str(col))
    return out, cut


def _case_unique(frame: _Frame) -> _Frame:
    """Rename columns that differ only in case (GeoPackage/SQLite treat them as one): ``name_2``..."""
    seen: set[str] = set()
    renames: dict[str, str] = {}
    for col in frame.columns:
        name, n = str(col), 2
        while name.lower() in seen:
            name, n = f"{col}_{n}", n + 1
        seen.add(name.lower())
        if name != col:
            renames[str(col)] = name
    if renames:
        log.warning(
            "columns differing only in case renamed for GeoPackage: %s",
            ", ".join(f"{k} -> {v}" for k, v in renames.items()),
        )
        return frame.rename(columns=renames)
    return frame


def shapefile_field_names(columns: list[str]) -> dict[str, str]:
    """Map column names to unique shapefile field names of at most 10 bytes (UTF-8, whole characters).

    Parameters
    ----------
    columns
        Full column names.

    Returns
    -------
    dict
        Full name to truncated name.
    """
    used: set[str] = set()
    mapping: dict[str, str] = {}
    for col in columns:
        base = _cut_bytes(str(col), 10)
        name, n = base, 1
        while name.lower() in used:
            suffix = f"_{n}"
            name = _cut_bytes(base, 10 - len(suffix)) + suffix
            n += 1
        used.add(name.lower())
        mapping[str(col)] = name
    return mapping


def _write_one(layer: gpd.GeoDataFrame | pd.DataFrame, dest: Path, fmt: str, name: str) -> list[Path]:
    """Write one layer to ``dest`` in ``fmt``; returns every file written."""
    if fmt == "geojson":
        gdf = (
            layer
            if isinstance(layer, gpd.GeoDataFrame)
            else gpd.GeoDataFrame(layer, geometry=[None] * len(layer), crs=4326)
        )
        id_col = "id" if "id" in gdf.columns else None
        dest.write_text(to_geojson(gdf, id_column=id_col), encoding="utf-8")
        return [dest]
    if fmt == "csv":
        frame = pd.DataFrame(layer).copy()
        if isinstance(layer, gpd.GeoDataFrame):
            geom = layer.geometry
            frame = frame.drop(columns=[geom.name])
            frame["wkt"] = [None if g is None or g.is_empty else g.wkt for g in geom.values]
            if (geom.geom_type == "Point").any() and "lat" not in frame.columns:
                frame["lat"] = [g.y if g is not None and not g.is_empty else None for g in geom.values]
                frame["lon"] = [g.x if g is not None and not g.is_empty else None for g in geom.values]
        dest.write_text(csv_text(frame), encoding="utf-8", newline="")
        return [dest]
    if fmt == "parquet":
        gdf = (
            layer
            if isinstance(layer, gpd.GeoDataFrame)
            else gpd.GeoDataFrame(layer, geometry=[None] * len(layer), crs=4326)
        )
        _plain(gdf).to_parquet(dest, index=False)
        return [dest]
    if fmt == "shp":
        gdf = (
            layer
            if isinstance(layer, gpd.GeoDataFrame)
            else gpd.GeoDataFrame(layer, geometry=[None] * len(layer), crs=4326)
        )
        cols = [c for c in gdf.columns if c != gdf.geometry.name]
        mapping = shapefile_field_names(cols)
        plain, cut = _cut_long_text(_plain(gdf))
        if cut:
            log.warning(
                "%s: text over %d bytes cut in column(s) %s (the dBase limit); "
                "GeoPackage or GeoJSON keep it whole",
                dest.name,
                DBF_TEXT_BYTES,
                ", ".join(cut),
            )
        short = plain.rename(columns=mapping)
        for col in short.columns:  # the format has dates but no date-times: ISO 8601 text, never cut
            if col != short.geometry.name and pd.api.types.is_datetime64_any_dtype(short[col]):
                when = short[col]
                fmt_ = (
                    "%Y-%m-%d"
                    if bool((when.dropna() == when.dropna().dt.normalize()).all())
                    else "%Y-%m-%dT%H:%M:%S"
                )
                short[col] = when.dt.strftime(fmt_).astype(object).where(when.notna(), None)
        short.to_file(dest, driver="ESRI Shapefile", engine="pyogrio", encoding="UTF-8")
        sidecar = dest.with_name(dest.stem + ".fields.csv")
        fields = pd.DataFrame({"field": list(mapping.values()), "column": list(mapping.keys())})
        sidecar.write_text(csv_text(fields), encoding="utf-8", newline="")
        written = [dest.with_suffix(s) for s in (".shp", ".shx", ".dbf", ".prj", ".cpg")]
        return [p for p in written if p.exists()] + [sidecar]
    raise InputError(f"unknown format {fmt!r}")


def check_destination(path: str | Path, names: list[str], *, overwrite: bool) -> dict[str, Path]:
    """Check, before any work, that :func:`export_layers` can write ``path``.

    Parameters
    ----------
    path
        Output path; its extension picks the format.
    names
        Layer names, the main one first.
    overwrite
        Whether existing files may be replaced.

    Returns
    -------
    dict
        Layer name to the file it will be written to.

    Raises
    ------
    InputError
        Unknown format, missing or unwritable folder, or an existing file
        without ``overwrite``.
    """
    dest = Path(path)
    fmt = format_for(dest)
    folder = dest.parent if str(dest.parent) else Path()
    if not folder.is_dir():
        raise InputError("folder does not exist", path=str(dest))
    try:
        fd, probe = tempfile.mkstemp(prefix=".geokit-probe-", dir=folder)
    except OSError as exc:
        raise InputError(f"cannot write here ({exc.strerror})", path=str(dest)) from None
    os.close(fd)
    Path(probe).unlink(missing_ok=True)
    targets = {names[0]: dest}
    if fmt != "gpkg":
        for name in names[1:]:
            targets[name] = dest.with_name(f"{dest.stem}-{name}{dest.suffix}")
    if not overwrite:
        for target in targets.values():
            if target.exists():
                raise OutputExists(str(target))
    return targets


def export_layers(
    layers: dict[str, gpd.GeoDataFrame | pd.DataFrame],
    path: str | Path,
    *,
    overwrite: bool = False,
) -> list[Path]:
    """Write named layers (incidents, unresolved, districts) to one output.

    GeoPackage holds every layer in the one file. For the other formats the
    first layer goes to ``path`` and each other layer to ``<stem>-<name><ext>``
    beside it. Everything is written in a temporary folder first and moved
    into place only when all of it succeeded: a failure leaves no file.

    Parameters
    ----------
    layers
        Layer name to table, in order; the first is the main one.
    path
        Output path; its extension picks the format (see :data:`FORMATS`).
    overwrite
        Whether existing files may be replaced.

    Returns
    -------
    list of Path
        Every file written.

    Raises
    ------
    InputError
        Unknown format, existing output without ``overwrite``, missing or
        unwritable folder.
    """
    names = list(layers)
    if not names:
        raise InputError("nothing to export")
    dest, fmt, targets = Path(path), format_for(path), check_destination(path, names, overwrite=overwrite)
    folder = dest.parent if str(dest.parent) else Path()
    try:
        staging = Path(tempfile.mkdtemp(prefix=".geokit-export-", dir=folder))
    except OSError as exc:
        raise InputError(f"cannot write here ({exc.strerror})", path=str(dest)) from None
    written: list[Path] = []
    try:
        staged: list[Path] = []
        if fmt == "gpkg":
            out = staging / dest.name
            for name, layer in layers.items():
                gdf = (
                    layer
                    if isinstance(layer, gpd.GeoDataFrame)
                    else gpd.GeoDataFrame(layer, geometry=[None] * len(layer), crs=4326)
                )
                _case_unique(_plain(gdf)).to_file(out, layer=name, driver="GPKG", engine="pyogrio")
            staged = [out]
        else:
            for name, layer in layers.items():
                staged += _write_one(layer, staging / targets[name].name, fmt, name)
        for item in staged:
            final = folder / item.name
            if final.exists() and not overwrite:
                raise OutputExists(str(final))
            item.replace(final)
            written.append(final)
    except InputError:
        raise
    except Exception as exc:
        for item in written:
            item.unlink(missing_ok=True)
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise InputError(f"could not write {fmt} ({first})", path=str(dest)) from None
    finally:
        for leftover in staging.glob("*"):
            leftover.unlink(missing_ok=True)
        staging.rmdir()
    return written
