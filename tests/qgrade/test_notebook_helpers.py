"""The nbgrader-safe test-cell helpers: in plain Python, in IPython, and under a real nbgrader run."""

from __future__ import annotations

import os
import sys
import warnings

import numpy as np
import pytest
from IPython.core.interactiveshell import InteractiveShell
from IPython.utils.capture import capture_output
from qiskit import QuantumCircuit
from qiskit.circuit.library import QFT, QFTGate
from qiskit.quantum_info import Operator, Statevector
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


# ---------------------------------------------------------------- with the real checks


def _bell():
    qc = QuantumCircuit(2)
    qc.h(0)
    qc.cx(0, 1)
    return qc


def _x_on(n, qubit):
    qc = QuantumCircuit(n)
    qc.x(qubit)
    return qc


def test_assert_state_passes_and_forwards_options():
    assert qgrade.assert_state(_bell, Statevector([1, 0, 0, 1]) / np.sqrt(2)) is None
    minus_zero = Statevector([-1, 0])
    assert qgrade.assert_state(QuantumCircuit(1), minus_zero, global_phase="ignore") is None
    with pytest.raises(AssertionError, match=r"^\[global_phase\] "):
        qgrade.assert_state(QuantumCircuit(1), minus_zero, global_phase="strict")


def test_assert_state_failure_names_the_diagnosis():
    with pytest.raises(AssertionError) as info:
        qgrade.assert_state(_x_on(2, 0), Statevector.from_label("10"))
    message = str(info.value)
    assert message.startswith("[qubit_order_reversed] ")
    assert message == failure_message(qgrade.check_state(_x_on(2, 0), Statevector.from_label("10")))


def test_assert_state_of_an_unanswered_exercise():
    def starter():
        raise NotImplementedError()

    with pytest.raises(AssertionError, match=r"^\[student_error\] "):
        qgrade.assert_state(starter, Statevector.from_label("0"))


def test_assert_operator_and_a_qiskit_warning_inside_the_submission(capfd):
    def with_deprecated_qft():
        qc = QuantumCircuit(2)
        qc.append(QFT(2), [0, 1])  # qiskit 2.x: DeprecationWarning
        return qc

    assert qgrade.assert_operator(with_deprecated_qft, Operator(QFTGate(2))) is None
    with pytest.raises(AssertionError, match=r"^\[(bit_flip|wrong_operator)\] .*\|0⟩"):
        qgrade.assert_operator(_x_on(1, 0), Operator(QuantumCircuit(1)), global_phase="strict")
    assert capfd.readouterr().err == ""


def test_assert_oracle_names_the_mistake():
    def parity(x):
        bits = [int(b) for b in format(x, "02b")] if isinstance(x, int) else list(x)
        return sum(bits) % 2

    good = QuantumCircuit(3)
    good.cx(0, 2)
    good.cx(1, 2)
    assert qgrade.assert_oracle(good, parity, 2, kind="bit_flip") is None
    negated = good.copy()
    negated.x(2)
    with pytest.raises(AssertionError, match=r"^\[bit_flip\] .*qubit 2"):
        qgrade.assert_oracle(negated, parity, 2, kind="bit_flip")


def test_assert_counts():
    assert qgrade.assert_counts({"00": 498, "11": 502}, {"00": 0.5, "11": 0.5}) is None
    with pytest.raises(AssertionError, match=r"^\[distribution_mismatch\] "):
        qgrade.assert_counts({"00": 700, "11": 300}, {"00": 0.5, "11": 0.5}, alpha=1e-3)


def test_real_check_messages_follow_the_language(monkeypatch):
    monkeypatch.setattr(i18n, "_language", "ko")
    with pytest.raises(AssertionError) as info:
        qgrade.assert_state(_x_on(2, 0), Statevector.from_label("10"))
    assert str(info.value).startswith("[qubit_order_reversed] 큐비트 순서가 거꾸로예요.")


def test_an_exercise_bug_is_an_error_not_a_learner_verdict():
    # a wrong option is the author's mistake: it must surface while writing the exercise
    with pytest.raises(TypeError):
        qgrade.assert_state(_bell, Statevector.from_label("00"), global_phaze="ignore")


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
import numpy as np
import qgrade
from qgrade import Verdict
from qiskit import QuantumCircuit
from qiskit.circuit.library import QFT, QFTGate
from qiskit.quantum_info import Operator, Statevector

PASS = Verdict(True, 1.0, "correct", "Well done.")
FAIL = Verdict(False, 0.0, "bit_flip", "Qubit 1 is flipped: apply X to it.")
BELL = Statevector([1, 0, 0, 1]) / np.sqrt(2)

