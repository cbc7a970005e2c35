"""The ``geokit`` command line (:func:`main`); no library module imports from here."""

from __future__ import annotations

from geokit.cli.app import main

__all__ = ["main"]
