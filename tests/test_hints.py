"""Admin hints as real tables write them: former, split, renamed, misspelt and unknown units.

Rows here are written for these tests (not taken from the UCDP evaluation file); each checks
one class of hint against the real COD-AB districts and gazetteer.
"""

from __future__ import annotations

import csv
from importlib import resources
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest

from geokit.gazetteer import Gazetteer, Place, haversine_km
from geokit.join import aggregate, join_admin
from geokit.normalize import key
from geokit.resolve import explain, resolve, resolve_frame
from geokit.resolve.hints import admin_history, geonames_aliases, match_hint

PK = "PK"


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.default()


def _district(adm2: gpd.GeoDataFrame, lat: float | None, lon: float | None) -> str:
    assert lat is not None and lon is not None
    pt = gpd.GeoDataFrame(geometry=gpd.points_from_xy([lon], [lat]), crs=4326)
    hit = gpd.sjoin(pt, adm2[["adm2_name", "geometry"]], predicate="within")
    return str(hit["adm2_name"].iloc[0]) if len(hit) else ""


# -- the crosswalk file ------------------------------------------------------------------------


def _crosswalk_rows() -> list[dict[str, str]]:
    text = resources.files("geokit").joinpath("data/admin_history.csv").read_text("utf-8")
    return list(csv.DictReader(line for line in text.splitlines() if line and not line.startswith("#")))


def test_every_crosswalk_row_cites_a_source_and_names_real_cod_ab_units(adm2: gpd.GeoDataFrame) -> None:
    pcodes = dict(zip(adm2["adm2_id"], adm2["adm2_name"], strict=True))
    provinces = dict(zip(adm2["adm2_id"], adm2["adm1_name"], strict=True))
    rows = _crosswalk_rows()
    assert len(rows) >= 40
    for r in rows:
        assert r["source_title"].strip() and r["source_url"].startswith("http"), r["former"]
        assert r["change"] in {"split", "became", "renamed", "spelling"}, r["former"]
        codes = r["successors"].split("|")
        names = r["successor_names"].split("|")
        assert all(c in pcodes for c in codes), r["former"]
        assert [pcodes[c] for c in codes] == names, r["former"]  # the names are readable, not decorative
        assert {provinces[c] for c in codes} == {r["admin1"]}, r["former"]
        if r["change"] == "split":
            assert len(codes) >= 2, r["former"]


def test_crosswalk_covers_karachi_fata_frontier_regions_and_kohistan() -> None:
    hist = admin_history()
    assert len(hist["karachi"].successors) == 6
    agencies = ["bajaur", "mohmand", "khyber", "orakzai", "kurram", "north waziristan", "south waziristan"]
    for a in agencies:
        assert hist[f"{a} agency"].change == "became"
    for fr in ["peshawar", "kohat", "bannu", "lakki marwat", "tank", "dera ismail khan"]:
        assert hist[f"frontier region {fr}"].change == "became"
    assert {"PK515", "PK516", "PK517"} == set(hist["kohistan"].successors)


# -- matching a hint -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("hint", "how", "units"),
    [
        ("Mastung district", "exact", {"Mastung"}),
        ("Qila Saifullah", "exact", {"Killa Saifullah"}),  # a spelling variant of the same name
        ("Orakzai Agency", "exact", {"Orakzai"}),  # the agency word is parsed off
        ("Nawabshah", "alias", {"Shaheed Benazir Abad"}),  # renamed 2008
        ("Leiah", "exact", {"Leiah"}),
        ("Layyah district", "alias", {"Leiah"}),
        ("Karachi East", "successor", {"East Karachi", "Korangi Karachi"}),
        ("Frontier Region Kohat", "successor", {"Kohat"}),
        ("F.R. Lakki Marwat", "successor", {"Lakki Marwat"}),
        ("Tank FR", "successor", {"Tank"}),
        ("FR D.I. Khan / Darazinda", "successor", {"D. I. Khan"}),
        ("Chitral", "successor", {"Chitral Lower", "Chitral Upper"}),
        ("Hunza-Nagar", "successor", {"Hunza", "Nagar"}),
        ("Mastnug", "fuzzy", {"Mastung"}),
        ("Bahawalnagr", "fuzzy", {"Bahawalnagar"}),
        ("Nowhereabad", "unknown", set()),
    ],
)
def test_hint_matching(gaz: Gazetteer, hint: str, how: str, units: set[str]) -> None:
    m = match_hint(gaz, hint, 2, country=PK)
    assert m is not None
    assert m.how == how
    assert {u.name for u in m.units} == units


