"""Build the data files embedded in the geokit package, from the full-resolution originals.

Reads, through the offline mirror (``GEOKIT_DATA_MIRROR``, by default ``../shared/geodata``)
and checked against the sha256 pinned in ``geokit/data/datasets.json``:

* the OCHA COD-AB Pakistan layers ``pak_admbnda_adm{1,2,3}_wfp_20220909`` (CC BY 3.0 IGO);
* the GeoNames tables ``admin1CodesASCII.txt`` and ``admin2Codes.txt`` (CC BY 4.0).

Writes to ``geokit/data/embedded/``:

* ``cod-ab-pak-adm{1,2,3}.parquet``: GeoParquet (zstd). The tehsils (ADM3) are simplified
  as one coverage with ``shapely.coverage_simplify`` (shared edges stay shared, no gaps or
  overlaps appear); districts and provinces are the dissolve of the simplified tehsils, so
  every level nests exactly in the one above. Attributes are the originals' columns.
* ``geonames-*.txt.gz``: the GeoNames tables unchanged, gzipped (their content keeps the
  publisher's sha256, which geokit checks on use).
* ``MANIFEST.json``: sha256 and size of every input and output, the tolerance and how it was
  chosen, the measurements of every candidate tolerance, licences and attributions.

The tolerance is chosen by measurement: among the candidates, the largest whose ADM2 layer
puts at most ``TARGET_SHARE / 10`` of 1,000,000 random points inside Pakistan in another
district than the full layer does (a tenth of the 0.1% target, for margin) and changes the
district of no row of ``tests/data/gold_places.csv``.

Run from the repository root::

    .venv/bin/python scripts/build_package_data.py            # choose the tolerance, write files
    .venv/bin/python scripts/build_package_data.py --tolerance 0.001
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import sys
from importlib.metadata import version
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "geokit" / "data" / "embedded"
GOLD = ROOT / "tests" / "data" / "gold_places.csv"
CANDIDATES = (0.0005, 0.001, 0.002, 0.005)
TARGET_SHARE = 0.001  # the target: at most 0.1% of random points change district
N_POINTS = 1_000_000
SEED = 20260131
LEVELS = (1, 2, 3)


def sha256(path: Path) -> str:
    """Return the hex sha256 of a file."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 16), b""):
            digest.update(chunk)
    return digest.hexdigest()


def mirror_dir() -> Path:
    """Return the offline mirror holding the originals."""
    mirror = Path(os.environ.get("GEOKIT_DATA_MIRROR") or ROOT.parent / "shared" / "geodata")
    if not mirror.is_dir():
        sys.exit(f"no offline mirror at {mirror}; set GEOKIT_DATA_MIRROR")
    return mirror


def read_full(level: int, mirror: Path) -> tuple[gpd.GeoDataFrame, dict[str, Any]]:
    """One full-resolution COD-AB layer from the mirror, checked against its pinned sha256."""
    from geokit import data

    ds = data.dataset(f"cod-ab:PAK:ADM{level}:full")
    path = mirror / ds.mirror_path
    data.verify(path, ds.sha256, what=f"{ds.key} in {path}")
    gdf = gpd.read_file(path, engine="pyogrio")
    size = path.stat().st_size
    return gdf, {"dataset": ds.key, "mirror_path": ds.mirror_path, "sha256": ds.sha256, "size": size}


def simplify(full: dict[int, gpd.GeoDataFrame], tolerance: float) -> dict[int, gpd.GeoDataFrame]:
    """Simplify the tehsil coverage, then dissolve it into districts and provinces."""
    adm3 = full[3].copy()
    adm3["geometry"] = shapely.coverage_simplify(full[3].geometry.values, tolerance)
    out = {3: adm3}
    for level, child in ((2, 3), (1, 2)):
        code = f"ADM{level}_PCODE"
        groups = out[child].groupby(code).geometry.apply(lambda g: shapely.coverage_union_all(g.values))
        layer = full[level].copy()
        layer["geometry"] = layer[code].map(groups).values
        out[level] = gpd.GeoDataFrame(layer, geometry="geometry", crs=full[level].crs)
    for level, gdf in out.items():
        geoms = gdf.geometry.values
        if not shapely.is_valid(geoms).all() or not shapely.coverage_is_valid(geoms):
            raise SystemExit(f"ADM{level} at tolerance {tolerance} is not a valid coverage")
    return out


