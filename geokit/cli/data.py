"""``geokit data``: list, fetch and verify named datasets."""

from __future__ import annotations

import argparse
import json
from typing import Any

from geokit.cli.common import EXIT_OK, common, subparser
from geokit.errors import InputError

__all__ = ["register"]


def _cmd_data(args: argparse.Namespace) -> int:
    import dataclasses

    from geokit import data
    from geokit.settings import get_settings

    if args.action == "list":
        rows = data.listing()
        if args.json:
            print(json.dumps(rows, indent=2))
        else:
            for r in rows:
                alias = f" (= {', '.join(r['aliases'])})" if r["aliases"] else ""
                print(
                    f"{r['name']}{alias} [{r['status']}]\n    {r['title']}\n    licence: {r['licence']}"
                    f"\n    attribution: {r['attribution']}"
                )
        return EXIT_OK
    if not args.names:
        raise InputError(f"'geokit data {args.action}' needs at least one dataset name")
    settings = get_settings()
    if args.action == "verify":  # check what is here; never download
        settings = dataclasses.replace(settings, allow_download=False)
    for name in args.names:
        path = data.fetch(name, settings=settings, sha256=args.sha256, trust_new=args.trust_new)
        print(f"{data.dataset(name).key}: {path} (sha256 verified)")
    return EXIT_OK


def register(sub: Any) -> None:
    """Add ``geokit data`` to ``sub``, the ``geokit`` parser's subparsers (as every command does)."""
    p = subparser(
        sub,
        "data",
        "list, fetch and verify named datasets and their licences",
        """
geokit data list
GEOKIT_DATA_MIRROR=../shared/geodata geokit data verify PAK:ADM2
        """,
        _cmd_data,
    )
    p.add_argument("action", choices=["list", "fetch", "verify"])
    p.add_argument("names", nargs="*", help="dataset names (fetch/verify)")
    p.add_argument("--sha256", help="expected sha256, for datasets without a pinned one")
    p.add_argument("--trust-new", action="store_true", help="record the digest of an unpinned download")
    p.add_argument("--json", action="store_true", help="print JSON (list)")
    common(p)
