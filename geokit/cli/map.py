"""``geokit map``: resolve, join and map a CSV of incidents or an article."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

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

__all__ = ["register"]


def _bins(text: str) -> list[float]:
    try:
        return [float(x) for x in text.split(",") if x.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected numbers separated by commas, got {text!r}") from None


def _article_table(args: argparse.Namespace) -> Any:
    """Incident candidates of a news article, as a table the pipeline takes (coordinates given)."""
    from geokit.geoparse import incident_table
    from geokit.ingest import validate_incidents

    boundaries = args.boundaries if isinstance(args.boundaries, str) else None
    if boundaries and boundaries.strip().lower() == "auto":  # picked later, from the resolved places
        boundaries = None
    mentions, found = incident_table(args.input, boundaries=boundaries)
    for note in mentions.attrs.get("geokit", {}).get("notes", []):
        say(args, f"note: {note}")
    if found.empty:
        raise InputError("no incident places found in the article (nothing to map)", path=args.input)
    keep = ["place", "lat", "lon", "precision", "date", "event_type", "description", "fatalities", "source"]
    table = found[[c for c in keep if c in found.columns]].copy()
    place = args.column or "place"
    if place != "place":
        table = table.rename(columns={"place": place})
    for col in ("date", "fatalities"):
        if col in table.columns:
            table[col] = table[col].astype("string").fillna("")
    return validate_incidents(
        table.astype({c: "string" for c in table.columns if c not in ("lat", "lon", "precision")}),
        place_column=place,
        where=args.input,
    )


def _pipeline_dask(args: argparse.Namespace) -> Any:
    """Resolve, join and count on Dask; the map's incidents are then brought in."""
    from geokit.boundaries import load_boundaries
    from geokit.pipeline import PipelineResult
    from geokit.scale import aggregate_dask, incidents_dask, read_table_dask

    layer = load_boundaries(args.boundaries)
    with dask_client(args):
        table = read_table_dask(args.input)
        roles = dask_roles(args, table.columns, args.input)
        parts = incidents_dask(
            table,
            layer,
            place_column=roles.place,
            columns=named_roles(args),
            country=args.country,
            date_order=args.date_order,
            where=args.input,
        )
        parts = parts.persist()  # type: ignore[no-untyped-call]  # counted and brought in once
        aggregates = aggregate_dask(parts[parts["status"] == "resolved"], layer)
        incidents = parts.compute().reset_index(drop=True)  # type: ignore[no-untyped-call]
    return PipelineResult(incidents=incidents, aggregates=aggregates, boundaries=layer, columns=roles)


def _outputs(args: argparse.Namespace) -> list[Path]:
    """Return the files the command writes: the map, then the two GeoJSON files with ``--geojson``."""
    outputs = [Path(args.output)]
    if args.geojson:
        incidents = Path(args.geojson)
        districts = args.districts_geojson or incidents.with_name(incidents.stem + "-districts.geojson")
        outputs += [incidents, Path(districts)]
    return outputs


def _pipeline(args: argparse.Namespace, *, article: bool) -> Any:
    """Read the input (a news article or a table) and resolve, join and count it."""
    from geokit.columns import roles_of
    from geokit.ingest import read_incidents
    from geokit.pipeline import run_pipeline

    if args.engine == "dask" and not article:
        return _pipeline_dask(args)
    table = (
        _article_table(args)
        if article
        else read_incidents(args.input, columns=named_roles(args), date_order=args.date_order)
    )
    roles = roles_of(table)
    if args.value == "fatalities" and (roles is None or roles.fatalities is None):
        raise InputError(
            "--value fatalities needs a fatalities column (none named fatalities, killed, deaths...); "
            "name it with --fatalities-column",
            path=args.input,
        )
    return run_pipeline(
        table,
        columns=roles,
        country=args.country,
        boundaries=args.boundaries,
        progress=not args.quiet and sys.stderr.isatty(),
    )


