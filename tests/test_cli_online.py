"""geokit geocode --online against a local server that speaks Nominatim's JSON."""

from __future__ import annotations

import http.server
import json
import urllib.parse

import pandas as pd
import pytest
from localserver import running

from geokit.cli import main


def _answer(place_id: int, name: str, lat: str, lon: str, kind: str) -> dict[str, object]:
    return {
        "place_id": place_id,
        "lat": lat,
        "lon": lon,
        "display_name": name,
        "addresstype": kind,
        "type": kind,
        "class": "place",
    }


#: What the fake Nominatim knows: a village and a suburb (part of a town).
_ANSWERS = {
    "Killi Unknownabad": _answer(1, "Killi Unknownabad, Mastung", "29.9", "66.9", "village"),
    "Mohalla Zorgaran": _answer(2, "Mohalla Zorgaran, Quetta", "30.2", "67.0", "suburb"),
}


class _Nominatim(http.server.BaseHTTPRequestHandler):
    queries: list[dict[str, list[str]]] = []

    def do_GET(self) -> None:
        url = urllib.parse.urlsplit(self.path)
        params = urllib.parse.parse_qs(url.query)
        self.queries.append(params)
        q = params.get("q", [""])[0]
        body = [_ANSWERS[q]] if url.path == "/search" and q in _ANSWERS else []
        data = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def nominatim():
    _Nominatim.queries = []
    with running(_Nominatim) as url:
        yield url


def _geocode_online(tmp_path, table: str, nominatim: str):
    """Run ``geokit geocode --online`` on this table; return the exit code and the output file."""
    src = tmp_path / "in.csv"
    src.write_text(table)
    out = tmp_path / "out.csv"
    args = [
        "geocode",
        str(src),
        "--country",
        "PK",
        "-o",
        str(out),
        "--online",
        "--user-agent",
        "geokit-tests",
    ]
    return main([*args, "--nominatim-url", nominatim]), out


def test_online_fallback_only_for_unresolved_rows(nominatim, tmp_path, capsys):
    # answers are cached per server address, and each run gets a new port: no stale hits
    code, out = _geocode_online(tmp_path, "place\nQuetta\nKilli Unknownabad\nZorvakhistan\n", nominatim)
    assert code == 0, capsys.readouterr().err
    got = pd.read_csv(out)
    assert list(got["status"]) == ["resolved", "resolved", "unresolved"]
    assert got.loc[0, "match_source"] != "nominatim"
    assert got.loc[1, "match_source"] == "nominatim" and got.loc[1, "precision"] == 1
    assert got.loc[1, "lat"] == pytest.approx(29.9)
    assert "Nominatim found nothing" in got.loc[2, "reason"]
    asked = [q["q"][0] for q in _Nominatim.queries]
    assert asked == ["Killi Unknownabad", "Zorvakhistan"]  # Quetta never left the machine
    assert all(q.get("countrycodes") == ["pk"] for q in _Nominatim.queries)


def test_online_fallback_keeps_the_source_column(nominatim, tmp_path, capsys):
    """An input ``source`` (the outlet) survives; where the point came from goes to match_source."""
    text = "place,source\nQuetta,Dawn\nKilli Unknownabad,The News\nMohalla Zorgaran,BBC Urdu\n"
    code, out = _geocode_online(tmp_path, text, nominatim)
    assert code == 0, capsys.readouterr().err
    got = pd.read_csv(out)
    assert list(got["source"]) == ["Dawn", "The News", "BBC Urdu"]
    assert list(got["status"]) == ["resolved"] * 3
    assert got.loc[0, "match_source"] != "nominatim"
    assert list(got.loc[1:, "match_source"]) == ["nominatim", "nominatim"]
    # a village is the place itself; a suburb is part of one (README precision codes)
    assert list(got["precision"].iloc[1:]) == [1, 2]


def test_online_needs_a_user_agent(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("GEOKIT_USER_AGENT", raising=False)
    src = tmp_path / "in.csv"
    src.write_text("place\nQuetta\n")
    code = main(["geocode", str(src), "-o", str(tmp_path / "o.csv"), "--online"])
    assert code == 2
    assert "user agent" in capsys.readouterr().err
    assert not (tmp_path / "o.csv").exists()
