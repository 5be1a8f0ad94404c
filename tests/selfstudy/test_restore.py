"""Before grading, the instructor's tests replace whatever the learner did to the test cells."""

from __future__ import annotations

import nbformat
import pytest
from selfstudy_support import MODULE, cell

from qcourse.selfstudy.restore import restore_instructor_cells


@pytest.fixture
def notebooks(lab, curriculum_root):
    from qcourse.selfstudy.course_builds import installed

    instructor = nbformat.read(
        installed(curriculum_root).instructor_notebook(MODULE, "en"), as_version=4
    )
    learner = nbformat.read(lab.notebook(MODULE), as_version=4)
    return learner, instructor


def test_edited_deleted_and_fake_test_cells_are_restored(notebooks):
    learner, instructor = notebooks
    cell(learner, "test_plus_state").source = "pass  # the learner made the test trivial"
    cell(learner, "test_plus_state").metadata.nbgrader["points"] = 100
    learner.cells.remove(cell(learner, "test_bell_phi_minus"))
    fake = nbformat.v4.new_code_cell("1")
    fake.metadata["nbgrader"] = {"grade": True, "grade_id": "test_bonus", "points": 50}
    learner.cells.append(fake)
    cell(learner, "setup").source = "import os"

    graded = restore_instructor_cells(learner, instructor)

    plus = cell(graded, "test_plus_state")
    assert plus.source == cell(instructor, "test_plus_state").source
    assert plus.metadata.nbgrader["points"] == 1
    bell = cell(graded, "test_bell_phi_minus")
    assert "### BEGIN HIDDEN TESTS" in bell.source and "num_qubits" in bell.source
    ids = [c.metadata.get("nbgrader", {}).get("grade_id") for c in graded.cells]
    # put back right after the solution cell it followed
    assert ids.index("test_bell_phi_minus") == ids.index("solution_bell_phi_minus") + 1
    assert "test_bonus" not in ids
    assert cell(graded, "setup").source == cell(instructor, "setup").source
    nbformat.validate(graded)
    # the learner's own notebook object is untouched
    assert cell(learner, "test_plus_state").source.startswith("pass")


def test_learner_solutions_and_own_cells_stay(notebooks):
    learner, instructor = notebooks
    cell(learner, "solution_plus_state").source = "def plus_state():\n    return 1\n"
    learner.cells.insert(3, nbformat.v4.new_code_cell("helper = 42"))
    graded = restore_instructor_cells(learner, instructor)
    assert cell(graded, "solution_plus_state").source == "def plus_state():\n    return 1\n"
    assert any(c.source == "helper = 42" for c in graded.cells)
    assert "BEGIN SOLUTION" not in cell(graded, "solution_plus_state").source
