"""Run geokit's benchmarks side by side with the peer tools, one fresh process per area.

Usage: ``python bench/run.py [--quick] [--only gazetteer,join,...]``

Each ``bench/bench_<area>.py`` exposes ``run(quick: bool) -> list[dict]``; every
row carries geokit's figure and the peer's figure measured in the same run.
Results go to ``bench/results.json`` and a Markdown table on stdout. Absolute
times are noisy on shared machines; read the ratios.

Each area runs in a Python process of its own, as a user's script would: one area's
tables and peers left in memory (the gazetteer area's million place names) make every
later garbage collection walk them, and slowed the next area's geokit and peer alike by a
fifth when they shared a process.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
AREAS = ["gazetteer", "geoparse", "join", "maps", "memory", "embedded", "hints", "toponyms", "e2e", "scale"]


def _ratio(row: dict) -> float | None:
    g, p = row.get("geokit"), row.get("peer")
    if not isinstance(g, int | float) or not isinstance(p, int | float) or not g or not p:
        return None
    # ratio > 1 always means "geokit is better by this factor"
    return g / p if row.get("higher_is_better", True) else p / g


def _fmt(x: object) -> str:
    if isinstance(x, float):
        return f"{x:,.3g}" if abs(x) < 1000 else f"{x:,.0f}"
    return "–" if x is None else str(x)


def _child(area: str, quick: bool, out: Path) -> int:
    """Run one area in this process and write its rows to ``out`` as JSON."""
    try:
        module = importlib.import_module(f"bench_{area}")
        got = module.run(quick=quick)
    except Exception:  # one failing area must not hide the others
        traceback.print_exc()
        got = [{"area": area, "metric": "FAILED (see stderr)", "geokit": None, "peer": None}]
    out.write_text(json.dumps(got, default=str))
    return 0


def _in_own_process(area: str, quick: bool) -> list[dict]:
    """Run one area in a fresh Python process and return its rows."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "rows.json"
        cmd = [sys.executable, str(Path(__file__).resolve()), "--only", area, "--rows-to", str(out)]
        env = dict(os.environ)
        # the offline mirror beside the checkout, as make sets it
        shared = HERE.parent.parent / "shared" / "geodata"
        if "GEOKIT_DATA_MIRROR" not in env and shared.is_dir():
            env["GEOKIT_DATA_MIRROR"] = str(shared)
        done = subprocess.run([*cmd, *(["--quick"] if quick else [])], check=False, env=env)
        if done.returncode != 0 or not out.exists():
            return [
                {
                    "area": area,
                    "metric": f"FAILED (exit {done.returncode}, see stderr)",
                    "geokit": None,
                    "peer": None,
                }
            ]
        rows: list[dict] = json.loads(out.read_text())
        return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes, fewer repeats")
    parser.add_argument("--only", help="comma-separated areas: " + ",".join(AREAS))
    parser.add_argument("--rows-to", help=argparse.SUPPRESS)  # the child's way back: one area's rows
    args = parser.parse_args()
    sys.path.insert(0, str(HERE))
    if args.rows_to:
        return _child(args.only, args.quick, Path(args.rows_to))
    areas = args.only.split(",") if args.only else AREAS
    rows: list[dict] = []
    started = time.perf_counter()
    for area in areas:
        if not (HERE / f"bench_{area}.py").exists():
            print(f"(no bench_{area}.py yet; skipped)", file=sys.stderr)
            continue
        t0 = time.perf_counter()
        got = _in_own_process(area, args.quick)
        for row in got:
            row.setdefault("area", area)
            row["ratio"] = _ratio(row)
        rows.extend(got)
        print(f"[{area}: {time.perf_counter() - t0:.0f} s]", file=sys.stderr)
    result = {
        "machine": {
            "python": platform.python_version(),
            # the interpreter's build moves the pure-Python figures (geoparse) by several per cent
            "python_executable": os.path.realpath(sys.executable),
            "python_build": " ".join(platform.python_build()),
            "cpus": os.cpu_count(),
            "platform": platform.platform(),
        },
        "seconds": round(time.perf_counter() - started, 1),
        "quick": args.quick,
        "rows": rows,
    }
    (HERE / "results.json").write_text(json.dumps(result, indent=2, default=str) + "\n")
    print("| area | metric | geokit | peer | peer value | ratio (>1: geokit better) |")
    print("|---|---|---|---|---|---|")
    for r in rows:
        unit = f" {r['unit']}" if r.get("unit") else ""
        ratio = f"{r['ratio']:.2f}×" if r.get("ratio") else "–"
        print(
            f"| {r['area']} | {r['metric']} | {_fmt(r.get('geokit'))}{unit} | {r.get('peer_name', '–')} "
            f"| {_fmt(r.get('peer'))}{unit if r.get('peer') is not None else ''} | {ratio} |"
        )
        if r.get("note"):
            print(f"|  | ↳ {r['note']} |  |  |  |  |")
    print(f"\n{len(rows)} rows in {result['seconds']} s; written to bench/results.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
