"""``geokit export``: incidents, unresolved rows and district counts to GIS formats."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from geokit.cli.common import (
    EXIT_OK,
    check_distinct,
    common,
    country_code,
    date_options,
    named_roles,
    role_flags,
    say,
    say_roles,
    subparser,
)
from geokit.errors import InputError

__all__ = ["register"]


def _layers_for(args: argparse.Namespace) -> dict[str, Any]:
    """Incidents, unresolved rows and district aggregates from a CSV; one layer from a vector file."""
    import geopandas as gpd

    from geokit.columns import roles_of
    from geokit.ingest import read_incidents
    from geokit.pipeline import run_pipeline

    src = Path(args.input)
    if src.suffix.lower() in {".csv", ".tsv", ".txt"}:
        table = read_incidents(src, columns=named_roles(args), date_order=args.date_order)
        result = run_pipeline(
            table, columns=roles_of(table), country=args.country, boundaries=args.boundaries
        )
        incidents = result.incidents
        unresolved = incidents[incidents["status"] != "resolved"]
        n, bad = result.n_rows, result.n_unresolved
        say_roles(args, result.columns)
        for note in result.incidents.attrs.get("geokit", {}).get("notes", []):
            say(args, f"note: {note}")
        say(args, f"{n} rows: {n - bad} resolved, {bad} unresolved")
        return {"incidents": incidents, "unresolved": unresolved, "districts": result.aggregates}
    try:
        layer = gpd.read_file(src)
    except Exception as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise InputError(f"cannot read as CSV or vector file ({first})", path=str(src)) from None
    return {src.stem: layer}


def _cmd_export(args: argparse.Namespace) -> int:
    from geokit.export import check_destination, export_layers

    if not Path(args.input).exists():
        raise InputError("file not found", path=args.input)
    # an unknown format, a bad folder or an existing file fail before any work
    is_table = Path(args.input).suffix.lower() in {".csv", ".tsv", ".txt"}
    names = ["incidents", "unresolved", "districts"] if is_table else [Path(args.input).stem]
    targets = check_destination(args.output, names, overwrite=args.overwrite)
    check_distinct(list(targets.values()), inputs=[args.input])
    layers = _layers_for(args)
    written = export_layers(layers, args.output, overwrite=args.overwrite)
    if args.json:
        print(
            json.dumps(
                {"written": [str(p) for p in written], "layers": {k: len(v) for k, v in layers.items()}}
            )
        )
    say(args, "written: " + ", ".join(str(p) for p in written))
    return EXIT_OK


def register(sub: Any) -> None:
    """Add ``geokit export`` to ``sub``, the ``geokit`` parser's subparsers (as every command does)."""
    p = subparser(
        sub,
        "export",
        "export incidents, unresolved rows and district counts to GIS formats",
        """
geokit export examples/balochistan-2026-01-31.csv -o incidents.gpkg
geokit export incidents.geojson -o incidents.shp --overwrite
        """,
        _cmd_export,
    )
    p.add_argument("input", help="incident CSV (resolved and joined first) or any vector file")
    p.add_argument("-o", "--output", required=True, help="output .geojson, .gpkg, .shp, .csv or .parquet")
    p.add_argument("--boundaries", default="PAK:ADM2", help="for CSV input: dataset or boundary file")
    p.add_argument(
        "--country",
        type=country_code,
        help="for CSV input: ISO2 code of the country of every row (default: inferred)",
    )
    role_flags(p)
    p.add_argument("--overwrite", action="store_true", help="replace existing output files")
    p.add_argument("--json", action="store_true", help="print a JSON summary on stdout")
    date_options(p)
    common(p)
