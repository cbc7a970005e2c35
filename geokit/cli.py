"""The ``geokit`` command line.

Exit codes: 0 success; 1 partial (some rows unresolved, with ``--strict``);
2 usage or input error. Errors are one line on stderr; ``--debug`` shows the
traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from geokit.errors import GeokitError, InputError

__all__ = ["main"]

EXIT_OK, EXIT_PARTIAL, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose usage errors exit with code 2 in one line."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def _say(args: argparse.Namespace, message: str) -> None:
    if not getattr(args, "quiet", False):
        print(message, file=sys.stderr)


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("-q", "--quiet", action="store_true", help="print nothing but errors")
    p.add_argument("--debug", action="store_true", help="show a traceback on errors")


def _subparser(
    sub: Any, name: str, summary: str, example: str, func: Callable[[argparse.Namespace], int]
) -> argparse.ArgumentParser:
    p: argparse.ArgumentParser = sub.add_parser(
        name,
        help=summary,
        description=summary,
        epilog="example:\n" + textwrap.indent(example.strip(), "  "),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.set_defaults(func=func)
    return p


def _engine_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("scaling out (needs: pip install 'geokit[dask]')")
    g.add_argument("--engine", choices=["single", "dask"], default="single", help="single process or Dask")
    g.add_argument("--workers", type=int, help="with --engine dask: start a local cluster of N processes")
    g.add_argument("--scheduler", help="with --engine dask: address of a running Dask scheduler")


def _dask_client(args: argparse.Namespace) -> Any:
    from geokit.scale import dask_client

    if args.workers is None and args.scheduler is None:
        raise InputError("--engine dask needs --workers N or --scheduler ADDRESS")
    return dask_client(workers=args.workers, scheduler=args.scheduler)


def _check_output(path: Path, *, overwrite: bool) -> None:
    if path.exists() and not overwrite:
        raise InputError("exists; pass --overwrite to replace it", path=str(path))
    if not path.parent.exists():
        raise InputError("folder does not exist", path=str(path))


# ---------------------------------------------------------------- map
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
    mentions, found = incident_table(args.input, boundaries=boundaries)
    for note in mentions.attrs.get("geokit", {}).get("notes", []):
        _say(args, f"note: {note}")
    if found.empty:
        raise InputError("no incident places found in the article (nothing to map)", path=args.input)
    keep = ["place", "lat", "lon", "precision", "date", "event_type", "description", "fatalities", "source"]
    table = found[[c for c in keep if c in found.columns]].copy()
    if args.column != "place":
        table = table.rename(columns={"place": args.column})
    for col in ("date", "fatalities"):
        if col in table.columns:
            table[col] = table[col].astype("string").fillna("")
    return validate_incidents(
        table.astype({c: "string" for c in table.columns if c not in ("lat", "lon", "precision")}),
        place_column=args.column,
        where=args.input,
    )


def _pipeline_dask(args: argparse.Namespace) -> Any:
    """Resolve, join and count on Dask; the map's incidents are then brought in."""
    from geokit.boundaries import load_boundaries
    from geokit.pipeline import PipelineResult
    from geokit.scale import aggregate_dask, incidents_dask, read_table_dask

    layer = load_boundaries(args.boundaries)
    with _dask_client(args):
        parts = incidents_dask(read_table_dask(args.input), layer, place_column=args.column, where=args.input)
        parts = parts.persist()  # type: ignore[no-untyped-call]  # counted and brought in once
        aggregates = aggregate_dask(parts[parts["status"] == "resolved"], layer)
        incidents = parts.compute().reset_index(drop=True)  # type: ignore[no-untyped-call]
    return PipelineResult(incidents=incidents, aggregates=aggregates, boundaries=layer)


