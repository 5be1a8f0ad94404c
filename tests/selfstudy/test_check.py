"""`qcourse check`: the course's own tests, run on the learner's machine, recorded as progress."""

from __future__ import annotations

import json
import os
import time

import nbformat
import pytest
from selfstudy_support import (
    BELL_PHI_PLUS,
    BELL_RIGHT,
    MODULE,
    PLUS_RIGHT,
    PLUS_WRONG,
    cell,
    run_qcourse,
    set_solution,
)

from qcourse.selfstudy.store import ProgressStore


def _write_answers(path, plus: str, bell: str, tamper_test: bool = False) -> None:
    nb = nbformat.read(path, as_version=4)
    set_solution(nb, "plus_state", plus)
    set_solution(nb, "bell_phi_minus", bell)
    if tamper_test:
        cell(nb, "test_plus_state").source = "pass  # no test here"
    nbformat.write(nb, path)


@pytest.mark.slow
def test_right_answers_pass_wrong_ones_get_the_qgrade_diagnosis(lab, qhome):
    path = lab.notebook(MODULE)
    _write_answers(path, PLUS_WRONG, BELL_PHI_PLUS, tamper_test=True)
    wrong = run_qcourse("check", str(path))
    assert wrong.returncode == 1, wrong.stderr
    out = " ".join(wrong.stdout.split())
    assert "Traceback" not in wrong.stdout + wrong.stderr
    assert "[wrong_amplitudes]" in out  # the tampered test cell was restored and ran
    assert "[relative_phase]" in out
    assert "Score: 0 / 3" in out

    _write_answers(path, PLUS_RIGHT, BELL_RIGHT)
    right = run_qcourse("check", "01", "--dir", str(lab.root))
    assert right.returncode == 0, right.stdout + right.stderr
    assert "Score: 3 / 3" in " ".join(right.stdout.split())
    assert right.stdout.count("✔ passed") == 2

    with ProgressStore.open() as store:
        (module,) = store.module_progress()
        assert (module.attempts, module.best_score, module.max_score) == (2, 3.0, 3.0)
        first, second = store.checks(MODULE)
        assert {o.exercise: o.diagnosis for o in first.outcomes} == {
            "plus_state": "wrong_amplitudes",
            "bell_phi_minus": "relative_phase",
        }
        assert all(o.passed for o in second.outcomes)
        assert second.curriculum and second.duration_s > 0


@pytest.mark.slow
def test_check_cell_inside_the_notebook_shows_the_table(lab, qhome):
    """The lab's own check cell, run by a kernel as a learner would run it."""
    from nbclient import NotebookClient

    path = lab.notebook(MODULE)
    _write_answers(path, PLUS_RIGHT, BELL_PHI_PLUS)
    nb = nbformat.read(path, as_version=4)
    nb.cells = [nb.cells[0], nb.cells[-1]]  # the set-up cell and the check cell
    os.environ["JPY_SESSION_NAME"] = str(path)  # what Jupyter Server gives each kernel
    try:
        NotebookClient(nb, timeout=600, kernel_name="python3").execute()
    finally:
        del os.environ["JPY_SESSION_NAME"]
    outputs = nb.cells[-1].outputs
    text = json.dumps([o.get("text", "") or o.get("data", {}) for o in outputs], ensure_ascii=False)
    assert not any(o.output_type == "error" for o in outputs)
    assert "relative_phase" in text and "1 / 3" in text
    with ProgressStore.open() as store:
        assert store.module_progress()[0].best_score == 1.0


def test_a_broken_notebook_gets_a_clear_message(lab, tmp_path):
    broken = tmp_path / "broken.ipynb"
    broken.write_text('{"cells": [ {"cell_type": "code", ')
    result = run_qcourse("check", str(broken))
    assert result.returncode == 2
    assert "is not a valid notebook" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr

    stranger = tmp_path / "stranger.ipynb"
    nbformat.write(nbformat.v4.new_notebook(), stranger)
    result = run_qcourse("check", str(stranger), "--dir", str(lab.root))
    assert result.returncode == 2
    assert "not a notebook of this course" in result.stderr

    missing = run_qcourse("check", str(tmp_path / "nope.ipynb"))
    assert missing.returncode == 2 and "does not exist" in missing.stderr


def test_in_notebook_check_never_shows_a_traceback(tmp_path, capsys, qhome):
    from qcourse.selfstudy import check

    broken = tmp_path / "broken.ipynb"
    broken.write_text("not json")
    check(broken)
    out = capsys.readouterr().out
    assert "check:" in out and "is not a valid notebook" in out
    assert "Traceback" not in out


def test_check_inside_grading_returns_at_once_in_the_learners_language(
    tmp_path, capsys, monkeypatch, qhome
):
    from qcourse.selfstudy import check

    nb = nbformat.v4.new_notebook()
    nb.metadata["qcourse"] = {"module": MODULE, "lang": "ko"}
    path = tmp_path / "x.ipynb"
    nbformat.write(nb, path)
    monkeypatch.setenv("QCOURSE_GRADING", "1")
    started = time.monotonic()
    check(path)
    assert time.monotonic() - started < 5
    out = capsys.readouterr().out
    assert out.strip() == "이 노트북을 채점하는 중에는 check()가 아무것도 하지 않아요."
    with ProgressStore.open() as store:
        assert store.module_progress() == []  # nothing was graded or recorded


