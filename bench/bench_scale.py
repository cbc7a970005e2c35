"""The Dask path on generated rows: 1 worker vs 2 workers (time, peak memory per worker).

The table (``GEOKIT_BENCH_SCALE_ROWS`` rows, 10,000,000 by default; 1,000,000 with
``--quick``) is drawn from the 3,000 distinct place names of bench_e2e with their province
and district hints, written as partitioned Parquet (about 250,000 rows a file, never the
whole table in memory). Each run starts a fresh LocalCluster (one thread per worker
process), geocodes every row and joins it to the COD-AB districts
(``geocode_dask(..., boundaries="PAK:ADM2")``) and writes partitioned Parquet. Peak memory
per worker is the worker process's peak resident set (``ru_maxrss``). The ratio row is
1-worker time over 2-worker time (2.0 would be perfect scaling; this machine has 2 cores
shared with everything else running).
"""

from __future__ import annotations

import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def _write_input(folder: Path, n_rows: int, per_file: int = 250_000) -> int:
    sys.path.insert(0, str(HERE))
    from bench_e2e import distinct_places, incident_table

    places = distinct_places()
    folder.mkdir()
    for i, start in enumerate(range(0, n_rows, per_file)):
        part = incident_table(min(per_file, n_rows - start), places, seed=i)
        part["id"] += start
        part["fatalities"] = part["fatalities"].astype(str)
        part.to_parquet(folder / f"part-{i:05d}.parquet", index=False)
    return len(places)


def _run_once(src: Path, out: Path, workers: int) -> dict:
    from geokit.scale import dask_client, geocode_dask, read_table_dask, write_table_dask

    with dask_client(workers=workers, memory_limit="4GiB") as client:
        t0 = time.perf_counter()
        frame = read_table_dask(src)
        coded = geocode_dask(
            frame,
            "place",
            country="PK",
            admin1_column="province",
            admin2_column="district",
            boundaries="PAK:ADM2",
        )
        write_table_dask(coded, out, overwrite=True)
        seconds = time.perf_counter() - t0
        peaks = client.run(_peak_rss_mib)
    return {"seconds": seconds, "peak_mib": max(peaks.values()), "partitions": frame.npartitions}


def run(quick: bool = False) -> list[dict]:
    n_rows = 1_000_000 if quick else int(os.environ.get("GEOKIT_BENCH_SCALE_ROWS", "10000000"))
    tmp = Path(tempfile.mkdtemp(prefix="geokit-bench-scale-"))
    try:
        distinct = _write_input(tmp / "in", n_rows)
        one = _run_once(tmp / "in", tmp / "out1.parquet", 1)
        two = _run_once(tmp / "in", tmp / "out2.parquet", 2)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    per_part = one["seconds"] / one["partitions"]
    rows = []
    for workers, r in ((1, one), (2, two)):
        rows.append(
            {
                "metric": f"Dask geocode + join, {n_rows:,} rows ({distinct:,} distinct names), {workers} worker(s)",
                "unit": "rows/s",
                "geokit": n_rows / r["seconds"],
                "peer": None,
                "peer_name": "–",
                "note": f"{r['seconds']:.1f} s; peak memory per worker {r['peak_mib']:,.0f} MiB; "
                f"{r['partitions']} partitions (Parquet in and out)",
            }
        )
    rows.append(
        {
            "metric": f"Dask 2 workers vs 1 worker, {n_rows:,} rows",
            "unit": "s",
            "geokit": two["seconds"],
            "peer": one["seconds"],
            "peer_name": "the same job on 1 worker",
            "higher_is_better": False,
            "note": f"speed-up {one['seconds'] / two['seconds']:.2f}× (ideal 2.0×); "
            f"{per_part:.2f} s per partition of {n_rows // one['partitions']:,} rows on 1 worker",
        }
    )
    return rows
