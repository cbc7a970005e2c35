"""Maps in a real browser: Debian's Chromium, driven by Playwright, with no network.

Pages are served from 127.0.0.1; every other request is aborted (online maps
get Leaflet from the local asset cache standing in for the CDN, and their
tiles fail). Each test waits for ``data-geokit-ready`` (every layer filled and
drawn) and then counts what the page drew. Screenshots land in
``tests/artifacts/``. Needs ``/usr/bin/chromium`` and a filled asset cache:
``make test`` installs and fetches both before pytest runs.
"""

from __future__ import annotations

import functools
import http.server
import importlib.util
import threading
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from shapely.geometry import box

from geokit.errors import DataError
from geokit.join import aggregate, join_admin
from geokit.render import incident_map, save_map

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
EXAMPLE = ROOT / "examples" / "balochistan-2026-01-31.csv"
CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PAYLOADS = [
    line
    for line in (Path(__file__).resolve().parent / "data" / "xss_payloads.txt").read_text("utf-8").split("\n")
    if line and not line.startswith("#")
]

# What the page drew, counted from Leaflet's state and the DOM:
# single markers in a canvas renderer's draw list and inside the view, cluster icons and the sum of their counts,
# district paths in the SVG, and the legend.
COUNT_JS = """() => {
  const map = geokit.maps[0];
  let painted = 0;
  map.eachLayer(l => {
    if (l instanceof L.CircleMarker && l.gi !== undefined && l._order && !l._empty()) {
      painted++;
    }
  });
  const icons = [...document.querySelectorAll('.marker-cluster')];
  const legend = document.querySelector('.geokit-legend.leaflet-control');
  return {
    painted: painted,
    clusters: icons.length,
    clustered: icons.reduce((s, el) => s + parseInt(el.textContent, 10), 0),
    districts: document.querySelectorAll('path.geokit-district').length,
    legend: legend ? legend.innerText : null,
  };
}"""


def _hand_resolved(table: pd.DataFrame) -> pd.DataFrame:
    """Coordinates for the example's places, until geokit.resolve lands (precision 2: part of a town)."""
    coords = {
        "Hazar Ganji, Quetta": (30.1337, 66.9227, 2),
        "Sariab, Quetta": (30.155, 66.99, 2),
        "Eastern Bypass, Quetta": (30.20, 67.04, 2),
        "Mastung": (29.7997, 66.8455, 1),
        "Nushki": (29.5542, 66.0215, 1),
        "Gwadar": (25.1264, 62.3225, 1),
    }
    out = table.copy()
    out["lat"] = [coords[p][0] for p in out["place"]]
    out["lon"] = [coords[p][1] for p in out["place"]]
    out["precision"] = [coords[p][2] for p in out["place"]]
    out["status"] = "resolved"
    return out


@pytest.fixture(scope="session")
def example(adm2):
    """The example CSV through the real pipeline: incidents and district aggregates."""
    from geokit.ingest import read_incidents

    table = read_incidents(EXAMPLE)
    if importlib.util.find_spec("geokit.resolve") is not None:
        from geokit.pipeline import run_pipeline

        result = run_pipeline(table, boundaries=adm2)
        return result.incidents, result.aggregates
    joined = join_admin(_hand_resolved(table), adm2)
    return joined, aggregate(joined, adm2)


@pytest.fixture(scope="session")
def assets():
    """The asset cache must be filled (``make test`` runs ``geokit assets fetch``); never skip."""
    from geokit._assets import ASSETS, asset_dir, read_asset

    try:
        for name, asset in ASSETS.items():
            for file in asset.files:
                read_asset(name, file)
    except DataError as exc:
        pytest.fail(f"{exc} (make test does this before pytest)")
    return asset_dir()


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """A static file server on 127.0.0.1 over a fresh folder; yields (folder, base URL)."""
    folder = tmp_path_factory.mktemp("site")
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Quiet, directory=str(folder))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield folder, f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()
    thread.join()


