"""One example per diagnosis code: the check picks exactly that code, with a useful message."""

from __future__ import annotations

import numpy as np
import pytest
from qiskit import QuantumCircuit
from qiskit.circuit import Parameter
from qiskit.quantum_info import Operator, Statevector

import qgrade
from qgrade import _guard
from qgrade.diagnoses import DIAGNOSES


@pytest.fixture(autouse=True)
def _raise_internal_errors(monkeypatch):
    monkeypatch.setattr(_guard, "RAISE_INTERNAL_ERRORS", True)


def bell() -> QuantumCircuit:
    qc = QuantumCircuit(2)
    qc.h(0)
    qc.cx(0, 1)
    return qc


def circuit(n: int, *ops) -> QuantumCircuit:
    qc = QuantumCircuit(n)
    for name, *args in ops:
        getattr(qc, name)(*args)
    return qc


BELL = Statevector(bell())


def _teleport(correct_z: bool = True) -> QuantumCircuit:
    qc = QuantumCircuit(3, 2)
    qc.h(1)
    qc.cx(1, 2)
    qc.cx(0, 1)
    qc.h(0)
    qc.measure(0, 0)
    qc.measure(1, 1)
    with qc.if_test((qc.clbits[1], 1)):
        qc.x(2)
    if correct_z:
        with qc.if_test((qc.clbits[0], 1)):
            qc.z(2)
    return qc


def _raises():
    raise ZeroDivisionError("division by zero")


# code -> (zero-argument function returning a Verdict, words the message must contain)
CASES = {
    "correct": (lambda: qgrade.check_state(bell(), BELL), ["Correct"]),
    "nearly_correct": (
        lambda: qgrade.check_state(circuit(1, ("ry", 3.14, 0)), circuit(1, ("ry", np.pi, 0))),
        ["angles"],
    ),
    "global_phase": (
        lambda: qgrade.check_operator(
            circuit(1, ("rz", np.pi / 2, 0)), circuit(1, ("s", 0)), global_phase="strict"
        ),
        ["global phase", "-π/4"],
    ),
    "qubit_order_reversed": (
        lambda: qgrade.check_state(circuit(2, ("x", 0)), Statevector.from_label("10")),
        ["reversed", "rightmost"],
    ),
    "qubits_permuted": (
        lambda: qgrade.check_state(circuit(3, ("x", 0), ("h", 1)), Statevector.from_label("+10")),
        ["qubit 0", "qubit 1"],
    ),
    "relative_phase": (
        lambda: qgrade.check_state(circuit(1, ("h", 0)), Statevector.from_label("-")),
        ["qubit 0", "Z"],
    ),
    "bit_flip": (
        lambda: qgrade.check_state(circuit(2, ("h", 0), ("cx", 0, 1), ("x", 1)), BELL),
        ["qubit", "X"],
    ),
    "wrong_amplitudes": (
        lambda: qgrade.check_state(circuit(1, ("h", 0)), Statevector.from_label("1")),
        ["probabilit"],
    ),
    "wrong_operator": (
        lambda: qgrade.check_operator(circuit(1, ("z", 0), ("h", 0)), circuit(1, ("x", 0))),
        ["input"],
    ),
    "control_target_swapped": (
        lambda: qgrade.check_operator(
            circuit(3, ("h", 0), ("cx", 1, 0), ("cx", 1, 2)),
            circuit(3, ("h", 0), ("cx", 0, 1), ("cx", 1, 2)),
        ),
        ["cx(1, 0)", "cx(0, 1)", "control"],
    ),
    "one_gate_away": (
        lambda: qgrade.check_state(circuit(2, ("cx", 0, 1)), BELL),
        ["h(0)", "add"],
    ),
    "ancilla_not_clean": (
        lambda: qgrade.check_operator(
            circuit(3, ("ccx", 0, 1, 2), ("cz", 2, 0)), QuantumCircuit(2), ancillas=[2]
        ),
        ["Ancilla qubit 2", "|11⟩"],
    ),
    "wrong_qubit_count": (lambda: qgrade.check_state(QuantumCircuit(3), BELL), ["3", "2"]),
    "wrong_figure": (
        lambda: qgrade.check_histogram(_histogram({"00": 5, "11": 5}), {"00": 5, "01": 5}),
        ["01", "11"],
    ),
    "wrong_draw_option": (
        lambda: qgrade.check_drawing(bell().draw("text"), bell(), reverse_bits=True),
        ["reverse_bits=False", "reverse_bits=True"],
    ),
    "forbidden_instruction": (
        lambda: qgrade.check_state(_initialize_circuit(), BELL),
        ["initialize"],
    ),
    "constraint_violated": (
        lambda: qgrade.check_state(
            bell(), BELL, constraints=qgrade.Constraints(allowed_gates={"h", "cz"})
        ),
        ["cx", "cz, h"],
    ),
    "unbound_parameters": (
        lambda: qgrade.check_state(circuit(1, ("ry", Parameter("theta"), 0)), BELL),
        ["theta"],
    ),
    "not_normalized": (lambda: qgrade.check_state([1, 1], [1, 0]), ["normalized"]),
    "too_large": (lambda: qgrade.check_state(QuantumCircuit(40), BELL), ["40"]),
    "student_error": (lambda: qgrade.check_state(_raises, BELL), ["ZeroDivisionError"]),
    "interrupted": (lambda: qgrade.check_state(_interrupted, BELL), ["interrupted", "loop"]),
    "distribution_mismatch": (
        lambda: qgrade.check_counts({"0": 700, "1": 300}, {"0": 0.5, "1": 0.5}),
        ["p-value"],
    ),
    "invalid_submission": (lambda: qgrade.check_state("bell", BELL), ["text"]),
}


