"""Interactive maps: incidents over a district choropleth, a heat layer and a time view.

Incident text is untrusted. Nothing from the data reaches the page as HTML:
incidents and districts travel as JSON inside the page and popups and
tooltips are built in the browser with ``textContent``; the title, legend and
layer names are escaped here. Links are only made for ``http(s)`` URLs.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geokit.columns import OUTPUT_COLUMNS, ColumnRoles, find_roles, named_of, roles_of
from geokit.errors import InputError
from geokit.render._classify import SCHEMES, classify, legend_block, legend_rows, palette
from geokit.render._util import (
    column_text,
    data_tag,
    encode_column,
    fmt_number,
    html_text,
    safe_url,
    script_json,
    text_of,
)

if TYPE_CHECKING:
    import folium

    from geokit.render._elements import GeokitMap

__all__ = ["SCHEMES", "incident_map", "safe_url", "save_map"]

# Okabe-Ito palette: distinguishable with the common colour-vision deficiencies.
_EVENT_COLOURS = ["#D55E00", "#0072B2", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"]
_PERIOD_VALUES = ("incidents", "fatalities", "incidents_per_1000km2")
_MAX_PERIODS = 120
#: Where a map with nothing to show opens: the whole world.
_WORLD_CENTRE, _WORLD_ZOOM = [20.0, 0.0], 2
#: Zoom a map with data opens at, before the page fits it to the data's bounds.
_DATA_ZOOM = 5


def _located(incidents: pd.DataFrame | None) -> tuple[gpd.GeoDataFrame | None, int]:
    """Return the incidents with a point, and how many rows had none."""
    if incidents is None or len(incidents) == 0:
        return None, 0
    if isinstance(incidents, gpd.GeoDataFrame) and incidents.geometry.name in incidents.columns:
        frame = incidents.to_crs(4326) if incidents.crs is not None else incidents
    elif {"lat", "lon"} <= set(incidents.columns):
        lat = pd.to_numeric(incidents["lat"], errors="coerce")
        lon = pd.to_numeric(incidents["lon"], errors="coerce")
        frame = gpd.GeoDataFrame(incidents, geometry=gpd.points_from_xy(lon, lat), crs=4326)
    else:
        raise InputError("incidents need a point geometry or lat/lon columns")
    geom = frame.geometry
    ok = geom.notna() & ~geom.is_empty
    ok &= geom.geom_type == "Point"
    pts = frame[ok]
    xy = np.column_stack([pts.geometry.x.to_numpy(), pts.geometry.y.to_numpy()]) if len(pts) else None
    if xy is not None:
        finite = np.isfinite(xy).all(axis=1)
        pts = pts[finite]
    return pts, int(len(frame) - len(pts))


def _periods(dates: pd.Series) -> tuple[np.ndarray, list[str], str]:
    """Period code per incident (-1 without a date), period names and the unit."""
    when = pd.to_datetime(dates, errors="coerce", utc=False)
    if getattr(when.dt, "tz", None) is not None:
        when = when.dt.tz_localize(None)
    known = when.dropna()
    if known.empty:
        return np.full(len(when), -1), [], "day"
    span_days = (known.max().normalize() - known.min().normalize()).days + 1
    if span_days <= 62:
        unit, freq = "day", "D"
    elif span_days <= 7 * 104:
        unit, freq = "week", "W-SUN"
    elif span_days <= 31 * _MAX_PERIODS:
        unit, freq = "month", "M"
    else:
        unit, freq = "year", "Y"
    periods = when.dt.to_period(freq)
    first, last = periods.dropna().min(), periods.dropna().max()
    full = pd.period_range(first, last, freq=freq)
    codes = np.asarray(pd.Index(full).get_indexer(pd.Index(periods)), dtype=np.int64)
    if unit == "week":
        names = [f"week of {p.start_time.date().isoformat()}" for p in full]
    else:
        names = [str(p) for p in full]
    return codes, names, unit


def _text(pts: gpd.GeoDataFrame, column: str | None) -> list[str]:
    return column_text(pts, column) if column is not None and column in pts.columns else [""] * len(pts)


def _incident_payload(pts: gpd.GeoDataFrame, roles: ColumnRoles, period: np.ndarray | None) -> dict[str, Any]:
    type_column = roles.event_type
    kinds = (
        [t or "Unspecified" for t in column_text(pts, type_column)]
        if type_column is not None and type_column in pts.columns
        else (["Incident"] * len(pts))
    )
    codes, types = pd.factorize(pd.Series(kinds, dtype=object), sort=False)
    precision = (
        pd.to_numeric(pts["precision"], errors="coerce").fillna(1).clip(1, 3).astype(int).tolist()
        if "precision" in pts.columns
        else [1] * len(pts)
    )
    urls = [safe_url(u) or "" for u in _text(pts, roles.source_url)]
    district = "adm2_name" if "adm2_name" in pts.columns else "adm1_name"
    text = {
        "date": _text(pts, roles.date),
        "place": _text(pts, roles.place),
        "fatalities": _text(pts, roles.fatalities),
        "description": _text(pts, roles.description),
        "source": _text(pts, roles.source),
        "url": urls,
        "district": _text(pts, district),
    }
    return {
        "lat": np.round(pts.geometry.y.to_numpy(dtype=float), 5).tolist(),
        "lon": np.round(pts.geometry.x.to_numpy(dtype=float), 5).tolist(),
        "type": codes.tolist(),
        "types": [str(t) for t in types],
        "colours": [_EVENT_COLOURS[i % len(_EVENT_COLOURS)] for i in range(len(types))],
        "precision": precision,
        "period": period.tolist() if period is not None else [],
        "text": {k: encode_column(v) for k, v in text.items()},
    }


def _simplify(units: gpd.GeoDataFrame, tolerance: float) -> gpd.GeoDataFrame:
    if tolerance <= 0 or len(units) == 0:
        return units
    out = units.copy()
    geoms = np.asarray(out.geometry.values, dtype=object)
    try:
        simple = shapely.coverage_simplify(geoms, tolerance)
    except shapely.errors.GEOSException:  # not a valid coverage: simplify each polygon
        simple = shapely.simplify(geoms, tolerance, preserve_topology=True)
    out[out.geometry.name] = simple
    return out


def _id_column(units: gpd.GeoDataFrame) -> str | None:
    for lvl in range(5, -1, -1):
        if f"adm{lvl}_id" in units.columns:
            return f"adm{lvl}_id"
    return None


def _geojson(geoms: gpd.GeoSeries, *, precision: int = 4) -> dict[str, Any]:
    feats = []
    for i, g in enumerate(geoms):
        if g is None or g.is_empty:
            continue
        geo = json.loads(shapely.to_geojson(shapely.set_precision(g, 10.0**-precision)))
        feats.append({"type": "Feature", "properties": {"i": i}, "geometry": geo})
    return {"type": "FeatureCollection", "features": feats}


def _period_values(
    pts: gpd.GeoDataFrame,
    units: gpd.GeoDataFrame,
    codes: np.ndarray,
    n_periods: int,
    column: str,
    fatalities: str | None,
) -> tuple[np.ndarray, str] | None:
    id_col = _id_column(units)
    if id_col is None or id_col not in pts.columns:
        return None
    value = column if column in _PERIOD_VALUES else "incidents"
    key = pd.Index(units[id_col].astype(str))
    unit_idx = key.get_indexer(pts[id_col].astype(str))
    ok = (unit_idx >= 0) & (codes >= 0)
    counts = np.zeros((n_periods, len(units)))
    np.add.at(counts, (codes[ok], unit_idx[ok]), 1)
    if value == "fatalities":
        fat = (
            pd.to_numeric(pts[fatalities], errors="coerce").to_numpy(dtype=float, na_value=np.nan)
            if fatalities is not None and fatalities in pts.columns
            else np.full(len(pts), np.nan)
        )
        known = ok & np.isfinite(fat)
        sums = np.zeros_like(counts)
        n_known = np.zeros_like(counts)
        np.add.at(sums, (codes[known], unit_idx[known]), fat[known])
        np.add.at(n_known, (codes[known], unit_idx[known]), 1)
        out = np.where((counts > 0) & (n_known == 0), np.nan, sums)
    elif value == "incidents_per_1000km2":
        area = np.asarray(units.get("area_km2", units.to_crs(6933).area / 1e6), dtype=float)
        out = counts / area[None, :] * 1000.0
    else:
        out = counts
    return out, value


def _districts(
    aggregates: gpd.GeoDataFrame,
    pts: gpd.GeoDataFrame | None,
    periods: tuple[np.ndarray, list[str], str] | None,
    *,
    column: str,
    scheme: str,
    k: int,
    bins: list[float] | None,
    tolerance: float,
    fatalities: str | None = None,
) -> tuple[dict[str, Any], str, gpd.GeoDataFrame]:
    """District payload and legend HTML."""
    if column not in aggregates.columns:
        raise InputError(
            f"no aggregate column {column!r}; choose from "
            f"{', '.join(str(c) for c in aggregates.columns if c != aggregates.geometry.name)}"
        )
    units = _simplify(aggregates.to_crs(4326), tolerance)
    values = pd.to_numeric(units[column], errors="coerce").to_numpy(dtype=float)
    classes = classify(values, scheme, k, bins)
    names = []
    cols = [c for c in ("adm2_name", "adm1_name") if c in units.columns] or [
        c for c in units.columns if str(c).endswith("_name")
    ]
    for row in units[cols].itertuples(index=False):
        names.append(", ".join(t for t in (text_of(v) for v in row) if t) or "(unnamed unit)")
    label = column.replace("_", " ")
    payload: dict[str, Any] = {
        "geojson": _geojson(units.geometry),
        "name": names,
        "value": ["no data" if not np.isfinite(v) else fmt_number(v) for v in values],
        "fill": classes.fills(),
        "nodata": [bool(c == -2) for c in classes.index.tolist()],
        "label": label,
    }
    rows = legend_rows(
        classes,
        column=column,
        has_zero=bool((classes.index == -1).any()),
        has_missing=bool((classes.index == -2).any()),
    )
    legend = legend_block(f"{label} per district ({scheme})", rows, element_id="geokit-legend-all")
    coarser = aggregates.attrs.get("coarser") or {}
    if coarser:
        each = ", ".join(f"{text_of(k)} {int(v)}" for k, v in sorted(coarser.items()))
        note = (
            f"{sum(int(v) for v in coarser.values())} incident(s) known only to province level, "
            f"counted per province and in no district: {each}"
        )
        legend += f'<div class="geokit-note">{html_text(note)}</div>'
    if periods is not None and pts is not None and len(periods[1]) > 1:
        got = _period_values(pts, units, periods[0], len(periods[1]), column, fatalities)
        if got is not None:
            matrix, value = got
            flat = classify(matrix.ravel(), scheme, min(k, 9), bins)
            cls = flat.index.reshape(matrix.shape)
            payload["periods"] = {
                "names": periods[1],
                "label": f"{value.replace('_', ' ')} per {periods[2]}",
                "value": [["no data" if not np.isfinite(v) else fmt_number(v) for v in r] for r in matrix],
                "fill": [
                    [(["#ffffff", "#e8e8e8", *palette(len(flat.upper))])[c + 2] for c in r]
                    for r in cls.tolist()
                ],
            }
            prow = legend_rows(flat, column=value, has_zero=True, has_missing=bool((cls == -2).any()))
            legend += legend_block(
                f"{value.replace('_', ' ')} per district and {periods[2]} ({scheme})",
                prow,
                element_id="geokit-legend-period",
                hidden=True,
            )
    return payload, legend, units


def _outlines(units: gpd.GeoDataFrame) -> dict[str, Any] | None:
    if "adm1_id" not in units.columns or units["adm1_id"].nunique() < 2 or _id_column(units) == "adm1_id":
        return None
    try:
        merged = units[["adm1_id", units.geometry.name]].dissolve(by="adm1_id", method="coverage")
    except (shapely.errors.GEOSException, TypeError, ValueError):
        merged = units[["adm1_id", units.geometry.name]].dissolve(by="adm1_id")
    return _geojson(merged.geometry.boundary, precision=4)


def _incident_legend(payload: dict[str, Any], *, unplaced: int) -> str:
    out = ['<div class="geokit-head">Incidents</div>']
    for t, c in zip(payload["types"], payload["colours"], strict=True):
        out.append(
            f'<div class="geokit-row"><span class="geokit-dot" style="background:{c}"></span>'
            f"<span>{html_text(t)}</span></div>"
        )
    precision = set(payload["precision"])
    if 2 in precision:
        out.append(
            '<div class="geokit-row"><span class="geokit-dot" style="background:#666;'
            'box-shadow:0 0 0 3px rgba(0,0,0,.3)"></span><span>near / part of a place</span></div>'
        )
    if 3 in precision:
        out.append(
            '<div class="geokit-row"><span class="geokit-dot" style="width:16px;height:16px;'
            'border:2px dashed #333;box-sizing:border-box"></span>'
            "<span>district/province level only (not the exact place)</span></div>"
        )
    if unplaced:
        out.append(
            f'<div class="geokit-note">{unplaced} incident(s) could not be placed and are not shown.</div>'
        )
    return "".join(out)


#: Credits for the gazetteer sources in ``match_source``.
_GAZETTEER_CREDITS = {
    "geonames": "Place names: GeoNames (CC BY 4.0)",
    "cod-ab": "Admin unit names: OCHA COD-AB (CC BY 3.0 IGO)",
    "curated": "Localities: geokit curated table (cited per row)",
    "nominatim": "Geocoding: Nominatim / OpenStreetMap contributors (ODbL)",
}


def _gazetteer_credits(pts: gpd.GeoDataFrame) -> list[str]:
    """One credit per gazetteer source the placed incidents came from (GeoNames when unknown)."""
    if "match_source" not in pts.columns:
        return [_GAZETTEER_CREDITS["geonames"]]
    used = sorted({s for s in column_text(pts, "match_source") if s and s != "input"})
    out = []
    for s in used:
        if s.startswith("user:"):
            out.append(f"Place names: {Path(s[5:]).name}")
        else:
            out.append(_GAZETTEER_CREDITS.get(s, f"Place names: {s}"))
    return out


def _roles(
    incidents: pd.DataFrame | None,
    columns: ColumnRoles | Mapping[str, str | None] | None,
    type_column: str | None,
) -> ColumnRoles:
    """Return the column roles for the popups: named, kept by the pipeline, or recognised."""
    named = named_of(columns, event_type=type_column)
    if incidents is None:
        return ColumnRoles()
    kept = roles_of(incidents)
    if isinstance(columns, ColumnRoles) and not columns.named:
        return columns
    if isinstance(kept, ColumnRoles) and not named:
        return kept
    base = kept.as_dict() if isinstance(kept, ColumnRoles) else {}
    cols = [c for c in incidents.columns if c not in OUTPUT_COLUMNS or c in ("lat", "lon")]
    return find_roles(cols, {**base, **named}, where="incidents")


def incident_map(
    incidents: pd.DataFrame | None,
    aggregates: gpd.GeoDataFrame | None = None,
    *,
    column: str = "incidents",
    scheme: str = "quantiles",
    k: int = 5,
    bins: list[float] | None = None,
    title: str = "Incidents",
    type_column: str | None = None,
    columns: ColumnRoles | Mapping[str, str | None] | None = None,
    cluster: bool | None = None,
    simplify_tolerance: float = 0.003,
    attribution: list[str] | None = None,
    offline: bool = False,
    inline: bool | None = None,
    heat: bool = True,
    time_view: bool | None = None,
) -> folium.Map:
    """Build an interactive map of incidents over a district choropleth.

    Parameters
    ----------
    incidents
        Points (rows without a point are counted in the legend, not drawn),
        or a table with ``lat``/``lon``; optional ``precision`` (1 exact, 2
        near, 3 admin-level), ``adm2_name``/``adm2_id`` and the columns of the
        roles in ``columns`` (place, date, event type, fatalities,
        description, source, source URL) shown in the popups.
    aggregates
        Per-unit table from :func:`geokit.join.aggregate`, or ``None``.
    column
        Aggregate column to colour by.
    scheme, k, bins
        mapclassify scheme (one of :data:`SCHEMES`), number of classes (1-9;
        fewer when there are fewer distinct values), and upper bounds for
        ``userdefined``.
    title
        Map title; escaped.
    type_column
        Incident column that sets the marker colour (the event-type role by default).
    columns
        Column roles (:class:`~geokit.columns.ColumnRoles` or a mapping such as
        ``{"fatalities": "killed"}``); by default those ``run_pipeline`` used
        (kept in ``incidents.attrs``), else recognised from common names.
    cluster
        Cluster markers; by default when there are more than 500 incidents.
    simplify_tolerance
        Degrees; district outlines are simplified as a coverage so shared
        borders stay shared.
    attribution
        Data-source credits to show besides those geokit knows; escaped.
    offline
        Inline Leaflet and its plugins from the asset cache (``geokit assets
        fetch``) and draw boundaries instead of web tiles: the page makes no
        request at all.
    inline
        Carry Leaflet and its plugins inline, so the page draws without the
        network (web tiles aside). By default: when the asset cache has them
        (``geokit assets fetch``); otherwise they load from a CDN and the page
        says so until they have loaded.
    heat
        Offer a heat layer of the incidents (off until ticked in the layer control).
    time_view
        Add a slider over incident dates that filters the points and shows the
        choropleth per period; by default when the dates span more than one period.

    Returns
    -------
    folium.Map
        Displays inline in Jupyter; write it with :func:`save_map`.
    """
    from geokit.render._elements import JsCall

    if not isinstance(title, str):
        raise InputError(f"title must be text, got {type(title).__name__}")
    roles = _roles(incidents, columns, type_column)
    pts, unplaced = _located(incidents)
    n = 0 if pts is None else len(pts)
    has_date = pts is not None and roles.date is not None and roles.date in pts.columns
    periods = _periods(pts[roles.date]) if has_date and pts is not None and roles.date else None
    show_time = bool(periods and len(periods[1]) > 1) if time_view is None else bool(time_view and periods)
    m = _new_map(offline=offline, inline=inline)
    fit = JsCall("fit", None)  # first, so the layers are drawn once at the final view
    fit.add_to(m)
    parts = _Parts(credits=list(attribution or []))
    if aggregates is not None and len(aggregates):
        _add_districts(
            m,
            parts,
            aggregates,
            pts,
            periods if show_time else None,
            column=column,
            scheme=scheme,
            k=k,
            bins=bins,
            tolerance=simplify_tolerance,
            fatalities=roles.fatalities,
        )
    elif scheme.lower().replace("_", "") not in SCHEMES:
        raise InputError(f"unknown classification scheme {scheme!r}; choose from {', '.join(SCHEMES)}")
    if pts is not None and n:
        use_cluster = cluster if cluster is not None else n > 500
        code = periods[0] if periods is not None else None
        payload = _add_incidents(m, parts, pts, roles, code, cluster=use_cluster, heat=heat)
        parts.legend += _incident_legend(payload, unplaced=unplaced)
    else:
        parts.legend += _no_incidents_note(unplaced, given=incidents is not None)
    _add_credits(m, parts.credits, pts, offline=offline)
    _add_title_and_legend(m, title, parts.legend)
    if show_time and periods is not None and n:
        slider = {"title": "Dates", "all": "all dates", "names": periods[1], **parts.names}
        JsCall("timeSlider", slider).add_to(m)
    _set_view(m, fit, parts.bounds)
    _finish(m, parts.libraries)
    return m


@dataclass(slots=True)
class _Parts:
    """What the steps of :func:`incident_map` collect for the page's last elements."""

    credits: list[str]
    libraries: list[str] = field(default_factory=lambda: ["leaflet"])
    legend: str = ""
    names: dict[str, str] = field(default_factory=dict)  # layer key -> name, for the time slider
    bounds: list[float] | None = None  # west, south, east, north

    def extend_bounds(self, west: float, south: float, east: float, north: float) -> None:
        """Grow the view's bounds to take in this box."""
        b = self.bounds
        self.bounds = (
            [west, south, east, north]
            if b is None
            else [min(b[0], west), min(b[1], south), max(b[2], east), max(b[3], north)]
        )


