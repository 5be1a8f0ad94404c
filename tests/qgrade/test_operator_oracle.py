"""check_operator and check_oracle: dense, Choi (feed-forward) and randomized (large) paths."""

from __future__ import annotations

import time

import numpy as np
import pytest
from qiskit import QuantumCircuit, transpile
from qiskit.circuit.library import QFTGate
from qiskit.quantum_info import Operator

import qgrade
from qgrade import _guard, limits


@pytest.fixture(autouse=True)
def _raise_internal_errors(monkeypatch):
    monkeypatch.setattr(_guard, "RAISE_INTERNAL_ERRORS", True)


def qft(n: int) -> QuantumCircuit:
    qc = QuantumCircuit(n)
    qc.append(QFTGate(n), range(n))
    return qc


# ------------------------------------------------------------------ dense operators


def test_other_decompositions_and_global_phase_pass():
    h = QuantumCircuit(1)
    h.h(0)
    alt = QuantumCircuit(1)
    alt.rz(np.pi / 2, 0)
    alt.sx(0)
    alt.rz(np.pi / 2, 0)
    assert qgrade.check_operator(alt, h).passed
    assert qgrade.check_operator(alt, Operator(h)).passed
    assert qgrade.check_operator(alt, Operator(h).data).passed
    assert qgrade.check_operator(Operator(alt), h).passed
    assert qgrade.check_operator(lambda: alt, h).passed
    strict = qgrade.check_operator(alt, h, global_phase="strict")
    assert strict.diagnosis == "global_phase"


@pytest.mark.parametrize("level", [0, 1, 2, 3])
def test_transpiled_copies_pass_including_elided_permutations(level):
    ref = qft(5)
    copy = transpile(
        ref, basis_gates=["rz", "sx", "x", "cx"], optimization_level=level, seed_transpiler=3
    )
    assert qgrade.check_operator(copy, ref).passed
    state = qgrade.check_state(copy, ref)
    assert state.passed, state.message


def test_ancillas_clean_and_dirty():
    cz = QuantumCircuit(2)
    cz.cz(0, 1)
    # system qubits 0, 2; ancilla 1 in the middle
    clean = QuantumCircuit(3)
    clean.ccx(0, 2, 1)
    clean.z(1)
    clean.ccx(0, 2, 1)
    assert qgrade.check_operator(clean, cz, ancillas=[1]).passed
    dirty = QuantumCircuit(3)
    dirty.ccx(0, 2, 1)
    dirty.z(1)
    verdict = qgrade.check_operator(dirty, cz, ancillas=[1])
    assert verdict.diagnosis == "ancilla_not_clean"
    assert verdict.details["ancilla"] == 1 and verdict.details["failing_input"] == "11"
    assert qgrade.check_operator(clean, cz, ancillas=[1, 2]).diagnosis == "wrong_qubit_count"


def test_feed_forward_circuit_graded_as_a_channel():
    ident = QuantumCircuit(1)
    # measure an ancilla that is |0>: the correction never fires, the operation is identity
    qc = QuantumCircuit(2, 1)
    qc.measure(1, 0)
    with qc.if_test((qc.clbits[0], 1)):
        qc.x(0)
    verdict = qgrade.check_operator(qc, ident, ancillas=[1])
    assert verdict.passed, verdict.message
    # measuring the system qubit destroys superpositions: not the identity
    qc2 = QuantumCircuit(1, 1)
    qc2.h(0)
    qc2.measure(0, 0)
    qc2.h(0)
    bad = qgrade.check_operator(qc2, ident)
    assert not bad.passed
    assert bad.details["fidelity"] == pytest.approx(0.5)


