"""Join speed: geokit.join_admin vs the fastest raw point-in-polygon form measured in the same run.

Raw forms: an STRtree over the points queried with the district polygons ("contains"),
geopandas.sjoin "within" and "intersects"; the peer of each row is whichever was fastest.
"""

from __future__ import annotations

import statistics
import time

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geokit.boundaries import load_boundaries
from geokit.join import join_admin


def random_points(layer: gpd.GeoDataFrame, n: int, seed: int = 7) -> pd.DataFrame:
    """Uniform random points inside the union of the layer (Pakistan)."""
    rng = np.random.default_rng(seed)
    union = shapely.union_all(layer.geometry.values)
    shapely.prepare(union)
    minx, miny, maxx, maxy = layer.total_bounds
    xs, ys = [], []
    have = 0
    while have < n:
        x = rng.uniform(minx, maxx, n)
        y = rng.uniform(miny, maxy, n)
        keep = shapely.contains_xy(union, x, y)
        xs.append(x[keep])
        ys.append(y[keep])
        have += int(keep.sum())
    return pd.DataFrame({"lat": np.concatenate(ys)[:n], "lon": np.concatenate(xs)[:n]})


def _median_time(fn, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def _raw_forms(layer: gpd.GeoDataFrame, cols: list[str], pts: pd.DataFrame) -> dict:
    """The raw ways to join points to polygons, each from the lat/lon table to a join result."""

    def strtree_contains() -> None:
        # the fastest form: a tree over the points, queried with each (prepared) polygon
        g = shapely.points(pts["lon"].to_numpy(), pts["lat"].to_numpy())
        shapely.STRtree(g).query(layer.geometry.values, predicate="contains")

    def sjoin(predicate: str):
        def go() -> None:
            g = gpd.GeoDataFrame(pts, geometry=gpd.points_from_xy(pts["lon"], pts["lat"]), crs=4326)
            gpd.sjoin(g, layer[cols], how="left", predicate=predicate)

        return go

    return {
        "STRtree(points).query(polygons, 'contains')": strtree_contains,
        "geopandas.sjoin within": sjoin("within"),
        "geopandas.sjoin intersects": sjoin("intersects"),
    }


def run(quick: bool = False) -> list[dict]:
    layer = load_boundaries("PAK:ADM2")
    cols = ["adm1_name", "adm1_id", "adm2_name", "adm2_id", "geometry"]
    rows = []
    sizes = [10_000, 100_000] if quick else [10_000, 100_000, 1_000_000]
    join_admin(random_points(layer, 10), layer)  # the per-layer index is made once per process
    for n in sizes:
        pts = random_points(layer, n)
        repeats = 3 if n < 1_000_000 else 2

        def ours() -> None:
            join_admin(pts, layer)

        t_ours = _median_time(ours, repeats)
        raw = {}
        for name, fn in _raw_forms(layer, cols, pts).items():
            # intersects tests every point against an unprepared polygon: once is enough at 1M
            raw[name] = _median_time(fn, 1 if "intersects" in name else repeats)
        best = min(raw, key=raw.__getitem__)
        others = ", ".join(f"{k}: {n / v:,.0f} pts/s" for k, v in raw.items())
        rows.append(
            {
                "area": "join",
                "metric": f"points/s, {n:,} points vs the fastest raw form",
                "unit": "pts/s",
                "geokit": n / t_ours,
                "peer": n / raw[best],
                "peer_name": best,
                "higher_is_better": True,
                "note": f"target ≥ 0.5×; raw forms in this run: {others}",
            }
        )
        if n == 10_000:
            geoms = layer.geometry.values
            for g in geoms:
                shapely.prepare(g)
            sample = pts.iloc[:2_000]

            def loop() -> None:
                for la, lo in zip(sample["lat"], sample["lon"], strict=True):
                    p = shapely.Point(lo, la)
                    for g in geoms:
                        if g.contains(p):
                            break

            t_loop = _median_time(loop, 1) / len(sample)
            rows.append(
                {
                    "area": "join",
                    "metric": f"points/s, {n:,} points vs shapely loop",
                    "unit": "pts/s",
                    "geokit": n / t_ours,
                    "peer": 1 / t_loop,
                    "peer_name": "shapely loop (prepared polygons)",
                    "higher_is_better": True,
                    "note": "loop timed on 2,000 of the points",
                }
            )
    return rows