@pytest.mark.parametrize(
    ("hint", "units"),
    [
        ("Shekhupura District", {"Sheikhupura"}),  # GeoNames' spellings (admin2Codes.txt)
        ("Bhimbar", {"Bhimber"}),
        ("Hatian", {"Jhelum Valley"}),  # Hattian Bala, renamed Jhelum Valley
        ("Qamber Shahdadkot District", {"Kambar Shahdad Kot"}),
        ("Malakand Protected Area", {"Malakand"}),
    ],
)
def test_geonames_admin_names_are_aliases_citing_geonames(gaz: Gazetteer, hint: str, units: set[str]) -> None:
    m = match_hint(gaz, hint, 2, country=PK)  # no province: the GeoNames name alone decides
    assert m is not None and m.how == "alias", m
    assert {u.name for u in m.units} == units
    assert "GeoNames admin-2" in m.describe()


@pytest.mark.parametrize(
    ("hint", "unit"),
    [("Tribal Area Adjoining Kohat District", "Kohat"), ("Bannu Tribal Area", "Bannu")],
)
def test_frontier_regions_under_their_constitutional_names(gaz: Gazetteer, hint: str, unit: str) -> None:
    m = match_hint(gaz, hint, 2, country=PK)
    assert m is not None and m.how == "successor" and [u.name for u in m.units] == [unit]


def test_geonames_admin2_names_map_to_the_units_holding_geonames_own_cities(
    gaz: Gazetteer, adm2: gpd.GeoDataFrame, mirror: Path
) -> None:
    # independent of the names: GeoNames codes each city with its admin-2 unit, and the COD-AB
    # districts holding its cities must be the units its name is mapped to (GeoNames' codes and
    # COD-AB's lines differ near borders: a unit's single city may lie across one)
    names = {e.code: e for v in geonames_aliases(gaz, PK, 2).values() for e in v}
    assert len(names) >= 150  # of GeoNames' 156 Pakistani admin-2 rows
    rows = [
        line.rstrip("\n").split("\t")
        for line in (mirror / "geonames" / "cities15000_PK.txt").read_text("utf-8").splitlines()
    ]
    pts = gpd.GeoDataFrame(
        {"code": [f"PK.{r[10]}.{r[11]}" for r in rows]},
        geometry=gpd.points_from_xy([float(r[5]) for r in rows], [float(r[4]) for r in rows]),
        crs=4326,
    )
    hit = gpd.sjoin(pts, adm2[["adm2_name", "geometry"]], predicate="within")
    inside = total = 0
    for code, group in hit.groupby("code"):
        if code not in names:
            continue
        m = match_hint(gaz, names[code].name, 2, country=PK)
        assert m is not None and m.accepted is not None
        agree = sum(_skel(d) in m.accepted for d in group["adm2_name"])
        assert len(group) < 3 or agree * 2 > len(group), (code, names[code].name, list(group["adm2_name"]))
        inside, total = inside + agree, total + len(group)
    assert total >= 300 and inside / total >= 0.95, (inside, total)


def test_an_empty_or_missing_hint_is_no_hint(gaz: Gazetteer) -> None:
    for hint in (None, "", "  ", "<NA>", "nan"):
        assert match_hint(gaz, hint, 2, country=PK) is None


def test_a_current_unit_that_lost_territory_also_accepts_its_offshoots(gaz: Gazetteer) -> None:
    m = match_hint(gaz, "Bagh district", 2, country=PK)
    assert m is not None and m.how == "exact" and [u.name for u in m.units] == ["Bagh"]
    assert m.accepted is not None and "haveli" in m.accepted  # Haveli was Bagh's tehsil until 2009


def test_the_province_decides_between_two_districts_a_typo_away(gaz: Gazetteer) -> None:
    # "Hairpur" is one letter from Haripur (Khyber Pakhtunkhwa) and from Khairpur (Sindh)
    m = match_hint(gaz, "Hairpur", 2, country=PK, admin1=frozenset({_skel("Khyber Pakhtunkhwa")}))
    assert m is not None and m.how == "fuzzy" and [u.name for u in m.units] == ["Haripur"]
    m = match_hint(gaz, "Hairpur", 2, country=PK, admin1=frozenset({_skel("Sindh")}))
    assert m is not None and m.how == "fuzzy" and [u.name for u in m.units] == ["Khairpur"]


