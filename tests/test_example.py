"""The walking skeleton, end to end on the Balochistan example and the real COD-AB layer."""

from __future__ import annotations

import json
from pathlib import Path

import geopandas as gpd
import pytest
from geojson_rules import rfc7946_problems

from geokit.cli import main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "balochistan-2026-01-31.csv"

# Where each example incident happened, from the reports cited in the example file.
EXPECTED_DISTRICT = {
    "bal-20260131-01": "Quetta",  # Faysal Bank building, Hazar Ganji
    "bal-20260131-02": "Quetta",  # police station, Sariab
    "bal-20260131-03": "Quetta",  # police station, Eastern Bypass
    "bal-20260131-04": "Mastung",  # police station
    "bal-20260131-05": "Mastung",  # jail
    "bal-20260131-06": "Nushki",  # CTD office
    "bal-20260131-07": "Gwadar",
}


@pytest.fixture(scope="module")
def result(adm2):
    from geokit.ingest import read_incidents
    from geokit.pipeline import run_pipeline

    return run_pipeline(read_incidents(EXAMPLE), boundaries=adm2)


def test_every_incident_in_its_district(result):
    inc = result.incidents.set_index("id")
    assert set(inc.index) == set(EXPECTED_DISTRICT)
    for incident_id, district in EXPECTED_DISTRICT.items():
        assert inc.loc[incident_id, "status"] == "resolved", inc.loc[incident_id, "reason"]
        assert inc.loc[incident_id, "adm2_name"] == district, incident_id
        assert inc.loc[incident_id, "adm1_name"] == "Balochistan"
        assert inc.loc[incident_id, "precision"] in (1, 2)


def test_choropleth_counts_match(result):
    counts = result.aggregates.set_index("adm2_name")["incidents"]
    assert counts["Quetta"] == 3
    assert counts["Mastung"] == 2
    assert counts["Nushki"] == 1
    assert counts["Gwadar"] == 1
    assert counts.sum() == 7
    assert (counts > 0).sum() == 4


def test_cli_writes_map_and_rfc7946_geojson(tmp_path, capsys):
    html, gj = tmp_path / "map.html", tmp_path / "incidents.geojson"
    code = main(["map", str(EXAMPLE), "-o", str(html), "--geojson", str(gj), "--boundaries", "PAK:ADM2"])
    assert code == 0
    err = capsys.readouterr().err
    assert "7 rows: 7 resolved, 0 unresolved" in err
    text = gj.read_text()
    assert rfc7946_problems(text) == []
    assert "crs" not in json.loads(text)
    back = gpd.read_file(gj)
    assert len(back) == 7
    assert sorted(back["adm2_name"]) == sorted(EXPECTED_DISTRICT.values())
    districts = gpd.read_file(tmp_path / "incidents-districts.geojson")
    assert len(districts) == 160
    assert districts["incidents"].sum() == 7
    page = html.read_text()
    assert "geokit-legend" in page and "L.control.layers" in page


def test_script_in_description_is_not_in_the_html(tmp_path):
    src = EXAMPLE.read_text().replace(
        "Militants attacked the Faysal Bank building", "<script>alert('x')</script> attacked the building"
    )
    bad = tmp_path / "xss.csv"
    bad.write_text(src)
    out = tmp_path / "m.html"
    assert main(["map", str(bad), "-o", str(out)]) == 0
    page = out.read_text()
    assert "<script>alert('x')</script>" not in page
    assert "\\u003cscript\\u003ealert('x')\\u003c/script\\u003e" in page  # kept as data, inert


def test_unresolved_row_is_kept_and_reported(tmp_path, capsys):
    src = (
        EXAMPLE.read_text().rstrip("\n") + "\nbal-x,2026-01-31,Zorvakhistan,,PK,Attack,made-up place,,test,\n"
    )
    path = tmp_path / "plus.csv"
    path.write_text(src)
    out, gj = tmp_path / "m.html", tmp_path / "m.geojson"
    assert main(["map", str(path), "-o", str(out), "--geojson", str(gj)]) == 0
    err = capsys.readouterr().err
    assert "8 rows: 7 resolved, 1 unresolved" in err
    assert "Zorvakhistan" in err
    features = json.loads(gj.read_text())["features"]
    assert len(features) == 8
    last = features[-1]
    assert last["geometry"] is None
    assert last["properties"]["status"] == "unresolved" and last["properties"]["reason"]
    assert main(["map", str(path), "-o", str(out), "--overwrite", "--strict", "-q"]) == 1


def test_map_from_an_article_runs_the_whole_chain(tmp_path, capsys):
    article = ROOT / "tests" / "data" / "articles" / "01-balochistan-coordinated-attacks.txt"
    html, gj = tmp_path / "a.html", tmp_path / "a.geojson"
    assert main(["map", str(article), "-o", str(html), "--geojson", str(gj)]) == 0
    got = gpd.read_file(gj)
    assert set(got["adm2_name"]) == {"Quetta", "Mastung", "Nushki", "Gwadar"}
    assert not set(got["adm2_name"]) & {"Islamabad", "Rawalpindi"}
    assert (got["status"] == "resolved").all()


def test_map_from_an_article_without_places_is_a_clear_error(tmp_path, capsys):
    article = tmp_path / "empty.txt"
    article.write_text("Date: 2026-01-31\n\nThe committee met and issued a statement on the budget.\n")
    assert main(["map", str(article), "-o", str(tmp_path / "a.html")]) == 2
    assert "no incident places found" in capsys.readouterr().err
    assert not (tmp_path / "a.html").exists()