def _new_map(*, offline: bool, inline: bool | None) -> GeokitMap:
    """Return an empty map opening on the whole world (:func:`_set_view` moves it to the data)."""
    from geokit.render._elements import GeokitMap

    if inline is None:
        from geokit._assets import assets_cached

        inline = offline or assets_cached(["leaflet", "markercluster", "heat"])
    return GeokitMap(
        offline=offline,
        inline=inline,
        location=_WORLD_CENTRE,
        zoom_start=_WORLD_ZOOM,
        tiles=None if offline else "OpenStreetMap",
        control_scale=True,
        maxZoom=18,
        minZoom=2,
    )


def _add_data(m: folium.Map, key: str, payload: Any) -> None:
    """Put a payload into the page as a JSON ``<script>`` element with id ``geokit-data-<key>``."""
    from geokit.render._elements import Raw

    root: Any = m.get_root()
    root.html.add_child(Raw(data_tag(f"geokit-data-{key}", payload)), name=f"geokit_data_{key}")


def _add_districts(
    m: GeokitMap,
    parts: _Parts,
    aggregates: gpd.GeoDataFrame,
    pts: gpd.GeoDataFrame | None,
    periods: tuple[np.ndarray, list[str], str] | None,
    *,
    column: str,
    scheme: str,
    k: int,
    bins: list[float] | None,
    tolerance: float,
    fatalities: str | None,
) -> None:
    """Add the choropleth layer and the province outlines; their legend, bounds and credits."""
    from geokit.render._elements import JsLayer

    payload, legend, units = _districts(
        aggregates,
        pts,
        periods,
        column=column,
        scheme=scheme,
        k=k,
        bins=bins,
        tolerance=tolerance,
        fatalities=fatalities,
    )
    _add_data(m, "districts", payload)
    name = html_text(f"Districts: {column.replace('_', ' ')}")
    options = {"key": "districts", "data": "geokit-data-districts"}
    JsLayer("districts", options, name=name, offline=m.inline).add_to(m)
    parts.names["districts"] = "districts"
    outline = _outlines(units)
    if outline is not None:
        _add_data(m, "outlines", outline)
        options = {"key": "outlines", "data": "geokit-data-outlines"}
        JsLayer("outlines", options, name="Province borders", offline=m.inline).add_to(m)
    b = units.total_bounds
    if np.isfinite(b).all():
        parts.extend_bounds(*(float(x) for x in b))
    parts.legend = legend
    meta = aggregates.attrs.get("geokit", {})
    if meta.get("attribution"):
        parts.credits.append(str(meta["attribution"]))


