"""Shared helpers of the instructor tests: a course with the fixture module, nbgrader runs, dumps."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import subprocess
import sys
from pathlib import Path

from instructor_fixture import MODULE_ID, answer_key, write_source

from qcourse.instructor.cohort import SAMPLE_STUDENTS, write_cohort
from qcourse.instructor.setup import write_config, write_course_file

BIN = Path(sys.executable).parent
DUE = dt.datetime(2026, 11, 20, 12, 0, tzinfo=dt.UTC)
COURSE_ID = "qtest"


def env() -> dict[str, str]:
    return dict(os.environ, PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}")


def nbgrader(course: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [str(BIN / "nbgrader"), *args],
        cwd=course,
        env=env(),
        capture_output=True,
        text=True,
        timeout=1200,
    )
    if check and result.returncode != 0:
        raise AssertionError(f"nbgrader {' '.join(args)} failed:\n{result.stderr[-4000:]}")
    return result


def make_course(
    root: Path,
    students: list[str] | None = None,
    *,
    cell_timeout: int = 10,
    db_url: str | None = None,
    extra_config: str = "",
) -> Path:
    """A course with the fixture module released and sample submissions in submitted/."""
    root.mkdir(parents=True, exist_ok=True)
    write_config(root, COURSE_ID, exchange=str(root / "exchange"), db_url=db_url)
    if extra_config or cell_timeout:
        with open(root / "nbgrader_config.py", "a", encoding="utf-8") as fh:
            fh.write(f"c.Execute.timeout = {cell_timeout}\n{extra_config}\n")
    write_course_file(root, COURSE_ID, "en")
    write_source(root)
    nbgrader(root, "db", "assignment", "add", MODULE_ID, "--duedate=2026-11-20 12:00:00 UTC")
    nbgrader(root, "generate_assignment", MODULE_ID)
    chosen = [
        (s, plan) for s, plan in SAMPLE_STUDENTS if students is None or s.student_id in students
    ]
    write_cohort(
        root / "release" / MODULE_ID / f"{MODULE_ID}.ipynb",
        answer_key(),
        root / "submitted",
        due=DUE,
        students=chosen,
    )
    return root


def dump_gradebook(db_url: str, course_id: str = COURSE_ID, module: str = MODULE_ID) -> dict:
    """Everything autograde writes, keyed by names (row ids are random uuids)."""
    from nbgrader.api import Gradebook

    out: dict = {"students": {}, "submissions": {}}
    with Gradebook(db_url, course_id) as gb:
        for s in gb.students:
            out["students"][s.id] = (s.first_name, s.last_name, s.email, s.lms_user_id)
        for sub in gb.assignment_submissions(module):
            notebooks = {}
            for nb in sub.notebooks:
                notebooks[nb.name] = {
                    "flagged": nb.flagged,
                    "late_submission_penalty": nb.late_submission_penalty,
                    "grades": {
                        g.name: (g.auto_score, g.manual_score, g.extra_credit, g.needs_manual_grade)
                        for g in nb.grades
                    },
                    "comments": {c.name: (c.auto_comment, c.manual_comment) for c in nb.comments},
                }
            out["submissions"][sub.student_id] = {
                "timestamp": sub.timestamp,
                "extension": sub.extension,
                "score": sub.score,
                "max_score": sub.max_score,
                "seconds_late": sub.total_seconds_late,
                "needs_manual_grade": sub.needs_manual_grade,
                "notebooks": notebooks,
            }
    return out


def export_csv(course: Path) -> list[dict[str, str]]:
    target = course / "grades.csv"
    nbgrader(course, "export", f"--to={target}")
    return list(csv.DictReader(io.StringIO(target.read_text())))


def notebook_outputs(path: Path) -> list[tuple]:
    """Per cell: source and outputs, without volatile metadata."""
    nb = json.loads(path.read_text())
    cells = []
    for cell in nb["cells"]:
        outs = []
        for out in cell.get("outputs", []):
            text = out.get("text", "")
            outs.append(
                (
                    out["output_type"],
                    out.get("ename"),
                    out.get("evalue"),
                    "".join(text) if isinstance(text, list) else text,
                )
            )
        source = cell["source"]
        cells.append(("".join(source) if isinstance(source, list) else source, outs))
    return cells


def db_url(course: Path) -> str:
    from qcourse.instructor.coursedir import open_course

    return open_course(course).db_url
