"""`too_large`: too large to check on this machine."""

from __future__ import annotations

from qgrade._guard import Reject, reject
from qgrade.diagnoses import TOO_LARGE
from qgrade.i18n import _

CODE = TOO_LARGE


def qubits(n: int, limit: int, expected: int | None = None) -> Reject:
    message = _("Your answer has {n} qubits; qgrade can check at most {limit} qubits here.").format(
        n=n, limit=limit
    )
    if expected is not None and expected != n:
        message += " " + _("This exercise expects {expected} qubits.").format(expected=expected)
    return reject(CODE, message, num_qubits=n, max_qubits=limit)


def expected_too_large(n: int, limit: int) -> Reject:
    return reject(
        CODE,
        _("This exercise has {n} qubits; qgrade can check at most {limit} qubits here.").format(
            n=n, limit=limit
        ),
        num_qubits=n,
        max_qubits=limit,
    )
