"""Maps: escaped text, legend, layers, stable output (document-level checks).

What the browser draws is checked in test_browser.py; here the HTML document.
"""

from __future__ import annotations

import base64
import itertools
import json
import re
import zlib

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from shapely.geometry import box

from geokit.errors import DataError, InputError
from geokit.join import aggregate, join_admin
from geokit.render import incident_map, safe_url, save_map

PAYLOAD = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=1">'


@pytest.fixture
def small_layer():
    from geokit.boundaries import load_boundaries

    return load_boundaries(
        gpd.GeoDataFrame(
            {
                "ADM2_EN": ["West <b>", "East", "Empty"],
                "ADM2_PCODE": ["X1", "X2", "X3"],
                "ADM1_EN": ["P", "P", "P"],
                "ADM1_PCODE": ["P1", "P1", "P1"],
            },
            geometry=[box(66, 29, 67, 30), box(67, 29, 68, 30), box(68, 29, 69, 30)],
            crs=4326,
        )
    )


def _incidents(n=3, description=PAYLOAD, url="javascript:alert(1)"):
    return pd.DataFrame(
        {
            "id": [f"i{i}" for i in range(n)],
            "date": pd.to_datetime(["2026-01-31"] * n),
            "place": [f"Place {i} {PAYLOAD}" for i in range(n)],
            "event_type": ["Attack", "Armed clash", PAYLOAD][:n] + ["Attack"] * max(0, n - 3),
            "description": [description] * n,
            "fatalities": [1.0, np.nan, 0.0][:n] + [np.nan] * max(0, n - 3),
            "source": [PAYLOAD] * n,
            "source_url": [url, "https://example.org/a?b=1&c=2", 'http://x.test/"onmouseover=alert(1)'][:n]
            + [url] * max(0, n - 3),
            "lat": [29.5, 29.6, 29.4][:n] + [29.5] * max(0, n - 3),
            "lon": [66.5, 67.5, 66.6][:n] + [66.5] * max(0, n - 3),
            "precision": [1, 2, 3][:n] + [1] * max(0, n - 3),
            "status": ["resolved"] * n,
        }
    )


def _payload(html: str, name: str) -> dict:
    match = re.search(
        rf'<script type="application/(json|octet-stream)" id="geokit-data-{name}"[^>]*>(.*?)</script>',
        html,
        re.S,
    )
    if match.group(1) == "json":
        return json.loads(match.group(2))
    return json.loads(zlib.decompress(base64.b64decode(match.group(2))))


def _column(payload: dict, name: str) -> list[str]:
    col = payload["text"][name]
    return col if isinstance(col, list) else [col["v"][i] for i in col["i"]]


def _html(small_layer, tmp_path, **kwargs):
    joined = join_admin(_incidents(), small_layer)
    agg = aggregate(joined, small_layer)
    m = incident_map(joined, agg, title=f"Title {PAYLOAD}", **kwargs)
    path = save_map(m, tmp_path / "m.html")
    return path.read_text()


def test_no_user_text_reaches_the_page_unescaped(small_layer, tmp_path):
    html = _html(small_layer, tmp_path)
    assert "<script>window.__pwned" not in html
    assert "<img src=x" not in html
    assert 'onerror="window' not in html
    assert "West <b>" not in html  # district names are escaped too
    # javascript: and malformed URLs never become links; the good one does
    assert _column(_payload(html, "incidents"), "url") == ["", "https://example.org/a?b=1&c=2", ""]
    assert "Title &lt;script&gt;" in html


def test_popup_text_travels_as_json_not_html(small_layer, tmp_path):
    html = _html(small_layer, tmp_path)
    payload = _payload(html, "incidents")
    assert _column(payload, "description")[0] == PAYLOAD  # intact data, set via textContent in the browser
    assert _payload(html, "districts")["name"][0] == "West <b>, P"
    runtime = html.split("window.geokit = {")[1].split("})();")[0]
    assert "textContent" in runtime and "innerHTML" not in runtime