def test_measurement_based_gate_with_correction_passes():
    # one-bit teleportation: H|psi> arrives on the ancilla, corrected by feed-forward, then
    # swapped back; the measured qubit is reset by a second conditional X
    qc = QuantumCircuit(2, 1)
    qc.h(1)
    qc.cz(0, 1)
    qc.h(0)
    qc.measure(0, 0)
    with qc.if_test((qc.clbits[0], 1)):
        qc.x(1)
    qc.swap(0, 1)
    with qc.if_test((qc.clbits[0], 1)):
        qc.x(1)
    h = QuantumCircuit(1)
    h.h(0)
    verdict = qgrade.check_operator(qc, h, ancillas=[1])
    assert verdict.passed, verdict.message
    assert verdict.details["branches"] == 2
    forgot = qc.copy()
    forgot.data = [inst for inst in qc.data if inst.operation.name != "if_else"][:]
    forgot.x(1)  # keeps qubit count and clbits; no correction at all
    bad = qgrade.check_operator(forgot, h, ancillas=[1])
    assert not bad.passed


# ------------------------------------------------------------------ randomized (large n)


def test_randomized_check_above_the_dense_limit():
    n = limits.DENSE_MAX_QUBITS + 2
    ref = qft(n)
    copy = transpile(ref, basis_gates=["rz", "sx", "x", "cx"], optimization_level=1)
    verdict = qgrade.check_operator(copy, ref)
    assert verdict.passed, verdict.message
    assert verdict.details["method"] == "randomized"
    assert verdict.details["error_probability"] <= 1e-8
    # an error hidden behind many controls: a phase on one basis state out of 4096
    wrong = copy.copy()
    wrong.mcp(np.pi, list(range(n - 1)), n - 1)
    bad = qgrade.check_operator(wrong, ref)
    assert not bad.passed
    assert bad.diagnosis in ("relative_phase", "wrong_operator"), bad.message
    flipped = copy.copy()
    flipped.x(3)
    assert qgrade.check_operator(flipped, ref).diagnosis == "bit_flip"


def test_randomized_check_with_ancilla():
    n = limits.DENSE_MAX_QUBITS + 1
    ref = QuantumCircuit(n)
    ref.h(range(n))
    sub = QuantumCircuit(n + 1)
    sub.h(range(n))
    sub.cx(0, n)
    sub.cx(0, n)
    assert qgrade.check_operator(sub, ref, ancillas=[n]).passed
    dirty = QuantumCircuit(n + 1)
    dirty.h(range(n))
    dirty.cx(0, n)
    verdict = qgrade.check_operator(dirty, ref, ancillas=[n])
    assert verdict.diagnosis == "ancilla_not_clean" and verdict.details["ancilla"] == n


@pytest.mark.slow
def test_20_qubit_qft_against_transpiled_qft():
    ref = qft(20)
    copy = transpile(ref, basis_gates=["rz", "sx", "x", "cx"], optimization_level=1)
    start = time.process_time()
    verdict = qgrade.check_operator(copy, ref)
    cpu = time.process_time() - start
    assert verdict.passed, verdict.message
    assert verdict.details["method"] == "randomized"
    # CPU time of this process (Aer's threads included): wall time is the benchmark's business
    assert cpu < 60
    no_swaps = QuantumCircuit(20)
    for inst in transpile(ref, basis_gates=["h", "cp", "swap"]).data:
        if inst.operation.name != "swap":
            no_swaps.append(inst)
    assert qgrade.check_operator(no_swaps, ref).diagnosis == "qubit_order_reversed"


# ------------------------------------------------------------------ oracles


def phase_oracle(n: int, marked: int) -> QuantumCircuit:
    qc = QuantumCircuit(n)
    zeros = [q for q in range(n) if not marked >> q & 1]
    if zeros:
        qc.x(zeros)
    qc.mcp(np.pi, list(range(n - 1)), n - 1)
    if zeros:
        qc.x(zeros)
    return qc


def bit_flip_oracle(n: int, marked: int) -> QuantumCircuit:
    qc = QuantumCircuit(n + 1)
    zeros = [q for q in range(n) if not marked >> q & 1]
    if zeros:
        qc.x(zeros)
    qc.mcx(list(range(n)), n)
    if zeros:
        qc.x(zeros)
    return qc


