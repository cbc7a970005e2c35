"""``geokit parse``: the places of a news report, their roles and the incidents."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from geokit.cli.common import EXIT_OK, check_output, common, say, subparser

__all__ = ["register"]


def _cmd_parse(args: argparse.Namespace) -> int:
    from geokit.export import csv_text, write_text_atomic
    from geokit.geoparse import incident_table

    if args.output:
        check_output(Path(args.output), overwrite=args.overwrite)
    mentions, found = incident_table(
        args.input, date=args.date, country=args.country, boundaries=args.boundaries
    )
    for note in mentions.attrs.get("geokit", {}).get("notes", []):
        say(args, f"note: {note}")
    table = mentions.drop(columns=["deaths"], errors="ignore")
    csv = csv_text(table)
    if args.output:
        write_text_atomic(Path(args.output), csv)
    elif not args.json:
        sys.stdout.write(csv)
    if args.json:
        print(
            json.dumps(
                {
                    "mentions": len(mentions),
                    "roles": {str(k): int(v) for k, v in mentions["role"].value_counts().items()},
                    "incidents": json.loads(found.to_json(orient="records")),
                    "notes": mentions.attrs.get("geokit", {}).get("notes", []),
                    "output": args.output,
                },
                indent=2,
            )
        )
    where = f"; written to {args.output}" if args.output else ""
    say(
        args,
        f"{len(mentions)} place mentions, {len(found)} incident candidates"
        + (": " + ", ".join(f"{r.place} ({r.date})" for r in found.itertuples()) if len(found) else "")
        + where,
    )
    return EXIT_OK


def register(sub: Any) -> None:
    """Add ``geokit parse`` to ``sub``, the ``geokit`` parser's subparsers (as every command does)."""
    p = subparser(
        sub,
        "parse",
        "find the places of a news report, their roles (incident/reference) and the incidents",
        """
geokit parse tests/data/articles/01-balochistan-coordinated-attacks.txt \\
    --boundaries PAK:ADM2 -o mentions.csv
        """,
        _cmd_parse,
    )
    p.add_argument("input", help="the article, plain text (a 'Date: YYYY-MM-DD' line is read)")
    p.add_argument("-o", "--output", help="CSV of mentions to write (default: stdout)")
    p.add_argument("--date", help="publication date YYYY-MM-DD (overrides the Date: line)")
    p.add_argument("--country", help="ISO2 code of the report's focus country, e.g. PK")
    p.add_argument("--boundaries", help="add admin1/admin2 from this layer (e.g. PAK:ADM2)")
    p.add_argument("--json", action="store_true", help="print a JSON summary with the incidents")
    p.add_argument("--overwrite", action="store_true", help="replace an existing output file")
    common(p)
