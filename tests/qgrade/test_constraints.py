"""`Constraints`: gate sets, depth, counts, measurements, oracle calls, and shortcuts found anywhere."""

from __future__ import annotations

import numpy as np
import pytest
from qiskit import QuantumCircuit
from qiskit.circuit.library import (
    DiagonalGate,
    HamiltonianGate,
    Isometry,
    StatePreparation,
    UnitaryGate,
)
from qiskit.quantum_info import Operator, Statevector

import qgrade
from qgrade import _guard
from qgrade.constraints import Constraints, take_inventory


@pytest.fixture(autouse=True)
def _raise_internal_errors(monkeypatch):
    monkeypatch.setattr(_guard, "RAISE_INTERNAL_ERRORS", True)


def bell() -> QuantumCircuit:
    qc = QuantumCircuit(2)
    qc.h(0)
    qc.cx(0, 1)
    return qc


BELL = Statevector(bell())


def _wrapped(inner: QuantumCircuit, label: str = "my_gate") -> QuantumCircuit:
    qc = QuantumCircuit(inner.num_qubits)
    qc.append(inner.to_instruction(label=label), range(inner.num_qubits))
    return qc


def _shortcut(kind: str) -> QuantumCircuit:
    qc = QuantumCircuit(2)
    if kind == "initialize":
        qc.initialize(BELL.data, [0, 1])
    elif kind == "state_preparation":
        qc.append(StatePreparation(BELL.data), [0, 1])
    elif kind == "unitary":
        qc.unitary(Operator(bell()), [0, 1])
    elif kind == "isometry":
        qc.append(Isometry(Operator(bell()).data, 0, 0), [0, 1])
    elif kind == "hamiltonian":
        qc.h(0)
        qc.cx(0, 1)
        qc.append(HamiltonianGate(np.zeros((2, 2)), 1.0), [0])
    elif kind == "diagonal":
        qc.h(0)
        qc.cx(0, 1)
        qc.append(DiagonalGate([1, 1]), [0])
    return qc


SHORTCUTS = ["initialize", "state_preparation", "unitary", "isometry", "hamiltonian", "diagonal"]


@pytest.mark.parametrize("kind", SHORTCUTS)
def test_shortcuts_forbidden_by_default(kind):
    verdict = qgrade.check_state(_shortcut(kind), BELL)
    assert verdict.diagnosis == "forbidden_instruction", verdict.message
    assert verdict.details["instruction"] == kind


@pytest.mark.parametrize("kind", SHORTCUTS)
def test_shortcuts_found_inside_nested_custom_gates(kind):
    inner = _wrapped(_shortcut(kind), "inner")
    outer = _wrapped(inner, "outer")
    verdict = qgrade.check_state(outer, BELL)
    assert verdict.diagnosis == "forbidden_instruction"
    assert verdict.details["path"] == ["outer", "inner"]
    assert "outer → inner" in verdict.message


def test_shortcut_inside_control_flow_body():
    qc = QuantumCircuit(2, 1)
    qc.h(0)
    qc.measure(0, 0)
    with qc.if_test((qc.clbits[0], 1)):
        qc.unitary(np.eye(2), [1])
    verdict = qgrade.check_state(qc, BELL)
    assert verdict.diagnosis == "forbidden_instruction"
    assert verdict.details["path"] == ["if_else"]


def test_shortcut_inside_a_controlled_gate():
    qc = QuantumCircuit(2)
    qc.h(0)
    qc.append(UnitaryGate(np.array([[0, 1], [1, 0]])).control(1), [0, 1])
    assert qgrade.check_state(qc, BELL).diagnosis == "forbidden_instruction"


def test_shortcuts_allowed_when_the_exercise_says_so():
    rules = Constraints(allow_shortcuts={"initialize", "state_preparation"})
    assert qgrade.check_state(_shortcut("initialize"), BELL, constraints=rules).passed
    assert qgrade.check_state(
        _shortcut("unitary"), BELL, constraints=Constraints(allow_shortcuts=True)
    ).passed
    assert not qgrade.check_state(_shortcut("unitary"), BELL, constraints=rules).passed


def test_allowed_gate_set_judged_after_expanding_custom_gates():
    rules = Constraints(allowed_gates={"h", "cx"})
    assert qgrade.check_state(_wrapped(bell()), BELL, constraints=rules).passed
    qc = QuantumCircuit(2)
    qc.ry(np.pi / 2, 0)
    qc.cx(0, 1)
    verdict = qgrade.check_state(_wrapped(qc), BELL, constraints=rules)
    assert verdict.diagnosis == "constraint_violated"
    assert verdict.details["instruction"] == "ry"


