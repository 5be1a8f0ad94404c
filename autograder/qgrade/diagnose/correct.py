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
