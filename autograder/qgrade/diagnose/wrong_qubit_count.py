"""`wrong_qubit_count`: the answer has a different number of qubits than the exercise asks."""

from __future__ import annotations

from qgrade._guard import Reject, reject
from qgrade.diagnoses import WRONG_QUBIT_COUNT
from qgrade.i18n import ngettext

CODE = WRONG_QUBIT_COUNT


def mismatch(actual: int, expected: int, ancillas: int = 0) -> Reject:
    if ancillas:
        message = ngettext(
            "This exercise expects {expected} qubits ({system} for the operation plus "
            "{ancillas} ancilla qubit), but your answer has {actual}.",
            "This exercise expects {expected} qubits ({system} for the operation plus "
            "{ancillas} ancilla qubits), but your answer has {actual}.",
            ancillas,
        ).format(actual=actual, expected=expected, system=expected - ancillas, ancillas=ancillas)
    else:
        message = ngettext(
            "Your answer has {actual} qubit, but this exercise expects {expected}.",
            "Your answer has {actual} qubits, but this exercise expects {expected}.",
            actual,
        ).format(actual=actual, expected=expected)
    return reject(CODE, message, num_qubits=actual, expected_num_qubits=expected)


def qubit_out_of_range(qubit: int, actual: int) -> Reject:
    return reject(
        CODE,
        ngettext(
            "This exercise looks at qubit {qubit}, but your circuit has only {actual} qubit.",
            "This exercise looks at qubit {qubit}, but your circuit has only {actual} qubits.",
            actual,
        ).format(qubit=qubit, actual=actual),
        num_qubits=actual,
    )
