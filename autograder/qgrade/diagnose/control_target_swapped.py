"""`control_target_swapped`: swapping the control and target of one controlled gate (a CX)
makes the circuit correct (verified by grading the repaired circuit again)."""

from __future__ import annotations

from typing import Any

from qgrade.diagnose.circuit_edits import Fix, gate_text
from qgrade.diagnoses import CONTROL_TARGET_SWAPPED
from qgrade.i18n import _
from qgrade.verdict import Verdict

CODE = CONTROL_TARGET_SWAPPED


def verdict(fix: Fix, details: dict[str, Any]) -> Verdict:
    assert fix.gate is not None
    wrong = gate_text(fix.gate, fix.qubits)
    right = gate_text(fix.gate, list(reversed(fix.qubits)))
    message = _(
        "The control and target of your {gate} (instruction {position}) are swapped: with "
        "{fixed} instead, your circuit is correct. In Qiskit, {name}(control, target) takes "
        "the control qubit first."
    ).format(gate=wrong, position=fix.index + 1, fixed=right, name=fix.gate.name)
    facts = {
        **details,
        "instruction": fix.index,
        "gate": wrong,
        "fixed_gate": right,
        "fix": "swap_control_target",
    }
    return Verdict(False, 0.0, CODE, message, facts)
