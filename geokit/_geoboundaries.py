"""Boundaries for any country: geoBoundaries gbOpen layers looked up through its API.

``geoboundaries:ISO3:ADMn`` asks ``<settings.geoboundaries_api>/gbOpen/ISO3/ADMn/``
for the release's metadata, downloads the GeoJSON its ``gjDownloadURL`` names,
records the file's sha256 (and the release's licence and source) beside it on
first fetch, and checks the file against that digest on every later use.
The API's field names are those of the geoBoundaries API documentation
(https://www.geoboundaries.org/api.html): ``boundaryID``, ``boundaryLicense``,
``boundarySource``, ``boundaryYearRepresented``, ``gjDownloadURL``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geokit import _http
from geokit.errors import ChecksumError, DataError

if TYPE_CHECKING:
    from geokit.data import Dataset
    from geokit.settings import Settings

__all__: list[str] = []

ATTRIBUTION = "Administrative boundaries courtesy of geoBoundaries.org (Runfola et al. 2020, CC BY 4.0)"
_META_FIELDS = (
    "boundaryID",
    "boundaryName",
    "boundaryISO",
    "boundaryType",
    "boundaryYearRepresented",
    "boundarySource",
    "boundaryLicense",
    "licenseSource",
    "buildDate",
    "gjDownloadURL",
)
_API_LIMIT = 1 << 20  # the metadata of one layer is a few kB


def _sidecars(path: Path) -> tuple[Path, Path]:
    return path.with_name(path.name + ".sha256"), path.with_name(path.name + ".meta.json")


def release_metadata(path: Path) -> dict[str, Any]:
    """Return the release metadata recorded beside a fetched layer (empty if none).

    Parameters
    ----------
    path
        The layer's file in the data directory.

    Returns
    -------
    dict
        The API fields kept at first fetch, plus ``api_url`` and ``sha256``.
    """
    meta = _sidecars(path)[1]
    if not meta.exists():
        return {}
    out: dict[str, Any] = json.loads(meta.read_text("utf-8"))
    return out


def _release(ds: Dataset, settings: Settings) -> tuple[str, dict[str, Any]]:
    """Ask the API for the layer's release; return its GeoJSON URL and metadata."""
    iso3, level = ds.key.split(":")[1], ds.level
    api_url = f"{settings.geoboundaries_api.rstrip('/')}/gbOpen/{iso3}/ADM{level}/"
    body = _http.get_bytes(
        api_url,
        timeout=settings.timeout,
        limit=_API_LIMIT,
        user_agent=settings.user_agent or "geokit",
        accept="application/json",
    )
    try:
        answer = json.loads(body)
    except ValueError:
        raise DataError(f"{ds.key}: the geoBoundaries API did not answer with JSON ({api_url})") from None
    if isinstance(answer, list):  # the API answers a list when asked for several layers
        answer = answer[0] if len(answer) == 1 else None
    if not isinstance(answer, dict):
        answer = {}
    url = answer.get("gjDownloadURL")
    if not isinstance(url, str) or not url.startswith(("https://", "http://")):
        raise DataError(
            f"{ds.key}: the geoBoundaries API has no gbOpen ADM{level} layer for {iso3} "
            "(no gjDownloadURL in its answer)"
        )
    meta = {k: answer[k] for k in _META_FIELDS if k in answer}
    meta["api_url"] = api_url
    return url, meta


def fetch_layer(ds: Dataset, *, settings: Settings) -> Path:
    """Return a local, checked copy of an API layer, fetching it on first use.

    Parameters
    ----------
    ds
        A dataset made by ``geokit.data.dataset("geoboundaries:ISO3:ADMn")``.
    settings
        Settings in force (data directory, mirror, API base URL, downloads).

    Returns
    -------
    Path
        The GeoJSON file.

    Raises
    ------
    DataError
        If the layer is not here and downloads are disabled, or the API has no such layer.
    ChecksumError
        If a cached file no longer matches the digest recorded at first fetch.
    """
    local = settings.data_dir / ds.filename
    digest_file, meta_file = _sidecars(local)
    if local.exists():
        if digest_file.exists():
            expected = digest_file.read_text("utf-8").strip()
            actual = _http.sha256_file(local)
            if actual != expected:
                raise ChecksumError(
                    f"{ds.key} in {local}: sha256 mismatch (recorded {expected} at first fetch, got "
                    f"{actual}); delete the file to fetch it again"
                )
        return local
    if settings.mirror_dir is not None and (settings.mirror_dir / ds.mirror_path).exists():
        return settings.mirror_dir / ds.mirror_path
    if not settings.allow_download:
        raise DataError(
            f"{ds.key} is not available offline and downloads are disabled (GEOKIT_ALLOW_DOWNLOAD=0); "
            "set GEOKIT_DATA_MIRROR to a mirror directory"
        )
    url, meta = _release(ds, settings)
    _http.download(
        url, local, sha256=None, timeout=settings.timeout, user_agent=settings.user_agent or "geokit"
    )
    meta["sha256"] = _http.sha256_file(local)
    digest_file.write_text(meta["sha256"] + "\n", "utf-8")
    meta_file.write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n", "utf-8")
    return local