def test_a_named_gate_is_a_leaf():
    oracle = QuantumCircuit(2, name="oracle")
    oracle.cz(0, 1)
    qc = QuantumCircuit(2)
    qc.h([0, 1])
    qc.append(oracle.to_gate(), [0, 1])
    inv = take_inventory(qc, Constraints(allowed_gates={"h", "oracle"}))
    assert inv.counts["oracle"] == 1 and not inv.outside_gate_set


def test_max_depth_and_counts():
    qc = QuantumCircuit(2)
    qc.h(0)
    qc.cx(0, 1)
    qc.barrier()
    qc.t(0)
    qc.t(0)
    qc.measure_all()
    expected = qc.remove_final_measurements(inplace=False)
    assert take_inventory(qc, Constraints(max_depth=1)).depth == 5  # measurements count here
    ok = Constraints(max_depth=4, max_gate_counts={"t": 2}, max_two_qubit_gates=1)
    assert qgrade.check_state(qc, Statevector(expected), constraints=ok).passed
    too_deep = qgrade.check_state(qc, Statevector(expected), constraints=Constraints(max_depth=3))
    assert too_deep.diagnosis == "constraint_violated" and too_deep.details["rule"] == "max_depth"
    many_t = qgrade.check_state(
        qc, Statevector(expected), constraints=Constraints(max_gate_counts={"t": 1})
    )
    assert many_t.details["rule"] == "max_gate_counts" and "'t'" in many_t.message
    two_q = qgrade.check_state(
        qc, Statevector(expected), constraints=Constraints(max_two_qubit_gates=0)
    )
    assert two_q.details["rule"] == "max_two_qubit_gates"


def test_two_qubit_gates_counted_inside_custom_gates():
    qc = _wrapped(_wrapped(bell(), "a"), "b")
    assert take_inventory(qc).two_qubit == 1


def test_max_qubits():
    qc = QuantumCircuit(3)
    qc.h(0)
    qc.cx(0, 1)
    verdict = qgrade.check_state(
        qc,
        Statevector.from_label("0").evolve(QuantumCircuit(1)).tensor(BELL),
        constraints=Constraints(max_qubits=2),
    )
    assert verdict.diagnosis == "constraint_violated" and verdict.details["rule"] == "max_qubits"


def test_measurements_forbidden():
    qc = bell()
    qc.measure_all()
    rules = Constraints(allow_measurements=False)
    assert qgrade.check_state(bell(), BELL, constraints=rules).passed
    verdict = qgrade.check_state(qc, BELL, constraints=rules)
    assert verdict.diagnosis == "forbidden_instruction"
    # without the rule final measurements are simply ignored
    assert qgrade.check_state(qc, BELL).passed


def test_forbidden_gate_names():
    verdict = qgrade.check_state(bell(), BELL, constraints=Constraints(forbidden_gates={"cx"}))
    assert verdict.diagnosis == "forbidden_instruction" and "cx" in verdict.message


def test_oracle_calls_counted():
    oracle = QuantumCircuit(2, name="Uf")
    oracle.cz(0, 1)
    gate = oracle.to_gate()
    qc = QuantumCircuit(2)
    qc.h([0, 1])
    qc.append(gate, [0, 1])
    qc.append(gate, [0, 1])
    qc.h([0, 1])
    rules = Constraints(max_oracle_calls=1, oracle_name="Uf")
    verdict = qgrade.check_state(qc, Statevector.from_label("00"), constraints=rules)
    assert verdict.diagnosis == "constraint_violated"
    assert "2 times" in verdict.message and verdict.details["rule"] == "max_oracle_calls"
    assert qgrade.check_state(
        qc,
        Statevector.from_label("00"),
        constraints=Constraints(max_oracle_calls=2, oracle_name="Uf"),
    ).passed


def test_constraints_require_a_circuit():
    verdict = qgrade.check_state(BELL, BELL, constraints=Constraints())
    assert verdict.diagnosis == "invalid_submission" and "QuantumCircuit" in verdict.message
    assert qgrade.check_state(BELL, BELL).passed  # without rules a Statevector is fine


def test_bad_constraint_values_are_the_authors_mistake():
    with pytest.raises(ValueError):
        Constraints(max_depth=-1)
    with pytest.raises(ValueError):
        Constraints(allowed_gates=3)
