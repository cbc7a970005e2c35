"""Incident places on reports in the styles of real news (tests/data/realstyle, see its README).

The ``test/`` and ``test2/`` splits were frozen before the geoparser's rules were tuned on
``dev/`` and ``dev2/``; the floors below sit under what the code scores now (issue 15 asks
0.85 on held-back reports, which test2 does not reach).
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from geokit.gazetteer import Gazetteer
from geokit.geoparse import incidents, parse_article
from geokit.normalize import key

CORPUS = Path(__file__).parent / "data" / "realstyle"


def _unit(country: str | None, admin1: Any, admin2: Any) -> str:
    if isinstance(admin2, str) and admin2 and country == "PK":
        return f"PK|{key(admin2)}"
    a1 = key(str(admin1)) if isinstance(admin1, str) else "?"
    for suffix in (" province", " state", " region"):
        a1 = a1.removesuffix(suffix)
    return f"{country}|adm1:{a1}"


@cache
def _admin1_name(country: str, spelling: str) -> str:
    """Return the gazetteer's name of the first-level unit a report spells so, else the spelling.

    GeoNames writes some names otherwise than the reports do ("Khowst", "Oruzgan", "Nimroz" for
    "Khost", "Uruzgan", "Nimruz"); the gazetteer reads the reports' spellings as other names of
    the unit (``geokit/data/admin1_names.tsv``), so the gold and the output meet in its name.
    """
    for place in Gazetteer.default().lookup(spelling):
        if place.kind == "adm1" and place.country == country:
            return _unit(country, place.name, None).partition("|adm1:")[2]
    return spelling


def _norm(unit: str) -> str:
    head, _, a1 = unit.partition("|adm1:")
    return f"{head}|adm1:{_admin1_name(head, a1)}" if _ and a1 != "?" else unit


def evaluate(split: str, adm2: Any) -> dict[str, Any]:
    """Incident-unit precision, recall, F1; reference places taken as incidents; per-text detail."""
    tp = fp = fn = exact = wrong_refs = 0
    detail = []
    for path in sorted((CORPUS / split).glob("*.json")):
        gold = json.loads(path.read_text("utf-8"))
        text = path.with_suffix(".txt").read_text("utf-8")
        frame = parse_article(text, boundaries=adm2)
        found = incidents(frame)
        optional = {key(n) for n in gold["optional"]}
        want = {_norm(_unit(g["country"], g["admin1"], g["admin2"])) for g in gold["incidents"]}
        got = set()
        for r in found.to_dict("records"):
            unit = _norm(_unit(r["country"], r["admin1"], r["admin2"]))
            names = {key(t) for t in str(r["mentions"]).split("; ")}
            if unit not in want and names <= optional:
                continue
            got.add(unit)
        refs = {key(n) for n in gold["not_incidents"]}
        bad = sorted(
            {
                str(t)
                for t, role in zip(frame["text"], frame["role"], strict=True)
                if role == "incident" and key(str(t)) in refs
            }
        )
        wrong_refs += len(bad)
        tp += len(want & got)
        fp += len(got - want)
        fn += len(want - got)
        exact += want == got and not bad
        detail.append((path.stem, sorted(want - got), sorted(got - want), bad))
    p, r = tp / max(1, tp + fp), tp / max(1, tp + fn)
    return {
        "precision": p,
        "recall": r,
        "f1": 2 * p * r / max(1e-9, p + r),
        "exact": exact,
        "texts": len(detail),
        "references_as_incidents": wrong_refs,
        "detail": detail,
    }


# dev/test: the first twelve reports; dev2/test2, dev3, dev4/test3, dev5-dev223, test4-test120: more, written
# later by writers who had not seen the code (see the README). The floors sit below what the code
# scores now; issue 15's target on held-back text (0.85) is not met on most frozen splits.
@pytest.mark.parametrize(
    ("split", "texts", "floor"),
    [
        ("dev", 6, 0.9),
        ("test", 6, 0.85),
        ("dev2", 8, 0.8),
        ("test2", 8, 0.7),
        ("dev3", 14, 0.85),
        ("dev4", 16, 0.85),
        ("test3", 10, 0.65),
        ("dev5", 22, 0.85),
        ("dev6", 20, 0.85),
        ("dev7", 20, 0.85),
        ("test4", 14, 0.7),
        ("dev8", 15, 0.8),
        ("dev9", 20, 0.85),
        ("dev10", 20, 0.85),
        ("dev11", 20, 0.85),
        ("dev12", 20, 0.7),
        ("test5", 12, 0.7),
        ("dev13", 14, 0.75),
        ("dev14", 12, 0.9),
        ("dev15", 12, 0.9),
        ("dev16", 12, 0.65),
        ("test6", 12, 0.85),
        ("dev17", 12, 0.55),
        ("dev18", 12, 0.8),
        ("dev19", 12, 0.8),
        ("test7", 12, 0.7),
        ("dev20", 12, 0.8),
        ("dev21", 12, 0.7),
        ("dev22", 12, 0.65),
        ("test8", 12, 0.7),
        ("dev23", 8, 0.75),
        ("dev24", 8, 0.6),
        ("dev25", 8, 0.9),
        ("test9", 12, 0.7),
        ("dev26", 3, 0.6),
        ("dev27", 4, 0.8),
        ("dev28", 3, 0.5),
        ("test10", 14, 0.75),
        ("dev29", 3, 0.7),
        ("dev30", 3, 0.6),
        ("dev31", 3, 0.9),
        ("test11", 15, 0.65),
        ("dev32", 6, 0.85),
        ("dev33", 6, 0.9),
        ("dev34", 6, 0.9),
        ("dev35", 6, 0.8),
        ("dev36", 6, 0.9),
        ("dev37", 6, 0.85),
        ("test12", 12, 0.75),
        ("test13", 12, 0.7),
        ("dev38", 6, 0.8),
        ("dev39", 6, 0.85),
        ("dev40", 6, 0.9),
        ("test14", 10, 0.6),
        ("dev41", 6, 0.8),
        ("dev42", 6, 0.7),
        ("dev43", 6, 0.9),
        ("test15", 12, 0.55),
        ("dev44", 6, 0.8),
        ("dev45", 6, 0.9),
        ("dev46", 6, 0.8),
        ("test16", 11, 0.85),
        ("dev47", 6, 0.8),
        ("dev48", 6, 0.7),
        ("dev49", 6, 0.8),
        ("test17", 12, 0.65),
        ("dev50", 6, 0.8),
        ("dev51", 6, 0.8),
        ("dev52", 6, 0.9),
        ("test18", 12, 0.45),
        ("dev53", 6, 0.7),
        ("dev55", 6, 0.8),
        ("dev54", 6, 0.8),
        ("test19", 12, 0.55),
        ("dev56", 6, 0.4),
        ("dev57", 6, 0.7),
        ("dev58", 5, 0.8),
        ("test20", 12, 0.5),
        ("dev61", 6, 0.5),
        ("dev60", 6, 0.8),
        ("dev59", 6, 0.85),
        ("dev62", 5, 0.85),
        ("test21", 15, 0.7),
        ("dev63", 6, 0.7),
        ("dev64", 6, 0.65),
        ("dev65", 6, 0.75),
        ("test22", 12, 0.6),
        ("dev66", 5, 0.9),
        ("dev67", 6, 0.55),
        ("test23", 5, 0.75),
        ("dev68", 6, 0.8),
        ("dev69", 6, 0.75),
        ("test24", 8, 0.7),
        ("dev70", 6, 0.85),
        ("dev71", 6, 0.75),
        ("dev72", 6, 0.75),
        ("test25", 11, 0.7),
        ("dev73", 5, 0.9),
        ("dev74", 5, 0.8),
        ("dev75", 6, 0.75),
        ("test26", 10, 0.75),
        ("dev76", 5, 0.85),
        ("dev77", 5, 0.85),
        ("dev78", 5, 0.7),
        ("test27", 12, 0.6),
        ("dev79", 5, 0.9),
        ("dev80", 5, 0.7),
        ("dev81", 5, 0.75),
        ("test28", 12, 0.7),
        ("dev82", 5, 0.8),
        ("dev83", 5, 0.9),
        ("dev84", 5, 0.9),
        ("test29", 12, 0.8),
        ("dev85", 5, 0.55),
        ("dev86", 5, 0.75),
        ("dev87", 5, 0.85),
        ("test30", 12, 0.75),
        ("dev88", 5, 0.85),
        ("dev89", 5, 0.8),
        ("dev90", 5, 0.65),
        ("test31", 12, 0.8),
        ("dev91", 5, 0.8),
        ("dev92", 5, 0.85),
        ("dev93", 5, 0.75),
        ("test32", 12, 0.8),
        ("dev94", 5, 0.85),
        ("dev95", 5, 0.85),
        ("dev96", 5, 0.8),
        ("test33", 12, 0.7),
        ("dev97", 5, 0.7),
        ("dev98", 5, 0.9),
        ("dev99", 5, 0.8),
        ("test34", 12, 0.75),
        ("dev100", 5, 0.8),
        ("dev101", 5, 0.75),
        ("dev102", 5, 0.75),
        ("test35", 12, 0.8),
        ("dev103", 5, 0.65),
        ("dev104", 5, 0.9),
        ("dev105", 5, 0.75),
        ("test36", 12, 0.6),
        ("dev106", 5, 0.3),
        ("dev107", 5, 0.7),
        ("dev108", 5, 0.8),
        ("test37", 12, 0.7),
        ("dev109", 5, 0.7),
        ("dev110", 5, 0.6),
        ("dev111", 5, 0.55),
        ("test38", 12, 0.8),
        ("dev112", 5, 0.7),
        ("dev113", 5, 0.8),
        ("dev114", 5, 0.8),
        ("test39", 12, 0.6),
        ("dev115", 5, 0.8),
        ("dev116", 5, 0.7),
        ("dev117", 5, 0.8),
        ("test40", 12, 0.65),
        ("dev118", 5, 0.65),
        ("dev119", 5, 0.4),
        ("dev120", 5, 0.8),
        ("test41", 12, 0.7),
        ("dev121", 5, 0.9),
        ("dev122", 5, 0.85),
        ("dev123", 5, 0.7),
        ("test42", 12, 0.65),
        ("dev124", 5, 0.75),
        ("dev125", 5, 0.5),
        ("dev126", 5, 0.85),
        ("test43", 12, 0.65),
        ("dev127", 5, 0.6),
        ("dev128", 5, 0.85),
        ("dev129", 5, 0.8),
        ("test44", 12, 0.75),
        ("dev130", 5, 0.9),
        ("dev131", 5, 0.7),
        ("dev132", 5, 0.85),
        ("test45", 12, 0.65),
        ("dev133", 5, 0.85),
        ("dev134", 5, 0.65),
        ("dev135", 5, 0.65),
        ("test46", 12, 0.75),
        ("dev136", 5, 0.75),
        ("dev137", 5, 0.65),
        ("dev138", 5, 0.5),
        ("test47", 12, 0.7),
        ("dev139", 5, 0.7),
        ("dev140", 5, 0.75),
        ("dev141", 5, 0.7),
        ("test48", 12, 0.7),
        ("dev142", 5, 0.8),
        ("dev143", 5, 0.85),
        ("dev144", 5, 0.7),
        ("test49", 12, 0.8),
        ("dev145", 5, 0.75),
        ("dev146", 5, 0.7),
        ("dev147", 5, 0.7),
        ("test50", 12, 0.75),
        ("dev148", 5, 0.8),
        ("test51", 4, 0.8),
        ("dev149", 5, 0.75),
        ("dev150", 5, 0.85),
        ("test52", 16, 0.75),
        ("dev152", 5, 0.85),
        ("dev151", 5, 0.65),
        ("dev154", 5, 0.65),
        ("test53", 8, 0.85),
        ("dev153", 5, 0.9),
        ("dev157", 5, 0.9),
        ("dev156", 5, 0.9),
        ("test54", 8, 0.7),
        ("dev158", 3, 0.9),
        ("test55", 3, 0.9),
        ("dev159", 3, 0.9),
        ("test56", 3, 0.9),
        ("dev160", 4, 0.75),
        ("test57", 4, 0.65),
        ("dev161", 4, 0.8),
        ("test58", 4, 0.25),
        ("dev162", 4, 0.65),
        ("test59", 4, 0.7),
        ("dev163", 4, 0.9),
        ("test60", 4, 0.8),
        ("dev164", 4, 0.6),
        ("test61", 4, 0.9),
        ("dev165", 4, 0.9),
        ("test62", 4, 0.8),
        ("dev166", 4, 0.75),
        ("test63", 4, 0.8),
        ("dev167", 4, 0.85),
        ("test64", 4, 0.8),
        ("dev168", 4, 0.6),
        ("test65", 4, 0.8),
        ("dev169", 4, 0.9),
        ("test66", 4, 0.7),
        ("dev170", 4, 0.85),
        ("test67", 4, 0.8),
        ("dev171", 4, 0.8),
        ("test68", 4, 0.6),
        ("dev172", 4, 0.9),
        ("test69", 4, 0.85),
        ("dev173", 4, 0.15),
        ("test70", 4, 0.7),
        ("dev174", 4, 0.7),
        ("test71", 4, 0.65),
        ("dev175", 4, 0.6),
        ("test72", 4, 0.6),
        ("dev176", 4, 0.6),
        ("test73", 2, 0.95),
        ("dev177", 4, 0.9),
        ("test74", 4, 0.7),
        ("dev178", 4, 0.9),
        ("test75", 4, 0.75),
        ("dev179", 4, 0.9),
        ("test76", 4, 0.95),
        ("dev180", 4, 0.9),
        ("test77", 3, 0.95),
        ("dev181", 4, 0.7),
        ("test78", 4, 0.5),
        ("dev182", 4, 0.9),
        ("test79", 4, 0.85),
        ("dev183", 4, 0.95),
        ("test80", 4, 0.7),
        ("dev184", 4, 0.75),
        ("test81", 4, 0.7),
        ("dev185", 4, 0.6),
        ("test82", 4, 0.65),
        ("dev186", 3, 0.55),
        ("test83", 2, 0.55),
        ("dev187", 4, 0.85),
        ("test84", 4, 0.9),
        ("dev188", 4, 0.6),
        ("test85", 4, 0.85),
        ("dev189", 4, 0.9),
        ("test86", 4, 0.8),
        ("dev190", 4, 0.95),
        ("test87", 4, 0.7),
        ("dev191", 4, 0.85),
        ("test88", 4, 0.85),
        ("dev192", 4, 0.85),
        ("test89", 4, 0.45),
        ("dev193", 4, 0.6),
        ("test90", 4, 0.85),
        ("dev194", 4, 0.9),
        ("test91", 4, 0.65),
        ("dev195", 4, 0.95),
        ("test92", 4, 0.85),
        ("dev196", 4, 0.95),
        ("test93", 4, 0.45),
        ("dev197", 4, 0.8),
        ("test94", 4, 0.7),
        ("dev198", 4, 0.25),
        ("test95", 4, 0.85),
        ("dev199", 4, 0.85),
        ("test96", 4, 0.8),
        ("dev200", 4, 0.8),
        ("test97", 4, 0.85),
        ("dev201", 4, 0.8),
        ("test98", 4, 0.9),
        ("dev202", 4, 0.9),
        ("test99", 4, 0.85),
        ("dev203", 4, 0.5),
        ("test100", 4, 0.8),
        ("dev204", 4, 0.7),
        ("test101", 4, 0.8),
        ("dev205", 4, 0.9),
        ("test102", 4, 0.9),
        ("dev206", 4, 0.65),
        ("test103", 4, 0.9),
        ("dev207", 4, 0.5),
        ("test104", 4, 0.5),
        ("dev208", 4, 0.9),
        ("test105", 4, 0.5),
        ("dev209", 4, 0.8),
        ("test106", 4, 0.5),
        ("dev210", 4, 0.8),
        ("test107", 4, 0.8),
        ("dev211", 4, 0.8),
        ("test108", 4, 0.8),
        ("dev212", 4, 0.9),
        ("test109", 4, 0.9),
        ("dev213", 4, 0.6),
        ("test110", 4, 0.7),
        ("dev214", 4, 0.75),
        ("test111", 4, 0.85),
        ("dev215", 4, 0.55),
        ("test112", 4, 0.65),
        ("dev216", 4, 0.85),
        ("test113", 4, 0.9),
        ("dev217", 4, 0.8),
        ("test114", 4, 0.75),
        ("dev218", 4, 0.9),
        ("test115", 4, 0.85),
        ("dev219", 4, 0.8),
        ("test116", 4, 0.9),
        ("dev220", 4, 0.75),
        ("test117", 4, 0.85),
        ("dev221", 4, 0.5),
        ("test118", 4, 0.9),
        ("dev222", 4, 0.75),
        ("test119", 4, 0.6),
        ("dev223", 4, 0.85),
        ("test120", 4, 0.9),
    ],
)
def test_incident_places_on_real_style_reports(adm2, split: str, texts: int, floor: float) -> None:  # type: ignore[no-untyped-def]
    got = evaluate(split, adm2)
    assert got["texts"] == texts
    assert got["f1"] >= floor, got["detail"]


def test_no_reaction_or_reference_place_taken_as_incident_on_dev(adm2) -> None:  # type: ignore[no-untyped-def]
    got = evaluate("dev", adm2)
    assert got["references_as_incidents"] == 0, got["detail"]


def test_the_scorer_can_fail(adm2, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """An incident table that finds nothing scores 0: the floors above measure something."""
    import test_realstyle as me

    monkeypatch.setattr(
        me, "incidents", lambda frame: pd.DataFrame(columns=["country", "admin1", "admin2", "mentions"])
    )
    assert evaluate("dev", adm2)["f1"] == 0
