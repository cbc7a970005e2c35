"""One exception hierarchy for geokit.

Every error geokit raises on purpose derives from :class:`GeokitError`; each
subclass also inherits the builtin exception it resembles, so callers that
already catch ``ValueError`` or ``LookupError`` keep working.
"""

from __future__ import annotations

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
    "printable",
]


def printable(text: str) -> str:
    """Escape control and bidi-override characters so a message cannot drive the terminal.

    Parameters
    ----------
    text
        Any text, e.g. a message quoting a CSV header.

    Returns
    -------
    str
        The text with each such character written as a backslash escape (as in a Python string literal).
    """
    return "".join(
        ch if ch.isprintable() or ch == " " else ch.encode("unicode_escape").decode("ascii") for ch in text
    )


class GeokitError(Exception):
    """Root of every error geokit raises on purpose."""


class InputError(GeokitError, ValueError):
    """User input (a table, a file, an option) cannot be used as given.

    Parameters
    ----------
    message
        What is wrong, in one line.
    path
        The file the problem is in, when there is one.
    row
        The 1-based data row number, when the problem is in one row.
    """

    def __init__(self, message: str, *, path: str | None = None, row: int | None = None) -> None:
        self.path = path
        self.row = row
        where = ""
        if path is not None:
            where = f"{path}"
            if row is not None:
                where += f", row {row}"
            where += ": "
        super().__init__(printable(f"{where}{message}"))


class OutputExists(InputError):
    """An output file is already there and the call did not ask to replace it (``overwrite=True``).

    Parameters
    ----------
    path
        The file that exists.
    """

    def __init__(self, path: str) -> None:
        super().__init__("exists; pass overwrite=True to replace it", path=path)


class BoundaryError(InputError):
    """A boundary file cannot be read, has no usable CRS, or lacks name columns."""


class DataError(GeokitError, OSError):
    """A named dataset is unknown, missing from every source, or corrupt."""


class DownloadError(DataError):
    """A download failed (network, HTTP status, unsafe archive)."""


class ChecksumError(DataError):
    """A downloaded or mirrored file does not match its published sha256."""


class DependencyError(GeokitError, ImportError):
    """An optional dependency needed for this feature is not installed."""


class PlaceNotFound(GeokitError, LookupError):
    """A place name could not be resolved."""


class RateLimited(GeokitError):
    """An online service asked us to slow down.

    Parameters
    ----------
    message
        What the service said.
    retry_after
        Seconds the service asked us to wait, when it said.
    """

    def __init__(self, message: str, *, retry_after: float | None = None) -> None:
        self.retry_after = retry_after
        super().__init__(message)
