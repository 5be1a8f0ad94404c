"""`check_value`: grade a classical answer (a number, a bitstring, a list, a dict) a learner returns.

Quantum exercises end in classical answers too: an iteration count, a probability estimated from
counts, a secret string, an energy. The test cell must still fail with a translated message and a
diagnosis code, never with a bare `assert x == y`, so classical answers go through this check.
The verdicts and their words are in `qgrade.diagnose` (`wrong_value` and the shared codes).
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from qgrade._guard import ExerciseError, Reject, guarded
from qgrade.diagnose import correct, invalid_submission, nearly_correct, wrong_value
from qgrade.diagnose.wrong_value import show
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
        return correct.value(show(actual), actual=show(actual), expected=show(expected))
    return problem


def _compare(actual: Any, expected: Any, tol: float, rel: float, path: str) -> Verdict | None:
    where = wrong_value.place(path)
    if expected is None:  # "no answer exists" is an answer too
        return None if actual is None else wrong_value.wrong(actual, expected, where)
    if isinstance(expected, bool):
        if not isinstance(actual, (bool, np.bool_)):
            raise _wrong_type(actual, expected, where)
        return None if bool(actual) == expected else wrong_value.wrong(actual, expected, where)
    if isinstance(expected, str):
        if not isinstance(actual, str):
            raise _wrong_type(actual, expected, where)
        return None if str(actual) == expected else wrong_value.wrong(actual, expected, where)
    if isinstance(expected, numbers.Number):
        if isinstance(actual, (bool, np.bool_)) or not isinstance(actual, numbers.Number):
            raise _wrong_type(actual, expected, where)
        a, e = complex(actual), complex(expected)
        if not (math.isfinite(a.real) and math.isfinite(a.imag)):
            raise invalid_submission.value_not_finite(where, show(actual))
        diff = abs(a - e)
        if diff <= max(tol, rel * abs(e)):
            return None
        # "nearly correct" only makes sense when the exercise asks for an exact value; with a
        # statistical tolerance (an estimate from counts) a miss is simply a wrong value
        exact = tol <= NUMERIC_TOLERANCE and rel <= NUMERIC_TOLERANCE
        if exact and diff <= max(NEARLY_FACTOR * tol, NEARLY_RELATIVE * abs(e)):
            return nearly_correct.for_value(where, show(actual), show(expected), diff)
        return wrong_value.wrong(actual, expected, where)
    if isinstance(expected, Mapping):
        if not isinstance(actual, Mapping):
            raise _wrong_type(actual, expected, where)
        missing = [k for k in expected if k not in actual]
        extra = [k for k in actual if k not in expected]
        if missing or extra:
            return wrong_value.wrong_keys(actual, expected, where)
        for key in expected:
            found = _compare(actual[key], expected[key], tol, rel, f"{path}[{key!r}]")
            if found is not None:
                return found
        return None
    if isinstance(expected, Sequence) or isinstance(expected, np.ndarray):
        if isinstance(actual, (str, bytes)) or not isinstance(actual, (Sequence, np.ndarray)):
            raise _wrong_type(actual, expected, where)
        if len(actual) != len(expected):
            return wrong_value.wrong_length(len(actual), len(expected), where)
        for i, (a, e) in enumerate(zip(actual, expected, strict=True)):
            found = _compare(a, e, tol, rel, f"{path}[{i}]")
            if found is not None:
                return found
        return None
    raise ExerciseError(
        f"check_value cannot compare expected values of type {type(expected).__name__}"
    )


def _wrong_type(actual: Any, expected: Any, where: str) -> Reject:
    kind = wrong_value.kind
    shown = kind(actual) if actual is None else f"{kind(actual)} ({show(actual)})"
    return invalid_submission.value_of_wrong_kind(where, kind(expected), shown)
