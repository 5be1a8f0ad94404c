"""`qcourse validate`: prove through nbgrader that every exercise grades as intended."""

from __future__ import annotations

import argparse
from pathlib import Path

from qcourse.commands.build import LANG_CHOICES, languages
from qcourse.i18n import _


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "validate",
        help=_("prove that solutions get full marks, starters 0, wrong answers lose their points"),
        description=_(
            "Check the module sources, then, for every exercise in every language, run "
            "nbgrader's generate_assignment and autograde on the reference solutions, the "
            "untouched starter and each recorded wrong answer. Exits non-zero on any failure."
        ),
    )
    parser.add_argument(
        "modules", nargs="*", metavar="MODULE", help=_("module ids or numbers (default: all)")
    )
    parser.add_argument(
        "--lang", choices=LANG_CHOICES, default="all", help=_("language (default: all)")
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=1,
        help=_("(module, language) pairs graded at once (default 1)"),
    )
    parser.add_argument(
        "--static", action="store_true", help=_("only the checks that execute nothing")
    )
    parser.add_argument(
        "--keep", type=Path, default=None, metavar="DIR", help=_("keep the nbgrader courses in DIR")
    )
    parser.add_argument(
        "--root", type=Path, default=None, help=_("curriculum folder (default: the course's own)")
    )
    parser.add_argument(
        "--unsealed",
        action="store_true",
        help=_("run the proofs without the sandbox (where none can be made)"),
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from rich.console import Console

    from qcourse.commands._validate_view import print_module, print_report
    from qcourse.curriculum import validate

    console = Console()
    with console.status("validating") as status:

        def progress(result) -> None:
            print_module(console, result)
            status.update("validating")

        report = validate(
            args.modules or None,
            languages(args.lang),
            root=args.root,
            static_only=args.static,
            workers=args.workers,
            workdir=args.keep,
            progress=progress,
            sealed=not args.unsealed,
        )
    print_report(console, report, static_only=args.static)
    return 0 if report.ok else 1