def test_template_syntax_in_data_is_never_evaluated(small_layer, tmp_path):
    """branca compiles rendered scripts as Jinja templates; data must not reach Jinja."""
    frame = _incidents().assign(place="{{ 7*7 }}", source="{% if 1 %}yes{% endif %}", description="{# c #}")
    joined = join_admin(frame, small_layer)
    agg = aggregate(joined, small_layer)
    m = incident_map(joined, agg, title="{{ 6*7 }}", attribution=["{{ 5*5 }}"])
    html = save_map(m, tmp_path / "t.html").read_text()
    assert "42" not in html.split("geokit-title")[1][:80]
    assert "&#123;&#123; 6*7 &#125;&#125;" in html
    assert _column(_payload(html, "incidents"), "place")[0] == "{{ 7*7 }}"
    assert "\\u0026#123;\\u0026#123; 5*5" in html  # the credit, as escaped HTML inside JSON


def test_legend_zero_and_layers(small_layer, tmp_path):
    html = _html(small_layer, tmp_path)
    assert "geokit-legend" in html
    assert "0 (no incidents)" in html  # the "Empty" district
    assert "L.control.layers" in html
    assert "Incidents (3)" in html
    assert "district/province level only" in html
    assert "near / part of a place" in html


def test_missing_data_is_distinct_from_zero(small_layer, tmp_path):
    joined = join_admin(_incidents(), small_layer)
    agg = aggregate(joined, small_layer)
    m = incident_map(joined, agg, column="fatalities")
    html = save_map(m, tmp_path / "f.html").read_text()
    assert "no data (incidents without figures)" in html  # East: one incident, figure unknown
    assert "<span>0</span>" in html  # Empty: no incidents, so no fatalities
    districts = _payload(html, "districts")
    assert districts["nodata"] == [False, True, False]
    assert districts["fill"][1] != districts["fill"][2]


def test_output_is_byte_identical(small_layer, tmp_path):
    a = _html(small_layer, tmp_path / "..")
    b = _html(small_layer, tmp_path)
    assert a == b


def test_offline_output_is_byte_identical_and_self_contained(small_layer, tmp_path):
    a = _html(small_layer, tmp_path / "..", offline=True)
    b = _html(small_layer, tmp_path, offline=True)
    assert a == b
    assert not re.search(r"<script[^>]* src=|<link[^>]* rel=.?stylesheet|<img|url\((['\"]?)(https?:)?//", a)
    assert '<link rel="icon" href="data:,">' in a  # not even a favicon request
    assert "tile.openstreetmap.org" not in a
    assert "L.markerClusterGroup" in a or "MarkerClusterGroup" in a  # the plugin is inline


def test_offline_without_asset_cache_says_how_to_fix(small_layer, tmp_path, monkeypatch):
    monkeypatch.setenv("GEOKIT_CACHE_DIR", str(tmp_path / "empty"))
    joined = join_admin(_incidents(), small_layer)
    with pytest.raises(DataError, match="geokit assets fetch"):
        incident_map(joined, aggregate(joined, small_layer), offline=True)


def test_more_classes_than_values_and_no_incidents(small_layer, tmp_path):
    joined = join_admin(_incidents(), small_layer)
    agg = aggregate(joined, small_layer)
    k9 = save_map(incident_map(joined, agg, k=9), tmp_path / "k9.html").read_text()
    # two distinct counts (West 2, East 1) and a zero: no empty or repeated classes, each its own colour
    swatches = re.findall(
        r'<span class="geokit-swatch" style="background:(#[0-9a-f]{6})[^"]*"></span><span>([^<]*)</span>', k9
    )
    assert [label for _, label in swatches] == ["0 (no incidents)", "1", "2"]
    colour = {label: c for c, label in swatches}
    assert len(set(colour.values())) == 3
    fill = _payload(k9, "districts")["fill"]  # West, East, Empty: each in its class's colour
    assert [f.lower() for f in fill] == [colour["2"], colour["1"], colour["0 (no incidents)"]]
    empty = aggregate(joined.iloc[0:0], small_layer)
    html = save_map(incident_map(joined.iloc[0:0], empty), tmp_path / "empty.html").read_text()
    assert "0 (no incidents)" in html
    with pytest.raises(InputError, match="from 1 to 9"):
        incident_map(joined, agg, k=12)
    with pytest.raises(InputError, match="quantiles"):
        incident_map(joined, agg, scheme="jenks-ish")