def _add_incidents(
    m: GeokitMap,
    parts: _Parts,
    pts: gpd.GeoDataFrame,
    roles: ColumnRoles,
    period: np.ndarray | None,
    *,
    cluster: bool,
    heat: bool,
) -> dict[str, Any]:
    """Add the incident layer (clustered or not) and the heat layer; their bounds and credits.

    Returns the incidents' payload, for the legend.
    """
    from geokit.render._elements import JsLayer

    payload = _incident_payload(pts, roles, period)
    _add_data(m, "incidents", payload)
    if cluster:
        parts.libraries.append("markercluster")
    JsLayer(
        "incidents",
        {"key": "incidents", "data": "geokit-data-incidents", "cluster": cluster},
        name=f"Incidents ({len(pts):,})",
        libraries=("markercluster",) if cluster else (),
        offline=m.inline,
    ).add_to(m)
    parts.names["incidents"] = "incidents"
    if heat:
        parts.libraries.append("heat")
        options = {"key": "heat", "data": "geokit-data-incidents"}
        JsLayer("heat", options, name="Heat map", show=False, libraries=("heat",), offline=m.inline).add_to(m)
        parts.names["heat"] = "heat"
    sources = sorted({s for s in _text(pts, roles.source) if s})
    if sources:
        shown = ", ".join(sources[:4]) + (f" and {len(sources) - 4} more" if len(sources) > 4 else "")
        parts.credits.append(f"Incident reports: {shown}")
    lon, lat = pts.geometry.x.to_numpy(), pts.geometry.y.to_numpy()
    parts.extend_bounds(float(lon.min()), float(lat.min()), float(lon.max()), float(lat.max()))
    return payload


