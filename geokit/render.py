"""Interactive maps with folium: an incident layer and a district choropleth.

Incident text is untrusted. Nothing from the data reaches the page as HTML:
incidents travel as JSON inside the page and popups are built in the browser
with ``textContent``; district tooltips and the legend are escaped here.
Links are only made for ``http(s)`` URLs.
"""

from __future__ import annotations

import html
import json
import math
import re
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geokit.errors import DependencyError, InputError

if TYPE_CHECKING:
    import folium

__all__ = ["SCHEMES", "incident_map", "safe_url", "save_map"]

#: mapclassify schemes accepted by :func:`incident_map`.
SCHEMES = ("quantiles", "naturalbreaks", "equalinterval", "fisherjenks", "userdefined")

# Okabe-Ito palette: distinguishable with the common colour-vision deficiencies.
_EVENT_COLOURS = ["#D55E00", "#0072B2", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"]
_ZERO_FILL = "#e8e8e8"
_NODATA_FILL = "#ffffff"
_URL_RX = re.compile(r"^https?://[^\s<>\"'`\\]+$", re.IGNORECASE)


def _folium() -> Any:
    try:
        import folium
    except ImportError as exc:  # pragma: no cover - folium is a hard dependency
        raise DependencyError("maps need folium: pip install folium") from exc
    return folium


def safe_url(value: Any) -> str | None:
    """Return ``value`` if it is a plain http(s) URL, else ``None``.

    Parameters
    ----------
    value
        Anything from an input table.

    Returns
    -------
    str or None
    """
    if not isinstance(value, str):
        return None
    text = value.strip()
    if len(text) > 2048 or any(ord(ch) < 32 for ch in text):
        return None
    return text if _URL_RX.match(text) else None


def _text(value: Any) -> str:
    if value is None or value is pd.NA or value is pd.NaT:
        return ""
    if isinstance(value, float) and math.isnan(value):
        return ""
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat() if value == value.normalize() else value.isoformat()
    return str(value)


def _script_json(obj: Any) -> str:
    """JSON that is safe inside a <script> element (no '<', '>', '&', U+2028/9)."""
    text = json.dumps(obj, ensure_ascii=True, allow_nan=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _fmt(x: float) -> str:
    return f"{x:,.0f}" if float(x).is_integer() else f"{x:,.2f}"


def _classify(values: pd.Series, scheme: str, k: int, bins: list[float] | None) -> tuple[
    np.ndarray, list[float]
]:
    """Class index per value (-1 zero, -2 missing) and the upper bounds of the classes."""
    import mapclassify

    idx = np.full(len(values), -2, dtype=int)
    v = values.to_numpy(dtype=float)
    known = np.isfinite(v)
    idx[known & (v == 0)] = -1
    positive = known & (v != 0)
    if not positive.any():
        return idx, []
    y = v[positive]
    key = scheme.lower().replace("_", "")
    if key not in SCHEMES:
        raise InputError(f"unknown classification scheme {scheme!r}; choose from {', '.join(SCHEMES)}")
    if key == "userdefined":
        if not bins:
            raise InputError("scheme 'userdefined' needs bins, e.g. --bins 1,5,10")
        upper = sorted(float(b) for b in bins)
        if upper[-1] < y.max():
            upper.append(float(y.max()))
        classes = np.searchsorted(np.asarray(upper), y, side="left")
    else:
        k_eff = max(1, min(int(k), len(np.unique(y))))
        if k_eff == 1:
            upper, classes = [float(y.max())], np.zeros(len(y), dtype=int)
        else:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                clf = mapclassify.classify(y, scheme=key, k=k_eff)
            upper = [float(b) for b in clf.bins]
            classes = np.asarray(clf.yb, dtype=int)
    idx[positive] = classes
    return idx, upper


def _class_labels(upper: list[float], values: np.ndarray) -> list[str]:
    labels = []
    integer = bool(np.all(np.mod(values[np.isfinite(values)], 1) == 0))
    lower = float(np.nanmin(values[values > 0])) if (values > 0).any() else 0.0
    for bound in upper:
        lo, hi = _fmt(lower), _fmt(bound)
        labels.append(lo if lo == hi else f"{lo} – {hi}")
        lower = math.floor(bound) + 1 if integer else bound
    return labels


def _legend_html(title: str, rows: list[tuple[str, str, str]], extra: list[tuple[str, str]]) -> str:
    out = [
        '<div class="geokit-legend" style="position:fixed;bottom:24px;right:12px;z-index:9999;'
        "background:#fff;padding:8px 10px;border:1px solid #999;border-radius:4px;"
        'font:12px/1.4 sans-serif;max-width:260px">',
        f"<div style='font-weight:bold;margin-bottom:4px'>{html.escape(title)}</div>",
    ]
    for fill, border, label in rows:
        out.append(
            "<div style='display:flex;align-items:center;gap:6px;white-space:nowrap'>"
            f"<span style='display:inline-block;width:18px;height:12px;background:{fill};"
            f"border:1px {border} #666'></span><span>{html.escape(label)}</span></div>"
        )
    for swatch, label in extra:
        out.append(
            "<div style='display:flex;align-items:center;gap:6px;white-space:nowrap'>"
            f"{swatch}<span>{html.escape(label)}</span></div>"
        )
    out.append("</div>")
    return "".join(out)


def _incident_payload(points: gpd.GeoDataFrame, type_column: str) -> tuple[dict[str, Any], dict[str, str]]:
    located = points[points.geometry.notna() & ~points.geometry.is_empty]
    types = [str(t) for t in pd.unique(located[type_column].fillna("Unspecified"))] if (
        type_column in located.columns
    ) else ["Incident"]
    colours = {t: _EVENT_COLOURS[i % len(_EVENT_COLOURS)] for i, t in enumerate(types)}

    def col(name: str) -> list[str]:
        if name not in located.columns:
            return [""] * len(located)
        return [_text(v) for v in located[name].tolist()]

    kinds = col(type_column) if type_column in located.columns else ["Incident"] * len(located)
    kinds = [k or "Unspecified" for k in kinds]
    precision = (
        pd.to_numeric(located["precision"], errors="coerce").fillna(1).astype(int).tolist()
        if "precision" in located.columns
        else [1] * len(located)
    )
    urls = [safe_url(u) or "" for u in col("source_url")]
    payload = {
        "lat": [round(float(y), 6) for y in located.geometry.y],
        "lon": [round(float(x), 6) for x in located.geometry.x],
        "type": [types.index(k) if k in types else 0 for k in kinds],
        "types": types,
        "colours": [colours[t] for t in types],
        "precision": precision,
        "date": col("date"),
        "place": col("place"),
        "fatalities": col("fatalities"),
        "description": col("description"),
        "source": col("source"),
        "url": urls,
        "district": col("adm2_name"),
    }
    return payload, colours


_INCIDENT_JS = """
{% macro script(this, kwargs) %}
var {{ this.get_name() }} = (function () {
  var d = {{ this.payload }};
  var group = {% if this.cluster %}L.markerClusterGroup({chunkedLoading: true}){% else %}L.featureGroup(){% endif %};
  var renderer = L.canvas({padding: 0.5});
  function add(parent, tag, text, cls) {
    var el = document.createElement(tag);
    if (cls) { el.className = cls; }
    if (text !== undefined) { el.textContent = text; }
    parent.appendChild(el);
    return el;
  }
  var precisionText = {1: "exact place", 2: "part of or near a place", 3: "admin-unit level (approximate)"};
  function popup(i) {
    var box = document.createElement("div");
    box.className = "geokit-popup";
    add(box, "b", d.place[i] || "(unnamed place)");
    var rows = [["Date", d.date[i]], ["Type", d.types[d.type[i]]], ["Fatalities", d.fatalities[i] || "not reported"],
                ["District", d.district[i]], ["Location precision", precisionText[d.precision[i]] || ""]];
    var table = add(box, "table");
    rows.forEach(function (r) {
      if (!r[1]) { return; }
      var tr = add(table, "tr");
      add(tr, "th", r[0]);
      add(tr, "td", String(r[1]));
    });
    if (d.description[i]) { add(box, "p", d.description[i]); }
    var url = d.url[i];
    if (url && /^https?:\\/\\//i.test(url)) {
      var a = add(box, "a", d.source[i] || url);
      a.href = url; a.target = "_blank"; a.rel = "noopener noreferrer nofollow";
    } else if (d.source[i]) {
      add(box, "span", "Source: " + d.source[i]);
    }
    return box;
  }
  for (var i = 0; i < d.lat.length; i++) {
    var colour = d.colours[d.type[i]];
    var p = d.precision[i];
    var style = {renderer: renderer, color: colour, fillColor: colour, radius: 6, weight: 1.5, fillOpacity: 0.85};
    if (p === 2) { style.weight = 7; style.opacity = 0.35; style.radius = 6; }
    if (p === 3) { style.radius = 11; style.fillOpacity = 0.12; style.dashArray = "4 3"; style.weight = 2; }
    var m = L.circleMarker([d.lat[i], d.lon[i]], style);
    m.geokitIndex = i;
    m.bindPopup((function (k) { return function () { return popup(k); }; })(i), {maxWidth: 320});
    group.addLayer(m);
  }
  return group;
})();
{{ this.get_name() }}.addTo({{ this._parent.get_name() }});
{% endmacro %}
"""


def _incident_layer(payload: dict[str, Any], *, name: str, cluster: bool) -> Any:
    folium = _folium()
    from branca.element import MacroElement
    from folium.elements import JSCSSMixin
    from folium.plugins import MarkerCluster
    from jinja2 import Template

    class IncidentLayer(JSCSSMixin, folium.map.Layer):  # type: ignore[misc]
        _template = Template(_INCIDENT_JS)
        default_js = MarkerCluster.default_js if cluster else []
        default_css = MarkerCluster.default_css if cluster else []

        def __init__(self) -> None:
            super().__init__(name=name, overlay=True, control=True, show=True)
            self._name = "IncidentLayer"
            self.payload = _script_json(payload)
            self.cluster = cluster

    del MacroElement
    return IncidentLayer()


def _attribution(credits: list[str]) -> Any:
    from branca.element import MacroElement
    from jinja2 import Template

    class Attribution(MacroElement):  # type: ignore[misc]
        _template = Template(
            "{% macro script(this, kwargs) %}{% for c in this.credits %}"
            "{{ this._parent.get_name() }}.attributionControl.addAttribution({{ c }});"
            "{% endfor %}{% endmacro %}"
        )

        def __init__(self) -> None:
            super().__init__()
            self._name = "Attribution"
            self.credits = [_script_json(html.escape(c)) for c in dict.fromkeys(credits)]

    return Attribution()


def _simplify(units: gpd.GeoDataFrame, tolerance: float) -> gpd.GeoDataFrame:
    if tolerance <= 0 or len(units) == 0:
        return units
    out = units.copy()
    geoms = np.asarray(out.geometry.values, dtype=object)
    try:
        simple = shapely.coverage_simplify(geoms, tolerance)
    except Exception:  # not a valid coverage: fall back to per-feature simplification
        simple = shapely.simplify(geoms, tolerance, preserve_topology=True)
    out[out.geometry.name] = simple
    return out


def incident_map(
    incidents: gpd.GeoDataFrame | None,
    aggregates: gpd.GeoDataFrame | None = None,
    *,
    column: str = "incidents",
    scheme: str = "quantiles",
    k: int = 5,
    bins: list[float] | None = None,
    title: str = "Incidents",
    type_column: str = "event_type",
    cluster: bool | None = None,
    simplify_tolerance: float = 0.003,
    attribution: list[str] | None = None,
) -> folium.Map:
    """Build an interactive map of incidents over a district choropleth.

    Parameters
    ----------
    incidents
        Points (missing geometries are skipped), with optional ``event_type``,
        ``date``, ``place``, ``fatalities``, ``description``, ``source``,
        ``source_url``, ``precision`` and ``adm2_name`` columns.
    aggregates
        Per-unit table from :func:`geokit.join.aggregate`, or ``None``.
    column
        Aggregate column to colour by.
    scheme, k, bins
        mapclassify scheme, number of classes, and user bins for ``userdefined``.
    title
        Map title; escaped.
    type_column
        Incident column that sets the marker colour.
    cluster
        Cluster markers; by default when there are more than 500 incidents.
    simplify_tolerance
        Degrees; district outlines are simplified as a coverage so shared
        borders stay shared.
    attribution
        Data-source credits to show; escaped.

    Returns
    -------
    folium.Map
    """
    folium = _folium()
    m = folium.Map(
        location=[30.0, 69.0], zoom_start=6, tiles="OpenStreetMap", prefer_canvas=True,
        control_scale=True,
    )
    credits = list(attribution or [])
    bounds: list[list[float]] | None = None

    if aggregates is not None and len(aggregates):
        if column not in aggregates.columns:
            raise InputError(
                f"no aggregate column {column!r}; choose from "
                f"{', '.join(c for c in aggregates.columns if c != aggregates.geometry.name)}"
            )
        units = _simplify(aggregates.to_crs(4326), simplify_tolerance)
        values = pd.to_numeric(units[column], errors="coerce")
        idx, upper = _classify(values, scheme, k, bins)
        from branca.utilities import color_brewer

        palette = color_brewer("YlOrRd", max(3, len(upper)))[-len(upper):] if upper else []
        fills = [
            _NODATA_FILL if c == -2 else _ZERO_FILL if c == -1 else palette[c] for c in idx
        ]
        name_cols = [c for c in ("adm2_name", "adm1_name") if c in units.columns]
        tips = []
        for i, (_, row) in enumerate(units.iterrows()):
            label = ", ".join(_text(row[c]) for c in name_cols if _text(row[c]))
            val = values.iloc[i]
            shown = "no data" if not np.isfinite(val) else _fmt(float(val))
            tips.append(f"<b>{html.escape(label)}</b><br>{html.escape(column)}: {html.escape(shown)}")
        layer_data = gpd.GeoDataFrame(
            {"_fill": fills, "_tip": tips, "_nodata": [c == -2 for c in idx]},
            geometry=units.geometry.values,
            crs=4326,
        )
        gj = folium.GeoJson(
            json.loads(layer_data.to_json(drop_id=True)),
            name=f"Districts: {column}",
            style_function=lambda f: {
                "fillColor": f["properties"]["_fill"],
                "color": "#555",
                "weight": 0.7,
                "dashArray": "3 3" if f["properties"]["_nodata"] else None,
                "fillOpacity": 0.7,
            },
            highlight_function=lambda f: {"weight": 2.5, "color": "#222"},
            tooltip=folium.GeoJsonTooltip(fields=["_tip"], labels=False),
        )
        gj.add_to(m)
        rows = [(palette[i], "solid", lab) for i, lab in enumerate(_class_labels(upper, values.to_numpy(dtype=float)))]
        if (idx == -1).any() or not upper:
            rows.insert(0, (_ZERO_FILL, "solid", "0 (no incidents)" if column == "incidents" else "0"))
        if (idx == -2).any():
            rows.append((_NODATA_FILL, "dashed", "no data (incidents without figures)"))
        extra: list[tuple[str, str]] = []
        if incidents is not None and len(incidents):
            payload, colours = _incident_payload(incidents, type_column)
            for t, c in colours.items():
                extra.append((f"<span style='display:inline-block;width:12px;height:12px;border-radius:50%;background:{c}'></span>", t))
            extra.append(("<span style='display:inline-block;width:12px;height:12px;border-radius:50%;border:4px solid rgba(0,0,0,.3)'></span>", "near / part of a place"))
            extra.append(("<span style='display:inline-block;width:16px;height:16px;border-radius:50%;border:2px dashed #333'></span>", "district/province level only"))
        legend_title = f"{column.replace('_', ' ')} per district ({scheme})"
        from branca.element import Element

        m.get_root().html.add_child(Element(_legend_html(legend_title, rows, extra)))
        b = units.total_bounds
        bounds = [[float(b[1]), float(b[0])], [float(b[3]), float(b[2])]]
        if aggregates.attrs.get("geokit", {}).get("attribution"):
            credits.append(aggregates.attrs["geokit"]["attribution"])

    if incidents is not None and len(incidents):
        payload, _ = _incident_payload(incidents, type_column)
        n = len(payload["lat"])
        use_cluster = cluster if cluster is not None else n > 500
        _incident_layer(payload, name=f"Incidents ({n})", cluster=use_cluster).add_to(m)
        if n:
            bounds = [[min(payload["lat"]), min(payload["lon"])], [max(payload["lat"]), max(payload["lon"])]]

    from branca.element import Element

    m.get_root().html.add_child(
        Element(
            '<div class="geokit-title" style="position:fixed;top:10px;left:54px;z-index:9999;'
            'background:rgba(255,255,255,.9);padding:4px 10px;font:bold 15px sans-serif;'
            f'border-radius:4px">{html.escape(title)}</div>'
        )
    )
    credits.append("Place names: GeoNames (CC BY 4.0)")
    _attribution(credits).add_to(m)
    if bounds is not None:
        pad = 0.05
        m.fit_bounds([[bounds[0][0] - pad, bounds[0][1] - pad], [bounds[1][0] + pad, bounds[1][1] + pad]])
    folium.LayerControl(collapsed=False).add_to(m)
    return m


def _walk(element: Any) -> Iterator[Any]:
    yield element
    for child in list(element._children.values()):
        yield from _walk(child)


def save_map(m: folium.Map, path: str | Path) -> Path:
    """Write a map as one standalone HTML file, with stable element ids.

    folium names every element with a random id; here they are numbered in
    document order so that the same inputs give byte-identical files.

    Parameters
    ----------
    m
        The map.
    path
        Destination ``.html`` file; written atomically.

    Returns
    -------
    Path
    """
    from geokit.export import write_text_atomic

    root = m.get_root()
    for i, element in enumerate(_walk(root)):
        element._id = f"{i:06x}"
    text = root.render()
    dest = Path(path)
    write_text_atomic(dest, text)
    return dest
