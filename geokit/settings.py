"""Settings in one place.

Values come, in order, from :func:`configure`, from environment variables
(read when :func:`get_settings` is called, never at import time) and from the
defaults below. Unknown keys are rejected.

==========================  ============================  =====================================
setting                     environment variable          default
==========================  ============================  =====================================
``cache_dir``               ``GEOKIT_CACHE_DIR``          ``~/.cache/geokit``
``data_dir``                ``GEOKIT_DATA_DIR``           ``shapefiles/`` of a source checkout,
                                                          else ``<cache_dir>/data``
``mirror_dir``              ``GEOKIT_DATA_MIRROR``        none
``allow_download``          ``GEOKIT_ALLOW_DOWNLOAD``     ``True``
``timeout``                 ``GEOKIT_TIMEOUT``            ``60`` seconds
``user_agent``              ``GEOKIT_USER_AGENT``         none (required for online geocoding)
``geoboundaries_api``       ``GEOKIT_GEOBOUNDARIES_API``  ``https://www.geoboundaries.org/api/current``
``gazetteer_extra``         ``GEOKIT_GAZETTEER_EXTRA``    none (comma-separated dataset names
                                                          such as ``geonames:PK``, or files)
==========================  ============================  =====================================
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from geokit.errors import InputError

__all__ = ["Settings", "configure", "get_settings", "override", "settings_stamp"]

_PACKAGE_DIR = Path(__file__).resolve().parent


@dataclasses.dataclass(frozen=True, slots=True)
class Settings:
    """Resolved geokit settings.

    Attributes
    ----------
    cache_dir
        Where indexes and online answers are cached.
    data_dir
        Where downloaded datasets land.
    mirror_dir
        An offline mirror of the publishers' files, consulted before any download.
    allow_download
        Whether the data manager may reach the network at all.
    timeout
        Network timeout in seconds.
    user_agent
        HTTP user agent for online services; required by Nominatim's policy.
    geoboundaries_api
        Base URL of the geoBoundaries API (``<base>/gbOpen/ISO3/ADMn/``).
    gazetteer_extra
        More place sources for the default gazetteer: dataset names (``"geonames:PK"``, the
        full GeoNames dump of a country, fetched and checked like any dataset) or paths of
        user gazetteer CSVs and GeoNames dump files.
    """

    cache_dir: Path
    data_dir: Path
    mirror_dir: Path | None
    allow_download: bool
    timeout: float
    user_agent: str | None
    geoboundaries_api: str = "https://www.geoboundaries.org/api/current"
    gazetteer_extra: tuple[str, ...] = ()


_overrides: dict[str, Any] = {}
_FIELDS = {f.name for f in dataclasses.fields(Settings)}


def _default_data_dir(cache_dir: Path) -> Path:
    checkout = _PACKAGE_DIR.parent / "shapefiles"
    if checkout.is_dir() and os.access(checkout, os.W_OK):
        return checkout
    return cache_dir / "data"


def _env_bool(value: str) -> bool:
    lowered = value.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off"}:
        return False
    raise InputError(f"expected a boolean (1/0, true/false, yes/no), got {value!r}")


def get_settings() -> Settings:
    """Return the settings in force now.

    Returns
    -------
    Settings
        Values from :func:`configure`, the environment and the defaults.
    """
    env = os.environ
    cache_dir = Path(
        _overrides.get("cache_dir") or env.get("GEOKIT_CACHE_DIR") or Path.home() / ".cache" / "geokit"
    ).expanduser()
    data_dir = _overrides.get("data_dir") or env.get("GEOKIT_DATA_DIR")
    mirror = _overrides.get("mirror_dir", env.get("GEOKIT_DATA_MIRROR") or None)
    allow = _overrides.get("allow_download")
    if allow is None:
        allow = _env_bool(env["GEOKIT_ALLOW_DOWNLOAD"]) if "GEOKIT_ALLOW_DOWNLOAD" in env else True
    timeout = float(_overrides.get("timeout") or env.get("GEOKIT_TIMEOUT") or 60)
    return Settings(
        cache_dir=cache_dir,
        data_dir=Path(data_dir).expanduser() if data_dir else _default_data_dir(cache_dir),
        mirror_dir=Path(mirror).expanduser() if mirror else None,
        allow_download=bool(allow),
        timeout=timeout,
        user_agent=_overrides.get("user_agent") or env.get("GEOKIT_USER_AGENT") or None,
        geoboundaries_api=_overrides.get("geoboundaries_api")
        or env.get("GEOKIT_GEOBOUNDARIES_API")
        or "https://www.geoboundaries.org/api/current",
        gazetteer_extra=_sources(_overrides.get("gazetteer_extra", env.get("GEOKIT_GAZETTEER_EXTRA"))),
    )


def _sources(value: Any) -> tuple[str, ...]:
    """Read ``gazetteer_extra``: a comma-separated string or a sequence of names and paths."""
    if not value:
        return ()
    items = value.split(",") if isinstance(value, str) else [str(v) for v in value]
    return tuple(v.strip() for v in items if v.strip())


#: The environment variables :func:`get_settings` reads (``HOME`` through ``Path.home``).
_ENV_NAMES = (
    "GEOKIT_CACHE_DIR",
    "GEOKIT_DATA_DIR",
    "GEOKIT_DATA_MIRROR",
    "GEOKIT_ALLOW_DOWNLOAD",
    "GEOKIT_TIMEOUT",
    "GEOKIT_USER_AGENT",
    "GEOKIT_GEOBOUNDARIES_API",
    "GEOKIT_GAZETTEER_EXTRA",
    "HOME",
)


def settings_stamp() -> tuple[object, ...]:
    """Return what :func:`get_settings` reads, to tell cheaply whether the settings may have changed.

    Equal stamps mean equal settings, but for one input read from the disk: whether a
    source checkout's ``shapefiles/`` folder is writable (the default ``data_dir``).
    Building the settings costs path objects and file-system calls; a stamp costs a
    few look-ups, for callers on a hot path (the geoparser asks once per article).

    Returns
    -------
    tuple
        The values set with :func:`configure` and the environment variables read.
    """
    env = os.environ
    return (tuple(_overrides.items()), tuple(env.get(name) for name in _ENV_NAMES))


def configure(**values: Any) -> Settings:
    """Set one or more settings for this process.

    Parameters
    ----------
    **values
        Setting names and values; ``None`` restores the default.

    Returns
    -------
    Settings
        The settings now in force.

    Raises
    ------
    InputError
        If a key is not a known setting.
    """
    unknown = sorted(set(values) - _FIELDS)
    if unknown:
        raise InputError(f"unknown setting(s) {', '.join(unknown)}; known: {', '.join(sorted(_FIELDS))}")
    for key, value in values.items():
        if value is None:
            _overrides.pop(key, None)
        else:
            _overrides[key] = value
    return get_settings()


@contextmanager
def override(**values: Any) -> Iterator[Settings]:
    """Temporarily change settings (for tests and scripts).

    Parameters
    ----------
    **values
        As for :func:`configure`.

    Yields
    ------
    Settings
        The settings in force inside the block.
    """
    saved = dict(_overrides)
    try:
        yield configure(**values)
    finally:
        _overrides.clear()
        _overrides.update(saved)
