"""`forbidden_instruction`: the circuit uses an instruction the exercise forbids."""

from __future__ import annotations

from qgrade._guard import Reject, reject
from qgrade.constraints import Finding
from qgrade.diagnoses import FORBIDDEN_INSTRUCTION
from qgrade.i18n import _

CODE = FORBIDDEN_INSTRUCTION


def _where(finding: Finding) -> str:
    if not finding.path:
        return ""
    return " " + _("(found inside '{gate}')").format(gate=" → ".join(finding.path))


def shortcut(finding: Finding) -> Reject:
    return reject(
        CODE,
        _(
            "Your circuit uses '{name}'{where}, which is not allowed in this exercise: "
            "build the answer from gates instead of writing down its numbers."
        ).format(name=finding.name, where=_where(finding)),
        instruction=finding.name,
        path=list(finding.path),
    )


def forbidden_gate(finding: Finding) -> Reject:
    return reject(
        CODE,
        _("Your circuit uses the gate '{name}'{where}, which this exercise forbids.").format(
            name=finding.name, where=_where(finding)
        ),
        instruction=finding.name,
        path=list(finding.path),
    )


def measurement(finding: Finding) -> Reject:
    return reject(
        CODE,
        _(
            "Your circuit measures or resets a qubit{where}, but this exercise does not allow "
            "measurements. Remove them."
        ).format(where=_where(finding)),
        instruction=finding.name,
        path=list(finding.path),
    )
