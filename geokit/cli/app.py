"""The ``geokit`` command line: one module per command, each adding itself with ``register``.

Exit codes: 0 success; 1 partial (some rows unresolved, with ``--strict``);
2 usage or input error. Errors are one line on stderr; ``--debug`` shows the
traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from geokit.cli import assets, cache, data, explain, export, geocode, join, parse
from geokit.cli import map as map_command
from geokit.cli.common import EXIT_USAGE, Parser, error_message
from geokit.errors import GeokitError, printable

__all__ = ["COMMANDS", "main"]

#: The commands, in the order ``geokit --help`` lists them.
COMMANDS = (map_command, geocode, explain, export, join, assets, parse, data, cache)


def _geoparser_build() -> str:
    """Return "compiled" when the geoparser's modules are C extensions (``setup.py``), else "Python".

    Read from the installed files, without importing the geoparser: ``--version`` stays quick.
    """
    import importlib.machinery
    from pathlib import Path

    import geokit

    here = Path(geokit.__file__).parent / "geoparse"
    compiled = any((here / f"matcher{suffix}").exists() for suffix in importlib.machinery.EXTENSION_SUFFIXES)
    return "compiled" if compiled else "Python"


def _build() -> argparse.ArgumentParser:
    parser = Parser(
        prog="geokit",
        description="Turn reports of violent incidents into maps people can trust.",
        epilog="Run 'geokit COMMAND --help' for a worked example of each command.",
    )
    from geokit import __version__

    parser.add_argument(
        "--version", action="version", version=f"geokit {__version__} (geoparser: {_geoparser_build()})"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    for command in COMMANDS:
        command.register(sub)
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
        print(f"geokit: error: {printable(error_message(exc))}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:  # pragma: no cover
        print("geokit: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