def noisy_check():
    QFT(2)  # qiskit: DeprecationWarning, reported against this (__main__) code
    print("python-level stderr", file=sys.stderr)
    os.write(2, b"fd-level stderr\\n")
    return PASS

def bell():
    qc = QuantumCircuit(2)
    qc.h(0)
    qc.cx(0, 1)
    return qc

def reversed_prep():  # prepares |01> when |10> is asked for
    qc = QuantumCircuit(2)
    qc.x(0)
    return qc

def starter():
    raise NotImplementedError()

def qft_with_deprecated_class():
    qc = QuantumCircuit(2)
    qc.append(QFT(2), [0, 1])
    return qc
"""

COUNTS_PARTIAL = """\
qgrade.partial_credit(
    lambda: qgrade.check_counts({"0": 510, "1": 490}, {"0": 0.5, "1": 0.5}),
    lambda: qgrade.check_counts({"0": 900, "1": 100}, {"0": 0.5, "1": 0.5}),
    points=4,
)"""

# grade_id -> (source, points, the score nbgrader must give)
TEST_CELLS = {
    "test_pass": ("qgrade.assert_verdict(PASS)", 1, 1.0),
    "test_fail": ("qgrade.assert_verdict(FAIL)", 2, 0.0),
    "test_partial": ("qgrade.partial_credit(PASS, FAIL, points=3)", 3, 1.5),
    "test_partial_none": ("qgrade.partial_credit(FAIL, FAIL, points=2)", 2, 0.0),
    "test_noisy_quiet": ("qgrade.partial_credit(noisy_check, points=2)", 2, 2.0),
    "test_state_pass": ("qgrade.assert_state(bell, BELL)", 2, 2.0),
    "test_state_reversed": (
        'qgrade.assert_state(reversed_prep, Statevector.from_label("10"))',
        2,
        0.0,
    ),
    "test_starter": ("qgrade.assert_state(starter, BELL)", 1, 0.0),
    "test_operator_warning": (
        "qgrade.assert_operator(qft_with_deprecated_class, Operator(QFTGate(2)))",
        2,
        2.0,
    ),
    "test_counts_partial": (COUNTS_PARTIAL, 4, 2.0),
    # controls: what nbgrader does without the helpers
    "control_warning": ("_ = QFT(2)", 1, 0.0),  # stderr -> 0 for a correct answer
    "control_bare_verdict": ("FAIL", 1, 1.0),  # a non-number result -> FULL credit
    # last: switches the kernel's language
    "test_korean": (
        'qgrade.set_language("ko")\nqgrade.assert_state(reversed_prep, Statevector.from_label("10"))',
        1,
        0.0,
    ),
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
from qiskit import QuantumCircuit
from qiskit.circuit.library import QFT, QFTGate
from qiskit.quantum_info import Operator, Statevector
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


PARTIAL_RESULTS = {"test_partial": "1.5", "test_noisy_quiet": "2.0", "test_counts_partial": "2.0"}
ERRORS = {
    "test_fail": "[bit_flip] Qubit 1 is flipped: apply X to it.",
    "test_partial_none": "[bit_flip] Qubit 1 is flipped: apply X to it.",
    "test_state_reversed": "[qubit_order_reversed] Your qubits are in reversed order.",
    "test_starter": "[student_error] This exercise is not answered yet",
    "test_korean": "[qubit_order_reversed] 큐비트 순서가 거꾸로예요.",
}


@pytest.mark.slow
def test_nbgrader_outputs_show_feedback_and_the_diagnosis(autograded):
    _scores, cells = autograded
    for grade_id in (g for g in TEST_CELLS if g.startswith("test_")):
        outputs = cells[grade_id].outputs
        shown = [o for o in outputs if o.output_type == "display_data"]
        assert shown and all("text/html" in o.data for o in shown), grade_id
        results = [o.data["text/plain"] for o in outputs if o.output_type == "execute_result"]
        assert results == ([PARTIAL_RESULTS[grade_id]] if grade_id in PARTIAL_RESULTS else [])
        errors = [o for o in outputs if o.output_type == "error"]
        if grade_id in ERRORS:
            (error,) = errors
            assert error.ename == "AssertionError"
            assert error.evalue.startswith(ERRORS[grade_id]), error.evalue
        else:
            assert errors == [], grade_id
    noisy = cells["test_noisy_quiet"].outputs[0].data["text/html"]
    assert "DeprecationWarning" in noisy and "fd-level stderr" in noisy
    qft = cells["test_operator_warning"].outputs[0].data["text/html"]
    assert "DeprecationWarning" in qft and "Passed" in qft
