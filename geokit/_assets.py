"""Local cache of the JavaScript and CSS that offline maps inline.

Offline maps (``incident_map(..., offline=True)``) carry Leaflet and its
plugins inside the HTML file. Those files come from the npm registry: for
each pinned package the registry's metadata gives the tarball URL and its
``dist.integrity`` (sha512); the tarball is checked against it, and only the
named files are extracted, refusing links and paths that would escape the
cache. Nothing is committed to the repository; ``geokit assets fetch`` fills
``<cache_dir>/assets`` once, and maps are built from there without network.
"""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import io
import json
import shutil
import tarfile
import tempfile
import urllib.parse
from pathlib import Path, PurePosixPath

from geokit import _http
from geokit.errors import ChecksumError, DataError, DownloadError
from geokit.settings import Settings, get_settings

__all__ = ["ASSETS", "Asset", "asset_dir", "fetch_assets", "read_asset"]

REGISTRY = "https://registry.npmjs.org"


@dataclasses.dataclass(frozen=True, slots=True)
class Asset:
    """One npm package whose files offline maps inline.

    Attributes
    ----------
    package, version
        npm package name and pinned version.
    integrity
        The registry's ``dist.integrity`` for that version (``sha512-<base64>``);
        the registry metadata must agree with it and the tarball must match it.
    files
        Paths inside the tarball (under ``package/``) to keep.
    sri
        ``(file, "sha384-<base64>")`` for the files online maps link from the
        CDN: the browser refuses a file that does not match (Subresource
        Integrity). Computed from the files of the tarball checked against
        ``integrity``; ``tests/test_assets.py`` checks them against the cache.
    """

    package: str
    version: str
    integrity: str
    files: tuple[str, ...]
    sri: tuple[tuple[str, str], ...] = ()

    @property
    def key(self) -> str:
        """``package@version``, the cache folder name."""
        return f"{self.package}@{self.version}"

    def cdn(self, file: str) -> str:
        """Return the jsDelivr URL that serves ``file`` of this package version."""
        return f"https://cdn.jsdelivr.net/npm/{self.key}/{file}"

    def integrity_of(self, file: str) -> str | None:
        """Return the Subresource Integrity hash of ``file`` (``None`` when not pinned)."""
        return dict(self.sri).get(file)


#: The packages offline maps need, pinned with the registry's sha512.
ASSETS: dict[str, Asset] = {
    "leaflet": Asset(
        "leaflet",
        "1.9.4",
        "sha512-nxS1ynzJOmOlHp+iL3FyWqK89GtNL8U8rvlMOsQdTTssxZwCXh8N2NB3GDQOL+YR3XnWyZAxwQixURb+FA74PA==",
        ("dist/leaflet.js", "dist/leaflet.css", "dist/images/layers.png", "dist/images/layers-2x.png"),
        # sha256 of the same leaflet.js is the one leafletjs.com/download.html publishes:
        # sha256-20nQCchB9co0qIjJZRGuk2/Z9VM+kNiyxNV1lvTlZBo=
        (
            ("dist/leaflet.js", "sha384-cxOPjt7s7Iz04uaHJceBmS+qpjv2JkIHNVcuOrM+YHwZOmJGBXI00mdUXEq65HTH"),
            ("dist/leaflet.css", "sha384-sHL9NAb7lN7rfvG5lfHpm643Xkcjzp4jFvuavGOndn6pjVqS6ny56CAt3nsEVT4H"),
        ),
    ),
    "markercluster": Asset(
        "leaflet.markercluster",
        "1.5.3",
        "sha512-vPTw/Bndq7eQHjLBVlWpnGeLa3t+3zGiuM7fJwCkiMFq+nmRuG3RI3f7f4N4TDX7T4NpbAXpR2+NTRSEGfCSeA==",
        ("dist/leaflet.markercluster.js", "dist/MarkerCluster.css", "dist/MarkerCluster.Default.css"),
        (
            (
                "dist/leaflet.markercluster.js",
                "sha384-eXVCORTRlv4FUUgS/xmOyr66XBVraen8ATNLMESp92FKXLAMiKkerixTiBvXriZr",
            ),
            (
                "dist/MarkerCluster.css",
                "sha384-pmjIAcz2bAn0xukfxADbZIb3t8oRT9Sv0rvO+BR5Csr6Dhqq+nZs59P0pPKQJkEV",
            ),
            (
                "dist/MarkerCluster.Default.css",
                "sha384-wgw+aLYNQ7dlhK47ZPK7FRACiq7ROZwgFNg0m04avm4CaXS+Z9Y7nMu8yNjBKYC+",
            ),
        ),
    ),
    "heat": Asset(
        "leaflet.heat",
        "0.2.0",
        "sha512-Cd5PbAA/rX3X3XKxfDoUGi9qp78FyhWYurFg3nsfhntcM/MCNK08pRkf4iEenO1KNqwVPKCmkyktjW3UD+h9bQ==",
        ("dist/leaflet-heat.js",),
        (
            (
                "dist/leaflet-heat.js",
                "sha384-mFKkGiGvT5vo1fEyGCD3hshDdKmW3wzXW/x+fWriYJArD0R3gawT6lMvLboM22c0",
            ),
        ),
    ),
}