@pytest.mark.parametrize("scheme", ["quantiles", "naturalbreaks", "equalinterval", "fisherjenks"])
def test_schemes_give_contiguous_labels(scheme):
    from geokit.render._classify import classify

    values = np.array([0, np.nan, 1, 2, 3, 5, 8, 13, 13, 20, 35, 17, 18, 2, 2])
    classes = classify(values, scheme, 4, None)
    labels = classes.labels()
    assert 1 <= len(labels) <= 4
    assert classes.index[0] == -1 and classes.index[1] == -2
    assert labels[0].startswith("1") and labels[-1].endswith("35")
    ints = [[int(x.replace(",", "")) for x in lab.split(" – ")] for lab in labels]
    for (_, hi), (lo, _) in itertools.pairwise(ints):
        assert lo == hi + 1  # whole numbers: no gap, no overlap


def test_user_bins():
    from geokit.render._classify import classify

    classes = classify(np.array([1, 2, 3, 50, 0]), "userdefined", 5, [2, 10, 100])
    assert classes.labels() == ["1 – 2", "3 – 10", "11 – 100"]
    assert classes.index.tolist() == [0, 0, 1, 2, -1]
    with pytest.raises(InputError, match="bins"):
        classify(np.array([1.0]), "userdefined", 5, None)


def test_time_view_has_a_period_per_day(small_layer, tmp_path):
    frame = _incidents(6)
    frame["date"] = pd.to_datetime(
        ["2026-01-01", "2026-01-01", "2026-01-02", "2026-01-04", None, "2026-01-04"]
    )
    joined = join_admin(frame, small_layer)
    html = save_map(incident_map(joined, aggregate(joined, small_layer)), tmp_path / "t.html").read_text()
    districts = _payload(html, "districts")
    assert districts["periods"]["names"] == ["2026-01-01", "2026-01-02", "2026-01-03", "2026-01-04"]
    assert _payload(html, "incidents")["period"] == [0, 0, 1, 3, -1, 3]
    assert "geokit.timeSlider" in html
    assert "geokit-legend-period" in html


def test_all_unresolved_and_nan_fatalities(small_layer, tmp_path):
    frame = _incidents().assign(lat=np.nan, lon=np.nan, fatalities=np.nan)
    joined = join_admin(frame, small_layer)
    html = save_map(incident_map(joined, aggregate(joined, small_layer)), tmp_path / "u.html").read_text()
    assert "3 incident(s) could not be placed" in html


def test_plain_table_with_lat_lon(tmp_path):
    html = save_map(incident_map(_incidents()), tmp_path / "p.html").read_text()
    assert len(_payload(html, "incidents")["lat"]) == 3


def _view(html: str) -> tuple[list[float], int]:
    """The centre and zoom the page opens at (before it fits the data)."""
    centre = re.search(r"center: \[([-\d.]+), ([-\d.]+)\]", html)
    zoom = re.search(r'"zoom": (\d+)', html)
    assert centre and zoom
    return [float(centre[1]), float(centre[2])], int(zoom[1])


def _fit(html: str) -> list[list[float]] | None:
    """The bounds the page fits the map to (``None``: nothing to fit)."""
    call = re.search(r"geokit\.fit\(\w+, (null|\[\[.*?\]\])\)", html)
    assert call
    return json.loads(call[1])


def test_map_opens_on_the_data_wherever_it_is(tmp_path):
    # incidents in Kenya: Nairobi (GeoNames 184745, -1.28333 36.81667) and Mombasa
    # (GeoNames 186301, -4.05466 39.66359); the map must not open on Pakistan
    frame = _incidents(2).assign(lat=[-1.28333, -4.05466], lon=[36.81667, 39.66359])
    html = save_map(incident_map(frame), tmp_path / "ke.html").read_text()
    (lat, lon), _ = _view(html)
    assert -4.05466 <= lat <= -1.28333 and 36.81667 <= lon <= 39.66359
    (south, west), (north, east) = _fit(html)
    assert south < -4.05466 < -1.28333 < north and west < 36.81667 < 39.66359 < east


