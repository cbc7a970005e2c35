"""``geokit explain``: the candidates for a place name and why the winner won."""

from __future__ import annotations

import argparse
import json
from typing import Any

from geokit.cli.common import EXIT_OK, common, subparser

__all__ = ["register"]


def _cmd_explain(args: argparse.Namespace) -> int:
    from geokit.resolve import explain

    result = explain(args.name, country=args.country, admin1=args.admin1, admin2=args.admin2)
    if args.json:
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2, default=str))
    else:
        print(str(result))
    return EXIT_OK


def register(sub: Any) -> None:
    """Add ``geokit explain`` to ``sub``, the ``geokit`` parser's subparsers (as every command does)."""
    p = subparser(
        sub,
        "explain",
        "show the candidates for a place name and why the winner won",
        'geokit explain "Noshki" --country PK',
        _cmd_explain,
    )
    p.add_argument("name", help="the place name")
    p.add_argument("--country", help="ISO2 country hint")
    p.add_argument("--admin1", help="province hint")
    p.add_argument("--admin2", help="district hint")
    p.add_argument("--json", action="store_true", help="print JSON")
    common(p)