def _cmd_map(args: argparse.Namespace) -> int:
    from geokit.export import write_geojson
    from geokit.ingest import read_incidents
    from geokit.pipeline import run_pipeline
    from geokit.render import incident_map, save_map

    out = Path(args.output)
    outputs = [out]
    if args.geojson:
        outputs.append(Path(args.geojson))
        districts = (
            Path(args.districts_geojson)
            if args.districts_geojson
            else (Path(args.geojson).with_name(Path(args.geojson).stem + "-districts.geojson"))
        )
        outputs.append(districts)
    for path in outputs:
        _check_output(path, overwrite=args.overwrite)

    article = Path(args.input).suffix.lower() in {".txt", ".text"}
    if args.engine == "dask" and not article:
        result = _pipeline_dask(args)
    else:
        table = _article_table(args) if article else read_incidents(args.input, place_column=args.column)
        result = run_pipeline(
            table,
            place_column=args.column,
            boundaries=args.boundaries,
            progress=not args.quiet and sys.stderr.isatty(),
        )
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
    )
    save_map(m, out)
    if args.geojson:
        write_geojson(result.incidents, outputs[1])
        write_geojson(result.aggregates, outputs[2], id_column=None)
    n, bad = result.n_rows, result.n_unresolved
    _say(args, f"{n} rows: {n - bad} resolved, {bad} unresolved; map written to {out}")
    if bad:
        for _, row in result.incidents[result.incidents["status"] != "resolved"].iterrows():
            _say(args, f"  row {row['row']}: {row[args.column]!r} unresolved: {row['reason']}")
    if args.geojson:
        _say(args, f"GeoJSON written to {outputs[1]} and {outputs[2]}")
    return EXIT_PARTIAL if (bad and args.strict) else EXIT_OK


# ---------------------------------------------------------------- geocode
_ONLINE_PRECISION = {
    "city": 1,
    "town": 1,
    "village": 1,
    "hamlet": 1,
    "suburb": 1,
    "neighbourhood": 1,
    "quarter": 1,
    "county": 3,
    "state_district": 3,
    "state": 3,
    "district": 3,
    "province": 3,
    "country": 3,
}


def _fill_online(frame: Any, args: argparse.Namespace, online: Any) -> None:
    """Ask Nominatim (cached, rate-limited) for the rows the offline gazetteer left unresolved."""
    for idx in frame.index[frame["status"] != "resolved"]:
        name = str(frame.at[idx, args.column]).strip()
        if not name:
            continue
        country = args.country
        if args.country_column:
            country = str(frame.at[idx, args.country_column]).strip() or country
        loc = online.geocode(name, country=country)
        if loc is None:
            frame.at[idx, "reason"] = f"{frame.at[idx, 'reason']}; Nominatim found nothing either"
            continue
        kind = str(loc.raw.get("addresstype") or loc.raw.get("type") or "")
        frame.at[idx, "lat"] = loc.latitude
        frame.at[idx, "lon"] = loc.longitude
        frame.at[idx, "precision"] = _ONLINE_PRECISION.get(kind, 2)
        frame.at[idx, "status"] = "resolved"
        frame.at[idx, "source"] = "nominatim"
        frame.at[idx, "match_name"] = loc.address
        frame.at[idx, "reason"] = (
            f"not in the offline gazetteer; found online by Nominatim ({kind or 'place'})"
        )


def _cmd_geocode_dask(args: argparse.Namespace) -> int:
    from geokit.scale import geocode_dask, read_table_dask, write_table_dask

    if args.online:
        raise InputError("--online is not available with --engine dask")
    with _dask_client(args):
        frame = geocode_dask(
            read_table_dask(args.input),
            args.column,
            country=args.country,
            country_column=args.country_column,
            admin1_column=args.admin1_column,
            admin2_column=args.admin2_column,
            boundaries=args.boundaries,
            where=args.input,
        )
        written = write_table_dask(frame, args.output, overwrite=args.overwrite, count="status")
    out, statuses = written.path, written.counts
    rows, bad = sum(statuses.values()), sum(v for k, v in statuses.items() if k != "resolved")
    if args.json:
        print(json.dumps({"rows": rows, "resolved": rows - bad, "unresolved": bad, "output": str(out)}))
    _say(args, f"{rows} rows: {rows - bad} resolved, {bad} unresolved; written to {out}")
    return EXIT_PARTIAL if (bad and args.strict) else EXIT_OK