def random_points(adm0: Any, n: int = N_POINTS, seed: int = SEED) -> np.ndarray:
    """``n`` points drawn uniformly (in degrees) inside the country outline."""
    rng = np.random.default_rng(seed)
    minx, miny, maxx, maxy = adm0.bounds
    shapely.prepare(adm0)
    parts: list[np.ndarray] = []
    have = 0
    while have < n:
        x, y = rng.uniform(minx, maxx, n), rng.uniform(miny, maxy, n)
        inside = shapely.contains_xy(adm0, x, y)
        parts.append(np.column_stack([x[inside], y[inside]]))
        have += int(inside.sum())
    return np.concatenate(parts)[:n]


def unit_of(layer: gpd.GeoDataFrame, xy: np.ndarray, code: str) -> np.ndarray:
    """Return the P-code of the unit holding each point ("" outside every unit)."""
    tree = shapely.STRtree(layer.geometry.values)
    pi, gi = tree.query(shapely.points(xy), predicate="within")
    out = np.full(len(xy), "", dtype=object)
    out[pi] = layer[code].to_numpy()[gi]
    return out


def gold_rows() -> pd.DataFrame:
    """Return the Pakistan rows of the gold set that name a district."""
    gold = pd.read_csv(GOLD, comment="#", dtype=str)
    return gold[(gold["country_hint"] == "PK") & gold["expected_admin2_pcode"].notna()].reset_index(drop=True)


def gold_differences(simple: gpd.GeoDataFrame, full: gpd.GeoDataFrame) -> tuple[int, list[str]]:
    """Gold rows whose district differs between the layers.

    Rows with a point: the point's district in each layer. Admin-unit rows (no point): the
    simplified unit's representative point (where the gazetteer puts the unit) must fall in
    the same unit of the full layer.
    """
    gold = gold_rows()
    differ: list[str] = []
    pts = gold.dropna(subset=["expected_lat", "expected_lon"])
    xy = pts[["expected_lon", "expected_lat"]].astype(float).to_numpy()
    a, b = unit_of(simple, xy, "ADM2_PCODE"), unit_of(full, xy, "ADM2_PCODE")
    differ += [gid for gid, x, y in zip(pts["id"], a, b, strict=True) if x != y]
    units = gold[gold["expected_lat"].isna()]
    rep = simple.set_index("ADM2_PCODE").geometry.representative_point()
    for gid, code in zip(units["id"], units["expected_admin2_pcode"], strict=True):
        if code in rep.index:
            p = rep[code]
            if unit_of(full, np.array([[p.x, p.y]]), "ADM2_PCODE")[0] != code:
                differ.append(gid)
    return len(gold), differ


def measure(
    simple: dict[int, gpd.GeoDataFrame],
    full: dict[int, gpd.GeoDataFrame],
    xy: np.ndarray,
    reference: dict[int, np.ndarray] | None = None,
) -> dict[str, Any]:
    """Random points and gold rows whose unit differs; ``reference`` caches the full layers' answers."""
    figures: dict[str, Any] = {}
    for level in LEVELS:
        code = f"ADM{level}_PCODE"
        ref = reference[level] if reference is not None else unit_of(full[level], xy, code)
        differ = unit_of(simple[level], xy, code) != ref
        figures[f"adm{level}_random_points_differ"] = int(differ.sum())
        vertices = shapely.get_num_coordinates(simple[level].geometry.values)
        figures[f"adm{level}_vertices"] = int(vertices.sum())
    figures["adm2_random_share_differ"] = figures["adm2_random_points_differ"] / len(xy)
    n_gold, gold_differ = gold_differences(simple[2], full[2])
    figures["gold_rows"] = n_gold
    figures["gold_rows_differ"] = gold_differ
    return figures


def write_layers(simple: dict[int, gpd.GeoDataFrame]) -> dict[str, Any]:
    """Write the simplified layers as GeoParquet; return their manifest entries."""
    outputs: dict[str, Any] = {}
    for level, gdf in simple.items():
        name = f"cod-ab-pak-adm{level}.parquet"
        path = OUT / name
        gdf.to_crs(4326).to_parquet(path, compression="zstd", index=False)
        outputs[name] = {
            "dataset": f"cod-ab:PAK:ADM{level}",
            "features": len(gdf),
            "vertices": int(shapely.get_num_coordinates(gdf.geometry.values).sum()),
            "size": path.stat().st_size,
            "sha256": sha256(path),
        }
    return outputs


