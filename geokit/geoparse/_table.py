"""The mention table: event dates, one DataFrame built column by column, admin names."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from geokit.errors import InputError
from geokit.gazetteer import Place
from geokit.geoparse._dates import _event_date, _full_dates

if TYPE_CHECKING:
    import geopandas as gpd
    import pandas as pd

    from geokit.geoparse._mention import _Mention

#: The columns of :func:`geokit.geoparse.parse_article`'s table, in order.
MENTION_COLUMNS = [
    "text",
    "start",
    "end",
    "sentence",
    "sentence_text",
    "role",
    "rule",
    "place",
    "country",
    "lat",
    "lon",
    "precision",
    "admin1",
    "admin2",
    "admin2_pcode",
    "date",
    "status",
    "reason",
    "record_id",
    "kind",
    "matched_by",
    "reported",
]


def _parse_date(value: str | dt.date) -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise InputError(f"date must be YYYY-MM-DD, not {value!r}") from None


def _dates(mentions: Sequence[_Mention], pub: dt.date | None) -> None:
    """Event day of each incident mention: its sentence's day, else the same place's, else the header."""
    from geokit.geoparse.matcher import cues

    c = cues()
    last: dict[str, dt.date] = {}
    lead: dt.date | None = None
    year: int | None = None  # with no report date: the year of the last date written in full
    seen: set[int] = set()
    for m in mentions:
        if pub is None and m.sent.index not in seen:
            seen.add(m.sent.index)
            full = _full_dates(m.sent)
            year = full[-1][1].year if full else year
        if m.role == "reference":
            continue
        d = _event_date(m.sent, pub, m.i, year, c)
        place_id = m.res.record_id if m.res and m.res.record_id else m.key
        if d is None:
            d = (
                last.get(place_id)
                or (None if m.role == "uncertain" else lead)
                or (pub if m.role == "incident" else None)
            )
        if d is not None:
            last[place_id] = d
            lead = lead or d
        m.date = d if m.role == "incident" else None


def _frame(mentions: Sequence[_Mention], text: str, deaths: dict[int, int | None]) -> pd.DataFrame:
    """Build the mention table in one go, column by column, from plain lists."""
    import numpy as np
    import pandas as pd

    sents = {m.sent.index: m.sent for m in mentions}
    sentence_text = {i: " ".join(text[s.start : s.end].split()) for i, s in sents.items()}
    res = [m.res for m in mentions]
    places: list[Place | None] = [r.place if r else None for r in res]
    # a list per column, in the order of MENTION_COLUMNS (tests/test_geoparse_table.py checks it)
    cols: dict[str, list[Any]] = {
        "text": [m.text for m in mentions],
        "start": [m.start for m in mentions],
        "end": [m.end for m in mentions],
        "sentence": [m.sent.index for m in mentions],
        "sentence_text": [sentence_text[m.sent.index] for m in mentions],
        "role": [m.role for m in mentions],
        "rule": [m.rule for m in mentions],
        "place": [r.match_name if r else None for r in res],
        "country": [m.country for m in mentions],
        "lat": [r.lat if r else None for r in res],
        "lon": [r.lon if r else None for r in res],
        "precision": [r.precision if r else None for r in res],
        "admin1": [p.admin1 if p else None for p in places],
        "admin2": [p.admin2 if p else None for p in places],
        "admin2_pcode": [p.admin_id if p is not None and p.kind == "adm2" else None for p in places],
        "date": [m.date.isoformat() if m.date else None for m in mentions],
        "status": [r.status if r else "unresolved" for r in res],
        "reason": [r.reason if r else "" for r in res],
        "record_id": [r.record_id if r else None for r in res],
        "kind": [
            p.kind if p else (m.kind if m.kind in ("country", "continent") else None)
            for m, p in zip(mentions, places, strict=True)
        ],
        "matched_by": ["context" if m.kind == "unknown" else "name" for m in mentions],
        "reported": [m.reported for m in mentions],
    }
    data: dict[str, Any] = {}
    texts: list[str] = []  # the text columns, converted in one go below
    for name, vals in cols.items():
        if name in ("lat", "lon"):
            data[name] = _masked(vals, pd.arrays.FloatingArray, "float64")
        elif name == "precision":
            data[name] = _masked(vals, pd.arrays.IntegerArray, "int64")
        elif name in ("start", "end", "sentence"):
            data[name] = np.array(vals, dtype="int64")
        elif not mentions or all(v is None for v in vals):
            data[name] = np.array(vals, dtype=object)  # what inference gives: no strings at all
        else:
            data[name] = None
            texts.append(name)
    # one string array for all text columns, cut into per-column slices (Arrow views): a
    # conversion per column costs more than the table's whole construction
    n = len(mentions)
    joined = _strings([v for name in texts for v in cols[name]])
    for k, name in enumerate(texts):
        data[name] = joined[k * n : (k + 1) * n]
    data["deaths"] = _masked(
        [deaths.get(m.sent.index) if m.role == "incident" else None for m in mentions],
        pd.arrays.IntegerArray,
        "int64",
    )
    return _table(data, n)


@lru_cache(maxsize=1)
def _str_dtype() -> pd.StringDtype:
    """Return pandas' default "str" dtype (Arrow-backed, NaN for missing), made once."""
    import pandas as pd

    return pd.StringDtype(na_value=float("nan"))


