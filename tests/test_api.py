"""The public API: light import, lazy names, chaining on DataFrames."""

from __future__ import annotations

import subprocess
import sys

import pandas as pd

import geokit


def test_import_is_light():
    code = "import sys, geokit; print(sorted(m for m in ('folium', 'geopandas', 'mapclassify', 'shapely', 'pandas') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def _check_public(name: str) -> None:
    import inspect

    obj = getattr(geokit, name)
    assert inspect.isfunction(obj) or inspect.isclass(obj), (name, type(obj))
    # the object geokit defines under its own name (resolve_place is geokit.resolve.core.resolve)
    assert obj.__module__.split(".")[0] == "geokit", (name, obj)
    assert getattr(sys.modules[obj.__module__], obj.__name__) is obj, (name, obj)
    assert name in dir(geokit)
    if inspect.isclass(obj) and issubclass(obj, Exception):
        assert issubclass(obj, geokit.GeokitError), name


def test_public_names_resolve():
    """Each public name is the geokit function or class of that name, not a module or a stand-in,
    even after every submodule has been imported (a submodule named like a public name would hide it)."""
    import importlib
    import pkgutil
    from importlib.metadata import version

    for info in pkgutil.walk_packages(geokit.__path__, "geokit."):
        if not info.name.endswith("__main__"):
            importlib.import_module(info.name)
    assert geokit.__version__ == version("geokit")
    names = [n for n in geokit.__all__ if n != "__version__"]
    assert len(names) >= 25
    for name in names:
        _check_public(name)


def test_chaining_with_pipe(adm2):
    from geokit.join import join_admin
    from geokit.resolve import resolve_frame

    out = (
        pd.DataFrame({"place": ["Noshki", "Gwadar"]})
        .pipe(resolve_frame, "place", country="PK")
        .pipe(join_admin, adm2)
    )
    assert list(out["adm2_name"]) == ["Nushki", "Gwadar"]
    assert {"lat", "lon", "precision", "status", "reason", "geometry"} <= set(out.columns)
