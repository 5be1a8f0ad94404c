"""`wrong_value`: a classical answer (a number, a bitstring, a list) differs from the expected one.

Also the words `check_value`'s other verdicts share: where in the answer (`place`), what kind
of value (`kind`) and the value shown short (`show`).
"""

from __future__ import annotations

import numbers
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from qgrade._guard import fail
from qgrade.diagnoses import WRONG_VALUE
from qgrade.i18n import _
from qgrade.verdict import Verdict

CODE = WRONG_VALUE


def place(path: str) -> str:
    """The part of the answer a message is about: the whole answer or one entry of it."""
    return _("Entry {path} of your answer").format(path=path) if path else _("Your answer")


def wrong(actual: Any, expected: Any, where: str) -> Verdict:
    return fail(
        CODE,
        _("Not the expected answer. {where} is {actual}, but it should be {expected}.").format(
            where=where, actual=show(actual), expected=show(expected)
        ),
        actual=show(actual),
        expected=show(expected),
    )


def wrong_keys(actual: Mapping, expected: Mapping, where: str) -> Verdict:
    return fail(
        CODE,
        _("{where} should have the keys {expected_keys}, but it has {actual_keys}.").format(
            where=where,
            expected_keys=show(sorted(map(str, expected))),
            actual_keys=show(sorted(map(str, actual))),
        ),
    )


def wrong_length(actual_length: int, expected_length: int, where: str) -> Verdict:
    return fail(
        CODE,
        _("{where} should have {expected_length} entries, but it has {actual_length}.").format(
            where=where, expected_length=expected_length, actual_length=actual_length
        ),
    )


def kind(value: Any) -> str:
    """What sort of value this is, in the learner's words."""
    if value is None:
        return _("nothing (None)")
    if isinstance(value, (bool, np.bool_)):
        return _("True or False")
    if isinstance(value, numbers.Number):
        return _("a number")
    if isinstance(value, (str, np.str_)):
        return _("a string")
    if isinstance(value, Mapping):
        return _("a dictionary")
    if isinstance(value, (Sequence, np.ndarray)):
        return _("a list")
    return type(value).__name__


def show(value: Any, limit: int = 120) -> str:
    """The value as the learner would type it, cut at `limit` characters."""
    if isinstance(value, (np.generic,)):
        value = value.item()
    if isinstance(value, float):
        text = f"{value:.10g}"
    elif isinstance(value, complex):
        text = f"{value:.6g}"
    else:
        text = repr(value) if not isinstance(value, str) else repr(str(value))
    return text if len(text) <= limit else text[: limit - 1] + "…"
