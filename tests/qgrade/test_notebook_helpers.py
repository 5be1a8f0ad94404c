"""The nbgrader-safe test-cell helpers: in plain Python, in IPython, and under a real nbgrader run."""

from __future__ import annotations

import os
import sys
import warnings

import pytest
from IPython.core.interactiveshell import InteractiveShell
from IPython.utils.capture import capture_output
from traitlets.config import Config

import qgrade
from qgrade import i18n
from qgrade.notebook import failure_message, quiet
from qgrade.verdict import Verdict

PASS = Verdict(True, 1.0, "correct", "Well done.")
FAIL = Verdict(False, 0.0, "bit_flip", "Qubit 1 is flipped: apply X to it.")
HALF = Verdict(False, 0.5, "nearly_correct", "Check your angles.")


@pytest.fixture(autouse=True)
def _english(monkeypatch):
    monkeypatch.delenv("QCOURSE_LANG", raising=False)
    monkeypatch.setattr(i18n, "_language", None)


def _noisy_pass() -> Verdict:
    """A check that does everything that would zero an nbgrader cell, then passes."""
    warnings.warn("a deprecated thing", DeprecationWarning, stacklevel=1)
    print("python-level stderr", file=sys.stderr)
    os.write(2, b"fd-level stderr from C code\n")
    return PASS


# ---------------------------------------------------------------- plain Python


def test_assert_verdict_passes_silently():
    assert qgrade.assert_verdict(PASS) is None


def test_assert_verdict_failure_message_starts_with_the_code():
    with pytest.raises(AssertionError) as info:
        qgrade.assert_verdict(FAIL)
    assert str(info.value) == "[bit_flip] Qubit 1 is flipped: apply X to it."
    assert failure_message(FAIL) == str(info.value)


def test_assert_verdict_rejects_non_verdicts():
    with pytest.raises(TypeError, match="expects a qgrade.Verdict, got bool"):
        qgrade.assert_verdict(True)


@pytest.mark.parametrize(
    ("verdicts", "points", "expected"),
    [
        ((PASS,), 2, 2.0),
        ((PASS, FAIL), 3, 1.5),
        ((PASS, PASS, FAIL), 1, 0.666667),
        ((PASS, HALF), 4, 3.0),
        ((PASS, FAIL, FAIL, FAIL), 2.0, 0.5),
    ],
)
def test_partial_credit_is_points_times_mean_score(verdicts, points, expected):
    result = qgrade.partial_credit(*verdicts, points=points)
    assert type(result) is float
    assert result == expected


def test_partial_credit_raises_when_everything_fails():
    with pytest.raises(AssertionError, match=r"^\[nearly_correct\] Check your angles\.$"):
        qgrade.partial_credit(HALF, FAIL, points=2)


def test_partial_credit_runs_callables_quietly(capfd):
    assert qgrade.partial_credit(_noisy_pass, lambda: FAIL, points=2) == 1.0
    out, err = capfd.readouterr()
    assert err == ""


@pytest.mark.parametrize(
    ("args", "kwargs", "error", "match"),
    [
        ((PASS,), {"points": 0}, ValueError, "positive finite number"),
        ((PASS,), {"points": float("nan")}, ValueError, "positive finite number"),
        ((PASS,), {"points": "two"}, TypeError, "points must be a number"),
        ((), {"points": 1}, ValueError, "at least one Verdict"),
        ((PASS, 0.5), {"points": 1}, TypeError, "got float"),
        ((lambda: 1.0,), {"points": 1}, TypeError, "expected a qgrade.Verdict"),
    ],
)
def test_partial_credit_bad_input(args, kwargs, error, match):
    with pytest.raises(error, match=match):
        qgrade.partial_credit(*args, **kwargs)


def test_quiet_keeps_everything_off_stderr(capfd):
    with quiet() as captured:
        verdict = _noisy_pass()
    assert verdict is PASS
    out, err = capfd.readouterr()
    assert err == "" and out == ""
    assert captured.notes == [
        "DeprecationWarning: a deprecated thing",
        "python-level stderr",
        "fd-level stderr from C code",
    ]
    # and stderr works again afterwards
    print("after", file=sys.stderr)
    assert capfd.readouterr().err == "after\n"


