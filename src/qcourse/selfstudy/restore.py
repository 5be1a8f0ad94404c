"""Put the instructor's test cells back into a learner's notebook before grading it.

What nbgrader's autograde does with the gradebook, done here from the installed curriculum:
every locked or autograded test cell takes the instructor's source (hidden tests included) and
nbgrader metadata, whatever the learner did to it; an instructor cell the learner deleted is put
back where it was; a cell that only claims to be graded (unknown grade_id) stops counting. The
learner's solution cells and own cells are left as they are.
"""

from __future__ import annotations

import copy

import nbformat

from qcourse.gradecells import grade_id, is_test_cell
from qcourse.gradecells import nbgrader_meta as _nbgrader


def _is_restored(cell: nbformat.NotebookNode) -> bool:
    """Cells the learner may not change: tests and every locked cell."""
    meta = _nbgrader(cell)
    return bool(meta.get("locked")) or is_test_cell(cell)


def restore_instructor_cells(
    learner: nbformat.NotebookNode, instructor: nbformat.NotebookNode
) -> nbformat.NotebookNode:
    """A copy of `learner` ready to grade with `instructor`'s tests (see the module doc)."""
    graded = copy.deepcopy(learner)
    protected = {
        gid: cell for cell in instructor.cells if (gid := grade_id(cell)) and _is_restored(cell)
    }
    cells: list[nbformat.NotebookNode] = []
    for cell in graded.cells:
        gid = grade_id(cell)
        if gid in protected:
            cells.append(_instructor_copy(protected[gid], cell))
        elif _nbgrader(cell).get("grade") and not _nbgrader(cell).get("solution"):
            cell.metadata.pop("nbgrader", None)  # a "test" the curriculum does not have
            cells.append(cell)
        else:
            cells.append(cell)
    graded.cells = _reinsert_missing(cells, instructor.cells, protected)
    wants_ids = (graded.nbformat, graded.nbformat_minor) >= (4, 5)
    for cell in graded.cells:
        if not wants_ids:
            cell.pop("id", None)
        elif "id" not in cell:
            cell["id"] = nbformat.v4.new_code_cell().id  # a fresh, unique cell id
    return graded


def _instructor_copy(
    instructor_cell: nbformat.NotebookNode, learner_cell: nbformat.NotebookNode
) -> nbformat.NotebookNode:
    cell = copy.deepcopy(instructor_cell)
    if "id" in learner_cell:
        cell["id"] = learner_cell["id"]
    if cell.cell_type == "code":
        cell.outputs = []
        cell.execution_count = None
    return cell


def _reinsert_missing(
    cells: list[nbformat.NotebookNode],
    instructor_cells: list[nbformat.NotebookNode],
    protected: dict[str, nbformat.NotebookNode],
) -> list[nbformat.NotebookNode]:
    present = {grade_id(c) for c in cells}
    position = {grade_id(c): i for i, c in enumerate(cells) if grade_id(c)}
    result = list(cells)
    inserted_after: dict[int, int] = {}  # index in `cells` -> how many were inserted after it
    last_known = -1
    for cell in instructor_cells:
        gid = grade_id(cell)
        if gid in position:
            last_known = position[gid]
        elif gid in protected and gid not in present:
            shift = sum(n for i, n in inserted_after.items() if i <= last_known)
            fresh = copy.deepcopy(cell)
            fresh.pop("id", None)
            if fresh.cell_type == "code":
                fresh.outputs = []
                fresh.execution_count = None
            result.insert(last_known + 1 + shift, fresh)
            inserted_after[last_known] = inserted_after.get(last_known, 0) + 1
            present.add(gid)
    return result
