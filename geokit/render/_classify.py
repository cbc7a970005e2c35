"""Choropleth classes and the legend: zero and missing kept apart from the classes."""

from __future__ import annotations

import math
import warnings

import numpy as np
import pandas as pd

from geokit.errors import InputError
from geokit.render._util import fmt_number, html_text

__all__ = ["NODATA_FILL", "SCHEMES", "ZERO_FILL", "Classes", "classify", "legend_rows", "palette"]

#: mapclassify schemes accepted by :func:`geokit.render.incident_map`.
SCHEMES = ("quantiles", "naturalbreaks", "equalinterval", "fisherjenks", "userdefined")

#: Most classes a choropleth may have (the length of the longest palette).
MAX_CLASSES = 9
ZERO_FILL = "#e8e8e8"
NODATA_FILL = "#ffffff"
# ColorBrewer YlOrRd, 3 to 9 classes
_YLORRD = {
    3: ["#ffeda0", "#feb24c", "#f03b20"],
    4: ["#ffffb2", "#fecc5c", "#fd8d3c", "#e31a1c"],
    5: ["#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026"],
    6: ["#ffffb2", "#fed976", "#feb24c", "#fd8d3c", "#f03b20", "#bd0026"],
    7: ["#ffffb2", "#fed976", "#feb24c", "#fd8d3c", "#fc4e2a", "#e31a1c", "#b10026"],
    8: ["#ffffcc", "#ffeda0", "#fed976", "#feb24c", "#fd8d3c", "#fc4e2a", "#e31a1c", "#b10026"],
    9: ["#ffffcc", "#ffeda0", "#fed976", "#feb24c", "#fd8d3c", "#fc4e2a", "#e31a1c", "#bd0026", "#800026"],
}


def palette(n: int) -> list[str]:
    """Return ``n`` sequential fill colours, light to dark (at most 9).

    Parameters
    ----------
    n
        Number of classes.

    Returns
    -------
    list of str
    """
    if n <= 0:
        return []
    if n <= 2:
        return _YLORRD[3][-n:]
    return list(_YLORRD[min(n, 9)])


class Classes:
    """Class index per value and the class bounds.

    Attributes
    ----------
    index
        Class per value: ``0..k-1``, ``-1`` for zero, ``-2`` for missing.
    upper
        Upper bound of each class (inclusive).
    lower
        Lower bound of each class as shown in the legend.
    integer
        Whether every value is a whole number (labels then show whole numbers).
    """

    __slots__ = ("index", "integer", "lower", "upper")

    def __init__(
        self, index: np.ndarray, upper: list[float], lower: list[float], *, integer: bool = False
    ) -> None:
        self.index = index
        self.upper = upper
        self.lower = lower
        self.integer = integer

    def fills(self) -> list[str]:
        """Return the fill colour of every value."""
        pal = palette(len(self.upper))
        return [NODATA_FILL if c == -2 else ZERO_FILL if c == -1 else pal[c] for c in self.index.tolist()]

    def labels(self) -> list[str]:
        """Return the legend label of every class, ``lo – hi``."""
        out = []
        for lo, hi in zip(self.lower, self.upper, strict=True):
            a, b = fmt_number(lo), fmt_number(math.floor(hi) if self.integer else hi)
            out.append(a if a == b else f"{a} – {b}")
        return out