def test_a_typo_below_the_threshold_is_unknown(gaz: Gazetteer) -> None:
    m = match_hint(gaz, "Mxzqbad", 2, country=PK)
    assert m is not None and m.how == "unknown" and not m.units


def _skel(name: str) -> str:
    from geokit.normalize import skeleton

    return skeleton(key(name))


# -- hints in resolution ---------------------------------------------------------------------


def test_a_town_in_a_split_district_is_placed_by_name_not_at_the_province(
    gaz: Gazetteer, adm2: gpd.GeoDataFrame
) -> None:
    # Pattan is a tehsil of Kohistan Lower; the table still says "Kohistan district"
    r = resolve("Pattan", country=PK, admin1="NWFP", admin2="Kohistan district", gazetteer=gaz)
    assert r.status == "resolved" and r.precision in (1, 3)
    assert _district(adm2, r.lat, r.lon) == "Kohistan Lower"
    assert "former Kohistan" in r.reason


def test_a_place_under_a_frontier_region_hint_is_found_in_the_district_it_became(
    gaz: Gazetteer, adm2: gpd.GeoDataFrame
) -> None:
    r = resolve("Darra Adam Khel", country=PK, admin1="FATA", admin2="FR Kohat", gazetteer=gaz)
    assert r.status == "resolved" and "outside the admin-2 hint" not in r.reason
    assert _district(adm2, r.lat, r.lon) == "Kohat"


def test_a_renamed_district_hint_keeps_the_town(gaz: Gazetteer, adm2: gpd.GeoDataFrame) -> None:
    r = resolve("Sakrand town", country=PK, admin1="Sindh", admin2="Nawabshah district", gazetteer=gaz)
    assert r.precision == 1
    assert _district(adm2, r.lat, r.lon) == "Shaheed Benazir Abad"


def test_an_unknown_hint_is_reported_and_never_excludes(gaz: Gazetteer) -> None:
    r = resolve("Wana", country=PK, admin2="Nowhereabad agency", gazetteer=gaz)
    assert r.status == "resolved" and r.precision == 1
    assert r.place is not None and r.place.admin2 == "South Waziristan"
    assert "matches no unit by any name; ignored" in r.reason


def test_a_misspelt_hint_is_matched_and_reported(gaz: Gazetteer) -> None:
    r = resolve("Kulachi", country=PK, admin2="Dera Ismial Khan", gazetteer=gaz)
    assert r.place is not None and r.place.admin2 == "D. I. Khan"
    assert "fuzzy" in r.reason


def test_unknown_place_falls_back_to_the_most_specific_hinted_unit(gaz: Gazetteer) -> None:
    # a made-up hamlet; the district is written by its former name (Bolan is now Kachhi)
    r = resolve("Killi Zarghunabad", country=PK, admin1="Balochistan", admin2="Bolan", gazetteer=gaz)
    assert r.status == "resolved" and r.precision == 3
    assert r.place is not None and r.place.kind == "adm2" and r.place.name == "Kachhi"
    assert r.admin_level == 2


def test_unknown_place_under_a_split_district_goes_to_the_headquarters_successor(
    gaz: Gazetteer,
) -> None:
    r = resolve("Mohalla Qadirabad", country=PK, admin1="Sindh", admin2="Karachi district", gazetteer=gaz)
    assert r.precision == 3 and r.place is not None
    assert r.place.name == "South Karachi"  # the old district's seat, never Sindh's centroid
    assert "Korangi Karachi" in r.reason  # the other successors are named


def test_unknown_place_with_only_a_province_hint_stays_at_province_level(gaz: Gazetteer) -> None:
    r = resolve("Killi Zarghunabad", country=PK, admin1="Balochistan", gazetteer=gaz)
    assert r.precision == 3 and r.admin_level == 1


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("Lashkar camp", "organisation"),  # an armed group's word (non_places.tsv)
        ("Sardar Nawab house", "person"),  # titles only
        ("unknown location", "placeholder"),
        ("N/A", "placeholder"),
    ],
)
def test_a_refused_name_with_hints_goes_to_the_hinted_district_unlooked_up(
    gaz: Gazetteer, text: str, why: str
) -> None:
    r = resolve(text, country=PK, admin1="FATA", admin2="Orakzai Agency", gazetteer=gaz)
    assert (r.status, r.precision) == ("resolved", 3), r.reason
    assert r.place is not None and r.place.name == "Orakzai" and r.admin_level == 2
    assert why in r.reason and "the name itself was not used" in r.reason
    bare = resolve(text, country=PK, gazetteer=gaz)  # no hints: nothing to place it at
    assert bare.status == "unresolved" and why in bare.reason


