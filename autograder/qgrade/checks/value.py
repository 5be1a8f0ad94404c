"""`check_value`: grade a classical answer (a number, a bitstring, a list, a dict) a learner returns.

Quantum exercises end in classical answers too: an iteration count, a probability estimated from
counts, a secret string, an energy. The test cell must still fail with a translated message and a
diagnosis code, never with a bare `assert x == y`, so classical answers go through this check.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from qgrade._guard import ExerciseError, fail, guarded, reject
from qgrade.diagnoses import CORRECT, INVALID_SUBMISSION, NEARLY_CORRECT, WRONG_VALUE
from qgrade.i18n import _
from qgrade.submission import call_if_callable
from qgrade.verdict import Verdict

# A numeric answer within NEARLY_FACTOR x the tolerance (or 1 % relative) is "nearly correct":
# usually rounding too early or an angle typed as a decimal.
NEARLY_FACTOR = 1000.0
NEARLY_RELATIVE = 1e-2
NUMERIC_TOLERANCE = 1e-6  # tolerances up to this are rounding error, not sampling error


@guarded
def check_value(
    submission: Any,
    expected: Any,
    *,
    tolerance: float = 1e-9,
    relative: float = 0.0,
) -> Verdict:
    """Check a classical answer against `expected`.

    submission: the value, or a zero-argument function returning it (exceptions inside become
        `student_error` verdicts).
    expected: a number (compared within `tolerance` absolute or `relative` relative error), a
        bool, a string (exact), None, or a list/tuple/dict of those (compared element by element).
    """
    if tolerance < 0 or relative < 0:
        raise ExerciseError("tolerance and relative must be non-negative")
    actual, _called = call_if_callable(submission)
    problem = _compare(actual, expected, tolerance, relative, path="")
    if problem is None:
        return Verdict(
            True,
            1.0,
            CORRECT,
            _("Correct! Your answer is {value}.").format(value=_show(actual)),
            {"actual": _show(actual), "expected": _show(expected)},
        )
    return problem


def _compare(actual: Any, expected: Any, tol: float, rel: float, path: str) -> Verdict | None:
    where = _("Entry {path} of your answer").format(path=path) if path else _("Your answer")
    if expected is None:  # "no answer exists" is an answer too
        return None if actual is None else _wrong(actual, expected, where)
    if isinstance(expected, bool):
        if not isinstance(actual, (bool, np.bool_)):
            raise _wrong_type(actual, expected, where)
        return None if bool(actual) == expected else _wrong(actual, expected, where)
    if isinstance(expected, str):
        if not isinstance(actual, str):
            raise _wrong_type(actual, expected, where)
        return None if str(actual) == expected else _wrong(actual, expected, where)
    if isinstance(expected, numbers.Number):
        if isinstance(actual, (bool, np.bool_)) or not isinstance(actual, numbers.Number):
            raise _wrong_type(actual, expected, where)
        a, e = complex(actual), complex(expected)
        if not (math.isfinite(a.real) and math.isfinite(a.imag)):
            raise reject(
                INVALID_SUBMISSION,
                _("{where} is {value}, which is not a finite number.").format(
                    where=where, value=_show(actual)
                ),
            )
        diff = abs(a - e)
        if diff <= max(tol, rel * abs(e)):
            return None
        # "nearly correct" only makes sense when the exercise asks for an exact value; with a
        # statistical tolerance (an estimate from counts) a miss is simply a wrong value
        exact = tol <= NUMERIC_TOLERANCE and rel <= NUMERIC_TOLERANCE
        if exact and diff <= max(NEARLY_FACTOR * tol, NEARLY_RELATIVE * abs(e)):
            return fail(
                NEARLY_CORRECT,
                _(
                    "Very close, but not exact. {where} is {actual}; the expected value is "
                    "{expected}. Check for rounding too early or an angle typed as a decimal."
                ).format(where=where, actual=_show(actual), expected=_show(expected)),
                actual=_show(actual),
                expected=_show(expected),
                difference=float(diff),
            )
        return _wrong(actual, expected, where)
    if isinstance(expected, Mapping):
        if not isinstance(actual, Mapping):
            raise _wrong_type(actual, expected, where)
        missing = [k for k in expected if k not in actual]
        extra = [k for k in actual if k not in expected]
        if missing or extra:
            return fail(
                WRONG_VALUE,
                _("{where} should have the keys {expected_keys}, but it has {actual_keys}.").format(
                    where=where,
                    expected_keys=_show(sorted(map(str, expected))),
                    actual_keys=_show(sorted(map(str, actual))),
                ),
            )
        for key in expected:
            found = _compare(actual[key], expected[key], tol, rel, f"{path}[{key!r}]")
            if found is not None:
                return found
        return None
    if isinstance(expected, Sequence) or isinstance(expected, np.ndarray):
        if isinstance(actual, (str, bytes)) or not isinstance(actual, (Sequence, np.ndarray)):
            raise _wrong_type(actual, expected, where)
        if len(actual) != len(expected):
            return fail(
                WRONG_VALUE,
                _(
                    "{where} should have {expected_length} entries, but it has {actual_length}."
                ).format(where=where, expected_length=len(expected), actual_length=len(actual)),
            )
        for i, (a, e) in enumerate(zip(actual, expected, strict=True)):
            found = _compare(a, e, tol, rel, f"{path}[{i}]")
            if found is not None:
                return found
        return None
    raise ExerciseError(
        f"check_value cannot compare expected values of type {type(expected).__name__}"
    )


def _wrong(actual: Any, expected: Any, where: str) -> Verdict:
    return fail(
        WRONG_VALUE,
        _("Not the expected answer. {where} is {actual}, but it should be {expected}.").format(
            where=where, actual=_show(actual), expected=_show(expected)
        ),
        actual=_show(actual),
        expected=_show(expected),
    )


def _wrong_type(actual: Any, expected: Any, where: str) -> Exception:
    return reject(
        INVALID_SUBMISSION,
        _("{where} should be {expected_type}, but it is {actual_type}.").format(
            where=where,
            expected_type=_kind(expected),
            actual_type=_kind(actual) if actual is None else f"{_kind(actual)} ({_show(actual)})",
        ),
    )


def _kind(value: Any) -> str:
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


def _show(value: Any, limit: int = 120) -> str:
    if isinstance(value, (np.generic,)):
        value = value.item()
    if isinstance(value, float):
        text = f"{value:.10g}"
    elif isinstance(value, complex):
        text = f"{value:.6g}"
    else:
        text = repr(value) if not isinstance(value, str) else repr(str(value))
    return text if len(text) <= limit else text[: limit - 1] + "…"