def test_map_of_districts_only_opens_on_the_districts(small_layer, tmp_path):
    agg = aggregate(join_admin(_incidents().iloc[0:0], small_layer), small_layer)
    (lat, lon), _ = _view(save_map(incident_map(None, agg), tmp_path / "d.html").read_text())
    assert (lat, lon) == (29.5, 67.5)  # the middle of the three boxes, 66-69 E, 29-30 N


def test_map_with_nothing_to_show_opens_on_the_world(tmp_path):
    for frame in (_incidents().iloc[0:0], _incidents().assign(lat=np.nan, lon=np.nan)):
        html = save_map(incident_map(frame), tmp_path / "w.html").read_text()
        assert _view(html) == ([20.0, 0.0], 2)
        assert _fit(html) is None


def test_large_payloads_are_compressed(small_layer, tmp_path, monkeypatch):
    from geokit.render import _util

    monkeypatch.setattr(_util, "COMPRESS_ABOVE", 10)
    html = _html(small_layer, tmp_path)
    assert 'data-encoding="deflate-base64"' in html
    assert _column(_payload(html, "incidents"), "description")[0] == PAYLOAD


def test_notebook_display_is_an_iframe_with_stable_ids(small_layer):
    joined = join_admin(_incidents(), small_layer)
    m = incident_map(joined, aggregate(joined, small_layer))
    shown = m._repr_html_()
    assert shown.startswith("<div") and "<iframe srcdoc=" in shown
    assert "&lt;script&gt;window.__pwned" not in shown.split("srcdoc=")[0]
    assert shown == m._repr_html_()


def test_attribution_for_every_source(small_layer, tmp_path):
    html = _html(small_layer, tmp_path)
    assert "GeoNames" in html and "Incident reports" in html and "OpenStreetMap" in html
    offline = _html(small_layer, tmp_path, offline=True)
    assert "no web tiles" in offline


@pytest.mark.parametrize(
    "url,ok",
    [
        ("https://dawn.com/x", True),
        ("https://Dawn.com/News?Id=1#Top", True),
        ("http://a.b/c?d=e&f=g", True),
        ("javascript:alert(1)", False),
        ("JaVaScRiPt:alert(1)", False),
        ("data:text/html,<script>", False),
        ('https://a.b/"onx=1', False),
        ("//evil.com", False),
        (" https://ok.org ", True),
        ("https://a.b/\nx", False),
        (None, False),
    ],
)
def test_safe_url(url, ok):
    # a safe URL comes back as written (only the outer spaces stripped); anything else is None
    assert safe_url(url) == (url.strip() if ok else None)


def test_cdn_links_carry_integrity_hashes_of_the_pinned_files(small_layer, tmp_path):
    """Every script and stylesheet an online map loads from the CDN has an SRI hash of the pinned file."""
    import hashlib

    from geokit._assets import ASSETS, read_asset

    html = _html(small_layer, tmp_path, inline=False)  # the CDN form, as when the asset cache is empty
    tags = re.findall(r'<(?:script src|link rel="stylesheet" href)="(https://cdn[^"]+)"([^>]*)>', html)
    every = re.findall(r'(?:src|href)="(https://cdn[^"]+)"', html)
    assert len(tags) == len(every) >= 3  # leaflet js and css, heat js at least
    by_url = {a.cdn(f): (key, f) for key, a in ASSETS.items() for f in a.files}
    for url, attrs in tags:
        key, file = by_url[url]
        digest = hashlib.sha384(read_asset(key, file)).digest()
        expected = "sha384-" + base64.b64encode(digest).decode()
        assert f'integrity="{expected}"' in attrs and 'crossorigin="anonymous"' in attrs, url
