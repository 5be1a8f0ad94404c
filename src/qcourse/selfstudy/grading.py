"""Grade a learner's notebook on their own machine, the way the instructor's autograde does.

The instructor's test cells (hidden tests included) are restored from the installed curriculum
(`restore.py`), the notebook runs top to bottom in a fresh kernel with nbclient, and every test
cell is scored with nbgrader's own `determine_grade`. A failing qgrade check ends its cell with
`AssertionError("[diagnosis] message")`; that code and message become the exercise's verdict.
"""

from __future__ import annotations

import atexit
import copy
import re
import subprocess
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellTimeoutError, DeadKernelError
from nbgrader.utils import determine_grade

from qcourse.gradecells import exercise_of, grade_id, is_solution_cell, is_test_cell, parse_failure
from qcourse.selfstudy.records import ExerciseOutcome
from qcourse.selfstudy.restore import restore_instructor_cells

CELL_TIMEOUT_S = 300
KERNEL_STARTUP_TIMEOUT_S = 180  # a loaded laptop can take a while to start a kernel
KERNEL_START_ATTEMPTS = 2
_ANSI = re.compile(r"\x1b\[[0-9;]*m")


@dataclass(frozen=True)
class GradedNotebook:
    outcomes: tuple[ExerciseOutcome, ...]
    duration_s: float
    problem: str = ""  # the run stopped early (dead kernel, ...): what happened
    executed: nbformat.NotebookNode | None = None
    sealed: bool = False  # graded in the sandbox (evidence), or in a plain kernel (self-reported)


@dataclass(frozen=True)
class CellProgress:
    """Where a grading run is: the cell about to run, for a progress display."""

    number: int  # 1-based, among the code cells that run
    total: int
    exercise: str | None  # the exercise of an answer or test cell
    role: str  # "answer" | "test" | "lesson"


def _progress_hook(
    nb: nbformat.NotebookNode, on_progress: Callable[[CellProgress], None] | None
) -> Callable[[int], None] | None:
    """`on_progress` as a hook called with the index of each cell about to run."""
    if on_progress is None:
        return None
    running = [i for i, c in enumerate(nb.cells) if c.cell_type == "code" and str(c.source).strip()]
    numbers = {index: n for n, index in enumerate(running, 1)}

    def hook(index: int) -> None:
        if index not in numbers:
            return
        cell = nb.cells[index]
        gid = grade_id(cell) or ""
        if is_test_cell(cell):
            role = "test"
        elif is_solution_cell(cell) and gid:
            role = "answer"
        else:
            role = "lesson"
        exercise = exercise_of(gid) if role != "lesson" else None
        on_progress(CellProgress(numbers[index], len(running), exercise, role))

    return hook


def run_graded(
    learner: nbformat.NotebookNode,
    instructor: nbformat.NotebookNode,
    workdir: Path,
    cell_timeout: int = CELL_TIMEOUT_S,
    sealed: bool | None = None,
    on_progress: Callable[[CellProgress], None] | None = None,
) -> GradedNotebook:
    """Restore the tests, execute, and score every instructor test cell.

    Sealed (the default where a sandbox can be made), the learner's cells run in the sandbox
    and the tests outside it, as the instructor's grading does; otherwise in a plain kernel,
    and the result is marked unsealed (self-reported). `on_progress` is called before each
    cell runs.
    """
    from qcourse.sealed.sandbox import sandbox_problem

    restored = restore_instructor_cells(learner, instructor)
    if sealed is None:
        sealed = sandbox_problem() is None
    started = time.monotonic()
    if sealed:
        nb = copy.deepcopy(restored)
        hook = _progress_hook(nb, on_progress)
        problem = _execute_sealed(nb, instructor, workdir, cell_timeout, hook)
    else:
        for _attempt in range(KERNEL_START_ATTEMPTS):
            nb = copy.deepcopy(restored)
            hook = _progress_hook(nb, on_progress)
            problem, kernel_started = _execute(nb, workdir, cell_timeout, hook)
            if kernel_started:
                break  # retry only a kernel that never came up (e.g. a port taken meanwhile)
    duration = time.monotonic() - started
    test_ids = [grade_id(c) for c in instructor.cells if is_test_cell(c) and grade_id(c)]
    return GradedNotebook(
        outcomes=tuple(_outcome(nb, gid) for gid in test_ids),
        duration_s=duration,
        problem=problem,
        executed=nb,
        sealed=sealed,
    )


