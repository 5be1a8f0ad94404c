"""`bit_flip`: right up to X (bit flips) on some qubits."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import numpy as np

from qgrade import _format as fmt
from qgrade import limits
from qgrade.diagnose import nearly_correct
from qgrade.diagnose._math import best_masks, mask_qubits, xor_correlation, xor_diagonals
from qgrade.diagnose.cases import OperatorCase, SampledCase, StateCase
from qgrade.diagnoses import BIT_FLIP
from qgrade.i18n import _, ngettext
from qgrade.verdict import Verdict

CODE = BIT_FLIP


def _alternatives(masks: list[int], names=lambda qs: qs) -> str:  # noqa: ANN001
    """ " (or equally qubit 1)" when another flip of the same size fits too."""
    if len(masks) < 2:
        return ""
    first = bin(masks[0]).count("1")
    same = [m for m in masks[1:] if bin(m).count("1") == first][:2]
    if not same:
        return ""
    return " " + _("(or equally on {qubits})").format(
        qubits=_(" or ").join(fmt.qubit_list(names(mask_qubits(m))) for m in same)
    )


def for_state(case: StateCase) -> Verdict | None:
    scores = np.abs(xor_correlation(case.expected, case.actual, case.n)) ** 2
    masks = best_masks(scores, 1 - limits.NEARLY)
    if not masks:
        return None
    qubits = case.names(mask_qubits(masks[0]))
    message = ngettext(
        "Your state is right except that {qubits} is flipped (0 and 1 swapped){alternatives}: "
        "look for a missing or extra X gate on {qubits}.",
        "Your state is right except that {qubits} are flipped (0 and 1 swapped){alternatives}: "
        "look for missing or extra X gates on {qubits}.",
        len(qubits),
    ).format(qubits=fmt.qubit_list(qubits), alternatives=_alternatives(masks, case.names))
    if case.n <= 4:
        message += " " + _("You prepared {actual}, but the exercise asks for {expected}.").format(
            actual=fmt.state_text(
                case.actual * _phase(case.expected, case.actual, masks[0]), case.n
            ),
            expected=fmt.state_text(case.expected, case.n),
        )
    message += nearly_correct.suffix(float(scores[masks[0]]))
    return Verdict(False, 0.0, CODE, case.text(message), case.details(flipped_qubits=qubits))


def _phase(expected: np.ndarray, actual: np.ndarray, mask: int) -> complex:
    idx = np.arange(len(actual)) ^ mask
    ov = np.vdot(expected[idx], actual)
    return np.conj(ov) / abs(ov) if abs(ov) > 1e-9 else 1.0


def _operator_message(side: str, qubits: list[int], alternatives: str) -> str:
    if side == "output":
        return ngettext(
            "Your circuit equals the expected one followed by an X on {qubits}{alternatives}: "
            "there is an extra or a missing X gate at the end on {qubits}.",
            "Your circuit equals the expected one followed by an X on each of {qubits}"
            "{alternatives}: there are extra or missing X gates at the end on {qubits}.",
            len(qubits),
        ).format(qubits=fmt.qubit_list(qubits), alternatives=alternatives)
    return ngettext(
        "Your circuit equals the expected one preceded by an X on {qubits}{alternatives}: there "
        "is an extra or a missing X gate at the start on {qubits}.",
        "Your circuit equals the expected one preceded by an X on each of {qubits}"
        "{alternatives}: there are extra or missing X gates at the start on {qubits}.",
        len(qubits),
    ).format(qubits=fmt.qubit_list(qubits), alternatives=alternatives)


def for_operator(case: OperatorCase) -> Verdict | None:
    # on one qubit every wrong gate is "X or a phase away": only say it for n >= 2
    if case.n < 2:
        return None
    e, u = case.expected, case.actual
    for side, w in (("output", u @ e.conj().T), ("input", e.conj().T @ u)):
        scores = np.abs(xor_diagonals(w)) ** 2
        masks = best_masks(scores, 1 - limits.NEARLY)
        if not masks:
            continue
        qubits = mask_qubits(masks[0])
        info = case.oracle
        if (
            info is not None
            and info.kind == "bit_flip"
            and side == "output"
            and qubits == [info.target]
        ):
            message = _(
                "Your oracle computes NOT f(x): the output qubit {target} is flipped for every "
                "input. Remove one X gate on qubit {target} (or flip the condition)."
            ).format(target=info.target)
        else:
            message = _operator_message(side, qubits, _alternatives(masks))
        message += nearly_correct.suffix(float(scores[masks[0]]))
        return Verdict(False, 0.0, CODE, message, case.details(flipped_qubits=qubits, side=side))
    return None


def for_sampled(case: SampledCase) -> Verdict | None:
    if case.n < 2:
        return None
    e, a = case.expected_out[0], case.actual_out[0]
    scores = np.abs(xor_correlation(e, a, case.n)) ** 2
    masks = best_masks(scores, 1 - limits.NEARLY)
    if not masks:
        return None
    mask = masks[0]
    idx = np.arange(2**case.n) ^ mask
    if case.fidelity_out(lambda vec: vec[idx]) < 1 - limits.NEARLY:
        return None
    qubits = mask_qubits(mask)
    info = case.oracle
    if info is not None and info.kind == "bit_flip" and qubits == [info.target]:
        message = _(
            "Your oracle computes NOT f(x): the output qubit {target} is flipped for every "
            "input. Remove one X gate on qubit {target} (or flip the condition)."
        ).format(target=info.target)
    else:
        message = _operator_message("output", qubits, "")
    return Verdict(False, 0.0, CODE, message, case.details(flipped_qubits=qubits, side="output"))


def for_counts(
    observed: Mapping[int, int],
    expected: Mapping[int, float],
    width: int,
    fits: Callable[[dict[int, float]], bool],
    details: dict[str, Any],
) -> Verdict | None:
    """Counts that fit the expected distribution with some bits flipped: the flip closest to the
    frequencies (fewest bits among equals), confirmed by `fits` (the same statistical test)."""
    if width > 12:
        return None
    size = 2**width
    p = np.zeros(size)
    for k, v in expected.items():
        if k < size:
            p[k] = v
    o = np.zeros(size)
    for k, v in observed.items():
        if k < size:
            o[k] = v
    shots = sum(observed.values())
    if o.sum() < shots:
        return None
    idx = np.arange(size)
    # total variation distance of every bit-flipped expected distribution from the frequencies
    freq = o / shots
    best = min(
        range(1, size), key=lambda m: (float(np.abs(p[idx ^ m] - freq).sum()), bin(m).count("1"))
    )
    alt = {int(k): float(p[k ^ best]) for k in range(size) if p[k ^ best] > 0}
    if not fits(alt):
        return None
    bits = mask_qubits(best)
    message = _(
        "Your outcomes look like the expected ones with {bits} flipped (0 and 1 swapped): look "
        "for a missing or extra X gate before the measurement."
    ).format(bits=_bit_list(bits))
    return Verdict(False, 0.0, CODE, message, {**details, "flipped_bits": bits})


def _bit_list(bits: list[int]) -> str:
    if len(bits) == 1:
        return _("bit {bit}").format(bit=bits[0])
    return _("bits {bits}").format(bits=", ".join(str(b) for b in bits))
