"""geokit: turn reports of violent incidents into maps people can trust.

The public API is imported lazily so that ``import geokit`` stays light;
folium, mapclassify and the gazetteer index load only when first used.
"""

from __future__ import annotations

import importlib
from importlib.metadata import PackageNotFoundError, version
from typing import Any

from geokit.errors import (
    BoundaryError,
    ChecksumError,
    DataError,
    DependencyError,
    DownloadError,
    GeokitError,
    InputError,
    OutputExists,
    PlaceNotFound,
    RateLimited,
)
from geokit.settings import configure, get_settings

try:
    __version__ = version("geokit")
except PackageNotFoundError:  # pragma: no cover - running from a bare checkout
    __version__ = "0+unknown"

# public name -> module that defines it (the name there, if different, in _RENAMED).
# No public name is also the name of a submodule: after ``import geokit.resolve`` the
# attribute ``geokit.resolve`` is the subpackage, so the function is ``resolve_place``.
_LAZY = {
    "load_boundaries": "geokit.boundaries",
    "fetch": "geokit.data",
    "datasets": "geokit.data",
    "read_incidents": "geokit.ingest",
    "Gazetteer": "geokit.gazetteer",
    "Place": "geokit.gazetteer",
    "resolve_place": "geokit.resolve",
    "resolve_frame": "geokit.resolve",
    "explain": "geokit.resolve",
    "Resolution": "geokit.resolve",
    "join_admin": "geokit.join",
    "aggregate": "geokit.join",
    "incident_map": "geokit.render",
    "to_geojson": "geokit.export",
    "write_geojson": "geokit.export",
    "run_pipeline": "geokit.pipeline",
    "parse_article": "geokit.geoparse",
    "incidents": "geokit.geoparse",
}
_RENAMED = {"resolve_place": "resolve"}

__all__ = [
    "BoundaryError",
    "ChecksumError",
    "DataError",
    "DependencyError",
    "DownloadError",
    "GeokitError",
    "InputError",
    "OutputExists",
    "PlaceNotFound",
    "RateLimited",
    "__version__",
    "configure",
    "get_settings",
    *sorted(_LAZY),
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        if name == "resolve":
            raise AttributeError(
                "geokit.resolve is a subpackage; call geokit.resolve_place(...) "
                "or geokit.resolve.resolve(...) to resolve one place"
            )
        raise AttributeError(f"module 'geokit' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), _RENAMED.get(name, name))
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
