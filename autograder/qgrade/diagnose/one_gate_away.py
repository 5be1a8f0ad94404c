"""`one_gate_away`: adding, removing or replacing one gate makes the circuit correct; the
message names the gate and its qubits. Given only when the repaired circuit, graded again by
the same check, passes (see `circuit_edits`)."""

from __future__ import annotations

from typing import Any

from qgrade.diagnose.circuit_edits import Fix, gate_spec, gate_text
from qgrade.diagnoses import ONE_GATE_AWAY
from qgrade.i18n import _
from qgrade.verdict import Verdict

CODE = ONE_GATE_AWAY


def verdict(fix: Fix, details: dict[str, Any], num_instructions: int) -> Verdict:
    lead = _("Your circuit is one gate away from correct:") + " "
    new = gate_text(fix.new_gate, fix.new_qubits or []) if fix.new_gate is not None else ""
    old = gate_text(fix.gate, fix.qubits) if fix.gate is not None else ""
    facts: dict[str, Any] = {**details, "fix": fix.kind, "instruction": fix.index}
    if fix.new_gate is not None:
        facts["new_gate_spec"] = gate_spec(fix.new_gate, fix.new_qubits or [])
    if fix.kind == "remove":
        text = _("remove {gate} (instruction {position}).").format(gate=old, position=fix.index + 1)
        facts["gate"] = old
    elif fix.kind == "replace":
        text = _("replace {gate} (instruction {position}) with {new}.").format(
            gate=old, position=fix.index + 1, new=new
        )
        facts.update(gate=old, new_gate=new)
    else:
        facts["new_gate"] = new
        if fix.after is None:
            text = _("add {new} at the start.").format(new=new)
        elif fix.index >= num_instructions:
            text = _("add {new} at the end.").format(new=new)
        else:
            text = _("add {new} right after {gate} (instruction {position}).").format(
                new=new,
                gate=gate_text(fix.after.op, fix.after.qubits),
                position=fix.after.index + 1,
            )
    return Verdict(False, 0.0, CODE, lead + text, facts)