def _execute_sealed(
    nb: nbformat.NotebookNode,
    instructor: nbformat.NotebookNode,
    workdir: Path,
    cell_timeout: int,
    on_cell: Callable[[int], None] | None = None,
) -> str:
    """Run `nb` sealed, in place; return what went wrong or ""."""
    from qcourse.gradecells import answer_sources, cell_roles
    from qcourse.sealed.sandbox import SandboxUnavailable, shared_sandbox
    from qcourse.sealed.trusted import SealedRun, answer_names

    files = {
        p.name: p.read_bytes()
        for p in sorted(Path(workdir).iterdir())
        if p.is_file() and p.suffix != ".ipynb" and p.stat().st_size < 16 * 1024 * 1024
    }
    try:
        run = SealedRun(
            shared_sandbox(),
            files,
            cell_roles(nb, instructor),  # the tests run outside the sandbox
            cell_timeout=cell_timeout,
            figures=False,
            answer_names=answer_names(answer_sources(instructor)),
            on_cell=on_cell,
        ).run(nb)
    except SandboxUnavailable as exc:
        return f"could not start the sandbox to run the notebook: {exc}"
    if run.kind == "died":
        return "the Python process died while running the notebook (out of memory?)"
    if run.kind == "timeout":
        return f"a cell ran longer than {cell_timeout} s and could not be interrupted"
    if run.kind == "output":
        return "the notebook printed more output than allowed"
    return ""


def _execute(
    nb: nbformat.NotebookNode,
    workdir: Path,
    cell_timeout: int,
    on_cell: Callable[[int], None] | None = None,
) -> tuple[str, bool]:
    """Run `nb` in place; return (what went wrong or "", whether the kernel started)."""
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    client = NotebookClient(
        nb,
        timeout=cell_timeout,
        startup_timeout=KERNEL_STARTUP_TIMEOUT_S,
        interrupt_on_timeout=True,
        allow_errors=True,
        kernel_name="python3",
        resources={"metadata": {"path": str(workdir)}},
    )
    if on_cell is not None:
        client.on_cell_start = lambda cell, cell_index: on_cell(cell_index)
    # the kernel's own log lines (e.g. its TCP warning) are not the learner's business, but
    # they explain a kernel that does not start
    with tempfile.TemporaryFile() as kernel_log:
        try:
            client.execute(stdout=subprocess.DEVNULL, stderr=kernel_log)
            return "", True
        except DeadKernelError:
            return "the Python kernel died while running the notebook (out of memory?)", True
        except CellTimeoutError:
            return f"a cell ran longer than {cell_timeout} s and could not be interrupted", True
        except (RuntimeError, OSError) as exc:  # the kernel could not start
            atexit.unregister(client._cleanup_kernel)  # its clean-up would fail noisily at exit
            kernel_log.seek(0)
            tail = kernel_log.read().decode(errors="replace").strip().splitlines()[-3:]
            detail = f" ({' / '.join(tail)})" if tail else ""
            return f"could not start a Python kernel to run the notebook: {exc}{detail}", False


def _outcome(nb: nbformat.NotebookNode, test_id: str) -> ExerciseOutcome:
    exercise = exercise_of(test_id)
    cell = next(c for c in nb.cells if grade_id(c) == test_id)
    max_points = float(cell.metadata.nbgrader.get("points", 0) or 0)
    if cell.get("execution_count") is None and not cell.outputs:
        return ExerciseOutcome(exercise, 0.0, max_points, "not_run", "this test did not run")
    try:
        points, _max = determine_grade(cell)
    except (ValueError, KeyError):
        points = 0.0
    points = float(points or 0.0)
    diagnosis, message = _failure(cell) if points < max_points else (None, "")
    if diagnosis and diagnosis != "stderr":
        solution_error = _solution_error(nb, exercise)
        if solution_error and diagnosis in ("NameError", "student_error"):
            message = solution_error
    return ExerciseOutcome(exercise, points, max_points, diagnosis, message)


def _failure(cell: nbformat.NotebookNode) -> tuple[str | None, str]:
    for output in cell.outputs:
        if output.output_type == "error":
            code, message = parse_failure(output.get("evalue", ""))
            if code:
                return code, message
            name = output.get("ename", "Error")
            return name, f"{name}: {message}".strip()
        if output.output_type == "stream" and output.get("name") == "stderr":
            text = _ANSI.sub("", "".join(output.get("text", ""))).strip()
            return "stderr", f"the test wrote to stderr, which nbgrader scores 0: {text[:300]}"
    return "partial", "partial credit"


def _solution_error(nb: nbformat.NotebookNode, exercise: str) -> str:
    """The error the exercise's solution cell raised, if it did: the real cause of a NameError."""
    for cell in nb.cells:
        if grade_id(cell) == f"solution_{exercise}" and is_solution_cell(cell):
            for output in cell.get("outputs", []):
                if output.output_type == "error":
                    value = _ANSI.sub("", str(output.get("evalue", "")))
                    return f"your solution cell raised {output.get('ename')}: {value}"
    return ""
