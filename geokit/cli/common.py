"""What every ``geokit`` command shares: exit codes, the parser class, output checks.

Exit codes: 0 success; 1 partial (some rows unresolved, with ``--strict``);
2 usage or input error. Errors are one line on stderr; ``--debug`` shows the
traceback.
"""

from __future__ import annotations

import argparse
import sys
import textwrap
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from geokit.errors import InputError, OutputExists, printable

__all__ = [
    "EXIT_OK",
    "EXIT_PARTIAL",
    "EXIT_USAGE",
    "Parser",
    "check_distinct",
    "check_output",
    "common",
    "dask_client",
    "dask_roles",
    "date_options",
    "engine_options",
    "error_message",
    "say",
    "subparser",
]

EXIT_OK, EXIT_PARTIAL, EXIT_USAGE = 0, 1, 2


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose usage errors exit with code 2 in one line."""

    def error(self, message: str) -> None:  # type: ignore[override]
        """Exit with code 2 and a one-line message that points to ``--help``."""
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def say(args: argparse.Namespace, message: str) -> None:
    """Print a progress message on stderr unless ``--quiet`` was given."""
    if not getattr(args, "quiet", False):
        print(printable(message), file=sys.stderr)


def common(p: argparse.ArgumentParser) -> None:
    """Add ``--quiet`` and ``--debug``, which every command takes."""
    p.add_argument("-q", "--quiet", action="store_true", help="print nothing but errors")
    p.add_argument("--debug", action="store_true", help="show a traceback on errors")


def date_options(p: argparse.ArgumentParser) -> None:
    """Add ``--dayfirst`` / ``--monthfirst``: the order of numeric dates (default: inferred per column)."""
    group = p.add_mutually_exclusive_group()
    group.add_argument(
        "--dayfirst",
        dest="date_order",
        action="store_const",
        const="dayfirst",
        help="numeric dates are day first (31/01/2026); default: inferred from the column",
    )
    group.add_argument(
        "--monthfirst",
        dest="date_order",
        action="store_const",
        const="monthfirst",
        help="numeric dates are month first (01/31/2026)",
    )


def error_message(exc: BaseException) -> str:
    """Return the one line the command line prints for an error, in its own words.

    The library says how to do something in Python (``overwrite=True``); the
    command line names its flag instead.
    """
    if isinstance(exc, OutputExists):
        return f"{exc.path}: exists; pass --overwrite to replace it"
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__


def subparser(
    sub: Any, name: str, summary: str, example: str, func: Callable[[argparse.Namespace], int]
) -> argparse.ArgumentParser:
    """Add the command ``name`` with its summary, a worked example and the function that runs it."""
    p: argparse.ArgumentParser = sub.add_parser(
        name,
        help=summary,
        description=summary,
        epilog="example:\n" + textwrap.indent(example.strip(), "  "),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.set_defaults(func=func)
    return p


def check_output(path: Path, *, overwrite: bool) -> None:
    """Refuse to replace an existing file without ``--overwrite``, or to write into a missing folder."""
    if path.exists() and not overwrite:
        raise OutputExists(str(path))
    if not path.parent.exists():
        raise InputError("folder does not exist", path=str(path))


#: The flag of each column role; ``--column`` (``--place-column``) names the place.
ROLE_FLAGS = {
    "date": "--date-column",
    "event_type": "--type-column",
    "fatalities": "--fatalities-column",
    "description": "--description-column",
    "source": "--source-column",
    "source_url": "--url-column",
    "lat": "--lat-column",
    "lon": "--lon-column",
    "country": "--country-column",
    "admin1": "--admin1-column",
    "admin2": "--admin2-column",
    "id": "--id-column",
}


def role_flags(p: argparse.ArgumentParser, *, skip: tuple[str, ...] = ()) -> None:
    """Add ``--column``/``--place-column`` and one ``--<role>-column`` flag per column role.

    Parameters
    ----------
    p
        The command's parser.
    skip
        Roles whose flag the command adds itself.
    """
    g = p.add_argument_group(
        "columns",
        "Columns are recognised by common names, case-insensitively (place/location, date, "
        "event_type/type, fatalities/killed/deaths, url/link, latitude/longitude, province, district...); "
        "these flags name them instead. The command prints the columns it used.",
    )
    if "place" not in skip:
        g.add_argument(
            "--column", "--place-column", dest="column", help="column with place names (default: recognised)"
        )
    for role, flag in ROLE_FLAGS.items():
        if role in skip:
            continue
        g.add_argument(flag, dest=f"{role}_column", help=f"column with the {role.replace('_', ' ')}")


def named_roles(args: argparse.Namespace) -> dict[str, str | None]:
    """Return the column roles named on the command line, as ``{role: column}``."""
    named: dict[str, str | None] = {"place": getattr(args, "column", None)}
    for role in ROLE_FLAGS:
        named[role] = getattr(args, f"{role}_column", None)
    return {r: c for r, c in named.items() if c}


def say_roles(args: argparse.Namespace, roles: Any) -> None:
    """Print the column used for each role (stderr, unless ``--quiet``)."""
    say(args, f"columns: {roles.describe() or 'none recognised'}")


def country_code(text: str) -> str:
    """Parse ``--country``: an ISO 3166-1 alpha-2 code, any case (``pk`` -> ``PK``).

    Parameters
    ----------
    text
        The flag's value.

    Returns
    -------
    str
        The code in upper case.

    Raises
    ------
    argparse.ArgumentTypeError
        If it is not two letters.
    """
    code = text.strip().upper()
    if len(code) != 2 or not code.isascii() or not code.isalpha():
        raise argparse.ArgumentTypeError(f"expected a two-letter ISO 3166-1 code such as PK, got {text!r}")
    return code


def check_distinct(outputs: Sequence[Path], *, inputs: Sequence[str | Path] = ()) -> None:
    """Refuse, before any work, outputs that name the same file as each other or as an input.

    Parameters
    ----------
    outputs
        Every file the command will write.
    inputs
        Every file it reads.

    Raises
    ------
    InputError
        Naming the output that clashes.
    """
    taken = {Path(src).resolve(): "an input" for src in inputs}
    for out in outputs:
        real = out.resolve()
        if real in taken:
            raise InputError(f"is also {taken[real]}; give each output its own file name", path=str(out))
        taken[real] = "another output"


def engine_options(p: argparse.ArgumentParser) -> None:
    """Add ``--engine``, ``--workers`` and ``--scheduler`` (the Dask path, see docs/scale.md)."""
    g = p.add_argument_group("scaling out (needs: pip install 'geokit[dask]')")
    g.add_argument("--engine", choices=["single", "dask"], default="single", help="single process or Dask")
    g.add_argument("--workers", type=int, help="with --engine dask: start a local cluster of N processes")
    g.add_argument("--scheduler", help="with --engine dask: address of a running Dask scheduler")


def dask_client(args: argparse.Namespace) -> Any:
    """Open the Dask client the options name (a context manager)."""
    from geokit.scale import dask_client as client

    if args.workers is None and args.scheduler is None:
        raise InputError("--engine dask needs --workers N or --scheduler ADDRESS")
    return client(workers=args.workers, scheduler=args.scheduler)


def dask_roles(args: argparse.Namespace, columns: Any, where: str) -> Any:
    """Column roles of a Dask table's header: those named on the command line, the rest recognised."""
    from geokit.columns import find_roles

    roles = find_roles(list(columns), named_roles(args), where=where)
    if roles.place is None:
        raise InputError(
            "no place column (none named place, location, town...); name it with --column", path=where
        )
    return roles