def test_qcourse_check_inside_grading_does_nothing(lab, qhome):
    result = run_qcourse(
        "check", "01", "--dir", str(lab.root), env={**os.environ, "QCOURSE_GRADING": "1"}
    )
    assert result.returncode == 0, result.stderr
    assert "does nothing while a notebook is being graded" in result.stdout


@pytest.mark.slow
def test_a_check_call_in_the_notebook_never_grades_again(lab, qhome):
    """The lab's check cell is left out of grading, and a check() the learner typed into a
    cell of their own sees QCOURSE_GRADING and returns: one kernel, no nesting."""
    from qcourse.selfstudy.checking import check_notebook, grading_environment, without_lab_cells
    from qcourse.selfstudy.course_builds import installed
    from qcourse.selfstudy.grading import run_graded

    path = lab.notebook(MODULE)
    _write_answers(path, PLUS_RIGHT, BELL_RIGHT)
    nb = nbformat.read(path, as_version=4)
    own = nbformat.v4.new_code_cell("from qcourse.selfstudy import check\ncheck()")
    nb.cells.insert(len(nb.cells) - 2, own)
    nbformat.write(nb, path)

    assert any(c.metadata.get("qcourse_selfstudy") for c in nb.cells)
    assert not any(c.metadata.get("qcourse_selfstudy") for c in without_lab_cells(nb).cells)
    instructor = nbformat.read(
        installed(lab.curriculum_root).instructor_notebook(MODULE, "en"), as_version=4
    )
    with grading_environment():
        graded = run_graded(without_lab_cells(nb), instructor, path.parent)
    assert os.environ.get("QCOURSE_GRADING") is None  # restored after the run
    ran = next(c for c in graded.executed.cells if c.source == own.source)
    text = json.dumps([o.get("text", "") or o.get("data", {}) for o in ran.outputs])
    assert "check() does nothing while this notebook is being graded." in text, ran.outputs
    assert not any(c.metadata.get("qcourse_selfstudy") for c in graded.executed.cells)

    started = time.monotonic()
    result = check_notebook(path)
    assert time.monotonic() - started < 120
    assert all(o.passed for o in result.record.outcomes)
    with ProgressStore.open() as store:
        assert store.module_progress()[0].attempts == 1  # the inner check() recorded nothing


@pytest.mark.slow
def test_qcourse_check_speaks_the_notebooks_language(qhome, tmp_path, curriculum_root):
    from qcourse.selfstudy.course_builds import installed
    from qcourse.selfstudy.workspace import prepare_workspace

    ws, _ = prepare_workspace(tmp_path / "lab", "ko", installed(curriculum_root))
    _write_answers(ws.notebook(MODULE), PLUS_WRONG, BELL_RIGHT)
    result = run_qcourse("check", "01", "--dir", str(ws.root), env={**os.environ, "LANG": "C"})
    assert result.returncode == 1, result.stderr
    out = " ".join(result.stdout.split())
    assert "총점: 2 / 3" in out and "✔ 통과" in out and "✘ 아직" in out
    assert "[wrong_amplitudes]" in out and "연습" in out and "판정" in out
    assert f"{MODULE}.ipynb: " in out and "초 만에 채점했어요" in out
    assert "Score" not in out and "grading" not in out


@pytest.mark.slow
@pytest.mark.parametrize("sealed", [None, False], ids=["sandbox-if-any", "plain-kernel"])
def test_check_reports_each_cell_and_exercise_as_it_grades_in_korean(
    qhome, tmp_path, curriculum_root, sealed
):
    from qcourse.selfstudy.checking import check_notebook
    from qcourse.selfstudy.course_builds import installed
    from qcourse.selfstudy.workspace import prepare_workspace

    ws, _ = prepare_workspace(tmp_path / "lab", "ko", installed(curriculum_root))
    path = ws.notebook(MODULE)
    _write_answers(path, PLUS_RIGHT, BELL_PHI_PLUS)
    steps: list[tuple[str, int, int]] = []
    result = check_notebook(
        path, record=False, sealed=sealed, progress=lambda *step: steps.append(step)
    )
    assert result.record.outcomes  # it graded
    (total,) = {cells for _text, _cell, cells in steps}
    assert [cell for _text, cell, _cells in steps] == list(range(1, total + 1))  # every cell
    texts = [text for text, _cell, _cells in steps]
    for exercise in ("plus_state", "bell_phi_minus"):
        answer = next(i for i, t in enumerate(texts) if f"연습 {exercise}" in t and "답을" in t)
        tests = next(i for i, t in enumerate(texts) if f"연습 {exercise}" in t and "테스트" in t)
        assert answer < tests
    assert texts[0] == "본문 셀을 실행하는 중"  # the set-up cell
    assert not any("exercise" in t or "running" in t for t in texts)  # no English


def test_the_terminal_shows_the_exercise_and_the_cells_done():
    import io

    from rich.console import Console

    from qcourse.commands.check import _cell_progress

    out = io.StringIO()
    console = Console(file=out, force_terminal=True, width=160)
    with _cell_progress(console, "01.ipynb 채점 중 (1개 중 1번째) …") as progress:
        progress("연습 plus_state: 답을 실행하는 중", 3, 10)
    shown = out.getvalue()
    assert "연습 plus_state: 답을 실행하는 중" in shown and "2/10" in shown
