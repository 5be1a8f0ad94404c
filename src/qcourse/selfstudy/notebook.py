"""`check()` and `hint()` for a learner's notebook (the lab adds a cell calling them).

Both find the notebook they run in (`JPY_SESSION_NAME`, which Jupyter Server gives each kernel),
speak the notebook's language, and never end in a traceback: any problem is one clear line.
In a notebook they display HTML and Markdown (tables that line up, hints with maths); in a
plain Python session they print.

`check()` never grades inside a notebook that is itself being graded (`QCOURSE_GRADING=1`,
set by every grader for the processes that run a learner's notebook): it says so and returns.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

from rich.console import Console

from qcourse.errors import UserError
from qcourse.i18n import _, default_language, supported


def _current_notebook(notebook: str | Path | None, lang: str | None = None) -> Path:
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
    raise UserError(
        _('cannot tell which notebook this is; call check("path/to/notebook.ipynb")', lang)
    )


def _notebook_language(notebook: str | Path | None) -> str:
    """The language written in the notebook's metadata, else the default language; never fails."""
    try:
        import json

        path = _current_notebook(notebook)
        meta = json.loads(path.read_text(encoding="utf-8")).get("metadata", {}).get("qcourse", {})
        return supported(meta.get("lang")) or default_language()
    except Exception:
        return default_language()


def _console() -> Console:
    return Console(width=110)


def _ipython() -> Any:
    try:
        from IPython import get_ipython
    except ImportError:
        return None
    return get_ipython()


def _line(console: Console, label: str, text: str, style: str = "bold red") -> None:
    console.print(f"[{style}]{label}:[/] ", end="")
    console.print(text, markup=False, highlight=False)


def check(notebook: str | Path | None = None, record: bool = True) -> None:
    """Grade the saved version of this notebook with the course's tests and show the table."""
    from qcourse.selfstudy.checking import grading_now

    lang = _notebook_language(notebook)
    console = _console()
    if grading_now():
        console.print(
            _("check() does nothing while this notebook is being graded.", lang),
            markup=False,
            highlight=False,
        )
        return
    from qcourse.selfstudy.check_table import check_html, check_table
    from qcourse.selfstudy.checking import check_notebook

    shell = _ipython()
    handle = None
    try:
        path = _current_notebook(notebook, lang)
        saved = time.strftime("%H:%M:%S", time.localtime(path.stat().st_mtime))
        status = _("Grading {name} as saved at {time} …", lang).format(name=path.name, time=saved)
        if shell is not None:
            from html import escape

            from IPython.display import HTML, display

            handle = display(HTML(f"<i>{escape(status)}</i>"), display_id=True)
        else:
            console.print(status, style="dim", markup=False, highlight=False)
        result = check_notebook(path, record=record, progress=_showing(handle, status))
    except UserError as exc:
        _line(console, _("check", lang), str(exc))
        return
    except Exception as exc:  # a learner never gets a traceback from the check cell
        _line(console, _("check failed", lang), f"{type(exc).__name__}: {exc}")
        return
    done = _("Graded in {seconds:.0f} s.", result.lang).format(seconds=result.record.duration_s)
    if handle is not None:
        from IPython.display import HTML

        handle.update(HTML(check_html(result) + f"<p><i>{done}</i></p>"))
    else:
        console.print(check_table(result))
        console.print(done, style="dim")
    if result.problem:
        _line(console, _("The notebook did not run to the end", result.lang), result.problem)
    for notice in result.notices:
        _line(console, _("progress store", result.lang), notice, "yellow")


def _showing(handle: Any, status: str) -> Any:
    """The progress callback of `check()`: the status line, updated with the exercise and
    cell the grading is at (in a notebook; a plain session prints nothing more)."""
    if handle is None:
        return None
    from html import escape

    from IPython.display import HTML

    def progress(text: str, cell: int, cells: int) -> None:
        handle.update(HTML(f"<i>{escape(status)} {escape(text)} ({cell}/{cells})</i>"))

    return progress


def hint(exercise: str, notebook: str | Path | None = None) -> None:
    """Reveal the next hint of `exercise` in this notebook's module and language."""
    from qcourse.selfstudy.checking import identify, read_learner_notebook
    from qcourse.selfstudy.course_builds import installed
    from qcourse.selfstudy.hints import UnknownExercise, hints_markdown, reveal_next_hint
    from qcourse.selfstudy.workspace import find_workspace

    lang = _notebook_language(notebook)
    console = _console()
    try:
        path = _current_notebook(notebook, lang)
        ws = find_workspace(path)
        source = installed(ws.curriculum_root if ws else None)
        module, lang = identify(read_learner_notebook(path, lang), path, source, lang)
        reveal = reveal_next_hint(module, exercise, lang)
    except UnknownExercise as exc:
        if _ipython() is not None and exc.choices:
            from IPython.display import Markdown, display

            items = "\n".join(f'- `hint("{ex_id}")`: {title}' for ex_id, title in exc.choices)
            label = _("hint", lang)
            display(Markdown(f"**{label}:** {exc}\n\n{items}"))
        else:
            _line(console, _("hint", lang), str(exc))
        return
    except UserError as exc:
        _line(console, _("hint", lang), str(exc))
        return
    text = hints_markdown(reveal, lang)
    if _ipython() is not None:
        from IPython.display import Markdown, display

        display(Markdown(text))  # JupyterLab renders the Markdown and its maths; it wraps
    else:
        from rich.markdown import Markdown as RichMarkdown

        console.print(RichMarkdown(text))


def practice(
    section: str | int | None = None,
    count: int = 5,
    retry_wrong: bool = False,
    lang: str | None = None,
    seed: int | None = None,
    curriculum: str | Path | None = None,
) -> None:
    """Certification practice here: questions asked one by one (type the answer in the box),
    graded, explained and kept in your progress, as `qcourse practice` does in a terminal."""
    from qcourse.selfstudy.course_builds import resolve_root
    from qcourse.selfstudy.practice import bank_of
    from qcourse.selfstudy.practice_ui import ask_round
    from qcourse.selfstudy.store import ProgressStore
    from qcourse.selfstudy.workspace import find_lab_workspace

    lang = supported(lang) or _notebook_language(None)
    console = _console()
    try:
        ws = find_lab_workspace(None)
        root = resolve_root(curriculum or (ws.curriculum_root if ws else None))
        bank = bank_of(root, lang=lang)
        sections = [bank.section(str(section), lang).id] if section is not None else None
        with ProgressStore.open() as store:
            for notice in store.notices:
                _line(console, _("progress store", lang), notice, "yellow")
            ask_round(
                console,
                bank,
                store,
                lang,
                sections=sections,
                count=count,
                retry_wrong=retry_wrong,
                seed=seed,
            )
    except UserError as exc:
        _line(console, _("practice", lang), str(exc))
