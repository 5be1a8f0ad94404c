"""`unbound_parameters`: the circuit still has parameters without values."""

from __future__ import annotations

from qiskit import QuantumCircuit

from qgrade._guard import reject
from qgrade.diagnoses import UNBOUND_PARAMETERS
from qgrade.i18n import _

CODE = UNBOUND_PARAMETERS


def check(circuit: QuantumCircuit) -> None:
    """Raise the verdict if `circuit` has unbound parameters."""
    params = list(circuit.parameters)
    if not params:
        return
    names = [p.name for p in params]
    shown = ", ".join(names[:6]) + (", …" if len(names) > 6 else "")
    raise reject(
        CODE,
        _(
            "Your circuit still has parameters without values: {names}. Give them values "
            "with circuit.assign_parameters({{...}}) before submitting it."
        ).format(names=shown),
        parameters=names,
    )