def _strings(values: list[Any]) -> Any:
    """Return ``pd.array(values, dtype=_str_dtype())`` for text and missing values.

    Arrow reads a list of strings three times faster than pandas, which checks and converts
    each value first; the dtype then wraps the Arrow array as ``pd.array`` would (the
    protocol pyarrow's ``to_pandas`` uses). A value that is not text goes the pandas way.
    """
    import pandas as pd
    import pyarrow as pa

    try:
        read = pa.array(values, type=pa.large_string(), from_pandas=True)
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        return pd.array(values, dtype=_str_dtype())
    return _str_dtype().__from_arrow__(read)  # type: ignore[attr-defined]  # (not in pandas-stubs)


@lru_cache(maxsize=4)
def _labels(names: tuple[str, ...]) -> pd.Index:
    """Return the column labels as an Index, made once: inferring their dtype costs more than a column."""
    import pandas as pd

    return pd.Index(list(names))


def _table(data: dict[str, Any], n: int) -> pd.DataFrame:
    """Make the DataFrame of finished column arrays (numpy or pandas arrays, all of length ``n``).

    ``DataFrame(dict)`` checks and converts every column again and infers the labels'
    dtype: about an eighth of a parse. The arrays here are final, so they go to pandas
    as its blocks (:func:`_from_blocks`), under labels made once (a view, so a caller
    naming the columns names only its own). Where pandas' internals differ, its private
    ``DataFrame._from_arrays`` with its checks off is used, and where that is missing, the
    public constructor.
    """
    import pandas as pd

    try:
        return _from_blocks(data, n)
    except (ImportError, AttributeError, TypeError, ValueError):  # a pandas whose internals differ
        pass
    make = getattr(pd.DataFrame, "_from_arrays", None)
    if make is not None:  # pandas 2.1 to 3.1 all have it
        try:
            frame: pd.DataFrame = make(
                list(data.values()),
                columns=_labels(tuple(data)).view(),
                index=pd.RangeIndex(n),
                verify_integrity=False,
            )
            return frame
        except (TypeError, ValueError):  # a later pandas that changed it: the public way
            pass
    return pd.DataFrame(data, index=pd.RangeIndex(n), copy=False)


