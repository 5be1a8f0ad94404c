"""`not_normalized`: the state vector's squared amplitudes do not add up to 1."""

from __future__ import annotations

import numpy as np

from qgrade import _format as fmt
from qgrade._guard import reject
from qgrade.diagnoses import NOT_NORMALIZED
from qgrade.i18n import _

CODE = NOT_NORMALIZED


def check(vec: np.ndarray, expected: np.ndarray | None, tolerance: float) -> None:
    """Raise the verdict if `vec` is not normalized within `tolerance`."""
    norm2 = float(np.vdot(vec, vec).real)
    if abs(norm2 - 1.0) <= tolerance:
        return
    details: dict = {"norm_squared": norm2}
    message = _(
        "Your state vector is not normalized: the squared magnitudes of its amplitudes add "
        "up to {norm}, but they must add up to 1."
    ).format(norm=fmt.number(norm2, 6))
    if norm2 > 0 and expected is not None and len(expected) == len(vec):
        direction = abs(np.vdot(expected, vec)) ** 2 / norm2
        details["fidelity_after_normalizing"] = fmt.fidelity(direction)
        if direction > 1 - 1e-6:
            message += " " + _(
                "The proportions are right: divide your vector by {scale} (its length), "
                "and use exact values such as 1/np.sqrt(2) instead of 0.707."
            ).format(scale=fmt.number(np.sqrt(norm2), 6))
    n = max(len(vec).bit_length() - 1, 0)
    details["actual_amplitudes"] = fmt.amplitudes(vec, n)
    if expected is not None and len(expected) == len(vec):
        details["expected_amplitudes"] = fmt.amplitudes(expected, n)
    raise reject(CODE, message, **details)


def density_trace(trace: float) -> None:
    """Raise the verdict for a density matrix whose trace is not 1."""
    raise reject(
        CODE,
        _("Your density matrix has trace {trace}, but it must be 1.").format(
            trace=fmt.number(trace, 6)
        ),
        trace=trace,
    )
