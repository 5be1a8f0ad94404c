"""`nearly_correct`: very close but not exact, usually an angle typed as a decimal (3.14 for π)."""

from __future__ import annotations

import numpy as np

from qgrade import limits
from qgrade._guard import fail
from qgrade.diagnose.cases import OperatorCase, SampledCase, StateCase
from qgrade.diagnoses import NEARLY_CORRECT
from qgrade.i18n import _
from qgrade.verdict import Verdict

CODE = NEARLY_CORRECT


def _message(fidelity: float, tolerance: float) -> str:
    return _(
        "Almost! The fidelity is {fidelity}, but it must be within {tolerance} of 1. Check your "
        "angles: write np.pi (or pi/2, pi/4, ...) instead of a decimal such as 3.14 or 1.57."
    ).format(fidelity=f"{fidelity:.9f}", tolerance=f"{tolerance:g}")


def _close(fidelity: float) -> bool:
    return fidelity >= 1 - limits.NEARLY


def localized(expected: np.ndarray, actual: np.ndarray, floor: float) -> bool:
    """Whether the difference sits on a few entries (a sign or a bit on some basis states, which
    barely moves the fidelity of a large state) rather than spread thinly (an angle off)."""
    ov = np.vdot(expected, actual)
    phase = ov / abs(ov) if abs(ov) > 1e-12 else 1.0
    dev = np.abs(actual - phase * expected)
    scale = np.maximum(np.maximum(np.abs(expected), np.abs(actual)), floor)
    return float(np.max(dev / scale)) > 0.25


def for_state(case: StateCase) -> Verdict | None:
    if not _close(case.fidelity):
        return None
    if localized(case.expected, case.actual, 1 / np.sqrt(case.expected.size)):
        return None
    return Verdict(
        False, 0.0, CODE, case.text(_message(case.fidelity, case.tolerance)), case.details()
    )


def for_operator(case: OperatorCase) -> Verdict | None:
    if not _close(case.fidelity):
        return None
    if localized(case.expected.reshape(-1), case.actual.reshape(-1), 1 / np.sqrt(case.d)):
        return None
    return Verdict(False, 0.0, CODE, _message(case.fidelity, case.tolerance), case.details())


def for_sampled(case: SampledCase) -> Verdict | None:
    if not _close(case.fidelity):
        return None
    e, a = case.expected_out[0], case.actual_out[0]
    if localized(e, a, 1 / np.sqrt(e.size)):
        return None
    return Verdict(False, 0.0, CODE, _message(case.fidelity, case.tolerance), case.details())


def explains(fidelity: float, before: float) -> bool:
    """Whether a structural fix (a qubit permutation, a reversal) that brings the fidelity from
    `before` to `fidelity` explains the mistake: close to 1, and at least half of the infidelity
    gone. (Swapping two controls of a multi-controlled gate changes nothing: that permutation
    must not be named as the mistake of an answer whose angle is off.)"""
    return _close(fidelity) and 1 - fidelity <= (1 - before) / 2


def suffix(fidelity: float) -> str:
    """A note for a structural diagnosis that is only approximately right."""
    if fidelity >= 1 - 1e-8:
        return ""
    return " " + _("(After that fix it is still not exact: check your angles too.)")


def for_value(where: str, actual: str, expected: str, difference: float) -> Verdict:
    """A number close to the expected one (`actual`, `expected`: as the learner would type them)."""
    return fail(
        CODE,
        _(
            "Very close, but not exact. {where} is {actual}; the expected value is "
            "{expected}. Check for rounding too early or an angle typed as a decimal."
        ).format(where=where, actual=actual, expected=expected),
        actual=actual,
        expected=expected,
        difference=float(difference),
    )
