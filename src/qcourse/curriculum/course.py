"""A minimal nbgrader course directory and running nbgrader's own command line in it."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from qcourse.errors import UserError

CONFIG_NAME = "nbgrader_config.py"

_CONFIG = """\
# Written by qcourse for a course directory it manages; edit freely, qcourse will not overwrite it.
c = get_config()  # noqa: F821
c.CourseDirectory.db_url = {db_url!r}
c.Execute.timeout = {timeout}  # seconds per cell: Aer simulations in lessons can be slow
"""


_SEALED = """\
# sealed grading: each submission runs in a bubblewrap sandbox, the test cells outside it
from qcourse.sealed.nbgrader_execute import sealed_preprocessors  # noqa: E402

c.Autograde.autograde_preprocessors = sealed_preprocessors()
c.SealedExecute.figures = {figures}  # figures in autograded notebooks (feedback shows them)
"""


def ensure_config(
    course_dir: Path, timeout: int = 300, *, sealed: bool = False, figures: bool = True
) -> Path:
    """Write `nbgrader_config.py` (SQLite gradebook in the course) unless the course has one.

    `sealed` makes nbgrader's own `autograde` run submissions in the sandbox.
    """
    course_dir.mkdir(parents=True, exist_ok=True)
    config = course_dir / CONFIG_NAME
    if not config.exists():
        db_url = f"sqlite:///{(course_dir / 'gradebook.db').resolve()}"
        text = _CONFIG.format(db_url=db_url, timeout=int(timeout))
        if sealed:
            text += _SEALED.format(figures=bool(figures))
        config.write_text(text, encoding="utf-8")
    return config


@dataclass(frozen=True)
class NbgraderRun:
    args: list[str]
    returncode: int
    log: str
    timed_out: bool = False

    @property
    def ok(self) -> bool:
        return self.returncode == 0 and not self.timed_out

    def tail(self, lines: int = 15) -> str:
        return "\n".join(self.log.strip().splitlines()[-lines:])


def run_nbgrader(course_dir: Path, args: list[str], timeout: float | None = None) -> NbgraderRun:
    """Run `nbgrader ARGS` with this interpreter in `course_dir` (its config applies)."""
    cmd = [
        sys.executable,
        "-m",
        "nbgrader",
        *args,
        f"--CourseDirectory.root={course_dir.resolve()}",
    ]
    # nbgrader runs helpers such as `alembic` by name: they live next to this interpreter
    env = dict(os.environ)
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    try:
        proc = subprocess.run(
            cmd,
            cwd=course_dir,
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout,
            stdin=subprocess.DEVNULL,
        )
    except subprocess.TimeoutExpired as exc:
        log = "".join(_text(part) for part in (exc.stdout, exc.stderr))
        return NbgraderRun(list(args), -1, log, timed_out=True)
    return NbgraderRun(list(args), proc.returncode, proc.stdout + proc.stderr)


def generate_assignment(course_dir: Path, assignment: str, timeout: float = 600) -> NbgraderRun:
    """nbgrader's generate_assignment: `source/<id>/` -> `release/<id>/` (student versions)."""
    run = run_nbgrader(course_dir, ["generate_assignment", assignment, "--force"], timeout)
    if not run.ok:
        why = "timed out" if run.timed_out else f"failed (exit {run.returncode})"
        raise UserError(f"nbgrader generate_assignment {assignment} {why}:\n{run.tail()}")
    return run


def _text(output: str | bytes | None) -> str:
    if isinstance(output, bytes):
        return output.decode(errors="replace")
    return output or ""
