"""Shared fixtures.

Real boundary and gazetteer files are read from ``../shared/geodata`` through
the offline-mirror setting (``GEOKIT_DATA_MIRROR``), exactly as users do.
The Makefile exports it; running ``pytest`` by hand gets the same default here.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "geodata"
DATA = Path(__file__).resolve().parent / "data"

if "GEOKIT_DATA_MIRROR" not in os.environ and SHARED.is_dir():
    os.environ["GEOKIT_DATA_MIRROR"] = str(SHARED)
# Indexes are cached between runs in the repository's ignored .cache/ folder;
# downloads from tests go to per-test temporary directories instead.
os.environ.setdefault("GEOKIT_CACHE_DIR", str(ROOT / ".cache" / "tests"))
os.environ.setdefault("GEOKIT_ALLOW_DOWNLOAD", "0")


@pytest.fixture(scope="session")
def mirror() -> Path:
    """The offline mirror with the real geodata; tests that need it must not skip in CI."""
    path = Path(os.environ["GEOKIT_DATA_MIRROR"])
    assert path.is_dir(), f"GEOKIT_DATA_MIRROR={path} does not exist"
    return path


@pytest.fixture(scope="session")
def adm2():  # type: ignore[no-untyped-def]
    """The real COD-AB district layer, loaded once per session."""
    from geokit.boundaries import load_boundaries

    return load_boundaries("PAK:ADM2")


@pytest.fixture(scope="session")
def adm1():  # type: ignore[no-untyped-def]
    """The real COD-AB province layer, loaded once per session."""
    from geokit.boundaries import load_boundaries

    return load_boundaries("PAK:ADM1")


@pytest.fixture(scope="session")
def quickstart(tmp_path_factory):  # type: ignore[no-untyped-def]
    """notebooks/quickstart.ipynb executed once, top to bottom: (notebook, its working folder)."""
    import nbformat
    from nbclient import NotebookClient

    root = Path(__file__).resolve().parent.parent
    nb = nbformat.read(root / "notebooks" / "quickstart.ipynb", as_version=4)
    tmp = tmp_path_factory.mktemp("quickstart")
    work = tmp / "notebooks"
    work.mkdir()
    (tmp / "examples").symlink_to(root / "examples")
    NotebookClient(
        nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(work)}}
    ).execute()
    return nb, work