_MANIFEST = "manifest.json"
_MAX_TARBALL = 20 * 1024**2


def asset_dir(settings: Settings | None = None) -> Path:
    """Return the folder that holds the asset cache.

    Parameters
    ----------
    settings
        Settings to read ``cache_dir`` from; the current ones by default.

    Returns
    -------
    Path
        ``<cache_dir>/assets``.
    """
    return (settings or get_settings()).cache_dir / "assets"


def _sha512_b64(data: bytes) -> str:
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode("ascii")


def _extract(tarball: bytes, asset: Asset, dest: Path) -> dict[str, str]:
    """Write the wanted regular files of ``tarball`` below ``dest``; return their sha256."""
    wanted = {f"package/{f}": f for f in asset.files}
    found: dict[str, str] = {}
    with tarfile.open(fileobj=io.BytesIO(tarball), mode="r:gz") as tar:
        for member in tar.getmembers():
            if member.name not in wanted:
                continue
            rel = PurePosixPath(wanted[member.name])
            if not member.isfile() or rel.is_absolute() or ".." in rel.parts:
                raise DownloadError(f"{asset.key}: unsafe tarball member {member.name!r}")
            handle = tar.extractfile(member)
            if handle is None:  # pragma: no cover - isfile() members always have data
                raise DownloadError(f"{asset.key}: cannot read {member.name!r}")
            data = handle.read()
            target = dest.joinpath(*rel.parts)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            found[str(rel)] = hashlib.sha256(data).hexdigest()
    missing = sorted(set(asset.files) - set(found))
    if missing:
        raise DownloadError(f"{asset.key}: tarball lacks {', '.join(missing)}")
    return found


def _cached(asset: Asset, root: Path) -> bool:
    folder = root / asset.key
    try:
        manifest = json.loads((folder / _MANIFEST).read_text("utf-8"))
    except (OSError, ValueError):
        return False
    if manifest.get("integrity") != asset.integrity:
        return False
    for rel, digest in manifest.get("files", {}).items():
        path = folder / rel
        if not path.is_file() or hashlib.sha256(path.read_bytes()).hexdigest() != digest:
            return False
    return set(manifest.get("files", {})) == set(asset.files)


def _same_origin(url: str, base: str) -> bool:
    a, b = urllib.parse.urlsplit(url), urllib.parse.urlsplit(base)
    return a.scheme in {"http", "https"} and (a.scheme, a.netloc) == (b.scheme, b.netloc)


