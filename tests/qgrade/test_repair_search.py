"""The single-gate repair search behind `one_gate_away` / `control_target_swapped`: its linear
algebra against Qiskit's matrices, its insertion slots on circuits larger than 6 qubits (where
only some qubit pairs are tried), the fix a diff against the reference proposes, and its
budget counted in work rather than seconds."""

from __future__ import annotations

import numpy as np
import pytest
from qiskit import QuantumCircuit
from qiskit.circuit.library import UnitaryGate
from qiskit.quantum_info import Operator, random_unitary

import qgrade
from qgrade import _guard
from qgrade.diagnose import circuit_edits


@pytest.fixture(autouse=True)
def _raise_internal_errors(monkeypatch):
    monkeypatch.setattr(_guard, "RAISE_INTERNAL_ERRORS", True)


QUBIT_SETS = [[0], [4], [2], [0, 1], [1, 0], [0, 4], [4, 0], [3, 1], [0, 2, 4], [4, 1, 2]]


@pytest.mark.parametrize("qubits", QUBIT_SETS, ids=str)
def test_apply_and_transfer_agree_with_qiskit_matrices(qubits):
    n, m = 5, 3
    rng = np.random.default_rng(len(qubits) * 10 + sum(qubits))
    block = rng.standard_normal((2**n, m)) + 1j * rng.standard_normal((2**n, m))
    other = rng.standard_normal((2**n, m)) + 1j * rng.standard_normal((2**n, m))
    mat = random_unitary(2 ** len(qubits), seed=int(rng.integers(1000))).data
    mat[0, 1] = 0  # the zero-skipping path too (no longer unitary: only linearity matters)
    circuit = QuantumCircuit(n)
    circuit.append(UnitaryGate(mat, check_input=False), qubits)
    full = Operator(circuit).data
    assert np.allclose(circuit_edits.apply(block, n, mat, qubits), full @ block, atol=1e-12)
    t = circuit_edits.transfer(block, other, n, qubits)
    assert np.isclose(np.sum(mat * t), np.sum(block.conj() * (full @ other)), atol=1e-10)


def _layered(n: int, layers: int, seed: int) -> QuantumCircuit:
    """A line-connected circuit: u gates on every qubit, then cx between neighbours."""
    rng = np.random.default_rng(seed)
    qc = QuantumCircuit(n)
    for layer in range(layers):
        for q in range(n):
            qc.u(*rng.uniform(-np.pi, np.pi, 3), q)
        for q in range(layer % 2, n - 1, 2):
            qc.cx(q, q + 1)
    return qc


def test_a_dropped_cx_is_found_between_one_qubit_gates_on_8_qubits():
    # above 6 qubits only pairs that carry two-qubit gates are tried; the slot of the missing
    # cx opens at a u gate, so the first sweep's neighbour pairs must include it
    good = _layered(8, 6, seed=3)
    cxs = [i for i, inst in enumerate(good.data) if inst.operation.name == "cx"]
    for drop in (cxs[0], cxs[len(cxs) // 2], cxs[-1]):
        bad = good.copy()
        del bad.data[drop]
        verdict = qgrade.check_operator(bad, good)
        assert verdict.diagnosis == "one_gate_away", (drop, verdict.message)
        assert verdict.details["fix"] == "add"
        fixed = circuit_edits.apply_fix(
            bad,
            circuit_edits.Fix(
                "add",
                verdict.details["instruction"],
                None,
                [],
                _gate(verdict.details["new_gate_spec"]),
                verdict.details["new_gate_spec"]["qubits"],
            ),
        )
        assert Operator(fixed).equiv(Operator(good))


def _gate(spec):
    from qiskit.circuit.library import get_standard_gate_name_mapping

    gate = get_standard_gate_name_mapping()[spec["name"]]
    return type(gate)(*spec["params"]) if spec["params"] else gate


def test_every_slot_is_scored_once_and_the_pairs_come_from_the_circuit():
    good = _layered(8, 4, seed=5)
    units = circuit_edits.units_of(good)
    near = circuit_edits._neighbour_pairs(units)
    for unit, pairs in zip(units, near, strict=True):
        if len(unit.qubits) == 2:
            assert tuple(sorted(unit.qubits)) in pairs
        assert all(b == a + 1 for a, b in pairs)  # only the line's pairs


def test_the_reference_diff_proposes_the_fix_first():
    reference = _layered(7, 3, seed=8)
    cases = []
    missing = reference.copy()
    del missing.data[5]
    cases.append((missing, "add"))
    extra = reference.copy_empty_like()
    for k, inst in enumerate(reference.data):
        if k == 9:
            extra.h(2)
        extra.append(inst)
    cases.append((extra, "remove"))
    swapped = reference.copy()
    i = next(k for k, inst in enumerate(swapped.data) if inst.operation.name == "cx")
    swapped.data[i] = swapped.data[i].replace(qubits=tuple(reversed(swapped.data[i].qubits)))
    cases.append((swapped, "swap_control_target"))
    for circuit, kind in cases:
        units = circuit_edits.units_of(circuit)
        fixes = circuit_edits.diff_fixes(units, reference, circuit.num_qubits)
        assert [f.kind for f in fixes] == [kind]
        verdict = qgrade.check_operator(circuit, reference, reference=reference)
        assert verdict.details.get("fix") == kind, verdict.message


def test_a_diff_in_two_places_proposes_nothing_and_a_wrong_lead_is_not_reported():
    reference = _layered(5, 2, seed=1)
    two = reference.copy()
    del two.data[7]
    del two.data[2]
    units = circuit_edits.units_of(two)
    assert circuit_edits.diff_fixes(units, reference, 5) == []
    # a misleading "reference" (not the exercise's truth) proposes a fix that does not pass
    truth = reference.copy()
    truth.x(0)
    misleading = reference.copy()
    misleading.z(3)
    learner = reference.copy()
    units = circuit_edits.units_of(learner)
    lead = circuit_edits.diff_fixes(units, misleading, 5)
    assert [f.kind for f in lead] == ["add"]
    verdict = qgrade.check_operator(learner, truth, reference=misleading)
    assert not verdict.passed
    if verdict.diagnosis == "one_gate_away":  # the search's own fix, never the wrong lead
        assert verdict.details["new_gate_spec"]["name"] != "z"


def test_the_budget_is_counted_in_work(monkeypatch):
    good = _layered(8, 6, seed=3)
    bad = good.copy()
    del bad.data[len(bad.data) // 2]
    assert qgrade.check_operator(bad, good).diagnosis == "one_gate_away"
    monkeypatch.setattr(circuit_edits, "WORK_BUDGET", circuit_edits.STEP_FLOOR * 10)  # 10 steps
    assert qgrade.check_operator(bad, good).diagnosis == "wrong_operator"
