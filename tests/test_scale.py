"""The Dask path on a LocalCluster (2 worker processes) against the single-process path.

Inputs are real place strings written by others (UCDP GED's Pakistani locations with
UCDP's admin names, ../shared/eval) and random points over the COD-AB districts, small
enough to stay quick on 2 cores but cut into several partitions per worker.
"""

from __future__ import annotations

import contextlib
import io
import os
import threading
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import shapely

pytest.importorskip("distributed")

from geokit import scale
from geokit.cli import main
from geokit.join import aggregate, join_admin
from geokit.scale import (
    aggregate_dask,
    dask_client,
    geocode_dask,
    join_dask,
    read_table_dask,
    write_table_dask,
)

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval" / "ucdp" / "ucdp_ged_pk_places_dev.csv"
BLOCK = 40_000  # bytes per partition: 6-10 partitions for the tables below


@pytest.fixture(scope="module")
def client():
    with dask_client(workers=2, memory_limit="2GiB") as c:
        yield c


@pytest.fixture(scope="module")
def incidents(tmp_path_factory) -> Path:
    ucdp = pd.read_csv(EVAL, dtype=str, keep_default_na=False)
    rng = np.random.default_rng(16)
    pick = rng.integers(0, len(ucdp), 3000)
    table = ucdp.iloc[pick][["place", "adm_1", "adm_2"]].reset_index(drop=True)
    table.loc[rng.choice(3000, 40, replace=False), "place"] = "Xqzv nowhere"  # unresolvable
    table.loc[rng.choice(3000, 20, replace=False), "place"] = ""  # empty
    table.insert(0, "id", np.arange(3000))
    table["fatalities"] = np.where(rng.random(3000) < 0.3, "", rng.integers(0, 9, 3000).astype(str))
    # province-level answers: a place no gazetteer knows, with only its province as a hint
    table.loc[table.index[::150], ["place", "adm_2"]] = ["Killi Xqzvabad", ""]
    path = tmp_path_factory.mktemp("scale") / "incidents.csv"
    table.to_csv(path, index=False)
    return path


@pytest.fixture(scope="module")
def points(tmp_path_factory, adm2) -> Path:
    rng = np.random.default_rng(7)
    minx, miny, maxx, maxy = adm2.total_bounds
    xy = np.column_stack([rng.uniform(minx, maxx, 4000), rng.uniform(miny, maxy, 4000)])
    vertices = shapely.get_coordinates(adm2.geometry.values)
    xy = np.vstack([xy, vertices[rng.choice(len(vertices), 300, replace=False)]])  # on shared boundaries
    frame = pd.DataFrame({"id": np.arange(len(xy)), "lat": xy[:, 1], "lon": xy[:, 0]})
    frame.loc[::97, "lat"] = np.nan  # written as an empty cell: no point
    path = tmp_path_factory.mktemp("scale") / "points.csv"
    frame.to_csv(path, index=False)
    return path


def _geocode_single(src: Path, out: Path) -> bytes:
    code = main(
        [
            "geocode", str(src), "--column", "place", "--country", "PK",
            "--admin1-column", "adm_1", "--admin2-column", "adm_2",
            "--boundaries", "PAK:ADM2", "-o", str(out), "-q", "--chunksize", "700",
        ]
    )  # fmt: skip
    assert code == 0
    return out.read_bytes()


def test_geocode_on_dask_is_the_single_process_result_row_for_row(client, incidents, tmp_path):
    single = _geocode_single(incidents, tmp_path / "single.csv")
    frame = read_table_dask(incidents, blocksize=BLOCK)
    assert frame.npartitions >= 4
    out = geocode_dask(
        frame, "place", country="PK", admin1_column="adm_1", admin2_column="adm_2", boundaries="PAK:ADM2"
    )
    write_table_dask(out, tmp_path / "dask.csv")
    assert (tmp_path / "dask.csv").read_bytes() == single
    back = pd.read_csv(tmp_path / "dask.csv", keep_default_na=False)
    assert back["row"].tolist() == list(range(1, 3001))
    empty = back["place"] == ""
    assert empty.sum() == 20 and (back.loc[empty, "status"] == "unresolved").all()  # kept, with a reason


