"""``geokit cache``: what geokit keeps in its cache folder, and clearing it."""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
from pathlib import Path
from typing import Any

from geokit.cli.common import EXIT_OK, common, say, subparser

__all__ = ["register"]

#: Cache sub-folders and what they hold (the data folder only when it lies inside the cache).
_FOLDERS = {
    "assets": "Leaflet and plugins for offline maps (geokit assets fetch)",
    "nominatim": "answers from Nominatim (--online)",
    "data": "downloaded boundary and GeoNames files",
}


def _size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def _mb(n: int) -> str:
    return f"{n / 1e6:,.1f} MB"


def _folders(cache: Path, data_dir: Path) -> list[Path]:
    out = []
    for name in _FOLDERS:
        p = cache / name
        if p.is_dir() and (name != "data" or p.resolve() == data_dir.resolve()):
            out.append(p)
    return out


def _cmd_cache(args: argparse.Namespace) -> int:
    from geokit.gazetteer import cached_indexes, remove_index
    from geokit.settings import get_settings

    s = get_settings()
    cache = s.cache_dir
    indexes = cached_indexes(cache) if cache.is_dir() else []
    folders = _folders(cache, s.data_dir) if cache.is_dir() else []
    if args.action == "info":
        total = 0
        print(f"cache folder: {cache} (GEOKIT_CACHE_DIR)")
        for i, c in enumerate(indexes):
            when = dt.datetime.fromtimestamp(c.last_used, tz=dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
            state = "most recent" if i == 0 else ("stale layout, rebuilt on use" if not c.current else "")
            print(f"  {c.path.name}  {_mb(c.size_bytes):>10}  last used {when}  {state}".rstrip())
            total += c.size_bytes
        if not indexes:
            print("  no gazetteer index (built on first use, one per set of sources)")
        for p in folders:
            n = _size(p)
            total += n
            print(f"  {p.name + '/':<32}  {_mb(n):>10}  {_FOLDERS[p.name]}")
        print(f"total: {_mb(total)}")
        return EXIT_OK
    freed = sum(remove_index(c.path) for c in indexes)
    removed = [c.path.name for c in indexes]
    if args.all:
        for p in folders:
            freed += _size(p)
            shutil.rmtree(p, ignore_errors=True)
            removed.append(p.name + "/")
    say(
        args,
        f"removed {len(removed)} item(s), {_mb(freed)} freed"
        + (f": {', '.join(removed)}" if removed else ""),
    )
    return EXIT_OK


def register(sub: Any) -> None:
    """Add the command to the subparsers of the ``geokit`` parser.

    Parameters
    ----------
    sub
        The object returned by ``ArgumentParser.add_subparsers``.
    """
    p = subparser(
        sub,
        "cache",
        "show or clear what geokit keeps in its cache folder (gazetteer indexes, assets, downloads)",
        """
geokit cache info
geokit cache clear          # the gazetteer indexes (rebuilt when next needed)
geokit cache clear --all    # also offline-map assets, Nominatim answers and downloads
        """,
        _cmd_cache,
    )
    p.add_argument("action", choices=["info", "clear"])
    p.add_argument("--all", action="store_true", help="with clear: remove assets, answers and downloads too")
    common(p)
