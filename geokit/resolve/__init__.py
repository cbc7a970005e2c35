"""Resolve place strings to one point each: one name (:mod:`.core`) or a table (:mod:`.batch`).

The public surface is :func:`resolve`, :class:`Resolution`, :class:`Candidate`,
:func:`explain`, :class:`Explanation` and :func:`resolve_frame`. ``core``
knows nothing of ``batch``; ``batch`` calls ``core`` row by row.
"""

from __future__ import annotations

from geokit.resolve.batch import Explanation, explain, resolve_frame
from geokit.resolve.core import Candidate, Resolution, resolve

__all__ = ["Candidate", "Explanation", "Resolution", "explain", "resolve", "resolve_frame"]
