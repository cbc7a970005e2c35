"""CLI behaviour on bad input: one clear line, exit code 2, nothing half-written."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from geokit.cli import main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "balochistan-2026-01-31.csv"


def _run(args, capsys):
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize("command", ["map", "geocode", "explain", "data", "export", "join"])
def test_help_shows_an_example(command, capsys):
    with pytest.raises(SystemExit) as info:
        main([command, "--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    assert "example:" in out and "geokit " + command in out


def test_missing_column(tmp_path, capsys):
    path = tmp_path / "t.csv"
    path.write_text("id,spot\n1,Quetta\n")
    code, _, err = _run(["map", str(path), "-o", str(tmp_path / "m.html")], capsys)
    assert code == 2
    assert err.strip().startswith(f"geokit: error: {path}: no place column")
    assert err.strip().endswith("name it with --column; columns are: id, spot")
    assert not (tmp_path / "m.html").exists()


def test_unreadable_and_empty_files(tmp_path, capsys):
    code, _, err = _run(["map", str(tmp_path / "nope.csv"), "-o", str(tmp_path / "m.html")], capsys)
    assert code == 2 and "nope.csv: file not found" in err
    empty = tmp_path / "empty.csv"
    empty.write_text("id,place\n")
    code, _, err = _run(["map", str(empty), "-o", str(tmp_path / "m.html")], capsys)
    assert code == 2 and "empty.csv: has a header but no data rows" in err
    assert "Traceback" not in err
    assert list(tmp_path.iterdir()) == [empty]


def test_boundary_file_without_crs_not_lonlat(tmp_path, capsys):
    import geopandas as gpd
    from shapely.geometry import box

    shp = tmp_path / "utm.shp"
    gdf = gpd.GeoDataFrame(
        {"ADM2_EN": ["A"], "ADM2_PCODE": ["A1"]}, geometry=[box(300000, 3300000, 400000, 3400000)], crs=32642
    )
    gdf.to_file(shp)
    shp.with_suffix(".prj").unlink()
    code, _, err = _run(
        ["map", str(EXAMPLE), "-o", str(tmp_path / "m.html"), "--boundaries", str(shp)], capsys
    )
    assert code == 2
    assert "utm.shp" in err and "no CRS" in err
    assert len(err.strip().splitlines()) == 1
    assert not (tmp_path / "m.html").exists()


def test_existing_output_needs_overwrite(tmp_path, capsys):
    out = tmp_path / "m.html"
    out.write_text("keep")
    code, _, err = _run(["map", str(EXAMPLE), "-o", str(out)], capsys)
    assert code == 2 and "--overwrite" in err
    assert out.read_text() == "keep"


def test_unknown_dataset(tmp_path, capsys):
    code, _, err = _run(
        ["map", str(EXAMPLE), "-o", str(tmp_path / "m.html"), "--boundaries", "PAK:ADM9"], capsys
    )
    assert code == 2 and "PAK:ADM9" in err


def test_usage_error_exit_code():
    proc = subprocess.run(
        [sys.executable, "-m", "geokit.cli", "map"], capture_output=True, text=True, check=False
    )
    assert proc.returncode == 2
    assert "error:" in proc.stderr and "Traceback" not in proc.stderr


def test_debug_shows_traceback(tmp_path):
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "geokit.cli",
            "map",
            str(tmp_path / "nope.csv"),
            "-o",
            str(tmp_path / "m.html"),
            "--debug",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode != 0 and "Traceback" in proc.stderr


def test_data_list_names_licences(capsys):
    code, out, _ = _run(["data", "list"], capsys)
    assert code == 0
    assert "cod-ab:PAK:ADM2" in out and "CC BY 3.0 IGO" in out and "PAK:ADM2" in out


def test_console_script_installed():
    bindir = Path(sys.executable).parent
    proc = subprocess.run([str(bindir / "geokit"), "--version"], capture_output=True, text=True, check=False)
    assert proc.returncode == 0 and proc.stdout.startswith("geokit ")
    # the development install runs the Python modules (tests/test_compiled.py checks the other build)
    assert "(geoparser: Python)" in proc.stdout


def test_join_command_adds_districts(tmp_path, capsys):
    src = tmp_path / "pts.csv"
    src.write_text("name,latitude,longitude\nQuetta,30.184,67.001\nsea,24.0,60.0\nbad,x,y\n")
    out = tmp_path / "out.csv"
    code, _, err = _run(["join", str(src), "--lat", "latitude", "--lon", "longitude", "-o", str(out)], capsys)
    assert code == 0, err
    import pandas as pd

    got = pd.read_csv(out)
    assert list(got["name"]) == ["Quetta", "sea", "bad"]
    assert got.loc[0, "adm2_name"] == "Quetta" and got.loc[0, "adm1_name"] == "Balochistan"
    assert list(got["join_status"]) == ["inside", "outside", "no point"]


def test_offline_map_loads_nothing_from_the_network(tmp_path, capsys):
    import re

    out = tmp_path / "off.html"
    code, _, err = _run(
        ["map", str(EXAMPLE), "-o", str(out), "--offline", "--scheme", "userdefined", "--bins", "1,2"], capsys
    )
    assert code == 0, err
    page = out.read_text()
    assert not re.search(r"<(script|link)[^>]+(src|href)=[\"']?(https?:)?//", page)
    assert "tile.openstreetmap" not in page


def test_bad_bins_is_a_usage_error(tmp_path, capsys):
    with pytest.raises(SystemExit) as info:
        main(["map", str(EXAMPLE), "-o", str(tmp_path / "m.html"), "--bins", "1,x"])
    assert info.value.code == 2
    assert "numbers separated by commas" in capsys.readouterr().err


@pytest.mark.parametrize(
    "args,message",
    [
        (["-o", "{tmp}/x.xlsx"], "unknown output format '.xlsx'"),
        (["-o", "{tmp}/nofolder/x.gpkg"], "folder does not exist"),
        (["-o", "/proc/x.gpkg"], "cannot write here"),
        (
            ["-o", "{tmp}/x.gpkg", "--column", "town"],
            "no column 'town' (--column); columns are: id, date, place",
        ),
    ],
)
def test_export_bad_outputs(tmp_path, capsys, args, message):
    argv = ["export", str(EXAMPLE), *[a.format(tmp=tmp_path) for a in args]]
    code, _, err = _run(argv, capsys)
    assert code == 2
    assert message in err and len(err.strip().splitlines()) == 1
    assert list(tmp_path.iterdir()) == []


def test_export_refuses_to_overwrite(tmp_path, capsys):
    out = tmp_path / "x.geojson"
    assert _run(["export", str(EXAMPLE), "-o", str(out)], capsys)[0] == 0
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    assert set(before) == {"x.geojson", "x-unresolved.geojson", "x-districts.geojson"}
    code, _, err = _run(["export", str(EXAMPLE), "-o", str(out)], capsys)
    assert code == 2 and "--overwrite" in err
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before
    assert _run(["export", str(EXAMPLE), "-o", str(out), "--overwrite"], capsys)[0] == 0


def test_data_verify_checks_the_mirror_and_never_downloads(tmp_path, capsys, monkeypatch):
    code, out, _ = _run(["data", "verify", "PAK:ADM2"], capsys)
    assert code == 0 and "cod-ab:PAK:ADM2" in out and "sha256 verified" in out
    monkeypatch.setenv("GEOKIT_DATA_MIRROR", str(tmp_path))  # an empty mirror
    monkeypatch.setenv("GEOKIT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("GEOKIT_ALLOW_DOWNLOAD", "1")
    code, _, err = _run(["data", "verify", "geoboundaries:PAK:ADM1"], capsys)
    assert code == 2 and "downloads are disabled" in err
    assert not (tmp_path / "data").exists()
