"""Data manager: cache, offline mirror, and real downloads from a local HTTP server."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from localserver import Routes, serve

from geokit import data
from geokit.errors import ChecksumError, DataError, DownloadError
from geokit.settings import override

BODY = b'{"type":"FeatureCollection","features":[]}\n'


_Handler = Routes


@pytest.fixture
def server() -> Iterator[str]:
    with serve() as url:
        yield url


def _register(monkeypatch: pytest.MonkeyPatch, **fields: object) -> data.Dataset:
    entry = data.Dataset(
        key="test:SMALL",
        title="a small test file",
        kind="boundaries",
        filename="small.geojson",
        mirror_path="test/small.geojson",
        sha256=hashlib.sha256(BODY).hexdigest(),
        url=None,
        licence="CC0",
        attribution="test",
    )
    entry = data.Dataset(**{**{f: getattr(entry, f) for f in entry.__slots__}, **fields})  # type: ignore[arg-type]
    manifest = dict(data._manifest())
    manifest[entry.key] = entry
    monkeypatch.setattr(data, "_manifest", lambda: manifest)
    return entry


def test_download_verifies_checksum_and_lands_in_data_dir(server, tmp_path, monkeypatch):
    _Handler.routes["/small.geojson"] = (200, BODY)
    _register(monkeypatch, url=f"{server}/small.geojson")
    with override(data_dir=tmp_path, mirror_dir="", allow_download=True):
        path = data.fetch("test:SMALL")
        assert path == tmp_path / "small.geojson"
        assert path.read_bytes() == BODY
        # second call is served from the cache, not the network
        data.fetch("test:SMALL")
    assert _Handler.hits == ["/small.geojson"]


def test_checksum_mismatch_fails_loudly_and_leaves_nothing(server, tmp_path, monkeypatch):
    _Handler.routes["/small.geojson"] = (200, BODY + b"tampered")
    _register(monkeypatch, url=f"{server}/small.geojson")
    with override(data_dir=tmp_path, mirror_dir="", allow_download=True):
        with pytest.raises(ChecksumError, match="sha256 mismatch"):
            data.fetch("test:SMALL")
    assert list(tmp_path.iterdir()) == []


def test_http_error_is_a_download_error(server, tmp_path, monkeypatch):
    _register(monkeypatch, url=f"{server}/missing.geojson")
    with override(data_dir=tmp_path, mirror_dir="", allow_download=True):
        with pytest.raises(DownloadError, match="HTTP 404"):
            data.fetch("test:SMALL")
    assert list(tmp_path.iterdir()) == []


def test_downloads_can_be_disabled(tmp_path, monkeypatch):
    _register(monkeypatch, url="http://127.0.0.1:9/never")
    with override(data_dir=tmp_path, mirror_dir="", allow_download=False):
        with pytest.raises(DataError, match="downloads are disabled"):
            data.fetch("test:SMALL")


def test_mirror_is_used_before_download_and_verified(tmp_path, monkeypatch):
    _register(monkeypatch, url="http://127.0.0.1:9/never")
    mirror = tmp_path / "mirror"
    (mirror / "test").mkdir(parents=True)
    (mirror / "test" / "small.geojson").write_bytes(BODY)
    with override(data_dir=tmp_path / "data", mirror_dir=str(mirror), allow_download=False):
        assert data.fetch("test:SMALL") == mirror / "test" / "small.geojson"
        (mirror / "test" / "small.geojson").write_bytes(BODY + b" ")
        with pytest.raises(ChecksumError):
            data.fetch("test:SMALL")


def test_corrupt_cached_file_is_detected(tmp_path, monkeypatch):
    _register(monkeypatch)
    (tmp_path / "small.geojson").write_bytes(b"garbage")
    with override(data_dir=tmp_path, mirror_dir=""):
        with pytest.raises(ChecksumError):
            data.fetch("test:SMALL")


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, body in members.items():
            zf.writestr(name, body)
    return buf.getvalue()


def test_zip_download_extracts_member_and_records_digest(server, tmp_path, monkeypatch):
    _Handler.routes["/PK.zip"] = (200, _zip({"PK.txt": b"1\tQuetta\n", "readme.txt": b"x"}))
    _register(
        monkeypatch,
        url=f"{server}/PK.zip",
        sha256=None,
        filename="PK.txt",
        archive="PK.zip",
        archive_member="PK.txt",
    )
    with override(data_dir=tmp_path, mirror_dir="", allow_download=True):
        with pytest.raises(DataError, match="no pinned sha256"):
            data.fetch("test:SMALL")
        path = data.fetch("test:SMALL", trust_new=True)
    assert path.read_bytes() == b"1\tQuetta\n"
    assert not (tmp_path / "PK.zip").exists()
    recorded = (tmp_path / "PK.txt.sha256").read_text().strip()
    assert recorded == hashlib.sha256(b"1\tQuetta\n").hexdigest()
    # a later change to the file is caught against the recorded digest
    path.write_bytes(b"changed")
    with override(data_dir=tmp_path, mirror_dir=""):
        with pytest.raises(ChecksumError):
            data.fetch("test:SMALL")


@pytest.mark.parametrize("member", ["../evil.txt", "/etc/evil.txt", "a/../../evil.txt"])
def test_unsafe_archive_member_is_refused(tmp_path, member):
    from geokit._http import safe_extract_member

    archive = tmp_path / "a.zip"
    archive.write_bytes(_zip({member: b"x"}))
    with pytest.raises(DownloadError, match="unsafe"):
        safe_extract_member(archive, member, tmp_path / "out" / "x.txt")
    assert not (tmp_path / "out").exists()
    assert not (tmp_path.parent / "evil.txt").exists()


def test_non_http_urls_are_refused(tmp_path):
    from geokit._http import download

    with pytest.raises(DownloadError, match="file URL"):
        download("file:///etc/passwd", tmp_path / "x", sha256=None, timeout=1)


def test_error_messages_do_not_leak_credentials(server, tmp_path, monkeypatch):
    url = server.replace("http://", "http://user:s3cret@") + "/missing?token=abc123"
    _register(monkeypatch, url=url)
    with override(data_dir=tmp_path, mirror_dir="", allow_download=True):
        with pytest.raises(DownloadError) as info:
            data.fetch("test:SMALL")
    assert "s3cret" not in str(info.value) and "abc123" not in str(info.value)


def test_unknown_dataset_lists_known_names():
    with pytest.raises(DataError, match="PAK:ADM2"):
        data.dataset("PAK:ADM9")


def test_real_mirror_files_match_manifest(mirror):
    """Every pinned dataset in the manifest is in the shared mirror with its checksum."""
    with override(data_dir=mirror / "_nothing_here", mirror_dir=str(mirror), allow_download=False):
        for ds in data.datasets():
            if ds.sha256 is None or ds.embedded:  # embedded copies: tests/test_embedded.py
                continue
            path = data.fetch(ds.key)
            assert path.stat().st_size == ds.size


def test_shapefiles_readme_lists_every_dataset_checksum():
    readme = (Path(__file__).resolve().parent.parent / "shapefiles" / "README.md").read_text()
    for ds in data.datasets():
        assert ds.key in readme
        if ds.sha256:
            assert ds.sha256 in readme


def test_manifest_is_valid_json_with_licences():
    raw = json.loads((Path(data.__file__).parent / "data" / "datasets.json").read_text())
    for key, entry in raw.items():
        if key.startswith("_"):
            continue
        assert entry["licence"] and entry["attribution"], key
