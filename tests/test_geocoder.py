"""geopy compatibility and the online fallback, against a local Nominatim-speaking server."""

from __future__ import annotations

import contextlib
import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest
from geopy.geocoders.base import Geocoder
from geopy.location import Location

from geokit.errors import DownloadError, InputError, RateLimited
from geokit.geocoder import OfflineGeocoder, OnlineFallback
from geokit.settings import override

ZORVAKH = {
    "place_id": 1,
    "lat": "29.9",
    "lon": "66.8",
    "display_name": "Zorvakh, Mastung, Pakistan",
    "class": "place",
    "type": "village",
    "addresstype": "village",
    "importance": 0.3,
}


class Nominatim:
    """A tiny Nominatim: /search answers from a script of actions, one per request."""

    def __init__(self) -> None:
        self.script: list[tuple[str, Any]] = []
        self.requests: list[dict[str, Any]] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                url = urlparse(self.path)
                outer.requests.append(
                    {"path": url.path, "query": parse_qs(url.query), "agent": self.headers.get("User-Agent")}
                )
                action, arg = outer.script.pop(0) if outer.script else ("json", [])
                if action == "sleep":
                    time.sleep(arg)
                    action, arg = "json", []
                if action == "429":
                    self.send_response(429)
                    self.send_header("Retry-After", str(arg))
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                body = json.dumps(arg).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    self.wfile.write(body)

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.domain = f"127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> Nominatim:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(5)


class FakeTime:
    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


@pytest.fixture
def server() -> Iterator[Nominatim]:
    with Nominatim() as s:
        yield s


def _online(server: Nominatim, tmp_path: Path, fake: FakeTime, **kw: Any) -> OnlineFallback:
    opts: dict[str, Any] = dict(
        user_agent="geokit-tests/1.0",
        domain=server.domain,
        scheme="http",
        cache_dir=tmp_path / "nominatim",
        clock=fake.clock,
        sleep=fake.sleep,
        timeout=2.0,
    )
    opts.update(kw)
    return OnlineFallback(**opts)


def test_offline_geocoder_is_a_geopy_geocoder() -> None:
    g = OfflineGeocoder(country="PK")
    assert isinstance(g, Geocoder)
    loc = g.geocode("Noshki")
    assert isinstance(loc, Location)
    assert abs(loc.latitude - 29.55218) < 1e-4 and abs(loc.longitude - 66.02288) < 1e-4
    assert loc.raw["precision"] == 1 and loc.raw["record_id"] == "geonames:1168749"
    assert "Nushki" in loc.address
    many = g.geocode("Mastung district", exactly_one=False)
    assert isinstance(many, list) and many[0].raw["precision"] == 3
    assert g.geocode("Faysal Bank") is None
    assert g.geocode("Faysal Bank", exactly_one=False) == []


def test_reverse() -> None:
    g = OfflineGeocoder()
    loc = g.reverse("30.19, 67.00")
    assert isinstance(loc, Location) and loc.raw["record_id"] == "geonames:1167528"
    assert g.reverse((0.0, -160.0)) is None  # open Pacific
    near = g.reverse((25.13, 62.33), exactly_one=False)
    assert isinstance(near, list) and near[0].raw["distance_km"] < 2
    with pytest.raises(InputError):
        g.reverse("not a point")


