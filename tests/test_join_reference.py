"""The fast join gives, on every point, what a plain sjoin "intersects" + nearest gives.

The reference below is the straightforward form: the first unit geopandas.sjoin(predicate=
"intersects") lists for a point (a point on a shared boundary touches several; sjoin lists them
in its spatial index's order, fixed for a given layer), else the nearest unit within the
tolerance in the layer's UTM zone. Points are random ones inside Pakistan, polygon vertices (shared by two
districts), points on district edges, points just outside the national border, and rows
without a usable point, on the real COD-AB districts.
"""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely
from shapely.geometry import box

from geokit.join import join_admin

KEEP = ["adm1_name", "adm1_id", "adm2_name", "adm2_id"]


def reference_join(frame: pd.DataFrame, layer: gpd.GeoDataFrame, tolerance_km: float = 5.0) -> pd.DataFrame:
    layer = layer.reset_index(drop=True)
    keep = [c for c in layer.columns if c.startswith("adm") and c in KEEP] or [
        c for c in layer.columns if c != layer.geometry.name
    ]
    la = pd.to_numeric(frame["lat"], errors="coerce")
    lo = pd.to_numeric(frame["lon"], errors="coerce")
    ok = la.notna() & lo.notna() & (la.abs() <= 90) & (lo.abs() <= 180)
    pts = gpd.GeoDataFrame(
        {"pos": np.arange(len(frame))[ok.to_numpy()]},
        geometry=gpd.points_from_xy(lo[ok], la[ok]),
        crs=4326,
    )
    out = pd.DataFrame({c: pd.Series([pd.NA] * len(frame), dtype="string") for c in keep})
    out["join_status"] = np.where(ok, "outside", "no point")
    out["join_distance_km"] = np.nan
    hits = gpd.sjoin(pts, layer, how="inner", predicate="intersects")
    first = hits.drop_duplicates("pos")
    for col in keep:
        out.loc[first["pos"].to_numpy(), col] = first[col].astype("string").to_numpy()
    out.loc[first["pos"].to_numpy(), "join_status"] = "inside"
    out.loc[first["pos"].to_numpy(), "join_distance_km"] = 0.0
    rest = pts[~pts["pos"].isin(first["pos"])]
    if len(rest):
        utm = layer.estimate_utm_crs()
        near = gpd.sjoin_nearest(
            rest.to_crs(utm),
            layer.to_crs(utm),
            how="inner",
            max_distance=tolerance_km * 1000,
            distance_col="d",
        ).drop_duplicates("pos")
        for col in keep:
            out.loc[near["pos"].to_numpy(), col] = near[col].astype("string").to_numpy()
        out.loc[near["pos"].to_numpy(), "join_status"] = "nearest"
        out.loc[near["pos"].to_numpy(), "join_distance_km"] = near["d"].to_numpy() / 1000
    return out


def _compare(got: gpd.GeoDataFrame, want: pd.DataFrame) -> None:
    for col in want.columns:
        if col == "join_distance_km":
            np.testing.assert_allclose(
                got[col].to_numpy(dtype=float), want[col].to_numpy(dtype=float), rtol=1e-9, equal_nan=True
            )
        else:
            mismatch = np.flatnonzero(
                got[col].astype("string").fillna("<NA>").to_numpy()
                != want[col].astype("string").fillna("<NA>").to_numpy()
            )
            assert not len(mismatch), (col, mismatch[:10], got[col].iloc[mismatch[:5]].tolist())


