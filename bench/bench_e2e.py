"""End to end: rows/s of ``geokit geocode`` and ``geokit join`` on 1,000,000-row CSVs.

The geocode table draws 1,000,000 rows from 3,000 distinct place names written by others,
each with its province and district hints: UCDP GED's Pakistani location strings with
UCDP's own admin names (../shared/eval), COD-AB tehsil names with their province and
district, and GeoNames' Pakistani towns (and their alternate names) with their province,
also written 'near X' and 'outskirts of X'.
The join table has 1,000,000 random points inside Pakistan. Each command runs as a user
runs it (a fresh ``geokit`` process, CSV in, CSV out); the peer of the join row is the
fastest raw point-in-polygon form on the same points, from the CSV, in the same run.
"""

from __future__ import annotations

import csv
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def _env() -> dict[str, str]:
    env = dict(os.environ)
    if "GEOKIT_DATA_MIRROR" not in env and (SHARED / "geodata").is_dir():
        env["GEOKIT_DATA_MIRROR"] = str(SHARED / "geodata")
    env.setdefault("GEOKIT_ALLOW_DOWNLOAD", "0")
    return env


def distinct_places(n: int = 3_000) -> pd.DataFrame:
    """``n`` distinct (place, province, district) triples from sources we did not write."""
    import geopandas as gpd

    rows: list[tuple[str, str, str]] = []
    ucdp = pd.read_csv(SHARED / "eval" / "ucdp" / "ucdp_ged_pk_places_dev.csv", dtype=str).fillna("")
    rows += list(zip(ucdp["place"], ucdp["adm_1"], ucdp["adm_2"], strict=True))
    adm3 = gpd.read_file(
        SHARED / "geodata" / "ocha" / "pak_admbnda_adm3_wfp_20220909.geojson", ignore_geometry=True
    )
    rows += list(zip(adm3["ADM3_EN"], adm3["ADM1_EN"], adm3["ADM2_EN"], strict=True))
    provinces = {}
    with (SHARED / "geodata" / "geonames" / "admin1CodesASCII.txt").open(encoding="utf-8") as fh:
        for line in csv.reader(fh, delimiter="\t"):
            if line[0].startswith("PK."):
                provinces[line[0][3:]] = line[1]
    with (SHARED / "geodata" / "geonames" / "cities15000_PK.txt").open(encoding="utf-8") as fh:
        for line in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            prov = provinces.get(line[10], "")
            rows.append((line[1], prov, ""))
            rows += [(alt, prov, "") for alt in line[3].split(",") if alt.isascii() and alt]
    # report-style phrasings of the same towns ("near X", "outskirts of X") fill up to n
    towns = [r for r in rows if r[2] == ""]
    rows += [(f"near {p}", a1, a2) for p, a1, a2 in towns]
    rows += [(f"outskirts of {p}", a1, a2) for p, a1, a2 in towns]
    table = pd.DataFrame(rows, columns=["place", "province", "district"]).drop_duplicates("place")
    return table.iloc[:n].reset_index(drop=True)


def incident_table(n_rows: int, places: pd.DataFrame, seed: int = 16) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    pick = rng.integers(0, len(places), n_rows)
    out = places.iloc[pick].reset_index(drop=True)
    out.insert(0, "id", np.arange(1, n_rows + 1))
    out["fatalities"] = rng.integers(0, 5, n_rows)
    return out


def _run(args: list[str]) -> float:
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "geokit.cli", *args, "-q"], check=True, env=_env(), cwd=ROOT)
    return time.perf_counter() - t0


def run(quick: bool = False) -> list[dict]:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from bench_join import random_points

    from geokit.boundaries import load_boundaries

    n = 100_000 if quick else 1_000_000
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "incidents.csv"
        places = distinct_places()
        incident_table(n, places).to_csv(src, index=False)
        _run(["geocode", str(src), "--country", "PK", "-o", str(Path(tmp) / "warm.csv")])  # index built
        t = _run(
            [
                "geocode", str(src), "--column", "place", "--country", "PK",
                "--admin1-column", "province", "--admin2-column", "district",
                "--boundaries", "PAK:ADM2", "-o", str(Path(tmp) / "geocoded.csv"),
            ]
        )  # fmt: skip
        rows.append(
            {
                "metric": f"geokit geocode rows/s end to end, {n:,} rows ({len(places):,} distinct names, hints, + districts)",
                "unit": "rows/s",
                "geokit": n / t,
                "peer": None,
                "peer_name": "– (no offline peer resolves names with hints)",
                "note": f"{t:.1f} s wall, CSV in and out, one process",
            }
        )
        layer = load_boundaries("PAK:ADM2")
        pts = random_points(layer, n)
        pts_csv = Path(tmp) / "points.csv"
        pts.to_csv(pts_csv, index=False)
        t_join = _run(["join", str(pts_csv), "--boundaries", "PAK:ADM2", "-o", str(Path(tmp) / "joined.csv")])

        def raw() -> None:
            import shapely

            frame = pd.read_csv(pts_csv)
            g = shapely.points(frame["lon"].to_numpy(), frame["lat"].to_numpy())
            shapely.STRtree(g).query(layer.geometry.values, predicate="contains")

        t0 = time.perf_counter()
        raw()
        t_raw = time.perf_counter() - t0
        rows.append(
            {
                "metric": f"geokit join rows/s end to end, {n:,} points",
                "unit": "rows/s",
                "geokit": n / t_join,
                "peer": n / t_raw,
                "peer_name": "read_csv + STRtree(points) 'contains' (no output)",
                "note": f"{t_join:.1f} s wall for the command (start-up, CSV in, join, CSV out)",
            }
        )
    return rows
