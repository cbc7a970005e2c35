"""A user's table with its own column names through geocode, join and export (issue 13).

``tests/data/foreign_columns.csv`` names its columns ``date, location, province, killed,
injured, url``. Every command recognises them, prints the roles it used, keeps the user's
columns with their names and types, and writes geokit's columns under one schema, read back
here by geopandas and by GDAL itself (``pyogrio.read_info``: the ``ogrinfo`` binary is not
installed; pyogrio calls the same GDAL library). The map and its popups are checked in
Chromium in ``test_browser.py``.
"""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pandas as pd
import pyogrio
import pytest

from geokit.cli import main
from geokit.columns import OUTPUT_COLUMNS

TABLE = Path(__file__).resolve().parent / "data" / "foreign_columns.csv"
RESOLVER = ["lat", "lon", "precision", "status", "reason", "match_name", "match_source", "record_id"]


def _run(argv, capsys):
    code = main(argv)
    return code, capsys.readouterr().err


def test_geocode_recognises_the_columns_and_writes_the_schema(tmp_path, capsys):
    out = tmp_path / "g.csv"
    code, err = _run(["geocode", str(TABLE), "-o", str(out), "--boundaries", "PAK:ADM2"], capsys)
    assert code == 0
    assert "place='location' (recognised)" in err and "admin1='province' (recognised)" in err
    got = pd.read_csv(out, keep_default_na=False, dtype=str)
    assert list(got.columns[:7]) == ["row", "date", "location", "province", "killed", "injured", "url"]
    for col in [*RESOLVER, "adm1_name", "adm2_name", "adm2_id", "join_status"]:
        assert col in got.columns
    assert not {"source", "admin1", "admin2"} & set(got.columns)
    assert (got["status"] == "resolved").all()
    assert got.loc[got["location"] == "Turbat", "adm2_name"].item() == "Kech"
    assert got.loc[got["location"] == "Balochistan", "adm2_name"].item() == ""  # a province only
    assert got.loc[got["location"] == "Khuzdar", "killed"].item() == ""  # blank stays blank, not "nan"
    assert got.loc[got["location"] == "Quetta", "killed"].item() == "3"  # not "3.0"


def test_join_finds_latitude_and_longitude(tmp_path, capsys):
    src = tmp_path / "pts.csv"
    src.write_text("Name,Latitude,Longitude\nTurbat,26.0031,63.0544\nnowhere,,\n", encoding="utf-8")
    out = tmp_path / "j.csv"
    code, err = _run(["join", str(src), "-o", str(out)], capsys)
    assert code == 0 and "lat='Latitude', lon='Longitude'" in err
    got = pd.read_csv(out, keep_default_na=False, dtype=str)
    assert list(got["adm2_name"]) == ["Kech", ""] and list(got["join_status"]) == ["inside", "no point"]
    assert list(got.columns[:3]) == ["Name", "Latitude", "Longitude"]


def test_join_keeps_user_columns_named_like_the_join(tmp_path, capsys):
    src = tmp_path / "pts.csv"
    src.write_text("lat,lon,adm2_name,join_status\n26.0031,63.0544,my district,checked\n", encoding="utf-8")
    out = tmp_path / "j.csv"
    code, err = _run(["join", str(src), "-o", str(out)], capsys)
    assert code == 0 and "renamed" in err
    got = pd.read_csv(out, keep_default_na=False, dtype=str)
    assert got.loc[0, "input_adm2_name"] == "my district" and got.loc[0, "adm2_name"] == "Kech"
    assert got.loc[0, "input_join_status"] == "checked" and got.loc[0, "join_status"] == "inside"


@pytest.fixture(scope="module")
def exports(tmp_path_factory):
    folder = tmp_path_factory.mktemp("exports")
    written = {}
    for ext in ("geojson", "gpkg", "shp", "csv", "parquet"):
        dest = folder / f"incidents.{ext}"
        assert main(["export", str(TABLE), "-o", str(dest), "-q"]) == 0
        written[ext] = dest
    return folder, written


def _incidents_file(folder: Path, ext: str) -> Path:
    if ext in ("gpkg",):
        return folder / "incidents.gpkg"
    matches = sorted(
        p
        for p in folder.glob(f"incidents*.{ext}")
        if "unresolved" not in p.name and "districts" not in p.name
    )
    return matches[0]


@pytest.mark.parametrize("ext", ["geojson", "gpkg", "shp", "parquet"])
def test_exports_keep_numbers_numeric_with_real_nulls(exports, ext):
    folder, _ = exports
    path = _incidents_file(folder, ext)
    if ext == "parquet":
        frame = gpd.read_parquet(path)
    else:
        kwargs = {"layer": "incidents"} if ext == "gpkg" else {}
        frame = gpd.read_file(path, **kwargs)
        info = pyogrio.read_info(path, **kwargs)  # GDAL's own view of the field types
        types = dict(zip(info["fields"], info["dtypes"], strict=True))
        for col in ("killed", "injured", "precision"):
            assert types[col].startswith("int"), (col, types[col])
        for col in ("lat", "lon"):
            assert types[col] == "float64", (col, types[col])
        assert types["location"] == "object" and types["url"] == "object"
    assert len(frame) == 20
    for col in ("killed", "injured", "precision", "lat", "lon"):
        assert pd.api.types.is_numeric_dtype(frame[col]), (col, frame[col].dtype)
    khuzdar = frame[frame["location"] == "Khuzdar"].iloc[0]
    assert pd.isna(khuzdar["killed"])  # a real null, not "" or 0
    assert frame.loc[frame["location"] == "Quetta", "killed"].iloc[0] == 3
    names = set(frame.columns)
    shp_cut = {c[:10] for c in OUTPUT_COLUMNS}
    for col in ("row", "lat", "lon", "precision", "status", "reason", "match_name", "adm2_name", "adm2_id"):
        assert col in names or (ext == "shp" and col[:10] in names & shp_cut), col
    assert "source" not in names and "admin1" not in names


def test_csv_export_reads_back_with_the_same_schema(exports):
    folder, _ = exports
    frame = pd.read_csv(_incidents_file(folder, "csv"))
    assert (
        pd.api.types.is_integer_dtype(frame["injured"].dropna())
        or frame["injured"].dropna().eq(frame["injured"].dropna().round()).all()
    )
    for col in ("location", "killed", "injured", "url", *RESOLVER, "adm2_name", "wkt"):
        assert col in frame.columns
    assert frame["killed"].isna().sum() == 2  # Khuzdar and Hyderabad: not reported
