"""nbgrader's cell conventions and qcourse's, in one place.

- nbgrader cell metadata: `metadata.nbgrader.{grade_id, grade, solution, locked, points}`;
  an autograder test cell is a graded code cell that is not a solution cell.
- qcourse's grade ids: an exercise `ID` has the cells `solution_ID` and `test_ID`.
- A failing check ends its test cell with an error whose text is `"[diagnosis_code] message"`
  (qgrade's `failure_message`); reports, validation and self-study read the code back from it.
- The roles of a notebook's cells in sealed grading (`qcourse.sealed.trusted`), decided from the
  instructor's own cells, never from what the submission claims.
"""

from __future__ import annotations

import re
from typing import Any, Literal

Role = Literal["student", "test", "instructor"]
TEST_PREFIX = "test_"
SOLUTION_PREFIX = "solution_"
_FAILURE = re.compile(r"^\s*\[([A-Za-z0-9_]+)\]\s*(.*)$", re.DOTALL)
_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def nbgrader_meta(cell: Any) -> dict:
    meta = cell.get("metadata", {}) if isinstance(cell, dict) else {}
    value = meta.get("nbgrader", {}) if isinstance(meta, dict) else {}
    return value if isinstance(value, dict) else {}


def cell_metadata(
    gid: str,
    *,
    grade: bool = False,
    solution: bool = False,
    locked: bool = False,
    points: float | None = None,
) -> dict:
    """A cell's `metadata` in nbgrader's schema 3 (for notebooks written by hand)."""
    meta: dict[str, Any] = {
        "grade": grade,
        "grade_id": gid,
        "locked": locked,
        "schema_version": 3,
        "solution": solution,
        "task": False,
    }
    if points is not None:
        meta["points"] = points
    return {"nbgrader": meta}


def grade_id(cell: Any) -> str | None:
    return nbgrader_meta(cell).get("grade_id")


def is_test_cell(cell: Any) -> bool:
    """An autograder test cell: graded, not a solution, code."""
    meta = nbgrader_meta(cell)
    return bool(meta.get("grade")) and not meta.get("solution") and cell.get("cell_type") == "code"


def is_solution_cell(cell: Any) -> bool:
    return bool(nbgrader_meta(cell).get("solution"))


def is_locked(cell: Any) -> bool:
    return bool(nbgrader_meta(cell).get("locked"))


def test_id(exercise: str) -> str:
    return f"{TEST_PREFIX}{exercise}"


def solution_id(exercise: str) -> str:
    return f"{SOLUTION_PREFIX}{exercise}"


def exercise_of(gid: str) -> str:
    """The exercise id in a `test_ID` / `solution_ID` grade id (other ids unchanged)."""
    for prefix in (TEST_PREFIX, SOLUTION_PREFIX):
        if gid.startswith(prefix):
            return gid[len(prefix) :]
    return gid


def failure_text(code: str, message: str) -> str:
    return f"[{code}] {message}"


def parse_failure(text: str) -> tuple[str | None, str]:
    """(diagnosis code, message) of a test cell's error text; (None, text) if it has no code."""
    clean = _ANSI.sub("", str(text))
    match = _FAILURE.match(clean)
    if match:
        return match.group(1), match.group(2).strip()
    return None, clean.strip()


def cell_roles(nb: Any, instructor: Any) -> dict[int, Role]:
    """Each code cell's role in sealed grading, matched against the instructor's notebook.

    A cell is the instructor's only if its grade id is one of the instructor's cells *and* its
    source is exactly the instructor's: a test cell then runs in the trusted grader, another
    locked cell may be replayed there; everything else is the submission's.
    """
    tests: dict[str, str] = {}
    locked: dict[str, str] = {}
    for cell in instructor.cells:
        gid = grade_id(cell)
        if not gid or cell.get("cell_type") != "code":
            continue
        if is_test_cell(cell):
            tests[gid] = cell.source
        elif is_locked(cell) and not is_solution_cell(cell):
            locked[gid] = cell.source
    return roles_from(nb, tests, locked)


def answer_sources(instructor: Any) -> list[str]:
    """The instructor's solution cells' sources (what the learner is asked to define)."""
    return [
        cell.source
        for cell in instructor.cells
        if cell.get("cell_type") == "code" and is_solution_cell(cell)
    ]


def roles_from(nb: Any, tests: dict[str, str], locked: dict[str, str]) -> dict[int, Role]:
    """Roles from the instructor's test and locked cells' sources, by grade id."""
    roles: dict[int, Role] = {}
    for index, cell in enumerate(nb.cells):
        if cell.get("cell_type") != "code":
            continue
        gid = grade_id(cell)
        if gid in tests and tests[gid] == cell.source:
            roles[index] = "test"
        elif gid in locked and locked[gid] == cell.source:
            roles[index] = "instructor"
        else:
            roles[index] = "student"
    return roles
