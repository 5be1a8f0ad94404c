"""Fast tests: roster parsing, submission checks, the sample cohort, the gradebook transaction."""

from __future__ import annotations

import datetime as dt
import json

import nbformat
import pytest
from instructor_fixture import EXERCISES, MODULE_ID, answer_key, source_notebook

from qcourse.cli import main
from qcourse.instructor import gbslice
from qcourse.instructor.checks import inspect_submission, reason_from_log
from qcourse.instructor.cohort import SAMPLE_STUDENTS, answered, strip_markers, write_cohort
from qcourse.instructor.roster import RosterError, read_roster

NB = f"{MODULE_ID}.ipynb"
CELLS = {MODULE_ID: [f"test_{ex}" for ex in EXERCISES]}


def _csv(tmp_path, text, name="roster.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_roster_follows_nbgrader_semantics(tmp_path):
    roster = read_roster(
        _csv(
            tmp_path,
            "id,first_name,last_name,email,section\nada,Ada,Park,,A\n\nben,Ben,Kim,b@x.org,B\n",
        )
    )
    assert roster.students == [
        {"id": "ada", "first_name": "Ada", "last_name": "Park", "email": None},
        {"id": "ben", "first_name": "Ben", "last_name": "Kim", "email": "b@x.org"},
    ]
    assert roster.ignored_columns == ["section"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("", "empty"),
        ("name,email\nada,a@x\n", "must have an 'id' column"),
        ("id,first_name\nada,Ada,Extra\n", "line 2: 3 fields but the header has 2"),
        ("id,first_name\n,Ada\n", "line 2: empty id"),
        ("id\nada\nada\n", "line 3: id 'ada' already on line 2"),
        ("id\nada lovelace\n", "is not a user name"),
        ("id,id\nada,ada\n", "appear more than once"),
    ],
)
def test_malformed_roster_is_rejected_with_the_line(tmp_path, text, expected):
    with pytest.raises(RosterError, match=expected):
        read_roster(_csv(tmp_path, text))


def test_course_init_rejects_a_bad_roster_before_writing_anything(tmp_path, capsys):
    bad = _csv(tmp_path, "name\nada\n")
    code = main(["course", "init", str(tmp_path / "c"), "--course-id", "q1", "--roster", str(bad)])
    assert code == 2
    assert "must have an 'id' column" in capsys.readouterr().err
    assert not (tmp_path / "c").exists()


def test_grade_outside_a_course_is_a_clear_error(tmp_path, capsys):
    assert main(["grade", MODULE_ID, "--course", str(tmp_path)]) == 2
    assert "not a course directory" in capsys.readouterr().err


def _files(nb) -> dict[str, bytes]:
    return {NB: nbformat.writes(nb).encode(), "timestamp.txt": b"2026-11-20 11:00:00 UTC"}


def test_inspect_submission_names_each_problem():
    nb = source_notebook()
    assert inspect_submission(_files(nb), [MODULE_ID], CELLS) == ("", [])
    reason, _ = inspect_submission({NB: b'{"cells": ['}, [MODULE_ID], CELLS)
    assert "not valid JSON (line 1" in reason
    reason, _ = inspect_submission({"hw.ipynb": b"{}"}, [MODULE_ID], CELLS)
    assert "renamed: found hw.ipynb" in reason
    reason, _ = inspect_submission({"timestamp.txt": b""}, [MODULE_ID], CELLS)
    assert "no notebook submitted" in reason
    dup = source_notebook()
    dup.cells.append(nbformat.from_dict(dict(dup.cells[-1], id="pasted")))
    reason, _ = inspect_submission(_files(dup), [MODULE_ID], CELLS)
    assert "test_x_gate more than once" in reason
    deleted = source_notebook()
    deleted.cells = [
        c for c in deleted.cells if c.metadata["nbgrader"]["grade_id"] != "test_x_gate"
    ]
    reason, warnings = inspect_submission(_files(deleted), [MODULE_ID], CELLS)
    assert reason == "" and "test_x_gate deleted" in warnings[0]


def test_reason_from_log():
    assert "kernel died" in reason_from_log("nbclient.exceptions.DeadKernelError: Kernel died")
    assert reason_from_log("ValueError: odd") == "nbgrader could not grade it: ValueError: odd"


