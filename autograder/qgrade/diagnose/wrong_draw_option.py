"""`wrong_draw_option`: a drawing of the right circuit, drawn with another option than asked
(the message says which options and with what values)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from qgrade._guard import fail
from qgrade.diagnoses import WRONG_DRAW_OPTION
from qgrade.i18n import _
from qgrade.verdict import Verdict

CODE = WRONG_DRAW_OPTION


def option_text(name: str, value: Any) -> str:
    """A draw option as it is passed: reverse_bits=True."""
    return f"{name}={value!r}"


def drawn_with(changed: Sequence[tuple[str, Any]], asked: Mapping[str, Any]) -> Verdict:
    """The drawing is the circuit drawn with the options `changed` ((name, value used) pairs)
    instead of `asked` (the options the exercise names; the others are left at their defaults)."""
    parts = []
    for name, used in changed:
        if name in asked:
            parts.append(
                _("{used} where the exercise asks for {wanted}").format(
                    used=option_text(name, used), wanted=option_text(name, asked[name])
                )
            )
        else:
            parts.append(
                _("{used}, which the exercise does not ask for").format(
                    used=option_text(name, used)
                )
            )
    return fail(
        CODE,
        _("Your drawing is this circuit drawn with {changes}.").format(changes="; ".join(parts)),
        options=[name for name, _used in changed],
    )
