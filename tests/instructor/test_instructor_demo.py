"""`qcourse demo` end to end on the small fixture curriculum: grades, feedback, export, report."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from qcourse.instructor.demo import run_demo

pytestmark = pytest.mark.slow

FIXTURE_CURRICULUM = Path(__file__).resolve().parents[1] / "fixtures" / "curriculum"


def test_demo_runs_the_whole_loop_and_reports(tmp_path):
    result = run_demo(tmp_path / "demo", workers=2, lang="ko", curriculum_root=FIXTURE_CURRICULUM)
    course, mid = result.course_dir, result.module

    rows = {r["student_id"]: r for r in csv.DictReader(result.export_csv.open())}
    assert rows["ada"]["score"] == rows["ada"]["max_score"]  # full marks
    assert float(rows["farah"]["score"]) == 0  # untouched starter
    assert 0 < float(rows["ben"]["score"]) < float(rows["ben"]["max_score"])  # partial
    assert float(rows["dmitri"]["score"]) < float(rows["dmitri"]["max_score"])  # wrong answers
    for broken in ("hana", "jun", "lea", "noor", "omar"):
        # nbgrader exports every student; these have no submission row: never half-graded
        assert rows[broken]["timestamp"] == "" and float(rows[broken]["score"]) == 0

    # feedback exists for every graded student and shows the score
    html = (course / "feedback" / "ada" / mid / f"{mid}.html").read_text()
    assert rows["ada"]["max_score"].split(".")[0] in html
    assert not (course / "feedback" / "hana").exists()

    report = result.report_html.read_text(encoding="utf-8")
    assert "수강생 집단 보고서" in report  # headings in the course language
    assert (
        "score_distribution.png" in report
        and (result.report_html.parent / "pass_rate.png").is_file()
    )
    assert "hana" in report and "JSON" in report  # the failed submissions, with reasons
    lms = list(csv.DictReader((result.report_html.parent / "grades.csv").open()))
    assert {r["student_id"] for r in lms} >= {"ada", "hana"}
    exercises = list(csv.DictReader((result.report_html.parent / "exercises.csv").open()))
    # the recorded wrong answers show up as qgrade diagnoses
    assert any(r["top_diagnoses"] and "[" not in r["top_diagnoses"] for r in exercises)
