"""`qcourse demo`: the whole instructor loop on a built-in sample cohort, nothing to configure."""

from __future__ import annotations

import argparse
from pathlib import Path

from qcourse.errors import UserError
from qcourse.i18n import _


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "demo",
        help=_("run the whole instructor loop on a sample cohort (temporary course, SQLite)"),
        description=(
            _(
                "Create a temporary nbgrader course with the first module, a sample cohort of "
                "submissions (right, partial, wrong, untouched, late and broken ones), then "
                "generate, release, collect, grade in parallel, generate feedback, export and "
                "report; prints the grade table and where the report is."
            )
        ),
    )
    p.add_argument(
        "--dir",
        type=Path,
        default=None,
        help=_("keep the course here (default: a new temporary folder)"),
    )
    p.add_argument(
        "--workers", type=int, default=None, help=_("grading processes (default: CPU count)")
    )
    p.add_argument("--lang", choices=["en", "ko"], default="en")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from qcourse.instructor.demo import DemoError, run_demo

    if args.dir is not None and args.dir.exists() and any(args.dir.iterdir()):
        raise UserError(
            _("--dir {path} is not empty: give a new or empty folder").format(path=args.dir)
        )
    if args.workers is not None and args.workers < 1:
        raise UserError(
            _("--workers must be a positive number, got {value}").format(value=args.workers)
        )
    try:
        run_demo(args.dir, workers=args.workers, lang=args.lang)
    except DemoError as exc:
        raise UserError(str(exc)) from exc
    return 0
