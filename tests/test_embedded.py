"""Embedded defaults: the compact COD-AB layers and GeoNames tables the package carries,
the full-resolution download, geoBoundaries for any country, and ``--boundaries auto``."""

from __future__ import annotations

import gzip
import hashlib
import json
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import shapely
from localserver import Routes, serve

from geokit import data
from geokit.boundaries import auto_boundaries, load_boundaries
from geokit.errors import BoundaryError, ChecksumError, DataError
from geokit.settings import override

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "gold_places.csv"
EMBEDDED = ROOT / "geokit" / "data" / "embedded"


@pytest.fixture
def offline(tmp_path) -> Iterator[None]:
    """No mirror, an empty data directory, no downloads: what a fresh install has."""
    with override(data_dir=str(tmp_path / "data"), mirror_dir="", allow_download=False):
        yield


# ----------------------------------------------------------------------------- embedded files
def test_embedded_layers_load_with_no_mirror_and_no_network(offline):
    for level, features in ((1, 7), (2, 160), (3, 577)):
        layer = load_boundaries(f"PAK:ADM{level}")
        assert len(layer) == features
        assert layer.attrs["geokit"]["dataset"] == f"cod-ab:PAK:ADM{level}"
        assert "OCHA / WFP" in layer.attrs["geokit"]["attribution"]
        assert layer[f"adm{level}_id"].is_unique


def test_manifest_inputs_are_the_pinned_originals(mirror):
    manifest = json.loads((EMBEDDED / "MANIFEST.json").read_text())
    for entry in manifest["inputs"]:
        ds = data.dataset(entry["dataset"])
        assert entry["sha256"] == ds.sha256
        assert hashlib.sha256((mirror / entry["mirror_path"]).read_bytes()).hexdigest() == entry["sha256"]
    for name, entry in manifest["outputs"].items():
        assert hashlib.sha256((EMBEDDED / name).read_bytes()).hexdigest() == entry["sha256"], name


def test_embedded_geonames_tables_are_the_publisher_files(mirror, offline):
    for key in ("geonames:admin1", "geonames:admin2"):
        ds = data.dataset(key)
        path = data.fetch(key)
        assert path.suffix == ".gz"
        assert gzip.decompress(path.read_bytes()) == (mirror / ds.mirror_path).read_bytes()