def test_online_needs_a_user_agent(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("GEOKIT_USER_AGENT", raising=False)
    with override(user_agent=None), pytest.raises(InputError, match="user agent"):
        OnlineFallback(cache_dir=tmp_path)


def test_fallback_only_for_unknown_names_and_cached(server: Nominatim, tmp_path: Path) -> None:
    fake = FakeTime()
    online = _online(server, tmp_path, fake)
    g = OfflineGeocoder(country="PK", online=online)
    assert g.geocode("Quetta").raw["record_id"] == "geonames:1167528"  # type: ignore[union-attr]
    assert server.requests == []
    server.script = [("json", [ZORVAKH])]
    loc = g.geocode("Zorvakh")
    assert isinstance(loc, Location) and loc.raw["geokit_source"] == "online"
    assert loc.raw["precision"] == 1 and "not in the offline gazetteer" in loc.raw["reason"]
    (req,) = server.requests
    assert req["path"] == "/search" and req["query"]["q"] == ["Zorvakh"]
    assert req["query"]["countrycodes"] == ["pk"] and req["agent"] == "geokit-tests/1.0"
    # asked again, by this or a new fallback sharing the cache: no new request
    assert g.geocode("Zorvakh").point == loc.point  # type: ignore[union-attr]
    again = OfflineGeocoder(country="PK", online=_online(server, tmp_path, FakeTime()))
    assert again.geocode("Zorvakh").point == loc.point  # type: ignore[union-attr]
    assert len(server.requests) == 1


@pytest.mark.parametrize(
    ("kind", "precision"),
    [
        ("village", 1),
        ("town", 1),
        ("suburb", 2),  # part of a place: README precision 2, never 1
        ("neighbourhood", 2),
        ("quarter", 2),
        ("district", 3),
        ("state", 3),
        ("peak", 2),  # a type the table does not name: near a place, not exact
    ],
)
def test_online_precision_follows_the_readme_codes(
    server: Nominatim, tmp_path: Path, kind: str, precision: int
) -> None:
    online = _online(server, tmp_path, FakeTime())
    answer = {**ZORVAKH, "addresstype": kind, "type": kind}
    server.script = [("json", [answer])]
    loc = OfflineGeocoder(country="PK", online=online).geocode("Zorvakh")
    assert isinstance(loc, Location) and loc.raw["precision"] == precision


def test_fill_unresolved_keeps_the_outlet_column(server: Nominatim, tmp_path: Path) -> None:
    import pandas as pd

    from geokit.geocoder import fill_unresolved
    from geokit.pipeline import resolve_keeping_input

    table = pd.DataFrame({"place": ["Quetta", "Zorvakh", "  "], "source": ["Dawn", "The News", "BBC Urdu"]})
    resolved = resolve_keeping_input(table, "place", country="PK")
    server.script = [("json", [{**ZORVAKH, "addresstype": "suburb"}])]
    out = fill_unresolved(resolved, "place", _online(server, tmp_path, FakeTime()), country="PK")
    assert list(out["source"]) == ["Dawn", "The News", "BBC Urdu"]  # the outlets, untouched
    assert out.loc[1, "match_source"] == "nominatim" and out.loc[0, "match_source"] != "nominatim"
    assert out.loc[1, "status"] == "resolved" and out.loc[1, "precision"] == 2
    assert out.loc[1, "lat"] == pytest.approx(29.9) and out.loc[1, "lon"] == pytest.approx(66.8)
    assert out.loc[2, "status"] == "unresolved"  # a blank place is not sent
    assert [r["query"]["q"] for r in server.requests] == [["Zorvakh"]]
    assert resolved.loc[1, "status"] == "unresolved"  # the input frame is not changed


def test_not_found_is_cached_too(server: Nominatim, tmp_path: Path) -> None:
    online = _online(server, tmp_path, FakeTime())
    assert online.geocode("Nowhere At All") is None
    assert online.geocode("Nowhere At All") is None
    assert len(server.requests) == 1 and online.requests == 1


def test_one_request_per_second(server: Nominatim, tmp_path: Path) -> None:
    fake = FakeTime()
    online = _online(server, tmp_path, fake)
    for name in ("Aaa", "Bbb", "Ccc"):
        online.geocode(name)
    assert len(server.requests) == 3
    assert fake.sleeps == [pytest.approx(1.0), pytest.approx(1.0)]


def test_429_honours_retry_after(server: Nominatim, tmp_path: Path) -> None:
    fake = FakeTime()
    online = _online(server, tmp_path, fake, error_wait_seconds=2.0)
    server.script = [("429", 7), ("json", [ZORVAKH])]
    loc = online.geocode("Zorvakh")
    assert loc is not None and loc.latitude == pytest.approx(29.9)
    assert len(server.requests) == 2
    assert 7 in fake.sleeps


def test_429_forever_raises_rate_limited(server: Nominatim, tmp_path: Path) -> None:
    fake = FakeTime()
    online = _online(server, tmp_path, fake, max_retries=2)
    server.script = [("429", 3)] * 3
    with pytest.raises(RateLimited) as info:
        online.geocode("Zorvakh")
    assert info.value.retry_after == 3
    assert len(server.requests) == 3
    assert not list((tmp_path / "nominatim").glob("*.json"))  # failures are not cached


def test_timeout_raises_after_retries(server: Nominatim, tmp_path: Path) -> None:
    fake = FakeTime()
    online = _online(server, tmp_path, fake, timeout=0.2, max_retries=1)
    server.script = [("sleep", 1.0), ("sleep", 1.0)]
    with pytest.raises(DownloadError, match="timed out"):
        online.geocode("Slowpur")
    assert len(server.requests) == 2
