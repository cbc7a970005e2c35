"""Embedded (simplified) COD-AB layers against the full-resolution ones.

Measures what the package's compact layers cost in accuracy and what they save in load
time: on 1,000,000 uniform random points inside Pakistan (100,000 with --quick) and on
every Pakistan row of tests/data/gold_places.csv, the share whose unit differs between the
embedded and the full layer (target: at most 0.1% of random points, no gold row), and the
load time of each layer. The peer is the full-resolution layer read from the mirror.
The sampling and comparison code is the generator's (scripts/build_package_data.py),
so the bench measures exactly what the tolerance was chosen on.
"""

from __future__ import annotations

import importlib.util
import statistics
import time
from pathlib import Path

import shapely

from geokit.boundaries import load_boundaries

ROOT = Path(__file__).resolve().parent.parent


def _generator():
    spec = importlib.util.spec_from_file_location(
        "build_package_data", ROOT / "scripts" / "build_package_data.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _median_load(name: str, repeats: int) -> tuple[float, object]:
    times, layer = [], None
    for _ in range(repeats):
        t0 = time.perf_counter()
        layer = load_boundaries(name)
        times.append(time.perf_counter() - t0)
    return statistics.median(times), layer


def run(quick: bool = False) -> list[dict]:
    gen = _generator()
    n = 100_000 if quick else gen.N_POINTS
    rows: list[dict] = []
    layers = {}
    for level in (1, 2, 3):
        t_emb, emb = _median_load(f"PAK:ADM{level}", 3)
        t_full, full = _median_load(f"PAK:ADM{level}:full", 3)
        layers[level] = (emb, full)
        rows.append(
            {
                "area": "embedded",
                "metric": f"load time, COD-AB ADM{level} (load_boundaries, median of 3)",
                "unit": "s",
                "geokit": t_emb,
                "peer": t_full,
                "peer_name": "full-resolution layer (mirror)",
                "higher_is_better": False,
                "note": (
                    f"vertices {int(shapely.get_num_coordinates(emb.geometry.values).sum()):,} embedded vs "
                    f"{int(shapely.get_num_coordinates(full.geometry.values).sum()):,} full"
                ),
            }
        )
    xy = gen.random_points(shapely.coverage_union_all(layers[2][1].geometry.values), n=n)
    for level in (1, 2, 3):
        emb, full = layers[level]
        col = f"adm{level}_id"
        same = int((gen.unit_of(emb, xy, col) == gen.unit_of(full, xy, col)).sum())
        rows.append(
            {
                "area": "embedded",
                "metric": f"random points inside Pakistan in the same ADM{level} unit ({n:,} points)",
                "unit": "share",
                "geokit": same / n,
                "peer": 1.0,
                "peer_name": "full-resolution layer (itself)",
                "higher_is_better": True,
                "note": f"{n - same:,} points ({100 * (n - same) / n:.4f}%) differ"
                + (" (target ≤ 0.1%)" if level == 2 else ""),
            }
        )
    n_gold, differ = gen.gold_differences(
        layers[2][0].assign(ADM2_PCODE=layers[2][0]["adm2_id"]),
        layers[2][1].assign(ADM2_PCODE=layers[2][1]["adm2_id"]),
    )
    rows.append(
        {
            "area": "embedded",
            "metric": "gold_places.csv Pakistan rows in the same district",
            "unit": "rows",
            "geokit": n_gold - len(differ),
            "peer": n_gold,
            "peer_name": "full-resolution layer (itself)",
            "higher_is_better": True,
            "note": "differ: " + (", ".join(differ) or "none") + " (target: none)",
        }
    )
    return rows
