"""Bad files from tests/data/bad: a clear error, or every row accounted for, for every command."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest

from geokit.boundaries import load_boundaries
from geokit.cli import main
from geokit.errors import InputError
from geokit.join import join_admin

BAD = Path(__file__).resolve().parent / "data" / "bad"
CSVS = sorted(p.name for p in BAD.glob("*.csv"))
ERRORS = {"truncated.csv": "is not a well-formed CSV"}


def _input_rows(path: Path) -> int:
    """Count data rows independently of geokit: decode, drop comments/blank lines, csv-parse."""
    raw = path.read_bytes()
    text = raw.decode("utf-16") if raw[:2] in (b"\xff\xfe", b"\xfe\xff") else None
    if text is None:
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = raw.decode("latin-1")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    dialect = csv.Sniffer().sniff(lines[0], delimiters=",;\t")
    return len(list(csv.reader(io.StringIO("\n".join(lines)), dialect))) - 1


def _run(args: list[str], capsys) -> tuple[int, str]:
    code = main(args)
    return code, capsys.readouterr().err


def test_corpus_is_documented():
    readme = (BAD / "README.md").read_text()
    for path in BAD.iterdir():
        if path.suffix in {".csv", ".geojson", ".shp", ".gpkg"}:
            assert f"`{path.name}`" in readme, path.name


@pytest.mark.parametrize("name", CSVS)
def test_map_accounts_for_every_row(name, tmp_path, capsys):
    src = BAD / name
    out, gj = tmp_path / "m.html", tmp_path / "m.geojson"
    code, err = _run(["map", str(src), "-o", str(out), "--geojson", str(gj)], capsys)
    if name in ERRORS:
        assert code == 2 and ERRORS[name] in err and name in err
        assert len(err.strip().splitlines()) == 1
        assert list(tmp_path.iterdir()) == []
        return
    assert code == 0, err
    features = json.loads(gj.read_text())["features"]
    n = _input_rows(src)
    assert len(features) == n
    statuses = [f["properties"]["status"] for f in features]
    assert statuses.count("resolved") + statuses.count("unresolved") == n
    assert (
        f"{n} rows: {statuses.count('resolved')} resolved, {statuses.count('unresolved')} unresolved" in err
    )
    for f in features:
        if f["properties"]["status"] == "unresolved":
            assert f["properties"]["reason"]


@pytest.mark.parametrize("name", CSVS)
def test_geocode_accounts_for_every_row(name, tmp_path, capsys):
    src = BAD / name
    out = tmp_path / "g.csv"
    code, err = _run(
        ["geocode", str(src), "--country", "PK", "-o", str(out), "--boundaries", "PAK:ADM2"], capsys
    )
    if name in ERRORS:
        assert code == 2 and ERRORS[name] in err
        assert list(tmp_path.iterdir()) == []
        return
    assert code == 0, err
    got = pd.read_csv(out, keep_default_na=False)
    n = _input_rows(src)
    assert len(got) == n
    assert got["status"].isin(["resolved", "unresolved"]).all()
    assert list(got["row"]) == list(range(1, n + 1))


@pytest.mark.parametrize("name", CSVS)
def test_export_accounts_for_every_row(name, tmp_path, capsys):
    src = BAD / name
    out = tmp_path / "e.gpkg"
    code, err = _run(["export", str(src), "-o", str(out)], capsys)
    if name in ERRORS:
        assert code == 2 and ERRORS[name] in err
        assert list(tmp_path.iterdir()) == []
        return
    assert code == 0, err
    incidents = gpd.read_file(out, layer="incidents")
    unresolved = gpd.read_file(out, layer="unresolved")
    n = _input_rows(src)
    assert len(incidents) == n
    assert (incidents["status"] == "resolved").sum() + len(unresolved) == n


def test_documented_row_results(capsys, tmp_path):
    from geokit.ingest import read_incidents
    from geokit.pipeline import run_pipeline

    dup = read_incidents(BAD / "duplicate_ids.csv")
    assert dup["input_issues"].tolist() == [
        "",
        "duplicate id '1' (first seen in row 1)",
        "duplicate id '1' (first seen in row 1)",
    ]
    assert read_incidents(BAD / "bom.csv").columns[1] == "id"
    assert read_incidents(BAD / "latin1.csv").loc[0, "place"] == "Pishîn"
    empty = run_pipeline(read_incidents(BAD / "empty_places.csv")).incidents
    assert empty["status"].tolist() == ["resolved", "unresolved", "unresolved"]
    swapped = run_pipeline(read_incidents(BAD / "latlon_swapped.csv")).incidents
    assert swapped["status"].tolist() == ["unresolved", "resolved"]
    assert "swapped they fall in Quetta" in swapped.loc[0, "reason"]
    lat91 = run_pipeline(read_incidents(BAD / "latitude_91.csv")).incidents
    assert "out of range" in lat91.loc[0, "input_issues"] and lat91.loc[0, "adm2_name"] == "Quetta"


def test_bad_boundary_files():
    bowtie = load_boundaries(BAD / "invalid_polygons.geojson")
    assert bowtie.geometry.is_valid.all() and bowtie.attrs["geokit"]["repaired"] == 1
    noprj = load_boundaries(BAD / "noprj.shp")
    assert noprj.crs.to_epsg() == 4326 and noprj.attrs["geokit"]["crs_assumed"]
    utm = load_boundaries(BAD / "districts_utm42n.gpkg")
    assert utm.crs.to_epsg() == 4326
    pts = pd.DataFrame({"lat": [29.5, 29.5], "lon": [66.5, 67.5]})
    assert join_admin(pts, utm)["adm2_name"].tolist() == ["West", "East"]
    raw = gpd.read_file(BAD / "districts_utm42n.gpkg").rename(
        columns={"ADM2_EN": "adm2_name", "ADM2_PCODE": "adm2_id"}
    )
    with pytest.raises(InputError, match="EPSG:4326"):
        join_admin(pts, raw)


@pytest.mark.slow
def test_200mb_file_is_streamed(tmp_path):
    """A 200 MB table goes through geocode in chunks, with bounded memory and every row out."""
    import subprocess
    import sys

    src = tmp_path / "big.csv"
    places = ["Quetta", "Mastung", "Nushki", "Gwadar", "Turbat", "Zorvakhistan", "Peshawar", "Bannu"]
    pad = "x" * 180
    rows_per_block = 10_000
    block = "".join(f"{i},2026-01-31,{places[i % len(places)]},PK,{pad}\n" for i in range(rows_per_block))
    with src.open("w") as fh:
        fh.write("id,date,place,country_hint,description\n")
        size = 0
        blocks = 0
        while size < 200 * 1024 * 1024:
            fh.write(block)
            size += len(block)
            blocks += 1
    n = blocks * rows_per_block
    out = tmp_path / "out.csv"
    small = tmp_path / "small.csv"
    with src.open() as fh, small.open("w") as out_fh:
        out_fh.writelines(line for _, line in zip(range(1 + 2 * rows_per_block), fh, strict=False))
    # One child geocodes a small file, then the big one, and reports its own peak memory (RUSAGE_SELF)
    # after each: the parent's RUSAGE_CHILDREN is the largest of all children so far, which an
    # earlier, bigger child would mask. The small run loads the index and warms every cache, so the
    # growth during the big run is what the table itself costs.
    child = (
        "import resource, sys\n"
        "from geokit.cli import main\n"
        "small, big, out = sys.argv[1:4]\n"
        "peak = lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "assert main(['geocode', small, '-o', out, '--chunksize', '50000', '-q', '--overwrite']) == 0\n"
        "before = peak()\n"
        "code = main(['geocode', big, '-o', out, '--chunksize', '50000', '-q', '--overwrite'])\n"
        "sys.stderr.write(f'\\nmaxrss_kib={before} {peak()}\\n')\n"
        "sys.exit(code)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", child, str(small), str(src), str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    before_kib, peak_kib = map(int, proc.stderr.rsplit("maxrss_kib=", 1)[1].split()[:2])
    # Measured: streamed in 50,000-row chunks the big run adds a few tens of MB over the small one;
    # read whole (one chunk) the process peaks at ~1,050 MB, several hundred MB over the small run.
    grew = (peak_kib - before_kib) / 1024
    assert grew < 250, f"the 200 MB file added {grew:.0f} MB (peak {peak_kib / 1024:.0f} MB): not streamed"
    count = 0
    unresolved = 0
    with out.open() as fh:
        reader = csv.DictReader(fh)
        for row in reader:
            count += 1
            unresolved += row["status"] == "unresolved"
    assert count == n
    assert unresolved == n // len(places)  # exactly the Zorvakhistan rows


@pytest.mark.parametrize("name", CSVS)
def test_join_accounts_for_every_row_or_says_why(name, tmp_path, capsys):
    src = BAD / name
    out = tmp_path / "j.csv"
    code, err = _run(["join", str(src), "-o", str(out)], capsys)
    if name not in {"latlon_swapped.csv", "latitude_91.csv"}:  # the files with lat/lon columns
        assert code == 2 and len(err.strip().splitlines()) == 1
        assert not out.exists()
        return
    assert code == 0, err
    got = pd.read_csv(out)
    assert len(got) == _input_rows(src)
    assert got["join_status"].isin(["inside", "nearest", "outside", "no point"]).all()


# ----------------------------------------------------------------------------- issue 12: real files, real faults
def _csv_rows(path: Path) -> list[dict[str, str]]:
    """Read a CSV the way any RFC 4180 reader does (not through geokit)."""
    with path.open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_dates_read_in_one_order_with_notes():
    """01/02 and 05/02 are read day first like 31/01; the offset does not abort the file (class 1)."""
    from geokit.ingest import read_incidents

    got = read_incidents(BAD / "dayfirst_dates.csv")
    assert [str(d) for d in got["date"]] == [
        "2026-02-01 00:00:00",
        "2026-02-05 00:00:00",
        "2026-01-31 00:00:00",
        "2026-01-31 23:30:00",  # local time kept, offset dropped
    ]
    notes = got["input_issues"].tolist()
    assert "ambiguous" in notes[0] and "1 February 2026" in notes[0]
    assert "ambiguous" in notes[1] and "5 February 2026" in notes[1]
    assert "date" not in notes[2] and "date" not in notes[3]
    assert "'about 1' is not a count" in notes[3]
    month = read_incidents(BAD / "dayfirst_dates.csv", date_order="monthfirst")
    assert [d.strftime("%m-%d") for d in month["date"][:3]] == ["01-02", "05-02", "01-31"]
    assert "ambiguous" not in month.loc[0, "input_issues"]
    assert "can only be day first" in month.loc[2, "input_issues"]


def test_geocode_date_flags(tmp_path, capsys):
    out = tmp_path / "g.csv"
    code, err = _run(["geocode", str(BAD / "dayfirst_dates.csv"), "--monthfirst", "-o", str(out)], capsys)
    assert code == 0, err
    rows = _csv_rows(out)
    assert [r["date"][:10] for r in rows[:2]] == ["2026-01-02", "2026-05-02"]
    assert [r["fatalities"] for r in rows] == ["1", "2", "3", ""]  # counts stay counts (not 3.0)
    with pytest.raises(SystemExit) as stop:
        main(["geocode", str(BAD / "dayfirst_dates.csv"), "--dayfirst", "--monthfirst", "-o", "x"])
    assert stop.value.code == 2


def _cr_table(path: Path) -> None:
    path.write_bytes(
        b"id,place,country_hint,description\r\n"
        b'1,Quetta,PK,"first line\rsecond line"\r\n'
        b'2,Mastung,PK,"a\r\nb"\r\n'
        b"3,Gwadar,PK,plain\r\n"
    )


def test_line_breaks_inside_cells_never_add_rows(tmp_path, capsys):
    """Class 2: a CR inside a cell is quoted by every CSV geokit writes, and reads back as one row."""
    src = tmp_path / "cr.csv"
    _cr_table(src)
    geocoded = tmp_path / "g.csv"
    assert _run(["geocode", str(src), "-o", str(geocoded)], capsys)[0] == 0
    rows = _csv_rows(geocoded)
    assert [r["id"] for r in rows] == ["1", "2", "3"]
    assert rows[0]["description"] == "first line\rsecond line"
    assert len(pd.read_csv(geocoded)) == 3
    joined = tmp_path / "j.csv"
    assert _run(["join", str(geocoded), "-o", str(joined)], capsys)[0] == 0
    assert [r["id"] for r in _csv_rows(joined)] == ["1", "2", "3"]
    exported = tmp_path / "e.csv"
    assert _run(["export", str(src), "-o", str(exported)], capsys)[0] == 0
    assert [r["id"] for r in _csv_rows(exported)] == ["1", "2", "3"]
    assert len(pd.read_csv(exported)) == 3


def test_one_stray_byte_is_noted_on_its_row(tmp_path, capsys):
    """Class 3: Urdu names stay Urdu; only the Windows-1252 row is decoded that way, with a note."""
    from geokit.ingest import read_incidents

    got = read_incidents(BAD / "mixed_encoding.csv")
    assert got["place"].tolist() == ["قلات", "Quetta", "کوئٹہ"]
    assert got["note"].tolist() == ["Urdu name", "café owner", "Urdu name"]
    assert got["input_issues"].tolist() == ["", "not UTF-8: read as Windows-1252", ""]
    # the same byte far down a large file: geocode neither aborts nor garbles
    late = tmp_path / "late.csv"
    body = "".join(f"{i},Quetta,PK,ok\n" for i in range(1, 3001)).encode()
    late.write_bytes(
        b"id,place,country_hint,note\n" + "0,قلات,PK,ok\n".encode() + body + b"3001,Quetta,PK,caf\xe9\n"
    )
    out = tmp_path / "g.csv"
    code, err = _run(["geocode", str(late), "-o", str(out), "--chunksize", "1000"], capsys)
    assert code == 0, err
    rows = _csv_rows(out)
    assert len(rows) == 3002
    assert rows[0]["place"] == "قلات" and rows[-1]["note"] == "café"
    assert "Windows-1252" in rows[-1]["input_issues"]
    assert sum("Windows-1252" in r["input_issues"] for r in rows) == 1


def test_geokit_reads_its_own_outputs(tmp_path, capsys):
    """Class 4 and the round trip: geocode -> export -> join -> map on geokit's own outputs."""
    src = ROOT_EXAMPLE
    geocoded = tmp_path / "g.csv"
    assert _run(["geocode", str(src), "--country", "PK", "-o", str(geocoded)], capsys)[0] == 0
    first = _csv_rows(geocoded)
    again = tmp_path / "g2.csv"
    code, err = _run(["geocode", str(geocoded), "--country", "PK", "-o", str(again)], capsys)
    assert code == 0, err
    assert [r["row"] for r in _csv_rows(again)] == [r["row"] for r in first]
    gpkg = tmp_path / "e.gpkg"
    code, err = _run(["export", str(geocoded), "-o", str(gpkg)], capsys)
    assert code == 0, err
    assert len(gpd.read_file(gpkg, layer="incidents")) == len(first)
    joined = tmp_path / "j.csv"
    code, err = _run(["join", str(geocoded), "-o", str(joined)], capsys)
    assert code == 0, err
    assert len(_csv_rows(joined)) == len(first)
    html = tmp_path / "m.html"
    code, err = _run(["map", str(joined), "-o", str(html)], capsys)
    assert code == 0, err
    assert f"{len(first)} rows" in err
    # a user's own 'row' column is kept, under another name
    from geokit.ingest import read_incidents

    own = read_incidents(BAD / "row_column.csv")
    # (an all-numeric user column is read as numbers: see the README's output schema)
    assert own["row"].tolist() == [1, 2] and own["input_row"].tolist() == [7, 9]


