"""`correct`: the passing verdict."""

from __future__ import annotations

from typing import Any

from qgrade.diagnoses import CORRECT
from qgrade.i18n import _
from qgrade.verdict import Verdict

CODE = CORRECT


def state(**details: Any) -> Verdict:
    return Verdict(True, 1.0, CODE, _("Correct! Your state is the one asked for."), details)


def operator(**details: Any) -> Verdict:
    if details.get("method") == "randomized":
        message = _(
            "Correct! Your circuit does what was asked on {trials} random test states "
            "(the chance that a wrong circuit passes this test is below {error})."
        ).format(trials=details.get("trials"), error=f"{details.get('error_probability', 0):.0e}")
    else:
        message = _("Correct! Your circuit implements the operation asked for.")
    return Verdict(True, 1.0, CODE, message, details)


def oracle(**details: Any) -> Verdict:
    return Verdict(
        True, 1.0, CODE, _("Correct! Your oracle gives the right answer on every input."), details
    )


def counts(**details: Any) -> Verdict:
    return Verdict(
        True,
        1.0,
        CODE,
        _("Correct! Your measured counts agree with the expected probabilities."),
        details,
    )


def value(shown: str, **details: Any) -> Verdict:
    """A classical answer (`check_value`); `shown` is the answer as the learner would type it."""
    return Verdict(
        True, 1.0, CODE, _("Correct! Your answer is {value}.").format(value=shown), details
    )


def figure(**details: Any) -> Verdict:
    """A figure with the asked kind and properties (`check_figure`)."""
    return Verdict(True, 1.0, CODE, _("Correct! Your figure shows what was asked."), details)


def chart(**details: Any) -> Verdict:
    """A bar chart of the right distribution(s) (`check_histogram`)."""
    return Verdict(True, 1.0, CODE, _("Correct! Your chart shows the right bars."), details)


def bloch(**details: Any) -> Verdict:
    """Bloch spheres of the right state (`check_bloch`)."""
    return Verdict(True, 1.0, CODE, _("Correct! Each sphere shows its qubit's state."), details)


def drawing(**details: Any) -> Verdict:
    """A circuit drawn with the asked options (`check_drawing`)."""
    return Verdict(
        True,
        1.0,
        CODE,
        _("Correct! Your drawing is the circuit drawn with the asked options."),
        details,
    )
