"""Maps: escaped text, legend, layers, stable output (document-level checks)."""

from __future__ import annotations

import json
import re

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from shapely.geometry import Point, box

from geokit.join import aggregate, join_admin
from geokit.render import incident_map, safe_url, save_map

PAYLOAD = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=1">'


@pytest.fixture
def small_layer():
    from geokit.boundaries import load_boundaries

    return load_boundaries(
        gpd.GeoDataFrame(
            {"ADM2_EN": ["West <b>", "East", "Empty"], "ADM2_PCODE": ["X1", "X2", "X3"],
             "ADM1_EN": ["P", "P", "P"], "ADM1_PCODE": ["P1", "P1", "P1"]},
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
            "event_type": ["Attack", "Armed clash", PAYLOAD][: n] + ["Attack"] * max(0, n - 3),
            "description": [description] * n,
            "fatalities": [1.0, np.nan, 0.0][:n] + [np.nan] * max(0, n - 3),
            "source": [PAYLOAD] * n,
            "source_url": [url, "https://example.org/a?b=1&c=2", "http://x.test/\"onmouseover=alert(1)"][:n] + [url] * max(0, n - 3),
            "lat": [29.5, 29.6, 29.4][:n] + [29.5] * max(0, n - 3),
            "lon": [66.5, 67.5, 66.6][:n] + [66.5] * max(0, n - 3),
            "precision": [1, 2, 3][:n] + [1] * max(0, n - 3),
            "status": ["resolved"] * n,
        }
    )


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
    payload = json.loads(re.search(r"var d = (\{.*?\});\n", html).group(1))
    assert payload["url"] == ["", "https://example.org/a?b=1&c=2", ""]
    assert "Title &lt;script&gt;" in html


def test_popup_text_travels_as_json_not_html(small_layer, tmp_path):
    html = _html(small_layer, tmp_path)
    payload = json.loads(re.search(r"var d = (\{.*?\});\n", html).group(1))
    assert payload["description"][0] == PAYLOAD  # intact data, set via textContent in the browser
    assert "textContent" in html and "innerHTML" not in html.split("var d =")[1].split("})();")[0]


def test_legend_zero_and_layers(small_layer, tmp_path):
    html = _html(small_layer, tmp_path)
    assert "geokit-legend" in html
    assert "0 (no incidents)" in html  # the "Empty" district
    assert "L.control.layers" in html
    assert "Incidents (3)" in html
    assert "district/province level only" in html


def test_missing_data_is_distinct_from_zero(small_layer, tmp_path):
    joined = join_admin(_incidents(), small_layer)
    agg = aggregate(joined, small_layer)
    m = incident_map(joined, agg, column="fatalities")
    html = save_map(m, tmp_path / "f.html").read_text()
    assert "no data (incidents without figures)" in html  # East: one incident, figure unknown
    assert "<span>0</span>" in html  # Empty: no incidents, so no fatalities


def test_output_is_byte_identical(small_layer, tmp_path):
    a = _html(small_layer, tmp_path / "..")
    b = _html(small_layer, tmp_path)
    assert a == b


def test_more_classes_than_values_and_no_incidents(small_layer, tmp_path):
    joined = join_admin(_incidents(), small_layer)
    agg = aggregate(joined, small_layer)
    save_map(incident_map(joined, agg, k=9), tmp_path / "k9.html")
    empty = aggregate(joined.iloc[0:0], small_layer)
    html = save_map(incident_map(joined.iloc[0:0], empty), tmp_path / "empty.html").read_text()
    assert "0 (no incidents)" in html


@pytest.mark.parametrize(
    "url,ok",
    [("https://dawn.com/x", True), ("http://a.b/c?d=e&f=g", True), ("javascript:alert(1)", False),
     ("JaVaScRiPt:alert(1)", False), ("data:text/html,<script>", False), ("https://a.b/\"onx=1", False),
     ("//evil.com", False), (" https://ok.org ", True), ("https://a.b/\nx", False), (None, False)],
)
def test_safe_url(url, ok):
    assert (safe_url(url) is not None) is ok