def test_failure_message_is_in_the_active_language(monkeypatch):
    # the check writes its message in the active language; the helper must not touch it
    monkeypatch.setattr(i18n, "_language", "ko")
    with pytest.raises(AssertionError) as info:
        qgrade.assert_verdict(Verdict(False, 0, "relative_phase", "1번 큐비트의 위상이 달라요."))
    assert str(info.value) == "[relative_phase] 1번 큐비트의 위상이 달라요."


# ---------------------------------------------------------------- IPython display


@pytest.fixture
def shell(tmp_path, monkeypatch):
    monkeypatch.setenv("IPYTHONDIR", str(tmp_path / "ipython"))
    config = Config()
    config.HistoryManager.enabled = False
    ip = InteractiveShell.instance(config=config)
    ip.user_ns.update(qgrade=qgrade, PASS=PASS, FAIL=FAIL, noisy=_noisy_pass)
    yield ip
    InteractiveShell.clear_instance()


def _run(shell, code):
    with capture_output() as captured:
        result = shell.run_cell(code)
    return result, captured


def _verdict_displays(captured):
    return [o for o in captured.outputs if "qgrade" in (o.metadata or {})]


def test_ipython_pass_displays_html_and_has_no_result(shell):
    result, captured = _run(shell, "qgrade.assert_verdict(PASS)")
    assert result.success and result.result is None
    (shown,) = _verdict_displays(captured)
    assert "Well done." in shown.data["text/html"]
    assert shown.metadata["qgrade"] == {"passed": True, "score": 1.0, "diagnosis": "correct"}
    assert captured.stderr == ""


def test_ipython_fail_displays_then_raises(shell):
    result, captured = _run(shell, "qgrade.assert_verdict(FAIL)")
    assert isinstance(result.error_in_exec, AssertionError)
    assert str(result.error_in_exec).startswith("[bit_flip] ")
    (shown,) = _verdict_displays(captured)
    assert "Qubit 1 is flipped" in shown.data["text/html"]
    assert shown.data["text/plain"].startswith("✘ Not passed yet")


def test_ipython_partial_credit_result_is_a_number(shell):
    result, captured = _run(shell, "qgrade.partial_credit(PASS, FAIL, noisy, points=3)")
    assert result.result == 2.0
    assert len(_verdict_displays(captured)) == 3
    noisy_html = _verdict_displays(captured)[2].data["text/html"]
    assert "DeprecationWarning: a deprecated thing" in noisy_html  # shown, not on stderr
    assert captured.stderr == ""


# ---------------------------------------------------------------- a real nbgrader run

SETUP = """\
import os, sys, warnings
import qgrade
from qgrade import Verdict
from qiskit.circuit.library import QFT

PASS = Verdict(True, 1.0, "correct", "Well done.")
FAIL = Verdict(False, 0.0, "bit_flip", "Qubit 1 is flipped: apply X to it.")

def noisy_check():
    QFT(2)  # qiskit: DeprecationWarning, reported against this (__main__) code
    print("python-level stderr", file=sys.stderr)
    os.write(2, b"fd-level stderr\\n")
    return PASS
"""

# grade_id -> (source, points, the score nbgrader must give)
TEST_CELLS = {
    "test_pass": ("qgrade.assert_verdict(PASS)", 1, 1.0),
    "test_fail": ("qgrade.assert_verdict(FAIL)", 2, 0.0),
    "test_partial": ("qgrade.partial_credit(PASS, FAIL, points=3)", 3, 1.5),
    "test_partial_none": ("qgrade.partial_credit(FAIL, FAIL, points=2)", 2, 0.0),
    "test_noisy_quiet": ("qgrade.partial_credit(noisy_check, points=2)", 2, 2.0),
    # controls: what nbgrader does without the helpers
    "control_warning": ("_ = QFT(2)", 1, 0.0),  # stderr -> 0 for a correct answer
    "control_bare_verdict": ("FAIL", 1, 1.0),  # a non-number result -> FULL credit
}


def _course(root):
    import nbformat
    from nbformat.v4 import new_code_cell, new_notebook

    cells = [new_code_cell(SETUP, metadata=_nbgrader("setup", locked=True))]
    for grade_id, (source, points, _score) in TEST_CELLS.items():
        meta = _nbgrader(grade_id, grade=True, locked=True, points=points)
        cells.append(new_code_cell(source, metadata=meta))
    nb = new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    (root / "source" / "ps1").mkdir(parents=True)
    nbformat.write(nb, root / "source" / "ps1" / "ps1.ipynb")
    (root / "nbgrader_config.py").write_text(
        "c = get_config()\nc.CourseDirectory.course_id = 'qgrade-helpers'\n",
        encoding="utf-8",
    )


