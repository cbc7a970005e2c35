"""Score ``parse_article``/``incidents`` output against the gold article files, field by field.

Shared by ``tests/test_geoparse.py`` (thresholds) and ``bench/bench_geoparse.py`` (figures in
``make bench``). Every expectation comes from the ``*.json`` files in ``tests/data/articles``;
the functions only compare.

Fields scored (see ``tests/README.md``):

- ``mention_f1``: mention spans (start, end) against the gold spans;
- ``roles``: role agreement on the spans both found;
- ``incident_place``: gold incident mentions found as incidents and placed right: the admin-2
  P-code where the gold gives one, and within ``POINT_KM`` of the gold point where it gives one
  (a curated locality must not fall back to its city), else the same name or admin-1;
- ``event_date``: the same mentions with the gold ``event_date`` (a missing date must stay missing);
- ``precision``: spans both found with the gold precision code;
- ``incident_f1``: incidents, one per place and day: a found incident matches a gold incident
  when they share a mention offset, the day and (where the gold gives one) the admin-2 P-code;
- ``fatalities``: gold incidents matched with exactly the gold death count (``null`` in the
  gold, "no number given", must be missing; ``0`` must be 0).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from geokit.normalize import key

# A gold point is the GeoNames or curated record itself: a right answer lands on it. 2 km tells a
# Quetta locality (Sariab, Hazar Ganji) from the city centre.
POINT_KM = 2.0
#: ``rule`` of the mentions that name a place in another form (geokit.geoparse._forms)
OTHER_FORMS = ("name-part", "abbreviation")


@dataclass
class Tally:
    """Right/total counts per field, and a line for each miss."""

    right: dict[str, int] = field(default_factory=dict)
    total: dict[str, int] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)
    tp: int = 0
    fp: int = 0
    fn: int = 0
    inc_tp: int = 0
    inc_fp: int = 0
    inc_fn: int = 0

    def add(self, name: str, ok: bool, why: str) -> None:
        """Count one comparison of field ``name``; remember ``why`` when it is wrong."""
        self.right[name] = self.right.get(name, 0) + bool(ok)
        self.total[name] = self.total.get(name, 0) + 1
        if not ok:
            self.misses.append(f"{name}: {why}")

    def share(self, name: str) -> float:
        """Share right for ``name`` (1.0 when nothing was compared)."""
        return self.right.get(name, 0) / self.total[name] if self.total.get(name) else 1.0

    def figures(self) -> dict[str, float]:
        """All per-field figures, the two F1 scores included."""
        out = {
            "mention_f1": _f1(self.tp, self.fp, self.fn),
            "incident_f1": _f1(self.inc_tp, self.inc_fp, self.inc_fn),
        }
        for name in ("roles", "incident_place", "event_date", "precision", "fatalities"):
            out[name] = self.share(name)
        return out


def _f1(tp: int, fp: int, fn: int) -> float:
    if tp == 0:
        return 0.0 if fp or fn else 1.0
    p, r = tp / (tp + fp), tp / (tp + fn)
    return 2 * p * r / (p + r)


def _missing(v: Any) -> bool:
    return v is None or (not isinstance(v, str) and pd.isna(v))


def _same(gold: Any, got: Any) -> bool:
    if _missing(gold) or _missing(got):
        return _missing(gold) and _missing(got)
    return bool(gold == got)


def _placed_right(gold: dict, row: pd.Series) -> bool:
    """Same admin-2 P-code where the gold gives one, and on the gold point where it gives one."""
    if gold.get("admin2_pcode") and row["admin2_pcode"] != gold["admin2_pcode"]:
        return False
    if gold["lat"] is not None:
        if pd.isna(row["lat"]):
            return False
        return _km(gold["lat"], gold["lon"], float(row["lat"]), float(row["lon"])) <= POINT_KM
    if gold.get("admin2_pcode"):
        return True
    # units and places without gold coordinates: same name or same admin-1
    return key(row["place"] or "") == key(gold["place"]) or (
        gold["admin1"] is not None and key(row["admin1"] or "") == key(gold["admin1"])
    )


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km (haversine, mean Earth radius)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0088 * math.asin(math.sqrt(a))


def score_article(
    gold: dict, mentions: pd.DataFrame, found: pd.DataFrame, tally: Tally | None = None
) -> Tally:
    """Compare one article's mention table and incidents with its gold file.

    Parameters
    ----------
    gold
        The parsed ``*.json`` gold file.
    mentions
        ``parse_article`` output for the article's text.
    found
        ``incidents(mentions)``.
    tally
        Counts to add to (a new one if not given).

    Returns
    -------
    Tally
    """
    t = tally if tally is not None else Tally()
    name = gold["file"]
    want = {(m["start"], m["end"]): m for m in gold["mentions"]}
    # the gold files annotate places standing as names of their own; the forms the field's
    # corpora count as well (a state in "Kentucky State Police", "Okla.") are
    # reference mentions with their own rule, scored on ../shared/eval by bench_toponyms
    rows = {
        (int(r["start"]), int(r["end"])): r for _, r in mentions.iterrows() if r["rule"] not in OTHER_FORMS
    }
    t.tp += len(want.keys() & rows.keys())
    t.fp += len(rows.keys() - want.keys())
    t.fn += len(want.keys() - rows.keys())
    for span in sorted(rows.keys() - want.keys()):
        t.misses.append(f"mention: {name} extra {rows[span]['text']!r}@{span[0]}")
    for span in sorted(want.keys() - rows.keys()):
        t.misses.append(f"mention: {name} missed {want[span]['text']!r}@{span[0]}")
    for span in sorted(want.keys() & rows.keys()):
        g, r = want[span], rows[span]
        where = f"{name} {g['text']!r}@{span[0]}"
        t.add("roles", g["role"] == r["role"], f"{where}: {r['role']}, gold {g['role']}")
        got_p = None if _missing(r["precision"]) else int(r["precision"])
        if g.get("precision") is not None:
            t.add("precision", got_p == g["precision"], f"{where}: {got_p}, gold {g['precision']}")
        if g["role"] == "incident" and r["role"] == "incident":
            t.add(
                "incident_place", _placed_right(g, r), f"{where}: placed at {r['place']} {r['admin2_pcode']}"
            )
            got_d = None if _missing(r["date"]) else str(r["date"])
            t.add(
                "event_date",
                _same(g.get("event_date"), got_d),
                f"{where}: {got_d}, gold {g.get('event_date')}",
            )
    _score_incidents(name, gold["incidents"], found, t)
    return t


def _score_incidents(name: str, gold: list[dict], found: pd.DataFrame, t: Tally) -> None:
    got = [
        {
            "starts": {int(s) for s in str(r["mention_starts"]).split(",") if s},
            "date": None if _missing(r["date"]) else str(r["date"]),
            "pcode": None if _missing(r["admin2_pcode"]) else str(r["admin2_pcode"]),
            "fatalities": None if _missing(r["fatalities"]) else int(r["fatalities"]),
            "place": r["place"],
        }
        for _, r in found.iterrows()
    ]
    used: set[int] = set()
    for g in gold:
        hit = next(
            (
                k
                for k, f in enumerate(got)
                if k not in used
                and f["starts"] & set(g["mention_starts"])
                and f["date"] == g["date"]
                and (not g.get("admin2_pcode") or f["pcode"] == g["admin2_pcode"])
            ),
            None,
        )
        where = f"{name} {g['place']} {g['date']}"
        if hit is None:
            t.inc_fn += 1
            t.misses.append(f"incident: {where} not found")
            t.add("fatalities", False, f"{where}: incident not found, gold {g['fatalities']}")
            continue
        used.add(hit)
        t.inc_tp += 1
        dead = got[hit]["fatalities"]
        t.add("fatalities", _same(g["fatalities"], dead), f"{where}: {dead}, gold {g['fatalities']}")
    for k, f in enumerate(got):
        if k not in used:
            t.inc_fp += 1
            t.misses.append(f"incident: {name} extra {f['place']} {f['date']}")
