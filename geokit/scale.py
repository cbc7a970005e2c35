"""Geocode, join and aggregate tables larger than one machine, on Dask.

The functions here take and return Dask (or dask-geopandas) frames and run, one partition
at a time, the same code as the single-process path, so their results are the same row for
row. Each worker opens the gazetteer index and the boundary layer once (a per-process cache
keyed by the settings and the layer's name), not once per partition; a worker holds one
partition at a time per thread, so its memory is bounded by the partition size, whatever
the size of the input.

::

    from geokit.scale import dask_client, read_table_dask, geocode_dask, write_table_dask

    with dask_client(workers=4) as client:          # or scheduler="tcp://host:8786"
        table = read_table_dask("incidents.csv")
        out = geocode_dask(table, "place", country="PK", boundaries="PAK:ADM2")
        write_table_dask(out, "resolved.parquet")

Needs the ``dask`` extra: ``pip install 'geokit[dask]'``.
"""

from __future__ import annotations

import contextlib
import dataclasses
import io
import os
import shutil
import tempfile
import threading
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias

import geopandas as gpd
import numpy as np
import pandas as pd

from geokit.errors import DependencyError, InputError, OutputExists
from geokit.settings import Settings, get_settings

if TYPE_CHECKING:
    import dask.dataframe as dd
    from distributed import Client

    from geokit.dates import DateOrder

__all__ = [
    "Written",
    "aggregate_dask",
    "dask_client",
    "geocode_dask",
    "incidents_dask",
    "join_dask",
    "read_table_dask",
    "resolve_keys_dask",
    "write_table_dask",
]

#: Bytes of CSV per partition when reading (about 100,000 incident rows).
DEFAULT_BLOCKSIZE = "16MiB"

Boundaries: TypeAlias = str | Path | gpd.GeoDataFrame


def _need_dask() -> None:
    try:
        import dask.dataframe  # noqa: F401
        import distributed  # noqa: F401
    except ImportError as exc:  # pragma: no cover - the dask extra is part of dev
        raise DependencyError(
            f"--engine dask needs dask and distributed ({exc.name} is missing); "
            "install them with: pip install 'geokit[dask]'"
        ) from None


# ---------------------------------------------------------------- per-worker state
_STATE: dict[tuple[Any, ...], Any] = {}
_STATE_LOCK = threading.Lock()
#: How many times this process opened each kind of resource (tests read it on every worker).
OPENED: Counter[str] = Counter()


def _once(key: tuple[Any, ...], make: Callable[[], Any]) -> Any:
    """Return the process-wide value for ``key``, made by ``make`` the first time only."""
    with _STATE_LOCK:
        if key not in _STATE:
            _STATE[key] = make()
            OPENED[key[0]] += 1
        return _STATE[key]


def _worker_layer(boundaries: Boundaries, settings: Settings) -> gpd.GeoDataFrame:
    if isinstance(boundaries, gpd.GeoDataFrame):
        return boundaries  # shipped once per worker by Dask as a shared dependency
    from geokit.boundaries import load_boundaries

    return _once(("layer", str(boundaries), settings), lambda: load_boundaries(boundaries, settings=settings))  # type: ignore[no-any-return]


def _worker_gazetteer(settings: Settings) -> Any:
    from geokit.gazetteer import Gazetteer

    return _once(("gazetteer", settings), lambda: Gazetteer.default(settings=settings))