def test_a_changed_embedded_file_is_refused(tmp_path, monkeypatch):
    copy = tmp_path / "cod-ab-pak-adm1.parquet"
    raw = bytearray((EMBEDDED / "cod-ab-pak-adm1.parquet").read_bytes())
    raw[len(raw) // 2] ^= 0xFF
    copy.write_bytes(bytes(raw))
    monkeypatch.setattr(data, "_embedded_path", lambda name: tmp_path / name)
    with pytest.raises(ChecksumError, match="embedded"):
        data.fetch("PAK:ADM1")


@pytest.fixture(scope="module")
def full_and_embedded(mirror):
    with override(mirror_dir=str(mirror)):
        return {
            lvl: (load_boundaries(f"PAK:ADM{lvl}"), load_boundaries(f"PAK:ADM{lvl}:full"))
            for lvl in (1, 2, 3)
        }


def test_embedded_layers_keep_units_attributes_and_topology(full_and_embedded):
    for level, (emb, full) in full_and_embedded.items():
        code = f"ADM{level}_PCODE"
        assert sorted(emb[code]) == sorted(full[code])
        assert (
            emb[f"ADM{level}_EN"].to_numpy()
            == full.set_index(code).loc[emb[code], f"ADM{level}_EN"].to_numpy()
        ).all()
        geoms = emb.geometry.values
        assert shapely.is_valid(geoms).all()
        assert shapely.coverage_is_valid(geoms)  # shared edges stayed shared: no overlaps
        # ADM1 is coarse already; the districts and tehsils lose most of their vertices
        share = 1.0 if level == 1 else 0.5
        n_full = shapely.get_num_coordinates(full.geometry.values).sum()
        assert shapely.get_num_coordinates(geoms).sum() < share * n_full


def test_embedded_levels_nest_exactly(full_and_embedded):
    adm2, adm3 = full_and_embedded[2][0], full_and_embedded[3][0]
    districts = adm2.set_index("ADM2_PCODE").geometry
    for code, tehsils in adm3.groupby("ADM2_PCODE"):
        union = shapely.union_all(tehsils.geometry.values)
        assert shapely.symmetric_difference(union, districts[code]).area < 1e-9, code


def test_no_gold_row_changes_district(full_and_embedded):
    emb, full = full_and_embedded[2]
    gold = pd.read_csv(GOLD, comment="#", dtype=str)
    gold = gold[(gold["country_hint"] == "PK") & gold["expected_lat"].notna()]
    assert len(gold) > 100
    pts = shapely.points(gold["expected_lon"].astype(float), gold["expected_lat"].astype(float))

    def district(layer):
        tree = shapely.STRtree(layer.geometry.values)
        pi, gi = tree.query(pts, predicate="within")
        out = np.full(len(pts), "", dtype=object)
        out[pi] = layer["adm2_id"].to_numpy()[gi]
        return out

    differ = gold["id"][district(emb) != district(full)].tolist()
    assert differ == []


def test_random_points_change_district_rarely(full_and_embedded):
    """100,000 of the 1,000,000 points make bench measures; the target is at most 0.1%."""
    emb, full = full_and_embedded[2]
    outline = shapely.union_all(full.geometry.values)
    rng = np.random.default_rng(7)
    minx, miny, maxx, maxy = outline.bounds
    x, y = rng.uniform(minx, maxx, 250_000), rng.uniform(miny, maxy, 250_000)
    inside = shapely.contains_xy(outline, x, y)
    pts = shapely.points(x[inside], y[inside])[:100_000]
    answers = []
    for layer in (emb, full):
        pi, gi = shapely.STRtree(layer.geometry.values).query(pts, predicate="within")
        out = np.full(len(pts), "", dtype=object)
        out[pi] = layer["adm2_id"].to_numpy()[gi]
        answers.append(out)
    assert (answers[0] != answers[1]).mean() <= 0.001


# ----------------------------------------------------------------------------- local HTTP server
_Handler = Routes


@pytest.fixture
def server() -> Iterator[str]:
    with serve() as url:
        yield url


def _gb_layer(names: list[str], iso3: str, level: int) -> bytes:
    """A small geoBoundaries-style GeoJSON: one square per unit, with the real property names."""
    features = [
        {
            "type": "Feature",
            "properties": {
                "shapeName": name,
                "shapeISO": "",
                "shapeID": f"{iso3}-ADM{level}-{i}",
                "shapeGroup": iso3,
                "shapeType": f"ADM{level}",
            },
            "geometry": {
                "type": "Polygon",
                "coordinates": [[[60 + i, 30], [61 + i, 30], [61 + i, 31], [60 + i, 31], [60 + i, 30]]],
            },
        }
        for i, name in enumerate(names)
    ]
    return json.dumps({"type": "FeatureCollection", "features": features}).encode()


def test_full_layer_downloads_from_its_pinned_url(server, tmp_path, monkeypatch):
    body = _gb_layer(["Quetta", "Mastung"], "PAK", 2)
    _Handler.routes["/gbHumanitarian/PAK/ADM2.geojson"] = (200, body)
    real = data.dataset("cod-ab:PAK:ADM2:full")
    fields = {f: getattr(real, f) for f in real.__slots__}
    fields.update(
        url=f"{server}/gbHumanitarian/PAK/ADM2.geojson", download_sha256=hashlib.sha256(body).hexdigest()
    )
    manifest = dict(data._manifest())
    manifest[real.key] = data.Dataset(**fields)
    monkeypatch.setattr(data, "_manifest", lambda: manifest)
    with override(data_dir=str(tmp_path / "data"), mirror_dir="", allow_download=True):
        path = data.fetch("PAK:ADM2:full")
        assert path.name == real.download_filename and path.read_bytes() == body
        layer = load_boundaries("PAK:ADM2:full")
        assert sorted(layer["adm2_name"]) == ["Mastung", "Quetta"]
        path.write_bytes(body.replace(b"Quetta", b"Qvetta"))
        with pytest.raises(ChecksumError):
            data.fetch("PAK:ADM2:full")
        path.unlink()
        _Handler.routes["/gbHumanitarian/PAK/ADM2.geojson"] = (200, body + b" ")
        with pytest.raises(ChecksumError):
            data.fetch("PAK:ADM2:full")
        assert not any((tmp_path / "data").iterdir())


def test_full_layer_pins_a_real_url_and_digest():
    for level in (1, 2, 3):
        ds = data.dataset(f"PAK:ADM{level}:full")
        assert (
            ds.url and ds.url.startswith("https://") and "ea5b27e7aa608eb6827f2cc76620a5b21acc5962" in ds.url
        )
        assert ds.download_sha256 and len(ds.download_sha256) == 64


def test_geoboundaries_api_any_country(server, tmp_path):
    body = _gb_layer(["Kandahar", "Helmand"], "AFG", 1)
    meta = {
        "boundaryID": "AFG-ADM1-test",
        "boundaryISO": "AFG",
        "boundaryType": "ADM1",
        "boundaryLicense": "Creative Commons Attribution 4.0",
        "boundarySource": "test source",
        "gjDownloadURL": f"{server}/data/geoBoundaries-AFG-ADM1.geojson",
    }
    _Handler.routes["/api/current/gbOpen/AFG/ADM1/"] = (200, json.dumps(meta).encode())
    _Handler.routes["/data/geoBoundaries-AFG-ADM1.geojson"] = (200, body)
    settings = {
        "data_dir": str(tmp_path / "data"),
        "mirror_dir": "",
        "allow_download": True,
        "geoboundaries_api": f"{server}/api/current",
    }
    with override(**settings):
        assert data.status("geoboundaries:AFG:ADM1") == "would download"
        layer = load_boundaries("geoboundaries:AFG:ADM1")
        assert sorted(layer["adm1_name"]) == ["Helmand", "Kandahar"]
        assert data.status("geoboundaries:AFG:ADM1") == "cached"
        path = data.fetch("geoboundaries:AFG:ADM1")
        recorded = json.loads(path.with_name(path.name + ".meta.json").read_text())
        assert recorded["boundaryLicense"] == "Creative Commons Attribution 4.0"
        assert recorded["sha256"] == hashlib.sha256(body).hexdigest()
        _Handler.routes.clear()  # later reads come from the cache
        assert data.fetch("geoboundaries:AFG:ADM1") == path
        path.write_bytes(body.replace(b"Kandahar", b"Kandahor"))
        with pytest.raises(ChecksumError, match="first fetch"):
            data.fetch("geoboundaries:AFG:ADM1")
        with pytest.raises(DataError):  # the API has no such layer: 404
            data.fetch("geoboundaries:IRN:ADM2")
    with override(**{**settings, "allow_download": False}), pytest.raises(DataError, match="disabled"):
        data.fetch("geoboundaries:IRN:ADM1")


def test_geoboundaries_api_answer_without_download_url_is_an_error(server, tmp_path):
    _Handler.routes["/api/current/gbOpen/AFG/ADM2/"] = (200, b'{"boundaryID": "x"}')
    with (
        override(
            data_dir=str(tmp_path),
            mirror_dir="",
            allow_download=True,
            geoboundaries_api=f"{server}/api/current",
        ),
        pytest.raises(DataError, match="gjDownloadURL"),
    ):
        data.fetch("geoboundaries:AFG:ADM2")


# ----------------------------------------------------------------------------- auto
def test_auto_picks_the_incidents_country():
    assert auto_boundaries(["PK", "PK", "AF"]) == "PAK:ADM2"
    assert auto_boundaries(["AF", None, "Afghanistan", "PK"]) == "geoboundaries:AFG:ADM2"
    assert auto_boundaries(["IRN"]) == "geoboundaries:IRN:ADM2"
    with pytest.raises(BoundaryError, match="country"):
        auto_boundaries([None, ""])


def test_pipeline_auto_uses_the_embedded_layer_for_pakistan(offline):
    from test_example import EXAMPLE, EXPECTED_DISTRICT

    from geokit.ingest import read_incidents
    from geokit.pipeline import run_pipeline

    result = run_pipeline(read_incidents(EXAMPLE), boundaries="auto")
    assert result.boundaries.attrs["geokit"]["dataset"] == "cod-ab:PAK:ADM2"
    assert dict(zip(result.incidents["id"], result.incidents["adm2_name"], strict=True)) == EXPECTED_DISTRICT


# ----------------------------------------------------------------------------- data list
def test_data_list_says_where_each_dataset_comes_from(offline, capsys):
    from geokit.cli import main

    assert main(["data", "list", "--json"]) == 0
    rows = {r["name"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows["cod-ab:PAK:ADM2"]["status"] == "embedded"
    assert rows["geonames:admin1"]["status"] == "embedded"
    assert rows["cod-ab:PAK:ADM2:full"]["status"] == "download disabled"
    assert rows["geonames:PK"]["status"] == "download disabled"
    assert rows["gazetteer:geonames-cities500"]["status"].startswith("installed")
    assert all(r["licence"] and r["attribution"] for r in rows.values())
