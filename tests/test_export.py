"""RFC 7946 GeoJSON export."""

from __future__ import annotations

import json

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from geojson_rules import rfc7946_problems
from shapely.geometry import Point, Polygon

from geokit.errors import InputError, OutputExists
from geokit.export import to_geojson, write_geojson


def test_validator_catches_gdal_default_output(tmp_path, adm2):
    """The checker must be able to fail: GDAL's own GeoJSON breaks the rules."""
    path = tmp_path / "gdal.geojson"
    adm2.iloc[:3][["adm2_name", "geometry"]].to_crs(32642).to_file(path, driver="GeoJSON")
    problems = rfc7946_problems(path.read_text())
    assert any("crs member" in p for p in problems)
    assert any("lon/lat" in p or "decimals" in p for p in problems)


def test_points_with_missing_values_and_null_geometry():
    gdf = gpd.GeoDataFrame(
        {
            "id": ["a", "b", 3],
            "fatalities": [1.0, np.nan, 0.0],
            "date": pd.to_datetime(["2026-01-31", None, "2026-02-01"]),
            "note": ["x", None, "é <b>"],
        },
        geometry=[Point(67.0014123456789, 30.1841412345), None, Point(62.3, 25.1)],
        crs=4326,
    )
    text = to_geojson(gdf)
    assert rfc7946_problems(text) == []
    doc = json.loads(text)
    f0, f1, f2 = doc["features"]
    assert f0["id"] == "a" and f2["id"] == 3
    assert f0["geometry"]["coordinates"] == [67.001412, 30.184141]
    assert f1["geometry"] is None
    assert f1["properties"]["fatalities"] is None and f1["properties"]["date"] is None
    assert f0["properties"]["date"] == "2026-01-31"
    assert f2["properties"]["note"] == "é <b>"


def test_polygons_follow_right_hand_rule_and_reproject():
    clockwise = Polygon(
        [(66, 29), (66, 30), (67, 30), (67, 29), (66, 29)],
        holes=[[(66.2, 29.2), (66.8, 29.2), (66.8, 29.8), (66.2, 29.8), (66.2, 29.2)]],
    )
    gdf = gpd.GeoDataFrame({"name": ["x"]}, geometry=[clockwise], crs=4326).to_crs(32642)
    text = to_geojson(gdf, id_column=None)
    assert rfc7946_problems(text) == []
    ring = json.loads(text)["features"][0]["geometry"]["coordinates"][0]
    assert min(p[0] for p in ring) == pytest.approx(66.0, abs=1e-6)


def test_real_districts_round_trip(tmp_path, adm2):
    path = write_geojson(
        adm2[["adm1_name", "adm2_name", "adm2_id", "geometry"]], tmp_path / "d.geojson", id_column="adm2_id"
    )
    text = path.read_text()
    assert rfc7946_problems(text) == []
    back = gpd.read_file(path)
    assert len(back) == 160
    assert list(back["adm2_id"]) == list(adm2["adm2_id"])
    # 6 decimals moves vertices by at most ~0.1 m: areas agree closely
    a = adm2.to_crs(6933).area.sum()
    b = back.set_crs(4326, allow_override=True).to_crs(6933).area.sum()
    assert b == pytest.approx(a, rel=1e-6)


def test_no_overwrite_and_no_partial_file(tmp_path):
    gdf = gpd.GeoDataFrame({"a": [1]}, geometry=[Point(0, 0)], crs=4326)
    dest = tmp_path / "x.geojson"
    dest.write_text("keep me")
    with pytest.raises(InputError, match="exists") as info:
        write_geojson(gdf, dest, overwrite=False)
    # a library error names the keyword argument, not the command line's flag
    assert "overwrite=True" in str(info.value) and "--overwrite" not in str(info.value)
    assert isinstance(info.value, OutputExists) and info.value.path == str(dest)
    assert dest.read_text() == "keep me"
    with pytest.raises(InputError, match="folder does not exist"):
        write_geojson(gdf, tmp_path / "missing" / "x.geojson")
    assert list(tmp_path.iterdir()) == [dest]


def test_written_files_get_ordinary_permissions(tmp_path):
    import os

    gdf = gpd.GeoDataFrame({"a": [1]}, geometry=[Point(0, 0)], crs=4326)
    umask = os.umask(0o022)
    try:
        path = write_geojson(gdf, tmp_path / "x.geojson")
    finally:
        os.umask(umask)
    assert path.stat().st_mode & 0o777 == 0o644  # not mkstemp's 0o600