def write_geonames(mirror: Path) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Gzip the GeoNames admin tables; return their input and output manifest entries."""
    from geokit import data

    inputs, outputs = [], {}
    for key in ("geonames:admin1", "geonames:admin2"):
        ds = data.dataset(key)
        src = mirror / ds.mirror_path
        data.verify(src, ds.sha256, what=f"{key} in {src}")
        name = f"geonames-{ds.filename}.gz"
        raw = src.read_bytes()
        (OUT / name).write_bytes(gzip.compress(raw, compresslevel=9, mtime=0))
        inputs.append({"dataset": key, "mirror_path": ds.mirror_path, "sha256": ds.sha256, "size": len(raw)})
        outputs[name] = {
            "dataset": key,
            "content_sha256": ds.sha256,
            "size": (OUT / name).stat().st_size,
            "sha256": sha256(OUT / name),
        }
    return inputs, outputs


def main() -> None:
    """Choose the tolerance, write the embedded files and the manifest."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tolerance", type=float, help="skip the search and use this tolerance (degrees)")
    args = parser.parse_args()
    mirror = mirror_dir()
    OUT.mkdir(parents=True, exist_ok=True)
    full, inputs = {}, []
    for level in LEVELS:
        full[level], meta = read_full(level, mirror)
        inputs.append(meta)
    xy = random_points(shapely.coverage_union_all(full[2].geometry.values))
    reference = {level: unit_of(full[level], xy, f"ADM{level}_PCODE") for level in LEVELS}
    print(f"{len(xy):,} random points placed in the full layers", flush=True)

    candidates = (args.tolerance,) if args.tolerance else CANDIDATES
    measured: list[dict[str, Any]] = []
    chosen: float | None = None
    for tol in candidates:
        figures = {"tolerance_degrees": tol, **measure(simplify(full, tol), full, xy, reference)}
        measured.append(figures)
        print(json.dumps(figures), flush=True)
        if figures["adm2_random_share_differ"] <= TARGET_SHARE / 10 and not figures["gold_rows_differ"]:
            chosen = tol
    if chosen is None:
        sys.exit("no candidate tolerance meets the target")
    simple = simplify(full, chosen)
    outputs = write_layers(simple)
    gn_inputs, gn_outputs = write_geonames(mirror)
    manifest = {
        "_comment": "Written by scripts/build_package_data.py; do not edit by hand.",
        "generator": "scripts/build_package_data.py",
        "libraries": {
            "shapely": shapely.__version__,
            "geos": shapely.geos_version_string,
            "geopandas": version("geopandas"),
            "pyarrow": version("pyarrow"),
        },
        "tolerance_degrees": chosen,
        "tolerance_rule": (
            "largest candidate whose ADM2 layer puts at most 0.01% (a tenth of the 0.1% target) of "
            f"{N_POINTS:,} uniform random points inside Pakistan (seed {SEED}) in another district than "
            "the full layer, and changes the district of no Pakistan row of tests/data/gold_places.csv"
        ),
        "simplification": (
            "ADM3 simplified as one coverage with shapely.coverage_simplify (topology kept); ADM2 and "
            "ADM1 are the dissolve (shapely.coverage_union_all) of the simplified ADM3 by ADM2_PCODE "
            "and ADM1_PCODE"
        ),
        "measurements": measured,
        "inputs": inputs + gn_inputs,
        "outputs": {**outputs, **gn_outputs},
        "licences": {
            "cod-ab": {
                "licence": "CC BY 3.0 IGO (https://creativecommons.org/licenses/by/3.0/igo/legalcode)",
                "attribution": (
                    "Administrative boundaries: OCHA / WFP, Pakistan - Subnational Administrative Boundaries "
                    "(COD-AB, pak_adm_wfp_20220909), via the Humanitarian Data Exchange "
                    "(https://data.humdata.org/dataset/cod-ab-pak), CC BY 3.0 IGO; simplified by geokit. "
                    "The boundaries and names do not imply official endorsement or acceptance by the "
                    "United Nations."
                ),
            },
            "geonames": {
                "licence": "CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)",
                "attribution": "GeoNames, https://www.geonames.org/ (CC BY 4.0)",
            },
        },
    }
    (OUT / "MANIFEST.json").write_text(json.dumps(manifest, indent=2) + "\n", "utf-8")
    print(f"tolerance {chosen}: wrote {', '.join(sorted({**outputs, **gn_outputs}))} and MANIFEST.json")


if __name__ == "__main__":
    main()
