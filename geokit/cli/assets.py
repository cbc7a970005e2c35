"""``geokit assets``: fetch and list the JavaScript and CSS that offline maps inline."""

from __future__ import annotations

import argparse
from typing import Any

from geokit._assets import ASSETS, _cached, asset_dir, fetch_assets
from geokit.cli.common import EXIT_OK

__all__ = ["register"]


def _cmd_assets(args: argparse.Namespace) -> int:
    if args.action == "fetch":
        for name, folder in fetch_assets(args.names or None).items():
            if not getattr(args, "quiet", False):
                print(f"{ASSETS[name].key}: {folder} (sha512 verified)")
        return EXIT_OK
    for name, asset in ASSETS.items():
        state = "cached" if _cached(asset, asset_dir()) else "missing"
        print(f"{name}: {asset.key} {state} in {asset_dir() / asset.key}")
    return EXIT_OK


def register(sub: Any) -> None:
    """Add ``geokit assets`` to ``sub``, the ``geokit`` parser's subparsers (as every command does)."""
    summary = "fetch (once, from the npm registry) the JavaScript and CSS that offline maps inline"
    p: argparse.ArgumentParser = sub.add_parser(
        "assets",
        help=summary,
        description=summary,
        epilog="example:\n  geokit assets fetch\n  geokit map incidents.csv -o map.html --offline",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("action", choices=["fetch", "list"])
    p.add_argument("names", nargs="*", help=f"assets to fetch: {', '.join(ASSETS)} (default: all)")
    p.add_argument("-q", "--quiet", action="store_true", help="print nothing but errors")
    p.add_argument("--debug", action="store_true", help="show a traceback on errors")
    p.set_defaults(func=_cmd_assets)