def _cmd_geocode(args: argparse.Namespace) -> int:
    import os

    if args.engine == "dask":
        return _cmd_geocode_dask(args)
    import tempfile
    import urllib.parse

    import pandas as pd

    from geokit._http import default_file_mode
    from geokit.ingest import iter_incidents
    from geokit.join import join_admin
    from geokit.pipeline import resolve_keeping_input, resolve_table_keys

    out = Path(args.output)
    _check_output(out, overwrite=args.overwrite)
    layer = None
    if args.boundaries:
        from geokit.boundaries import load_boundaries

        layer = load_boundaries(args.boundaries)
    online = None
    if args.online:
        from geokit.geocoder import OnlineFallback

        url = urllib.parse.urlsplit(args.nominatim_url)
        online = OnlineFallback(
            user_agent=args.user_agent, domain=url.netloc + url.path.rstrip("/"), scheme=url.scheme or "https"
        )
    fd, tmp_name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
    tmp = Path(tmp_name)
    rows = bad = 0
    hints = {
        "country": args.country,
        "country_column": args.country_column,
        "admin1_column": args.admin1_column,
        "admin2_column": args.admin2_column,
    }
    progress = not args.quiet and sys.stderr.isatty()
    resolutions: dict[Any, Any] = {}
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            # streamed chunk by chunk: a 200 MB table never sits in memory whole
            for chunk in iter_incidents(args.input, place_column=args.column, chunksize=args.chunksize):
                if rows == 0:
                    for opt in ("country_column", "admin1_column", "admin2_column"):
                        col = getattr(args, opt)
                        if col and col not in chunk.columns:
                            raise InputError(
                                f"no column {col!r} (--{opt.replace('_', '-')}); columns are: "
                                f"{', '.join(c for c in chunk.columns if c != 'row')}",
                                path=args.input,
                            )
                    # every distinct place once, with the whole table as context (a first pass)
                    chunks = iter_incidents(args.input, place_column=args.column, chunksize=args.chunksize)
                    resolutions = resolve_table_keys(chunks, args.column, **hints, progress=progress)
                resolved = resolve_keeping_input(chunk, args.column, **hints, resolutions=resolutions)
                if online is not None:
                    _fill_online(resolved, args, online)
                if layer is not None:
                    joined = join_admin(resolved, layer)
                    resolved = pd.DataFrame(joined.drop(columns=joined.geometry.name))
                    resolved = resolved.rename(columns={"adm1_name": "admin1", "adm2_name": "admin2"})
                resolved.to_csv(handle, index=False, header=rows == 0)
                rows += len(resolved)
                bad += int((resolved["status"] != "resolved").sum())
        tmp.chmod(default_file_mode())
        tmp.replace(out)
    finally:
        tmp.unlink(missing_ok=True)
    if args.json:
        summary = {"rows": rows, "resolved": rows - bad, "unresolved": bad, "output": str(out)}
        print(json.dumps(summary))
    _say(args, f"{rows} rows: {rows - bad} resolved, {bad} unresolved; written to {out}")
    return EXIT_PARTIAL if (bad and args.strict) else EXIT_OK


# ---------------------------------------------------------------- explain
def _cmd_explain(args: argparse.Namespace) -> int:
    from geokit.resolve import explain

    result = explain(args.name, country=args.country, admin1=args.admin1, admin2=args.admin2)
    if args.json:
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2, default=str))
    else:
        print(str(result))
    return EXIT_OK


# ---------------------------------------------------------------- export
def _layers_for(args: argparse.Namespace) -> dict[str, Any]:
    """Incidents, unresolved rows and district aggregates from a CSV; one layer from a vector file."""
    import geopandas as gpd

    from geokit.ingest import read_incidents
    from geokit.pipeline import run_pipeline

    src = Path(args.input)
    if src.suffix.lower() in {".csv", ".tsv", ".txt"}:
        table = read_incidents(src, place_column=args.column)
        result = run_pipeline(table, place_column=args.column, boundaries=args.boundaries)
        incidents = result.incidents
        unresolved = incidents[incidents["status"] != "resolved"]
        n, bad = result.n_rows, result.n_unresolved
        _say(args, f"{n} rows: {n - bad} resolved, {bad} unresolved")
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
    check_destination(args.output, names, overwrite=args.overwrite)
    layers = _layers_for(args)
    written = export_layers(layers, args.output, overwrite=args.overwrite)
    if args.json:
        print(
            json.dumps(
                {"written": [str(p) for p in written], "layers": {k: len(v) for k, v in layers.items()}}
            )
        )
    _say(args, "written: " + ", ".join(str(p) for p in written))
    return EXIT_OK


