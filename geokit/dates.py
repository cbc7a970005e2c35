"""Read the dates of an incident table: one parser, an explicit order, a note when unsure.

``01/02/2026`` is 1 February to most of the world and 2 January to the rest.
:class:`DateParser` reads every numeric date of a column in ONE order: the one
given (``order="dayfirst"`` or ``"monthfirst"``, the CLI's ``--dayfirst`` and
``--monthfirst``), or else the one the column's unambiguous values show
(``31/01/2026`` can only be day first, ``01/31/2026`` only month first). A
row read without certainty gets a note saying how it was read: an ambiguous
date in a column that gives no evidence (day first is assumed, the
convention of the countries geokit's default data cover), a column that mixes
both orders, a value that contradicts the order asked for. ISO dates
(``2026-01-31``) and dates with month names are never ambiguous. A UTC offset
(``2026-01-31T10:00:00+05:00``) is dropped and the local time kept: the date
of an incident is the date where it happened.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Literal

import numpy as np
import pandas as pd

__all__ = ["DATE_ORDERS", "DateParser"]

#: The orders :class:`DateParser` accepts.
DATE_ORDERS = ("dayfirst", "monthfirst")

DateOrder = Literal["dayfirst", "monthfirst"]

_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO = re.compile(r"^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:[ T].*)?$")
_NUMERIC = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})(?:[ T,]+(.*))?$")
_TIME = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2}))?$")
_EPOCH_A = dt.datetime(2001, 2, 3, 4, 5, 6)  # two defaults: a field missing from a text shows as a difference
_EPOCH_B = dt.datetime(2002, 3, 4, 5, 6, 7)


def _long(ts: pd.Timestamp) -> str:
    return f"{ts.day} {ts.strftime('%B')} {ts.year}"


class DateParser:
    """Parse date columns in one consistent order, inferred or given.

    Parameters
    ----------
    order
        ``"dayfirst"``, ``"monthfirst"`` or ``None`` to infer it per column
        from the values that can only be read one way.

    Notes
    -----
    One parser reads one column. Called again on the next chunk of the same
    column, it keeps the evidence seen so far, so a streamed file is read in
    one order (decided by the rows seen up to each chunk).
    """

    def __init__(self, order: DateOrder | None = None) -> None:
        if order is not None and order not in DATE_ORDERS:
            raise ValueError(f"date order must be one of {', '.join(DATE_ORDERS)}, not {order!r}")
        self.order = order
        self._day_first = 0  # values that can only be day first
        self._month_first = 0

    @property
    def evidence(self) -> tuple[int, int]:
        """Distinct values seen so far that can only be day first, and only month first."""
        return self._day_first, self._month_first

    @classmethod
    def seeded(cls, order: DateOrder | None, evidence: tuple[int, int]) -> DateParser:
        """Return a parser that has already seen ``evidence`` (other parts of the same column).

        Parameters
        ----------
        order
            As for :class:`DateParser`.
        evidence
            ``(day_first, month_first)`` counts, as :attr:`evidence` gives them.

        Returns
        -------
        DateParser
        """
        parser = cls(order)
        parser._day_first, parser._month_first = evidence
        return parser

    def parse(self, values: Iterable[str]) -> tuple[pd.Series, list[str]]:
        """Parse date strings.

        Parameters
        ----------
        values
            The column, as text.

        Returns
        -------
        tuple
            The dates (``datetime64[ns]``, NaT where blank or not understood)
            and one note per value (``""`` when read with certainty).
        """
        given = pd.Series(list(values), dtype=object).astype(str).str.strip()
        uniques = pd.unique(given.to_numpy())
        numeric = {}
        for text in uniques:
            m = _NUMERIC.match(text)
            if m:
                a, b = int(m.group(1)), int(m.group(2))
                numeric[text] = (a, b, m)
                if a > 12 >= b:
                    self._day_first += 1
                elif b > 12 >= a:
                    self._month_first += 1
        order, why = self._decide()
        read: dict[str, tuple[pd.Timestamp | None, str]] = {}
        for text in uniques:
            if text in numeric:
                read[text] = self._numeric(text, *numeric[text], order=order, why=why)
            else:
                read[text] = _other(text)
        stamps = [read[t][0] for t in given]
        parsed = pd.to_datetime(pd.Series([pd.NaT if s is None else s for s in stamps], dtype=object))
        if not isinstance(parsed.dtype, np.dtype):  # tz-aware leftovers cannot occur: offsets are dropped
            parsed = parsed.dt.tz_localize(None)
        return parsed.astype("datetime64[ns]"), [read[t][1] for t in given]

    def _decide(self) -> tuple[DateOrder, str]:
        if self.order is not None:
            return self.order, "given"
        if self._day_first and self._month_first:
            major: DateOrder = "dayfirst" if self._day_first >= self._month_first else "monthfirst"
            return major, "mixed"
        if self._month_first:
            return "monthfirst", "inferred"
        if self._day_first:
            return "dayfirst", "inferred"
        return "dayfirst", "assumed"

    def _numeric(
        self, text: str, a: int, b: int, m: re.Match[str], *, order: DateOrder, why: str
    ) -> tuple[pd.Timestamp | None, str]:
        year = int(m.group(3))
        if len(m.group(3)) == 2:
            year += 2000 if year < 70 else 1900
        if a > 12 and b > 12:
            return None, f"date {text!r} not understood (neither part can be a month)"
        if a > 12:
            day, month, used = a, b, "dayfirst"
        elif b > 12:
            day, month, used = b, a, "monthfirst"
        else:
            used = order
            day, month = (a, b) if order == "dayfirst" else (b, a)
        try:
            ts = pd.Timestamp(year=year, month=month, day=day)
        except ValueError:
            return None, f"date {text!r} not understood (no such day)"
        rest = (m.group(4) or "").strip()
        note = ""
        if rest:
            t = _TIME.match(rest)
            if t is None:
                return None, f"date {text!r} not understood"
            try:
                ts = ts.replace(hour=int(t.group(1)), minute=int(t.group(2)), second=int(t.group(3) or 0))
            except ValueError:
                return None, f"date {text!r} not understood (no such time)"
        words = "day first" if used == "dayfirst" else "month first"
        if a == b or a > 12 or b > 12:
            if why == "given" and used != order:
                note = f"date {text!r} can only be {words}; read as {_long(ts)}, not in the order asked for"
            return ts, note
        if why == "assumed":
            note = (
                f"date {text!r} is ambiguous; read as {_long(ts)} (day first assumed: "
                "pass --monthfirst if the table is month first)"
            )
        elif why == "inferred":
            note = f"date {text!r} is ambiguous; read as {_long(ts)} ({words}, like the column's other dates)"
        elif why == "mixed":
            note = (
                f"date {text!r} is ambiguous and the column mixes day-first and month-first dates; "
                f"read as {_long(ts)} ({words}, the more common order)"
            )
        return ts, note


def _other(text: str) -> tuple[pd.Timestamp | None, str]:
    """ISO dates, dates with month names, anything else dateutil reads in full."""
    if not text:
        return None, ""
    if _ISO_DAY.match(text):
        try:
            return pd.Timestamp(text), ""
        except ValueError:
            return None, f"date {text!r} not understood (no such day)"
    from dateutil import parser as du

    if not _ISO.match(text) and not re.search(r"[A-Za-z]{3}", text):
        return None, f"date {text!r} not understood"
    try:
        first = du.parse(text, default=_EPOCH_A)
        second = du.parse(text, default=_EPOCH_B)
    except (ValueError, OverflowError):
        return None, f"date {text!r} not understood"
    if (first.year, first.month, first.day) != (second.year, second.month, second.day):
        return None, f"date {text!r} not understood (no full day, month and year)"
    # a time field missing from the text differs between the two defaults: it is zero
    hour, minute, sec = (
        (x if x == y else 0)
        for x, y in zip(
            (first.hour, first.minute, first.second), (second.hour, second.minute, second.second), strict=True
        )
    )
    return pd.Timestamp(first.replace(hour=hour, minute=minute, second=sec, microsecond=0, tzinfo=None)), ""
