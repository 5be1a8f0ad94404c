"""`qcourse grade` against sequential `nbgrader autograde` on the same cohort, and broken ones."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from instructor_fixture import MODULE_ID, TOTAL_POINTS
from instructor_support import (
    db_url,
    dump_gradebook,
    export_csv,
    make_course,
    nbgrader,
    notebook_outputs,
)

from qcourse.instructor.coursedir import open_course
from qcourse.instructor.grading import GradeOptions, grade_module, load_log

pytestmark = pytest.mark.slow

# students nbgrader grades (the broken ones that make it fail are tested below)
GRADABLE = ["ada", "ben", "chloe", "dmitri", "farah", "gil", "ivan", "min"]


def test_parallel_grading_leaves_the_gradebook_sequential_nbgrader_leaves(tmp_path):
    sequential = make_course(tmp_path / "sequential", GRADABLE)
    parallel = tmp_path / "parallel"
    shutil.copytree(sequential, parallel)
    # the copy gets its own gradebook URL (the config holds an absolute path)
    config = parallel / "nbgrader_config.py"
    config.write_text(config.read_text().replace(str(sequential), str(parallel)))

    nbgrader(sequential, "autograde", MODULE_ID)
    run = grade_module(open_course(parallel), MODULE_ID, GradeOptions(workers=2))

    assert sorted(r.student for r in run.results) == GRADABLE
    assert not run.failed, [(r.student, r.reason) for r in run.failed]
    expected = dump_gradebook(db_url(sequential))
    actual = dump_gradebook(db_url(parallel))
    assert actual == expected
    # sanity: the cohort really spans full, partial, zero, late and a deleted cell
    subs = actual["submissions"]
    assert subs["ada"]["score"] == TOTAL_POINTS
    assert 0 < subs["ben"]["score"] < TOTAL_POINTS
    assert subs["dmitri"]["score"] == 0 and subs["farah"]["score"] == 0
    assert subs["gil"]["seconds_late"] == 5 * 3600 and subs["ada"]["seconds_late"] == 0
    grades = subs["ivan"]["notebooks"][MODULE_ID]["grades"]
    assert grades["test_plus_state"] == (None, None, None, True)  # deleted: manual grading
    assert export_csv(parallel) == export_csv(sequential)
    for student in GRADABLE:
        rel = Path("autograded") / student / MODULE_ID
        assert notebook_outputs(parallel / rel / f"{MODULE_ID}.ipynb") == notebook_outputs(
            sequential / rel / f"{MODULE_ID}.ipynb"
        ), student
        assert (parallel / rel / "timestamp.txt").read_text() == (
            sequential / rel / "timestamp.txt"
        ).read_text()
    ivan = next(r for r in run.results if r.student == "ivan")
    assert any("test_plus_state" in w and "deleted" in w for w in ivan.warnings)
    min_ = next(r for r in run.results if r.student == "min")
    assert any("truncated" in w for w in min_.warnings)

    # resumable: nothing new, nothing graded; --force grades again to the same gradebook
    again = grade_module(open_course(parallel), MODULE_ID, GradeOptions(workers=2))
    assert again.results == [] and sorted(again.skipped) == GRADABLE
    forced = grade_module(
        open_course(parallel), MODULE_ID, GradeOptions(workers=1, force=True, students=["ada"])
    )
    assert [r.status for r in forced.results] == ["graded"]
    assert dump_gradebook(db_url(parallel)) == expected


BROKEN = {
    "hana": "not valid JSON",
    "jun": "more than once",
    "lea": "kernel died",
    "noor": "renamed",
    "omar": "no notebook submitted",
}


def test_broken_submissions_are_reported_and_leave_no_rows(tmp_path):
    signal_proof = (
        "\nimport signal\nsignal.signal(signal.SIGINT, signal.SIG_IGN)\nwhile True:\n    pass\n"
    )
    course = make_course(tmp_path / "course", [*BROKEN, "ada", "kai"], cell_timeout=15)
    # a loop that ignores the interrupt: only the per-submission time limit stops it
    stuck = course / "submitted" / "stuck" / MODULE_ID
    shutil.copytree(course / "submitted" / "ada" / MODULE_ID, stuck)
    nb = json.loads((stuck / f"{MODULE_ID}.ipynb").read_text())
    for cell in nb["cells"]:
        if cell["metadata"].get("nbgrader", {}).get("grade_id") == "solution_plus_state":
            cell["source"] = "".join(cell["source"]) + signal_proof
    (stuck / f"{MODULE_ID}.ipynb").write_text(json.dumps(nb))

    others = [*BROKEN, "ada", "kai"]
    run = grade_module(open_course(course), MODULE_ID, GradeOptions(workers=2, students=others))
    # the time limit (10 s) comes before the cell time-out (15 s): the helper and kernel are killed
    limited = grade_module(
        open_course(course), MODULE_ID, GradeOptions(workers=1, time_limit=10, students=["stuck"])
    )

    by_student = {r.student: r for r in run.results + limited.results}
    for student, words in BROKEN.items():
        assert by_student[student].status == "failed", student
        assert words in by_student[student].reason, (student, by_student[student].reason)
    assert by_student["stuck"].status == "failed"
    assert "time limit of 10 s" in by_student["stuck"].reason
    assert by_student["ada"].status == "graded"
    assert (
        by_student["kai"].status == "graded"
    )  # an interruptible loop is stopped by the cell time-out
    assert any("interrupted" in w for w in by_student["kai"].warnings)

    dump = dump_gradebook(db_url(course))
    assert sorted(dump["submissions"]) == ["ada", "kai"]  # no half rows for the others
    assert dump["submissions"]["ada"]["score"] == TOTAL_POINTS
    for student in [*BROKEN, "stuck"]:
        assert not (course / "autograded" / student).exists()
    log = load_log(open_course(course), MODULE_ID)
    assert log["hana"]["status"] == "failed" and "JSON" in log["hana"]["reason"]
    assert log["ada"]["status"] == "graded" and log["ada"]["seconds"] > 0
