"""Run a check so that nothing escapes: warnings recorded, stderr captured, errors turned into verdicts.

nbgrader gives 0 points to a test cell that writes to stderr, so a check must never let a
qiskit/numpy warning (or Aer's C++ logging) through. A bad submission must give a failing
`Verdict`, never an exception from numpy or qiskit. Mistakes of the exercise author (a bad
`expected`, an unknown option) raise `ExerciseError`, which is not caught: those must be seen
when the exercise is written, not hidden behind a learner's verdict.
"""

from __future__ import annotations

import contextlib
import functools
import io
import os
import sys
import tempfile
import traceback
import warnings
from collections.abc import Callable, Iterator
from typing import Any

import numpy as np

from qgrade.diagnoses import INVALID_SUBMISSION, TOO_LARGE
from qgrade.i18n import _
from qgrade.verdict import Verdict

# tests set this to True to see internal errors as exceptions instead of verdicts
RAISE_INTERNAL_ERRORS = False


class ExerciseError(ValueError):
    """The exercise itself is wrong (bad `expected`, bad option): the author must fix it."""


class Reject(Exception):  # noqa: N818  (control flow, not an error)
    """Raised deep inside a check to end it with `verdict` (e.g. an invalid submission)."""

    def __init__(self, verdict: Verdict) -> None:
        super().__init__(verdict.message)
        self.verdict = verdict


@contextlib.contextmanager
def _fd_captured(fd: int) -> Iterator[list[str]]:
    out: list[str] = []
    try:
        saved = os.dup(fd)
    except OSError:
        yield out
        return
    try:
        tmp = tempfile.TemporaryFile()
    except OSError:
        os.close(saved)
        yield out
        return
    with tmp:
        with contextlib.suppress(Exception):
            sys.stderr.flush()
        os.dup2(tmp.fileno(), fd)
        try:
            yield out
        finally:
            os.dup2(saved, fd)
            os.close(saved)
            tmp.seek(0)
            text = tmp.read().decode("utf-8", errors="replace").strip()
            if text:
                out.append(text)


@contextlib.contextmanager
def shielded() -> Iterator[list[str]]:
    """Record warnings and capture stderr (Python and file-descriptor level) inside the block.

    Yields a list that, after the block, holds one line per warning or stderr output.
    """
    notes: list[str] = []
    buffer = io.StringIO()
    with contextlib.ExitStack() as stack:
        fd_out = stack.enter_context(_fd_captured(2))
        stack.enter_context(contextlib.redirect_stderr(buffer))
        records = stack.enter_context(warnings.catch_warnings(record=True))
        warnings.simplefilter("always")
        stack.enter_context(np.errstate(all="ignore"))
        try:
            yield notes
        finally:
            notes.extend(f"{w.category.__name__}: {w.message}" for w in records)
            if buffer.getvalue().strip():
                notes.append(buffer.getvalue().strip())
            stack.close()
            notes.extend(fd_out)


def _with_notes(verdict: Verdict, notes: list[str]) -> Verdict:
    if not notes:
        return verdict
    details = dict(verdict.details)
    details["warnings"] = list(notes)
    return Verdict(verdict.passed, verdict.score, verdict.diagnosis, verdict.message, details)


def guarded(check: Callable[..., Verdict]) -> Callable[..., Verdict]:
    """Decorator for the public checks: see the module docstring."""

    @functools.wraps(check)
    def wrapper(*args: Any, **kwargs: Any) -> Verdict:
        notes: list[str] = []
        try:
            with shielded() as notes:
                verdict = check(*args, **kwargs)
        except Reject as stop:
            verdict = stop.verdict
        except (ExerciseError, TypeError) as err:
            if isinstance(err, ExerciseError) or _is_call_error(err, check):
                raise
            verdict = _internal(err)
        except MemoryError:
            verdict = fail(
                TOO_LARGE,
                _("This submission is too large to check on this machine (out of memory)."),
            )
        except Exception as err:  # a learner's object made numpy/qiskit fail somewhere
            verdict = _internal(err)
        return _with_notes(verdict, notes)

    return wrapper


def _is_call_error(err: TypeError, check: Callable[..., Any]) -> bool:
    """A TypeError from calling the check itself with bad arguments (the author's mistake)."""
    tb = err.__traceback__
    return tb is not None and tb.tb_next is None


def _internal(err: BaseException) -> Verdict:
    if RAISE_INTERNAL_ERRORS:
        raise err
    return fail(
        INVALID_SUBMISSION,
        _("qgrade could not grade this submission: {error}").format(
            error=f"{type(err).__name__}: {err}"
        ),
        internal_error="".join(traceback.format_exception(err))[-4000:],
    )


def fail(diagnosis: str, message: str, **details: Any) -> Verdict:
    """A failing verdict (score 0)."""
    return Verdict(False, 0.0, diagnosis, message, {k: v for k, v in details.items()})


def reject(diagnosis: str, message: str, **details: Any) -> Reject:
    """An exception that ends the running check with a failing verdict: `raise reject(...)`."""
    return Reject(fail(diagnosis, message, **details))