def _write(args: argparse.Namespace, result: Any, outputs: list[Path]) -> None:
    """Write the map, and the incidents' and districts' GeoJSON with ``--geojson``."""
    from geokit.export import write_geojson
    from geokit.render import incident_map, save_map

    m = incident_map(
        result.incidents,
        result.aggregates,
        column=args.value,
        scheme=args.scheme,
        k=args.k,
        bins=args.bins,
        title=args.title or f"Incidents: {Path(args.input).name}",
        offline=args.offline,
        heat=args.heat,
        time_view=args.time_view,
        columns=result.columns,
    )
    save_map(m, outputs[0])
    if args.geojson:
        write_geojson(result.incidents, outputs[1])
        write_geojson(result.aggregates, outputs[2], id_column=None)


def _report(args: argparse.Namespace, result: Any, outputs: list[Path], *, article: bool) -> None:
    """Say which columns were used, what was written, and why each unresolved row is unresolved."""
    n, bad = result.n_rows, result.n_unresolved
    say_roles(args, result.columns)
    for note in result.incidents.attrs.get("geokit", {}).get("notes", []):
        if not article:  # an article's table is geokit's own: no user columns were renamed
            say(args, f"note: {note}")
    say(args, f"{n} rows: {n - bad} resolved, {bad} unresolved; map written to {outputs[0]}")
    if bad:
        for _, row in result.incidents[result.incidents["status"] != "resolved"].iterrows():
            say(args, f"  row {row['row']}: {row[result.columns.place]!r} unresolved: {row['reason']}")
    if args.geojson:
        say(args, f"GeoJSON written to {outputs[1]} and {outputs[2]}")


def _cmd_map(args: argparse.Namespace) -> int:
    outputs = _outputs(args)
    check_distinct(
        outputs, inputs=[args.input, *([args.boundaries] if Path(args.boundaries).is_file() else [])]
    )
    for path in outputs:
        check_output(path, overwrite=args.overwrite)
    article = Path(args.input).suffix.lower() in {".txt", ".text"}
    result = _pipeline(args, article=article)
    _write(args, result, outputs)
    _report(args, result, outputs, article=article)
    return EXIT_PARTIAL if (result.n_unresolved and args.strict) else EXIT_OK


def register(sub: Any) -> None:
    """Add ``geokit map`` to ``sub``, the ``geokit`` parser's subparsers (as every command does)."""
    p = subparser(
        sub,
        "map",
        "resolve, join and map a CSV of incidents as one standalone HTML file",
        """
geokit map examples/balochistan-2026-01-31.csv -o map.html \\
    --geojson incidents.geojson --boundaries PAK:ADM2
        """,
        _cmd_map,
    )
    p.add_argument("input", help="CSV with at least a place column, or a news article (.txt)")
    p.add_argument("-o", "--output", required=True, help="HTML file to write")
    p.add_argument("--geojson", help="also write incidents as RFC 7946 GeoJSON (and districts beside it)")
    p.add_argument(
        "--districts-geojson",
        help="where to write district aggregates (default: <geojson>-districts.geojson)",
    )
    p.add_argument(
        "--boundaries",
        default="PAK:ADM2",
        help="dataset name, boundary file, or auto (the incidents' country; default: PAK:ADM2, embedded)",
    )
    p.add_argument(
        "--country",
        type=country_code,
        help="ISO2 code of the country every row is in, e.g. PK (default: inferred)",
    )
    role_flags(p)
    p.add_argument(
        "--value",
        default="incidents",
        choices=["incidents", "fatalities", "incidents_per_1000km2"],
        help="what the choropleth shows",
    )
    p.add_argument(
        "--scheme",
        default="quantiles",
        help="quantiles, naturalbreaks, equalinterval, fisherjenks, userdefined",
    )
    p.add_argument("-k", type=int, default=5, help="number of classes (default 5)")
    p.add_argument("--bins", type=_bins, help="class upper bounds for --scheme userdefined, e.g. 1,5,10")
    p.add_argument("--title", help="map title")
    p.add_argument(
        "--offline",
        action="store_true",
        help="self-contained page: no request leaves it (run 'geokit assets fetch' once first)",
    )
    p.add_argument("--no-heat", dest="heat", action="store_false", help="leave out the heat-map layer")
    p.add_argument(
        "--time-view",
        dest="time_view",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="date slider with a choropleth per period (default: when incidents span several dates)",
    )
    p.add_argument("--overwrite", action="store_true", help="replace existing output files")
    p.add_argument("--strict", action="store_true", help="exit 1 when any row is unresolved")
    date_options(p)
    engine_options(p)
    common(p)