def test_a_refused_name_under_a_split_district_goes_to_the_headquarters_successor(gaz: Gazetteer) -> None:
    r = resolve("Lashkar camp", country=PK, admin1="Sindh", admin2="Karachi district", gazetteer=gaz)
    assert r.precision == 3 and r.place is not None and r.place.name == "South Karachi", r.reason


# -- a place just across the hinted district's border (hand-built gazetteer) ------------------


@pytest.fixture(scope="module")
def border_gaz(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    def unit(name: str, code: str, lat: float, lon: float) -> Place:
        return Place(f"adm2:{code}", name, lat, lon, "ZZ", "Alpha", name, "adm2", 0, "test", (), code)

    places = [
        Place("adm1:ZZ1", "Alpha", 30.0, 70.5, "ZZ", "Alpha", None, "adm1", 0, "test", (), "ZZ1"),
        unit("Northdistrict", "ZZ101", 30.0, 70.0),
        unit("Southdistrict", "ZZ102", 29.6, 70.0),
        unit("Eastdistrict", "ZZ103", 30.0, 72.0),
        # 17 km south of Northdistrict's centre, but the gazetteer puts it in Southdistrict
        Place("t:1", "Borderville", 29.85, 70.0, "ZZ", "Alpha", "Southdistrict", "town", 5000, "test"),
        # 190 km east: the same kind of mistake would be a wrong answer here
        Place("t:2", "Farville", 30.0, 71.98, "ZZ", "Alpha", "Eastdistrict", "town", 5000, "test"),
    ]
    return Gazetteer.build(Path(tmp_path_factory.mktemp("gaz")) / "g.sqlite", places)


def test_a_place_just_across_the_hinted_border_is_taken_with_a_note(border_gaz: Gazetteer) -> None:
    r = resolve("Borderville", admin2="Northdistrict", gazetteer=border_gaz)
    assert r.record_id == "t:1" and r.precision == 1
    assert "just outside the admin-2 hint" in r.reason


def test_a_namesake_far_from_the_hinted_district_is_not_taken(border_gaz: Gazetteer) -> None:
    r = resolve("Farville", admin2="Northdistrict", gazetteer=border_gaz)
    assert r.record_id != "t:2"
    assert r.precision == 3 and r.place is not None and r.place.name == "Northdistrict"


# -- province-level answers have no district anywhere ------------------------------------------


def test_province_only_rows_carry_no_district_in_the_table_join_and_counts(
    gaz: Gazetteer, adm2: gpd.GeoDataFrame
) -> None:
    df = pd.DataFrame(
        {
            "place": ["Baluchistan province", "Sindh", "Nushki", "Killi Zarghunabad"],
            "prov": ["Balochistan", "Sindh", "Balochistan", "Balochistan"],
            "dist": [pd.NA, pd.NA, "Nushki district", pd.NA],
        }
    )
    out = resolve_frame(df, "place", country=PK, admin1_column="prov", admin2_column="dist", gazetteer=gaz)
    assert out["admin_level"].tolist() == [1, 1, pd.NA, 1]
    assert not out["reason"].str.contains("<NA>").any()  # a missing hint cell is no hint
    joined = join_admin(out, adm2)
    assert joined["adm2_name"].isna().tolist() == [True, True, False, True]
    assert joined["adm1_name"].tolist() == ["Balochistan", "Sindh", "Balochistan", "Balochistan"]
    per_district = aggregate(joined, adm2)
    assert per_district["incidents"].sum() == 1  # only Nushki is in a district
    assert per_district.attrs["coarser"] == {"Balochistan": 2, "Sindh": 1}
    per_province = aggregate(joined, adm2, level=1).set_index("adm1_name")["incidents"]
    assert per_province["Balochistan"] == 3 and per_province["Sindh"] == 1


def test_province_only_rows_have_no_district_in_exports(gaz: Gazetteer, tmp_path: Path) -> None:
    import json

    from geokit.export import write_geojson
    from geokit.pipeline import run_pipeline

    table = pd.DataFrame({"place": ["Punjab province", "Lahore"], "admin1_hint": ["Punjab", "Punjab"]})
    result = run_pipeline(table, gazetteer=gaz)
    path = tmp_path / "out.geojson"
    write_geojson(result.incidents, path)
    props = [f["properties"] for f in json.loads(path.read_text("utf-8"))["features"]]
    by_place = {p["place"]: p for p in props}
    assert by_place["Punjab province"].get("adm2_name") is None
    assert by_place["Punjab province"]["adm1_name"] == "Punjab"
    assert by_place["Lahore"]["adm2_name"] == "Lahore"
    assert result.aggregates["incidents"].sum() == 1

    from geokit.render import incident_map

    html = incident_map(result.incidents, result.aggregates).get_root().render()
    assert (
        "1 incident(s) known only to province level, counted per province and in no district: Punjab 1"
        in html
    )


# -- explain -----------------------------------------------------------------------------------


def test_explain_shows_how_each_hint_matched(gaz: Gazetteer) -> None:
    e = explain("Jamrud", country=PK, admin1="F.A.T.A.", admin2="Khyber Agncy", gazetteer=gaz)
    hows = {m["level"]: m["how"] for m in e.to_dict()["hint_matches"]}
    assert hows[2] in ("exact", "fuzzy")
    text = str(e)
    assert "admin2: 'Khyber Agncy' ->" in text
    e2 = explain("Jandola", country=PK, admin2="FR Tank", gazetteer=gaz)
    assert e2.to_dict()["hint_matches"][0]["how"] == "successor"
    assert "successor: Tank (PK533)" in str(e2)
    e3 = explain("Quetta", country=PK, admin2="Qwertyistan", gazetteer=gaz)
    assert e3.to_dict()["hint_matches"][0]["how"] == "unknown"
    assert "unknown" in str(e3)


def test_reason_names_former_units_by_key_forms(gaz: Gazetteer) -> None:
    # every also-known-as name of a crosswalk row reaches the same successors
    for r in _crosswalk_rows():
        for name in [r["former"], *filter(None, r["also_known_as"].split("|"))]:
            m = match_hint(gaz, name, 2, country=PK)
            assert m is not None and m.units, name
            assert {u.admin_id for u in m.units} & set(r["successors"].split("|")), (name, key(name))


def test_distance_rule_uses_the_median_district_radius(adm2: gpd.GeoDataFrame) -> None:
    import numpy as np

    from geokit.resolve.core import NEAR_HINT_KM

    radius = np.sqrt(adm2.to_crs(6933).area / np.pi) / 1000
    assert abs(float(np.median(radius)) - NEAR_HINT_KM) < 5
    assert haversine_km(30.0, 70.0, 29.85, 70.0) < NEAR_HINT_KM  # the border fixture is inside it


def test_cli_explain_prints_each_hint_match(capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from geokit.cli import main

    code = main(
        ["explain", "Jandola", "--country", "PK", "--admin1", "FATA", "--admin2", "FR Tank", "--json"]
    )
    assert code == 0
    got = json.loads(capsys.readouterr().out)
    assert [(m["level"], m["how"]) for m in got["hint_matches"]] == [(1, "alias"), (2, "successor")]
    assert got["hint_matches"][1]["units"] == [{"name": "Tank", "pcode": "PK533"}]
    assert got["hint_matches"][1]["former"]["url"].startswith("https://")


@pytest.mark.parametrize(
    ("name", "unit"),
    [
        ("Bolan", "Kachhi"),
        ("Bajaur Agency", "Bajaur"),
        ("FR Tank", "Tank"),
        ("District South", "South Karachi"),
    ],
)
def test_a_former_unit_s_name_resolves_to_its_seat(name: str, unit: str) -> None:
    r = resolve(name, country="PK")
    assert (r.status, r.match_name, r.precision) == ("resolved", unit, 3), r.reason


def test_a_former_name_that_is_a_town_stays_the_town() -> None:
    # Turbat district is Kech now, but Turbat is first a town (and Nawabshah a city)
    for name in ("Turbat", "Nawabshah"):
        assert resolve(name, country="PK").precision == 1


def test_district_provinces_reads_geonames_districts_of_afghanistan_and_iran() -> None:
    from geokit.resolve.hints import district_provinces

    afghan = district_provinces("AF")
    assert (afghan["andarab"], afghan["hisarak"], afghan["nahr e saraj"]) == (
        "Baghlan",
        "Nangarhar",
        "Helmand",
    )
    # "Shahrestan-e Zanjan" is Zanjan county; the Persian word for county is dropped
    assert district_provinces("IR")["zanjan"] == "Zanjan"
