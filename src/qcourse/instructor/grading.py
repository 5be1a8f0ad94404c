"""Parallel autograding: dispatch isolated submissions to dask workers, store results one by one.

nbgrader's own autograde is sequential (jupyter/nbgrader#174) and its SQLite gradebook is not
safe for concurrent writers. Here each submission is graded by nbgrader in a private course copy
on a dask worker (`worker.grade_task`), and this coordinator alone writes the real gradebook,
one student per transaction, and copies the autograded notebooks into `autograded/`.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from qcourse.instructor import gbslice
from qcourse.instructor.cluster import GradingCluster
from qcourse.instructor.coursedir import CONFIG_NAME, Course
from qcourse.instructor.worker import GradeResult, GradeTask, as_dict, grade_task

DEFAULT_TIME_LIMIT = 900.0


def tools_on_path() -> None:
    """Put this interpreter's scripts (nbgrader, alembic) on PATH, as an activated venv would.

    nbgrader runs the `alembic` program when it creates a gradebook; without this, running
    `.venv/bin/qcourse` from a shell that has not activated the venv fails.
    """
    bindir = os.path.dirname(sys.executable)
    parts = os.environ.get("PATH", "").split(os.pathsep)
    if bindir not in parts:
        os.environ["PATH"] = os.pathsep.join([bindir, *parts])


@dataclass
class GradeOptions:
    workers: int | None = None  # local worker processes (default: CPU count)
    scheduler: str | None = None  # address of an existing dask scheduler
    time_limit: float = DEFAULT_TIME_LIMIT  # seconds per submission
    force: bool = False
    students: list[str] | None = None
    sealed: bool = True  # submissions run in the sandbox, tests outside it (`--unsealed` off)
    cell_time_limit: float | None = None  # seconds per cell; default: the module's own limit
    figures: bool = False  # draw the notebook's figures into autograded/ (feedback shows them)


@dataclass
class GradingRun:
    module: str
    results: list[GradeResult] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def failed(self) -> list[GradeResult]:
        return [r for r in self.results if r.status != "graded"]


def submitted_students(course: Course, module: str) -> list[str]:
    base = course.root / course.submitted
    if not base.is_dir():
        return []
    return sorted(p.name for p in base.iterdir() if (p / module).is_dir())


def _timestamp(folder: Path) -> dt.datetime | None:
    from nbgrader.utils import parse_utc

    path = folder / "timestamp.txt"
    try:
        text = path.read_text().strip()
        return parse_utc(text) if text else None
    except (OSError, ValueError):
        return None


def needs_grading(course: Course, module: str, student: str, force: bool) -> bool:
    """nbgrader's rule: grade if never graded, if forced, or if the submission is newer."""
    graded = course.step_dir(course.autograded, student, module)
    if force or not graded.is_dir():
        return True
    new = _timestamp(course.step_dir(course.submitted, student, module))
    old = _timestamp(graded)
    return new is not None and old is not None and new > old


def _assignment_layout(course: Course, module: str) -> tuple[list[str], dict[str, list[str]]]:
    from nbgrader.api import Gradebook, MissingEntry

    with Gradebook(course.db_url, course.course_id) as gb:
        try:
            assignment = gb.find_assignment(module)
        except MissingEntry as exc:
            raise LookupError(
                f"the gradebook has no assignment {module!r}: release it first "
                f"(`nbgrader generate_assignment {module}`)"
            ) from exc
        notebooks = [nb.name for nb in assignment.notebooks]
        cells = {nb.name: [c.name for c in nb.grade_cells] for nb in assignment.notebooks}
    return notebooks, cells


@dataclass
class ModuleLayout:
    """What every task of one module shares, read once per run."""

    notebooks: list[str]
    grade_cells: dict[str, list[str]]
    source_files: dict[str, bytes]
    config_text: str
    empty_gradebook: bytes
    cell_time_limit: CellLimit | None = None
    figures: bool = False


@dataclass(frozen=True)
class CellLimit:
    """A cell time-out: `exact` is the instructor's own; otherwise the module's measured limit,
    and nbgrader's configured time-out still applies when it is smaller."""

    seconds: float
    exact: bool = False


