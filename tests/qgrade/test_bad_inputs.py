"""Bad input never escapes as an exception: each gets a failing verdict with a clear message, quickly."""

from __future__ import annotations

import sys
import time
import warnings

import numpy as np
import pytest
from qiskit import QuantumCircuit
from qiskit.circuit import Parameter
from qiskit.quantum_info import DensityMatrix, Operator, Statevector

import qgrade
from qgrade import _guard
from qgrade._guard import ExerciseError


@pytest.fixture(autouse=True)
def _raise_internal_errors(monkeypatch):
    # bad input must be recognized on purpose, not caught by the last-resort handler
    monkeypatch.setattr(_guard, "RAISE_INTERNAL_ERRORS", True)


BELL = Statevector.from_label("00").evolve(
    QuantumCircuit.from_qasm_str(
        'OPENQASM 2.0; include "qelib1.inc"; qreg q[2]; h q[0]; cx q[0],q[1];'
    )
)


def _starter():
    raise NotImplementedError()


def _raises_value_error():
    raise ValueError("bad angle")


def _needs_args(n):
    return QuantumCircuit(n)


def _returns_nothing():
    QuantumCircuit(2)


STATE_CASES = [
    ("none", None, "invalid_submission", "None"),
    ("string", "|00>", "invalid_submission", "text"),
    ("bytes", b"00", "invalid_submission", "text"),
    ("int", 3, "invalid_submission", "int"),
    ("dict", {"00": 1}, "invalid_submission", "dict"),
    ("nan", [np.nan, 0, 0, 0], "invalid_submission", "NaN"),
    ("inf", [np.inf, 0, 0, 0], "invalid_submission", "NaN"),
    ("length 3", [1, 0, 0], "invalid_submission", "3 entries"),
    ("empty", [], "invalid_submission", "0 entries"),
    ("length 1", [1], "invalid_submission", "1 entries"),
    ("ragged", [[1, 0], [0]], "invalid_submission", "numbers"),
    ("strings in array", ["a", "b", "c", "d"], "invalid_submission", "numbers"),
    ("3d array", np.zeros((2, 2, 2)), "invalid_submission", "shape"),
    ("wrong length (8)", [1, 0, 0, 0, 0, 0, 0, 0], "wrong_qubit_count", "3 qubits"),
    ("unnormalized", [1, 0, 0, 1], "not_normalized", "normalized"),
    ("0.707", [0.707, 0, 0, 0.707], "not_normalized", "np.sqrt"),
    ("zero vector", [0, 0, 0, 0], "not_normalized", "normalized"),
    ("operator", Operator(np.eye(4)), "invalid_submission", "matrix"),
    ("non-state matrix", np.ones((4, 4)), "invalid_submission", "matrix"),
    ("starter", _starter, "student_error", "not answered yet"),
    ("raises", _raises_value_error, "student_error", "bad angle"),
    ("needs arguments", _needs_args, "invalid_submission", "arguments"),
    ("returns nothing", _returns_nothing, "invalid_submission", "return"),
    ("returns a function", lambda: _starter, "invalid_submission", "function"),
    ("40 qubits", QuantumCircuit(40), "too_large", "40"),
    ("40 qubits from a function", lambda: QuantumCircuit(40), "too_large", "40"),
    ("wrong qubit count", QuantumCircuit(3), "wrong_qubit_count", "3"),
    ("class instead of object", QuantumCircuit, "invalid_submission", "type"),
]


@pytest.mark.parametrize(
    "submission, code, words", [c[1:] for c in STATE_CASES], ids=[c[0] for c in STATE_CASES]
)
def test_bad_state_submission(submission, code, words):
    start = time.perf_counter()
    verdict = qgrade.check_state(submission, BELL)
    assert time.perf_counter() - start < 5
    assert not verdict.passed and verdict.score == 0.0
    assert verdict.diagnosis == code, verdict.message
    assert words in verdict.message, verdict.message


def test_unbound_parameters_are_named():
    qc = QuantumCircuit(2)
    qc.ry(Parameter("alpha"), 0)
    qc.rz(Parameter("beta"), 1)
    verdict = qgrade.check_state(qc, BELL)
    assert verdict.diagnosis == "unbound_parameters"
    assert "alpha" in verdict.message and "beta" in verdict.message
    assert verdict.details["parameters"] == ["alpha", "beta"]


