"""Roads and routes between two places ("Quetta-Mastung highway", "Jamrud to Bara Road").

Rows here are written for these tests (not taken from the UCDP evaluation file). The ends are
resolved on their own, as single names, and the road's answer is checked against them.
"""

from __future__ import annotations

import pytest

from geokit.gazetteer import Gazetteer, haversine_km
from geokit.resolve import resolve
from geokit.resolve.core import ROAD_MIDPOINT_KM
from geokit.resolve.roads import road_ends

PK, KP = "PK", "Khyber Pakhtunkhwa"


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.default()


@pytest.mark.parametrize(
    ("text", "first", "second", "word"),
    [
        ("Quetta-Mastung highway", "quetta", "mastung", "highway"),
        ("the Peshawar\u2013Torkham road", "peshawar", "torkham", "road"),  # en dash, leading "the"
        ("Jamrud to Bara Road", "jamrud", "bara", "road"),
        ("Location of Sibi to Dadhar Road Attack", "sibi", "dadhar", "road"),
        ("Dera Ismail Khan - Bannu road", "dera ismail khan", "bannu", "road"),
    ],
)
def test_road_ends_are_read_from_the_text(text: str, first: str, second: str, word: str) -> None:
    road = road_ends(text)
    assert road is not None
    assert (road.first[0], road.second, road.word) == (first, second, word)


@pytest.mark.parametrize(
    "text",
    [
        "Karakoram Highway",  # one name: no link between two ends
        "Mastung road",
        "road to Mastung",  # the road word must follow the ends
        "Quetta-Kalat highway near Mastung",  # the place written after the road is the answer
        "Quetta",
    ],
)
def test_strings_that_are_not_a_road_between_two_places(text: str) -> None:
    assert road_ends(text) is None


def _point(gaz: Gazetteer, name: str) -> tuple[float, float]:
    r = resolve(name, country=PK, gazetteer=gaz)
    assert r.status == "resolved" and r.precision == 1 and r.lat is not None and r.lon is not None
    return r.lat, r.lon


def test_a_road_between_two_known_towns_is_answered_at_their_midpoint(gaz: Gazetteer) -> None:
    a, b = _point(gaz, "Nowshera"), _point(gaz, "Mardan")
    assert haversine_km(*a, *b) <= ROAD_MIDPOINT_KM  # the rule's premise for this row
    r = resolve("the Nowshera\u2013Mardan road", country=PK, gazetteer=gaz)
    assert (r.status, r.precision) == ("resolved", 2), r.reason
    assert r.lat == pytest.approx((a[0] + b[0]) / 2) and r.lon == pytest.approx((a[1] + b[1]) / 2)
    assert "Nowshera" in r.reason and "Mardan" in r.reason and "midpoint" in r.reason


def test_with_a_district_hint_the_end_inside_it_is_the_answer(gaz: Gazetteer) -> None:
    mardan = _point(gaz, "Mardan")
    r = resolve("Nowshera to Mardan road", country=PK, admin1=KP, admin2="Mardan district", gazetteer=gaz)
    assert (r.status, r.precision) == ("resolved", 2), r.reason
    assert (r.lat, r.lon) == mardan
    assert "inside the admin-2 hint" in r.reason


def test_a_road_with_one_unknown_end_is_placed_at_the_known_one(gaz: Gazetteer) -> None:
    sibi = _point(gaz, "Sibi")
    r = resolve("Sibi-Qqzxwabad highway", country=PK, gazetteer=gaz)
    assert (r.status, r.precision, (r.lat, r.lon)) == ("resolved", 2, sibi), r.reason
    assert "'qqzxwabad' is not in the gazetteer" in r.reason


def test_ends_too_far_apart_for_a_midpoint_go_to_the_hint(gaz: Gazetteer) -> None:
    a, b = _point(gaz, "Karachi"), _point(gaz, "Quetta")
    assert haversine_km(*a, *b) > ROAD_MIDPOINT_KM
    r = resolve("Karachi-Quetta highway", country=PK, admin1="Balochistan", admin2="Khuzdar", gazetteer=gaz)
    assert (r.status, r.precision, r.record_id) == ("resolved", 3, "adm2:PK213"), r.reason
    assert "km apart" in r.reason
    r = resolve("Karachi-Quetta highway", country=PK, gazetteer=gaz)
    assert r.status == "unresolved" and "km apart" in r.reason


def test_ends_outside_the_hinted_province_give_way_to_the_hints(gaz: Gazetteer) -> None:
    # Nowshera and Mardan are in Khyber Pakhtunkhwa; the table says Punjab, Attock
    r = resolve("Nowshera-Mardan road", country=PK, admin1="Punjab", admin2="Attock", gazetteer=gaz)
    assert (r.status, r.precision, r.record_id) == ("resolved", 3, "adm2:PK601"), r.reason
    assert "hinted province" in r.reason
    r = resolve("Mardan to Qqzxwabad road", country=PK, admin1="Punjab", gazetteer=gaz)
    assert (r.precision, r.place.kind if r.place else None) == (3, "adm1"), r.reason