def test_each_worker_opens_the_gazetteer_and_layer_once(client, incidents, tmp_path):
    frame = read_table_dask(incidents, blocksize=BLOCK // 2)
    out = geocode_dask(frame, "place", country="PK", boundaries="PAK:ADM2")
    write_table_dask(out, str(tmp_path / "parts") + "/")  # a folder: one CSV per partition
    assert len(list((tmp_path / "parts").glob("part-*.csv"))) == frame.npartitions
    opened = client.run(lambda: dict(scale.OPENED))
    assert len(opened) == 2
    for counts in opened.values():
        assert counts.get("gazetteer", 0) <= 1
        assert counts.get("layer", 0) <= 1
    assert sum(c.get("layer", 0) for c in opened.values()) >= 1
    assert frame.npartitions > 2 * max(1, sum(c.get("layer", 0) for c in opened.values()))


def test_join_on_dask_is_the_single_process_result(client, points, tmp_path, adm2):
    assert main(["join", str(points), "--boundaries", "PAK:ADM2", "-o", str(tmp_path / "one.csv"), "-q"]) == 0
    frame = read_table_dask(points, blocksize=BLOCK)
    assert frame.npartitions >= 4
    joined = join_dask(frame, "PAK:ADM2")
    write_table_dask(joined.drop(columns="geometry"), tmp_path / "dask.csv")
    assert (tmp_path / "dask.csv").read_bytes() == (tmp_path / "one.csv").read_bytes()
    # a loaded layer (sent once) gives the same, and the result is a dask-geopandas frame
    import dask_geopandas

    shipped = join_dask(frame, adm2)
    assert isinstance(shipped, dask_geopandas.GeoDataFrame)
    got = shipped.compute()
    want = join_admin(pd.read_csv(points, dtype=str, keep_default_na=False), adm2)
    pd.testing.assert_frame_equal(pd.DataFrame(got).reset_index(drop=True), pd.DataFrame(want))


def test_aggregate_on_dask_is_the_single_process_aggregate(client, incidents, adm2):
    frame = read_table_dask(incidents, blocksize=BLOCK)
    geocoded = geocode_dask(frame, "place", country="PK", admin1_column="adm_1", admin2_column="adm_2")
    joined = join_dask(geocoded, adm2)
    resolved = joined[joined["status"] == "resolved"]
    got = aggregate_dask(resolved, adm2)
    whole = joined.compute()
    want = aggregate(whole[whole["status"] == "resolved"], adm2)
    pd.testing.assert_frame_equal(got, want)
    assert got.attrs["coarser"] == want.attrs["coarser"]
    # a province-level answer (admin_level 1) has no district: it is in no district's count,
    # only in attrs["coarser"], per province; every other resolved row is in one district's count
    rows = whole[whole["status"] == "resolved"]
    province = (pd.to_numeric(rows["admin_level"], errors="coerce") == 1).fillna(False).astype(bool)
    assert sum(got.attrs["coarser"].values()) == province.sum() > 0
    assert got["incidents"].sum() == (~province).sum() > 0


def _gate(part: pd.DataFrame, gate: str, partition_info: dict | None = None) -> pd.DataFrame:
    # partitions after the first two wait while the gate file exists (the test lifts it)
    if partition_info and partition_info["number"] >= 2:
        for _ in range(1200):
            if not Path(gate).exists():
                break
            time.sleep(0.05)
    return part


def test_a_worker_killed_mid_run_loses_no_row(client, incidents, tmp_path):
    single = _geocode_single(incidents, tmp_path / "single.csv")
    gate = tmp_path / "gate"
    frame = read_table_dask(incidents, blocksize=BLOCK // 2)
    gated = frame.map_partitions(_gate, str(gate), meta=frame._meta)
    out = geocode_dask(
        gated, "place", country="PK", admin1_column="adm_1", admin2_column="adm_2", boundaries="PAK:ADM2"
    )
    pids_before = set(client.run(os.getpid).values())
    gate.touch()
    errors: list[BaseException] = []

    def write() -> None:
        try:
            write_table_dask(out, tmp_path / "dask.csv")
        except BaseException as exc:  # reported below
            errors.append(exc)

    job = threading.Thread(target=write)
    job.start()
    victim = None
    for _ in range(1200):  # until a worker sits on a gated partition
        busy = [w for w, keys in client.processing().items() if keys]
        if busy:
            victim = busy[0]
            break
        time.sleep(0.05)
    assert victim is not None
    with contextlib.suppress(Exception):  # the worker dies before it can answer
        client.run(os._exit, 1, workers=[victim])
    gate.unlink()
    job.join(timeout=600)
    assert not job.is_alive()
    assert not errors, errors
    assert (tmp_path / "dask.csv").read_bytes() == single
    client.wait_for_workers(2, timeout=120)
    assert set(client.run(os.getpid).values()) != pids_before  # a worker really was replaced


def test_the_map_pipeline_on_dask_is_run_pipeline(client, incidents, tmp_path, adm2):
    from geokit.ingest import read_incidents
    from geokit.pipeline import run_pipeline
    from geokit.scale import incidents_dask

    # hints under the pipeline's column names, and a few rows with their own coordinates
    table = pd.read_csv(incidents, dtype=str, keep_default_na=False).rename(
        columns={"adm_1": "admin1_hint", "adm_2": "admin2_hint"}
    )
    table["lat"] = ""
    table["lon"] = ""
    table.loc[::50, ["lat", "lon"]] = ["30.18", "67.0"]
    table.loc[1::500, ["lat", "lon"]] = ["67.0", "30.18"]  # swapped
    src = tmp_path / "hinted.csv"
    table.to_csv(src, index=False)
    whole = run_pipeline(read_incidents(src), boundaries=adm2)
    frame = read_table_dask(src, blocksize=BLOCK)
    assert frame.npartitions >= 4
    parts = incidents_dask(frame, "PAK:ADM2")
    got = parts.compute()
    pd.testing.assert_frame_equal(
        pd.DataFrame(got).reset_index(drop=True).drop(columns="geometry"),
        pd.DataFrame(whole.incidents).drop(columns="geometry"),
    )
    assert got.geometry.reset_index(drop=True).geom_equals(whole.incidents.geometry).sum() == (
        whole.incidents.geometry.notna().sum()
    )
    counts = aggregate_dask(parts[parts["status"] == "resolved"], adm2)
    pd.testing.assert_frame_equal(counts, whole.aggregates)


def test_cli_engine_dask_gives_the_single_process_files(client, incidents, points, tmp_path):
    address = client.scheduler.address
    single = _geocode_single(incidents, tmp_path / "single.csv")
    hints = ["--column", "place", "--country", "PK", "--admin1-column", "adm_1", "--admin2-column", "adm_2"]
    dask_args = ["--engine", "dask", "--scheduler", address, "-q"]
    out = tmp_path / "dask.csv"
    assert (
        main(["geocode", str(incidents), *hints, "--boundaries", "PAK:ADM2", "-o", str(out), *dask_args]) == 0
    )
    assert out.read_bytes() == single
    assert main(["join", str(points), "-o", str(tmp_path / "j1.csv"), "-q"]) == 0
    assert main(["join", str(points), "-o", str(tmp_path / "j2.csv"), *dask_args]) == 0
    assert (tmp_path / "j2.csv").read_bytes() == (tmp_path / "j1.csv").read_bytes()
    # partitioned Parquet out, with the same rows
    assert main(["join", str(points), "-o", str(tmp_path / "j.parquet"), *dask_args]) == 0
    back = pd.read_parquet(tmp_path / "j.parquet")
    assert back["id"].tolist() == pd.read_csv(tmp_path / "j1.csv", dtype=str)["id"].tolist()


def test_geocode_on_dask_to_parquet_keeps_the_text_columns_as_text(client, incidents, tmp_path):
    # the hint columns are text of geokit's reader (object dtype): an empty object column tells
    # Parquet no type, which the dataset's schema must still give as text
    single = pd.read_csv(
        io.BytesIO(_geocode_single(incidents, tmp_path / "single.csv")), dtype=str, keep_default_na=False
    )
    hints = ["--column", "place", "--country", "PK", "--admin1-column", "adm_1", "--admin2-column", "adm_2"]
    out = tmp_path / "g.parquet"
    code = main(
        ["geocode", str(incidents), *hints, "--boundaries", "PAK:ADM2", "-o", str(out), "--engine", "dask",
         "--scheduler", client.scheduler.address, "-q"]
    )  # fmt: skip
    assert code == 0
    back = pd.read_parquet(out)
    assert len(back) == len(single) == 3000
    for name in ("place", "adm_1", "adm_2", "status", "adm2_name"):
        assert back[name].fillna("").astype(str).tolist() == single[name].tolist(), name


def test_cli_map_engine_dask_counts_as_the_single_process_map(client, incidents, tmp_path):
    table = pd.read_csv(incidents, dtype=str, keep_default_na=False).rename(
        columns={"adm_1": "admin1_hint", "adm_2": "admin2_hint"}
    )
    src = tmp_path / "hinted.csv"
    table.to_csv(src, index=False)
    outputs = {}
    for engine in ("single", "dask"):
        extra = ["--engine", "dask", "--scheduler", client.scheduler.address] if engine == "dask" else []
        code = main(
            [
                "map",
                str(src),
                "-o",
                str(tmp_path / f"{engine}.html"),
                "--geojson",
                str(tmp_path / f"{engine}.geojson"),
                "-q",
                *extra,
            ]
        )
        assert code == 0
        outputs[engine] = (tmp_path / f"{engine}-districts.geojson").read_bytes()
    assert outputs["dask"] == outputs["single"]


def test_cli_engine_dask_needs_workers_or_a_scheduler(incidents, tmp_path, capsys):
    code = main(["join", str(incidents), "-o", str(tmp_path / "x.csv"), "--engine", "dask"])
    assert code == 2
    assert "--workers N or --scheduler ADDRESS" in capsys.readouterr().err


def test_dates_on_dask_are_read_in_the_whole_columns_order(client, incidents, tmp_path):
    # ambiguous dates everywhere; only the last rows can be month first alone: the whole column is
    table = pd.read_csv(incidents, dtype=str, keep_default_na=False)
    table["date"] = "03/04/2020"
    table.loc[len(table) - 5 :, "date"] = "04/25/2020"
    src = tmp_path / "dated.csv"
    table.to_csv(src, index=False)
    single = tmp_path / "single.csv"
    args = ["geocode", str(src), "--column", "place", "--country", "PK", "-q"]
    assert main([*args, "-o", str(single)]) == 0
    frame = read_table_dask(src, blocksize=BLOCK)
    assert frame.npartitions >= 4
    write_table_dask(geocode_dask(frame, "place", country="PK", where=str(src)), tmp_path / "dask.csv")
    assert (tmp_path / "dask.csv").read_bytes() == single.read_bytes()
    back = pd.read_csv(tmp_path / "dask.csv", keep_default_na=False)
    assert (back["date"].str.startswith("2020-03-04")).sum() == len(table) - 5  # 4 March, month first
