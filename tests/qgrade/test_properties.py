"""Property-based tests: random small circuits, transpiled copies (must pass) and single-gate
mutants (must fail exactly when Qiskit's own `Operator.equiv` / `Statevector.equiv` says they
differ)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from qiskit import QuantumCircuit, transpile
from qiskit.quantum_info import Operator, Statevector

import qgrade
from qgrade import _guard

ONE_QUBIT = ["h", "x", "y", "z", "s", "sdg", "t", "tdg", "sx"]
ROTATIONS = ["rx", "ry", "rz", "p"]
TWO_QUBIT = ["cx", "cz", "swap", "cy", "ch"]
# angles from a coarse grid: a mutant is then either equal or clearly different, never a
# borderline case that the 1e-8 fidelity threshold and `equiv`'s atol would judge differently
ANGLES = [k * np.pi / 8 for k in range(-8, 9) if k] + [0.3, 1.1, 2.5]


STATE_CODES = {
    "nearly_correct",
    "qubit_order_reversed",
    "qubits_permuted",
    "bit_flip",
    "relative_phase",
    "wrong_amplitudes",
    "control_target_swapped",
    "one_gate_away",
}
OPERATOR_CODES = STATE_CODES - {"wrong_amplitudes"} | {"wrong_operator"}
REPAIRS = {"control_target_swapped", "one_gate_away"}


@pytest.fixture(autouse=True)
def _raise_internal_errors(monkeypatch):
    monkeypatch.setattr(_guard, "RAISE_INTERNAL_ERRORS", True)


@st.composite
def gate(draw, n: int):
    kind = draw(st.sampled_from(["one", "rot", "two"] if n > 1 else ["one", "rot"]))
    if kind == "one":
        return (draw(st.sampled_from(ONE_QUBIT)), (), (draw(st.integers(0, n - 1)),))
    if kind == "rot":
        return (
            draw(st.sampled_from(ROTATIONS)),
            (draw(st.sampled_from(ANGLES)),),
            (draw(st.integers(0, n - 1)),),
        )
    a, b = draw(st.lists(st.integers(0, n - 1), min_size=2, max_size=2, unique=True))
    return (draw(st.sampled_from(TWO_QUBIT)), (), (a, b))


@st.composite
def gate_list(draw):
    n = draw(st.integers(1, 4))
    gates = draw(st.lists(gate(n), min_size=1, max_size=12))
    return n, gates


def build(n: int, gates) -> QuantumCircuit:
    qc = QuantumCircuit(n)
    for name, params, qubits in gates:
        getattr(qc, name)(*params, *qubits)
    return qc


@st.composite
def mutant(draw):
    """(n, original gates, the same with one gate dropped, replaced, inserted or moved)."""
    n, gates = draw(gate_list())
    mutated = list(gates)
    i = draw(st.integers(0, len(gates) - 1))
    how = draw(st.sampled_from(["drop", "replace", "insert", "move"]))
    if how == "drop" and len(mutated) > 1:
        del mutated[i]
    elif how == "replace":
        mutated[i] = draw(gate(n))
    elif how == "move" and len(mutated[i][2]) == 1 and n > 1:
        name, params, (q,) = mutated[i]
        mutated[i] = (name, params, ((q + 1) % n,))
    else:
        mutated.insert(i, draw(gate(n)))
    return n, gates, mutated


SETTINGS = settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=True,
)


@SETTINGS
@given(
    gate_list(),
    st.integers(0, 3),
    st.sampled_from([["rz", "sx", "cx"], ["u", "cz"], ["rx", "ry", "rz", "cx"]]),
)
def test_transpiled_copies_pass(spec, level, basis):
    n, gates = spec
    ref = build(n, gates)
    copy = transpile(ref, basis_gates=basis, optimization_level=level, seed_transpiler=1)
    op = qgrade.check_operator(copy, ref)
    assert op.passed, op.message
    state = qgrade.check_state(copy, Statevector(ref))
    assert state.passed, state.message


@SETTINGS
@given(mutant())
def test_single_gate_mutants_agree_with_qiskit(spec):
    n, gates, mutated = spec
    ref, mut = build(n, gates), build(n, mutated)
    truth = Operator(mut).equiv(Operator(ref))
    verdict = qgrade.check_operator(mut, ref)
    assert verdict.passed == truth, (verdict.diagnosis, verdict.message)
    if not truth:
        assert verdict.diagnosis in OPERATOR_CODES, verdict.diagnosis
    strict_truth = np.allclose(Operator(mut).data, Operator(ref).data, atol=1e-8)
    strict = qgrade.check_operator(mut, ref, global_phase="strict")
    assert strict.passed == strict_truth, strict.message
    state_truth = Statevector(mut).equiv(Statevector(ref))
    verdict = qgrade.check_state(mut, Statevector(ref))
    assert verdict.passed == state_truth, (verdict.diagnosis, verdict.message)
    if not state_truth:
        assert verdict.diagnosis in STATE_CODES, verdict.diagnosis


@SETTINGS
@given(gate_list())
def test_reversed_circuit_is_diagnosed_as_reversed_or_equal(spec):
    n, gates = spec
    ref = build(n, gates)
    rev = ref.reverse_bits()
    equal = Statevector(rev).equiv(Statevector(ref))
    verdict = qgrade.check_state(rev, Statevector(ref))
    if equal:
        assert verdict.passed
    else:
        assert verdict.diagnosis in ("qubit_order_reversed", "nearly_correct"), verdict.message


def repaired(circuit: QuantumCircuit, details) -> QuantumCircuit:
    """The learner's circuit with the fix that a repair verdict's details describe."""
    from qiskit.circuit.library import get_standard_gate_name_mapping

    data = list(circuit.data)
    i = details["instruction"]
    out = circuit.copy_empty_like()
    new = None
    if "new_gate_spec" in details:
        spec = details["new_gate_spec"]
        gate = get_standard_gate_name_mapping()[spec["name"]]
        if spec["params"]:
            gate = type(gate)(*spec["params"])
        new = (gate, [circuit.qubits[q] for q in spec["qubits"]])
    for j, inst in enumerate(data):
        if j == i and details["fix"] == "add":
            out.append(*new)
        if j == i and details["fix"] == "remove":
            continue
        if j == i and details["fix"] == "replace":
            out.append(*new)
            continue
        if j == i and details["fix"] == "swap_control_target":
            out.append(inst.operation, list(reversed(inst.qubits)))
            continue
        out.append(inst)
    if details["fix"] == "add" and i >= len(data):
        out.append(*new)
    return out


@SETTINGS
@given(mutant())
def test_every_specific_diagnosis_is_true(spec):
    """A repair verdict's fix, applied, makes the answer right (Qiskit's equiv is the judge);
    qubit_order_reversed only when reversing the qubits makes it right."""
    n, gates, mutated = spec
    ref, mut = build(n, gates), build(n, mutated)
    verdict = qgrade.check_operator(mut, ref, reference=ref)
    if verdict.diagnosis in REPAIRS:
        assert Operator(repaired(mut, verdict.details)).equiv(Operator(ref)), verdict.message
    if verdict.diagnosis == "qubit_order_reversed":
        side = verdict.details["reversed"]
        u = Operator(mut).data
        idx = [int(format(k, f"0{n}b")[::-1], 2) for k in range(2**n)]
        fixed = {"both": u[np.ix_(idx, idx)], "output": u[idx, :], "input": u[:, idx]}[side]
        assert Operator(fixed).equiv(Operator(ref)), verdict.message
    state = qgrade.check_state(mut, Statevector(ref))
    if state.diagnosis in REPAIRS:
        fixed = Statevector(repaired(mut, state.details))
        assert fixed.equiv(Statevector(ref)), state.message
    if state.diagnosis == "qubit_order_reversed":
        assert Statevector(mut.reverse_bits()).equiv(Statevector(ref)), state.message
