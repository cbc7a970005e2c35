"""Build hook for the optional compiled geoparser; everything else is in ``pyproject.toml``.

With ``GEOKIT_COMPILE=1`` the geoparser's inner modules (:data:`COMPILED`) are compiled to C
extensions with mypyc, which reads their type annotations; the wheel is then tied to one
Python version and platform, and parses about one and a half times as fast (``make bench``). Without it,
as for a plain ``pip install``, the package is pure Python. Both run the same source, and
``tests/test_compiled.py`` checks that they give the same tables on every report of the
test corpus.

mypyc comes with mypy, which the build environment must hold: ``make wheel`` builds with
the development environment (``--no-build-isolation``). Do not compile an editable
install: the extensions would sit beside the sources and hide later edits to them.
"""

from __future__ import annotations

import os

from setuptools import setup

#: The geoparser's modules that are compiled, in the order data flows through them.
#: ``article`` stays Python: it checks the public arguments (a compiled function would
#: reject a wrong type with its own ``TypeError`` before ``InputError`` could say why), and
#: it spends its time in these modules. ``_table`` and ``_incidents`` spend theirs in pandas.
COMPILED = (
    "matcher",
    "_dates",
    "_report",
    "_mention",
    "_forms",
    "_find",
    "_namesakes",
    "_placing",
    "_facts",
    "_tense",
    "_evidence",
    "_containers",
    "_deaths",
)


def _ext_modules() -> list[object]:
    if os.environ.get("GEOKIT_COMPILE", "").strip().lower() not in {"1", "true", "yes"}:
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:
        raise SystemExit(
            "GEOKIT_COMPILE=1 needs mypyc (part of mypy) in the build environment: "
            "install mypy there and build with --no-build-isolation, as `make wheel` does"
        ) from None
    paths = [f"geokit/geoparse/{name}.py" for name in COMPILED]
    return list(mypycify(paths, opt_level="3", debug_level="0", separate=True))


_EXT = _ext_modules()
# the C files of a multi-file build compile side by side, one per core
setup(ext_modules=_EXT, options={"build_ext": {"parallel": os.cpu_count() or 1}} if _EXT else {})
