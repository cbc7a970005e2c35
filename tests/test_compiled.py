"""The compiled geoparser (``GEOKIT_COMPILE=1``, see ``setup.py``) gives what the Python one gives.

mypyc compiles the modules ``setup.py`` names from the same source, but a compiled module
checks its annotations at run time and its classes are C types, so the two could differ.
The compiled wheel is built and installed into a fresh virtualenv (``tests/wheelkit.py``);
a process there parses every report of the test corpora, and each table must equal the one
this process makes with the Python modules.
"""

from __future__ import annotations

import ast
import importlib.machinery
import json
import pickle
from pathlib import Path

import pandas as pd
import pytest
from wheelkit import ROOT, build_wheel, run, venv_with

from geokit.errors import InputError
from geokit.geoparse import parse_article

pytestmark = pytest.mark.slow

DATA = ROOT / "tests" / "data"

#: What the process in the compiled virtualenv runs: the modules' files, then one table per report.
_WORKER = """
import importlib, json, pickle, sys
from pathlib import Path
import geokit
from geokit.geoparse import parse_article
names = json.loads(sys.argv[1])
files = {n: importlib.import_module("geokit.geoparse." + n).__file__ for n in names}
files["geokit"] = geokit.__file__
tables = {p: parse_article(Path(p).read_text("utf-8")) for p in json.loads(Path(sys.argv[2]).read_text())}
Path(sys.argv[3]).write_bytes(pickle.dumps((files, tables)))
"""


def _compiled_modules() -> list[str]:
    """The names in ``setup.py``'s ``COMPILED``, read without running the build."""
    tree = ast.parse((ROOT / "setup.py").read_text("utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "COMPILED" for t in node.targets
        ):
            return list(ast.literal_eval(node.value))
    raise AssertionError("setup.py names no COMPILED modules")


def _reports() -> list[Path]:
    return sorted([*DATA.glob("articles/*.txt"), *DATA.glob("realstyle/*/*.txt")])


@pytest.fixture(scope="module")
def venv(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("compiled")
    return venv_with(build_wheel(work, compiled=True), work / "venv")


@pytest.fixture(scope="module")
def compiled(venv, tmp_path_factory) -> tuple[dict[str, str], dict[str, pd.DataFrame]]:
    work = tmp_path_factory.mktemp("tables")
    listing, out = work / "reports.json", work / "tables.pickle"
    listing.write_text(json.dumps([str(p) for p in _reports()]))
    names = json.dumps([*_compiled_modules(), "article"])
    # run from ``work``, not the checkout: its geokit/ would come first on the path
    run([str(venv / "bin" / "python"), "-c", _WORKER, names, str(listing), str(out)], cwd=work)
    files, tables = pickle.loads(out.read_bytes())  # (written just now by our own process)
    return files, tables


def test_the_named_modules_are_compiled_and_come_from_the_wheel(compiled):
    files, _ = compiled
    ext = tuple(importlib.machinery.EXTENSION_SUFFIXES)
    assert not Path(files["geokit"]).is_relative_to(ROOT)
    for name in _compiled_modules():
        assert files[name].endswith(ext), f"{name} is not compiled: {files[name]}"
    # the public entry stays Python, to check its arguments itself
    assert files["article"].endswith(".py")


def test_compiled_tables_equal_the_python_ones_on_every_report(compiled):
    _, tables = compiled
    assert len(tables) == len(_reports()) > 1000
    differ = []
    for path, theirs in tables.items():
        ours = parse_article(Path(path).read_text("utf-8"))
        try:
            pd.testing.assert_frame_equal(theirs, ours, check_exact=True)
            assert theirs.attrs == ours.attrs
        except AssertionError as e:
            differ.append(f"{Path(path).relative_to(DATA)}: {str(e).splitlines()[0]}")
    assert not differ, f"{len(differ)} reports differ:\n" + "\n".join(differ[:20])


def test_the_version_says_the_geoparser_is_compiled(venv, tmp_path):
    done = run([str(venv / "bin" / "geokit"), "--version"], cwd=tmp_path)
    assert "(geoparser: compiled)" in done.stdout


def test_bad_input_gets_the_same_error_from_the_compiled_wheel(venv, tmp_path):
    for bad in (None, 12, b"Quetta"):
        with pytest.raises(InputError):
            parse_article(bad)  # type: ignore[arg-type]
    code = (
        "from geokit.errors import InputError\nfrom geokit.geoparse import parse_article\n"
        "for bad in (None, 12, b'Quetta'):\n"
        "    try:\n        parse_article(bad)\n    except InputError:\n        continue\n"
        "    raise SystemExit(f'no InputError for {bad!r}')\n"
    )
    run([str(venv / "bin" / "python"), "-c", code], cwd=tmp_path)
