"""The installed package works anywhere: no repository, no mirror, no network.

Builds the wheel from the repository's files (tracked, or new and not ignored), installs
it into a fresh virtualenv in a temporary folder and runs ``geokit map`` and ``geokit geocode`` on the example from an
empty folder, with ``GEOKIT_DATA_MIRROR`` unset, empty data and cache directories and
``GEOKIT_ALLOW_DOWNLOAD=0``.

The wheel is built and installed as ``tests/wheelkit.py`` says (offline, with the
development environment's dependencies). The test checks that ``geokit`` is imported from the
wheel, not from the checkout.
"""

from __future__ import annotations

import json
import os
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from test_example import EXAMPLE, EXPECTED_DISTRICT
from wheelkit import build_wheel, venv_with
from wheelkit import run as _run

MAX_WHEEL_BYTES = 15 * 1024 * 1024

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    return build_wheel(tmp_path_factory.mktemp("build"))


@pytest.fixture(scope="module")
def venv(wheel, tmp_path_factory) -> Path:
    return venv_with(wheel, tmp_path_factory.mktemp("venv"))


@pytest.fixture(scope="module")
def offline_env(tmp_path_factory) -> dict[str, str]:
    base = tmp_path_factory.mktemp("user")
    env = {k: v for k, v in os.environ.items() if not k.startswith("GEOKIT_")}
    env.update(
        HOME=str(base / "home"),
        GEOKIT_CACHE_DIR=str(base / "cache"),
        GEOKIT_DATA_DIR=str(base / "data"),
        GEOKIT_ALLOW_DOWNLOAD="0",
    )
    return env


def test_wheel_is_small_and_carries_the_embedded_data(wheel):
    assert wheel.stat().st_size <= MAX_WHEEL_BYTES
    # a plain build is pure Python (setup.py compiles only with GEOKIT_COMPILE=1): any platform
    assert wheel.name.endswith("-py3-none-any.whl"), wheel.name
    names = set(zipfile.ZipFile(wheel).namelist())
    manifest = json.loads(zipfile.ZipFile(wheel).read("geokit/data/embedded/MANIFEST.json"))
    for output in manifest["outputs"]:
        assert f"geokit/data/embedded/{output}" in names


def test_installed_geokit_comes_from_the_wheel(venv, offline_env, tmp_path):
    done = _run(
        [str(venv / "bin" / "python"), "-c", "import geokit; print(geokit.__file__)"],
        env=offline_env,
        cwd=tmp_path,
    )
    assert Path(done.stdout.strip()).is_relative_to(venv)


def test_map_and_geocode_work_offline_from_an_empty_folder(venv, offline_env, tmp_path):
    geokit = str(venv / "bin" / "geokit")
    work = tmp_path / "work"
    work.mkdir()
    _run(
        [geokit, "map", str(EXAMPLE), "-o", "map.html", "--geojson", "incidents.geojson"],
        env=offline_env,
        cwd=work,
    )
    features = json.loads((work / "incidents.geojson").read_text())["features"]
    placed = {f["properties"]["id"]: f["properties"].get("adm2_name") for f in features}
    assert placed == EXPECTED_DISTRICT
    html = (work / "map.html").read_text()
    assert "OCHA / WFP" in html and "CC BY 3.0 IGO" in html

    _run(
        [
            geokit,
            "geocode",
            str(EXAMPLE),
            "--column",
            "place",
            "--country",
            "PK",
            "--boundaries",
            "PAK:ADM2",
            "-o",
            "resolved.csv",
        ],
        env=offline_env,
        cwd=work,
    )
    resolved = pd.read_csv(work / "resolved.csv", comment=None)
    assert dict(zip(resolved["id"], resolved["adm2_name"], strict=True)) == EXPECTED_DISTRICT
    explained = _run([geokit, "explain", "Noshki", "--country", "PK"], env=offline_env, cwd=work)
    assert "Nushki" in explained.stdout

    (work / "points.csv").write_text("id,lat,lon\nquetta,30.18414,67.00141\nturbat,26.00122,63.04849\n")
    _run([geokit, "join", "points.csv", "-o", "joined.csv"], env=offline_env, cwd=work)
    joined = pd.read_csv(work / "joined.csv")
    assert dict(zip(joined["id"], joined["adm2_name"], strict=True)) == {"quetta": "Quetta", "turbat": "Kech"}
    for name in ("points.csv", "joined.csv"):
        (work / name).unlink()

    written = sorted(p.name for p in work.iterdir())
    assert written == ["incidents-districts.geojson", "incidents.geojson", "map.html", "resolved.csv"]
    assert not Path(offline_env["GEOKIT_DATA_DIR"]).exists() or not any(
        Path(offline_env["GEOKIT_DATA_DIR"]).iterdir()
    )
