"""Map building: geokit.incident_map vs GeoDataFrame.explore() and folium MarkerCluster + Marker.

Same synthetic incidents for every tool (random points in Pakistan, unique
descriptions and URLs, a dozen outlets), each with a popup. Build time is
``build the map + render the HTML``; size is the HTML in bytes. A peer is
skipped at a size where its run at the previous size projects to more than
60 s (recorded in the row's note). The last row is a browser measurement:
Debian Chromium opening the 100,000-incident offline map until every layer
is filled and drawn (``geokit.ready``): the median of three page loads, with
the runtime's stage marks of the median one in the note.
"""

from __future__ import annotations

import functools
import html
import http.server
import statistics
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geokit.boundaries import load_boundaries
from geokit.join import aggregate, join_admin
from geokit.render import incident_map, save_map

LIMIT_S = 60.0
OUTLETS = [
    "Dawn",
    "Express Tribune",
    "The News",
    "Reuters",
    "AFP",
    "Geo News",
    "Daily Pakistan",
    "Balochistan Post",
    "Abb Takk",
    "BBC Urdu",
    "Al Jazeera",
    "Associated Press",
]
TYPES = ["Attack", "Armed clash", "Explosion", "Abduction"]
VERBS = ["attacked", "fired on", "ambushed", "raided", "bombed", "set fire to"]
TARGETS = ["a police post", "a checkpoint", "a convoy", "a market", "a school", "a bank", "a camp", "a bus"]


def incidents(layer: gpd.GeoDataFrame, n: int, seed: int = 11) -> gpd.GeoDataFrame:
    rng = np.random.default_rng(seed)
    union = shapely.union_all(layer.geometry.values)
    shapely.prepare(union)
    minx, miny, maxx, maxy = layer.total_bounds
    xs: list[np.ndarray] = []
    ys: list[np.ndarray] = []
    have = 0
    while have < n:
        x, y = rng.uniform(minx, maxx, n), rng.uniform(miny, maxy, n)
        keep = shapely.contains_xy(union, x, y)
        xs.append(x[keep])
        ys.append(y[keep])
        have += int(keep.sum())
    lon, lat = np.concatenate(xs)[:n], np.concatenate(ys)[:n]
    names = layer["adm2_name"].astype(str).to_numpy()
    district = names[rng.integers(0, len(names), n)]
    outlet = rng.integers(0, len(OUTLETS), n)
    fat = rng.poisson(2.0, n).astype(float)
    fat[rng.random(n) < 0.3] = np.nan
    desc = [
        f"Gunmen {VERBS[i % 6]} {TARGETS[(i * 7) % 8]} near {district[i]} on day {i % 90 + 1}; "
        f"report {i}: {int(fat[i]) if fat[i] == fat[i] else 'no'} people were reported killed."
        for i in range(n)
    ]
    frame = pd.DataFrame(
        {
            "date": pd.Timestamp("2025-10-01") + pd.to_timedelta(rng.integers(0, 90, n), unit="D"),
            "place": [f"{d} area {i % 50}" for i, d in enumerate(district)],
            "event_type": np.asarray(TYPES)[rng.integers(0, 4, n)],
            "description": desc,
            "fatalities": fat,
            "source": np.asarray(OUTLETS)[outlet],
            "source_url": [
                f"https://news.example.org/{OUTLETS[o].lower().replace(' ', '-')}/{i}"
                for i, o in enumerate(outlet)
            ],
            "precision": rng.choice([1, 2, 3], n, p=[0.6, 0.3, 0.1]),
            "lat": lat,
            "lon": lon,
        }
    )
    return join_admin(frame, layer)


def _time(fn: Callable[[], int], repeats: int) -> tuple[float, int]:
    times: list[float] = []
    size = 0
    for _ in range(repeats):
        t0 = time.perf_counter()
        size = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), size


def geokit_build(pts: gpd.GeoDataFrame, agg: gpd.GeoDataFrame, path: Path, offline: bool = False) -> int:
    save_map(incident_map(pts, agg, offline=offline), path)
    return path.stat().st_size


def explore_build(pts: gpd.GeoDataFrame) -> int:
    cols = ["date", "place", "event_type", "description", "fatalities", "source", "source_url", "geometry"]
    gdf = pts[cols].assign(date=pts["date"].dt.strftime("%Y-%m-%d"))
    m = gdf.explore(column="event_type", popup=True, tooltip=False, marker_kwds={"radius": 5})
    return len(m.get_root().render().encode("utf-8"))


def folium_build(pts: gpd.GeoDataFrame) -> int:
    import folium
    from folium.plugins import MarkerCluster

    m = folium.Map(location=[30, 69], zoom_start=5)
    cluster = MarkerCluster().add_to(m)  # type: ignore[no-untyped-call]
    for row in pts.itertuples(index=False):
        text = (
            f"<b>{html.escape(str(row.place))}</b><br>{row.date:%Y-%m-%d} {html.escape(str(row.event_type))}<br>"
            f"{html.escape(str(row.description))}<br><a href='{html.escape(str(row.source_url))}'>"
            f"{html.escape(str(row.source))}</a>"
        )
        folium.Marker([row.geometry.y, row.geometry.x], popup=folium.Popup(text, max_width=300)).add_to(
            cluster
        )
    return len(m.get_root().render().encode("utf-8"))


