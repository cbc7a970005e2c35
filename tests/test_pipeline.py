"""The pipeline keeps every row and treats given coordinates carefully."""

from __future__ import annotations

import numpy as np
import pandas as pd

from geokit.pipeline import run_pipeline


def _frame(**cols):
    base = {"place": ["Quetta", "Quetta", "Quetta", "Zorvakhistan"], "country_hint": ["PK"] * 4}
    base.update(cols)
    return pd.DataFrame(base)


def test_given_coordinates_are_used_checked_and_never_lost(adm2):
    frame = _frame(
        # ok (Mastung town), out of range, swapped Quetta, none
        lat=[29.80, 91.0, 67.001, np.nan],
        lon=[66.846, 67.0, 30.184, np.nan],
    )
    res = run_pipeline(frame, boundaries=adm2)
    inc = res.incidents
    assert len(inc) == 4
    assert inc.loc[0, "match_source"] == "input" and inc.loc[0, "adm2_name"] == "Mastung"
    assert inc.loc[0, "precision"] == 1
    assert "out of range" in inc.loc[1, "input_issues"]
    assert (
        inc.loc[1, "match_source"] != "input" and inc.loc[1, "adm2_name"] == "Quetta"
    )  # fell back to the name
    assert inc.loc[2, "status"] == "unresolved" and "swapped they fall in Quetta" in inc.loc[2, "reason"]
    assert inc.loc[2, "input_lat"] == 67.001  # the given values are kept
    assert inc.loc[3, "status"] == "unresolved" and inc.loc[3, "reason"]
    assert res.aggregates["incidents"].sum() == 2


def test_input_columns_with_resolver_names_are_kept(adm2):
    frame = pd.DataFrame(
        {"place": ["Gwadar"], "source": ["Dawn"], "status": ["verified"], "reason": ["field report"]}
    )
    inc = run_pipeline(frame, boundaries=adm2).incidents
    assert inc.loc[0, "source"] == "Dawn"  # the outlet, not the gazetteer
    assert inc.loc[0, "match_source"] == "geonames"
    assert inc.loc[0, "input_status"] == "verified" and inc.loc[0, "input_reason"] == "field report"
    assert inc.loc[0, "status"] == "resolved"
