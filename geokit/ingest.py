"""Read incident tables.

:func:`read_incidents` reads a CSV (comment lines starting with ``#`` allowed,
UTF-8 with or without BOM, UTF-16 with BOM, Latin-1 as a last resort, comma,
semicolon or tab delimited) and returns a DataFrame with every input row, a
1-based ``row`` number, and parsed ``date`` and ``fatalities`` columns. Values
that cannot be parsed are kept as given and noted in ``input_issues``; no
row is ever dropped.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator, Mapping
from pathlib import Path

import numpy as np
import pandas as pd

from geokit.columns import OUTPUT_COLUMNS, ColumnRoles, find_roles, make_room
from geokit.errors import InputError

__all__ = ["OPTIONAL_COLUMNS", "iter_incidents", "read_incidents", "read_table", "validate_incidents"]

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


def _decode(raw: bytes, where: str) -> str:
    encoding = _encoding_of(raw[:_MAX_BYTES_SNIFF], where)
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError:  # UTF-8 at the start, something else further down
        return raw.decode("latin-1")


def _strip_comments(text: str) -> str:
    lines = text.splitlines(keepends=True)
    start = 0
    while start < len(lines) and (lines[start].lstrip().startswith("#") or not lines[start].strip()):
        start += 1
    return "".join(lines[start:])


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

    Raises
    ------
    InputError
        If the file is missing, binary, empty or not well-formed CSV.
    """
    where = str(path)
    p = Path(path)
    if not p.exists():
        raise InputError("file not found", path=where)
    if p.is_dir():
        raise InputError("is a directory, not a CSV file", path=where)
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read ({exc.strerror})", path=where) from None
    text = _strip_comments(_decode(raw, where))
    if not text.strip():
        raise InputError("is empty (no header, no rows)", path=where)
    try:
        df = pd.read_csv(
            io.StringIO(text),
            sep=_sniff_delimiter(text),
            dtype=str,
            keep_default_na=False,
            skipinitialspace=True,
            on_bad_lines="error",
        )
    except (pd.errors.ParserError, csv.Error) as exc:
        raise InputError(f"is not a well-formed CSV ({str(exc).strip()})", path=where) from None
    df.columns = [str(c).strip() for c in df.columns]
    return df


