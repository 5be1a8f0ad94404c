"""`qcourse check [NOTEBOOK | MODULE]`: grade a self-study notebook with the course's own tests."""

from __future__ import annotations

import argparse
import time
from contextlib import contextmanager

from rich.console import Console

from qcourse.commands._lab_options import add_lab_options
from qcourse.i18n import _


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "check",
        help=_("grade your notebook with the course's tests (offline) and record your progress"),
        description=(
            _(
                "Grade a learner notebook on this machine with the same test cells the instructor's "
                "autograde uses (hidden tests included; edited test cells are restored first), "
                "print a per-exercise table, and record the result in the progress store."
            )
        ),
    )
    parser.add_argument(
        "target",
        nargs="?",
        metavar="NOTEBOOK | MODULE",
        help=_(
            "a notebook file, or a module id/number in the lab workspace "
            "(default: the current module, or every started module of the workspace)"
        ),
    )
    add_lab_options(parser, lang=False)
    parser.add_argument(
        "--no-record", action="store_true", help=_("do not record this check in the progress store")
    )
    parser.set_defaults(func=run)


def _start_sandbox_early() -> None:
    """The sandbox's zygote imports qiskit and Aer while this process reads the course."""
    from qcourse.sealed.sandbox import SandboxUnavailable, sandbox_problem, shared_sandbox

    if sandbox_problem() is None:
        try:
            shared_sandbox(wait=False)
        except SandboxUnavailable:
            pass  # grading falls back to a plain kernel and says so


def run(args: argparse.Namespace) -> int:
    from rich.markup import escape

    from qcourse.i18n import default_language
    from qcourse.selfstudy.check_table import check_table
    from qcourse.selfstudy.checking import check_notebook, grading_now, resolve_target
    from qcourse.selfstudy.workspace import find_workspace

    console = Console()
    if grading_now():
        # a notebook being graded runs `!qcourse check`: grading it again would nest kernels
        console.print(_("qcourse check does nothing while a notebook is being graded."))
        return 0
    _start_sandbox_early()
    all_passed = True
    notebooks = resolve_target(args.target, args.dir)
    for n, notebook in enumerate(notebooks, 1):
        ws = find_workspace(notebook) if notebook.exists() else None
        lang = default_language(ws.lang if ws else None)
        what = _("grading {name} ({n} of {total}) …", lang).format(
            name=notebook.name, n=n, total=len(notebooks)
        )
        started = time.monotonic()
        with _cell_progress(console, what) as progress:
            result = check_notebook(
                notebook,
                curriculum_root=args.curriculum,
                record=not args.no_record,
                progress=progress,
            )
        console.print(check_table(result))
        lang = result.lang
        console.print(
            escape(
                _("{name}: graded in {seconds:.0f} s", lang).format(
                    name=notebook.name, seconds=time.monotonic() - started
                )
            ),
            style="dim",
        )
        if result.problem:
            label = escape(_("The notebook did not run to the end", lang))
            console.print(f"[bold red]{label}:[/] {escape(result.problem)}")
        for notice in result.notices:
            label = escape(_("progress store", lang))
            console.print(f"[yellow]{label}:[/] {escape(notice)}")
        rec = result.record
        all_passed &= bool(rec.outcomes) and all(o.passed for o in rec.outcomes)
    return 0 if all_passed else 1


@contextmanager
def _cell_progress(console: Console, what: str):
    """While one notebook is graded: a line naming the notebook, then a rich progress line with
    the exercise it is at, its answer or its tests (the text comes from `check_notebook`, in
    the learner's language), cells done of all and the time so far. Yields the
    `progress(text, cell, cells)` callback."""
    from rich.markup import escape
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
    )

    console.print(escape(what), style="dim")
    columns = (
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(bar_width=10),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task("", total=None)

        def progress(text: str, cell: int, cells: int) -> None:
            # the cell about to run: cell - 1 of them are done
            bar.update(
                task, description=escape(text), completed=cell - 1, total=cells, refresh=True
            )

        yield progress