def fetch_assets(
    names: list[str] | None = None, *, settings: Settings | None = None, registry: str = REGISTRY
) -> dict[str, Path]:
    """Fill the asset cache from the npm registry; files already cached are kept.

    Parameters
    ----------
    names
        Keys of :data:`ASSETS`; all of them by default.
    settings
        Where the cache lives and the network timeout.
    registry
        npm registry base URL (a local mirror that speaks the registry protocol works).

    Returns
    -------
    dict of str to Path
        The cache folder of each asset.

    Raises
    ------
    ChecksumError
        When the registry's metadata or the tarball disagrees with the pinned integrity.
    DownloadError
        On network errors or an unsafe tarball.
    """
    cfg = settings or get_settings()
    root = asset_dir(cfg)
    out: dict[str, Path] = {}
    for name in names or list(ASSETS):
        if name not in ASSETS:
            raise DataError(f"unknown asset {name!r}; choose from {', '.join(ASSETS)}")
        asset = ASSETS[name]
        folder = root / asset.key
        out[name] = folder
        if _cached(asset, root):
            continue
        meta = json.loads(
            _http.get_bytes(
                f"{registry.rstrip('/')}/{asset.package}/{asset.version}",
                timeout=cfg.timeout,
                limit=1 << 22,
                accept="application/json",
            )
        )
        dist = meta.get("dist", {})
        if dist.get("integrity") != asset.integrity:
            raise ChecksumError(
                f"{asset.key}: registry integrity {dist.get('integrity')!r} differs from the pinned "
                f"{asset.integrity!r}"
            )
        url = str(dist.get("tarball", ""))
        # https anywhere, or the registry's own scheme and host (a local mirror)
        if not (url.startswith("https://") or _same_origin(url, registry)):
            raise DownloadError(f"{asset.key}: refusing tarball URL {url!r}")
        tarball = _http.get_bytes(url, timeout=cfg.timeout, limit=_MAX_TARBALL)
        actual = _sha512_b64(tarball)
        if actual != asset.integrity:
            raise ChecksumError(f"{asset.key}: tarball sha512 {actual} differs from {asset.integrity}")
        root.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(prefix=f".{asset.key}.", dir=root) as tmp:
            staging = Path(tmp) / "pkg"
            files = _extract(tarball, asset, staging)
            manifest = {"package": asset.package, "version": asset.version, "integrity": asset.integrity}
            (staging / _MANIFEST).write_text(json.dumps({**manifest, "files": files}, indent=1), "utf-8")
            if folder.exists():
                shutil.rmtree(folder)
            staging.replace(folder)
    return out


def read_asset(name: str, file: str, *, settings: Settings | None = None) -> bytes:
    """Return one cached file, checked against the cache manifest.

    Parameters
    ----------
    name
        Key of :data:`ASSETS`.
    file
        One of the asset's ``files``.
    settings
        Where the cache lives.

    Returns
    -------
    bytes

    Raises
    ------
    DataError
        When the cache has not been filled (run ``geokit assets fetch``) or a
        file changed since.
    """
    asset = ASSETS[name]
    root = asset_dir(settings)
    if file not in asset.files:
        raise DataError(f"{asset.key} has no cached file {file!r}; it has {', '.join(asset.files)}")
    folder = root / asset.key
    try:
        manifest = json.loads((folder / _MANIFEST).read_text("utf-8"))
        data = (folder / file).read_bytes()
    except (OSError, ValueError):
        raise DataError(
            f"offline maps need {asset.key} in the asset cache {root}; run 'geokit assets fetch' "
            "once with network access"
        ) from None
    if (
        manifest.get("integrity") != asset.integrity
        or manifest["files"].get(file) != hashlib.sha256(data).hexdigest()
    ):
        raise DataError(f"{folder / file} does not match the cache manifest; run 'geokit assets fetch'")
    return data


def assets_cached(names: list[str] | tuple[str, ...], *, settings: Settings | None = None) -> bool:
    """Return whether every named asset is in the cache and matches its manifest.

    Parameters
    ----------
    names
        Keys of :data:`ASSETS`.
    settings
        Where the cache lives.

    Returns
    -------
    bool
    """
    root = asset_dir(settings)
    return all(_cached(ASSETS[n], root) for n in names)
