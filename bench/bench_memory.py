"""Peak memory of ``geokit map`` on 100,000 incidents vs GeoDataFrame.explore() on the same points."""

from __future__ import annotations

import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import numpy as np
import pandas as pd

PLACES = [
    "Quetta",
    "Mastung",
    "Nushki",
    "Gwadar",
    "Turbat",
    "Khuzdar",
    "Peshawar",
    "Bannu",
    "Karachi",
    "Lahore",
]

_MEASURE = textwrap.dedent(
    """
    import resource, subprocess, sys
    proc = subprocess.run(sys.argv[1:], capture_output=True, text=True)
    if proc.returncode:
        sys.stderr.write(proc.stderr)
        sys.exit(proc.returncode)
    print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    """
)

_EXPLORE = textwrap.dedent(
    """
    import sys
    import geopandas as gpd, pandas as pd
    df = pd.read_csv(sys.argv[1])
    gdf = gpd.GeoDataFrame(df, geometry=gpd.points_from_xy(df["lon"], df["lat"]), crs=4326)
    gdf.explore(tooltip=["place", "date"], popup=True).save(sys.argv[2])
    """
)


def make_incidents(n: int, path: Path, seed: int = 3) -> None:
    """Write ``n`` synthetic incidents with coordinates in Pakistan and short texts."""
    rng = np.random.default_rng(seed)
    lat = rng.uniform(24.5, 35.5, n)
    lon = rng.uniform(62.0, 75.0, n)
    pd.DataFrame(
        {
            "id": np.arange(n),
            "date": pd.Timestamp("2026-01-01") + pd.to_timedelta(rng.integers(0, 60, n), unit="D"),
            "place": rng.choice(PLACES, n),
            "country_hint": "PK",
            "event_type": rng.choice(["Attack", "Armed clash", "Explosion"], n),
            "description": [f"Synthetic incident number {i} for the benchmark" for i in range(n)],
            "fatalities": rng.integers(0, 5, n),
            "source": "bench",
            "lat": lat,
            "lon": lon,
        }
    ).to_csv(path, index=False)


def _peak_kib(cmd: list[str]) -> float:
    out = subprocess.run([sys.executable, "-c", _MEASURE, *cmd], capture_output=True, text=True, check=True)
    return float(out.stdout.strip().splitlines()[-1])


def run(quick: bool = False) -> list[dict]:
    n = 20_000 if quick else 100_000
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        src = folder / "incidents.csv"
        make_incidents(n, src)
        geokit = Path(sys.executable).with_name("geokit")
        ours = _peak_kib([str(geokit), "map", str(src), "-o", str(folder / "g.html"), "-q"])
        peer = _peak_kib([sys.executable, "-c", _EXPLORE, str(src), str(folder / "e.html")])
    return [
        {
            "area": "memory",
            "metric": f"peak RSS, map of {n:,} incidents",
            "unit": "MiB",
            "geokit": ours / 1024,
            "peer": peer / 1024,
            "peer_name": "GeoDataFrame.explore()",
            "higher_is_better": False,
            "note": "geokit also resolves every place name, joins to 160 districts and draws the choropleth",
        }
    ]
