"""Data manager for named datasets (boundary layers, GeoNames tables).

A dataset is found, in order, in the data directory (``settings.data_dir``,
by default the repository's ``shapefiles/``), in the offline mirror
(``GEOKIT_DATA_MIRROR``), and only then downloaded from the publisher. Every
file is checked against the sha256 pinned in ``geokit/data/datasets.json``
before it is used; a mismatch is an error and leaves nothing in the cache.
"""

from __future__ import annotations

import dataclasses
import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from geokit import _http
from geokit._fs import write_text_atomic
from geokit.errors import ChecksumError, DataError
from geokit.settings import Settings, get_settings

__all__ = ["Dataset", "dataset", "datasets", "fetch", "verify"]


@dataclasses.dataclass(frozen=True, slots=True)
class Dataset:
    """A named dataset from the manifest.

    Attributes
    ----------
    key
        Canonical name, e.g. ``"cod-ab:PAK:ADM2"``.
    title, kind, licence, attribution, landing_page
        Descriptive metadata.
    filename
        File name in the data directory.
    mirror_path
        Path relative to the offline mirror root.
    sha256
        Pinned digest of the file, or ``None`` for datasets that change
        upstream (their digest is recorded on first fetch).
    url
        Publisher's download URL, or ``None`` when there is no stable one.
    level
        Admin level for boundary datasets.
    parent
        Dataset holding the next level up, for layers without parent columns.
    archive, archive_member
        When the download is a zip, its name and the member to extract.
    aliases
        Other names the dataset answers to (``"PAK:ADM2"``).
    """

    key: str
    title: str
    kind: str
    filename: str
    mirror_path: str
    sha256: str | None
    url: str | None
    licence: str
    attribution: str
    landing_page: str = ""
    level: int | None = None
    features: int | None = None
    size: int | None = None
    parent: str | None = None
    archive: str | None = None
    archive_member: str | None = None
    aliases: tuple[str, ...] = ()


@cache
def _manifest() -> dict[str, Dataset]:
    text = resources.files("geokit").joinpath("data/datasets.json").read_text("utf-8")
    raw: dict[str, Any] = json.loads(text)
    out: dict[str, Dataset] = {}
    for key, entry in raw.items():
        if key.startswith("_"):
            continue
        entry = dict(entry)
        entry["aliases"] = tuple(entry.get("aliases", ()))
        out[key] = Dataset(key=key, **entry)
    return out


def datasets() -> list[Dataset]:
    """List every named dataset.

    Returns
    -------
    list of Dataset
        In manifest order.
    """
    return list(_manifest().values())


def dataset(name: str) -> Dataset:
    """Look a dataset up by key or alias (case-insensitive).

    Parameters
    ----------
    name
        ``"cod-ab:PAK:ADM2"``, ``"PAK:ADM2"``, ``"geoboundaries:PAK:ADM1"``...

    Returns
    -------
    Dataset

    Raises
    ------
    DataError
        If no dataset has that name; the message lists the known names.
    """
    wanted = name.strip().lower()
    for ds in _manifest().values():
        if wanted == ds.key.lower() or wanted in (a.lower() for a in ds.aliases):
            return ds
    known = ", ".join(sorted([d.key for d in datasets()] + [a for d in datasets() for a in d.aliases]))
    raise DataError(f"unknown dataset {name!r}; known datasets: {known}")


def _sidecar(path: Path) -> Path:
    return path.with_name(path.name + ".sha256")


def _expected_digest(ds: Dataset, path: Path, sha256: str | None) -> str | None:
    if sha256:
        return sha256.lower()
    if ds.sha256:
        return ds.sha256
    side = _sidecar(path)
    return side.read_text("utf-8").strip() if side.exists() else None