def classify(values: pd.Series | np.ndarray, scheme: str, k: int, bins: list[float] | None) -> Classes:
    """Classify the positive values; zeros and missing values get their own classes.

    Parameters
    ----------
    values
        One value per district (NaN where unknown).
    scheme
        One of :data:`SCHEMES`.
    k
        Number of classes; reduced to the number of distinct positive values.
    bins
        Upper class bounds for ``userdefined``; the largest value closes the last class.

    Returns
    -------
    Classes
    """
    import mapclassify

    key = scheme.lower().replace("_", "").replace(" ", "")
    if key not in SCHEMES:
        raise InputError(f"unknown classification scheme {scheme!r}; choose from {', '.join(SCHEMES)}")
    if key == "userdefined" and not bins:
        raise InputError("scheme 'userdefined' needs bins, e.g. bins=[1, 5, 10]")
    if isinstance(k, bool) or not isinstance(k, int | np.integer) or not 1 <= k <= MAX_CLASSES:
        raise InputError(f"k must be a whole number of classes from 1 to {MAX_CLASSES}, got {k!r}")
    v = np.asarray(pd.to_numeric(pd.Series(np.asarray(values)), errors="coerce"), dtype=float)
    idx = np.full(len(v), -2, dtype=int)
    known = np.isfinite(v)
    if (v[known] < 0).any():
        raise InputError("choropleth values must not be negative")
    idx[known & (v == 0)] = -1
    positive = known & (v != 0)
    if not positive.any():
        return Classes(idx, [], [])
    y = v[positive]
    distinct = np.unique(y)
    if key == "userdefined":
        given = np.asarray([float(b) for b in bins or []], dtype=float)
        if not np.isfinite(given).all():
            raise InputError("bins must be finite numbers")
        upper = np.unique(given[given > 0])
        if len(upper) == 0 or upper[-1] < y.max():
            upper = np.append(upper, y.max())
    elif len(distinct) <= k:
        upper = distinct  # fewer distinct values than classes: one class per value
    else:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            clf = mapclassify.classify(y, scheme=key, k=int(k))
        upper = np.unique(np.asarray(clf.bins, dtype=float))
        if upper[-1] < y.max():
            upper = np.append(upper, y.max())
    classes = np.searchsorted(upper, y, side="left")
    used = np.unique(classes)  # drop classes no value falls in, keeping the order
    upper = upper[used]
    classes = np.searchsorted(used, classes)
    if len(upper) > MAX_CLASSES:
        raise InputError(f"at most {MAX_CLASSES} classes; got {len(upper)} bins that hold values")
    idx[positive] = classes
    integer = bool(np.all(np.mod(y, 1) == 0))
    lower = [float(y.min())]
    for hi in upper[:-1].tolist():
        lower.append(float(math.floor(hi) + 1) if integer else float(hi))
    return Classes(idx, [float(u) for u in upper], lower, integer=integer)


def legend_rows(
    classes: Classes, *, column: str, has_zero: bool, has_missing: bool
) -> list[tuple[str, str, str]]:
    """Return ``(fill, border style, label)`` per legend row: zero, classes, missing.

    Parameters
    ----------
    classes
        From :func:`classify`.
    column
        The value shown, for the zero label.
    has_zero, has_missing
        Whether to show the zero and missing rows.

    Returns
    -------
    list of tuple
    """
    pal = palette(len(classes.upper))
    rows = [(pal[i], "solid", label) for i, label in enumerate(classes.labels())]
    if has_zero or not classes.upper:
        rows.insert(0, (ZERO_FILL, "solid", "0 (no incidents)" if column == "incidents" else "0"))
    if has_missing:
        rows.append((NODATA_FILL, "dashed", "no data (incidents without figures)"))
    return rows


def legend_block(
    title: str, rows: list[tuple[str, str, str]], *, element_id: str, hidden: bool = False
) -> str:
    """Return escaped HTML for one legend section.

    Parameters
    ----------
    title
        Section heading.
    rows
        From :func:`legend_rows`.
    element_id
        Element id (generated by geokit).
    hidden
        Start hidden (shown by the time slider).

    Returns
    -------
    str
    """
    style = ' style="display:none"' if hidden else ""
    out = [f'<div id="{element_id}"{style}><div class="geokit-head">{html_text(title)}</div>']
    for fill, border, label in rows:
        out.append(
            f'<div class="geokit-row"><span class="geokit-swatch" style="background:{fill};'
            f'border-style:{border}"></span><span>{html_text(label)}</span></div>'
        )
    out.append("</div>")
    return "".join(out)
