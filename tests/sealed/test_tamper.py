"""Sealed grading against the tamper corpus: an attack never raises a score.

One real nbgrader course with a small qgrade-graded module (a circuit exercise and a number
exercise, plus a plain-assert test), an honest student, an untouched starter and one student per
attack in `tamper_attacks.py`, all graded together by `qcourse grade` (two workers, sealed).
Every attack scores no more than the untouched starter, the honest student still gets full
marks, the gradebook passes `pragma integrity_check`, and nothing outside the sandbox changed:
no canary file written, no connection to a local port, no process left behind.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest
from tamper_attacks import ATTACKS

from qcourse.gradecells import cell_metadata
from qcourse.instructor.coursedir import open_course
from qcourse.instructor.grading import GradeOptions, grade_module
from qcourse.instructor.setup import write_config, write_course_file
from qcourse.sealed.sandbox import sandbox_problem

pytestmark = [
    pytest.mark.slow,
    pytest.mark.sandbox,
    pytest.mark.skipif(sandbox_problem() is not None, reason=f"no sandbox: {sandbox_problem()}"),
]

MODULE = "tamper"
COURSE_ID = "tampertest"
SETUP = """\
import numpy as np
from qiskit import QuantumCircuit
from qiskit.quantum_info import Statevector
import qgrade

qgrade.set_language("en")"""
EXERCISES = [
    (
        "plus_state",
        2,
        "def plus_state():\n    ### BEGIN SOLUTION\n    qc = QuantumCircuit(1)\n    qc.h(0)\n"
        "    return qc\n    ### END SOLUTION\n",
        'qgrade.assert_state(plus_state, Statevector([1, 1]) / np.sqrt(2), global_phase="ignore")',
    ),
    (
        "measured_one",
        1,
        "def measured_one():\n    ### BEGIN SOLUTION\n    return 0.5\n    ### END SOLUTION\n",
        "qgrade.assert_value(measured_one, 0.5, tolerance=1e-9)",
    ),
    (
        "parity",
        1,
        "def parity(bits):\n    ### BEGIN SOLUTION\n    return sum(bits) % 2\n"
        "    ### END SOLUTION\n",
        "assert parity([1, 0, 1]) == 0, '[wrong_value] parity of 101'\n"
        "assert parity([1, 1, 1]) == 1, '[wrong_value] parity of 111'",
    ),
]
TOTAL = sum(points for _, points, _, _ in EXERCISES)


_meta = cell_metadata


def _source_notebook() -> nbformat.NotebookNode:
    cells = [nbformat.v4.new_code_cell(SETUP, metadata=_meta("setup", locked=True))]
    for ex, points, solution, test in EXERCISES:
        cells.append(
            nbformat.v4.new_code_cell(solution, metadata=_meta(f"solution_{ex}", solution=True))
        )
        cells.append(
            nbformat.v4.new_code_cell(
                test, metadata=_meta(f"test_{ex}", grade=True, locked=True, points=points)
            )
        )
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    return nb


def _nbgrader(course: Path, *args: str) -> None:
    bindir = Path(sys.executable).parent
    env = dict(os.environ, PATH=f"{bindir}{os.pathsep}{os.environ.get('PATH', '')}")
    run = subprocess.run(
        [str(bindir / "nbgrader"), *args],
        cwd=course,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stderr[-3000:]


def _with_attack(release: nbformat.NotebookNode, code: str) -> nbformat.NotebookNode:
    nb = nbformat.from_dict(json.loads(json.dumps(release)))
    cells = []
    for cell in nb.cells:
        gid = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id", "")
        if gid.startswith("test_"):
            if code == "FORGED_TEST_CELL":
                forged = nbformat.v4.new_code_cell(
                    f"open({str(CANARY)!r}, 'w').write('ran in the grader')",
                    metadata=_meta("test_forged", grade=True, locked=True, points=100),
                )
                cells.append(forged)
            else:
                cells.append(nbformat.v4.new_code_cell(code))
        cells.append(cell)
    nb.cells = cells
    return nb


CANARY = Path("/tmp") / f"qcourse-tamper-canary-{os.getpid()}"


def _sandbox_uid_processes() -> list[int]:
    """Processes of the sandboxes' own users (uids from 1,000,000) still running."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            status = Path(f"/proc/{entry}/status").read_text()
        except OSError:
            continue
        for line in status.splitlines():
            if line.startswith("Uid:") and int(line.split()[1]) >= 1_000_000:
                found.append(int(entry))
    return found


