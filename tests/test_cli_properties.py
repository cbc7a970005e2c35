"""Random option combinations through the CLI (in-process): each works or gives one line and exit 2.

Never a traceback: ``main`` turns geokit's, OS and value errors into one line; any other
exception escapes and fails the test with the example hypothesis found.
"""

from __future__ import annotations

import contextlib
import io
import json
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from shapely.geometry import box, mapping

from geokit.cli import main

TABLE = Path(__file__).resolve().parent / "data" / "foreign_columns.csv"
COLUMNS = [None, "location", "LOCATION", "date", "province", "killed", "injured", "url", "nope"]


@pytest.fixture(scope="module")
def work(tmp_path_factory):
    """The 20-row table and two districts (HDX-style columns) boxing Quetta and Turbat, to keep runs fast."""
    folder = tmp_path_factory.mktemp("cliprops")
    shutil.copy(TABLE, folder / "t.csv")
    units = [
        ("Balochistan", "PK2", "Quetta", "PK201", box(66.8, 30.0, 67.2, 30.4)),
        ("Balochistan", "PK2", "Kech", "PK202", box(62.8, 25.8, 63.3, 26.2)),
    ]
    features = [
        {
            "type": "Feature",
            "properties": {"ADM1_EN": a1, "ADM1_PCODE": p1, "ADM2_EN": a2, "ADM2_PCODE": p2},
            "geometry": mapping(geom),
        }
        for a1, p1, a2, p2, geom in units
    ]
    (folder / "b.geojson").write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    (folder / "pts.csv").write_text("name,Latitude,Longitude\nQuetta,30.18,67.0\nx,abc,\n")
    return folder


def _maybe(flag: str, values: list) -> st.SearchStrategy[list[str]]:
    return st.one_of(st.just([]), st.sampled_from(values).map(lambda v: [] if v is None else [flag, str(v)]))


role_flags = st.tuples(
    _maybe("--column", COLUMNS),
    _maybe("--date-column", COLUMNS),
    _maybe("--fatalities-column", COLUMNS),
    _maybe("--type-column", COLUMNS),
    _maybe("--url-column", COLUMNS),
    _maybe("--admin1-column", COLUMNS),
    _maybe("--country", ["PK", "pk", "ZZ", "Pakistan", ""]),
).map(lambda parts: [a for p in parts for a in p])

map_flags = st.tuples(
    role_flags,
    _maybe("--value", ["incidents", "fatalities", "incidents_per_1000km2", "bogus"]),
    _maybe(
        "--scheme", ["quantiles", "naturalbreaks", "equalinterval", "fisherjenks", "userdefined", "bogus"]
    ),
    _maybe("-k", [0, 1, 3, 9, 20, -1]),
    _maybe("--bins", ["1,5", "x", "5,1", ","]),
    st.sampled_from([[], ["--offline"]]),
    st.sampled_from([[], ["--no-heat"]]),
    st.sampled_from([[], ["--time-view"], ["--no-time-view"]]),
    st.sampled_from([[], ["--geojson", "{dir}/g.geojson"], ["--geojson", "{dir}/m.html"]]),
    _maybe("--title", ["", "<b>x</b>", "Ünïcode"]),
).map(lambda parts: [a for p in parts for a in p])


def _check(argv: list[str], out: Path) -> None:
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        try:
            code = main(argv)
        except SystemExit as exc:  # argparse: usage errors
            code = exc.code
    text = err.getvalue()
    assert code in (0, 2), (argv, code, text)
    if code == 2:
        lines = [line for line in text.strip().splitlines() if line]
        assert len(lines) == 1 and "error:" in lines[0] and "Traceback" not in text, (argv, text)
    else:
        assert out.exists(), argv


_SETTINGS = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@_SETTINGS
@given(map_flags)
def test_map_options(work, flags):
    out = work / "m.html"
    argv = ["map", str(work / "t.csv"), "-o", str(out), "--boundaries", str(work / "b.geojson")]
    argv += ["--overwrite", *[f.format(dir=work) for f in flags]]
    _check(argv, out)


@_SETTINGS
@given(
    role_flags, st.sampled_from([[], ["--boundaries", "{dir}/b.geojson"]]), st.sampled_from(["csv", "gpkg"])
)
def test_geocode_and_export_options(work, flags, boundaries, ext):
    out = work / "g.csv"
    _check(
        [
            "geocode",
            str(work / "t.csv"),
            "-o",
            str(out),
            "--overwrite",
            *flags,
            *[b.format(dir=work) for b in boundaries],
        ],
        out,
    )
    dest = work / f"e.{ext}"
    _check(
        [
            "export",
            str(work / "t.csv"),
            "-o",
            str(dest),
            "--overwrite",
            "--boundaries",
            str(work / "b.geojson"),
            *flags,
        ],
        dest,
    )


@_SETTINGS
@given(
    _maybe("--lat-column", ["Latitude", "lat", "name", "nope"]), _maybe("--lon-column", ["Longitude", "nope"])
)
def test_join_options(work, lat, lon):
    out = work / "j.csv"
    _check(
        [
            "join",
            str(work / "pts.csv"),
            "-o",
            str(out),
            "--overwrite",
            "--boundaries",
            str(work / "b.geojson"),
            *lat,
            *lon,
        ],
        out,
    )


def test_value_fatalities_offline_no_longer_a_traceback(work):
    """The reported crash: `--value fatalities --offline` with the deaths in a column named killed."""
    out = work / "f.html"
    argv = ["map", str(work / "t.csv"), "-o", str(out), "--value", "fatalities", "--offline", "--overwrite"]
    argv += ["--boundaries", str(work / "b.geojson")]
    _check(argv, out)
    html = out.read_text("utf-8")
    assert "fatalities per district" in html
    # the deaths, in a column named killed, are what the districts sum (not an empty choropleth)
    from geokit.ingest import read_incidents
    from geokit.pipeline import run_pipeline

    agg = run_pipeline(read_incidents(work / "t.csv"), boundaries=work / "b.geojson").aggregates
    assert dict(zip(agg["adm2_name"], agg["fatalities"], strict=True)) == {"Quetta": 3, "Kech": 1}
