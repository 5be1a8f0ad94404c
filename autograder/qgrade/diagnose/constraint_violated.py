"""`constraint_violated`: the circuit breaks a resource rule (gate set, depth, gate counts, oracle calls)."""

from __future__ import annotations

from qgrade._guard import Reject, reject
from qgrade.constraints import Finding
from qgrade.diagnoses import CONSTRAINT_VIOLATED
from qgrade.i18n import _, ngettext

CODE = CONSTRAINT_VIOLATED


def gate_set(finding: Finding, allowed: list[str]) -> Reject:
    where = ""
    if finding.path:
        where = " " + _("(found inside '{gate}')").format(gate=" → ".join(finding.path))
    return reject(
        CODE,
        _(
            "Your circuit uses the gate '{name}'{where}, but this exercise allows only these "
            "gates: {allowed}."
        ).format(name=finding.name, where=where, allowed=", ".join(allowed)),
        rule="allowed_gates",
        instruction=finding.name,
        allowed_gates=allowed,
    )


def depth(actual: int, limit: int) -> Reject:
    return reject(
        CODE,
        _(
            "Your circuit has depth {actual}, but at most {limit} is allowed. Put gates that "
            "act on different qubits side by side, or use fewer gates."
        ).format(actual=actual, limit=limit),
        rule="max_depth",
        actual=actual,
        limit=limit,
    )


def gate_count(name: str, actual: int, limit: int) -> Reject:
    return reject(
        CODE,
        _gate_count_text(name, actual, limit),
        rule="max_gate_counts",
        instruction=name,
        actual=actual,
        limit=limit,
    )


def two_qubit(actual: int, limit: int) -> Reject:
    return reject(
        CODE,
        _two_qubit_text(actual, limit),
        rule="max_two_qubit_gates",
        actual=actual,
        limit=limit,
    )


def qubits(actual: int, limit: int) -> Reject:
    return reject(
        CODE,
        ngettext(
            "Your circuit has {actual} qubits, but at most {limit} is allowed.",
            "Your circuit has {actual} qubits, but at most {limit} are allowed.",
            limit,
        ).format(actual=actual, limit=limit),
        rule="max_qubits",
        actual=actual,
        limit=limit,
    )


def oracle_calls(actual: int, limit: int, name: str) -> Reject:
    return reject(
        CODE,
        _oracle_calls_text(name, actual, limit),
        rule="max_oracle_calls",
        actual=actual,
        limit=limit,
    )


# The learner always uses more than the limit: with a limit of 0 the count may be 1 (the
# sentence is then keyed on the count), otherwise it is at least 2 (keyed on the limit).


def _gate_count_text(name: str, actual: int, limit: int) -> str:
    if limit <= 0:
        return ngettext(
            "Your circuit uses {actual} '{name}' gate, but this exercise allows none.",
            "Your circuit uses {actual} '{name}' gates, but this exercise allows none.",
            actual,
        ).format(actual=actual, name=name)
    return ngettext(
        "Your circuit uses {actual} '{name}' gates, but at most {limit} is allowed.",
        "Your circuit uses {actual} '{name}' gates, but at most {limit} are allowed.",
        limit,
    ).format(actual=actual, name=name, limit=limit)


def _two_qubit_text(actual: int, limit: int) -> str:
    if limit <= 0:
        return ngettext(
            "Your circuit uses {actual} two-qubit gate (such as cx, cz, swap), but this "
            "exercise allows none.",
            "Your circuit uses {actual} two-qubit gates (such as cx, cz, swap), but this "
            "exercise allows none.",
            actual,
        ).format(actual=actual)
    return ngettext(
        "Your circuit uses {actual} two-qubit gates (such as cx, cz, swap), but at most "
        "{limit} is allowed.",
        "Your circuit uses {actual} two-qubit gates (such as cx, cz, swap), but at most "
        "{limit} are allowed.",
        limit,
    ).format(actual=actual, limit=limit)


def _oracle_calls_text(name: str, actual: int, limit: int) -> str:
    if limit <= 0:
        return ngettext(
            "You called the oracle '{name}' {actual} time, but this exercise allows no calls.",
            "You called the oracle '{name}' {actual} times, but this exercise allows no calls.",
            actual,
        ).format(name=name, actual=actual)
    return ngettext(
        "You called the oracle '{name}' {actual} times, but at most {limit} call is allowed.",
        "You called the oracle '{name}' {actual} times, but at most {limit} calls are allowed.",
        limit,
    ).format(name=name, actual=actual, limit=limit)
