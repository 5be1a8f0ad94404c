"""nbgrader's Autograde, sealed: `SealedExecute` takes the place of nbgrader's `Execute`.

Autograde's pipeline is a list of preprocessors (`Autograde.autograde_preprocessors`); the
course's `nbgrader_config.py`, or qcourse's own grader, puts `SealedExecute` where `Execute`
was. Everything else (restoring locked and test cells from the gradebook, scoring, late
penalties, the gradebook rows, the autograded notebook) is nbgrader's own, unchanged.

The roles of the cells come from the gradebook, never from the submission: a cell runs in the
trusted grader only if its grade id is one of the assignment's autograder test cells and its
source is exactly the instructor's (nbgrader's OverwriteCells has just restored it).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from nbgrader.preprocessors import Execute
from traitlets import Bool

from qcourse.gradecells import Role, roles_from
from qcourse.sealed.sandbox import shared_sandbox
from qcourse.sealed.trusted import SealedRun, answer_names

REPORT_ENV = "QCOURSE_SEALED_REPORT"  # where the grader wants the run's report (a JSON file)
MAX_SUBMISSION_BYTES = 64 * 1024 * 1024


def roles_from_gradebook(
    nb: Any, db_url: str, assignment: str, notebook: str
) -> tuple[dict[int, Role], set[str]]:
    """Each code cell's role, from the instructor's cells stored in the gradebook, and the
    names the instructor's solution cells define (the learner's answers)."""
    from nbgrader.api import Gradebook

    with Gradebook(db_url) as gb:
        source_nb = gb.find_notebook(notebook, assignment)
        solution_ids = {c.name for c in source_nb.solution_cells}
        grade_ids = {c.name for c in source_nb.grade_cells}
        cells = [
            (c.name, c.source, c.locked)
            for c in source_nb.source_cells
            if c.cell_type == "code" and c.name not in solution_ids
        ]
        solutions = [
            c.source
            for c in source_nb.source_cells
            if c.cell_type == "code" and c.name in solution_ids
        ]
    tests = {name: source for name, source, _locked in cells if name in grade_ids}
    locked = {name: source for name, source, lock in cells if lock and name not in grade_ids}
    return roles_from(nb, tests, locked), answer_names(solutions)


def submission_files(folder: str | os.PathLike, limit: int = MAX_SUBMISSION_BYTES) -> dict:
    """The files beside the notebook (the submission's own data files), up to `limit` bytes."""
    base = Path(folder)
    files: dict[str, bytes] = {}
    total = 0
    for path in sorted(base.rglob("*")):
        if not path.is_file() or path.is_symlink():
            continue
        size = path.stat().st_size
        if total + size > limit:
            continue
        total += size
        files[str(path.relative_to(base))] = path.read_bytes()
    return files


def sealed_preprocessors(base: list | None = None) -> list:
    """nbgrader's autograde preprocessors (or `base`) with `SealedExecute` where `Execute` was.

    For a course's `nbgrader_config.py`:
    `c.Autograde.autograde_preprocessors = sealed_preprocessors()`.
    """
    if base is None:
        from nbgrader.converters import Autograde

        base = list(Autograde.class_traits()["autograde_preprocessors"].default())
    out = []
    for pp in base:
        if isinstance(pp, type) and issubclass(pp, Execute) and not issubclass(pp, SealedExecute):
            pp = SealedExecute
        out.append(pp)
    if SealedExecute not in out:
        raise RuntimeError("the autograde pipeline has no Execute step to seal")
    return out


class SealedExecute(Execute):
    """Run the notebook sealed: the submission in the sandbox, the test cells here."""

    figures = Bool(
        True,
        help="Render the notebook's figures into the autograded notebook (feedback shows "
        "them); grading that only needs scores turns this off to save time.",
    ).tag(config=True)

    def preprocess(self, nb: Any, resources: dict) -> tuple[Any, dict]:
        from nbclient.exceptions import CellTimeoutError, DeadKernelError

        info = resources["nbgrader"]
        folder = resources.get("metadata", {}).get("path") or "."
        roles, answers = roles_from_gradebook(
            nb, info["db_url"], info["assignment"], info["notebook"]
        )
        run = SealedRun(
            shared_sandbox(),
            submission_files(folder),
            roles,
            cell_timeout=self.timeout,
            error_on_timeout=dict(self.error_on_timeout) if self.error_on_timeout else None,
            figures=self.figures,
            env={"NBGRADER_EXECUTION": os.environ.get("NBGRADER_EXECUTION", "autograde")},
            answer_names=answers,
        )
        report = run.run(nb)
        if os.environ.get(REPORT_ENV):
            _write_report(Path(os.environ[REPORT_ENV]), report)
        if report.kind == "died":
            raise DeadKernelError(f"Kernel died: {report.problem}")
        if report.kind == "timeout":
            raise CellTimeoutError(report.problem)
        if report.kind == "output":
            raise RuntimeError(f"OutputLimitError: {report.problem}")
        return nb, resources


def _write_report(path: Path, report: Any) -> None:
    end = report.end
    data = {
        "problem": report.problem,
        "kind": report.kind,
        "limits_hit": report.limits_hit,
        "leftover_processes": end.leftover_processes if end else 0,
        "cpu_seconds": end.cpu_seconds if end else 0.0,
        "max_rss_kib": end.max_rss_kib if end else 0,
        "seconds": round(report.seconds, 3),
    }
    try:
        path.write_text(json.dumps(data), encoding="utf-8")
    except OSError:
        pass
