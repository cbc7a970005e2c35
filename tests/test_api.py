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


def test_public_names_resolve():
    for name in geokit.__all__:
        assert getattr(geokit, name) is not None, name


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