def _from_blocks(data: dict[str, Any], n: int) -> pd.DataFrame:
    """Return the DataFrame of ``data`` made of its blocks, as pandas would lay them out.

    The blocks are those ``DataFrame._from_arrays`` forms, in its order: the columns are
    grouped by dtype in order of first appearance; the numpy columns of a dtype share one
    two-dimensional block, each extension array (text, nullable numbers) is a block of its
    own. Grouping them is most of that constructor's cost, as it checks every array's kind
    again (a third of the table's cost). This uses pandas' internals (``new_block``,
    ``BlockManager``, as of pandas 2.1 to 3.1); the caller falls back to the constructors
    where they differ.
    """
    import numpy as np
    import pandas as pd
    from pandas._libs.internals import BlockPlacement
    from pandas.core.internals.blocks import new_block
    from pandas.core.internals.managers import BlockManager

    groups: dict[Any, list[tuple[int, Any]]] = {}  # a numpy dtype, or an extension dtype's id
    for k, values in enumerate(data.values()):
        dtype = values.dtype
        groups.setdefault(dtype if isinstance(dtype, np.dtype) else id(dtype), []).append((k, values))
    blocks = []
    for group in groups.values():
        if isinstance(group[0][1], np.ndarray):
            at = np.array([k for k, _ in group], dtype=np.intp)
            blocks.append(new_block(np.vstack([v for _, v in group]), BlockPlacement(at), ndim=2))
        else:
            blocks.extend(new_block(v, BlockPlacement(slice(k, k + 1)), ndim=2) for k, v in group)
    mgr = BlockManager(tuple(blocks), [_labels(tuple(data)).view(), pd.RangeIndex(n)], verify_integrity=False)
    frame: pd.DataFrame = pd.DataFrame._from_mgr(mgr, axes=mgr.axes)  # type: ignore[attr-defined]  # (not in pandas-stubs)
    return frame


def _masked(vals: Sequence[Any], kind: Any, dtype: str) -> Any:
    """Return a nullable (masked) pandas array of ``kind`` from values with ``None`` for missing."""
    import numpy as np

    mask = np.array([v is None for v in vals], dtype=bool)
    return kind(np.array([0 if v is None else v for v in vals], dtype=dtype), mask)


@lru_cache(maxsize=4)
def _named_layer(name: str) -> gpd.GeoDataFrame:
    """Load a boundary layer once per process: parsing many articles must not re-read it each time.

    The layer is only read here (``join_admin`` does not change it), so sharing it is safe.
    """
    from geokit.boundaries import load_boundaries

    return load_boundaries(name)


def _with_admin(frame: pd.DataFrame, boundaries: str | gpd.GeoDataFrame) -> pd.DataFrame:
    """admin1/admin2/admin2_pcode from the boundary layer, for places of its country."""
    import pandas as pd

    from geokit.join import join_admin

    layer = _named_layer(boundaries) if isinstance(boundaries, str) else boundaries
    own = set(layer["adm0_id"].dropna().astype(str)) if "adm0_id" in layer.columns else set()
    joined = join_admin(frame[["lat", "lon"]].astype(float), layer)
    out = frame.copy()
    mine = out["country"].isin(own).to_numpy() if own else out["lat"].notna().to_numpy()
    # a province (or country, or a region of several districts) as the site is an admin-1
    # incident with no district: the district its representative point falls in is not where
    # anything happened
    wide = (
        out["kind"].isin(["adm1", "country", "continent"]) | (out["kind"].eq("region") & out["admin2"].isna())
    ).to_numpy(dtype=bool)
    for src, dst in (("adm1_name", "admin1"), ("adm2_name", "admin2"), ("adm2_id", "admin2_pcode")):
        if src in joined.columns:
            vals = pd.Series(joined[src].to_numpy(), index=out.index, dtype="string")
            keep = (
                mine
                & vals.notna().to_numpy()
                & ~(wide if dst != "admin1" else out["kind"].isin(["country", "continent"]).to_numpy())
            )
            out[dst] = out[dst].astype("string")
            out.loc[keep, dst] = vals[keep]
    return out