def cell_time_limit(
    course: Course, module: str, notebooks: list[str], options: GradeOptions
) -> CellLimit | None:
    """The instructor's `--cell-time-limit`, else the module's measured limit (recorded in the
    source notebooks, measured once if absent), else None (nbgrader's config alone)."""
    if options.cell_time_limit:
        return CellLimit(float(options.cell_time_limit), exact=True)
    if not options.sealed:
        return None
    from qcourse.curriculum.timing import ensure_limit

    source = course.step_dir(course.coursedir().source_directory, ".", module)
    limits = []
    for name in notebooks:
        path = source / f"{name}.ipynb"
        if not path.is_file():
            return None
        try:
            limits.append(ensure_limit(path))
        except Exception:  # a reference that does not run here: keep nbgrader's time-out
            return None
    return CellLimit(float(max(limits))) if limits else None


def module_layout(
    course: Course,
    module: str,
    notebooks: list[str],
    cells: dict[str, list[str]],
    cell_limit: CellLimit | None = None,
    figures: bool = False,
) -> ModuleLayout:
    """The shared part of the tasks; `notebooks` and `cells` as `_assignment_layout` read them."""
    from qcourse.instructor.worker import relpath_files

    source = course.step_dir(course.coursedir().source_directory, ".", module)
    return ModuleLayout(
        notebooks=notebooks,
        grade_cells=cells,
        source_files=relpath_files(source, skip_suffix=".ipynb"),
        config_text=(course.root / CONFIG_NAME).read_text(encoding="utf-8"),
        empty_gradebook=gbslice.empty_gradebook(course.db_url, course.course_id),
        cell_time_limit=cell_limit,
        figures=figures,
    )


def build_task(
    course: Course,
    module: str,
    student: str,
    time_limit: float,
    layout: ModuleLayout,
    sealed: bool = True,
) -> GradeTask:
    from qcourse.instructor.worker import relpath_files

    return GradeTask(
        assignment=module,
        student=student,
        course_id=course.course_id,
        config_text=layout.config_text,
        notebooks=layout.notebooks,
        grade_cells=layout.grade_cells,
        submitted_files=relpath_files(course.step_dir(course.submitted, student, module)),
        source_files=layout.source_files,
        rows=gbslice.extract(course.db_url, course.course_id, module, student),
        empty_gradebook=layout.empty_gradebook,
        time_limit=time_limit,
        sealed=sealed,
        cell_time_limit=asdict(layout.cell_time_limit) if layout.cell_time_limit else None,
        figures=layout.figures,
    )


def store(course: Course, module: str, result: GradeResult) -> None:
    """Write one graded student into the real gradebook and `autograded/` (all or nothing)."""
    dest = course.step_dir(course.autograded, result.student, module)
    staging = dest.with_name(dest.name + ".qcourse-new")
    shutil.rmtree(staging, ignore_errors=True)
    for rel, data in result.autograded_files.items():
        path = staging / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    try:
        gbslice.write_student(course.db_url, course.course_id, result.rows)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    shutil.rmtree(dest, ignore_errors=True)
    staging.rename(dest)
    for path in dest.rglob("*"):
        if path.is_file():
            path.chmod(0o444)  # as nbgrader leaves autograded files


def log_path(course: Course, module: str) -> Path:
    return course.root / "reports" / module / "grading.json"


def load_log(course: Course, module: str) -> dict[str, dict]:
    path = log_path(course, module)
    if not path.is_file():
        return {}
    try:
        return json.loads(path.read_text(encoding="utf-8")).get("students", {})
    except (json.JSONDecodeError, AttributeError):
        return {}


def _save_log(course: Course, module: str, entries: dict[str, dict]) -> None:
    path = log_path(course, module)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps({"module": module, "students": entries}, indent=1, sort_keys=True))
    os.replace(tmp, path)


