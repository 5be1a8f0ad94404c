"""`qcourse check [NOTEBOOK | MODULE]`: grade a self-study notebook with the course's own tests."""

from __future__ import annotations

import argparse
from pathlib import Path

from rich.console import Console


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "check",
        help="grade your notebook with the course's tests (offline) and record your progress",
        description=(
            "Grade a learner notebook on this machine with the same test cells the instructor's "
            "autograde uses (hidden tests included; edited test cells are restored first), "
            "print a per-exercise table, and record the result in the progress store."
        ),
    )
    parser.add_argument(
        "target",
        nargs="?",
        metavar="NOTEBOOK | MODULE",
        help="a notebook file, or a module id/number in the lab workspace "
        "(default: the current module, or every started module of the workspace)",
    )
    parser.add_argument("--dir", type=Path, help="the lab workspace (default: ~/qcourse-lab)")
    parser.add_argument(
        "--curriculum", type=Path, help="a curriculum folder other than the installed one"
    )
    parser.add_argument(
        "--no-record", action="store_true", help="do not record this check in the progress store"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from qcourse.selfstudy.check_table import check_table
    from qcourse.selfstudy.checking import check_notebook, resolve_target

    console = Console()
    all_passed = True
    for notebook in resolve_target(args.target, args.dir):
        with console.status(f"grading {notebook.name} …"):
            result = check_notebook(
                notebook, curriculum_root=args.curriculum, record=not args.no_record
            )
        console.print(check_table(result))
        if result.problem:
            console.print(f"[bold red]The notebook did not run to the end:[/] {result.problem}")
        for notice in result.notices:
            console.print(f"[yellow]progress store:[/] {notice}")
        rec = result.record
        all_passed &= bool(rec.outcomes) and all(o.passed for o in rec.outcomes)
    return 0 if all_passed else 1
