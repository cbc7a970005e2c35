"""Property-based tests (hypothesis): normalisation, ingest and the join never lose or invent."""

from __future__ import annotations

import csv
import io

import numpy as np
import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geokit.ingest import read_incidents
from geokit.join import join_admin
from geokit.normalize import key
from geokit.resolve import resolve

names = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60)


@given(names)
def test_key_is_idempotent_and_clean(text):
    k = key(text)
    assert key(k) == k
    assert k == k.strip() and "  " not in k
    assert all(ch.isprintable() for ch in k)
    assert k == k.lower()


@given(
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=20),
    st.sampled_from(["", " ", "  ", "\t"]),
)
def test_key_ignores_case_accents_and_spacing(word, pad):
    accented = word.replace("a", "á").replace("e", "é")
    assert key(pad + word.upper() + pad) == key(word) == key(accented)


@settings(max_examples=60, deadline=None)
@given(names)
def test_resolve_never_crashes_and_always_explains(text):
    res = resolve(text, country="PK")
    assert res.status in {"resolved", "unresolved"}
    assert res.reason
    if res.status == "resolved":
        assert -90 <= res.lat <= 90 and -180 <= res.lon <= 180
        assert res.precision in (1, 2, 3)


cells = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=20)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(cells, cells, cells), min_size=1, max_size=15), st.sampled_from([",", ";", "\t"]))
def test_ingest_keeps_every_row(tmp_path, rows, sep):
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=sep, lineterminator="\n")
    writer.writerow(["id", "place", "description"])
    writer.writerows(rows)
    path = tmp_path / "t.csv"
    path.write_text(buf.getvalue(), encoding="utf-8")
    df = read_incidents(path)
    assert len(df) == len(rows)
    assert list(df["row"]) == list(range(1, len(rows) + 1))
    # values survive except surrounding spaces, which the reader trims after a delimiter
    assert [p.lstrip(" ") for _, p, _ in rows] == [p.lstrip(" ") for p in df["place"]]


coords = st.floats(allow_nan=True, allow_infinity=True, width=64)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(coords, coords), min_size=1, max_size=30))
def test_join_keeps_rows_and_statuses_agree(adm2, points):
    frame = pd.DataFrame(points, columns=["lat", "lon"])
    out = join_admin(frame, adm2)
    assert len(out) == len(frame)
    has_admin = out["adm2_id"].notna().to_numpy()
    status = out["join_status"].to_numpy()
    assert set(status) <= {"inside", "nearest", "outside", "no point"}
    assert np.array_equal(has_admin, np.isin(status, ["inside", "nearest"]))
    valid = (
        np.isfinite(frame["lat"])
        & np.isfinite(frame["lon"])
        & (frame["lat"].abs() <= 90)
        & (frame["lon"].abs() <= 180)
    )
    assert np.array_equal((status == "no point"), ~valid.to_numpy())