def test_cohort_answers_come_from_the_answer_key(tmp_path):
    key = answer_key()
    nb = source_notebook()
    full = answered(nb, key, lambda i, n: "solution")
    wrong = answered(nb, key, lambda i, n: "wrong0")
    sol = {c.metadata["nbgrader"]["grade_id"]: c.source for c in full.cells}
    bad = {c.metadata["nbgrader"]["grade_id"]: c.source for c in wrong.cells}
    for ex_id, (_, solution, _, wrongs) in EXERCISES.items():
        assert sol[f"solution_{ex_id}"] == strip_markers(solution)
        assert "BEGIN SOLUTION" not in sol[f"solution_{ex_id}"]
        assert bad[f"solution_{ex_id}"] == wrongs[0][0]
    release = tmp_path / NB
    nbformat.write(nb, str(release))
    due = dt.datetime(2026, 11, 20, 12, tzinfo=dt.UTC)
    students = write_cohort(release, key, tmp_path / "submitted", due=due)
    assert len(students) == len(SAMPLE_STUDENTS)
    gil = (tmp_path / "submitted" / "gil" / MODULE_ID / "timestamp.txt").read_text()
    assert gil.startswith("2026-11-20 17:00:00")  # late by five hours
    assert not (tmp_path / "submitted" / "omar" / MODULE_ID / NB).exists()
    assert (tmp_path / "submitted" / "noor" / MODULE_ID / "my-homework.ipynb").exists()
    with pytest.raises(json.JSONDecodeError):
        json.loads((tmp_path / "submitted" / "hana" / MODULE_ID / NB).read_text())


def test_a_failing_student_write_leaves_no_rows(tmp_path):
    from nbgrader.api import Gradebook

    from qcourse.instructor.grading import tools_on_path

    tools_on_path()  # nbgrader runs `alembic` when it creates a gradebook
    url = "sqlite:///" + str(tmp_path / "gradebook.db")
    with Gradebook(url, "c") as gb:
        gb.add_assignment("a1")
        gb.add_student("ada")
        assignment_id = gb.find_assignment("a1").id
    rows = gbslice.extract(url, "c", "a1", "ada")
    rows["submitted_assignment"] = [
        {
            "id": "s1",
            "assignment_id": assignment_id,
            "student_id": "ada",
            "timestamp": None,
            "extension": None,
        },
        # the same (assignment, student) twice violates a unique constraint, mid-transaction
        {
            "id": "s2",
            "assignment_id": assignment_id,
            "student_id": "ada",
            "timestamp": None,
            "extension": None,
        },
    ]
    with pytest.raises(Exception, match="UNIQUE"):
        gbslice.write_student(url, "c", rows)
    with Gradebook(url, "c") as gb:
        assert gb.assignment_submissions("a1") == []
    rows["submitted_assignment"] = rows["submitted_assignment"][:1]
    gbslice.write_student(url, "c", rows)
    with Gradebook(url, "c") as gb:
        assert [s.student_id for s in gb.assignment_submissions("a1")] == ["ada"]


def test_after_grading_interrupts_limits_and_floods_are_named():
    import json

    from qcourse.instructor.checks import problems_after_grading

    def cell(gid, *outputs):
        return {
            "cell_type": "code",
            "metadata": {"nbgrader": {"grade_id": gid}},
            "source": "",
            "outputs": list(outputs),
        }

    nb = {
        "cells": [
            cell(
                "test_a",
                {
                    "output_type": "error",
                    "ename": "AssertionError",
                    "evalue": "[interrupted] your function was interrupted",
                },
            ),
            cell("solution_b", {"output_type": "error", "ename": "MemoryError", "evalue": ""}),
            cell(
                "code_3",
                {
                    "output_type": "stream",
                    "name": "stdout",
                    "text": "x\n... Output truncated ...\n",
                },
            ),
            cell(
                "test_c",
                {
                    "output_type": "error",
                    "ename": "AssertionError",
                    "evalue": "[wrong_amplitudes] no",
                },
            ),
        ]
    }
    files = {"m.ipynb": json.dumps(nb).encode()}
    warnings = problems_after_grading(files, {"m": ["test_a", "test_c"]})
    text = " | ".join(warnings)
    assert "test_a: ran past the cell time-out" in text
    assert "solution_b: hit the memory limit" in text
    assert "code_3: huge output was truncated" in text
    assert "test_c" not in text


def test_report_words_come_from_the_qcourse_catalogue_in_english_and_korean():
    import re

    from qcourse.instructor import report

    assert not hasattr(report, "TEXT")  # no hand-written dictionary of its own
    english, korean = report._text("en"), report._text("ko")
    assert english["title"] == "Cohort report" and korean["title"] == "수강생 집단 보고서"
    assert korean["points"] == "배점" and korean["score"] == "점수"  # two words, two concepts
    for key, text in korean.items():
        assert re.search("[가-힣]", text), (key, text)  # every word has its Korean
        fields = set(re.findall(r"{(\w+)", english[key]))
        assert set(re.findall(r"{(\w+)", text)) == fields, key  # the same placeholders
