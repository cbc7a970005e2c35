"""The mention table: the same frame from the fast constructor and from pandas' public one."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from geokit.geoparse import MENTION_COLUMNS, parse_article

ARTICLES = Path(__file__).resolve().parent / "data" / "articles"
TEXTS = [
    "Date: 2026-01-31\n\nGunmen killed two policemen in Quetta on Saturday. Officials in Karachi condemned it.",
    "A quiet day, with no place named at all.",
    "",
]


@pytest.mark.parametrize("text", TEXTS + [p.read_text("utf-8") for p in sorted(ARTICLES.glob("*.txt"))[:4]])
def test_fast_table_equals_the_public_constructor(text, monkeypatch):
    fast = parse_article(text)
    monkeypatch.delattr(pd.DataFrame, "_from_arrays")
    public = parse_article(text)
    pd.testing.assert_frame_equal(fast, public, check_exact=True)
    assert list(fast.columns) == [*MENTION_COLUMNS, "deaths"]
    assert fast.columns.dtype == public.columns.dtype
    assert type(fast.index) is type(public.index) is pd.RangeIndex


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
