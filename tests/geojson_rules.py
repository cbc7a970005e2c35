"""A checker for the RFC 7946 rules geokit promises (used by several tests)."""

from __future__ import annotations

import itertools
import json
import re
from typing import Any

_DECIMALS = re.compile(r"-?\d+\.(\d+)")


def _ring_area(ring: list[list[float]]) -> float:
    return sum(x0 * y1 - x1 * y0 for (x0, y0, *_), (x1, y1, *_) in itertools.pairwise(ring)) / 2


def _positions(coords: Any) -> list[list[float]]:
    if coords and isinstance(coords[0], int | float):
        return [coords]
    return [p for c in coords for p in _positions(c)]


def rfc7946_problems(text: str, *, max_decimals: int = 6) -> list[str]:
    """Return a list of RFC 7946 violations in a GeoJSON text (empty when valid)."""
    problems: list[str] = []
    doc = json.loads(text)
    if doc.get("type") != "FeatureCollection":
        problems.append("top level is not a FeatureCollection")
    if "crs" in doc:
        problems.append("has a crs member (RFC 7946 section 4 removed it)")
    for i, feat in enumerate(doc.get("features", [])):
        if feat.get("type") != "Feature":
            problems.append(f"feature {i}: type is not Feature")
        if "id" in feat and not isinstance(feat["id"], str | int | float):
            problems.append(f"feature {i}: id is neither string nor number")
        if "properties" not in feat:
            problems.append(f"feature {i}: no properties member")
        geom = feat.get("geometry")
        if geom is None:
            continue
        for x, y, *_ in _positions(geom["coordinates"]):
            if not (-180 <= x <= 180 and -90 <= y <= 90):
                problems.append(f"feature {i}: position {x},{y} is not lon/lat")
        polys = []
        if geom["type"] == "Polygon":
            polys = [geom["coordinates"]]
        elif geom["type"] == "MultiPolygon":
            polys = geom["coordinates"]
        for poly in polys:
            if _ring_area(poly[0]) <= 0:
                problems.append(f"feature {i}: exterior ring is not counter-clockwise")
            for hole in poly[1:]:
                if _ring_area(hole) >= 0:
                    problems.append(f"feature {i}: interior ring is not clockwise")
    for m in _DECIMALS.finditer(json.dumps([f.get("geometry") for f in doc.get("features", [])])):
        if len(m.group(1)) > max_decimals:
            problems.append(f"coordinate {m.group(0)} has more than {max_decimals} decimals")
            break
    return problems
