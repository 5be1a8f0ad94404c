"""`check()` and `hint()` for a learner's notebook (the lab adds a cell calling them).

Both find the notebook they run in (`JPY_SESSION_NAME`, which Jupyter Server gives each kernel),
and never end in a traceback: any problem is shown as one clear line.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from rich.console import Console

from qcourse.cli import UserError


def _current_notebook(notebook: str | Path | None) -> Path:
    if notebook:
        return Path(notebook).expanduser().resolve()
    session = os.environ.get("JPY_SESSION_NAME", "")
    if session.endswith(".ipynb") and Path(session).is_file():
        return Path(session).resolve()
    try:
        from IPython import get_ipython

        shell = get_ipython()
        vscode = shell.user_ns.get("__vsc_ipynb_file__") if shell else None
        if vscode and Path(vscode).is_file():
            return Path(vscode).resolve()
    except ImportError:
        pass
    candidates = sorted(Path.cwd().glob("*.ipynb"))
    if len(candidates) == 1:
        return candidates[0].resolve()
    raise UserError('cannot tell which notebook this is; call check("path/to/notebook.ipynb")')


def _console() -> Console:
    return Console(width=110)


def check(notebook: str | Path | None = None, record: bool = True) -> None:
    """Grade the saved version of this notebook with the course's tests and show the table."""
    from qcourse.selfstudy.check_table import check_table
    from qcourse.selfstudy.checking import check_notebook

    console = _console()
    try:
        path = _current_notebook(notebook)
        saved = time.strftime("%H:%M:%S", time.localtime(path.stat().st_mtime))
        console.print(f"[dim]grading {path.name} as last saved ({saved}) …[/dim]")
        result = check_notebook(path, record=record)
    except UserError as exc:
        console.print(f"[bold red]check:[/] {exc}")
        return
    except Exception as exc:  # a learner never gets a traceback from the check cell
        console.print(f"[bold red]check failed:[/] {type(exc).__name__}: {exc}")
        return
    console.print(check_table(result))
    if result.problem:
        console.print(f"[bold red]The notebook did not run to the end:[/] {result.problem}")
    for notice in result.notices:
        console.print(f"[yellow]progress store:[/] {notice}")


def hint(exercise: str, notebook: str | Path | None = None) -> None:
    """Reveal the next hint of `exercise` in this notebook's module and language."""
    from rich.markdown import Markdown
    from rich.panel import Panel

    from qcourse.selfstudy.checking import identify, read_learner_notebook
    from qcourse.selfstudy.course_builds import installed
    from qcourse.selfstudy.hints import reveal_next_hint
    from qcourse.selfstudy.words import words
    from qcourse.selfstudy.workspace import find_workspace

    console = _console()
    try:
        path = _current_notebook(notebook)
        ws = find_workspace(path)
        source = installed(ws.curriculum_root if ws else None)
        module, lang = identify(read_learner_notebook(path), path, source, "en")
        reveal = reveal_next_hint(module, exercise, lang)
    except UserError as exc:
        console.print(f"[bold red]hint:[/] {exc}")
        return
    w = words(lang)
    for n, text in enumerate(reveal.revealed, 1):
        console.print(Panel(Markdown(text), title=f"{w['hint']} {n}/{reveal.total}"))
    if reveal.last:
        console.print(f"[dim]{w['no_more_hints']}[/dim]")
