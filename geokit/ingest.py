"""Read incident tables.

:func:`read_incidents` reads a CSV (comment lines starting with ``#`` allowed,
UTF-8 with or without BOM, UTF-16 with BOM, Windows-1252; the encoding is
decided once per file and a line that does not fit is decoded the other way
with a note on its row; comma, semicolon, tab or pipe delimited) and returns
a DataFrame with every input row, a 1-based ``row`` number, and parsed
``date`` and ``fatalities`` columns. Values that cannot be parsed are kept
as given and noted in ``input_issues``; no row is ever dropped.
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import logging
from collections.abc import Iterator, Mapping
from pathlib import Path

import numpy as np
import pandas as pd

from geokit.columns import OUTPUT_COLUMNS, ColumnRoles, find_roles, make_room, named_of
from geokit.dates import DateOrder, DateParser
from geokit.errors import InputError

__all__ = ["OPTIONAL_COLUMNS", "iter_incidents", "read_incidents", "read_table", "validate_incidents"]

log = logging.getLogger(__name__)

#: Columns geokit understands when present.
OPTIONAL_COLUMNS = (
    "id",
    "date",
    "admin1_hint",
    "admin2_hint",
    "country_hint",
    "event_type",
    "description",
    "fatalities",
    "source",
    "source_url",
)

_MAX_BYTES_SNIFF = 64 * 1024
#: A physical line longer than this is not a table (an endless stream, a binary file).
MAX_LINE_BYTES = 64 * 1024 * 1024
_UTF8_BOM = codecs.BOM_UTF8


def _cp1252(raw: bytes) -> str:
    """Windows-1252, the usual non-UTF-8 encoding of spreadsheet exports; Latin-1 for its 5 gaps."""
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def _encoding_of(head: bytes, where: str) -> str:
    """Decide a file's encoding once, from its first 64 KiB: ``utf-16``, ``utf-8`` or ``cp1252``.

    UTF-8 unless the head has bytes that are not UTF-8 and no line that is
    UTF-8 with non-ASCII characters; either way single lines that do not fit
    are decoded the other way, with a note (see :class:`_Lines`).
    """
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if b"\x00" in head:
        raise InputError("looks like a binary file (NUL bytes), not a CSV table", path=where)
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start >= len(head) - 4 and len(head) >= _MAX_BYTES_SNIFF:
            return "utf-8"  # a character cut at the end of the sample
        for line in head.splitlines():
            if not line.isascii():
                try:
                    line.decode("utf-8")
                except UnicodeDecodeError:
                    continue
                return "utf-8"
        return "cp1252"
    return "utf-8"


class _Lines:
    """The physical lines of a file, each decoded on its own, for :mod:`csv` to read.

    The file's encoding is decided once (:func:`_encoding_of`). A line that
    does not decode that way is decoded the other way (UTF-8 or Windows-1252)
    and flagged, so the row it belongs to gets a note: one stray byte never
    switches the whole file to another encoding. A NUL byte or a line longer
    than :data:`MAX_LINE_BYTES` stops the read with an error.
    """

    def __init__(self, path: Path, where: str) -> None:
        self.where = where
        self.line = 0  # physical lines read so far
        self.fallback = False  # a line read since the last reset was decoded the other way
        self.handle = io.BufferedReader(io.FileIO(path, "rb"), buffer_size=2 * _MAX_BYTES_SNIFF)
        try:
            head = self.handle.peek(_MAX_BYTES_SNIFF)[:_MAX_BYTES_SNIFF]
            self.encoding = _encoding_of(head, where)
        except BaseException:
            self.handle.close()
            raise
        self.other = "cp1252" if self.encoding == "utf-8" else "utf-8"
        self.text: io.TextIOWrapper | None = None
        if self.encoding == "utf-16":
            self.text = io.TextIOWrapper(self.handle, encoding="utf-16", newline="")

    def close(self) -> None:
        (self.text or self.handle).close()

    def _raw(self) -> Iterator[bytes]:
        first = True
        while True:
            raw = self.handle.readline(MAX_LINE_BYTES + 1)
            if not raw:
                return
            if len(raw) > MAX_LINE_BYTES and not raw.endswith(b"\n"):
                raise InputError(
                    f"line {self.line + 1} is longer than {MAX_LINE_BYTES // 2**20} MiB; "
                    "not a CSV table (or an endless stream)",
                    path=self.where,
                )
            if first:
                raw = raw.removeprefix(_UTF8_BOM)
                first = False
            # a lone CR ends a line too (old Mac files); CRs inside quoted cells survive in csv
            yield from raw.splitlines(keepends=True) if b"\r" in raw else (raw,)

    def __iter__(self) -> Iterator[str]:
        if self.text is not None:
            try:
                for line in self.text:
                    self.line += 1
                    yield line
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"line {self.line + 1} is not valid UTF-16 ({exc.reason})", path=self.where
                ) from None
            return
        for raw in self._raw():
            self.line += 1
            if b"\x00" in raw:
                raise InputError(
                    f"line {self.line} holds a NUL byte; a binary file, not a CSV table", path=self.where
                )
            if raw.isascii():
                yield raw.decode("ascii")
            elif self.encoding == "utf-8":
                try:
                    yield raw.decode("utf-8")
                except UnicodeDecodeError:
                    self.fallback = True
                    yield _cp1252(raw)
            else:
                try:
                    text_utf8 = raw.decode("utf-8")
                except UnicodeDecodeError:
                    yield _cp1252(raw)
                else:
                    self.fallback = True
                    yield text_utf8


def _header_names(fields: list[str]) -> list[str]:
    """Strip header names; name blank ones ``Unnamed: i`` and number repeats ``name.1``, as pandas does."""
    names: list[str] = []
    seen: dict[str, int] = {}
    for i, raw in enumerate(fields):
        name = raw.strip() or f"Unnamed: {i}"
        base = name
        while name in seen:
            seen[base] += 1
            name = f"{base}.{seen[base]}"
        seen.setdefault(name, 0)
        names.append(name)
    return names


def _read_chunks(path: str | Path, chunksize: int) -> Iterator[tuple[pd.DataFrame, list[str]]]:
    """Read a CSV in chunks: the one CSV reader every command goes through.

    Yields chunks of at most ``chunksize`` rows (every cell a string, ``""``
    where blank) with one note per row (``""`` when the row read cleanly).
    Leading ``#`` comment lines and blank lines are skipped; the delimiter
    (``,``, ``;``, tab or ``|``) is sniffed from the header; a row shorter than
    the header is padded with blanks; a longer one, or a quote never closed,
    is an error naming the line.
    """
    where = str(path)
    p = Path(path)
    if not p.exists():
        raise InputError("file not found", path=where)
    if p.is_dir():
        raise InputError("is a directory, not a CSV file", path=where)
    try:
        lines = _Lines(p, where)
    except OSError as exc:
        raise InputError(f"cannot read ({exc.strerror})", path=where) from None
    try:
        stream = iter(lines)
        header_line = ""
        for line in stream:
            if line.strip() and not line.lstrip().startswith("#"):
                header_line = line
                break
        if not header_line:
            raise InputError("is empty (no header, no rows)", path=where)
        sep = _sniff_delimiter(header_line)
        lines.fallback = False
        reader = csv.reader(
            itertools.chain([header_line], stream), delimiter=sep, skipinitialspace=True, strict=True
        )
        header_fallback = lines.fallback
        try:
            header = _header_names(next(reader))
            lines.fallback = header_fallback
            width = len(header)
            rows: list[list[str]] = []
            notes: list[str] = []
            any_rows = False
            for record in reader:
                fell, lines.fallback = lines.fallback, False
                if not record or (len(record) == 1 and not record[0].strip()):
                    continue  # a blank line
                if len(record) > width:
                    raise InputError(
                        f"is not a well-formed CSV (line {lines.line}: {len(record)} fields, "
                        f"the header has {width})",
                        path=where,
                    )
                if len(record) < width:
                    record += [""] * (width - len(record))
                rows.append(record)
                notes.append(
                    f"not {_ENCODING_NAMES[lines.encoding]}: read as {_ENCODING_NAMES[lines.other]}"
                    if fell
                    else ""
                )
                if len(rows) >= chunksize:
                    any_rows = True
                    yield pd.DataFrame(rows, columns=header, dtype=object), notes
                    rows, notes = [], []
            if rows or not any_rows:
                if not rows:
                    raise InputError("has a header but no data rows", path=where)
                yield pd.DataFrame(rows, columns=header, dtype=object), notes
        except csv.Error as exc:
            raise InputError(f"is not a well-formed CSV (line {lines.line}: {exc})", path=where) from None
    except OSError as exc:
        raise InputError(f"cannot read ({exc.strerror})", path=where) from None
    finally:
        lines.close()


_ENCODING_NAMES = {"utf-8": "UTF-8", "cp1252": "Windows-1252", "utf-16": "UTF-16"}


def _sniff_delimiter(text: str) -> str:
    sample = text[:_MAX_BYTES_SNIFF]
    try:
        return csv.Sniffer().sniff(sample.split("\n", 5)[0], delimiters=",;\t|").delimiter
    except csv.Error:
        return ","


def read_table(path: str | Path) -> pd.DataFrame:
    """Read any CSV table the way :func:`read_incidents` does, without requiring a place column.

    Parameters
    ----------
    path
        The CSV file.

    Returns
    -------
    pandas.DataFrame
        Every column as strings (empty string where blank), in input order.
        Rows not in the file's encoding are listed in
        ``attrs["geokit"]["row_notes"]`` (one note per row) and logged.

    Raises
    ------
    InputError
        If the file is missing, binary, empty or not well-formed CSV.
    """
    frames, notes = [], []
    for frame, chunk_notes in _read_chunks(path, _TABLE_CHUNK):
        frames.append(frame)
        notes += chunk_notes
    df = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    flagged = [i + 1 for i, n in enumerate(notes) if n]
    if flagged:
        shown = ", ".join(map(str, flagged[:10])) + (" ..." if len(flagged) > 10 else "")
        log.warning("%s: row(s) %s %s", path, shown, next(n for n in notes if n))
    df.attrs["geokit"] = {"row_notes": notes}
    return df


_TABLE_CHUNK = 200_000


def read_incidents(
    path: str | Path,
    *,
    place_column: str | None = None,
    columns: ColumnRoles | Mapping[str, str | None] | None = None,
    date_order: DateOrder | None = None,
) -> pd.DataFrame:
    """Read an incident table from a CSV file.

    Parameters
    ----------
    path
        The CSV file.
    place_column
        The column holding place names; recognised (``place``, ``location``...) when not given.
    columns
        Other column roles, e.g. ``{"date": "when", "fatalities": "killed"}``;
        see :func:`geokit.columns.find_roles`.
    date_order
        ``"dayfirst"`` or ``"monthfirst"`` for numeric dates; ``None`` infers
        it from the column (see :class:`geokit.dates.DateParser`).

    Returns
    -------
    pandas.DataFrame
        As :func:`validate_incidents` returns it: every input column, plus
        ``row`` (1-based data row number), the date column parsed (its text in
        ``date_text``), numeric columns as nullable numbers and ``input_issues``.

    Raises
    ------
    InputError
        If the file cannot be read, has no rows, or has no place column.
    """
    table = read_table(path)
    return validate_incidents(
        table,
        place_column=place_column,
        columns=columns,
        where=str(path),
        date_order=date_order,
        row_notes=table.attrs["geokit"]["row_notes"],
    )


def iter_incidents(
    path: str | Path,
    *,
    place_column: str | None = None,
    chunksize: int = 100_000,
    columns: ColumnRoles | Mapping[str, str | None] | None = None,
    date_order: DateOrder | None = None,
) -> Iterator[pd.DataFrame]:
    """Read a large incident table in chunks, without loading it all at once.

    Parameters
    ----------
    path
        The CSV file.
    place_column, columns
        As for :func:`read_incidents`.
    chunksize
        Rows per chunk.
    date_order
        As for :func:`read_incidents`; when inferred, the evidence of the
        rows read so far decides each chunk's order.

    Yields
    ------
    pandas.DataFrame
        Chunks as :func:`read_incidents` returns them, with ``row`` numbers
        continuing across chunks.

    Raises
    ------
    InputError
        As for :func:`read_incidents`.
    """
    if chunksize < 1:
        raise InputError(f"chunk size must be at least 1, not {chunksize}")
    dates = DateParser(date_order)
    offset = 0
    for chunk, notes in _read_chunks(path, chunksize):
        out = validate_incidents(
            chunk,
            place_column=place_column,
            columns=columns,
            where=str(path),
            first_row=offset + 1,
            row_notes=notes,
            dates=dates,
        )
        offset += len(out)
        yield out


def validate_incidents(
    df: pd.DataFrame,
    *,
    place_column: str | None = None,
    where: str = "<table>",
    columns: ColumnRoles | Mapping[str, str | None] | None = None,
    date_order: DateOrder | None = None,
    first_row: int = 1,
    row_notes: list[str] | None = None,
    dates: DateParser | None = None,
) -> pd.DataFrame:
    """Check and normalise an incident table already in memory.

    Parameters
    ----------
    df
        The table.
    place_column
        The column holding place names; recognised from common names
        (``place``, ``location``...) when not given.
    where
        How to name the table in errors.
    columns
        Other column roles named explicitly (see :func:`geokit.columns.find_roles`);
        the rest are recognised from common names, case-insensitively.
    date_order
        ``"dayfirst"``, ``"monthfirst"`` or ``None`` (inferred from the column).
    first_row
        The ``row`` number of the first row (for chunks of a larger table).
    row_notes
        A note per row from the reader (``""`` for none), added to ``input_issues``.
    dates
        A date parser to reuse across chunks (it keeps the column's evidence).

    Returns
    -------
    pandas.DataFrame
        A copy with ``row``, the date column parsed (its text kept in
        ``date_text``), the fatalities column as nullable integers, every
        other all-numeric column as nullable numbers (``Int64`` when whole,
        ``Float64`` otherwise), and ``input_issues``. An input ``row`` column
        holding exactly these row numbers (geokit's own output read back) is
        replaced; other user columns named like geokit's output columns are
        renamed ``input_<name>``. ``attrs["geokit"]`` holds the
        :class:`~geokit.columns.ColumnRoles` (``"columns"``) and notes.

    Raises
    ------
    InputError
        If the table is empty or has no place column.
    """
    roles = _roles(df, place_column, columns, where)
    if len(df) == 0:
        raise InputError("has a header but no data rows", path=where)
    out = df.copy()
    out.columns = [str(c) for c in out.columns]
    numbers = np.arange(first_row, first_row + len(out))
    if "row" in out.columns:
        given_rows = out["row"].astype(str).str.strip()
        if (given_rows == pd.Series(numbers.astype(str), index=out.index)).all():
            out = out.drop(columns=["row"])
    notes: list[str] = []
    room = make_room(out.columns, OUTPUT_COLUMNS)
    if room:
        out = out.rename(columns=room)
        roles = roles.renamed(room)
        notes.append(
            "input column(s) named like geokit's output renamed: "
            + ", ".join(f"{a} -> {b}" for a, b in room.items())
        )
    out.insert(0, "row", numbers)
    issues: list[list[str]] = [[n] if n else [] for n in (row_notes or [""] * len(out))]
    if roles.date is not None:
        _parse_dates(out, roles.date, dates if dates is not None else DateParser(date_order), issues)
    if roles.fatalities is not None:
        _parse_counts(out, roles.fatalities, issues)
    _numbers_stay_numbers(out, roles)
    if roles.id is not None:
        _note_duplicate_ids(out, roles.id, issues)
    out[roles.place] = out[roles.place].astype(str)
    out["input_issues"] = ["; ".join(x) for x in issues]
    out.attrs["geokit"] = {"columns": roles.to_dict(), "notes": notes}
    return out


def _roles(
    df: pd.DataFrame,
    place_column: str | None,
    columns: ColumnRoles | Mapping[str, str | None] | None,
    where: str,
) -> ColumnRoles:
    """Find the table's column roles: those named, the rest recognised; a place column is required."""
    roles = find_roles(df.columns, named_of(columns, place=place_column), where=where)
    if roles.place is None:
        raise InputError(
            "no place column (none named place, location, town...); name it with --column; columns are: "
            f"{', '.join(map(str, df.columns)) or 'none'}",
            path=where,
        )
    return roles


def _parse_dates(out: pd.DataFrame, column: str, parser: DateParser, issues: list[list[str]]) -> None:
    """Parse the date column in one order, keeping its text in ``date_text`` and a note per uncertain row."""
    given = out[column].astype(str).str.strip()
    parsed, notes = parser.parse(given)
    for k, note in enumerate(notes):
        if note:
            issues[k].append(note)
    out["date_text"] = given
    out[column] = parsed.to_numpy()


def _parse_counts(out: pd.DataFrame, column: str, issues: list[list[str]]) -> None:
    """Read counts as nullable integers; a value that is not a whole number >= 0 is noted and left blank."""
    given = out[column].astype(str).str.strip()
    values = pd.to_numeric(given, errors="coerce")
    bad = (values.isna() & (given != "")) | (values < 0) | (values.notna() & (values % 1 != 0))
    for i in np.flatnonzero(bad.to_numpy()):
        issues[i].append(f"{column} {given.iloc[i]!r} is not a count")
    out[column] = values.where(~bad).round().astype("Int64")


def _numbers_stay_numbers(out: pd.DataFrame, roles: ColumnRoles) -> None:
    """Turn every all-numeric user column that has no text role into nullable numbers."""
    text_roles = {
        roles.place,
        roles.id,
        roles.country,
        roles.admin1,
        roles.admin2,
        roles.source,
        roles.source_url,
        roles.description,
        roles.event_type,
        roles.date,
        roles.fatalities,
    }
    for col in out.columns:
        if col not in text_roles and col != "row" and _is_text(out[col]):
            numeric = _numeric_or_none(out[col])
            if numeric is not None:
                out[col] = numeric


def _is_text(column: pd.Series) -> bool:
    return bool(pd.api.types.is_string_dtype(column.dtype) or column.dtype == object)


def _note_duplicate_ids(out: pd.DataFrame, column: str, issues: list[list[str]]) -> None:
    ids = out[column].astype(str).str.strip()
    dup = ids.duplicated(keep=False) & (ids != "")
    first_seen = dict(zip(ids[dup][::-1], out["row"][dup][::-1], strict=True))
    for i in np.flatnonzero(dup.to_numpy()):
        if out["row"].iloc[i] != first_seen[ids.iloc[i]]:
            issues[i].append(f"duplicate id {ids.iloc[i]!r} (first seen in row {first_seen[ids.iloc[i]]})")


def _nullable(numbers: pd.Series) -> pd.Series:
    """Nullable integers when every value is whole, nullable floats otherwise; real nulls for blanks."""
    values = numbers.astype("Float64")
    finite = values.dropna()
    if not len(finite):
        return values.astype("Int64")
    if bool(((finite % 1) == 0).all()) and bool((finite.abs() < 2**53).all()):
        return values.astype("Int64")
    return values


_NUMBER = r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?"


def _numeric_or_none(column: pd.Series) -> pd.Series | None:
    """Return the column as nullable numbers when every non-blank value is a plain number.

    ``None`` otherwise. Codes with leading zeros (``007``) stay text: identifiers, not numbers.
    """
    text = column.astype(str).str.strip()
    given = text[text != ""]
    if given.empty or not bool(given.str.fullmatch(_NUMBER).all()):
        return None
    if bool(given.str.match(r"[-+]?0\d").any()):
        return None
    numbers = pd.to_numeric(given, errors="coerce")
    if not bool((numbers.abs() < 2**53).all()):  # too long to be exact as a number: an identifier
        return None
    return _nullable(pd.to_numeric(text.where(text != ""), errors="coerce"))
