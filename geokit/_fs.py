"""Private file helpers: atomic writes with unpredictable temporary names.

Every file geokit writes (exports, maps, CSV outputs, downloads, the index
cache, the Nominatim and names caches) goes through :func:`atomic_write`: the
bytes land in a temporary file created with ``O_EXCL`` under a random name
(:func:`tempfile.mkstemp`) in the destination's folder, and only a complete
file is moved over the destination with :func:`os.replace`. A symlink planted
under a guessable name cannot redirect the write, and a failed or interrupted
write leaves nothing at the destination. Temporary names all end in
:data:`TEMP_SUFFIX`, so :func:`remove_stale_temporaries` can clean what a killed
process left behind.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

__all__ = [
    "TEMP_SUFFIX",
    "atomic_write",
    "default_file_mode",
    "remove_stale_temporaries",
    "write_bytes_atomic",
    "write_text_atomic",
]

#: Every temporary file geokit creates ends with this.
TEMP_SUFFIX = ".geokit-tmp"

#: A temporary file untouched for this long belongs to a process that died.
STALE_AFTER_SECONDS = 6 * 3600


def default_file_mode() -> int:
    """Return the mode a plain ``open()`` would give a new file (0o666 less the umask).

    Returns
    -------
    int
        Temporary files from :mod:`tempfile` are 0o600; files moved into place
        get this mode instead.
    """
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def temporary_path(dest: Path) -> Path:
    """Create an empty temporary file beside ``dest`` (exclusively, random name) and return its path.

    Parameters
    ----------
    dest
        The file it will replace.

    Returns
    -------
    Path
        The new, empty, 0o600 file; the caller removes or renames it.

    Raises
    ------
    OSError
        If the folder is missing or not writable.
    """
    fd, name = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=TEMP_SUFFIX, dir=dest.parent)
    os.close(fd)
    return Path(name)


@contextlib.contextmanager
def atomic_write(
    dest: Path, mode: str = "wb", *, encoding: str = "utf-8", newline: str | None = "\n"
) -> Iterator[IO[Any]]:
    """Open a temporary file for writing; on success it replaces ``dest``, on failure it is removed.

    Parameters
    ----------
    dest
        Final path. Its folder must exist.
    mode
        ``"wb"`` or ``"w"``.
    encoding, newline
        For text mode.

    Yields
    ------
    file object
        Write to it; nothing reaches ``dest`` until the block ends without error.

    Raises
    ------
    OSError
        If the folder is missing or not writable, or the write fails (disk full).
    """
    dest = Path(dest)
    fd, name = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=TEMP_SUFFIX, dir=dest.parent or Path())
    tmp = Path(name)
    try:
        if mode == "wb":
            handle: IO[Any] = os.fdopen(fd, "wb")
        else:
            handle = os.fdopen(fd, "w", encoding=encoding, newline=newline)
        with handle:
            yield handle
        tmp.chmod(default_file_mode())
        tmp.replace(dest)
    finally:
        tmp.unlink(missing_ok=True)


def write_bytes_atomic(dest: Path, data: bytes) -> None:
    """Write ``data`` to ``dest`` atomically (see :func:`atomic_write`).

    Parameters
    ----------
    dest
        Final path.
    data
        The bytes.
    """
    with atomic_write(dest, "wb") as handle:
        handle.write(data)


def write_text_atomic(dest: Path, text: str, *, encoding: str = "utf-8") -> None:
    """Write ``text`` to ``dest`` atomically (see :func:`atomic_write`), with line ends kept as given.

    Parameters
    ----------
    dest
        Final path.
    text
        The text.
    encoding
        Its encoding.
    """
    with atomic_write(dest, "w", encoding=encoding, newline="") as handle:
        handle.write(text)


def remove_stale_temporaries(folder: Path, *, older_than: float = STALE_AFTER_SECONDS) -> list[Path]:
    """Remove temporary files a killed process left in ``folder``.

    Only geokit's own temporaries (hidden names ending in :data:`TEMP_SUFFIX`,
    plus the ``.tmp`` names older versions used for index files) not modified
    for ``older_than`` seconds are removed: a running build keeps writing to
    its file, so its mtime stays fresh.

    Parameters
    ----------
    folder
        The cache folder.
    older_than
        Age in seconds.

    Returns
    -------
    list of Path
        The files removed.
    """
    removed: list[Path] = []
    now = time.time()
    patterns = (f".*{TEMP_SUFFIX}", ".gazetteer-*.sqlite.*.tmp", "gazetteer-*.sqlite.*.tmp")
    seen: set[Path] = set()
    for pattern in patterns:
        for path in folder.glob(pattern):
            if path in seen or path.is_symlink() or not path.is_file():
                continue
            seen.add(path)
            try:
                if now - path.stat().st_mtime < older_than:
                    continue
                path.unlink()
            except OSError:
                continue
            removed.append(path)
    return removed