def _interrupted():
    raise KeyboardInterrupt


def _histogram(counts: dict) -> object:
    import matplotlib

    matplotlib.use("Agg")
    from qiskit.visualization import plot_histogram

    return qgrade.summarize(plot_histogram(counts))


def _initialize_circuit() -> QuantumCircuit:
    qc = QuantumCircuit(2)
    qc.initialize(BELL.data, [0, 1])
    return qc


def test_every_code_has_an_example():
    # wrong_value belongs to check_value (tested with it)
    assert set(CASES) >= set(DIAGNOSES) - {"wrong_value"}


@pytest.mark.parametrize("code", sorted(CASES))
def test_code(code):
    make, words = CASES[code]
    verdict = make()
    assert verdict.diagnosis == code, verdict.message
    assert verdict.passed == (code == "correct")
    assert verdict.score == (1.0 if code == "correct" else 0.0)
    for word in words:
        assert word in verdict.message, (word, verdict.message)


def test_teleportation_passes_when_right_and_fails_when_wrong():
    rng = np.random.default_rng(7)
    for _ in range(3):
        prep = QuantumCircuit(1)
        prep.u(*rng.uniform(0, 2 * np.pi, size=3), 0)
        good = _teleport(True).compose(prep, qubits=[0], front=True)
        bad = _teleport(False).compose(prep, qubits=[0], front=True)
        ok = qgrade.check_state(good, Statevector(prep), qubits=[2])
        assert ok.passed, ok.message
        assert ok.details["branches"] == 4
        wrong = qgrade.check_state(bad, Statevector(prep), qubits=[2])
        assert not wrong.passed
        assert "measured bits" in wrong.message
        assert "qubit 2" in wrong.message  # named with the learner's qubit index


def test_relative_phase_on_a_compared_qubit_is_named_by_the_learners_index():
    qc = QuantumCircuit(3)
    qc.h(2)
    qc.z(2)
    verdict = qgrade.check_state(qc, Statevector.from_label("+"), qubits=[2])
    assert verdict.diagnosis == "relative_phase"
    assert "qubit 2" in verdict.message


def test_bit_flip_names_the_flipped_qubit():
    qc = QuantumCircuit(3)
    qc.h(0)
    qc.x(2)
    verdict = qgrade.check_state(qc, Statevector.from_label("00+"))
    assert verdict.diagnosis == "bit_flip"
    assert verdict.details["flipped_qubits"] == [2]
    assert "qubit 2" in verdict.message


def test_wrong_operator_names_first_failing_input():
    ry = circuit(1, ("ry", np.pi / 2, 0))
    verdict = qgrade.check_operator(ry, circuit(1, ("h", 0)))
    assert verdict.diagnosis == "wrong_operator"
    assert verdict.details["failing_input"] == "1"


def test_qft_without_final_swaps_is_reversed_output():
    from qiskit import transpile
    from qiskit.circuit.library import QFTGate

    qft = QuantumCircuit(4)
    qft.append(QFTGate(4), range(4))
    decomposed = transpile(qft, basis_gates=["h", "cp", "swap"])
    no_swaps = QuantumCircuit(4)
    for inst in decomposed.data:
        if inst.operation.name != "swap":
            no_swaps.append(inst)
    verdict = qgrade.check_operator(no_swaps, qft)
    assert verdict.diagnosis == "qubit_order_reversed"
    assert verdict.details["reversed"] == "output"


def test_operator_relative_phase_names_the_qubit():
    cz = circuit(2, ("cz", 0, 1))
    wrong = circuit(2, ("cz", 0, 1), ("s", 1))
    verdict = qgrade.check_operator(wrong, cz)
    assert verdict.diagnosis == "relative_phase"
    assert "qubit 1" in verdict.message and "S" in verdict.message


def test_operator_bit_flip_on_two_qubits():
    verdict = qgrade.check_operator(circuit(2, ("cx", 0, 1), ("x", 1)), circuit(2, ("cx", 0, 1)))
    assert verdict.diagnosis == "bit_flip"
    assert verdict.details["flipped_qubits"] == [1]


def test_single_qubit_gate_mistakes_are_wrong_operator():
    # on one qubit "a phase away" or "an X away" says nothing: T for S, RY(pi/2) for H
    assert (
        qgrade.check_operator(circuit(1, ("t", 0)), circuit(1, ("s", 0))).diagnosis
        == "wrong_operator"
    )
    assert (
        qgrade.check_operator(circuit(1, ("ry", np.pi / 2, 0)), circuit(1, ("h", 0))).diagnosis
        == "wrong_operator"
    )


def test_large_single_basis_state_error_is_not_nearly_correct():
    # a sign on one basis state of 11 qubits barely moves the fidelity, but it is no angle typo
    n = 11
    qc = QuantumCircuit(n)
    qc.h(range(n))
    wrong = qc.copy()
    wrong.mcp(np.pi, list(range(n - 1)), n - 1)
    verdict = qgrade.check_state(wrong, Statevector(qc))
    assert verdict.diagnosis == "relative_phase", verdict.message
    assert "|11111111111⟩" in verdict.message


def test_messages_use_little_endian_labels():
    verdict = qgrade.check_state(circuit(2, ("x", 0)), Statevector.from_label("10"))
    assert "|01⟩" in verdict.message and "|10⟩" in verdict.message


def test_details_carry_amplitudes_for_small_states():
    verdict = qgrade.check_state(circuit(1, ("h", 0)), Statevector.from_label("-"))
    assert set(verdict.details["expected_amplitudes"]) == {"0", "1"}
    assert verdict.details["fidelity"] == pytest.approx(0.0, abs=1e-12)
    assert isinstance(Operator, type)