def test_no_attack_in_the_corpus_raises_a_score(tmp_path):
    assert len(ATTACKS) >= 15
    course = tmp_path / "course"
    course.mkdir()
    write_config(course, COURSE_ID, exchange=str(tmp_path / "exchange"))
    with open(course / "nbgrader_config.py", "a", encoding="utf-8") as fh:
        fh.write("c.Execute.timeout = 20\n")
    write_course_file(course, COURSE_ID, "en")
    source = course / "source" / MODULE / f"{MODULE}.ipynb"
    source.parent.mkdir(parents=True)
    nbformat.write(_source_notebook(), str(source))
    _nbgrader(course, "db", "assignment", "add", MODULE)
    _nbgrader(course, "generate_assignment", MODULE)
    release = nbformat.read(str(course / "release" / MODULE / f"{MODULE}.ipynb"), as_version=4)
    reference = nbformat.read(str(source), as_version=4)

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    listener.setblocking(False)
    port = listener.getsockname()[1]
    db = str(course / "gradebook.db")

    students = {"honest": reference, "starter": release}
    for name, code in ATTACKS.items():
        code = code.replace("{canary!r}", repr(str(CANARY))).replace("{port}", str(port))
        code = code.replace("{db!r}", repr(db))
        students[name.replace("_", "-")] = _with_attack(release, code)
    stamp = (dt.datetime.now(dt.UTC) - dt.timedelta(hours=1)).strftime("%Y-%m-%d %H:%M:%S.%f UTC")
    for student, nb in students.items():
        folder = course / "submitted" / student / MODULE
        folder.mkdir(parents=True)
        nbformat.write(nb, str(folder / f"{MODULE}.ipynb"))
        (folder / "timestamp.txt").write_text(stamp)

    before = set(_sandbox_uid_processes())
    run = grade_module(
        open_course(course), MODULE, GradeOptions(workers=2, time_limit=240, sealed=True)
    )
    results = {r.student: r for r in run.results}
    assert sorted(results) == sorted(students)

    from nbgrader.api import Gradebook

    with Gradebook(open_course(course).db_url, COURSE_ID) as gb:
        scores = {s.student_id: float(s.score) for s in gb.assignment_submissions(MODULE)}
    assert results["honest"].status == "graded", results["honest"].reason
    assert scores["honest"] == TOTAL
    starter = scores["starter"]
    assert starter == 0
    raised = {
        name: scores[name]
        for name in students
        if name not in ("honest", "starter") and scores.get(name, 0.0) > starter
    }
    assert not raised, f"attacks that raised their score: {raised}"

    # the gradebook is whole, and nobody wrote a score of their own
    with sqlite3.connect(db) as conn:
        assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
        worst = conn.execute("select max(auto_score) from grade").fetchone()[0]
    assert worst is not None and worst <= 2

    # nothing outside the sandbox changed
    assert not CANARY.exists(), CANARY.read_text()
    for path in ("/etc/qcourse-pwned", "/usr/qcourse-pwned", str(course.parent / "pwned")):
        assert not os.path.exists(path), path
    with pytest.raises(BlockingIOError):
        listener.accept()  # no connection ever arrived
    listener.close()
    if os.getuid() == 0:  # the sandboxes' processes all ended with them
        deadline = time.monotonic() + 15
        while set(_sandbox_uid_processes()) - before and time.monotonic() < deadline:
            time.sleep(0.5)
        assert set(_sandbox_uid_processes()) - before == set()

    # the ones that hit a limit are listed with it
    hog = results["memory-hog"]
    assert "memory" in " ".join([hog.reason, *hog.warnings]), (hog.reason, hog.warnings)
    exited = results["exit-after-patch"]
    assert exited.status == "failed" and "kernel died" in exited.reason, exited.reason
    flood = results["huge-output"]
    assert flood.status == "failed" or any("output" in w for w in flood.warnings), flood