@pytest.mark.parametrize(
    "submission, code",
    [
        (None, "invalid_submission"),
        ("cx", "invalid_submission"),
        ([1, 0, 0, 0], "invalid_submission"),
        (np.ones((3, 3)), "invalid_submission"),
        (np.ones((2, 4)), "invalid_submission"),
        (np.triu(np.ones((4, 4))), "invalid_submission"),  # not unitary
        (np.full((2, 2), np.nan), "invalid_submission"),
        (np.eye(8), "wrong_qubit_count"),
        (QuantumCircuit(40), "too_large"),
        (_starter, "student_error"),
    ],
)
def test_bad_operator_submission(submission, code):
    cx = QuantumCircuit(2)
    cx.cx(0, 1)
    verdict = qgrade.check_operator(submission, cx)
    assert not verdict.passed
    assert verdict.diagnosis == code, verdict.message


def test_mid_circuit_measurement_in_an_operator_is_graded_as_a_channel():
    # measuring in the middle makes it not unitary: an honest failure, not a crash
    qc = QuantumCircuit(1, 1)
    qc.h(0)
    qc.measure(0, 0)
    qc.h(0)
    h = QuantumCircuit(1)
    verdict = qgrade.check_operator(qc, h)
    assert not verdict.passed
    assert verdict.details["fidelity"] < 0.9


def test_density_matrix_submissions():
    assert qgrade.check_state(DensityMatrix(BELL), BELL).passed
    mixed = DensityMatrix(np.eye(4) / 4)
    verdict = qgrade.check_state(mixed, BELL)
    assert verdict.diagnosis == "wrong_amplitudes"
    assert verdict.details["fidelity"] == pytest.approx(0.25)
    assert qgrade.check_state(DensityMatrix(np.eye(4) / 2), BELL).diagnosis == "not_normalized"


def test_qubit_selection_out_of_range():
    verdict = qgrade.check_state(QuantumCircuit(2), Statevector.from_label("0"), qubits=[5])
    assert verdict.diagnosis == "wrong_qubit_count"


def test_check_errors_of_the_exercise_author_raise():
    with pytest.raises(ExerciseError):
        qgrade.check_state(QuantumCircuit(2), [1, 1, 0, 0])  # expected not normalized
    with pytest.raises(ExerciseError):
        qgrade.check_state(QuantumCircuit(2), BELL, global_phase="sometimes")
    with pytest.raises(ExerciseError):
        qgrade.check_state(QuantumCircuit(2), BELL, qubits=[0])
    with pytest.raises(ExerciseError):
        qgrade.check_operator(QuantumCircuit(1), np.ones((2, 2)))
    with pytest.raises(ExerciseError):
        qgrade.check_counts({"0": 1}, {"0": 0.3})
    with pytest.raises(TypeError):
        qgrade.check_state(QuantumCircuit(2), BELL, no_such_option=1)


def test_nothing_reaches_stderr_or_escapes_as_a_warning(capfd):
    def noisy():
        warnings.warn("a learner's warning", DeprecationWarning, stacklevel=1)
        print("to stderr", file=sys.stderr)
        np.float64(1.0) / np.float64(0.0)  # numpy RuntimeWarning
        return QuantumCircuit(2)

    with warnings.catch_warnings():
        warnings.simplefilter("error")  # any warning leaking out would raise here
        verdict = qgrade.check_state(noisy, BELL)
    assert not verdict.passed
    out, err = capfd.readouterr()
    assert err == ""
    notes = " ".join(verdict.details["warnings"])
    assert "a learner's warning" in notes and "to stderr" in notes


def test_internal_errors_become_verdicts_when_not_debugging(monkeypatch):
    monkeypatch.setattr(_guard, "RAISE_INTERNAL_ERRORS", False)

    class Weird(QuantumCircuit):
        @property
        def data(self):  # a broken object deep inside qiskit's reach
            raise RuntimeError("boom")

    verdict = qgrade.check_state(Weird(2), BELL)
    assert not verdict.passed
    assert verdict.diagnosis == "invalid_submission"
    assert "boom" in verdict.message