def read_incidents(
    path: str | Path,
    *,
    place_column: str | None = None,
    columns: ColumnRoles | Mapping[str, str | None] | None = None,
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

    Returns
    -------
    pandas.DataFrame
        As :func:`validate_incidents` returns it: every input column, plus
        ``row`` (1-based data row number), the date column parsed (its text in
        ``date_text``), numeric columns as nullable numbers and ``input_issues``.

    Raises
    ------
    InputError
        If the file cannot be read, has no rows, or lacks ``place_column``.
    """
    return validate_incidents(read_table(path), place_column=place_column, where=str(path), columns=columns)


def _encoding_of(head: bytes, where: str) -> str:
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if b"\x00" in head:
        raise InputError("looks like a binary file, not a CSV table", path=where)
    try:
        head.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 4:  # not just a character cut at the end of the sample
            return "latin-1"
    return "utf-8-sig"


def iter_incidents(
    path: str | Path,
    *,
    place_column: str | None = None,
    chunksize: int = 100_000,
    columns: ColumnRoles | Mapping[str, str | None] | None = None,
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
    where = str(path)
    p = Path(path)
    if not p.is_file():
        raise InputError("file not found" if not p.exists() else "is not a file", path=where)
    with p.open("rb") as raw:
        head = raw.read(_MAX_BYTES_SNIFF)
    encoding = _encoding_of(head, where)
    with p.open("r", encoding=encoding, newline="") as handle:
        sample = []
        while True:
            pos = handle.tell()
            line = handle.readline()
            if not line:
                raise InputError("is empty (no header, no rows)", path=where)
            if line.lstrip().startswith("#") or not line.strip():
                continue
            sample.append(line)
            handle.seek(pos)
            break
        sep = _sniff_delimiter(sample[0])
        try:
            reader = pd.read_csv(
                handle,
                sep=sep,
                dtype=str,
                keep_default_na=False,
                skipinitialspace=True,
                chunksize=chunksize,
                on_bad_lines="error",
            )
            offset = 0
            any_rows = False
            for chunk in reader:
                chunk.columns = [str(c).strip() for c in chunk.columns]
                out = validate_incidents(chunk, place_column=place_column, where=where, columns=columns)
                out["row"] += offset
                offset += len(out)
                any_rows = True
                yield out
        except (pd.errors.ParserError, csv.Error) as exc:
            raise InputError(f"is not a well-formed CSV ({str(exc).strip()})", path=where) from None
        except pd.errors.EmptyDataError:
            raise InputError("is empty (no header, no rows)", path=where) from None
        if not any_rows:
            raise InputError("has a header but no data rows", path=where)


def validate_incidents(
    df: pd.DataFrame,
    *,
    place_column: str | None = None,
    where: str = "<table>",
    columns: ColumnRoles | Mapping[str, str | None] | None = None,
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

    Returns
    -------
    pandas.DataFrame
        A copy with ``row``, the date column parsed (its text kept in
        ``date_text``), the fatalities column and every other all-numeric
        column as nullable numbers (``Int64`` when whole, ``Float64``
        otherwise), and ``input_issues``. User columns named like geokit's
        output columns are renamed ``input_<name>``. ``attrs["geokit"]`` holds
        the :class:`~geokit.columns.ColumnRoles` (``"columns"``) and notes.

    Raises
    ------
    InputError
        If the table is empty or has no place column.
    """
    named: dict[str, str | None] = {}
    if isinstance(columns, ColumnRoles):
        named = {r: c for r, c in columns.as_dict().items() if r in columns.named}
    elif columns:
        named = dict(columns)
    if place_column is not None:
        named["place"] = place_column
    roles = find_roles(df.columns, named, where=where)
    if roles.place is None:
        raise InputError(
            "no place column (none named place, location, town...); name it with --column; columns are: "
            f"{', '.join(map(str, df.columns)) or 'none'}",
            path=where,
        )
    if len(df) == 0:
        raise InputError("has a header but no data rows", path=where)
    out = df.copy()
    out.columns = [str(c) for c in out.columns]
    notes: list[str] = []
    room = make_room(out.columns, OUTPUT_COLUMNS)
    if room:
        out = out.rename(columns=room)
        roles = roles.renamed(room)
        notes.append(
            "input column(s) named like geokit's output renamed: "
            + ", ".join(f"{a} -> {b}" for a, b in room.items())
        )
    out.insert(0, "row", np.arange(1, len(out) + 1))
    issues: list[list[str]] = [[] for _ in range(len(out))]

    if roles.date is not None:
        given = out[roles.date].astype(str).str.strip()
        parsed = pd.to_datetime(given, errors="coerce", format="mixed", dayfirst=False)
        for i in np.flatnonzero(parsed.isna().to_numpy() & (given != "").to_numpy()):
            issues[i].append(f"date {given.iloc[i]!r} not understood")
        out["date_text"] = given
        out[roles.date] = parsed
    if roles.fatalities is not None:
        given = out[roles.fatalities].astype(str).str.strip()
        numbers = pd.to_numeric(given, errors="coerce")
        bad = (numbers.isna() & (given != "")) | (numbers < 0)
        for i in np.flatnonzero(bad.to_numpy()):
            issues[i].append(f"{roles.fatalities} {given.iloc[i]!r} is not a count")
        out[roles.fatalities] = _nullable(numbers.where(~bad))
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
        if col not in text_roles and col != "row" and pd.api.types.is_string_dtype(out[col].dtype):
            numeric = _numeric_or_none(out[col])
            if numeric is not None:
                out[col] = numeric
    if roles.id is not None:
        ids = out[roles.id].astype(str).str.strip()
        dup = ids.duplicated(keep=False) & (ids != "")
        first_row = dict(zip(ids[dup][::-1], out["row"][dup][::-1], strict=True))
        for i in np.flatnonzero(dup.to_numpy()):
            if out["row"].iloc[i] != first_row[ids.iloc[i]]:
                issues[i].append(f"duplicate id {ids.iloc[i]!r} (first seen in row {first_row[ids.iloc[i]]})")
    out[roles.place] = out[roles.place].astype(str)
    out["input_issues"] = ["; ".join(x) for x in issues]
    out.attrs["geokit"] = {"columns": roles.to_dict(), "notes": notes}
    return out


def _nullable(numbers: pd.Series) -> pd.Series:
    """Nullable integers when every value is whole, nullable floats otherwise; real nulls for blanks."""
    values = numbers.astype("Float64")
    finite = values.dropna()
    if len(finite) and bool(((finite % 1) == 0).all()) and bool((finite.abs() < 2**53).all()):
        return values.astype("Int64")
    if not len(finite):
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
