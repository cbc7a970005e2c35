"""Boundary loader: any vector format, any CRS, repaired geometry, normalised columns."""

from __future__ import annotations

import geopandas as gpd
import pytest
import shapely
from shapely.geometry import Polygon, box

from geokit.boundaries import load_boundaries
from geokit.errors import BoundaryError


@pytest.fixture
def districts() -> gpd.GeoDataFrame:
    """Two hand-built districts in one province, with HDX-style column names."""
    return gpd.GeoDataFrame(
        {
            "ADM2_EN": ["West", "East"],
            "ADM2_PCODE": ["XX101", "XX102"],
            "ADM1_EN": ["Prov", "Prov"],
            "ADM1_PCODE": ["XX1", "XX1"],
        },
        geometry=[box(66.0, 29.0, 67.0, 30.0), box(67.0, 29.0, 68.0, 30.0)],
        crs=4326,
    )


@pytest.mark.parametrize(
    "driver,suffix", [("GeoJSON", ".geojson"), ("GPKG", ".gpkg"), ("ESRI Shapefile", ".shp")]
)
def test_reads_common_formats(districts, tmp_path, driver, suffix):
    path = tmp_path / f"d{suffix}"
    districts.to_file(path, driver=driver)
    gdf = load_boundaries(path)
    assert list(gdf["adm2_id"]) == ["XX101", "XX102"]
    assert list(gdf["adm1_name"]) == ["Prov", "Prov"]
    assert gdf.crs.to_epsg() == 4326
    assert gdf.attrs["geokit"]["level"] == 2


def test_reprojects_to_wgs84(districts, tmp_path):
    path = tmp_path / "utm.gpkg"
    districts.to_crs(32642).to_file(path)
    gdf = load_boundaries(path)
    assert gdf.crs.to_epsg() == 4326
    minx, miny, maxx, maxy = gdf.total_bounds
    assert minx == pytest.approx(66.0, abs=1e-6) and maxy == pytest.approx(30.0, abs=1e-6)


def test_shapefile_without_prj_in_lonlat_is_assumed_wgs84(districts, tmp_path):
    path = tmp_path / "noprj.shp"
    districts.to_file(path)
    path.with_suffix(".prj").unlink()
    gdf = load_boundaries(path)
    assert gdf.crs.to_epsg() == 4326
    assert gdf.attrs["geokit"]["crs_assumed"] is True


def test_shapefile_without_prj_not_lonlat_is_a_clear_error(districts, tmp_path):
    path = tmp_path / "utm_noprj.shp"
    districts.to_crs(32642).to_file(path)
    path.with_suffix(".prj").unlink()
    with pytest.raises(BoundaryError, match="utm_noprj.shp.*no CRS.*not longitude/latitude"):
        load_boundaries(path)


def test_explicit_crs_for_file_without_one(districts, tmp_path):
    path = tmp_path / "utm_noprj.shp"
    districts.to_crs(32642).to_file(path)
    path.with_suffix(".prj").unlink()
    gdf = load_boundaries(path, crs=32642)
    assert gdf.total_bounds[0] == pytest.approx(66.0, abs=1e-6)


def test_invalid_polygons_are_repaired(tmp_path):
    bowtie = Polygon([(66, 29), (67, 30), (67, 29), (66, 30), (66, 29)])
    assert not bowtie.is_valid
    gdf = gpd.GeoDataFrame({"ADM2_EN": ["Bow"], "ADM2_PCODE": ["XX1"]}, geometry=[bowtie], crs=4326)
    out = load_boundaries(gdf)
    assert out.geometry.is_valid.all()
    assert shapely.area(out.geometry.values[0]) == pytest.approx(0.5)
    assert shapely.get_type_id(out.geometry.values[0]) in (3, 6)  # polygonal, no stray lines
    assert out.attrs["geokit"]["repaired"] == 1


def test_custom_columns_and_helpful_error(tmp_path):
    gdf = gpd.GeoDataFrame({"district": ["A"], "code": ["1"]}, geometry=[box(0, 0, 1, 1)], crs=4326)
    with pytest.raises(BoundaryError, match="columns are: district, code"):
        load_boundaries(gdf)
    out = load_boundaries(gdf, level=2, name_column="district", id_column="code")
    assert out.loc[0, "adm2_name"] == "A" and out.loc[0, "adm2_id"] == "1"


def test_unreadable_and_missing_files(tmp_path):
    bad = tmp_path / "bad.geojson"
    bad.write_text("{not json")
    with pytest.raises(BoundaryError, match="bad.geojson"):
        load_boundaries(bad)
    with pytest.raises(BoundaryError, match="not found|neither a file"):
        load_boundaries(tmp_path / "nope.shp")


def test_real_cod_ab_districts(adm2):
    assert len(adm2) == 160
    assert adm2["adm2_id"].is_unique
    assert adm2["adm1_id"].nunique() == 7
    per_province = adm2.groupby("adm1_name").size()
    assert per_province["Balochistan"] == 35
    assert per_province["Punjab"] == 36
    assert adm2.geometry.is_valid.all()
    assert adm2.attrs["geokit"]["dataset"] == "cod-ab:PAK:ADM2"


def test_real_geoboundaries_districts_get_their_province():
    gb = load_boundaries("geoboundaries:PAK:ADM2")
    assert len(gb) == 126
    quetta = gb[gb["adm2_name"] == "Quetta"]
    assert len(quetta) == 1
    assert quetta["adm1_name"].iloc[0] == "Balochistan"
    assert gb["adm1_name"].notna().mean() > 0.95


def test_dataset_aliases(adm1):
    assert len(adm1) == 7
    assert set(adm1["adm1_name"]) >= {"Balochistan", "Sindh", "Punjab", "Khyber Pakhtunkhwa"}