def _no_incidents_note(unplaced: int, *, given: bool) -> str:
    """Return the legend's note when no incident can be drawn."""
    if unplaced:
        return f'<div class="geokit-note">{unplaced} incident(s) could not be placed and are not shown.</div>'
    if given:
        return '<div class="geokit-note">No incidents to show.</div>'
    return ""


def _add_credits(m: folium.Map, credits: list[str], pts: gpd.GeoDataFrame | None, *, offline: bool) -> None:
    """Credit every source of the page (escaped): those given, the gazetteers', the offline note."""
    from geokit.render._elements import Attribution

    if pts is not None:
        credits.extend(_gazetteer_credits(pts))
    if offline:
        credits.append("Offline map: no web tiles; boundaries drawn from the data")
    Attribution([html_text(c) for c in credits]).add_to(m)


def _add_title_and_legend(m: folium.Map, title: str, legend: str) -> None:
    """Add the title (escaped) and the legend panel, when there is a legend."""
    from geokit.render._elements import JsCall, Raw

    root: Any = m.get_root()
    root.html.add_child(Raw(f'<div class="geokit-title">{html_text(title)}</div>'), name="geokit_title")
    if legend:
        root.html.add_child(
            Raw(f'<div class="geokit-legend" id="geokit-legend">{legend}</div>'), name="geokit_legend"
        )
        JsCall("legend", "geokit-legend").add_to(m)


def _set_view(m: folium.Map, fit: Any, bounds: list[float] | None) -> None:
    """Open the map on the data: centred on its bounds, which the page then fits.

    With nothing to show (no districts, no located incident), the map stays
    on the whole world.
    """
    if bounds is None:
        return
    west, south, east, north = bounds
    m.location = [round((south + north) / 2, 5), round((west + east) / 2, 5)]
    m.options["zoom"] = _DATA_ZOOM
    pad = 0.05 if east - west + north - south > 0.2 else 0.3
    fit.args = [script_json([[south - pad, west - pad], [north + pad, east + pad]])]


def _finish(m: GeokitMap, libraries: list[str]) -> None:
    """Inline the scripts (when the map inlines them), add the layer control and the end-of-drawing mark."""
    import folium as _folium

    from geokit.render._elements import JsCall, inline_assets

    inline_assets(m, list(dict.fromkeys(libraries)))
    _folium.LayerControl(collapsed=False).add_to(m)
    JsCall("done").add_to(m)


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
    from geokit.render._elements import number_elements

    root: Any = m.get_root()
    number_elements(root)
    dest = Path(path)
    write_text_atomic(dest, root.render())
    return dest