# ---------------------------------------------------------------- cluster
@contextlib.contextmanager
def dask_client(
    *,
    workers: int | None = None,
    scheduler: str | None = None,
    memory_limit: str = "auto",
    threads_per_worker: int = 1,
) -> Iterator[Client]:
    """Connect to a Dask cluster for the ``with`` block.

    Parameters
    ----------
    workers
        Start a local cluster of this many worker processes.
    scheduler
        Address of a running Dask distributed scheduler, e.g. ``tcp://10.0.0.5:8786``.
    memory_limit
        Per worker of a local cluster (``"2GiB"``; ``"auto"`` shares the machine's memory).
    threads_per_worker
        Threads per worker process of a local cluster.

    Yields
    ------
    distributed.Client
        The client; closed (and the local cluster shut down) on leaving the block.
    """
    _need_dask()
    from distributed import Client, LocalCluster

    if (workers is None) == (scheduler is None):
        raise InputError("give exactly one of workers (a local cluster) or scheduler (an address)")
    if scheduler is not None:
        with Client(scheduler) as client:
            yield client
        return
    if workers is None or workers < 1:
        raise InputError(f"workers must be 1 or more, got {workers}")
    with (
        LocalCluster(
            n_workers=workers,
            threads_per_worker=threads_per_worker,
            processes=True,
            memory_limit=memory_limit,
            dashboard_address=":0",  # any free port: never clashes with another cluster here
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


# ---------------------------------------------------------------- read and write
def _csv_dialect(path: Path) -> tuple[str, str, int]:
    """Return a CSV's encoding, delimiter and leading comment lines, as geokit's reader sees them."""
    from geokit.ingest import _encoding_of, _sniff_delimiter

    where = str(path)
    with path.open("rb") as raw:
        head = raw.read(64 * 1024)
    encoding = _encoding_of(head, where)
    skip = 0
    # the header is in the first 64 KiB; a stray byte further on must not stop the sniffing
    text = head.decode(encoding, errors="replace").removeprefix("\ufeff")
    for line in io.StringIO(text, newline=""):  # lines as the file reader split them
        if line.lstrip().startswith("#") or not line.strip():
            skip += 1
            continue
        return encoding, _sniff_delimiter(line), skip
    raise InputError("is empty (no header, no rows)", path=where)


def read_table_dask(path: str | Path, *, blocksize: str | int | None = DEFAULT_BLOCKSIZE) -> dd.DataFrame:
    """Read a CSV file (or a folder or glob of them) or Parquet dataset as a Dask frame.

    CSV is read as :func:`geokit.ingest.read_table` reads it: every column as strings,
    blanks as empty strings, the delimiter and encoding sniffed, comment lines before
    the header skipped. Parquet (a ``.parquet`` file or a folder of them) is read as stored.

    Parameters
    ----------
    path
        A CSV file, a glob such as ``parts/*.csv``, or a Parquet file or folder.
    blocksize
        Bytes of CSV per partition; ``None`` for one partition per file (needed when
        quoted fields hold line breaks, or for UTF-16 files).

    Returns
    -------
    dask.dataframe.DataFrame
    """
    _need_dask()
    import dask.dataframe as dd

    p = Path(path)
    if p.suffix.lower() == ".parquet" or (p.is_dir() and any(p.glob("*.parquet"))):
        parquet: dd.DataFrame = dd.read_parquet(str(p))
        return parquet
    if p.is_dir():
        files = sorted(p.glob("*.csv"))
    elif "*" in p.name:
        files = sorted(p.parent.glob(p.name))
    else:
        files = [p]
    if not files or not all(f.is_file() for f in files):
        raise InputError("file not found", path=str(path))
    encoding, sep, skip = _csv_dialect(files[0])
    if encoding == "utf-16":
        blocksize = None
    import dask

    # strings as pandas reads them (geokit.ingest.read_table), not dask's own string dtype
    with dask.config.set({"dataframe.convert-string": False}):
        frame = _read_csv(dd, files, sep, encoding, skip, blocksize)
    renamed: dd.DataFrame = frame.rename(columns={c: str(c).strip() for c in frame.columns})
    return renamed


def _read_csv(dd: Any, files: list[Path], sep: str, encoding: str, skip: int, blocksize: Any) -> Any:
    return dd.read_csv(
        [str(f) for f in files],
        sep=sep,
        dtype=str,
        keep_default_na=False,
        skipinitialspace=True,
        encoding=encoding,
        skiprows=skip or None,
        blocksize=blocksize,
        on_bad_lines="error",
    )


@dataclasses.dataclass(frozen=True, slots=True)
class Written:
    """What :func:`write_table_dask` wrote.

    Attributes
    ----------
    path
        The file or folder written.
    counts
        Rows per value of the ``count`` column (empty when none was asked for).
    """

    path: Path
    counts: dict[str, int]


def write_table_dask(
    frame: dd.DataFrame, output: str | Path, *, overwrite: bool = False, count: str | None = None
) -> Written:
    """Write a Dask frame: Parquet folder, CSV folder (one file per partition) or one CSV.

    ``*.parquet`` writes a Parquet dataset (a folder); a path ending in ``/`` or an existing
    folder gets ``part-*.csv`` files; any other path one CSV file, written partition by
    partition to a temporary folder beside it and then joined, so a worker lost mid-run
    (its partitions are redone) never leaves a half-written or doubled part, and the file
    appears whole or not at all.

    Parameters
    ----------
    frame
        The frame to write (geometry columns are written as WKT in CSV).
    output
        Where to write.
    overwrite
        Replace an existing file or folder.
    count
        Also count the rows per value of this column, in the same pass (each partition
        is computed once).

    Returns
    -------
    Written
    """
    from dask.base import compute

    out = Path(output)
    as_folder = str(output).endswith(("/", os.sep)) or out.is_dir()
    if out.exists() and not overwrite and not (as_folder and not any(out.iterdir())):
        raise OutputExists(str(out))
    if not out.parent.exists():
        raise InputError("folder does not exist", path=str(out))

    if out.suffix.lower() == ".parquet":
        counted = frame[count].value_counts() if count else None
        if out.exists():
            shutil.rmtree(out) if out.is_dir() else out.unlink()
        task = frame.to_parquet(str(out), write_index=False, compute=False, schema=_parquet_schema(frame))
        if counted is None:
            compute(task)
            return Written(out, {})
        _, got = compute(task, counted)
        return Written(out, {str(k): int(v) for k, v in got.items()})
    if as_folder:
        out.mkdir(exist_ok=True)
        for old in out.glob("part-*.csv"):
            old.unlink()
        return Written(out, _write_parts(frame, out, count, header_everywhere=True))
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    try:
        counts = _write_parts(frame, tmp, count, header_everywhere=False)
        joined = tmp / "whole.csv"
        with joined.open("wb") as dst:
            for part in sorted(tmp.glob("part-*.csv")):
                with part.open("rb") as src:
                    shutil.copyfileobj(src, dst, 1 << 20)
        from geokit._http import default_file_mode

        joined.chmod(default_file_mode())
        joined.replace(out)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return Written(out, counts)


def _parquet_schema(frame: dd.DataFrame) -> Any:
    """Return the Parquet schema of ``frame``, its text columns (object dtype) as strings.

    Dask infers the schema from a made-up row of the frame's empty ``meta``, and its value
    for an object column (pandas 3, dask 2026) is a bare ``object()`` that Arrow cannot type;
    geokit's reader gives text as object columns, so they are declared text here. ``"infer"``
    (dask's default) where there is none.
    """
    import pyarrow as pa

    meta = frame._meta
    text = [name for name, dtype in meta.dtypes.items() if dtype.kind == "O"]
    if not text or hasattr(meta, "geometry"):
        return "infer"
    return pa.Schema.from_pandas(meta.astype(dict.fromkeys(text, "string")), preserve_index=False)


def _write_part(part: pd.DataFrame, path: str, header: bool, count: str | None) -> dict[str, int]:
    """Write one partition with geokit's one CSV writer; return its rows per value of ``count``."""
    from geokit._fs import write_text_atomic
    from geokit.export import csv_text

    # atomic: a partition redone after a lost worker replaces its file whole
    write_text_atomic(Path(path), csv_text(part, header=header))
    if count is None:
        return {}
    return {str(k): int(v) for k, v in part[count].value_counts(sort=False).items()}


def _write_parts(
    frame: dd.DataFrame, folder: Path, count: str | None, *, header_everywhere: bool
) -> dict[str, int]:
    """Write each partition to ``folder/part-NNNNNN.csv`` (one compute) and add up the counts."""
    from dask.base import compute
    from dask.delayed import delayed

    write = delayed(_write_part, pure=True)
    tasks = [
        write(p, str(folder / f"part-{_part_name(i)}.csv"), header_everywhere or i == 0, count)
        for i, p in enumerate(frame.to_delayed())
    ]
    total: Counter[str] = Counter()
    for got in compute(*tasks):
        total.update(got)
    return dict(total)


def _part_name(i: int) -> str:
    return f"{i:06d}"


# ---------------------------------------------------------------- geocode
def _validated(
    part: pd.DataFrame, offset: int, columns: Mapping[str, str | None], where: str, dates: Any
) -> pd.DataFrame:
    """One partition through :func:`geokit.ingest.validate_incidents`, rows numbered across partitions."""
    from geokit.ingest import validate_incidents

    # cells as geokit's CSV reader gives them (Python strings in object columns), not pandas' str dtype
    text = [c for c in part.columns if pd.api.types.is_string_dtype(part[c].dtype)]
    table = part.reset_index(drop=True).astype(dict.fromkeys(text, object))
    return validate_incidents(table, columns=columns, where=where, first_row=offset + 1, dates=dates)


def _hints(chunk: pd.DataFrame, country: str | None) -> dict[str, Any]:
    """Return the resolver's hint options from a validated chunk's roles, as ``geokit geocode`` does."""
    from geokit.columns import roles_of

    roles = roles_of(chunk)
    assert roles is not None  # validate_incidents records them
    return {
        "country": country,
        "country_column": roles.country,
        "admin1_column": roles.admin1,
        "admin2_column": roles.admin2,
    }


def _keys_part(
    part: pd.DataFrame, columns: Mapping[str, str | None], country: str | None, where: str
) -> tuple[int, list[Any], list[str], tuple[int, int]]:
    """Return a partition's length, place keys, distinct date texts and their date-order evidence."""
    from geokit.columns import roles_of
    from geokit.dates import DateParser
    from geokit.resolve.batch import row_keys

    if len(part) == 0:
        return 0, [], [], (0, 0)
    dates = DateParser()
    chunk = _validated(part, 0, columns, where, dates)
    roles = roles_of(chunk)
    assert roles is not None and roles.place is not None
    texts = list(dict.fromkeys(chunk["date_text"])) if roles.date is not None else []
    keys = list(dict.fromkeys(row_keys(chunk, roles.place, **_hints(chunk, country))))
    return len(part), keys, texts, dates.evidence


def _first_pass_part(keys: list[Any], settings: Settings) -> dict[Any, Any]:
    from geokit.resolve.batch import first_pass

    return first_pass(keys, gazetteer=_worker_gazetteer(settings))


def _rescore_part(first: dict[Any, Any], context: list[str], settings: Settings) -> dict[Any, Any]:
    from geokit.resolve.batch import rescore

    return rescore(first, context, gazetteer=_worker_gazetteer(settings))


def _geocode_part(
    part: pd.DataFrame,
    offset: int,
    columns: Mapping[str, str | None],
    country: str | None,
    dates: Any,
    resolutions: dict[Any, Any],
    boundaries: Boundaries | None,
    settings: Settings,
    where: str,
) -> pd.DataFrame:
    """One partition through the single-process path of ``geokit geocode``."""
    from geokit.columns import roles_of
    from geokit.join import join_admin
    from geokit.pipeline import resolve_keeping_input

    chunk = _validated(part, offset, columns, where, dates)
    roles = roles_of(chunk)
    assert roles is not None and roles.place is not None
    resolved = resolve_keeping_input(chunk, roles.place, **_hints(chunk, country), resolutions=resolutions)
    if boundaries is not None:
        joined = join_admin(resolved, _worker_layer(boundaries, settings))
        resolved = pd.DataFrame(joined.drop(columns=joined.geometry.name))
    return resolved


def _shared(client_side: Any) -> Any:
    """Put a loaded layer (or any object) into the graph once: one task all partitions depend on."""
    from dask.delayed import delayed

    if isinstance(client_side, str | Path) or client_side is None:
        return client_side
    return delayed(client_side, pure=True)


def _from_parts(parts: Sequence[Any], sample: pd.DataFrame) -> dd.DataFrame:
    import dask.dataframe as dd

    if isinstance(sample, gpd.GeoDataFrame):
        import dask_geopandas  # noqa: F401  (registers GeoDataFrame partitions with dask)
    import dask

    # the columns' dtypes as the single-process path gives them, not dask's own string dtype
    with dask.config.set({"dataframe.convert-string": False}):
        out: dd.DataFrame = dd.from_delayed(list(parts), meta=sample.iloc[:0], verify_meta=False)
    return out


@dataclasses.dataclass(frozen=True, slots=True)
class _Keys:
    """What :func:`resolve_keys_dask` worked out over the whole table."""

    resolutions: dict[Any, Any]
    lengths: list[int]
    #: One date parser per partition, seeded with the rest of the table's date-order evidence.
    dates: list[Any]


def resolve_keys_dask(
    frame: dd.DataFrame,
    columns: Mapping[str, str | None],
    *,
    country: str | None = None,
    date_order: DateOrder | None = None,
    settings: Settings,
    where: str = "<table>",
    batch: int = 2_000,
) -> _Keys:
    """Resolve every distinct place of a Dask frame once, with the whole table as context.

    Each partition is validated as :func:`geokit.ingest.validate_incidents` does (column
    roles, renamed columns) and its distinct place keys gathered, resolved in batches on
    the workers, then the ambiguous ones are re-scored on the workers against the table's
    unambiguous places, then the abroad pass: what :func:`geokit.pipeline.resolve_table_keys`
    does in one process. The date order is decided once from the whole date column.

    Parameters
    ----------
    frame
        The table.
    columns
        Column roles named by the caller (``place`` at least); the rest are recognised.
    country
        ISO2 code for every row.
    date_order
        As for :class:`geokit.dates.DateParser`.
    settings
        Settings the workers use.
    where
        How to name the input in errors.
    batch
        Distinct places per task.

    Returns
    -------
    _Keys
        Place key to :class:`geokit.resolve.Resolution`, the length of each partition and
        the date parser each partition uses.
    """
    from dask.base import compute
    from dask.delayed import delayed

    from geokit.dates import DateParser
    from geokit.resolve.batch import abroad_pass, context_of

    per_part = compute(*[delayed(_keys_part)(p, columns, country, where) for p in frame.to_delayed()])
    unique = list(dict.fromkeys(k for _, keys, _, _ in per_part for k in keys))
    batches = [unique[i : i + batch] for i in range(0, len(unique), batch)]
    first: dict[Any, Any] = {}
    for part in compute(*[delayed(_first_pass_part)(b, settings) for b in batches]):
        first.update(part)
    context = context_of(first)
    ambiguous = [k for k, r in first.items() if r.ambiguous]
    if context and ambiguous:
        pieces = [{k: first[k] for k in ambiguous[i : i + batch]} for i in range(0, len(ambiguous), batch)]
        shared = _shared(context)
        for part in compute(*[delayed(_rescore_part)(p, shared, settings) for p in pieces]):
            first.update(part)
    # rows with no country and only a small or loose match abroad: needs the whole table's country
    abroad_pass(first, _worker_gazetteer(settings))
    # one date order for the whole column: each partition's parser starts with the evidence of
    # the others, so after reading its own it has seen exactly the whole column's
    whole = DateParser(date_order)
    whole.parse(dict.fromkeys(t for _, _, texts, _ in per_part for t in texts))
    total = whole.evidence
    dates = [DateParser.seeded(date_order, (total[0] - ev[0], total[1] - ev[1])) for _, _, _, ev in per_part]
    return _Keys(first, [n for n, _, _, _ in per_part], dates)


def _named(
    column: str,
    columns: Mapping[str, str | None] | None,
    country_column: str | None = None,
    admin1_column: str | None = None,
    admin2_column: str | None = None,
) -> dict[str, str | None]:
    named = dict(columns or {})
    named["place"] = column
    for role, col in (("country", country_column), ("admin1", admin1_column), ("admin2", admin2_column)):
        if col:
            named[role] = col
    return named


def _check_columns(frame: dd.DataFrame, named: Mapping[str, str | None], where: str) -> None:
    from geokit.columns import find_roles

    find_roles(list(frame.columns), named, where=where)  # a named column that is missing: one clear error
    for col in named.values():
        if col and col not in frame.columns:
            raise InputError(
                f"no column {col!r}; columns are: {', '.join(map(str, frame.columns))}", path=where
            )


def geocode_dask(
    frame: dd.DataFrame,
    column: str,
    *,
    country: str | None = None,
    country_column: str | None = None,
    admin1_column: str | None = None,
    admin2_column: str | None = None,
    columns: Mapping[str, str | None] | None = None,
    date_order: DateOrder | None = None,
    boundaries: Boundaries | None = None,
    settings: Settings | None = None,
    where: str = "<table>",
) -> dd.DataFrame:
    """Resolve a column of place names, partition by partition, as ``geokit geocode`` does.

    Every distinct place is resolved once for the whole table (:func:`resolve_keys_dask`,
    computed now); the rows are then validated, resolved and joined lazily, partition by
    partition, by the single-process code.

    Parameters
    ----------
    frame
        Rows as :func:`read_table_dask` reads them.
    column
        The column with place names.
    country, country_column, admin1_column, admin2_column
        Hints, as for :func:`geokit.resolve.resolve_frame`.
    columns
        Other column roles named explicitly (see :func:`geokit.columns.find_roles`).
    date_order
        ``"dayfirst"``, ``"monthfirst"`` or ``None`` (inferred from the whole column).
    boundaries
        Also add the join columns from this layer: a dataset name or file path (each worker
        loads it once) or a loaded layer (sent once).
    settings
        Settings the workers use (data mirror, cache folder); the current ones by default.
        Workers must see the same paths.
    where
        How to name the input in errors.

    Returns
    -------
    dask.dataframe.DataFrame
        Every input row in input order, ``row`` numbered across partitions, with the
        resolver's columns: the same rows as the single-process ``geokit geocode``, except
        that an ``id`` repeated in two partitions is not noted in ``input_issues``.
    """
    _need_dask()
    s = settings or get_settings()
    named = _named(column, columns, country_column, admin1_column, admin2_column)
    _check_columns(frame, named, where)
    return _resolved_parts(_geocode_part, frame, named, country, date_order, boundaries, s, where)


def _local(boundaries: Any, settings: Settings) -> Any:
    return None if boundaries is None else _worker_layer(boundaries, settings)


# ---------------------------------------------------------------- the map's pipeline
def _incidents_part(
    part: pd.DataFrame,
    offset: int,
    columns: Mapping[str, str | None],
    country: str | None,
    dates: Any,
    resolutions: dict[Any, Any],
    boundaries: Boundaries,
    settings: Settings,
    where: str,
) -> gpd.GeoDataFrame:
    from geokit.pipeline import incidents_of

    chunk = _validated(part, offset, columns, where, dates)
    layer = _worker_layer(boundaries, settings)
    return incidents_of(chunk, layer, country=country, resolutions=resolutions)


def incidents_dask(
    frame: dd.DataFrame,
    boundaries: Boundaries,
    *,
    place_column: str = "place",
    columns: Mapping[str, str | None] | None = None,
    country: str | None = None,
    date_order: DateOrder | None = None,
    settings: Settings | None = None,
    where: str = "<table>",
) -> dd.DataFrame:
    """Resolve and join a table of incidents as :func:`geokit.pipeline.run_pipeline` does.

    Every distinct place is resolved once with the whole table as context (computed now);
    rows are validated, resolved, given coordinates checked and joined lazily, partition by
    partition. Count them with :func:`aggregate_dask` (the rows with ``status == "resolved"``).

    Parameters
    ----------
    frame
        Rows as :func:`read_table_dask` reads them (hint columns such as ``country_hint``,
        ``admin1_hint``, ``admin2_hint`` and given ``lat``/``lon`` are used as the
        pipeline uses them).
    boundaries
        A dataset name or file path (each worker loads it once) or a loaded layer.
    place_column
        The column with place names.
    columns
        Other column roles named explicitly (see :func:`geokit.columns.find_roles`).
    country
        ISO2 code of the country every row is in.
    date_order
        ``"dayfirst"``, ``"monthfirst"`` or ``None`` (inferred from the whole column).
    settings
        Settings the workers use; the current ones by default.
    where
        How to name the input in errors.

    Returns
    -------
    dask_geopandas.GeoDataFrame
        :attr:`geokit.pipeline.PipelineResult.incidents`, row for row, except that an
        ``id`` repeated in two partitions is not noted in ``input_issues``.
    """
    _need_dask()
    s = settings or get_settings()
    named = _named(place_column, columns)
    _check_columns(frame, named, where)
    return _resolved_parts(_incidents_part, frame, named, country, date_order, boundaries, s, where)


# ---------------------------------------------------------------- join
def _join_part(
    part: pd.DataFrame, boundaries: Boundaries, lat: str, lon: str, tolerance_km: float, settings: Settings
) -> gpd.GeoDataFrame:
    from geokit.join import join_admin

    layer = _worker_layer(boundaries, settings)
    return join_admin(part, layer, lat=lat, lon=lon, tolerance_km=tolerance_km)


def join_dask(
    frame: dd.DataFrame,
    boundaries: Boundaries,
    *,
    lat: str = "lat",
    lon: str = "lon",
    tolerance_km: float | None = None,
    settings: Settings | None = None,
) -> dd.DataFrame:
    """Add admin unit names and ids to every row, partition by partition.

    Parameters
    ----------
    frame
        Rows with ``lat``/``lon`` columns.
    boundaries
        A dataset name or file path (each worker loads it once) or a loaded layer.
    lat, lon
        Coordinate column names.
    tolerance_km
        As for :func:`geokit.join.join_admin`.
    settings
        Settings the workers use; the current ones by default.

    Returns
    -------
    dask_geopandas.GeoDataFrame
        What :func:`geokit.join.join_admin` returns, row for row, partitioned as the input.
    """
    _need_dask()
    from dask.delayed import delayed

    from geokit.join import DEFAULT_TOLERANCE_KM

    s = settings or get_settings()
    for col in (lat, lon):
        if col not in frame.columns:
            raise InputError(f"no column {col!r}; columns are: {', '.join(map(str, frame.columns))}")
    tol = DEFAULT_TOLERANCE_KM if tolerance_km is None else tolerance_km
    layer = _shared(boundaries)
    part = delayed(_join_part, pure=True)
    parts = [part(p, layer, lat, lon, tol, s) for p in frame.to_delayed()]
    sample = _join_part(frame.head(1, npartitions=-1), _local(boundaries, s), lat, lon, tol, s)
    return _from_parts(parts, sample)


# ---------------------------------------------------------------- aggregate
def _count_part(
    part: pd.DataFrame, id_col: str, fatalities: str, levels: list[int], lvl: int
) -> tuple[pd.DataFrame, dict[str, int]]:
    """Return a partition's :func:`geokit.join.unit_counts` and its rows placed only above ``lvl``."""
    from geokit.join import _coarser_counts, unit_counts

    return unit_counts(part, id_col, fatalities), _coarser_counts(part, levels, lvl)


def aggregate_dask(
    joined: dd.DataFrame,
    boundaries: Boundaries,
    *,
    level: int | None = None,
    fatalities: str = "fatalities",
    settings: Settings | None = None,
) -> gpd.GeoDataFrame:
    """Count incidents and known fatalities per admin unit over a Dask frame.

    Each partition is reduced to one row per unit where it happens (a few hundred rows
    at most), and only those partial counts travel; the result is
    :func:`geokit.join.aggregate`'s, unit for unit, ``attrs["coarser"]`` included (rows
    placed only in a coarser unit, counted per that unit).

    Parameters
    ----------
    joined
        Output of :func:`join_dask` or :func:`geocode_dask` with ``boundaries`` (the
        rows to count: filter to ``status == "resolved"`` first to count as the pipeline does).
    boundaries
        The layer used for the join.
    level, fatalities
        As for :func:`geokit.join.aggregate`.
    settings
        Settings for loading a named layer; the current ones by default.

    Returns
    -------
    geopandas.GeoDataFrame
        One row per unit (small: it is computed, not lazy).
    """
    _need_dask()
    from dask.base import compute
    from dask.delayed import delayed

    from geokit.boundaries import admin_columns
    from geokit.join import admin_levels, aggregate_counts, combine_counts

    s = settings or get_settings()
    layer = _worker_layer(boundaries, s)
    levels = admin_levels(layer)
    lvl = level if level is not None else max(levels)
    _, id_col = admin_columns(lvl)
    if id_col not in joined.columns:
        # a frame joined elsewhere may name the finest level admin1/admin2 (geokit geocode)
        raise InputError(f"no column {id_col!r} to count by; join the rows to the boundaries first")
    part = delayed(_count_part, pure=True)
    partial = compute(*[part(p, id_col, fatalities, levels, lvl) for p in joined.to_delayed()])
    units = aggregate_counts(combine_counts([c for c, _ in partial]), layer, level=lvl)
    coarser: Counter[str] = Counter()
    for _, above in partial:
        coarser.update(above)
    units.attrs["coarser"] = dict(sorted(coarser.items()))  # in unit order, as one groupby gives them
    return units


def _resolved_parts(
    part_fn: Any,
    frame: dd.DataFrame,
    named: dict[str, str | None],
    country: str | None,
    date_order: Any,
    boundaries: Any,
    s: Settings,
    where: str,
) -> dd.DataFrame:
    """Resolve the table's places once, then run ``part_fn`` on every partition with those answers.

    ``part_fn(partition, first_row, named, country, dates, resolutions, layer, settings, where)``
    is :func:`_geocode_part` or :func:`_incidents_part`; rows are numbered across partitions.
    """
    from dask.delayed import delayed

    _worker_gazetteer(s)  # the index is built here, once, before any worker opens it
    keys = resolve_keys_dask(frame, named, country=country, date_order=date_order, settings=s, where=where)
    if sum(keys.lengths) == 0:
        raise InputError("has a header but no data rows", path=where)
    offsets = np.cumsum([0, *keys.lengths[:-1]]).tolist()  # row numbers run across partitions
    shared, layer = _shared(keys.resolutions), _shared(boundaries)
    part = delayed(part_fn, pure=True)
    parts = [
        part(p, off, named, country, dates, shared, layer, s, where)
        for p, off, n, dates in zip(frame.to_delayed(), offsets, keys.lengths, keys.dates, strict=True)
        if n
    ]
    head = frame.head(1, npartitions=-1)
    sample = part_fn(head, 0, named, country, None, keys.resolutions, _local(boundaries, s), s, where)
    return _from_parts(parts, sample)
