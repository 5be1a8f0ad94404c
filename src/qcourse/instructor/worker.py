"""Grade one submission in isolation; this is the function a dask worker runs.

The task carries everything as bytes (the course config, the submission's files, the gradebook
slice), so a worker needs only the `qcourse` package, not the course directory. It builds a
private course directory with a private SQLite gradebook, runs nbgrader's own Autograde there in
a warm child process under a hard time limit, and returns the student's gradebook rows and the
autograded files for the coordinator to store.
"""

from __future__ import annotations

import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from qcourse.instructor import gbslice
from qcourse.instructor.checks import inspect_submission, problems_after_grading, reason_from_log

READY_TIMEOUT = 120.0  # importing nbgrader on a loaded machine


@dataclass
class GradeTask:
    assignment: str
    student: str
    course_id: str
    config_text: str
    notebooks: list[str]  # notebook names the assignment expects (without .ipynb)
    grade_cells: dict[str, list[str]]  # notebook -> graded cell ids
    submitted_files: dict[str, bytes]
    source_files: dict[str, bytes]
    rows: gbslice.Rows
    empty_gradebook: bytes
    time_limit: float
    sealed: bool = True  # run the submission in the sandbox, the tests outside it
    cell_time_limit: dict | None = None  # grading.CellLimit as a dict: {"seconds", "exact"}
    figures: bool = False  # draw figures into the autograded notebook


@dataclass
class GradeResult:
    student: str
    status: str  # "graded" | "failed"
    reason: str = ""
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0
    rows: gbslice.Rows = field(default_factory=dict)
    autograded_files: dict[str, bytes] = field(default_factory=dict)
    log: str = ""


class AutogradeServer:
    """One warm `autograde_server` child process; restarted after a kill."""

    def __init__(self, sealed: bool = True) -> None:
        self.proc: subprocess.Popen | None = None
        self.errlog = tempfile.TemporaryFile()
        self.sealed = sealed

    def _start(self) -> None:
        env = dict(os.environ, PYTHONUNBUFFERED="1")
        flags = [] if self.sealed else ["--unsealed"]
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "qcourse.instructor.autograde_server", *flags],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self.errlog,
            text=True,
            env=env,
        )
        if self._readline(READY_TIMEOUT) is None:
            self.kill()
            raise RuntimeError("the autograde helper did not start")

    def _readline(self, timeout: float) -> dict | None:
        assert self.proc and self.proc.stdout
        ready, _, _ = select.select([self.proc.stdout], [], [], max(timeout, 0))
        if not ready:
            return None
        line = self.proc.stdout.readline()
        return json.loads(line) if line else None

    def kill(self) -> None:
        """Kill the helper and everything it started (the kernel)."""
        if self.proc is None:
            return
        import psutil

        try:
            parent = psutil.Process(self.proc.pid)
            for child in parent.children(recursive=True):
                child.kill()
            parent.kill()
        except psutil.NoSuchProcess:
            pass
        self.proc.wait()
        self.proc = None

    def run(
        self,
        root: str,
        assignment: str,
        student: str,
        time_limit: float,
        cell_time_limit: dict | None = None,
        figures: bool = False,
    ) -> dict | None:
        """Autograde `student` ("*": everyone) in the course at `root`: the helper's reply, or
        None if it exceeded `time_limit` or died."""
        request = {
            "root": root,
            "assignment": assignment,
            "student": student,
            "sealed": self.sealed,
            "cell_time_limit": cell_time_limit,
            "figures": figures,
        }
        return self.request(request, time_limit)

    def request(self, request: dict, time_limit: float) -> dict | None:
        """Send one request (see `autograde_server`); the reply, or None past `time_limit`."""
        if self.proc is None or self.proc.poll() is not None:
            self._start()
        assert self.proc and self.proc.stdin
        try:
            self.proc.stdin.write(json.dumps(request) + "\n")
            self.proc.stdin.flush()
        except BrokenPipeError:  # the helper died since its last reply: start afresh
            self.kill()
            self._start()
            assert self.proc and self.proc.stdin
            self.proc.stdin.write(json.dumps(request) + "\n")
            self.proc.stdin.flush()
        reply = self._readline(time_limit)
        if reply is None:
            died = self.proc.poll() is not None
            self.kill()
            if died:
                return {"success": False, "log": "", "error": "the grading helper process died"}
        return reply


_idle: list[AutogradeServer] = []  # warm helpers of this worker process, one per busy thread
_idle_lock = threading.Lock()


def _take_server(sealed: bool = True) -> AutogradeServer:
    with _idle_lock:
        for i, server in enumerate(_idle):
            if server.sealed == sealed:
                return _idle.pop(i)
    return AutogradeServer(sealed)


