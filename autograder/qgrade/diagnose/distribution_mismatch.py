"""`distribution_mismatch`: measured counts are statistically inconsistent with the expected distribution."""

from __future__ import annotations

from typing import Any

from qgrade import _format as fmt
from qgrade.diagnoses import DISTRIBUTION_MISMATCH
from qgrade.i18n import _
from qgrade.verdict import Verdict

CODE = DISTRIBUTION_MISMATCH


def impossible(outcome: str, count: int, **details: Any) -> Verdict:
    message = _(
        "You measured {outcome} ({count} times), but that outcome should never happen. "
        "Check your gates and which qubits you measure."
    ).format(outcome=outcome, count=count)
    return Verdict(False, 0.0, CODE, message, {"impossible_outcome": outcome, **details})


def mismatch(outcome: str, observed: int, expected: float, **details: Any) -> Verdict:
    """`details` must hold the test's "shots", "p_value" and "alpha"."""
    message = _(
        "Your measured counts do not match the expected probabilities (p-value {p_value}, "
        "below {alpha}). Biggest difference: {outcome} was measured {observed} times out of "
        "{shots}, expected about {expected}."
    ).format(
        p_value=f"{details['p_value']:.2g}",
        alpha=f"{details['alpha']:g}",
        outcome=outcome,
        observed=observed,
        shots=details["shots"],
        expected=fmt.number(expected, 4),
    )
    return Verdict(False, 0.0, CODE, message, details)