ROOT_EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "balochistan-2026-01-31.csv"


def test_duplicate_or_empty_unit_ids_are_refused(tmp_path, capsys):
    """Class 6: counts keyed on ids that are not unique would lose incidents."""
    from geokit.errors import BoundaryError

    with pytest.raises(BoundaryError, match="PK101"):
        load_boundaries(BAD / "duplicate_district_ids.geojson")
    no_dup = gpd.read_file(BAD / "duplicate_district_ids.geojson").iloc[[0, 2]]
    with pytest.raises(BoundaryError, match="no id"):
        load_boundaries(no_dup)
    code, err = _run(
        [
            "map",
            str(BAD / "dayfirst_dates.csv"),
            "-o",
            str(tmp_path / "m.html"),
            "--boundaries",
            str(BAD / "duplicate_district_ids.geojson"),
        ],
        capsys,
    )
    assert code == 2 and "not unique" in err and len(err.strip().splitlines()) == 1
    assert list(tmp_path.iterdir()) == []


def test_bad_boundary_geometry_one_line_exit_2(tmp_path, capsys):
    """Classes 7 and 11: lines, degrees declared over metres, a naive antimeridian crossing."""
    from shapely.geometry import box

    from geokit.errors import BoundaryError

    with pytest.raises(BoundaryError, match="antimeridian"):
        load_boundaries(BAD / "antimeridian.geojson")
    metres = tmp_path / "metres.gpkg"
    gpd.GeoDataFrame(
        {"ADM2_EN": ["A"], "ADM2_PCODE": ["X1"]}, geometry=[box(500000, 3300000, 510000, 3310000)], crs=4326
    ).to_file(metres)
    with pytest.raises(BoundaryError, match="not longitude/latitude"):
        load_boundaries(metres)
    for layer in (BAD / "lines.geojson", metres):
        code, err = _run(
            [
                "map",
                str(BAD / "dayfirst_dates.csv"),
                "-o",
                str(tmp_path / "m.html"),
                "--boundaries",
                str(layer),
            ],
            capsys,
        )
        assert code == 2 and len(err.strip().splitlines()) == 1, err
        assert not (tmp_path / "m.html").exists()


