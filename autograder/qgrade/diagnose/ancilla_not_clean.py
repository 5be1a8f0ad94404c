"""`ancilla_not_clean`: an ancilla qubit does not end in |0⟩ (it must be uncomputed)."""

from __future__ import annotations

from typing import Any

import numpy as np

from qgrade import _format as fmt
from qgrade.diagnoses import ANCILLA_NOT_CLEAN
from qgrade.i18n import _
from qgrade.verdict import Verdict

CODE = ANCILLA_NOT_CLEAN


def ancilla_ones(vec: np.ndarray, n_total: int, ancillas: list[int]) -> dict[int, float]:
    """Probability that each ancilla reads 1 in the state `vec`."""
    t = np.abs(vec.reshape((2,) * n_total)) ** 2
    out = {}
    for a in ancillas:
        out[a] = float(np.take(t, 1, axis=n_total - 1 - a).sum())
    return out


def verdict(
    ancilla: int,
    probability: float,
    failing_input: str | None,
    **details: Any,
) -> Verdict:
    if failing_input is not None:
        message = _(
            "Ancilla qubit {ancilla} does not end in |0⟩: for the input |{input}⟩ it ends in "
            "|1⟩ with probability {probability}. Undo (uncompute) everything you did to the "
            "ancilla before the end of the circuit."
        ).format(ancilla=ancilla, input=failing_input, probability=fmt.number(probability, 3))
    else:
        message = _(
            "Ancilla qubit {ancilla} does not end in |0⟩ (it reads 1 with probability "
            "{probability} on a test input). Undo (uncompute) everything you did to the ancilla "
            "before the end of the circuit."
        ).format(ancilla=ancilla, probability=fmt.number(probability, 3))
    details = {"ancilla": ancilla, "probability_one": probability, **details}
    if failing_input is not None:
        details["failing_input"] = failing_input
    return Verdict(False, 0.0, CODE, message, details)
