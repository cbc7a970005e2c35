"""Point-in-polygon join and per-district aggregates on the real COD-AB layer."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from pyproj import Geod
from shapely.geometry import box

from geokit.boundaries import load_boundaries
from geokit.join import aggregate, join_admin

# Town points from GeoNames cities15000 (geonameid in brackets) and the district
# each lies in (Wikipedia district articles; checked in ../shared/geodata/SOURCES.md).
TOWNS = [
    ("Jacobabad", 28.281, 68.438, "Jacobabad", "Sindh"),  # 1176515
    ("Hangu", 33.528, 71.059, "Hangu", "Khyber Pakhtunkhwa"),  # 1176734
    ("Jamrud", 33.998, 71.378, "Khyber", "Khyber Pakhtunkhwa"),  # 1176241
    ("Ormara", 25.210, 64.636, "Gwadar", "Balochistan"),  # 1168312
    ("Bannu", 32.986, 70.604, "Bannu", "Khyber Pakhtunkhwa"),  # 1183880
    ("Quetta", 30.184, 67.001, "Quetta", "Balochistan"),  # 1167528
    ("Mastung", 29.800, 66.846, "Mastung", "Balochistan"),  # 1170706
    ("Nushki", 29.552, 66.023, "Nushki", "Balochistan"),  # 1168749
    ("Gwadar", 25.122, 62.325, "Gwadar", "Balochistan"),  # 1177446
    ("Turbat", 26.001, 63.048, "Kech", "Balochistan"),  # 1163054
]


@pytest.fixture
def towns() -> pd.DataFrame:
    return pd.DataFrame(TOWNS, columns=["place", "lat", "lon", "district", "province"])


def test_towns_fall_in_their_districts(towns, adm2):
    out = join_admin(towns, adm2)
    assert list(out["adm2_name"]) == list(towns["district"])
    assert list(out["adm1_name"]) == list(towns["province"])
    assert (out["join_status"] == "inside").all()
    assert out["adm2_id"].str.match(r"^PK\d{3}$").all()


def test_rows_without_points_are_kept_in_order(adm2):
    frame = pd.DataFrame(
        {
            "place": ["Quetta", "nowhere", "bad", "Gwadar"],
            "lat": [30.184, None, 91.0, 25.122],
            "lon": [67.001, None, 67.0, 62.325],
        }
    )
    out = join_admin(frame, adm2)
    assert list(out["place"]) == list(frame["place"])
    assert list(out["join_status"]) == ["inside", "no point", "no point", "inside"]
    assert out["adm2_name"].isna().tolist() == [False, True, True, False]


def test_point_just_offshore_joins_nearest_and_is_flagged(adm2):
    # ~2 km south of Gwadar's coastline in the COD-AB layer
    frame = pd.DataFrame({"lat": [25.09, 24.9], "lon": [62.33, 62.3]})
    out = join_admin(frame, adm2, tolerance_km=5)
    assert out.loc[0, "join_status"] == "nearest"
    assert out.loc[0, "adm2_name"] == "Gwadar"
    assert 0 < out.loc[0, "join_distance_km"] < 5
    # 21 km out to sea: beyond the tolerance, stays outside
    assert out.loc[1, "join_status"] == "outside"
    assert pd.isna(out.loc[1, "adm2_name"])


def test_aggregate_counts_and_known_fatalities(adm2):
    frame = pd.DataFrame(
        {
            "lat": [30.18, 30.19, 29.80, 25.12],
            "lon": [67.00, 67.01, 66.85, 62.33],
            "fatalities": [3, np.nan, np.nan, 0],
        }
    )
    agg = aggregate(join_admin(frame, adm2), adm2)
    assert len(agg) == 160
    by = agg.set_index("adm2_name")
    assert by.loc["Quetta", "incidents"] == 2
    assert by.loc["Quetta", "fatalities"] == 3
    assert by.loc["Quetta", "fatalities_known"] == 1
    assert by.loc["Mastung", "incidents"] == 1
    assert np.isnan(by.loc["Mastung", "fatalities"])  # unknown, not zero
    assert by.loc["Gwadar", "fatalities"] == 0
    assert agg["incidents"].sum() == 4
    assert by.loc["Lahore", "incidents"] == 0
    # the equal-area figure agrees with the geodesic area on the ellipsoid
    geod = Geod(ellps="WGS84")
    quetta = adm2.loc[adm2["adm2_name"] == "Quetta", "geometry"].iloc[0]
    geodesic_km2 = abs(geod.geometry_area_perimeter(quetta)[0]) / 1e6
    assert by.loc["Quetta", "area_km2"] == pytest.approx(geodesic_km2, rel=0.005)


def test_aggregate_keys_on_ids_not_names():
    # two different units that share a name must not be merged
    layer = load_boundaries(
        gpd.GeoDataFrame(
            {"ADM2_EN": ["Same", "Same"], "ADM2_PCODE": ["A1", "A2"]},
            geometry=[box(0, 0, 1, 1), box(1, 0, 2, 1)],
            crs=4326,
        )
    )
    frame = pd.DataFrame({"lat": [0.5, 0.5, 0.5], "lon": [0.5, 0.6, 1.5]})
    agg = aggregate(join_admin(frame, layer), layer)
    assert dict(zip(agg["adm2_id"], agg["incidents"], strict=True)) == {"A1": 2, "A2": 1}


def test_gazetteer_and_join_share_the_nearest_unit_rule():
    """A place 4.5 km outside every unit, far from 30° N, takes the unit in both (true km, not Mercator).

    Web Mercator metres scaled for 30° N would reach only about 4.1 km at 45° N.
    """
    from math import cos, radians

    from geokit.boundaries import NEAREST_UNIT_KM
    from geokit.gazetteer.sources import Record, _assign_admin

    layer = load_boundaries(
        gpd.GeoDataFrame(
            {"ADM1_EN": ["North"], "ADM1_PCODE": ["N1"], "ADM2_EN": ["Hill"], "ADM2_PCODE": ["N101"]},
            geometry=[box(10, 45, 11, 46)],
            crs=4326,
        )
    )
    lat = 45.5
    lon = 11 + 4.5 / (111.32 * cos(radians(lat)))  # 4.5 km east of the unit's eastern edge
    assert NEAREST_UNIT_KM > 4.5
    place = Record("t:1", "Edge", lat, lon, "", None, None, "town", 0, "test", "", None, None)
    (got,) = _assign_admin([place], layer, None)
    assert (got.admin1, got.admin2) == ("North", "Hill")
    assert got.note is not None
    km = float(got.note.split("(")[1].split(" km")[0])
    assert km == pytest.approx(4.5, abs=0.1)
    joined = join_admin(pd.DataFrame({"lat": [lat], "lon": [lon]}), layer)
    assert joined.loc[0, "join_status"] == "nearest" and joined.loc[0, "adm2_id"] == "N101"
    assert joined.loc[0, "join_distance_km"] == pytest.approx(km, abs=0.05)
    far = Record(
        "t:2",
        "Far",
        lat,
        11 + 5.5 / (111.32 * cos(radians(lat))),
        "",
        None,
        None,
        "town",
        0,
        "t",
        "",
        None,
        None,
    )
    (alone,) = _assign_admin([far], layer, None)
    assert alone.admin2 is None
