"""The `qcourse` command line.

Each sub-command lives in its own module in `qcourse.commands` and exposes
`register(subparsers)`, which adds its parser and sets `func` (called with the parsed args,
returning an exit code). Commands are discovered, so adding one needs no edit here.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys

from qcourse import __version__, commands
from qcourse.errors import UserError
from qcourse.i18n import _

__all__ = ["UserError", "build_parser", "main"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="qcourse",
        description=_("Qiskit course platform: build, grade, report and study the curriculum."),
    )
    parser.add_argument("--version", action="version", version=f"qcourse {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"qcourse.commands.{info.name}")
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except UserError as exc:
        print(f"qcourse {args.command}: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(_("interrupted"), file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