@pytest.fixture(scope="session")
def browser(tmp_path_factory):
    if not CHROMIUM.exists():
        pytest.fail(
            "no /usr/bin/chromium: run 'make test' (it installs Debian's chromium) or apt-get install chromium"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")),
            executable_path=str(CHROMIUM),
            headless=True,
            args=ARGS,
            viewport={"width": 1200, "height": 800},
        )
        yield context
        context.close()


class Page:
    """One browser tab with network confinement and a log of what went wrong."""

    def __init__(self, context, base: str, assets_dir: Path, *, cdn: bool) -> None:
        self.tab = context.new_page()
        self.base = base
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.blocked: list[str] = []
        self.dialogs: list[str] = []
        self.tab.on("console", self._console)
        self.tab.on("pageerror", lambda exc: self.errors.append(f"pageerror: {exc}"))
        self.tab.on("dialog", self._dialog)
        self.assets_dir = assets_dir
        self.cdn = cdn
        self.tab.route("**/*", self._route)

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def _console(self, msg) -> None:
        if msg.type == "error":
            self.errors.append(f"{msg.text} @ {msg.location.get('url', '')}")

    def _route(self, route) -> None:
        url = route.request.url
        self.requests.append(url)
        if url.startswith(self.base + "/") or url.startswith(("data:", "blob:")):
            route.continue_()
            return
        prefix = "https://cdn.jsdelivr.net/npm/"
        if self.cdn and url.startswith(prefix):  # the asset cache stands in for the CDN
            key, _, file = url[len(prefix) :].partition("/")
            path = self.assets_dir / key / file
            if path.is_file():
                kind = "text/css" if file.endswith(".css") else "application/javascript"
                route.fulfill(status=200, body=path.read_bytes(), content_type=kind)
                return
        self.blocked.append(url)
        route.abort()

    def open(self, name: str) -> Page:
        self.tab.goto(f"{self.base}/{name}")
        self.tab.wait_for_function(
            "document.documentElement.getAttribute('data-geokit-ready')", timeout=60_000
        )
        assert self.tab.evaluate("document.documentElement.getAttribute('data-geokit-ready')") == "1"
        self.tab.wait_for_function(
            "() => !geokit.maps[0]._animatingZoom && !geokit.maps[0]._panAnim?._inProgress"
        )
        return self

    def counts(self) -> dict:
        return self.tab.evaluate(COUNT_JS)

    def shot(self, name: str) -> Path:
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / name
        self.tab.screenshot(path=str(path))
        return path


@pytest.fixture
def tab(browser, site, assets):
    folder, base = site
    pages: list[Page] = []

    def make(*, cdn: bool = False) -> Page:
        page = Page(browser, base, assets, cdn=cdn)
        pages.append(page)
        return page

    yield folder, make
    for page in pages:
        page.tab.close()


def _publish(folder: Path, name: str, m) -> str:
    save_map(m, folder / name)
    return name


def _located(frame: pd.DataFrame) -> int:
    geom = frame.geometry
    return int((geom.notna() & ~geom.is_empty).sum())


# ---------------------------------------------------------------- the example map
def test_example_offline_map_draws_everything_and_loads_nothing(tab, example):
    incidents, districts = example
    folder, make = tab
    name = _publish(
        folder,
        "example-offline.html",
        incident_map(incidents, districts, title="Balochistan, 31 January 2026", offline=True),
    )
    page = make().open(name)
    got = page.counts()
    page.shot("example-offline.png")
    assert page.errors == []
    assert page.requests == [f"{page.base}/{name}"]  # not even a favicon
    assert got["painted"] + got["clustered"] == _located(incidents)
    assert got["districts"] == len(districts)
    assert "incidents per district" in got["legend"] and "0 (no incidents)" in got["legend"]
    assert "Attack" in got["legend"] and "Armed clash" in got["legend"]


