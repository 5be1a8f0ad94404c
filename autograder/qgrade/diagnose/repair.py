"""Turn a generic failing verdict into a single-gate repair when one is verified.

`improve` is called by `check_state` / `check_operator` after the regular detectors: when they
found nothing specific (`wrong_amplitudes`, `wrong_operator`), the circuit is searched for one
swapped control/target (`control_target_swapped`) or one gate to add, remove or replace
(`one_gate_away`), and such a verdict is returned only when the repaired circuit passes the
very same check (the `passes` callback).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
from qiskit import QuantumCircuit
from qiskit.circuit import Instruction

from qgrade import limits, simulate
from qgrade._guard import ExerciseError, Reject
from qgrade.diagnose import circuit_edits, control_target_swapped, one_gate_away
from qgrade.diagnoses import WRONG_AMPLITUDES, WRONG_OPERATOR
from qgrade.verdict import Verdict

GENERIC = (WRONG_AMPLITUDES, WRONG_OPERATOR)
MAX_QUBITS = 16


def reference_circuit(reference: Any) -> QuantumCircuit | None:
    """The exercise's reference solution as a circuit (used only to find fixes)."""
    if reference is None:
        return None
    if callable(reference) and not isinstance(reference, (QuantumCircuit, Instruction)):
        try:
            reference = reference()
        except Exception as err:
            raise ExerciseError(f"calling `reference` raised {type(err).__name__}: {err}") from err
    if isinstance(reference, Instruction) and not isinstance(reference, QuantumCircuit):
        circ = QuantumCircuit(reference.num_qubits)
        circ.append(reference, range(reference.num_qubits))
        reference = circ
    if not isinstance(reference, QuantumCircuit):
        raise ExerciseError(
            f"reference must be a QuantumCircuit (or a function returning one), "
            f"got {type(reference).__name__}"
        )
    return reference


def physical(circuit: QuantumCircuit, inputs: np.ndarray, targets: np.ndarray) -> tuple:
    """Inputs and targets placed as a transpiled circuit's physical qubits hold them."""
    layouts = simulate._layout_indices(circuit)
    if layouts is None:
        return inputs, targets
    initial, final = layouts
    n = circuit.num_qubits
    ins = np.stack(
        [simulate.permute_qubits(inputs[:, j], n, initial) for j in range(inputs.shape[1])], 1
    )
    outs = np.stack(
        [simulate.permute_qubits(targets[:, j], n, final) for j in range(targets.shape[1])], 1
    )
    return ins, outs


def improve(
    verdict: Verdict,
    circuit: QuantumCircuit,
    inputs: np.ndarray,
    targets: np.ndarray,
    passes: Callable[[QuantumCircuit], Verdict],
    reference: Any = None,
    tolerance: float = limits.TOLERANCE,
) -> Verdict:
    if verdict.passed or verdict.diagnosis not in GENERIC:
        return verdict
    n = circuit.num_qubits
    # on one qubit every answer is "one u gate away": that names nothing
    if n > MAX_QUBITS or n < 2:
        return verdict
    ref = reference_circuit(reference)

    def passed(candidate: QuantumCircuit) -> bool:
        try:
            return passes(candidate).passed
        except Reject:
            return False

    ins, outs = physical(circuit, inputs, targets)
    fix = circuit_edits.find_fix(circuit, n, ins, outs, passed, ref, tolerance)
    if fix is None:
        return verdict
    details = dict(verdict.details)
    details["generic_diagnosis"] = verdict.diagnosis
    if fix.kind == "swap_control_target":
        return control_target_swapped.verdict(fix, details)
    return one_gate_away.verdict(fix, details, len(circuit.data))