@pytest.fixture(scope="module")
def hard_points(adm2) -> pd.DataFrame:
    rng = np.random.default_rng(16)
    minx, miny, maxx, maxy = adm2.total_bounds
    random = np.column_stack([rng.uniform(minx, maxx, 4000), rng.uniform(miny, maxy, 4000)])
    coords = shapely.get_coordinates(adm2.geometry.values)
    vertices = coords[rng.choice(len(coords), 1500, replace=False)]
    # points on edges: a vertex, and a point a fraction of the way along its segment
    seg = rng.choice(len(coords) - 1, 1500, replace=False)
    edges = coords[seg] + (coords[seg + 1] - coords[seg]) * rng.uniform(0, 1, (1500, 1))
    # just outside the national border: border vertices pushed outward by 50 m to 8 km
    country = shapely.union_all(adm2.geometry.values)
    border = shapely.get_coordinates(country.boundary)
    pick = border[rng.choice(len(border), 1500, replace=False)]
    centre = np.array(country.centroid.coords[0])
    direction = (pick - centre) / np.linalg.norm(pick - centre, axis=1, keepdims=True)
    outside = pick + direction * rng.uniform(0.0005, 0.08, (1500, 1))
    xy = np.vstack([random, vertices, edges, outside])
    frame = pd.DataFrame({"lat": xy[:, 1], "lon": xy[:, 0], "n": np.arange(len(xy))})
    bad = pd.DataFrame({"lat": [np.nan, 95.0, "x"], "lon": [70.0, 70.0, 70.0], "n": [-1, -2, -3]})
    frame = pd.concat([frame, bad], ignore_index=True).sample(frac=1.0, random_state=3)
    frame.index = frame.index * 7 + 5  # not a RangeIndex: the join must keep it
    return frame


def test_join_matches_sjoin_intersects_and_nearest_on_every_point(hard_points, adm2):
    got = join_admin(hard_points, adm2)
    want = reference_join(hard_points, adm2)
    assert got.index.equals(hard_points.index)
    assert list(got["n"]) == list(hard_points["n"])
    statuses = set(got["join_status"])
    assert {"inside", "nearest", "outside", "no point"} <= statuses
    _compare(got, want)


def test_shared_vertex_gets_the_same_unit_alone_or_in_a_crowd(adm2, hard_points):
    # a vertex shared by two districts: the unit must not depend on the other rows
    polys = adm2.geometry.values
    a, b = shapely.STRtree(polys).query(polys, predicate="touches")
    i, j = next((i, j) for i, j in zip(a, b, strict=True) if i < j)
    shared = shapely.get_coordinates(shapely.intersection(polys[i].boundary, polys[j].boundary))[0]
    alone = pd.DataFrame({"lat": [shared[1]], "lon": [shared[0]], "n": [-9]})
    crowd = pd.concat([hard_points, alone], ignore_index=True)
    one = join_admin(alone, adm2)
    many = join_admin(crowd, adm2)
    assert one.loc[0, "join_status"] == "inside"
    assert one.loc[0, "adm2_id"] in {adm2["adm2_id"].iloc[k] for k in (i, j)}
    assert many["adm2_id"].iloc[-1] == one.loc[0, "adm2_id"]
    _compare(one, reference_join(alone, adm2))


def test_overlapping_units_follow_the_reference():
    # two units overlapping in [1, 2] x [0, 2], a third nested in the second
    layer = gpd.GeoDataFrame(
        {
            "adm1_name": ["A", "B", "C"],
            "adm1_id": ["PK1", "PK2", "PK3"],
        },
        geometry=[box(0, 0, 2, 2), box(1, 0, 3, 2), box(2.2, 0.2, 2.8, 0.8)],
        crs=4326,
    )
    rng = np.random.default_rng(5)
    xy = np.vstack(
        [
            rng.uniform(-0.05, 3.05, (3000, 2)),
            [[1, 1], [2, 1], [1.5, 2], [2.2, 0.5], [2.5, 0.5], [3.0001, 1], [-0.2, 1]],
        ]
    )
    frame = pd.DataFrame({"lat": xy[:, 1], "lon": xy[:, 0]})
    got = join_admin(frame, layer)
    _compare(got, reference_join(frame, layer))
    # inside both A and B, or both B and C: one of the two, never none
    assert got.loc[3000, "adm1_name"] in {"A", "B"}
    assert got.loc[3004, "adm1_name"] in {"B", "C"}