def browser_runs(path: Path, runs: int = 3) -> list[dict[str, Any]] | None:
    """Open ``path`` ``runs`` times in Debian Chromium (None if unavailable).

    Each run gives ``ms``, the milliseconds from navigation start to
    ``geokit.ready`` (every layer filled and drawn), and ``marks``, the
    runtime's ``[stage, ms]`` list (data decoded, markers made, clustered, drawn).
    """
    if not Path("/usr/bin/chromium").exists():
        return None
    from playwright.sync_api import sync_playwright

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Quiet, directory=str(path.parent))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    try:
        with sync_playwright() as pw, tempfile.TemporaryDirectory() as profile:
            ctx = pw.chromium.launch_persistent_context(
                profile,
                executable_path="/usr/bin/chromium",
                headless=True,
                args=[
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                ],
                viewport={"width": 1200, "height": 800},
            )
            page = ctx.new_page()
            page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(base) else r.abort())
            results = []
            for _ in range(runs):
                page.goto(f"{base}/{path.name}")
                page.wait_for_function(
                    "document.documentElement.getAttribute('data-geokit-ready') === '1'", timeout=120_000
                )
                results.append(page.evaluate("({ms: geokit.drawnAt, marks: geokit.marks || []})"))
            ctx.close()
            return results
    finally:
        server.shutdown()
        server.server_close()


def browser_ready_ms(path: Path, runs: int = 3) -> float | None:
    """Median milliseconds from navigation start to geokit.ready over ``runs`` page loads."""
    got = browser_runs(path, runs)
    return None if got is None else float(statistics.median(r["ms"] for r in got))


def _stages(run: dict[str, Any]) -> str:
    """``decoded incidents 410, markers made 450, ...`` from one run's marks (ms since navigation)."""
    return ", ".join(f"{what.replace('geokit-data-', '')} {ms:.0f}" for what, ms in run["marks"])


def run(quick: bool = False) -> list[dict[str, Any]]:
    layer = load_boundaries("PAK:ADM2")
    sizes = [1_000, 10_000] if quick else [1_000, 10_000, 100_000]
    rows: list[dict[str, Any]] = []
    last: dict[str, tuple[int, float]] = {}
    tmp = Path(tempfile.mkdtemp(prefix="geokit-bench-maps-"))
    incident_map(None)  # warm imports (mapclassify, folium) outside the timings
    for n in sizes:
        pts = incidents(layer, n)
        agg = aggregate(pts, layer)
        repeats = 3 if n <= 10_000 else 2
        t_ours, s_ours = _time(lambda: geokit_build(pts, agg, tmp / f"geokit-{n}.html"), repeats)
        for peer, fn in (
            ("GeoDataFrame.explore()", explore_build),
            ("folium MarkerCluster+Marker", folium_build),
        ):
            note = ""
            prev = last.get(peer)
            projected = prev[1] * n / prev[0] if prev else 0.0
            if prev is not None and projected > LIMIT_S:
                t_peer, s_peer = None, None
                note = f"{peer} skipped at {n:,}: projected {projected:.0f} s from {prev[0]:,} (> {LIMIT_S:.0f} s)"
            else:
                try:
                    t_peer, s_peer = _time(lambda: fn(pts), 1 if n > 1_000 else 2)
                    last[peer] = (n, t_peer)
                except ImportError as exc:  # explore() needs matplotlib, which geokit does not
                    t_peer, s_peer = None, None
                    note = f"{peer} not run: {str(exc).splitlines()[0][:90]}"
            rows.append(
                {
                    "area": "maps",
                    "metric": f"build map + HTML, {n:,} incidents with popups",
                    "geokit": round(t_ours, 3),
                    "peer": None if t_peer is None else round(t_peer, 3),
                    "peer_name": peer,
                    "unit": "s",
                    "higher_is_better": False,
                    "note": note,
                }
            )
            rows.append(
                {
                    "area": "maps",
                    "metric": f"HTML size, {n:,} incidents with popups",
                    "geokit": round(s_ours / 1e6, 3),
                    "peer": None if s_peer is None else round(s_peer / 1e6, 3),
                    "peer_name": peer,
                    "unit": "MB",
                    "higher_is_better": False,
                    "note": note,
                }
            )
    n = sizes[-1]
    pts = incidents(layer, n)
    path = tmp / f"geokit-offline-{n}.html"
    t_off, s_off = _time(lambda: geokit_build(pts, aggregate(pts, layer), path, offline=True), 1)
    got = browser_runs(path, 3)
    ms = None if got is None else statistics.median(r["ms"] for r in got)
    stages = ""
    if got:
        median_run = sorted(got, key=lambda r: r["ms"])[len(got) // 2]
        each = ", ".join(f"{r['ms'] / 1000:.2f}" for r in got)
        stages = f"; runs {each} s; median run (ms): {_stages(median_run)}"
    rows.append(
        {
            "area": "maps",
            "metric": f"offline map, {n:,} incidents: Chromium navigation to all layers drawn",
            "geokit": None if ms is None else round(ms / 1000.0, 2),
            "peer": None,
            "peer_name": "–",
            "unit": "s",
            "higher_is_better": False,
            "note": f"offline HTML {s_off / 1e6:.2f} MB built in {t_off:.2f} s (incl. aggregate){stages}",
        }
    )
    return rows


if __name__ == "__main__":
    for row in run(quick=True):
        print(row)
