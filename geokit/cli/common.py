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

from geokit.errors import InputError, printable

__all__ = [
    "EXIT_OK",
    "EXIT_PARTIAL",
    "EXIT_USAGE",
    "Parser",
    "check_distinct",
    "check_output",
    "common",
    "date_options",
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
        raise InputError("exists; pass --overwrite to replace it", path=str(path))
    if not path.parent.exists():
        raise InputError("folder does not exist", path=str(path))


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