def test_outputs_never_overwrite_each_other(tmp_path, capsys):
    """Class 8: every output path is checked against the others and the input before any work."""
    src = tmp_path / "in.csv"
    src.write_bytes((BAD / "dayfirst_dates.csv").read_bytes())
    same = tmp_path / "same.geojson"
    cases = [
        [
            "map",
            str(src),
            "-o",
            str(tmp_path / "m.html"),
            "--geojson",
            str(same),
            "--districts-geojson",
            str(same),
        ],
        ["map", str(src), "-o", str(tmp_path / "m.html"), "--geojson", str(tmp_path / "m.html")],
        ["geocode", str(src), "-o", str(src), "--overwrite"],
        ["join", str(src), "-o", str(src), "--overwrite"],
        ["export", str(src), "-o", str(src), "--overwrite"],
    ]
    for args in cases:
        code, err = _run(args, capsys)
        assert code == 2 and "give each output its own file name" in err, args
        assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv"], args
    assert src.read_bytes() == (BAD / "dayfirst_dates.csv").read_bytes()


def test_corrupt_cached_index_is_rebuilt_with_a_note(tmp_path, caplog):
    """Class 7: truncated, empty or random bytes in the cached index -> the next run rebuilds it."""
    import os

    import geokit.gazetteer as gz
    from geokit.gazetteer import Gazetteer
    from geokit.settings import override

    mine = tmp_path / "mine.csv"
    mine.write_text("name,lat,lon,country\nKili Zorvakh,29.9,66.8,PK\n", encoding="utf-8")
    with override(cache_dir=tmp_path / "cache", data_dir=tmp_path / "data") as s:
        Gazetteer.default(boundaries=None, extra=[mine], geonames=False, settings=s)
        (index,) = (tmp_path / "cache").glob("gazetteer-*.sqlite")
        good = index.read_bytes()
        for how, damaged in [
            ("truncated", good[: len(good) // 2]),
            ("empty", b""),
            ("random bytes", os.urandom(len(good))),
        ]:
            gz._DEFAULTS.clear()
            gz._VERIFIED.clear()
            index.write_bytes(damaged)
            caplog.clear()
            g = Gazetteer.default(boundaries=None, extra=[mine], geonames=False, settings=s)
            assert [p.name for p in g.lookup("Kili Zorvakh")] == ["Kili Zorvakh"], how
            assert any("rebuilding" in r.getMessage() for r in caplog.records), how
            g.close()
        gz._DEFAULTS.clear()
        gz._VERIFIED.clear()


def test_stale_temporaries_are_cleaned_and_caches_do_not_follow_symlinks(tmp_path):
    """Classes 12 and 13."""
    import os
    import time
    from array import array

    import geokit.gazetteer as gz
    from geokit.gazetteer import Gazetteer
    from geokit.geocoder import _MISSING, _read_cached
    from geokit.geoparse.matcher import _write_names
    from geokit.settings import override

    cache = tmp_path / "cache"
    cache.mkdir()
    old = cache / ".gazetteer-abc.sqlite.x1y2z3.geokit-tmp"
    legacy = cache / ".gazetteer-abc.sqlite.k9.tmp"
    fresh = cache / ".gazetteer-def.sqlite.q7w8.geokit-tmp"
    for p in (old, legacy, fresh):
        p.write_bytes(b"x" * 1000)
    day_ago = time.time() - 86400
    os.utime(old, (day_ago, day_ago))
    os.utime(legacy, (day_ago, day_ago))
    mine = tmp_path / "mine.csv"
    mine.write_text("name,lat,lon,country\nKili Zorvakh,29.9,66.8,PK\n", encoding="utf-8")
    with override(cache_dir=cache, data_dir=tmp_path / "data") as s:
        Gazetteer.default(boundaries=None, extra=[mine], geonames=False, settings=s).close()
        gz._DEFAULTS.clear()
    assert not old.exists() and not legacy.exists() and fresh.exists()

    # the names cache: a symlink planted under the old predictable name is not followed
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    names = cache / "some.sqlite.names"
    (cache / f"some.sqlite.names.{os.getpid()}.tmp").symlink_to(victim)
    _write_names(names, "stamp", array("Q", [1, 2]), {})
    assert victim.read_text() == "precious" and names.exists()

    # a corrupt Nominatim cache entry is dropped and asked again, not fatal
    entry = cache / "entry.json"
    for garbage in ('{"lat": "1"', "[1, 2]", '{"display_name": "x"}', "\x00\x01"):
        entry.write_text(garbage)
        assert _read_cached(entry) is _MISSING
    entry.write_text("null")
    assert _read_cached(entry) is None


def test_export_refuses_unreferenced_metres_and_cuts_shapefiles_by_bytes(tmp_path, capsys):
    """Classes 10, 5 and 15 (GeoPackage case clashes)."""
    from shapely.geometry import Point

    from geokit.export import export_layers

    metres = tmp_path / "utm.gpkg"
    with pytest.warns(UserWarning, match="crs"):  # GDAL warns too, and writes it anyway
        gpd.GeoDataFrame({"name": ["a"]}, geometry=[Point(500000, 3300000)], crs=None).to_file(metres)
    code, err = _run(["export", str(metres), "-o", str(tmp_path / "out.geojson")], capsys)
    assert code == 2 and "not longitude/latitude" in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "out.geojson").exists()

    long_text = "ب" * 200  # 400 bytes in UTF-8
    layer = gpd.GeoDataFrame(
        {"نام_ضلع_پاکستان": ["کوئٹہ"], "description": [long_text], "Name": ["a"], "name": ["b"]},
        geometry=[Point(67.0, 30.18)],
        crs=4326,
    )
    (shp,) = [p for p in export_layers({"incidents": layer}, tmp_path / "x.shp") if p.suffix == ".shp"]
    back = gpd.read_file(shp)
    sidecar = pd.read_csv(tmp_path / "x.fields.csv", keep_default_na=False)
    assert set(sidecar["field"]) == {c for c in back.columns if c != "geometry"}
    assert all(len(f.encode("utf-8")) <= 10 for f in sidecar["field"])
    short = dict(zip(sidecar["column"], sidecar["field"], strict=True))
    assert back.loc[0, short["نام_ضلع_پاکستان"]] == "کوئٹہ"
    assert long_text.startswith(back.loc[0, "descriptio"]) and len(back.loc[0, "descriptio"].encode()) <= 254
    export_layers({"incidents": layer}, tmp_path / "x.gpkg")
    got = gpd.read_file(tmp_path / "x.gpkg", layer="incidents")
    assert {"Name", "name_2"} <= set(got.columns) and got.loc[0, "name_2"] == "b"


def test_control_characters_and_nul_bytes(tmp_path, capsys):
    """Classes 14 and 15: escapes in messages; a NUL anywhere, or an endless stream, is one line and exit 2."""
    code, err = _run(
        ["geocode", str(BAD / "control_chars_header.csv"), "--column", "nope", "-o", str(tmp_path / "o.csv")],
        capsys,
    )
    assert code == 2 and "\x1b" not in err and "\\x1b[31mevil" in err
    late = tmp_path / "nul.csv"
    late.write_bytes(b"id,place\n" + b"".join(b"%d,Quetta\n" % i for i in range(5000)) + b"9,Que\x00tta\n")
    for src in (late, Path("/dev/zero")):
        out = tmp_path / "o.csv"
        code, err = _run(["geocode", str(src), "-o", str(out)], capsys)
        assert code == 2 and "NUL" in err and len(err.strip().splitlines()) == 1
        assert not out.exists()


def test_full_disk_during_index_build_is_one_line(tmp_path, capsys, monkeypatch):
    """Class 7: SQLite's "disk is full" while building the index is one line, exit 2, nothing left."""
    import sqlite3

    import geokit.gazetteer as gz
    from geokit.gazetteer import index as gz_index

    def full(*args, **kwargs):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(gz_index, "_fill", full)
    monkeypatch.setenv("GEOKIT_CACHE_DIR", str(tmp_path / "cache"))
    src = tmp_path / "in.csv"
    src.write_text("place\nQuetta\n")
    gz._DEFAULTS.clear()
    try:
        code, err = _run(["geocode", str(src), "-o", str(tmp_path / "o.csv")], capsys)
    finally:
        gz._DEFAULTS.clear()
    assert code == 2 and "disk is full" in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "o.csv").exists()
    assert [p.name for p in (tmp_path / "cache").iterdir() if "gazetteer" in p.name] == []


def test_user_gazetteer_goes_through_the_same_reader(tmp_path):
    """A user gazetteer with one Windows-1252 line and UTF-8 Urdu names: both read right."""
    import geokit.gazetteer as gz
    from geokit.gazetteer import Gazetteer
    from geokit.settings import override

    mine = tmp_path / "mine.csv"
    mine.write_bytes(
        "name,lat,lon,country,alt_names\nکلی زوراخ,29.9,66.8,PK,Killi Zorvakh\n".encode()
        + b"Caf\xe9 Chowk,30.1,67.0,PK,\n"
    )
    with override(cache_dir=tmp_path / "cache", data_dir=tmp_path / "data") as s:
        g = Gazetteer.default(boundaries=None, extra=[mine], geonames=False, settings=s)
        assert [p.name for p in g.lookup("Killi Zorvakh")] == ["کلی زوراخ"]
        assert [p.name for p in g.lookup("Café Chowk")] == ["Café Chowk"]
        g.close()
        gz._DEFAULTS.clear()
