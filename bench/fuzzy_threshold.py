"""Measure how often a fuzzy gazetteer match is the right place, by similarity, on real misspellings.

Real misspellings: UCDP GED's location strings for Pakistan (``../shared/eval/ucdp``), written by
UCDP's coders, compared with GeoNames' and COD-AB's spellings. For every UCDP place at precision 1-2
whose head name has no exact, alternate or variant match in the gazetteer, the best fuzzy match in
Pakistan is taken and counted right when it lies within 25 km of UCDP's own point.

Run: ``GEOKIT_DATA_MIRROR=../shared/geodata .venv/bin/python bench/fuzzy_threshold.py``
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

from geokit.gazetteer import Gazetteer, haversine_km
from geokit.normalize import parse
from geokit.resolve.core import consonants, fuzzy_is_answer

EVAL = Path(__file__).resolve().parents[1].parent / "shared/eval/ucdp/ucdp_ged_pk_places_dev.csv"
BANDS = [(60, 70), (70, 75), (75, 80), (80, 85), (85, 90), (90, 95), (95, 101)]


def main() -> int:
    gaz = Gazetteer.default()
    rows = list(csv.DictReader(EVAL.open(encoding="utf-8")))
    answered = [0, 0]
    tally = {(b, big): [0, 0] for b in BANDS for big in (False, True)}
    examples: dict[tuple[tuple[int, int], bool], list[str]] = {k: [] for k in tally}
    for r in rows:
        if r["where_prec"] not in ("1.0", "2.0"):
            continue
        head = parse(r["place"]).head.name
        if not head or gaz.search(head):
            continue
        hits = gaz.fuzzy(head, country="PK", threshold=60)
        if not hits:
            continue
        m = hits[0]
        d = haversine_km(m.place.lat, m.place.lon, float(r["latitude"]), float(r["longitude"]))
        big = consonants(head) == consonants(m.place.name)
        if fuzzy_is_answer(head, m.place, m.similarity):
            answered[0] += d <= 25
            answered[1] += 1
        for b in BANDS:
            if b[0] <= m.similarity < b[1]:
                tally[b, big][0] += d <= 25
                tally[b, big][1] += 1
                if len(examples[b, big]) < 3:
                    examples[b, big].append(f"{head!r}->{m.place.name!r} {d:.0f} km")
    print("similarity  spellings       right/fuzzy  share   examples")
    for (b, big), (ok, n) in tally.items():
        share = f"{ok / n:.0%}" if n else "-"
        size = "same consonants" if big else "other          "
        print(
            f"{b[0]:>3}-{min(b[1], 100):<3}    {size} {ok:>4}/{n:<4}    {share:>5}   {'; '.join(examples[b, big])}"
        )
    print(
        f"the answer rule (resolve.core.fuzzy_is_answer) answers {answered[1]}, {answered[0]} of them right"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
