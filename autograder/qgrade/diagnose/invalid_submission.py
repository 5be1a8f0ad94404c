"""`invalid_submission`: not something that can be graded (wrong type, NaN, wrong length, ...)."""

from __future__ import annotations

from typing import Any

from qgrade._guard import Reject, reject
from qgrade.diagnoses import INVALID_SUBMISSION
from qgrade.i18n import _

CODE = INVALID_SUBMISSION


def wrong_type(value: Any, wanted: str, from_function: bool = False) -> Reject:
    kind = type(value).__name__
    if value is None:
        if from_function:
            message = _(
                "Your function returned None: did you forget the `return` statement? "
                "It should return {wanted}."
            ).format(wanted=wanted)
        else:
            message = _("Got None instead of {wanted}.").format(wanted=wanted)
    elif isinstance(value, (str, bytes)):
        message = _(
            "Got a text string ({text}) instead of {wanted}. Build a circuit (or a vector) "
            "instead of describing it in text."
        ).format(text=repr(value)[:40], wanted=wanted)
    else:
        message = _("Got a {kind} instead of {wanted}.").format(kind=kind, wanted=wanted)
    return reject(CODE, message, submitted_type=kind)


def needs_arguments(name: str) -> Reject:
    return reject(
        CODE,
        _(
            "Your function {name} needs arguments, but the check calls it without any. "
            "Pass the circuit itself, or a function without parameters."
        ).format(name=name),
    )


def not_numbers(reason: str) -> Reject:
    return reject(
        CODE,
        _("Your answer cannot be read as numbers: {reason}").format(reason=reason),
    )


def not_finite() -> Reject:
    return reject(
        CODE,
        _("Your answer contains NaN or infinite values. Check for a division by zero."),
    )


def bad_shape(shape: tuple[int, ...], wanted: str) -> Reject:
    return reject(
        CODE,
        _("Your array has shape {shape}, but {wanted} was expected.").format(
            shape=shape, wanted=wanted
        ),
        shape=list(shape),
    )


def bad_length(length: int) -> Reject:
    return reject(
        CODE,
        _(
            "Your vector has {length} entries; a state of n qubits has 2^n entries (2, 4, 8, ...)."
        ).format(length=length),
        length=length,
    )


def not_unitary(deviation: float) -> Reject:
    return reject(
        CODE,
        _(
            "Your matrix is not unitary (U†U differs from the identity by {deviation}), "
            "so it is not a quantum gate."
        ).format(deviation=f"{deviation:.3g}"),
        deviation=float(deviation),
    )


def not_a_state_matrix() -> Reject:
    return reject(
        CODE,
        _(
            "Your answer is a matrix, but a state was expected: give a Statevector, "
            "a circuit, or a 1-D array of amplitudes."
        ),
    )


def not_unitary_circuit() -> Reject:
    return reject(
        CODE,
        _(
            "Your circuit measures or resets qubits in the middle, so it is not a single "
            "gate (unitary operation). Remove the measurements."
        ),
    )


def circuit_required(kind: str) -> Reject:
    return reject(
        CODE,
        _(
            "This exercise asks for a QuantumCircuit (it has rules about the gates you use), "
            "but you gave a {kind}."
        ).format(kind=kind),
    )


def unsimulable(name: str) -> Reject:
    return reject(
        CODE,
        _("qgrade cannot simulate the instruction '{name}' of your circuit.").format(name=name),
    )


def non_finite_parameter(gate: str, value: Any) -> Reject:
    return reject(
        CODE,
        _(
            "Your circuit has a {gate} gate with the angle {value}, which is not a number. "
            "Check how you compute your angles (a division by zero, a NaN)."
        ).format(gate=gate, value=value),
        gate=gate,
    )


def opaque_gate(name: str) -> Reject:
    return reject(
        CODE,
        _(
            "Your circuit uses the gate '{name}', which has neither a matrix nor a definition, "
            "so qgrade cannot tell what it does. Build it from gates of "
            "qiskit.circuit.library, or give it a definition."
        ).format(name=name),
        gate=name,
    )


def not_counts(value: Any, from_function: bool = False) -> Reject:
    """Measurement counts that are not a dictionary (or anything with `get_counts()`)."""
    wanted = _("a counts dictionary such as {example}").format(example="{'00': 510, '11': 490}")
    return wrong_type(value, wanted, from_function)


def not_whole_counts(value: Any, key: Any) -> Reject:
    return reject(
        CODE,
        _("Counts must be whole numbers of shots (0 or more); got {value} for {key}.").format(
            value=value, key=key
        ),
    )


def not_an_outcome(key: Any) -> Reject:
    return reject(
        CODE,
        _("{key} is not a measurement outcome: outcomes are bit strings like '01'.").format(
            key=repr(key)
        ),
    )


def empty_counts() -> Reject:
    return reject(CODE, _("The counts are empty: no shot was recorded."))


def value_not_finite(where: str, shown: str) -> Reject:
    """A classical answer (`check_value`) that is NaN or infinite."""
    return reject(
        CODE,
        _("{where} is {value}, which is not a finite number.").format(where=where, value=shown),
    )


def value_of_wrong_kind(where: str, expected_type: str, actual_type: str) -> Reject:
    """A classical answer (`check_value`) of another kind than the expected one."""
    return reject(
        CODE,
        _("{where} should be {expected_type}, but it is {actual_type}.").format(
            where=where, expected_type=expected_type, actual_type=actual_type
        ),
    )


def ungradable(message: str) -> Reject:
    """A value sealed grading could not carry over (its `Ungradable` placeholder's message)."""
    return reject(CODE, message)


def not_a_figure(value: Any, from_function: bool = False) -> Reject:
    """A figure check (`check_histogram`, `check_bloch`, `check_figure`) got no figure."""
    wanted = _("a matplotlib figure (what plot_histogram or plot_bloch_multivector return)")
    return wrong_type(value, wanted, from_function)


def not_a_drawing(value: Any, from_function: bool = False) -> Reject:
    """`check_drawing` got no circuit drawing."""
    wanted = _('a circuit drawing (what qc.draw("text") or qc.draw("mpl") returns)')
    return wrong_type(value, wanted, from_function)


def not_a_circuit(value: Any, from_function: bool = False) -> Reject:
    """`check_drawing` got no QuantumCircuit to draw."""
    return wrong_type(value, _("a QuantumCircuit"), from_function)