# ---------------------------------------------------------------- join
def _cmd_join(args: argparse.Namespace) -> int:
    import pandas as pd

    if args.engine == "dask":
        from geokit.scale import join_dask, read_table_dask, write_table_dask

        with _dask_client(args):
            joined = join_dask(read_table_dask(args.input), args.boundaries, lat=args.lat, lon=args.lon)
            joined = joined.drop(columns=joined.geometry.name)
            written = write_table_dask(joined, args.output, overwrite=args.overwrite, count="join_status")
        done = written.counts
        _say(
            args,
            f"{sum(done.values())} rows joined ({', '.join(f'{k}: {v}' for k, v in done.items())}); "
            f"written to {written.path}",
        )
        return EXIT_OK

    from geokit.boundaries import load_boundaries
    from geokit.export import write_text_atomic
    from geokit.ingest import read_table
    from geokit.join import join_admin

    out = Path(args.output)
    _check_output(out, overwrite=args.overwrite)
    table = read_table(args.input)
    if table.empty:
        raise InputError("has a header but no data rows", path=args.input)
    for col in (args.lat, args.lon):
        if col not in table.columns:
            raise InputError(f"no column {col!r}; columns are: {', '.join(table.columns)}", path=args.input)
    joined = join_admin(table, load_boundaries(args.boundaries), lat=args.lat, lon=args.lon)
    frame = pd.DataFrame(joined.drop(columns=joined.geometry.name))
    write_text_atomic(out, frame.to_csv(index=False))
    counts = frame["join_status"].value_counts().to_dict()
    _say(
        args,
        f"{len(frame)} rows joined ({', '.join(f'{k}: {v}' for k, v in counts.items())}); written to {out}",
    )
    return EXIT_OK


# ---------------------------------------------------------------- data
def _cmd_data(args: argparse.Namespace) -> int:
    import dataclasses

    from geokit import data
    from geokit.settings import get_settings

    if args.action == "list":
        rows = [
            {
                "name": d.key,
                "aliases": list(d.aliases),
                "title": d.title,
                "licence": d.licence,
                "attribution": d.attribution,
            }
            for d in data.datasets()
        ]
        if args.json:
            print(json.dumps(rows, indent=2))
        else:
            for r in rows:
                alias = f" (= {', '.join(r['aliases'])})" if r["aliases"] else ""
                print(f"{r['name']}{alias}\n    {r['title']}\n    licence: {r['licence']}")
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


def _build() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="geokit",
        description="Turn reports of violent incidents into maps people can trust.",
        epilog="Run 'geokit COMMAND --help' for a worked example of each command.",
    )
    from geokit import __version__

    parser.add_argument("--version", action="version", version=f"geokit {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    p = _subparser(
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
        "--boundaries", default="PAK:ADM2", help="dataset name or boundary file (default: PAK:ADM2)"
    )
    p.add_argument("--column", default="place", help="column with place names (default: place)")
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
    _engine_options(p)
    _common(p)

    p = _subparser(
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
    p.add_argument("--column", default="place", help="column with place names")
    p.add_argument("--country", help="ISO2 country code for every row, e.g. PK")
    p.add_argument("--country-column", help="column with a country per row")
    p.add_argument("--admin1-column", help="column with a province hint per row")
    p.add_argument("--admin2-column", help="column with a district hint per row")
    p.add_argument("--boundaries", help="also add admin1/admin2 from this layer (e.g. PAK:ADM2)")
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
    _engine_options(p)
    _common(p)

    p = _subparser(
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
    _common(p)

    p = _subparser(
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
    p.add_argument("--column", default="place", help="for CSV input: column with place names")
    p.add_argument("--overwrite", action="store_true", help="replace existing output files")
    p.add_argument("--json", action="store_true", help="print a JSON summary on stdout")
    _common(p)

    p = _subparser(
        sub,
        "join",
        "add province and district names and P-codes to rows with lat/lon",
        "geokit join points.csv --boundaries PAK:ADM2 -o points-with-districts.csv",
        _cmd_join,
    )
    p.add_argument("input", help="CSV with latitude and longitude columns")
    p.add_argument("-o", "--output", required=True, help="CSV to write")
    p.add_argument("--boundaries", default="PAK:ADM2", help="dataset or boundary file (default: PAK:ADM2)")
    p.add_argument("--lat", default="lat", help="latitude column (default: lat)")
    p.add_argument("--lon", default="lon", help="longitude column (default: lon)")
    p.add_argument("--overwrite", action="store_true", help="replace an existing output file")
    _engine_options(p)
    _common(p)

    from geokit._assets import register_assets_command

    register_assets_command(sub)
    from geokit.geoparse import register_parse_command

    register_parse_command(sub)

    p = _subparser(
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
    _common(p)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``geokit`` command line.

    Parameters
    ----------
    argv
        Arguments without the program name; ``sys.argv[1:]`` by default.

    Returns
    -------
    int
        The exit code.
    """
    parser = _build()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return int(args.func(args))
    except (GeokitError, OSError, ValueError) as exc:
        if args.debug:
            raise
        message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        print(f"geokit: error: {message}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:  # pragma: no cover
        print("geokit: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
