"""`qcourse check`: the course's own tests, run on the learner's machine, recorded as progress."""

from __future__ import annotations

import json
import os

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