def _ensure_students(course: Course, students: list[str]) -> None:
    """Create missing students in sorted order, the order sequential autograde creates them
    (so that `nbgrader export` lists them in the same order)."""
    from nbgrader.api import Gradebook, MissingEntry

    with Gradebook(course.db_url, course.course_id) as gb:
        for student in sorted(students):
            try:
                gb.find_student(student)
            except MissingEntry:
                gb.add_student(student)


Progress = Callable[[GradeResult], None]


def grade_module(
    course: Course,
    module: str,
    options: GradeOptions,
    *,
    on_start: Callable[[int], None] | None = None,
    on_result: Progress | None = None,
    cluster: GradingCluster | None = None,
) -> GradingRun:
    """Autograde every collected submission of `module` in parallel; store each as it ends.

    `cluster` may be one the caller started early (`GradingCluster.start`); it is closed here.
    """
    started = time.monotonic()
    if cluster is None:
        cluster = GradingCluster(options.workers, options.scheduler, options.sealed)
    try:
        return _grade_module(course, module, options, cluster, started, on_start, on_result)
    finally:
        cluster.close()


def _grade_module(
    course: Course,
    module: str,
    options: GradeOptions,
    cluster: GradingCluster,
    started: float,
    on_start: Callable[[int], None] | None,
    on_result: Progress | None,
) -> GradingRun:
    tools_on_path()
    notebooks, cells = _assignment_layout(course, module)  # fails early if not released
    students = submitted_students(course, module)
    if options.students:
        unknown = sorted(set(options.students) - set(students))
        if unknown:
            raise LookupError(f"no submission of {module} from: {', '.join(unknown)}")
        students = [s for s in students if s in options.students]
    run = GradingRun(module=module)
    todo = [s for s in students if needs_grading(course, module, s, options.force)]
    run.skipped = [s for s in students if s not in todo]
    entries = load_log(course, module)
    _ensure_students(course, todo)
    if on_start:
        on_start(len(todo))
    if not todo:
        run.seconds = time.monotonic() - started
        return run

    from concurrent.futures import ThreadPoolExecutor

    from dask.distributed import as_completed

    # the module's time limit (measured once, in a sandbox of this process) while the workers
    # finish starting
    with ThreadPoolExecutor(1) as pool:
        limit_job = pool.submit(cell_time_limit, course, module, notebooks, options)
        client = cluster.ready()
        limit = limit_job.result()
    layout = module_layout(course, module, notebooks, cells, limit, options.figures)
    futures = {}
    for student in todo:
        task = build_task(course, module, student, options.time_limit, layout, options.sealed)
        future = client.submit(grade_task, task, key=f"grade-{module}-{student}", pure=False)
        futures[future] = student
    for future in as_completed(futures):
        student = futures[future]
        try:
            result = future.result()
        except Exception as exc:  # the worker process itself died
            result = GradeResult(
                student=student, status="failed", reason=f"the grading worker died: {exc}"
            )
        if result.status == "graded":
            try:
                store(course, module, result)
            except Exception as exc:
                result.status = "failed"
                result.reason = f"could not store the grades: {type(exc).__name__}: {exc}"
        run.results.append(result)
        entries[student] = dict(
            as_dict(result), sealed=options.sealed, graded_at=dt.datetime.now(dt.UTC).isoformat()
        )
        _save_log(course, module, entries)
        if on_result:
            on_result(result)
        future.release()
    run.seconds = time.monotonic() - started
    return run


@dataclass
class ScoreRow:
    student: str
    score: float
    max_score: float
    late: bool
    seconds_late: float


def score_table(course: Course, module: str) -> list[ScoreRow]:
    """Every graded submission of `module` in the gradebook, by student."""
    from nbgrader.api import Gradebook

    rows = []
    with Gradebook(course.db_url, course.course_id) as gb:
        for sub in gb.assignment_submissions(module):
            rows.append(
                ScoreRow(
                    student=sub.student_id,
                    score=float(sub.score or 0),
                    max_score=float(sub.max_score or 0),
                    late=bool(sub.total_seconds_late and sub.total_seconds_late > 0),
                    seconds_late=float(sub.total_seconds_late or 0),
                )
            )
    return sorted(rows, key=lambda r: r.student)
