"""Defect classes found on circuits nobody on this project wrote (issue 11): each test covers a
class (gate objects, matrix-only and opaque gates, idle qubits borrowed by synthesis, non-finite
angles, resets graded as operators, phases named where magnitudes differ)."""

from __future__ import annotations

import numpy as np
import pytest
from qiskit import QuantumCircuit, transpile
from qiskit.circuit import Gate
from qiskit.circuit.library import (
    CXGate,
    HalfAdderGate,
    HGate,
    MCXGate,
    SwapGate,
    XGate,
)
from qiskit.quantum_info import Operator

import qgrade
from qgrade import _guard, i18n


@pytest.fixture(autouse=True)
def _raise_internal_errors(monkeypatch):
    monkeypatch.setattr(_guard, "RAISE_INTERNAL_ERRORS", True)


@pytest.mark.parametrize("gate", [XGate(), HGate(), CXGate(), SwapGate()])
def test_singleton_gate_objects_are_submissions(gate):
    assert type(gate).__module__ is None or isinstance(type(gate).__module__, str)
    assert qgrade.check_operator(gate, Operator(gate)).passed
    wrong = qgrade.check_operator(gate, np.eye(2**gate.num_qubits))
    assert not wrong.passed and wrong.diagnosis != "invalid_submission"


def test_singleton_gate_as_state_preparation():
    verdict = qgrade.check_state(HGate(), [2**-0.5, 2**-0.5])
    assert verdict.passed, verdict.message


class MatrixOnlyGate(Gate):
    """Another vendor's native gate: a matrix, no definition."""

    def __init__(self, mat: np.ndarray, name: str = "vendor") -> None:
        super().__init__(name, int(np.log2(mat.shape[0])), [])
        self._mat = mat

    def __array__(self, dtype=None, copy=None):
        return np.asarray(self._mat, dtype=dtype or complex)


ISWAP_LIKE = np.array([[1, 0, 0, 0], [0, 0, 1j, 0], [0, 1j, 0, 0], [0, 0, 0, 1]], dtype=complex)


@pytest.mark.parametrize("n", [3, 12])
def test_matrix_only_gate_is_graded_small_and_large(n):
    sub = QuantumCircuit(n)
    sub.h(0)
    sub.append(MatrixOnlyGate(ISWAP_LIKE), [0, n - 1])
    ref = QuantumCircuit(n)
    ref.h(0)
    ref.iswap(0, n - 1)
    assert qgrade.check_operator(sub, ref).passed
    wrong = QuantumCircuit(n)
    wrong.h(0)
    wrong.swap(0, n - 1)
    verdict = qgrade.check_operator(sub, wrong)
    assert not verdict.passed and verdict.diagnosis != "invalid_submission"


def test_matrix_only_gate_inside_a_custom_definition():
    inner = QuantumCircuit(2)
    inner.append(MatrixOnlyGate(ISWAP_LIKE), [0, 1])
    wrapper = inner.to_gate(label="mine")
    sub = QuantumCircuit(12)
    sub.append(wrapper, [3, 7])
    ref = QuantumCircuit(12)
    ref.iswap(3, 7)
    assert qgrade.check_operator(sub, ref).passed


@pytest.mark.parametrize("n", [2, 12])
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_opaque_gate_is_a_clear_invalid_submission(n, lang, monkeypatch):
    monkeypatch.setattr(i18n, "_language", lang)
    sub = QuantumCircuit(n)
    sub.append(Gate("mystery", 1, []), [0])
    for verdict in (
        qgrade.check_operator(sub, np.eye(2**n) if n <= 10 else QuantumCircuit(n)),
        qgrade.check_state(sub, np.eye(2**n)[0]),
    ):
        assert verdict.diagnosis == "invalid_submission"
        assert "mystery" in verdict.message
        assert "Error" not in verdict.message and "internal_error" not in verdict.details
        if lang == "ko":
            assert "게이트" in verdict.message


@pytest.mark.parametrize("n", [11, 14])
def test_synthesis_does_not_borrow_idle_qubits(n):
    """High-level gates synthesized for Aer must not assume idle qubits start in |0>."""
    gate = HalfAdderGate(4)  # 10 qubits; n - 10 idle qubits hold random inputs
    high = QuantumCircuit(n)
    high.append(gate, range(gate.num_qubits))
    low = transpile(
        high, basis_gates=["cx", "u"], optimization_level=1, qubits_initially_zero=False
    )
    assert qgrade.check_operator(high, low).passed
    assert qgrade.check_operator(low, high).passed
    mcx = QuantumCircuit(n)
    mcx.append(MCXGate(n - 3), range(n - 2))
    mcx_low = transpile(mcx, basis_gates=["cx", "u"], qubits_initially_zero=False)
    assert qgrade.check_operator(mcx, mcx_low).passed


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), -float("inf")])
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_non_finite_angles_are_invalid_submissions(bad, lang, monkeypatch):
    monkeypatch.setattr(i18n, "_language", lang)
    qc = QuantumCircuit(2)
    qc.h(0)
    qc.rz(bad, 1)
    for verdict in (
        qgrade.check_state(qc, [0.5, 0.5, 0.5, 0.5]),
        qgrade.check_operator(qc, np.eye(4)),
    ):
        assert verdict.diagnosis == "invalid_submission", verdict.message
        assert "rz" in verdict.message and "fidelity" not in verdict.message
    nested = QuantumCircuit(2)
    nested.append(qc.to_gate(), [0, 1])
    assert qgrade.check_operator(nested, np.eye(4)).diagnosis == "invalid_submission"


