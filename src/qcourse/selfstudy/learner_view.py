"""The learner's progress view as the `progress` and `transcript` commands both start from it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rich.console import Console


def load_learner_view(
    lab_dir: Path | None, lang: str | None, curriculum: Path | None, console: Console
) -> tuple[Any, str, Any]:
    """(progress view, language, installed curriculum): the workspace's settings unless overridden.

    Notices from the progress store (a salvaged or locked file) are printed on `console`.
    """
    from rich.markup import escape

    from qcourse.i18n import _, choose
    from qcourse.selfstudy.course_builds import installed
    from qcourse.selfstudy.progress_view import build_view
    from qcourse.selfstudy.store import ProgressStore
    from qcourse.selfstudy.workspace import find_lab_workspace

    ws = find_lab_workspace(lab_dir)
    lang = choose(lang, ws.lang if ws else None)
    source = installed(curriculum or (ws.curriculum_root if ws else None))
    with ProgressStore.open() as store:
        for notice in store.notices:
            label = escape(_("progress store", lang))
            console.print(f"[yellow]{label}:[/] {escape(notice)}")
        view = build_view(source.curriculum, store, lang)
    return view, lang, source
