"""`global_phase`: right up to a global phase, where the exercise requires the exact phase."""

from __future__ import annotations

import cmath

from qgrade import _format as fmt
from qgrade.diagnose.cases import OperatorCase, SampledCase, StateCase
from qgrade.diagnoses import GLOBAL_PHASE
from qgrade.i18n import _
from qgrade.verdict import Verdict

CODE = GLOBAL_PHASE


def phase_ok(overlap: complex, tolerance: float) -> bool:
    """Whether a (normalized) overlap is 1 up to the tolerance, phase included."""
    return abs(overlap) > 0 and 1 - (overlap / abs(overlap)).real <= tolerance


def for_state(case: StateCase) -> Verdict | None:
    if (
        not case.strict
        or case.fidelity < 1 - case.tolerance
        or phase_ok(case.overlap, case.tolerance)
    ):
        return None
    theta = cmath.phase(case.overlap)
    message = _(
        "Right up to a global phase: your state is the expected one times e^(i·{angle}). "
        "This exercise needs the exact phase."
    ).format(angle=fmt.angle(theta))
    return Verdict(False, 0.0, CODE, case.text(message), case.details(global_phase=theta))


def _operator_message(theta: float) -> str:
    return _(
        "Right up to a global phase: your circuit is the expected gate times e^(i·{angle}). "
        "This exercise needs the exact phase, because a controlled version of your gate would "
        "turn it into a relative phase (for example rz(θ) and p(θ) differ by such a phase)."
    ).format(angle=fmt.angle(theta))


def for_operator(case: OperatorCase) -> Verdict | None:
    if (
        not case.strict
        or case.fidelity < 1 - case.tolerance
        or phase_ok(case.overlap, case.tolerance)
    ):
        return None
    theta = cmath.phase(case.overlap)
    return Verdict(False, 0.0, CODE, _operator_message(theta), case.details(global_phase=theta))


def for_sampled(case: SampledCase) -> Verdict | None:
    if not case.strict or case.fidelity < 1 - case.tolerance:
        return None
    if all(phase_ok(o, case.tolerance) for o in case.overlaps):
        return None
    theta = cmath.phase(case.overlaps[0])
    return Verdict(False, 0.0, CODE, _operator_message(theta), case.details(global_phase=theta))