def verify(path: Path, expected: str | None, *, what: str) -> str:
    """Check a file's sha256.

    Parameters
    ----------
    path
        The file.
    expected
        Hex digest, or ``None`` to only compute it.
    what
        How to name the file in an error.

    Returns
    -------
    str
        The actual digest.

    Raises
    ------
    ChecksumError
        On a mismatch.
    """
    actual = _http.sha256_file(path)
    if expected is not None and actual != expected:
        raise ChecksumError(f"{what}: sha256 mismatch (expected {expected}, got {actual})")
    return actual


def fetch(
    name: str,
    *,
    settings: Settings | None = None,
    sha256: str | None = None,
    trust_new: bool = False,
) -> Path:
    """Return a local path to a named dataset, fetching it if needed.

    Looks in the data directory, then the offline mirror, then downloads
    from the publisher's URL. The file is verified against its pinned sha256
    wherever it comes from.

    Parameters
    ----------
    name
        Dataset key or alias.
    settings
        Settings to use; defaults to :func:`geokit.settings.get_settings`.
    sha256
        Expected digest, overriding the manifest (for datasets that change
        upstream, such as GeoNames country dumps).
    trust_new
        For a dataset with no pinned digest and none given: accept the
        downloaded file and record its digest beside it, so later reads are
        checked against it.

    Returns
    -------
    Path
        A verified local file.

    Raises
    ------
    DataError
        If the dataset is nowhere to be found, or may not be downloaded.
    ChecksumError
        If a file does not match its digest.
    """
    s = settings or get_settings()
    ds = dataset(name)
    local = s.data_dir / ds.filename
    expected = _expected_digest(ds, local, sha256)
    if local.exists():
        verify(local, expected, what=f"{ds.key} in {local}")
        return local

    if s.mirror_dir is not None:
        candidate = s.mirror_dir / ds.mirror_path
        if candidate.exists():
            if ds.archive_member and candidate.suffix.lower() == ".zip":
                _http.safe_extract_member(candidate, ds.archive_member, local)
                _record_or_verify(ds, local, expected, trust_new=True)
                return local
            verify(candidate, expected, what=f"{ds.key} in mirror {candidate}")
            return candidate

    if ds.url is None:
        mirror = f" (looked in {s.mirror_dir})" if s.mirror_dir else ""
        raise DataError(
            f"{ds.key} is not in {s.data_dir} or the offline mirror{mirror}, and its publisher "
            f"has no stable download URL; get it from {ds.landing_page} and set "
            "GEOKIT_DATA_MIRROR, or pass the file path instead of the dataset name"
        )
    if not s.allow_download:
        raise DataError(
            f"{ds.key} is not available offline and downloads are disabled "
            "(GEOKIT_ALLOW_DOWNLOAD=0); set GEOKIT_DATA_MIRROR to a mirror directory"
        )
    if expected is None and not trust_new:
        raise DataError(
            f"{ds.key} has no pinned sha256; pass sha256=... (or --sha256) after checking the "
            "publisher's file, or trust_new=True to record the digest of what is downloaded"
        )
    user_agent = s.user_agent or "geokit"
    if ds.archive and ds.archive_member:
        archive = s.data_dir / ds.archive
        _http.download(ds.url, archive, sha256=None, timeout=s.timeout, user_agent=user_agent)
        try:
            _http.safe_extract_member(archive, ds.archive_member, local)
        finally:
            archive.unlink(missing_ok=True)
        _record_or_verify(ds, local, expected, trust_new=trust_new)
        return local
    _http.download(ds.url, local, sha256=expected, timeout=s.timeout, user_agent=user_agent)
    if expected is None:
        write_text_atomic(_sidecar(local), _http.sha256_file(local) + "\n")
    return local


def _record_or_verify(ds: Dataset, path: Path, expected: str | None, *, trust_new: bool) -> None:
    if expected is not None:
        try:
            verify(path, expected, what=f"{ds.key} in {path}")
        except ChecksumError:
            path.unlink(missing_ok=True)
            raise
    elif trust_new:
        write_text_atomic(_sidecar(path), _http.sha256_file(path) + "\n")