def test_example_popup_shows_the_text_as_text(tab, example):
    incidents, districts = example
    folder, make = tab
    name = _publish(folder, "example-popup.html", incident_map(incidents, districts, offline=True))
    page = make().open(name)
    gwadar = incidents[incidents["place"] == "Gwadar"].iloc[0]
    xy = page.tab.evaluate(
        "([lat, lon]) => { const p = geokit.maps[0].latLngToContainerPoint([lat, lon]); return [p.x, p.y]; }",
        [gwadar.geometry.y, gwadar.geometry.x],
    )
    for attempt in range(3):  # a real click on the canvas marker; again if the map was still settling
        page.tab.mouse.click(xy[0], xy[1])
        try:
            popup = page.tab.wait_for_selector(".leaflet-popup-content .geokit-popup", timeout=5_000)
            break
        except PlaywrightTimeout:
            if attempt == 2:
                raise
    text = popup.inner_text()
    page.shot("example-popup.png")
    assert "Gwadar" in text and gwadar["description"] in text
    assert "11" in text  # fatalities
    href = popup.query_selector("a").get_attribute("href")
    assert href == gwadar["source_url"] and href.startswith("https://")
    assert page.errors == []


def test_example_online_map_with_cdn_standin(tab, example):
    """The online build: Leaflet from the (stand-in) CDN, tiles blocked; only tile loads may fail."""
    incidents, districts = example
    folder, make = tab
    name = _publish(
        folder, "example-online.html", incident_map(incidents, districts, title="Online", inline=False)
    )
    page = make(cdn=True).open(name)
    got = page.counts()
    page.shot("example-online.png")
    assert got["painted"] + got["clustered"] == _located(incidents)
    assert got["districts"] == len(districts)
    assert all("tile.openstreetmap.org" in url for url in page.blocked)
    assert page.blocked, "tiles were requested"
    assert [e for e in page.errors if "tile.openstreetmap.org" not in e and "ERR_FAILED" not in e] == []


def test_legend_labels_do_not_overlap_each_other_or_controls(tab, example):
    incidents, districts = example
    folder, make = tab
    name = _publish(
        folder, "legend.html", incident_map(incidents, districts, column="fatalities", offline=True)
    )
    page = make().open(name)
    boxes = page.tab.evaluate("""() => {
      const r = el => { const b = el.getBoundingClientRect(); return [b.left, b.top, b.right, b.bottom]; };
      return {
        rows: [...document.querySelectorAll('.geokit-legend .geokit-row span:last-child')].map(r),
        legend: r(document.querySelector('.geokit-legend')),
        others: [...document.querySelectorAll('.leaflet-control-layers, .leaflet-control-attribution, '
                 + '.leaflet-control-zoom, .leaflet-control-scale, .geokit-title')].map(r),
      };
    }""")

    def overlap(a, b):
        return a[0] < b[2] - 0.5 and b[0] < a[2] - 0.5 and a[1] < b[3] - 0.5 and b[1] < a[3] - 0.5

    rows = boxes["rows"]
    assert len(rows) >= 4
    assert not any(overlap(a, b) for i, a in enumerate(rows) for b in rows[i + 1 :])
    assert not any(overlap(boxes["legend"], o) for o in boxes["others"])
    legend = page.counts()["legend"]
    assert "no data (incidents without figures)" in legend  # Quetta: incidents, no figures
    lines = [line.strip() for line in legend.splitlines()]
    assert "0" in lines  # a class of its own for districts with no deaths ("10" or "0 – 10" is not it)