def test_reset_graded_as_an_operator_says_so():
    qc = QuantumCircuit(1)
    qc.reset(0)
    verdict = qgrade.check_operator(qc, np.eye(2))
    assert not verdict.passed
    assert "reset" in verdict.message
    assert "measured bits are :" not in verdict.message
    assert "measured_bits" not in verdict.details


def test_no_relative_phase_when_some_columns_move():
    """One wrong column among many keeps the average |diag| near 1: not a phase error."""
    n = 10
    u = np.eye(2**n, dtype=complex)
    u[[5, 6]] = u[[6, 5]]  # swap two basis states: magnitudes differ on two columns
    u[3, 3] = -1
    verdict = qgrade.check_operator(u, np.eye(2**n))
    assert verdict.diagnosis != "relative_phase", verdict.message
    phase_only = np.eye(2**n, dtype=complex)
    phase_only[3, 3] = -1
    assert qgrade.check_operator(phase_only, np.eye(2**n)).diagnosis == "relative_phase"


# ------------------------------------------------------------------ messages that read right


def test_plural_messages_in_english(monkeypatch):
    from qgrade._guard import Reject
    from qgrade.diagnose import constraint_violated, wrong_qubit_count

    monkeypatch.setattr(i18n, "_language", "en")
    two = qgrade.check_state([0, 0, 0, 1], [1, 0, 0, 0])
    assert two.diagnosis == "bit_flip" and "qubits 0 and 1 are flipped" in two.message
    assert "X gates on" in two.message
    one = qgrade.check_state([0, 1], [1, 0])
    assert "qubit 0 is flipped" in one.message
    bell = QuantumCircuit(2)
    bell.h(0)
    bell.cx(0, 1)
    mixed = qgrade.check_state(bell, [1, 0], qubits=[1])
    assert "The qubit you are graded on (1) is not" in mixed.message, mixed.message

    def text(reject: Reject) -> str:
        return reject.verdict.message

    assert "at most 1 call is allowed" in text(constraint_violated.oracle_calls(2, 1, "f"))
    assert "at most 2 calls are allowed" in text(constraint_violated.oracle_calls(3, 2, "f"))
    assert "1 time," in text(constraint_violated.oracle_calls(1, 0, "f"))
    assert "at most 1 is allowed" in text(constraint_violated.gate_count("cx", 2, 1))
    assert "1 'cx' gate," in text(constraint_violated.gate_count("cx", 1, 0))
    assert "1 two-qubit gate " in text(constraint_violated.two_qubit(1, 0))
    assert "has 1 qubit," in text(wrong_qubit_count.mismatch(1, 2))
    assert "1 ancilla qubit)" in text(wrong_qubit_count.mismatch(2, 3, 1))
    assert "only 1 qubit." in text(wrong_qubit_count.qubit_out_of_range(3, 1))


def test_plural_messages_in_korean(monkeypatch):
    from qgrade.diagnose import constraint_violated

    monkeypatch.setattr(i18n, "_language", "ko")
    for actual, limit in ((2, 1), (3, 2), (1, 0)):
        message = constraint_violated.oracle_calls(actual, limit, "f").verdict.message
        assert "오라클" in message and f"{actual}번" in message
    two = qgrade.check_state([0, 0, 0, 1], [1, 0, 0, 0])
    assert "뒤집힌" in two.message


# ------------------------------------------------------------------ single-gate repairs


def _three() -> QuantumCircuit:
    qc = QuantumCircuit(3)
    qc.h(0)
    qc.cx(0, 1)
    qc.rxx(0.7, 1, 2)
    qc.t(2)
    return qc


def test_reference_only_widens_the_search():
    ref = _three()
    missing = QuantumCircuit(3)
    missing.h(0)
    missing.cx(0, 1)
    missing.t(2)
    alone = qgrade.check_operator(missing, ref)
    assert alone.diagnosis == "wrong_operator"  # rxx(0.7) is no standard guess
    helped = qgrade.check_operator(missing, ref, reference=ref)
    assert helped.diagnosis == "one_gate_away" and "rxx(0.7, 1, 2)" in helped.message
    assert helped.details["generic_diagnosis"] == "wrong_operator"
    # a reference never decides: right stays right and wrong stays wrong, whatever it is
    wrong_reference = QuantumCircuit(3)
    wrong_reference.x(2)
    assert qgrade.check_operator(ref, ref, reference=wrong_reference).passed
    assert not qgrade.check_operator(missing, ref, reference=missing).passed
    assert not qgrade.check_state(missing, Operator(ref).data[:, 0], reference=ref).passed


