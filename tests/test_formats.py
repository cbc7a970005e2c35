"""Exports to GeoPackage, Shapefile, CSV and GeoParquet: round trips and bad output paths."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from shapely import wkt
from shapely.geometry import Point, box

from geokit.errors import InputError
from geokit.export import export_layers, shapefile_field_names


@pytest.fixture
def layers():
    incidents = gpd.GeoDataFrame(
        {
            "id": ["a", "b", "c"],
            "row": [1, 2, 3],
            "place": ["Quetta", "Zorvakhistan", "Gwadar"],
            "precision": [1.0, np.nan, 1.0],
            "record_id": ["geonames:1167528", None, "geonames:1177446"],
            "source": ["geonames", None, "geonames"],
            "status": ["resolved", "unresolved", "resolved"],
            "reason": ["exact name", "no gazetteer entry", "exact name"],
            "fatalities": [3.0, np.nan, 11.0],
            "description_of_the_event": ["x", "y", "z"],
            "description_of_the_place": ["p", "q", "r"],
        },
        geometry=[Point(67.00141, 30.18414), None, Point(62.32541, 25.12163)],
        crs=4326,
    )
    districts = gpd.GeoDataFrame(
        {"adm2_name": ["Quetta", "Gwadar"], "adm2_id": ["PK208", "PK203"], "incidents": [1, 1]},
        geometry=[box(66.6, 29.9, 67.3, 30.5), box(61.6, 24.9, 64.8, 26.3)],
        crs=4326,
    )
    return {
        "incidents": incidents,
        "unresolved": pd.DataFrame(incidents[incidents["status"] != "resolved"].drop(columns="geometry")),
        "districts": districts,
    }


def _check_incidents(back, original):
    assert len(back) == len(original)
    assert list(back["place"]) == list(original["place"])
    assert list(back["row"].astype(int)) == [1, 2, 3]
    assert back["record_id"].iloc[0] == "geonames:1167528"
    assert back["precision"].iloc[0] == 1


def test_geopackage_holds_every_layer(tmp_path, layers):
    import pyogrio

    (out,) = export_layers(layers, tmp_path / "x.gpkg")
    assert {name for name, _ in pyogrio.list_layers(out)} == {"incidents", "unresolved", "districts"}
    back = gpd.read_file(out, layer="incidents")
    _check_incidents(back, layers["incidents"])
    assert back.geometry.iloc[1] is None
    assert back.geometry.iloc[0].x == pytest.approx(67.00141)
    assert len(gpd.read_file(out, layer="unresolved")) == 1
    assert list(gpd.read_file(out, layer="districts")["adm2_id"]) == ["PK208", "PK203"]


def test_shapefile_with_field_name_sidecar(tmp_path, layers):
    written = export_layers(layers, tmp_path / "x.shp")
    names = {p.name for p in written}
    assert {"x.shp", "x.dbf", "x.prj", "x.fields.csv", "x-districts.shp", "x-unresolved.shp"} <= names
    back = gpd.read_file(tmp_path / "x.shp")
    sidecar = pd.read_csv(tmp_path / "x.fields.csv")
    mapping = dict(zip(sidecar["field"], sidecar["column"], strict=True))
    back = back.rename(columns=mapping)
    _check_incidents(back, layers["incidents"])
    assert {"description_of_the_event", "description_of_the_place"} <= set(back.columns)
    assert back.crs.to_epsg() == 4326


def test_csv_has_lat_lon_and_wkt(tmp_path, layers):
    export_layers(layers, tmp_path / "x.csv")
    back = pd.read_csv(tmp_path / "x.csv")
    _check_incidents(back, layers["incidents"])
    assert back.loc[0, "lat"] == pytest.approx(30.18414) and back.loc[0, "lon"] == pytest.approx(67.00141)
    assert wkt.loads(back.loc[2, "wkt"]).equals(Point(62.32541, 25.12163))
    assert pd.isna(back.loc[1, "wkt"])
    districts = pd.read_csv(tmp_path / "x-districts.csv")
    assert wkt.loads(districts.loc[0, "wkt"]).area == pytest.approx(0.7 * 0.6)


def test_geoparquet(tmp_path, layers):
    export_layers(layers, tmp_path / "x.parquet")
    back = gpd.read_parquet(tmp_path / "x.parquet")
    _check_incidents(back, layers["incidents"])
    assert back.crs.to_epsg() == 4326


def test_field_names_are_unique_and_short():
    mapping = shapefile_field_names(["description_a", "description_b", "description", "id"])
    assert all(len(v) <= 10 for v in mapping.values())
    assert len({v.lower() for v in mapping.values()}) == 4


def test_bad_outputs_leave_nothing(tmp_path, layers):
    with pytest.raises(InputError, match="unknown output format '.xlsx'"):
        export_layers(layers, tmp_path / "x.xlsx")
    with pytest.raises(InputError, match="folder does not exist"):
        export_layers(layers, tmp_path / "no" / "x.gpkg")
    (tmp_path / "x-districts.geojson").write_text("keep")
    with pytest.raises(InputError, match="x-districts.geojson: exists"):
        export_layers(layers, tmp_path / "x.geojson")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x-districts.geojson"]
    assert (tmp_path / "x-districts.geojson").read_text() == "keep"


def test_unwritable_folder(layers):
    # /proc refuses new files even for root
    with pytest.raises(InputError, match="cannot write here"):
        export_layers(layers, Path("/proc/x.gpkg"))