def test_phase_oracle_right_and_wrong():
    f = lambda x: x == 5  # noqa: E731
    assert qgrade.check_oracle(phase_oracle(3, 5), f, 3).passed
    assert qgrade.check_oracle(phase_oracle(3, 5), {5}, 3).passed
    assert qgrade.check_oracle(phase_oracle(3, 5), {"101"}, 3).passed
    assert qgrade.check_oracle(phase_oracle(3, 5), [0, 0, 0, 0, 0, 1, 0, 0], 3).passed
    # f and NOT f differ by a global phase -1 only
    assert qgrade.check_oracle(phase_oracle(3, 5), lambda x: x != 5, 3).passed
    assert not qgrade.check_oracle(
        phase_oracle(3, 5), lambda x: x != 5, 3, global_phase="strict"
    ).passed
    verdict = qgrade.check_oracle(phase_oracle(3, 3), f, 3)
    assert verdict.diagnosis == "wrong_operator"
    assert verdict.details["failing_input"] == "011"
    assert "|011⟩" in verdict.message


def test_bit_flip_oracle_right_wrong_and_not_f():
    f = lambda x: x == 6  # noqa: E731
    assert qgrade.check_oracle(bit_flip_oracle(3, 6), f, 3, kind="bit_flip").passed
    not_f = bit_flip_oracle(3, 6)
    not_f.x(3)
    verdict = qgrade.check_oracle(not_f, f, 3, kind="bit_flip")
    assert verdict.diagnosis == "bit_flip" and "NOT f" in verdict.message
    wrong = qgrade.check_oracle(bit_flip_oracle(3, 2), f, 3, kind="bit_flip")
    assert wrong.diagnosis == "wrong_operator"
    assert wrong.details["failing_input"] == "010"
    assert wrong.details["f_value"] == 0


def test_oracle_target_and_reversed_inputs():
    # target qubit 0, inputs on qubits 1..3
    qc = QuantumCircuit(4)
    qc.x(2)
    qc.mcx([1, 2, 3], 0)
    qc.x(2)
    f = lambda x: x == 0b101  # noqa: E731  (input bit 0 = qubit 1)
    assert qgrade.check_oracle(qc, f, 3, kind="bit_flip", target=0).passed
    g = lambda x: x == 0b001  # noqa: E731
    reversed_inputs = bit_flip_oracle(3, 0b100)
    verdict = qgrade.check_oracle(reversed_inputs, g, 3, kind="bit_flip")
    assert verdict.diagnosis == "qubit_order_reversed", verdict.message


def test_oracle_with_dirty_ancilla():
    qc = QuantumCircuit(3)
    qc.ccx(0, 1, 2)
    qc.z(2)
    verdict = qgrade.check_oracle(qc, lambda x: x == 3, 2, ancillas=[2])
    assert verdict.diagnosis == "ancilla_not_clean"
    qc.ccx(0, 1, 2)
    assert qgrade.check_oracle(qc, lambda x: x == 3, 2, ancillas=[2]).passed


def test_large_phase_oracle_names_the_failing_input():
    n = limits.DENSE_MAX_QUBITS + 2
    marked = 0b101101010011
    assert qgrade.check_oracle(phase_oracle(n, marked), lambda x: x == marked, n).passed
    verdict = qgrade.check_oracle(phase_oracle(n, marked ^ 1), lambda x: x == marked, n)
    assert verdict.diagnosis == "wrong_operator"
    assert verdict.details["failing_input"] in (
        format(marked, f"0{n}b"),
        format(marked ^ 1, f"0{n}b"),
    )


def test_large_bit_flip_oracle():
    n = limits.DENSE_MAX_QUBITS
    marked = 0b1011001110
    f = lambda x: x == marked  # noqa: E731
    assert qgrade.check_oracle(bit_flip_oracle(n, marked), f, n, kind="bit_flip").passed
    bad = bit_flip_oracle(n, marked)
    bad.x(n)
    assert qgrade.check_oracle(bad, f, n, kind="bit_flip").diagnosis == "bit_flip"


def test_oracle_authoring_errors():
    with pytest.raises(ValueError):
        qgrade.check_oracle(phase_oracle(2, 1), lambda x: x, 2, kind="sideways")
    with pytest.raises(ValueError):
        qgrade.check_oracle(phase_oracle(2, 1), [0, 1], 2)  # truth table too short
