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
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pandas as pd

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


def read_incidents(path: str | Path, *, place_column: str = "place") -> pd.DataFrame:
    """Read an incident table from a CSV file.

    Parameters
    ----------
    path
        The CSV file.
    place_column
        The column holding place names.

    Returns
    -------
    pandas.DataFrame
        All input columns as strings, plus ``row`` (1-based data row number),
        ``date`` parsed to ``datetime64`` where given, ``fatalities`` as float
        (NaN where not given) and ``input_issues`` (empty string when none).

    Raises
    ------
    InputError
        If the file cannot be read, has no rows, or lacks ``place_column``.
    """
    return validate_incidents(read_table(path), place_column=place_column, where=str(path))


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
    path: str | Path, *, place_column: str = "place", chunksize: int = 100_000
) -> Iterator[pd.DataFrame]:
    """Read a large incident table in chunks, without loading it all at once.

    Parameters
    ----------
    path
        The CSV file.
    place_column
        The column holding place names.
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
                out = validate_incidents(chunk, place_column=place_column, where=where)
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
    df: pd.DataFrame, *, place_column: str = "place", where: str = "<table>"
) -> pd.DataFrame:
    """Check and normalise an incident table already in memory.

    Parameters
    ----------
    df
        The table.
    place_column
        The column holding place names.
    where
        How to name the table in errors.

    Returns
    -------
    pandas.DataFrame
        A copy with ``row``, parsed ``date``/``fatalities`` and ``input_issues``.

    Raises
    ------
    InputError
        If the table is empty or lacks ``place_column``.
    """
    if place_column not in df.columns:
        raise InputError(
            f"no column {place_column!r}; columns are: {', '.join(map(str, df.columns)) or 'none'}",
            path=where,
        )
    if len(df) == 0:
        raise InputError("has a header but no data rows", path=where)
    out = df.copy()
    out.insert(0, "row", np.arange(1, len(out) + 1))
    issues: list[list[str]] = [[] for _ in range(len(out))]

    if "date" in out.columns:
        given = out["date"].astype(str).str.strip()
        parsed = pd.to_datetime(given, errors="coerce", format="mixed", dayfirst=False)
        for i in np.flatnonzero(parsed.isna().to_numpy() & (given != "").to_numpy()):
            issues[i].append(f"date {given.iloc[i]!r} not understood")
        out["date_text"] = given
        out["date"] = parsed
    if "fatalities" in out.columns:
        given = out["fatalities"].astype(str).str.strip()
        numbers = pd.to_numeric(given, errors="coerce")
        bad = (numbers.isna() & (given != "")) | (numbers < 0)
        for i in np.flatnonzero(bad.to_numpy()):
            issues[i].append(f"fatalities {given.iloc[i]!r} is not a count")
        out["fatalities"] = numbers.where(~bad).astype(float)
    if "id" in out.columns:
        ids = out["id"].astype(str).str.strip()
        dup = ids.duplicated(keep=False) & (ids != "")
        first_row = dict(zip(ids[dup][::-1], out["row"][dup][::-1], strict=True))
        for i in np.flatnonzero(dup.to_numpy()):
            if out["row"].iloc[i] != first_row[ids.iloc[i]]:
                issues[i].append(f"duplicate id {ids.iloc[i]!r} (first seen in row {first_row[ids.iloc[i]]})")
    out[place_column] = out[place_column].astype(str)
    out["input_issues"] = ["; ".join(x) for x in issues]
    return out