def _nbgrader(grade_id, *, grade=False, locked=False, points=None):
    meta = {"grade": grade, "grade_id": grade_id, "locked": locked, "schema_version": 3}
    meta["solution"] = False
    if points is not None:
        meta["points"] = points
    return {"nbgrader": meta}


# one interpreter for both nbgrader steps (each nbgrader start-up costs seconds)
DRIVER = """\
import shutil, sys
from pathlib import Path
from traitlets.config import Config
from nbgrader.apps import NbGraderAPI

root = Path(sys.argv[1])
config = Config()
config.CourseDirectory.root = str(root)
config.CourseDirectory.course_id = "qgrade-helpers"
config.ExecutePreprocessor.timeout = 120
api = NbGraderAPI(config=config)
result = api.generate_assignment("ps1")
assert result["success"], result
submitted = root / "submitted" / "alice" / "ps1"
submitted.mkdir(parents=True)
shutil.copy(root / "release" / "ps1" / "ps1.ipynb", submitted / "ps1.ipynb")
result = api.autograde("ps1", "alice")
assert result["success"], result
"""


def _generate_submit_autograde(root):
    import subprocess

    env = {k: v for k, v in os.environ.items() if k != "QCOURSE_LANG"}
    env.update(
        IPYTHONDIR=str(root / ".ipython"),
        JUPYTER_RUNTIME_DIR=str(root / ".runtime"),
        JUPYTER_PLATFORM_DIRS="1",
        # nbgrader runs `alembic` from PATH: the venv's bin must come first
        PATH=os.pathsep.join([os.path.dirname(sys.executable), env.get("PATH", "")]),
    )
    result = subprocess.run(
        [sys.executable, "-c", DRIVER, str(root)],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture(scope="module")
def autograded(tmp_path_factory):
    """Generate, 'submit' and autograde a tiny course once; yield (scores, graded notebook)."""
    import nbformat
    from nbgrader.api import Gradebook

    root = tmp_path_factory.mktemp("course")
    _course(root)
    _generate_submit_autograde(root)
    with Gradebook(f"sqlite:///{root / 'gradebook.db'}") as gb:
        notebook = gb.find_submission_notebook("ps1", "ps1", "alice")
        scores = {grade.name: grade.auto_score for grade in notebook.grades}
    graded = nbformat.read(root / "autograded" / "alice" / "ps1" / "ps1.ipynb", as_version=4)
    cells = {c.metadata["nbgrader"]["grade_id"]: c for c in graded.cells}
    return scores, cells


@pytest.mark.slow
def test_nbgrader_scores_every_cell_exactly(autograded):
    scores, _cells = autograded
    assert scores == {gid: score for gid, (_src, _pts, score) in TEST_CELLS.items()}


@pytest.mark.slow
def test_nbgrader_helper_cells_never_write_to_stderr(autograded):
    _scores, cells = autograded
    for grade_id in ("setup", *[g for g in TEST_CELLS if g.startswith("test_")]):
        streams = [o for o in cells[grade_id].outputs if o.output_type == "stream"]
        assert not [o for o in streams if o.name == "stderr"], (grade_id, streams)
    # the control shows the trap is real in this very run
    control = cells["control_warning"].outputs
    assert any(o.output_type == "stream" and o.name == "stderr" for o in control)


@pytest.mark.slow
def test_nbgrader_outputs_show_feedback_and_the_diagnosis(autograded):
    _scores, cells = autograded
    for grade_id in (g for g in TEST_CELLS if g.startswith("test_")):
        outputs = cells[grade_id].outputs
        shown = [o for o in outputs if o.output_type == "display_data"]
        assert shown and all("text/html" in o.data for o in shown), grade_id
        results = [o for o in outputs if o.output_type == "execute_result"]
        if grade_id == "test_partial":
            assert [r.data["text/plain"] for r in results] == ["1.5"]
        elif grade_id == "test_noisy_quiet":
            assert [r.data["text/plain"] for r in results] == ["2.0"]
            html = shown[0].data["text/html"]
            assert "DeprecationWarning" in html and "fd-level stderr" in html
        else:
            assert results == []
    for grade_id in ("test_fail", "test_partial_none"):
        (error,) = [o for o in cells[grade_id].outputs if o.output_type == "error"]
        assert error.ename == "AssertionError"
        assert error.evalue == "[bit_flip] Qubit 1 is flipped: apply X to it."
