"""Submissions that validate grades: the reference, the untouched starter and wrong answers."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import TYPE_CHECKING

from qcourse.gradecells import grade_id

if TYPE_CHECKING:
    from nbformat import NotebookNode


def with_answers(release: NotebookNode, answers: dict[str, str]) -> NotebookNode:
    """A copy of the student notebook whose solution cells hold `answers` (exercise id -> code)."""
    nb = copy.deepcopy(release)
    for cell in nb.cells:
        gid = grade_id(cell) or ""
        if gid.startswith("solution_") and gid[len("solution_") :] in answers:
            cell.source = answers[gid[len("solution_") :]]
    return nb


def write_submission(course_dir: Path, student: str, assignment: str, nb: NotebookNode) -> Path:
    """Place `nb` where nbgrader's autograde looks: `submitted/<student>/<assignment>/`."""
    import nbformat

    path = course_dir / "submitted" / student / assignment / f"{assignment}.ipynb"
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, path)
    return path
