"""The mention table: the same frame from the fast constructor and from pandas' public one."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from geokit.geoparse import MENTION_COLUMNS, _table, parse_article

ARTICLES = Path(__file__).resolve().parent / "data" / "articles"
TEXTS = [
    "Date: 2026-01-31\n\nGunmen killed two policemen in Quetta on Saturday. Officials in Karachi condemned it.",
    "A quiet day, with no place named at all.",
    "",
]


def _no_internals(data, n):
    raise ImportError("a pandas whose internals differ")


@pytest.mark.parametrize("text", TEXTS + [p.read_text("utf-8") for p in sorted(ARTICLES.glob("*.txt"))[:4]])
def test_fast_table_equals_the_public_constructor(text, monkeypatch):
    fast = parse_article(text)
    monkeypatch.setattr(_table, "_from_blocks", _no_internals)
    arrays = parse_article(text)  # pandas' private DataFrame._from_arrays
    monkeypatch.delattr(pd.DataFrame, "_from_arrays")
    public = parse_article(text)
    for other in (arrays, public):
        pd.testing.assert_frame_equal(fast, other, check_exact=True)
        assert fast.columns.dtype == other.columns.dtype
        assert type(fast.index) is type(other.index) is pd.RangeIndex

    # the blocks pandas' own fast constructor forms (the public one, with copy=False, does not
    # consolidate): pandas treats the frames alike from here on (copies, views, writes)
    def blocks(frame: pd.DataFrame) -> list[tuple[str, list[int]]]:
        return [(str(b.dtype), list(b.mgr_locs)) for b in frame._mgr.blocks]

    assert blocks(fast) == blocks(arrays)
    assert list(fast.columns) == [*MENTION_COLUMNS, "deaths"]


def test_fast_table_takes_writes_and_joins():
    frame = parse_article(TEXTS[0])
    both = pd.concat([frame, frame], ignore_index=True)
    assert len(both) == 2 * len(frame) and list(both.dtypes) == list(frame.dtypes)
    frame.loc[0, "role"] = "reference"
    frame.loc[1, "start"] = -1
    assert frame["role"].iloc[0] == "reference" and frame["start"].iloc[1] == -1
    assert frame["start"].dtype == "int64"


def test_table_dtypes_and_own_labels():
    frame = parse_article(TEXTS[0])
    other = parse_article(TEXTS[0])
    assert len(frame) >= 2
    assert frame["start"].dtype == "int64" and frame["sentence"].dtype == "int64"
    assert frame["lat"].dtype == "Float64" and frame["precision"].dtype == "Int64"
    assert frame["deaths"].dtype == "Int64"
    assert frame["text"].dtype == "str" and frame["role"].dtype == "str"
    frame.columns.name = "mine"  # labels are made once, but each table has its own
    assert other.columns.name is None
