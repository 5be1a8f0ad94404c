"""`qcourse demo`: the whole instructor loop on a sample cohort, with nothing configured.

A temporary course (SQLite gradebook, exchange inside it), the first module of the curriculum,
and a sample cohort derived from that module's own solutions and recorded wrong answers plus a
few broken notebooks: generate, release, collect (the submissions are placed in `submitted/`
as `nbgrader collect` would), grade in parallel, generate feedback, export, report.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console

PREFERRED_MODULE = "01-qubits-and-gates"
DEMO_CELL_TIMEOUT = 60  # the sample's endless loop is interrupted after this
DEMO_TIME_LIMIT = 600.0


class DemoError(RuntimeError):
    pass


@dataclass
class DemoResult:
    course_dir: Path
    module: str
    report_html: Path
    export_csv: Path


def pick_module(curriculum) -> object:
    ids = [m.id for m in curriculum.modules]
    if not ids:
        raise DemoError("the curriculum has no modules")
    return curriculum.module(PREFERRED_MODULE if PREFERRED_MODULE in ids else ids[0])


def _nbgrader(course_dir: Path, *args: str) -> None:
    bindir = os.path.dirname(sys.executable)
    env = dict(os.environ, PATH=bindir + os.pathsep + os.environ.get("PATH", ""))
    proc = subprocess.run(
        [sys.executable, "-m", "nbgrader", *args],
        cwd=course_dir,
        env=env,
        capture_output=True,
        text=True,
    )
    if proc.returncode != 0:
        tail = "\n".join(proc.stderr.strip().splitlines()[-8:])
        raise DemoError(f"nbgrader {' '.join(args)} failed:\n{tail}")


def run_demo(
    target: Path | None = None,
    *,
    workers: int | None = None,
    lang: str = "en",
    curriculum_root: Path | None = None,
    console: Console | None = None,
) -> DemoResult:
    from qcourse.curriculum import load_curriculum
    from qcourse.instructor.cohort import answer_key_from_module, write_cohort
    from qcourse.instructor.coursedir import open_course
    from qcourse.instructor.grading import GradeOptions, tools_on_path
    from qcourse.instructor.present import grade_with_progress, print_outcome
    from qcourse.instructor.report import diagnosis_lines, write_report
    from qcourse.instructor.setup import init_course

    console = console or Console()
    tools_on_path()
    base = Path(target) if target else Path(tempfile.mkdtemp(prefix="qcourse-demo-"))
    course_dir = base / "course"
    curriculum = load_curriculum(curriculum_root) if curriculum_root else load_curriculum()
    module = pick_module(curriculum)
    mid = module.id

    def step(text: str) -> None:
        console.print(f"[bold cyan]>>[/bold cyan] {text}")

    step(f"course init: {course_dir} (SQLite gradebook, exchange {base / 'exchange'})")
    init_course(
        course_dir,
        "qcourse-demo",
        lang,
        exchange=str(base / "exchange"),
        modules=[mid],
        curriculum_root=curriculum_root,
        force=True,
    )
    with open(course_dir / "nbgrader_config.py", "a", encoding="utf-8") as fh:
        fh.write(f"\n# demo: a shorter cell time-out\nc.Execute.timeout = {DEMO_CELL_TIMEOUT}\n")
    course = open_course(course_dir)
    due = dt.datetime.now(dt.UTC).replace(microsecond=0) - dt.timedelta(days=1)
    with console.status(f"nbgrader generate_assignment {mid}"):
        _nbgrader(
            course_dir, "db", "assignment", "add", mid, f"--duedate={due:%Y-%m-%d %H:%M:%S} UTC"
        )
        _nbgrader(course_dir, "generate_assignment", mid)
    step(f"generated release/{mid}/ (student version)")
    with console.status(f"nbgrader release_assignment {mid}"):
        _nbgrader(course_dir, "release_assignment", mid)
    step(f"released {mid} to the exchange")
    students = write_cohort(
        course_dir / "release" / mid / f"{mid}.ipynb",
        answer_key_from_module(module),
        course_dir / "submitted",
        due=due,
    )
    step(
        f"collected {len(students)} sample submissions into submitted/: "
        + ", ".join(f"{s.student_id} ({s.kind})" for s in students)
    )
    from qcourse.sealed.sandbox import sandbox_problem

    problem = sandbox_problem()
    if problem is None:
        step(f"qcourse grade {mid} (parallel, each submission sealed in its own sandbox)")
    else:  # the sample cohort is ours: show the loop anyway, and say what is missing
        step(
            f"qcourse grade {mid} --unsealed (parallel; no sandbox here: {problem}; "
            "a real course refuses to grade unsealed unless told to)"
        )
    run = grade_with_progress(
        course,
        mid,
        GradeOptions(
            workers=workers, time_limit=DEMO_TIME_LIMIT, force=True, sealed=problem is None
        ),
    )
    with console.status(f"nbgrader generate_feedback {mid}"):
        _nbgrader(course_dir, "generate_feedback", mid)
    step(f"feedback written to feedback/<student>/{mid}/")
    export = course_dir / "grades.csv"
    with console.status("nbgrader export"):
        _nbgrader(course_dir, "export", f"--to={export}")
    step(f"nbgrader export: {export}")
    report = write_report(course, mid)
    print_outcome(course, mid, run)
    for line in diagnosis_lines(report)[:8]:
        console.print(f"  {line}")
    console.print(f"[bold]report:[/bold] {report.html_path}")
    console.print(f"[bold]LMS grades:[/bold] {report.csv_path}")
    console.print(f"[bold]course directory:[/bold] {course_dir}")
    assert report.html_path is not None
    return DemoResult(course_dir, mid, report.html_path, export)
