"""`qcourse lab` workspaces: created from the installed curriculum, never overwriting answers."""

from __future__ import annotations

import json

import nbformat
import pytest
from selfstudy_support import MODULE, PLUS_RIGHT, cell, copy_curriculum, run_qcourse, set_solution

from qcourse.selfstudy.course_builds import installed
from qcourse.selfstudy.merge import SELFSTUDY_KEY
from qcourse.selfstudy.workspace import prepare_workspace

MY_NOTE = "# my own notes: H = (X + Z)/sqrt(2)"


def _answer(path) -> None:
    nb = nbformat.read(path, as_version=4)
    set_solution(nb, "plus_state", PLUS_RIGHT)
    task = next(
        i
        for i, c in enumerate(nb.cells)
        if c.metadata.get("nbgrader", {}).get("grade_id") == "task_plus_state"
    )
    nb.cells.insert(task + 1, nbformat.v4.new_code_cell(MY_NOTE))
    nbformat.write(nb, path)


def test_new_workspace_has_student_notebooks_and_a_check_cell(lab):
    nb = nbformat.read(lab.notebook(MODULE), as_version=4)
    solution = cell(nb, "solution_plus_state").source
    assert "BEGIN SOLUTION" not in solution and "raise NotImplementedError" in solution
    assert "HIDDEN TESTS" not in cell(nb, "test_bell_phi_minus").source
    assert "num_qubits" not in cell(nb, "test_bell_phi_minus").source  # hidden test stripped
    assert nb.cells[-1].metadata[SELFSTUDY_KEY] == "check"
    assert "check()" in nb.cells[-1].source
    state = json.loads((lab.root / ".qcourse" / "lab.json").read_text())
    assert state["lang"] == "en" and state["modules"][MODULE]["fingerprint"] == state["fingerprint"]


def test_rerunning_never_touches_the_learners_work(lab, curriculum_root):
    path = lab.notebook(MODULE)
    _answer(path)
    before = path.read_bytes()
    _ws, updates = prepare_workspace(lab.root, "en", installed(curriculum_root))
    assert [u.action for u in updates] == ["unchanged"]
    assert path.read_bytes() == before
    assert not (lab.root / ".qcourse" / "backups").exists()


@pytest.mark.slow
def test_a_new_curriculum_version_is_merged_keeping_answers(lab, tmp_path):
    path = lab.notebook(MODULE)
    _answer(path)
    before = path.read_bytes()
    newer = copy_curriculum(tmp_path / "curriculum-v2")
    lesson = newer / MODULE / "lesson.py"
    lesson.write_text(lesson.read_text().replace("Two exercises", "Two NEW exercises"))
    exercises = newer / MODULE / "exercises.toml"
    exercises.write_text(
        exercises.read_text().replace(
            '"""Return a circuit preparing (|00> - |11>)/sqrt(2)."""',
            '"""Return a 2-qubit circuit preparing the Bell state Phi-."""',
        )
    )

    _ws, updates = prepare_workspace(lab.root, "en", installed(newer))

    (update,) = updates
    assert update.action == "merged" and update.kept_answers == 1
    assert update.backup.read_bytes() == before
    nb = nbformat.read(path, as_version=4)
    assert cell(nb, "solution_plus_state").source == PLUS_RIGHT
    assert "Two NEW exercises" in cell(nb, "prose_1").source
    # the untouched starter follows the new release
    assert "the Bell state Phi-" in cell(nb, "solution_bell_phi_minus").source
    ids = [c.metadata.get("nbgrader", {}).get("grade_id") or c.source for c in nb.cells]
    assert ids[ids.index("task_plus_state") + 1] == MY_NOTE
    assert sum(1 for c in nb.cells if c.metadata.get(SELFSTUDY_KEY) == "check") == 1
    nbformat.validate(nb)


@pytest.mark.slow
def test_switching_to_korean_keeps_answers_and_sets_the_jupyterlab_locale(lab, qhome):
    path = lab.notebook(MODULE)
    _answer(path)
    result = run_qcourse(
        "lab", "--dir", str(lab.root), "--lang", "ko", "--prepare-only", timeout=900
    )
    assert result.returncode == 0, result.stderr
    nb = nbformat.read(path, as_version=4)
    assert nb.metadata["qcourse"]["lang"] == "ko"
    assert cell(nb, "solution_plus_state").source == PLUS_RIGHT
    assert "자습" in cell(nb, "prose_1").source
    assert 'qgrade.set_language("ko")' in cell(nb, "setup").source
    settings = (
        lab.root
        / ".qcourse/jupyter/lab/user-settings/@jupyterlab/translation-extension"
        / "plugin.jupyterlab-settings"
    )
    assert json.loads(settings.read_text())["locale"] == "ko_KR"
    assert list((lab.root / ".qcourse" / "backups" / MODULE).glob("*.ipynb"))


def test_a_file_where_the_workspace_should_be_is_a_clear_error(qhome, tmp_path, curriculum_root):
    target = tmp_path / "not-a-folder"
    target.write_text("x")
    result = run_qcourse(
        "lab", "--dir", str(target), "--prepare-only", "--curriculum", str(curriculum_root)
    )
    assert result.returncode == 2
    assert "is a file" in result.stderr and "Traceback" not in result.stderr