def test_reference_may_be_a_function_and_must_be_a_circuit():
    ref = _three()
    wrong = ref.copy()
    wrong.data.pop(0)
    assert qgrade.check_operator(wrong, ref, reference=lambda: ref).diagnosis == "one_gate_away"
    with pytest.raises(_guard.ExerciseError):
        qgrade.check_operator(wrong, ref, reference="the solution")


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_repairs_in_both_languages(lang, monkeypatch):
    monkeypatch.setattr(i18n, "_language", lang)
    ref = _three()
    swapped = QuantumCircuit(3)
    swapped.h(0)
    swapped.cx(1, 0)
    swapped.rxx(0.7, 1, 2)
    swapped.t(2)
    verdict = qgrade.check_operator(swapped, ref)
    assert verdict.diagnosis == "control_target_swapped"
    assert "cx(1, 0)" in verdict.message and "cx(0, 1)" in verdict.message
    extra = ref.copy()
    extra.z(1)
    verdict = qgrade.check_state(extra, Operator(ref).data[:, 0])
    assert verdict.diagnosis in ("one_gate_away", "relative_phase")
    dropped = ref.copy()
    dropped.data.pop(1)
    verdict = qgrade.check_operator(dropped, ref)
    assert verdict.diagnosis == "one_gate_away" and "cx(0, 1)" in verdict.message
    if lang == "ko":
        assert "게이트 하나" in verdict.message


def test_repairs_on_transpiled_circuits_with_a_layout():
    from qiskit.transpiler import CouplingMap

    ref = _three()
    t = transpile(
        ref,
        basis_gates=["cx", "rz", "sx", "x"],
        coupling_map=CouplingMap.from_line(3),
        initial_layout=[2, 0, 1],
        optimization_level=1,
        seed_transpiler=5,
    )
    assert qgrade.check_operator(t, ref).passed
    cx = [i for i, inst in enumerate(t.data) if inst.operation.name == "cx"]
    broken = t.copy()
    del broken.data[cx[0]]
    verdict = qgrade.check_operator(broken, ref)
    assert verdict.diagnosis == "one_gate_away", verdict.message


def test_oracle_one_gate_away_and_reference():
    def parity(x):
        return bin(int(x)).count("1") % 2

    good = QuantumCircuit(4)
    for q in range(3):
        good.cx(q, 3)
    missing = QuantumCircuit(4)
    missing.cx(0, 3)
    missing.cx(2, 3)
    verdict = qgrade.check_oracle(missing, parity, 3, kind="bit_flip", reference=good)
    assert not verdict.passed
    assert verdict.diagnosis == "one_gate_away" and "cx(1, 3)" in verdict.message
    assert qgrade.check_oracle(good, parity, 3, kind="bit_flip", reference=missing).passed


def test_each_code_is_declared_once_with_meaning_and_translated_title(monkeypatch):
    from qgrade.diagnoses import DECLARED, DIAGNOSES, TITLES
    from qgrade.render import diagnosis_title

    codes = [d.code for d in DECLARED]
    assert len(codes) == len(set(codes)) and set(codes) == set(DIAGNOSES) == set(TITLES)
    monkeypatch.setattr(i18n, "_language", "ko")
    for d in DECLARED:
        assert d.meaning and d.title
        assert diagnosis_title(d.code) != d.title, d.code  # translated


def test_a_permutation_that_changes_nothing_is_not_named_as_the_mistake():
    # swapping two controls of a multi-controlled X leaves it unchanged: an answer with a phase
    # error on one basis state (fidelity 0.9993, too localized for nearly_correct) must not be
    # told that its qubits 0 and 1 are mixed up, since swapping them changes nothing
    from qiskit.circuit.library import MCXGate
    from qiskit.quantum_info import Operator

    from qgrade.diagnose import nearly_correct

    ideal = QuantumCircuit(7)
    ideal.append(MCXGate(6), range(7))
    phases = np.ones(128, dtype=complex)
    phases[3] = np.exp(0.3j)  # |0000011>: symmetric under swapping qubits 0 and 1
    wrong = Operator(ideal).data @ np.diag(phases)
    verdict = qgrade.check_operator(wrong, ideal)
    assert verdict.diagnosis == "relative_phase", verdict.message
    assert "|0000011⟩" in verdict.message
    assert nearly_correct.explains(1.0, 0.2) and not nearly_correct.explains(0.9995, 0.9995)
