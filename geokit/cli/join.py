"""``geokit join``: admin names and P-codes for rows with coordinates."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from geokit.cli.common import (
    EXIT_OK,
    check_distinct,
    check_output,
    common,
    dask_client,
    engine_options,
    say,
    subparser,
)
from geokit.columns import find_roles
from geokit.errors import InputError

__all__ = ["register"]


def _cmd_join_dask(args: argparse.Namespace) -> int:
    from geokit.scale import join_dask, read_table_dask, write_table_dask

    with dask_client(args):
        table = read_table_dask(args.input)
        roles = find_roles(list(table.columns), {"lat": args.lat, "lon": args.lon}, where=args.input)
        if roles.lat is None or roles.lon is None:
            raise InputError(
                "no latitude/longitude columns; name them with --lat-column and --lon-column", path=args.input
            )
        joined = join_dask(table, args.boundaries, lat=roles.lat, lon=roles.lon)
        joined = joined.drop(columns=joined.geometry.name)
        written = write_table_dask(joined, args.output, overwrite=args.overwrite, count="join_status")
    done = written.counts
    say(
        args,
        f"{sum(done.values())} rows joined ({', '.join(f'{k}: {v}' for k, v in done.items())}); "
        f"written to {written.path}",
    )
    return EXIT_OK


def _cmd_join(args: argparse.Namespace) -> int:
    if args.engine == "dask":
        return _cmd_join_dask(args)
    import pandas as pd

    from geokit.boundaries import load_boundaries
    from geokit.export import write_csv
    from geokit.ingest import read_table
    from geokit.join import join_admin

    out = Path(args.output)
    check_distinct([out], inputs=[args.input])
    check_output(out, overwrite=args.overwrite)
    table = read_table(args.input)
    if table.empty:
        raise InputError("has a header but no data rows", path=args.input)
    roles = find_roles(table.columns, {"lat": args.lat, "lon": args.lon}, where=args.input)
    if roles.lat is None or roles.lon is None:
        raise InputError(
            "no latitude/longitude columns (none named lat, latitude, lon, lng, longitude); "
            f"name them with --lat-column and --lon-column; columns are: {', '.join(table.columns)}",
            path=args.input,
        )
    joined = join_admin(table, load_boundaries(args.boundaries), lat=roles.lat, lon=roles.lon)
    frame = pd.DataFrame(joined.drop(columns=joined.geometry.name))
    write_csv(frame, out)
    counts = frame["join_status"].value_counts().to_dict()
    say(args, f"columns: lat={roles.lat!r}, lon={roles.lon!r}")
    for note in joined.attrs.get("geokit", {}).get("notes", []):
        say(args, f"note: {note}")
    say(
        args,
        f"{len(frame)} rows joined ({', '.join(f'{k}: {v}' for k, v in counts.items())}); written to {out}",
    )
    return EXIT_OK


def register(sub: Any) -> None:
    """Add ``geokit join`` to ``sub``, the ``geokit`` parser's subparsers (as every command does)."""
    p = subparser(
        sub,
        "join",
        "add province and district names and P-codes to rows with lat/lon",
        "geokit join points.csv --boundaries PAK:ADM2 -o points-with-districts.csv",
        _cmd_join,
    )
    p.add_argument("input", help="CSV with latitude and longitude columns")
    p.add_argument("-o", "--output", required=True, help="CSV to write")
    p.add_argument("--boundaries", default="PAK:ADM2", help="dataset or boundary file (default: PAK:ADM2)")
    p.add_argument("--lat-column", "--lat", dest="lat", help="latitude column (default: recognised)")
    p.add_argument("--lon-column", "--lon", dest="lon", help="longitude column (default: recognised)")
    p.add_argument("--overwrite", action="store_true", help="replace an existing output file")
    engine_options(p)
    common(p)
