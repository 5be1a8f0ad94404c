"""The real instructor loop on one machine, through nbgrader's filesystem exchange.

One instructor (the course directory) and six students, each in their own home directory:
generate, release, fetch, submit, collect, `qcourse grade`, generate and release feedback, fetch
feedback, export. Students are told apart with nbgrader's supported `--student` option (the
shared interpreter lives under /root here, which other Unix users cannot execute).
"""

from __future__ import annotations

import csv
import datetime as dt
import subprocess
import time

import nbformat
import pytest
from instructor_fixture import MODULE_ID, TOTAL_POINTS, answer_key, write_source
from instructor_support import BIN, env, nbgrader

from qcourse.instructor.cohort import answered
from qcourse.instructor.setup import write_config, write_course_file

pytestmark = pytest.mark.slow

PLANS = {
    "full": lambda i, n: "solution",
    "partial": lambda i, n: "solution" if i == 0 else "starter",
    "wrong": lambda i, n: "wrong0",
    "untouched": lambda i, n: "starter",
    "malformed": None,
    "late": lambda i, n: "solution",
}


def _student(home, *args):
    return subprocess.run(
        [
            str(BIN / "nbgrader"),
            *args,
            "--course=qe2e",
            f"--Exchange.root={home.parent.parent / 'exchange'}",
        ],
        cwd=home,
        # each student has their own home, hence their own nbgrader submission cache
        env=dict(env(), HOME=str(home), JUPYTER_DATA_DIR=str(home / ".local/share/jupyter")),
        capture_output=True,
        text=True,
        check=True,
    )


def test_release_submit_collect_grade_feedback_export(tmp_path):
    exchange = tmp_path / "exchange"
    exchange.mkdir(mode=0o1777)
    exchange.chmod(0o1777)
    course = tmp_path / "course"
    course.mkdir()
    write_config(course, "qe2e", exchange=str(exchange))
    write_course_file(course, "qe2e", "en")
    write_source(course)
    due = dt.datetime.now(dt.UTC) + dt.timedelta(days=1)
    nbgrader(course, "db", "assignment", "add", MODULE_ID, f"--duedate={due:%Y-%m-%d %H:%M:%S} UTC")
    nbgrader(course, "generate_assignment", MODULE_ID)
    nbgrader(course, "release_assignment", MODULE_ID)

    homes = {}
    for sid, plan in PLANS.items():
        home = tmp_path / "home" / sid
        home.mkdir(parents=True)
        homes[sid] = home
        _student(home, "fetch_assignment", MODULE_ID)
        path = home / MODULE_ID / f"{MODULE_ID}.ipynb"
        if plan is None:
            path.write_text(path.read_text()[:500])  # a truncated file
        else:
            nb = nbformat.read(str(path), as_version=4)
            nbformat.write(answered(nb, answer_key(), plan), str(path))
        if sid == "late":  # the deadline passes before the last student submits
            time.sleep(1.2)
            deadline = dt.datetime.now(dt.UTC)
            nbgrader(
                course,
                "db",
                "assignment",
                "add",
                MODULE_ID,
                f"--duedate={deadline:%Y-%m-%d %H:%M:%S.%f} UTC",
            )
            time.sleep(1.2)
        _student(home, "submit", MODULE_ID, f"--student={sid}")

    nbgrader(course, "collect", MODULE_ID)
    assert sorted(p.name for p in (course / "submitted").iterdir()) == sorted(PLANS)
    graded = subprocess.run(
        [str(BIN / "qcourse"), "grade", MODULE_ID, "--workers", "2"],
        cwd=course,
        env=env(),
        capture_output=True,
        text=True,
    )
    assert graded.returncode == 0, graded.stderr
    assert "malformed" in graded.stdout and "not valid JSON" in graded.stdout.replace("\n", " ")
    nbgrader(course, "generate_feedback", MODULE_ID)
    nbgrader(course, "release_feedback", MODULE_ID)
    nbgrader(course, "export", f"--to={course / 'grades.csv'}")

    rows = {r["student_id"]: r for r in csv.DictReader((course / "grades.csv").open())}
    assert float(rows["full"]["score"]) == TOTAL_POINTS
    assert 0 < float(rows["partial"]["score"]) < TOTAL_POINTS
    assert float(rows["wrong"]["score"]) == 0
    assert float(rows["untouched"]["score"]) == 0
    assert float(rows["late"]["score"]) == TOTAL_POINTS
    assert rows["late"]["timestamp"] > rows["late"]["duedate"] > rows["full"]["timestamp"]
    assert rows["malformed"]["timestamp"] == "" and float(rows["malformed"]["score"]) == 0

    feedback = {}
    for sid, home in homes.items():
        _student(home, "fetch_feedback", MODULE_ID, f"--student={sid}")
        found = list((home / MODULE_ID / "feedback").glob(f"*/{MODULE_ID}.html"))
        assert len(found) <= 1, (sid, found)  # only their own feedback
        feedback[sid] = found[0].read_text() if found else None
    assert feedback["malformed"] is None
    assert f"Score: {TOTAL_POINTS:.1f} / {TOTAL_POINTS:.1f}" in feedback["full"].replace("(", "")
    assert "[relative_phase]" in feedback["wrong"] or "[bit_flip]" in feedback["wrong"]
    assert "NotImplementedError" in feedback["untouched"]
    for sid in ("partial", "late"):
        assert MODULE_ID in feedback[sid]