# ---------------------------------------------------------------- XSS corpus
@pytest.fixture(scope="module")
def hostile():
    """One incident per payload, every text field hostile, in districts named with payloads."""
    n = len(PAYLOADS)
    cols = 8
    layer = gpd.GeoDataFrame(
        {
            "adm1_name": PAYLOADS,
            "adm1_id": [f"P{i % 3}" for i in range(n)],
            "adm2_name": PAYLOADS[::-1],
            "adm2_id": [f"D{i}" for i in range(n)],
        },
        geometry=[box(60 + (i % cols), 25 + i // cols, 61 + (i % cols), 26 + i // cols) for i in range(n)],
        crs=4326,
    )
    frame = pd.DataFrame(
        {
            "place": PAYLOADS,
            "description": PAYLOADS[::-1],
            "source": PAYLOADS,
            "source_url": PAYLOADS,
            "event_type": PAYLOADS,
            "fatalities": PAYLOADS,
            "date": ["2026-01-0" + str(1 + i % 3) for i in range(n)],
            "lat": [25.5 + i // cols for i in range(n)],
            "lon": [60.5 + (i % cols) for i in range(n)],
            "precision": [1 + i % 3 for i in range(n)],
        }
    )
    joined = join_admin(frame, layer)
    agg = aggregate(joined, layer)
    agg.attrs["geokit"] = {"attribution": PAYLOADS[0]}
    agg[PAYLOADS[5]] = agg["incidents"]
    return joined, agg


@pytest.mark.parametrize("offline", [True, False], ids=["offline", "online"])
def test_xss_corpus_never_runs(tab, hostile, offline):
    joined, agg = hostile
    folder, make = tab
    m = incident_map(
        joined,
        agg,
        column=PAYLOADS[5],
        title=" ".join(PAYLOADS),
        attribution=PAYLOADS,
        offline=offline,
        time_view=True,
    )
    name = _publish(folder, f"xss-{offline}.html", m)
    page = make(cdn=not offline).open(name)
    # open every popup and every district tooltip, move the time slider through every period
    opened = page.tab.evaluate("""() => {
      const st = geokit.layers.incidents, texts = [];
      st.markers.forEach(m => { m.fire('click', {latlng: m.getLatLng()}, true);
        const c = [...document.querySelectorAll('.leaflet-popup-content')].pop(); texts.push(c ? c.textContent : null); });
      geokit.layers.districts.layer.eachLayer(l => { l.openTooltip(l.getBounds().getCenter()); l.closeTooltip(); });
      const slider = document.querySelector('.geokit-time input');
      for (let v = 0; v <= Number(slider.max); v++) { slider.value = String(v); slider.dispatchEvent(new Event('input')); }
      document.querySelectorAll('.leaflet-control-layers input').forEach(i => i.click());
      return texts;
    }""")
    page.tab.mouse.move(300, 300)
    page.tab.mouse.move(600, 500)
    page.tab.wait_for_timeout(300)
    page.shot(f"xss-{'offline' if offline else 'online'}.png")
    assert page.tab.evaluate("window.__xss") is None
    assert page.tab.evaluate("top.__xss") is None
    assert page.dialogs == []
    # nothing hostile became markup: no event-handler attributes, no javascript:/data: links, no frames
    bad = page.tab.evaluate("""() => {
      const out = [];
      document.querySelectorAll('*').forEach(el => { for (const a of el.attributes) {
        if (/^on/i.test(a.name)) out.push(el.tagName + ' ' + a.name); } });
      document.querySelectorAll('a[href]').forEach(a => {
        const h = a.getAttribute('href'); if (!h.startsWith('#') && !/^https?:\\/\\//i.test(h)) out.push('href ' + h); });
      document.querySelectorAll('iframe, object, embed, base, form, details, video, audio, marquee, math')
        .forEach(el => out.push(el.tagName));
      return out;
    }""")
    assert bad == []
    # the popups show the payloads as literal text
    assert len(opened) == len(PAYLOADS)
    for i, text in enumerate(opened):
        assert PAYLOADS[i].strip() in text
    title = page.tab.inner_text(".geokit-title")
    assert PAYLOADS[0] in title and PAYLOADS[-1] in title
    layers = page.tab.inner_text(".leaflet-control-layers")
    assert 'Districts: <svg onload="window.' in layers  # shown as text
    assert (
        page.errors == []
        if offline
        else all("tile.openstreetmap.org" in e or "ERR_FAILED" in e for e in page.errors)
    )


# ---------------------------------------------------------------- clustering, precision, time, heat
def _random_incidents(n: int, seed: int = 3, days: int = 1) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    return pd.DataFrame(
        {
            "lat": rng.uniform(29.0, 30.0, n),
            "lon": rng.uniform(66.0, 69.0, n),
            "event_type": rng.choice(["Attack", "Armed clash", "Explosion"], n),
            "place": [f"Place {i}" for i in range(n)],
            "description": [
                f"Incident number {i} with a longer description, word {i * 7 % 1000}." for i in range(n)
            ],
            "date": pd.Timestamp("2026-01-01") + pd.to_timedelta(rng.integers(0, days, n), unit="D"),
            "precision": rng.choice([1, 2, 3], n),
        }
    )


@pytest.fixture(scope="module")
def boxes():
    from geokit.boundaries import load_boundaries

    return load_boundaries(
        gpd.GeoDataFrame(
            {
                "ADM2_EN": ["West", "Middle", "East"],
                "ADM2_PCODE": ["X1", "X2", "X3"],
                "ADM1_EN": ["P", "P", "Q"],
                "ADM1_PCODE": ["P1", "P1", "P2"],
            },
            geometry=[box(66, 29, 67, 30), box(67, 29, 68, 30), box(68, 29, 69, 30)],
            crs=4326,
        )
    )


def test_clusters_sum_to_the_data_and_compressed_payloads_decode(tab, boxes, monkeypatch):
    from geokit.render import _util

    monkeypatch.setattr(_util, "COMPRESS_ABOVE", 1)  # exercise the deflate path on a small page
    joined = join_admin(_random_incidents(3000), boxes)
    folder, make = tab
    name = _publish(folder, "clusters.html", incident_map(joined, aggregate(joined, boxes), offline=True))
    assert 'data-encoding="deflate-base64"' in (folder / name).read_text()
    page = make().open(name)
    got = page.counts()
    page.shot("clusters.png")
    assert got["clusters"] > 0
    assert got["painted"] + got["clustered"] == 3000
    assert got["districts"] == 3
    # from zoom 13 every incident in view is drawn on its own, none clustered
    page.tab.evaluate("() => { geokit.maps[0].setView([29.5, 67.5], 13, {animate: false}); }")
    page.tab.wait_for_timeout(500)
    near = page.tab.evaluate("""() => {
      const b = geokit.maps[0].getBounds();
      const inside = geokit.layers.incidents.markers.filter(m => b.contains(m.getLatLng()));
      return [inside.length, inside.filter(m => m._map && m._order && !m._empty()).length];
    }""")
    assert near[0] > 0 and near[1] == near[0]
    assert page.counts()["clusters"] == 0
    assert page.errors == []


def test_precision_is_drawn_differently(tab, boxes):
    frame = pd.DataFrame(
        {
            "lat": [29.5, 29.5, 29.5],
            "lon": [66.5, 67.5, 68.5],
            "precision": [1, 2, 3],
            "event_type": ["Attack"] * 3,
            "place": ["exact", "near", "district"],
        }
    )
    joined = join_admin(frame, boxes)
    folder, make = tab
    name = _publish(folder, "precision.html", incident_map(joined, aggregate(joined, boxes), offline=True))
    page = make().open(name)
    page.shot("precision.png")
    styles = page.tab.evaluate("""() => geokit.layers.incidents.markers.map(m => [
      m.options.radius, m.options.weight, m.options.fillOpacity, m.options.dashArray || null])""")
    exact, near, admin = styles
    assert exact[3] is None and near[3] is None
    assert near[1] > exact[1]  # a ring around the point
    assert admin[3] is not None and admin[0] > exact[0] and admin[2] < 0.5  # large, dashed, hollow
    legend = page.counts()["legend"]
    assert "near / part of a place" in legend and "district/province level only" in legend


def test_time_view_filters_points_and_restyles_districts(tab, boxes):
    frame = _random_incidents(300, days=5)
    joined = join_admin(frame, boxes)
    folder, make = tab
    name = _publish(folder, "time.html", incident_map(joined, aggregate(joined, boxes), offline=True))
    page = make().open(name)
    assert page.tab.is_visible(".geokit-time input")
    day = pd.to_datetime(frame["date"]).dt.date
    before = page.tab.evaluate(
        "() => [...document.querySelectorAll('path.geokit-district')].map(p => p.getAttribute('fill'))"
    )
    page.tab.fill(".geokit-time input", "3")  # the third day
    page.tab.wait_for_timeout(200)
    got = page.counts()
    assert page.tab.inner_text(".geokit-time output") == "2026-01-03"
    assert got["painted"] == int((day == pd.Timestamp("2026-01-03").date()).sum())
    after = page.tab.evaluate(
        "() => [...document.querySelectorAll('path.geokit-district')].map(p => p.getAttribute('fill'))"
    )
    assert after != before
    assert page.tab.is_visible("#geokit-legend-period") and not page.tab.is_visible("#geokit-legend-all")
    page.shot("time-view.png")
    page.tab.fill(".geokit-time input", "0")
    assert page.counts()["painted"] == 300
    assert page.errors == []


def test_heat_layer_draws(tab, boxes):
    joined = join_admin(_random_incidents(500), boxes)
    folder, make = tab
    name = _publish(
        folder, "heat.html", incident_map(joined, aggregate(joined, boxes), offline=True, cluster=False)
    )
    page = make().open(name)
    assert page.tab.evaluate("geokit.layers.heat.points") is None  # nothing made until it is shown
    page.tab.get_by_label("Heat map").check()
    page.tab.wait_for_selector("canvas.leaflet-heatmap-layer")
    assert page.tab.evaluate("geokit.layers.heat.layer._latlngs.length") == 500
    page.tab.mouse.wheel(0, -300)  # zoom animation exercises the plugin's transform code
    page.tab.wait_for_timeout(500)
    page.shot("heat.png")
    assert page.errors == []


# ---------------------------------------------------------------- bad input and notebooks
@pytest.mark.parametrize(
    "case", ["no incidents", "all unresolved", "single district", "all zero", "nan fatalities"]
)
def test_bad_input_gives_a_working_page(tab, boxes, case):
    frame = _random_incidents(5)
    layer = boxes
    column = "incidents"
    if case == "no incidents":
        frame = frame.iloc[0:0]
    elif case == "all unresolved":
        frame = frame.assign(lat=np.nan, lon=np.nan)
    elif case == "single district":
        layer = boxes.iloc[:1]
        frame = frame.assign(lon=66.5)
    elif case == "nan fatalities":
        frame = frame.assign(fatalities=np.nan)
        column = "fatalities"
    joined = join_admin(frame, layer)
    agg = aggregate(joined, layer)
    if case == "all zero":
        agg["incidents"] = 0
    folder, make = tab
    name = _publish(
        folder, f"bad-{case.replace(' ', '-')}.html", incident_map(joined, agg, column=column, offline=True)
    )
    page = make().open(name)
    got = page.counts()
    assert page.errors == []
    assert got["districts"] == len(layer)
    assert got["painted"] + got["clustered"] == _located(joined)
    assert got["legend"]
    if case == "all unresolved":
        assert "5 incident(s) could not be placed" in got["legend"]


def test_notebook_display_draws_in_an_iframe(tab, example):
    incidents, districts = example
    folder, make = tab
    m = incident_map(incidents, districts, offline=True)
    (folder / "notebook.html").write_text(f"<!DOCTYPE html><html><body>{m._repr_html_()}</body></html>")
    page = make()
    page.tab.goto(f"{page.base}/notebook.html")
    frame = page.tab.frames[1]
    frame.wait_for_function(
        "document.documentElement.getAttribute('data-geokit-ready') === '1'", timeout=60_000
    )
    got = frame.evaluate(COUNT_JS)
    page.shot("notebook.png")
    assert got["painted"] == _located(incidents)
    assert got["districts"] == len(districts)
    assert page.errors == []


# ---------------------------------------------------------------- a user's own column names
FOREIGN = ROOT / "tests" / "data" / "foreign_columns.csv"


def test_foreign_columns_popups_credits_and_link(tab, capsys):
    """`geokit map` on a table named date, location, province, killed, injured, url (no flags)."""
    from geokit.cli import main

    folder, make = tab
    assert main(["map", str(FOREIGN), "-o", str(folder / "foreign.html"), "--overwrite"]) == 0
    err = capsys.readouterr().err
    assert "place='location' (recognised)" in err and "fatalities='killed' (recognised)" in err
    assert "source_url='url' (recognised)" in err and "admin1='province' (recognised)" in err
    page = make().open("foreign.html")  # network blocked: the scripts are inline, only tiles fail
    assert [u for u in page.blocked if "tile.openstreetmap.org" not in u] == []
    got = page.counts()
    assert got["painted"] + got["clustered"] == 20
    # Quetta as resolved (GeoNames 1167528), zoomed in so no other marker lies under the click
    page.tab.evaluate("geokit.maps[0].setView([30.18414, 67.00141], 11, {animate: false})")
    xy = page.tab.evaluate(
        "([lat, lon]) => { const p = geokit.maps[0].latLngToContainerPoint([lat, lon]); return [p.x, p.y]; }",
        [30.18414, 67.00141],
    )
    for attempt in range(3):
        page.tab.mouse.click(xy[0], xy[1])
        try:
            popup = page.tab.wait_for_selector(".leaflet-popup-content .geokit-popup", timeout=5_000)
            break
        except PlaywrightTimeout:
            if attempt == 2:
                raise
    text = popup.inner_text()
    page.shot("foreign-popup.png")
    assert "Quetta" in text and "(unnamed place)" not in text
    assert "2025-10-01" in text and "3" in text and "not reported" not in text
    assert "geonames" not in text.lower()  # the gazetteer is not the news source
    assert popup.query_selector("a").get_attribute("href") == "https://example.org/reports/1"
    credits = page.tab.inner_text(".leaflet-control-attribution")
    assert "GeoNames" in credits and "Incident reports" not in credits
    assert page.errors == [] or all("tile.openstreetmap.org" in e or "ERR_FAILED" in e for e in page.errors)


def test_map_without_cached_scripts_says_it_needs_the_network(tab, example):
    incidents, districts = example
    folder, make = tab
    name = _publish(folder, "needs-network.html", incident_map(incidents, districts, inline=False))
    page = make()  # CDN blocked
    page.tab.goto(f"{page.base}/{name}")
    note = page.tab.wait_for_selector("#geokit-needs-network", state="visible", timeout=10_000)
    assert "needs the network" in note.inner_text() and "geokit assets fetch" in note.inner_text()
    online = make(cdn=True).open(name)  # with the CDN reachable the note goes away
    assert online.tab.query_selector("#geokit-needs-network") is None


@pytest.mark.slow
def test_notebook_maps_draw_with_the_network_blocked(tab, quickstart):
    """Every map the quickstart notebook shows draws in Chromium with every request off the page blocked."""
    nb, _ = quickstart
    folder, make = tab
    maps = [
        o["data"]["text/html"]
        for c in nb.cells
        if c.cell_type == "code"
        for o in c.outputs
        if "data" in o and "text/html" in o["data"] and "iframe" in o["data"]["text/html"]
    ]
    assert len(maps) >= 2
    for i, html in enumerate(maps):
        name = f"notebook-map-{i}.html"
        (folder / name).write_text(f"<!DOCTYPE html><html><body>{html}</body></html>", encoding="utf-8")
        page = make()
        page.tab.goto(f"{page.base}/{name}")
        frame = page.tab.frames[1]
        frame.wait_for_function(
            "document.documentElement.getAttribute('data-geokit-ready') === '1'", timeout=60_000
        )
        got = frame.evaluate(COUNT_JS)
        page.shot(f"notebook-map-{i}.png")
        assert got["districts"] > 0 and got["legend"]
        assert frame.query_selector("#geokit-needs-network") is None
        assert [u for u in page.blocked if "tile.openstreetmap.org" not in u] == []
