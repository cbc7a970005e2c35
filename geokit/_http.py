"""Private download helper: streamed, checksummed, atomic, safely unpacked.

Nothing lands at its final path until its sha256 has been checked; a failed
download leaves no file behind.
"""

from __future__ import annotations

import hashlib
import shutil
import urllib.error
import urllib.parse
import urllib.request
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath
from typing import Any

from geokit._fs import atomic_write, default_file_mode
from geokit.errors import ChecksumError, DownloadError

__all__ = ["default_file_mode", "download", "get_bytes", "safe_extract_member", "sha256_file"]

_CHUNK = 1 << 16


def sha256_file(path: Path) -> str:
    """Return the hex sha256 of a file, read in chunks.

    Parameters
    ----------
    path
        The file to hash.

    Returns
    -------
    str
        Lower-case hex digest.
    """
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(_CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _scrub(url: str) -> str:
    """Drop credentials and query strings from a URL before it goes into a message."""
    parsed = urllib.parse.urlsplit(url)
    host = parsed.hostname or ""
    if parsed.port:
        host += f":{parsed.port}"
    return urllib.parse.urlunsplit((parsed.scheme, host, parsed.path, "", ""))


@contextmanager
def _open(url: str, *, timeout: float, user_agent: str, accept: str | None = None) -> Iterator[Any]:
    """Open an http(s) URL; every failure becomes one :class:`DownloadError` with a scrubbed URL."""
    scheme = urllib.parse.urlsplit(url).scheme
    if scheme not in {"http", "https"}:
        raise DownloadError(f"refusing to download from a {scheme or 'schemeless'} URL")
    headers = {"User-Agent": user_agent}
    if accept:
        headers["Accept"] = accept
    request = urllib.request.Request(url, headers=headers)  # noqa: S310 (scheme checked above)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            yield response
    except urllib.error.HTTPError as exc:
        raise DownloadError(f"{_scrub(url)}: HTTP {exc.code} {exc.reason}") from None
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        if isinstance(exc, ChecksumError | DownloadError):
            raise
        raise DownloadError(f"{_scrub(url)}: {getattr(exc, 'reason', exc)}") from None


def get_bytes(
    url: str, *, timeout: float, limit: int, user_agent: str = "geokit", accept: str | None = None
) -> bytes:
    """Fetch a small http(s) resource into memory.

    Parameters
    ----------
    url
        An http(s) URL.
    timeout
        Socket timeout in seconds.
    limit
        Refuse bodies larger than this many bytes.
    user_agent, accept
        HTTP headers.

    Returns
    -------
    bytes
        The body.

    Raises
    ------
    DownloadError
        On a non-http(s) URL, an HTTP error, a timeout or an oversized body.
    """
    with _open(url, timeout=timeout, user_agent=user_agent, accept=accept) as response:
        body: bytes = response.read(limit + 1)
    if len(body) > limit:
        raise DownloadError(f"{_scrub(url)}: body larger than {limit} bytes")
    return body


def download(
    url: str,
    dest: Path,
    *,
    sha256: str | None,
    timeout: float,
    user_agent: str = "geokit",
    max_bytes: int = 2 * 1024**3,
) -> Path:
    """Download ``url`` to ``dest`` and verify its sha256.

    Parameters
    ----------
    url
        An http(s) URL.
    dest
        Final path; written atomically.
    sha256
        Expected hex digest. ``None`` skips verification (callers must decide
        that explicitly).
    timeout
        Socket timeout in seconds.
    user_agent
        HTTP ``User-Agent`` header.
    max_bytes
        Refuse bodies larger than this.

    Returns
    -------
    Path
        ``dest``.

    Raises
    ------
    DownloadError
        On a non-http(s) URL, an HTTP error, a timeout or an oversized body.
    ChecksumError
        When the body does not match ``sha256``; nothing is left on disk.
    """
    dest.parent.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    received = 0
    with atomic_write(dest, "wb") as out, _open(url, timeout=timeout, user_agent=user_agent) as response:
        for chunk in iter(lambda: response.read(_CHUNK), b""):
            received += len(chunk)
            if received > max_bytes:
                raise DownloadError(f"{_scrub(url)}: body larger than {max_bytes} bytes")
            digest.update(chunk)
            out.write(chunk)
        actual = digest.hexdigest()
        if sha256 is not None and actual != sha256.lower():
            raise ChecksumError(
                f"{_scrub(url)}: sha256 mismatch (expected {sha256.lower()}, got {actual}); "
                "the file was discarded"
            )
    return dest


def safe_extract_member(archive: Path, member: str, dest: Path) -> Path:
    """Extract one member of a zip archive to ``dest``, refusing unsafe paths.

    Parameters
    ----------
    archive
        The zip file.
    member
        Path of the member inside the archive.
    dest
        Where to write it.

    Returns
    -------
    Path
        ``dest``.

    Raises
    ------
    DownloadError
        If the archive is not a zip, the member is missing, or its name
        would escape the destination (absolute path, ``..``).
    """
    name = PurePosixPath(member)
    if name.is_absolute() or ".." in name.parts or "\\" in member:
        raise DownloadError(f"{archive.name}: unsafe member path {member!r}")
    try:
        with zipfile.ZipFile(archive) as zf:
            try:
                info = zf.getinfo(member)
            except KeyError:
                raise DownloadError(f"{archive.name}: no member {member!r}") from None
            dest.parent.mkdir(parents=True, exist_ok=True)
            with zf.open(info) as src, atomic_write(dest, "wb") as out:
                shutil.copyfileobj(src, out, _CHUNK)
    except zipfile.BadZipFile as exc:
        raise DownloadError(f"{archive.name}: not a valid zip archive ({exc})") from None
    return dest