def _give_back(server: AutogradeServer) -> None:
    with _idle_lock:
        _idle.append(server)


def warm_up(sealed: bool = True) -> bool:
    """Start a helper ahead of the first submission (run on each worker by the coordinator)."""
    server = _take_server(sealed)
    try:
        if server.proc is None:
            server._start()
    finally:
        _give_back(server)
    return True


def shut_down() -> int:
    """Stop this worker process's idle helpers (run on each worker before the cluster closes)."""
    with _idle_lock:
        servers, _idle[:] = list(_idle), []
    for server in servers:
        server.kill()
    return len(servers)


def _write_tree(base: Path, files: dict[str, bytes]) -> None:
    for rel, data in files.items():
        path = base / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def _read_tree(base: Path) -> dict[str, bytes]:
    if not base.is_dir():
        return {}
    return {
        str(p.relative_to(base)): p.read_bytes() for p in sorted(base.rglob("*")) if p.is_file()
    }


def grade(task: GradeTask) -> GradeResult:
    """Autograde one submission in a private course directory."""
    started = time.monotonic()
    result = GradeResult(student=task.student, status="failed")
    fatal, warnings = inspect_submission(task.submitted_files, task.notebooks, task.grade_cells)
    result.warnings = warnings
    if fatal:
        result.reason = fatal
        result.seconds = time.monotonic() - started
        return result

    root = Path(tempfile.mkdtemp(prefix="qcourse-grade-"))
    try:
        (root / "nbgrader_config.py").write_text(task.config_text, encoding="utf-8")
        _write_tree(root / "source" / task.assignment, task.source_files)
        _write_tree(root / "submitted" / task.student / task.assignment, task.submitted_files)
        db_url = "sqlite:///" + str(root / "gradebook.db")
        gbslice.materialize(task.rows, str(root / "gradebook.db"), task.empty_gradebook)

        server = _take_server(task.sealed)
        try:
            reply = server.run(
                str(root),
                task.assignment,
                task.student,
                task.time_limit,
                task.cell_time_limit,
                task.figures,
            )
        finally:
            _give_back(server)
        if reply is None:
            result.reason = (
                f"grading took longer than the time limit of {task.time_limit:g} s "
                "(an endless loop or a very slow simulation?)"
            )
            return result
        result.log = reply.get("log", "")
        sealed = sealed_report(root)
        result.warnings += sealed_warnings(sealed)
        if not reply.get("success"):
            result.reason = reason_from_log(result.log + "\n" + reply.get("error", ""))
            return result

        graded = root / "autograded" / task.student / task.assignment
        result.autograded_files = _read_tree(graded)
        result.warnings += problems_after_grading(result.autograded_files, task.grade_cells)
        result.rows = gbslice.read_student(db_url, task.course_id, task.assignment, task.student)
        result.status = "graded"
        return result
    except Exception as exc:  # report, never crash the cohort
        result.status = "failed"
        result.reason = f"grading failed: {type(exc).__name__}: {exc}"
        return result
    finally:
        result.seconds = time.monotonic() - started
        shutil.rmtree(root, ignore_errors=True)


def sealed_report(root: Path) -> dict:
    """What the sealed run said about the submission's process (limits, leftovers), if any."""
    try:
        return json.loads((root / "sealed-report.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


_LIMIT_WORDS = {
    "time": "did not stop at the time limit and was killed",
    "cpu": "hit its CPU-time limit",
    "memory": "hit its memory limit",
    "output": "produced more output than its limit",
    "processes": "hit its process limit",
}


def sealed_warnings(report: dict) -> list[str]:
    warnings = [
        f"the submission {_LIMIT_WORDS.get(limit, limit)}" for limit in report.get("limits_hit", [])
    ]
    if report.get("leftover_processes"):
        warnings.append(
            f"the submission left {report['leftover_processes']} process(es) running; "
            "they were killed"
        )
    return warnings


def grade_task(task: GradeTask) -> GradeResult:
    """Entry point for dask (a plain module-level function, importable on any worker)."""
    return grade(task)


def relpath_files(base: Path, skip_suffix: str | None = None) -> dict[str, bytes]:
    files = _read_tree(base)
    if skip_suffix:
        files = {k: v for k, v in files.items() if not k.endswith(skip_suffix)}
    return files


def as_dict(result: GradeResult) -> dict[str, Any]:
    return {
        "student": result.student,
        "status": result.status,
        "reason": result.reason,
        "warnings": result.warnings,
        "seconds": round(result.seconds, 3),
    }
