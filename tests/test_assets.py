"""Offline-map assets: the real npm-registry fetch, against a local registry on 127.0.0.1."""

from __future__ import annotations

import base64
import hashlib
import http.server
import io
import json
import tarfile
import threading

import pytest

from geokit import _assets
from geokit.errors import ChecksumError, DownloadError
from geokit.settings import override


def _tarball(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as tar:
        for name, body in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(body)
            tar.addfile(info, io.BytesIO(body))
    return buf.getvalue()


def _integrity(data: bytes) -> str:
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()


class _Registry(http.server.BaseHTTPRequestHandler):
    routes: dict[str, bytes] = {}
    hits: list[str] = []

    def do_GET(self) -> None:
        self.hits.append(self.path)
        body = self.routes.get(self.path)
        self.send_response(200 if body is not None else 404)
        self.send_header("Content-Length", str(len(body or b"")))
        self.end_headers()
        self.wfile.write(body or b"")

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def registry(monkeypatch, tmp_path):
    _Registry.routes, _Registry.hits = {}, []
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Registry)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}"

    def publish(members: dict[str, bytes], *, claimed: str | None = None, served: bytes | None = None):
        tarball = _tarball(members)
        asset = _assets.Asset("fakepkg", "1.0.0", _integrity(tarball), ("dist/a.js", "dist/a.css"))
        monkeypatch.setattr(_assets, "ASSETS", {"fake": asset})
        meta = {"dist": {"integrity": claimed or asset.integrity, "tarball": f"{base}/fakepkg-1.0.0.tgz"}}
        _Registry.routes = {
            "/fakepkg/1.0.0": json.dumps(meta).encode(),
            "/fakepkg-1.0.0.tgz": served or tarball,
        }
        return asset

    with override(cache_dir=tmp_path / "cache"):
        yield base, publish
    httpd.shutdown()
    httpd.server_close()


GOOD = {"package/dist/a.js": b"var a = 1;", "package/dist/a.css": b".a{}", "package/README.md": b"x"}


def test_fetch_extracts_only_the_named_files_once(registry, tmp_path):
    base, publish = registry
    publish(GOOD)
    folder = _assets.fetch_assets(registry=base)["fake"]
    assert (folder / "dist" / "a.js").read_bytes() == b"var a = 1;"
    assert not (folder / "README.md").exists()
    assert _assets.read_asset("fake", "dist/a.css") == b".a{}"
    _assets.fetch_assets(registry=base)  # cached and verified: no second download
    assert _Registry.hits == ["/fakepkg/1.0.0", "/fakepkg-1.0.0.tgz"]
    (folder / "dist" / "a.js").write_bytes(b"tampered")  # a changed cache file is fetched again
    _assets.fetch_assets(registry=base)
    assert (folder / "dist" / "a.js").read_bytes() == b"var a = 1;"


def test_registry_claiming_another_integrity_is_refused(registry):
    base, publish = registry
    publish(GOOD, claimed="sha512-AAAA")
    with pytest.raises(ChecksumError, match="registry integrity"):
        _assets.fetch_assets(registry=base)


def test_tampered_tarball_is_refused_and_nothing_cached(registry, tmp_path):
    base, publish = registry
    publish(GOOD, served=_tarball({**GOOD, "package/dist/a.js": b"alert(1)"}))
    with pytest.raises(ChecksumError, match="tarball sha512"):
        _assets.fetch_assets(registry=base)
    assert not (tmp_path / "cache" / "assets" / "fakepkg@1.0.0").exists()


def test_incomplete_tarball_is_refused(registry):
    base, publish = registry
    publish({"package/dist/a.js": b"x"})  # a.css missing
    with pytest.raises(DownloadError, match="lacks dist/a.css"):
        _assets.fetch_assets(registry=base)


def test_link_member_is_refused(registry, monkeypatch):
    base, publish = registry
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as tar:
        body = b"x"
        info = tarfile.TarInfo("package/dist/a.js")
        info.size = len(body)
        tar.addfile(info, io.BytesIO(body))
        link = tarfile.TarInfo("package/dist/a.css")
        link.type, link.linkname = tarfile.SYMTYPE, "/etc/passwd"
        tar.addfile(link)
    tarball = buf.getvalue()
    publish(GOOD)
    asset = _assets.Asset("fakepkg", "1.0.0", _integrity(tarball), ("dist/a.js", "dist/a.css"))
    monkeypatch.setattr(_assets, "ASSETS", {"fake": asset})
    meta = {"dist": {"integrity": asset.integrity, "tarball": f"{base}/fakepkg-1.0.0.tgz"}}
    _Registry.routes = {"/fakepkg/1.0.0": json.dumps(meta).encode(), "/fakepkg-1.0.0.tgz": tarball}
    with pytest.raises(DownloadError, match="unsafe tarball member"):
        _assets.fetch_assets(registry=base)


def test_tarball_elsewhere_over_plain_http_is_refused(registry):
    base, publish = registry
    publish(GOOD)
    meta = json.loads(_Registry.routes["/fakepkg/1.0.0"])
    meta["dist"]["tarball"] = "http://example.invalid/fakepkg-1.0.0.tgz"
    _Registry.routes["/fakepkg/1.0.0"] = json.dumps(meta).encode()
    with pytest.raises(DownloadError, match="refusing tarball URL"):
        _assets.fetch_assets(registry=base)
    assert _Registry.hits == ["/fakepkg/1.0.0"]
