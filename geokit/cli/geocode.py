"""``geokit geocode``: resolve a column of place names to coordinates."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geokit.cli.common import (
    EXIT_OK,
    EXIT_PARTIAL,
    check_distinct,
    check_output,
    common,
    country_code,
    dask_client,
    dask_roles,
    date_options,
    engine_options,
    named_roles,
    role_flags,
    say,
    say_roles,
    subparser,
)
from geokit.errors import InputError

if TYPE_CHECKING:
    import geopandas as gpd
    import pandas as pd

__all__ = ["register"]


def _online(args: argparse.Namespace) -> Any:
    """Return the Nominatim fallback named by ``--online``/``--nominatim-url``, or ``None``."""
    if not args.online:
        return None
    import urllib.parse

    from geokit.geocoder import OnlineFallback

    url = urllib.parse.urlsplit(args.nominatim_url)
    return OnlineFallback(
        user_agent=args.user_agent, domain=url.netloc + url.path.rstrip("/"), scheme=url.scheme or "https"
    )


def _cmd_geocode_dask(args: argparse.Namespace) -> int:
    from geokit.scale import geocode_dask, read_table_dask, write_table_dask

    if args.online:
        raise InputError("--online is not available with --engine dask")
    with dask_client(args):
        table = read_table_dask(args.input)
        roles = dask_roles(args, table.columns, args.input)
        frame = geocode_dask(
            table,
            roles.place,
            country=args.country,
            country_column=roles.country,
            admin1_column=roles.admin1,
            admin2_column=roles.admin2,
            columns=named_roles(args),
            date_order=args.date_order,
            boundaries=args.boundaries,
            where=args.input,
        )
        written = write_table_dask(frame, args.output, overwrite=args.overwrite, count="status")
    out, statuses = written.path, written.counts
    rows, bad = sum(statuses.values()), sum(v for k, v in statuses.items() if k != "resolved")
    if args.json:
        print(json.dumps({"rows": rows, "resolved": rows - bad, "unresolved": bad, "output": str(out)}))
    say_roles(args, roles)
    say(args, f"{rows} rows: {rows - bad} resolved, {bad} unresolved; written to {out}")
    return EXIT_PARTIAL if (bad and args.strict) else EXIT_OK


def _cmd_geocode(args: argparse.Namespace) -> int:
    if args.engine == "dask":
        return _cmd_geocode_dask(args)

    from geokit._fs import atomic_write
    from geokit.columns import roles_of
    from geokit.export import csv_text
    from geokit.ingest import iter_incidents
    from geokit.pipeline import resolve_table_keys

    out = Path(args.output)
    check_distinct([out], inputs=[args.input])
    check_output(out, overwrite=args.overwrite)
    from geokit.boundaries import load_boundaries

    layer = None
    auto = (args.boundaries or "").strip().lower() == "auto"  # picked from the first chunk's countries
    if args.boundaries and not auto:
        layer = load_boundaries(args.boundaries)
    online = _online(args)
    rows = bad = 0
    first_roles = None
    resolutions: dict[Any, Any] = {}
    notes: list[str] = []
    with atomic_write(out, "w", newline="") as handle:
        # streamed chunk by chunk: a 200 MB table never sits in memory whole
        named = named_roles(args)
        for chunk in iter_incidents(
            args.input, chunksize=args.chunksize, columns=named, date_order=args.date_order
        ):
            roles = roles_of(chunk)
            if roles is None or roles.place is None:  # read_incidents always records them
                raise InputError("no place column; name it with --column", path=args.input)
            hints = {
                "country": args.country,
                "country_column": roles.country,
                "admin1_column": roles.admin1,
                "admin2_column": roles.admin2,
            }
            if rows == 0:
                first_roles = roles
                # every distinct place once, with the whole table as context (a first pass)
                chunks = iter_incidents(
                    args.input, chunksize=args.chunksize, columns=named, date_order=args.date_order
                )
                resolutions = resolve_table_keys(
                    chunks, roles.place, **hints, progress=not args.quiet and sys.stderr.isatty()
                )
            resolved, layer = _geocode_chunk(
                args, chunk, roles.place, hints, resolutions, online, layer, auto
            )
            if rows == 0:
                notes = resolved.attrs.get("geokit", {}).get("notes", [])
            handle.write(csv_text(resolved, header=rows == 0))
            rows += len(resolved)
            bad += int((resolved["status"] != "resolved").sum())
    if args.json:
        summary = {"rows": rows, "resolved": rows - bad, "unresolved": bad, "output": str(out)}
        print(json.dumps(summary))
    say_roles(args, first_roles)
    for note in notes:
        say(args, f"note: {note}")
    say(args, f"{rows} rows: {rows - bad} resolved, {bad} unresolved; written to {out}")
    return EXIT_PARTIAL if (bad and args.strict) else EXIT_OK


def _geocode_chunk(
    args: argparse.Namespace,
    chunk: pd.DataFrame,
    place: str,
    hints: dict[str, Any],
    resolutions: dict[Any, Any],
    online: Any,
    layer: gpd.GeoDataFrame | None,
    auto: bool,
) -> tuple[pd.DataFrame, gpd.GeoDataFrame | None]:
    """Resolve one chunk (from the first pass's answers), fill it online, join it to the layer.

    Returns the chunk's rows and the boundary layer, picked from this chunk when ``auto``
    and none was picked yet.
    """
    import pandas as pd

    from geokit.boundaries import load_boundaries
    from geokit.geocoder import fill_unresolved
    from geokit.join import join_admin
    from geokit.pipeline import resolve_keeping_input

    resolved = resolve_keeping_input(chunk, place, **hints, resolutions=resolutions)
    if online is not None:
        resolved = fill_unresolved(
            resolved, place, online, country=args.country, country_column=hints["country_column"]
        )
    if auto and layer is None:
        from geokit.pipeline import pick_boundaries

        given = pd.DataFrame({"country_hint": [args.country] * len(chunk)} if args.country else {})
        layer = load_boundaries(pick_boundaries(given, resolved))
    if layer is not None:
        joined = join_admin(resolved, layer)
        resolved = pd.DataFrame(joined.drop(columns=joined.geometry.name))
    return resolved, layer


def register(sub: Any) -> None:
    """Add ``geokit geocode`` to ``sub``, the ``geokit`` parser's subparsers (as every command does)."""
    p = subparser(
        sub,
        "geocode",
        "resolve a column of place names to coordinates",
        """
geokit geocode incidents.csv --column place --country PK \\
    --admin1-column province --boundaries PAK:ADM2 -o resolved.csv
        """,
        _cmd_geocode,
    )
    p.add_argument("input", help="CSV file")
    p.add_argument(
        "--country",
        type=country_code,
        help="ISO2 country code for every row, e.g. PK (default: inferred)",
    )
    role_flags(p)
    p.add_argument(
        "--boundaries",
        help="add adm1_name/adm2_name and P-codes from this layer (PAK:ADM2, or auto: the rows' country)",
    )
    p.add_argument("-o", "--output", required=True, help="CSV to write")
    p.add_argument("--overwrite", action="store_true", help="replace an existing output file")
    p.add_argument("--strict", action="store_true", help="exit 1 when any row is unresolved")
    p.add_argument("--json", action="store_true", help="print a JSON summary on stdout")
    p.add_argument("--chunksize", type=int, default=100_000, help="rows read at a time (default 100000)")
    p.add_argument(
        "--online", action="store_true", help="ask Nominatim for names the offline gazetteer lacks"
    )
    p.add_argument("--user-agent", help="identifies you to Nominatim (required with --online)")
    p.add_argument(
        "--nominatim-url",
        default="https://nominatim.openstreetmap.org",
        help="Nominatim server (with --online)",
    )
    date_options(p)
    engine_options(p)
    common(p)
