"""Helpers for nbgrader test cells: turn a check's `Verdict` into the cell outcome nbgrader grades.

nbgrader (`nbgrader/utils.py: determine_grade`) scores an autograded test cell like this:

- an error output                          -> 0 points
- any output on stderr                     -> 0 points (a stray warning zeroes a right answer)
- first `execute_result` is a number       -> that many points (partial credit)
- first `execute_result` is not a number   -> FULL points
- nothing of the above                     -> full points

So the helpers here:

- run the check with warnings and stderr captured (Python-level and file-descriptor level), so a
  check never writes to stderr;
- show the verdict as HTML `display_data` (instant feedback), never as an `execute_result`;
- on failure raise `AssertionError("[<diagnosis>] <message>")` (the message in the active
  language; `qcourse` reports parse the bracketed code), on success return None. The error is a
  `VerdictFailure` (a subclass of AssertionError whose ename is still "AssertionError"): in
  IPython it renders as one short line under the verdict already shown, not as frames of
  qgrade (`_render_traceback_`);
- `partial_credit` returns a plain float: put it as the LAST expression of the test cell, so
  that it becomes the cell's `execute_result`.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
import tempfile
import warnings
from collections.abc import Callable, Iterator
from typing import Any

from qgrade.verdict import Verdict

__all__ = [
    "assert_bloch",
    "assert_counts",
    "assert_drawing",
    "assert_figure",
    "assert_histogram",
    "assert_operator",
    "assert_oracle",
    "assert_state",
    "assert_value",
    "assert_verdict",
    "VerdictFailure",
    "failure_message",
    "partial_credit",
    "quiet",
]


class Captured:
    """What `quiet()` kept away from stderr: warning texts and stray stderr output."""

    def __init__(self) -> None:
        self.warnings: list[str] = []
        self.stderr: str = ""

    @property
    def notes(self) -> list[str]:
        """One line per warning, then stray stderr lines; shown under the verdict."""
        lines = [line.strip() for line in self.stderr.splitlines() if line.strip()]
        return [*self.warnings, *lines]


@contextlib.contextmanager
def _fd_redirected(fd: int) -> Iterator[Callable[[], str]]:
    """Point the OS-level file descriptor `fd` at a temporary file for the duration.

    ipykernel forwards writes to file descriptor 2 (from C/C++ code such as Aer) into the
    notebook's stderr stream, which `contextlib.redirect_stderr` does not catch.
    """
    try:
        saved = os.dup(fd)
    except OSError:  # no such descriptor (embedded interpreters): nothing to redirect
        yield lambda: ""
        return
    with tempfile.TemporaryFile() as tmp:
        os.dup2(tmp.fileno(), fd)
        try:

            def read() -> str:
                tmp.seek(0)
                return tmp.read().decode("utf-8", errors="replace")

            yield read
        finally:
            os.dup2(saved, fd)
            os.close(saved)


@contextlib.contextmanager
def quiet() -> Iterator[Captured]:
    """Run a block with warnings recorded and stderr captured, so nothing reaches stderr."""
    captured = Captured()
    buffer = io.StringIO()
    with contextlib.ExitStack() as stack:
        with contextlib.suppress(Exception):
            sys.stderr.flush()
        read_fd = stack.enter_context(_fd_redirected(2))
        stack.enter_context(contextlib.redirect_stderr(buffer))
        records = stack.enter_context(warnings.catch_warnings(record=True))
        warnings.simplefilter("always")
        try:
            yield captured
        finally:
            captured.warnings = [f"{w.category.__name__}: {w.message}" for w in records]
            captured.stderr = buffer.getvalue() + read_fd()


def failure_message(verdict: Verdict) -> str:
    """The text of the AssertionError for a failing verdict: "[<diagnosis>] <message>"."""
    return f"[{verdict.diagnosis}] {verdict.message}"


class VerdictFailure(AssertionError):
    """The error of a failing `assert_*`: `str()` is "[<diagnosis>] <message>" (what nbgrader
    stores as the error's evalue, and what `qcourse` reports parse); IPython shows one short line
    instead of a traceback, because the verdict itself is displayed just above it."""

    def __init__(self, message: str, verdict: Verdict | None = None) -> None:
        super().__init__(message)
        self.verdict = verdict

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (str(self),))

    def _render_traceback_(self) -> list[str]:
        """IPython calls this instead of formatting the traceback frames."""
        if self.verdict is None:
            return [f"AssertionError: {self}"]
        from qgrade.i18n import _
        from qgrade.render import diagnosis_title

        line = _("{title} [{code}]: the verdict above says what to change.").format(
            title=diagnosis_title(self.verdict.diagnosis), code=self.verdict.diagnosis
        )
        return [f"\x1b[0;31mAssertionError\x1b[0m: {line}"]


# ipykernel names the error by the class's __name__: keep it "AssertionError" for nbgrader,
# `qcourse` and anything else that matches on it (the qualified name stays VerdictFailure)
VerdictFailure.__name__ = "AssertionError"


def _failure(verdict: Verdict) -> VerdictFailure:
    return VerdictFailure(failure_message(verdict), verdict)


def _show(verdict: Verdict, notes: list[str]) -> None:
    """Display the verdict as display_data in IPython/Jupyter; do nothing elsewhere."""
    shell = _ipython()
    if shell is None:
        return
    from IPython.display import display

    from qgrade.render import render_html, render_text

    bundle = {"text/plain": render_text(verdict, notes), "text/html": render_html(verdict, notes)}
    # metadata lets tools find the verdict in a saved notebook without parsing HTML
    meta = {
        "qgrade": {
            "passed": verdict.passed,
            "score": verdict.score,
            "diagnosis": verdict.diagnosis,
        }
    }
    display(bundle, raw=True, metadata=meta)


def _ipython() -> Any:
    if "IPython" not in sys.modules:  # never import IPython just to find out
        return None
    try:
        from IPython import get_ipython
    except ImportError:
        return None
    return get_ipython()


def _run_quietly(check: Callable[..., Any], *args: Any, **kwargs: Any) -> tuple[Verdict, list[str]]:
    with quiet() as captured:
        verdict = check(*args, **kwargs)
    if not isinstance(verdict, Verdict):
        raise TypeError(
            f"{getattr(check, '__name__', check)!r} returned {type(verdict).__name__}; "
            "expected a qgrade.Verdict"
        )
    return verdict, captured.notes


def _conclude(verdict: Verdict, notes: list[str]) -> None:
    __tracebackhide__ = True  # noqa: F841  (IPython and pytest hide this frame)
    _show(verdict, notes)
    if not verdict.passed:
        raise _failure(verdict)


def assert_verdict(verdict: Verdict) -> None:
    """Show `verdict`; raise AssertionError("[<diagnosis>] <message>") unless it passed."""
    __tracebackhide__ = True  # noqa: F841
    if not isinstance(verdict, Verdict):
        raise TypeError(f"assert_verdict expects a qgrade.Verdict, got {type(verdict).__name__}")
    _conclude(verdict, [])


def _checked(name: str, *args: Any, **kwargs: Any) -> None:
    __tracebackhide__ = True  # noqa: F841
    import qgrade  # the checks live in the core modules, exported by the package

    check = getattr(qgrade, name)
    verdict, notes = _run_quietly(check, *args, **kwargs)
    _conclude(verdict, notes)


def assert_state(submission: Any, expected: Any, **options: Any) -> None:
    """`qgrade.check_state(submission, expected, **options)`, as a test-cell assertion."""
    __tracebackhide__ = True  # noqa: F841
    _checked("check_state", submission, expected, **options)


def assert_operator(submission: Any, expected: Any, **options: Any) -> None:
    """`qgrade.check_operator(submission, expected, **options)`, as a test-cell assertion."""
    __tracebackhide__ = True  # noqa: F841
    _checked("check_operator", submission, expected, **options)


def assert_oracle(submission: Any, f: Callable[..., Any], n: int, **options: Any) -> None:
    """`qgrade.check_oracle(submission, f, n, **options)`, as a test-cell assertion."""
    __tracebackhide__ = True  # noqa: F841
    _checked("check_oracle", submission, f, n, **options)


def assert_counts(counts: Any, expected_probabilities: Any, **options: Any) -> None:
    """`qgrade.check_counts(counts, expected_probabilities, **options)`, as a test-cell assertion."""
    __tracebackhide__ = True  # noqa: F841
    _checked("check_counts", counts, expected_probabilities, **options)


def assert_value(submission: Any, expected: Any, **options: Any) -> None:
    """`qgrade.check_value(submission, expected, **options)`, as a test-cell assertion."""
    __tracebackhide__ = True  # noqa: F841
    _checked("check_value", submission, expected, **options)


def partial_credit(*verdicts: Verdict | Callable[[], Verdict], points: float) -> float:
    """Points earned over several checks, for the last line of an nbgrader test cell.

    Each argument is a `Verdict` or a zero-argument callable returning one (for example
    `lambda: qgrade.check_state(...)`); callables run with warnings and stderr captured, which
    a check evaluated as an argument before this call cannot be. The result is
    `points * mean(verdict.score)` as a float; nbgrader takes it as the cell's partial credit
    when it is the cell's last expression (and so its `execute_result`). `points` must equal
    the cell's points: nbgrader rejects partial credit above them.

    Every verdict is displayed. When none of them passed, raises AssertionError with the first
    failure's "[<diagnosis>] <message>" (the cell then scores 0).
    """
    __tracebackhide__ = True  # noqa: F841
    try:
        points = float(points)
    except (TypeError, ValueError):
        raise TypeError(f"points must be a number, got {points!r}") from None
    if not points > 0 or points != points or points == float("inf"):
        raise ValueError(f"points must be a positive finite number, got {points}")
    if not verdicts:
        raise ValueError("partial_credit needs at least one Verdict (or callable returning one)")
    results: list[tuple[Verdict, list[str]]] = []
    for item in verdicts:
        if isinstance(item, Verdict):
            results.append((item, []))
        elif callable(item):
            results.append(_run_quietly(item))
        else:
            raise TypeError(
                f"partial_credit expects Verdicts or zero-argument callables returning one, "
                f"got {type(item).__name__}"
            )
    for verdict, notes in results:
        _show(verdict, notes)
    if not any(v.passed for v, _notes in results):
        raise _failure(results[0][0])
    earned = points * sum(v.score for v, _notes in results) / len(results)
    # round away float noise (2/3 * 3 = 1.9999999999999998) so the gradebook shows clean numbers
    return round(min(earned, points), 6)


def assert_figure(figure: Any, **options: Any) -> None:
    """`qgrade.check_figure(figure, **options)`, as a test-cell assertion."""
    __tracebackhide__ = True  # noqa: F841
    _checked("check_figure", figure, **options)


def assert_histogram(figure: Any, expected: Any, **options: Any) -> None:
    """`qgrade.check_histogram(figure, expected, **options)`, as a test-cell assertion."""
    __tracebackhide__ = True  # noqa: F841
    _checked("check_histogram", figure, expected, **options)


def assert_bloch(figure: Any, expected: Any, **options: Any) -> None:
    """`qgrade.check_bloch(figure, expected, **options)`, as a test-cell assertion."""
    __tracebackhide__ = True  # noqa: F841
    _checked("check_bloch", figure, expected, **options)


def assert_drawing(drawing: Any, circuit: Any, **draw_options: Any) -> None:
    """`qgrade.check_drawing(drawing, circuit, **draw_options)`, as a test-cell assertion."""
    __tracebackhide__ = True  # noqa: F841
    _checked("check_drawing", drawing, circuit, **draw_options)
