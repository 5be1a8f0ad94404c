"""What nbgrader's autograde made of one submission: gradebook scores and cell outputs."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from qcourse.curriculum.submissions import grade_id

if TYPE_CHECKING:
    from nbformat import NotebookNode


@dataclass
class Graded:
    """One autograded submission: per test cell score (from the gradebook) and cell failures."""

    student: str
    scores: dict[str, float] = field(default_factory=dict)  # test grade_id -> score
    failures: dict[str, str] = field(default_factory=dict)  # grade_id -> error or stderr text
    evalues: dict[str, str] = field(default_factory=dict)  # grade_id -> first error's evalue
    missing: str | None = None  # why there is no graded notebook at all

    def score(self, test_id: str) -> float | None:
        return self.scores.get(test_id)


def read_graded(course_dir: Path, db_url: str, assignment: str, student: str) -> Graded:
    """Scores from the gradebook, failures from `autograded/<student>/<assignment>/`."""
    import nbformat
    from nbgrader.api import Gradebook, MissingEntry

    graded = Graded(student)
    path = course_dir / "autograded" / student / assignment / f"{assignment}.ipynb"
    if not path.is_file():
        graded.missing = "nbgrader autograde produced no graded notebook"
        return graded
    with Gradebook(db_url) as gb:
        try:
            notebook = gb.find_submission_notebook(assignment, assignment, student)
        except MissingEntry:
            graded.missing = "the gradebook has no grades for this submission"
            return graded
        for grade in notebook.grades:
            graded.scores[grade.name] = float(grade.score or 0.0)
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        gid = grade_id(cell)
        failure, evalue = cell_failure(cell)
        if gid and failure:
            graded.failures[gid] = failure
            if evalue is not None:
                graded.evalues[gid] = evalue
    return graded


def cell_failure(cell: NotebookNode) -> tuple[str | None, str | None]:
    """(what went wrong, the error's evalue) as nbgrader sees it: an error or stderr output."""
    if cell.cell_type != "code":
        return None, None
    for output in cell.get("outputs", []):
        if output.output_type == "error":
            return f"{output.ename}: {_short(output.evalue)}", output.evalue
    for output in cell.get("outputs", []):
        if output.output_type == "stream" and output.name == "stderr":
            return f"wrote to stderr (nbgrader gives 0 for that): {_short(output.text)}", None
    return None, None


def _short(text: str, limit: int = 300) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
