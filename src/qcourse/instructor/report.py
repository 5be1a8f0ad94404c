"""`qcourse report MODULE`: a cohort report (HTML with PNG plots, CSV for an LMS).

Scores and per-exercise results come from the gradebook; the diagnoses come from the failing test
cells of the autograded notebooks, whose error reads `[code] message` (qgrade's convention); the
time to grade comes from `qcourse grade`'s log.
"""

from __future__ import annotations

import csv
import html
import json
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from qcourse.gradecells import grade_id, nbgrader_meta, parse_failure
from qcourse.i18n import _, pgettext, supported
from qcourse.instructor.coursedir import Course
from qcourse.instructor.grading import load_log, score_table


def _text(lang: str) -> dict[str, str]:
    """The report's words in `lang`, from the qcourse catalogue (src/qcourse/locale)."""
    return {
        "title": _("Cohort report", lang),
        "students": _("Graded submissions", lang),
        "mean": _("Mean score", lang),
        "median": _("Median score", lang),
        "distribution": _("Score distribution", lang),
        "exercises": _("Exercises", lang),
        # TRANSLATORS: column heading of the cohort report's table of exercises
        "exercise": _("Exercise", lang),
        "points": pgettext("maximum points", "Points", lang),
        "pass_rate": _("Pass rate", lang),
        "diagnoses": _("Most frequent diagnoses among wrong answers", lang),
        "diag_line": _("{pct:.0f}% of wrong answers to {ex} had {code}", lang),
        "no_wrong": _("no wrong answers", lang),
        "time": _("Time to grade", lang),
        "time_line": _(
            "{n} submissions graded; mean {mean:.1f} s, median {median:.1f} s, "
            "longest {max:.1f} s per submission",
            lang,
        ),
        "failed": _("Submissions that could not be graded", lang),
        "student": _("Student", lang),
        "reason": _("Reason", lang),
        "score": _("Score", lang),
        # TRANSLATORS: marks a submission handed in after the due date
        "late": _("late", lang),
        "count": _("Submissions", lang),
        "seconds": _("Seconds per submission", lang),
        "grades": _("Grades", lang),
    }


@dataclass
class ExerciseStats:
    exercise: str
    points: float
    submissions: int = 0
    passed: int = 0
    diagnoses: Counter = field(default_factory=Counter)

    @property
    def wrong(self) -> int:
        return self.submissions - self.passed

    @property
    def pass_rate(self) -> float:
        return self.passed / self.submissions if self.submissions else 0.0

    def top_diagnoses(self, n: int = 3) -> list[tuple[str, float]]:
        return [(code, 100.0 * k / self.wrong) for code, k in self.diagnoses.most_common(n)]


@dataclass
class CohortReport:
    module: str
    lang: str
    scores: list
    exercises: list[ExerciseStats]
    grading: dict[str, dict]
    html_path: Path | None = None
    csv_path: Path | None = None


def _test_cell_errors(path: Path) -> dict[str, str]:
    """grade_id of each failing test cell -> its diagnosis code (or the exception name)."""
    try:
        nb = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return {}
    found = {}
    for cell in nb.get("cells", []):
        if not nbgrader_meta(cell).get("grade"):
            continue
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                code, _message = parse_failure(out.get("evalue", ""))
                found[grade_id(cell) or ""] = code or out.get("ename")
                break
    return found


def collect(course: Course, module: str) -> CohortReport:
    from nbgrader.api import Gradebook

    stats: dict[str, ExerciseStats] = {}
    with Gradebook(course.db_url, course.course_id) as gb:
        assignment = gb.find_assignment(module)
        for nb in assignment.notebooks:
            for cell in nb.grade_cells:
                stats[cell.name] = ExerciseStats(cell.name.removeprefix("test_"), cell.max_score)
        for sub in gb.assignment_submissions(module):
            for nb in sub.notebooks:
                graded = course.step_dir(course.autograded, sub.student_id, module)
                errors = _test_cell_errors(graded / f"{nb.name}.ipynb")
                for grade in nb.grades:
                    st = stats.get(grade.name)
                    if st is None:
                        continue
                    st.submissions += 1
                    if (grade.score or 0) >= grade.max_score:
                        st.passed += 1
                    else:
                        st.diagnoses[errors.get(grade.name) or "no_answer_checked"] += 1
    return CohortReport(
        module=module,
        lang=supported(course.lang) or "en",
        scores=score_table(course, module),
        exercises=list(stats.values()),
        grading=load_log(course, module),
    )


def _plots(report: CohortReport, out: Path) -> dict[str, str]:
    import matplotlib

    with matplotlib.rc_context():  # the course's fonts (Hangul) for these figures only
        from qcourse.selfstudy.fonts import register

        register()
        return _draw(report, out)


def _draw(report: CohortReport, out: Path) -> dict[str, str]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    t = _text(report.lang)
    files = {}
    fig, ax = plt.subplots(figsize=(6, 3.2))
    values = [row.score for row in report.scores]
    top = max([row.max_score for row in report.scores] or [1])
    ax.hist(values, bins=min(20, max(int(top) + 1, 2)), range=(0, top), color="#4063d8")
    ax.set_xlabel(t["score"])
    ax.set_ylabel(t["count"])
    ax.set_title(t["distribution"])
    fig.tight_layout()
    fig.savefig(out / "score_distribution.png", dpi=100)
    files["distribution"] = "score_distribution.png"
    plt.close(fig)

    fig, ax = plt.subplots(figsize=(6, 0.5 + 0.4 * max(len(report.exercises), 1)))
    names = [e.exercise for e in report.exercises]
    ax.barh(names, [100 * e.pass_rate for e in report.exercises], color="#389826")
    ax.set_xlim(0, 100)
    ax.invert_yaxis()
    ax.set_xlabel(f"{t['pass_rate']} (%)")
    fig.tight_layout()
    fig.savefig(out / "pass_rate.png", dpi=100)
    files["pass_rate"] = "pass_rate.png"
    plt.close(fig)

    seconds = [e["seconds"] for e in report.grading.values() if e.get("seconds")]
    if seconds:
        fig, ax = plt.subplots(figsize=(6, 3))
        ax.hist(seconds, bins=min(20, max(len(seconds), 2)), color="#9558b2")
        ax.set_xlabel(t["seconds"])
        ax.set_ylabel(t["count"])
        ax.set_title(t["time"])
        fig.tight_layout()
        fig.savefig(out / "grading_time.png", dpi=100)
        files["time"] = "grading_time.png"
        plt.close(fig)
    return files


def diagnosis_lines(report: CohortReport) -> list[str]:
    t = _text(report.lang)
    lines = []
    for ex in report.exercises:
        for code, pct in ex.top_diagnoses():
            lines.append(t["diag_line"].format(pct=pct, ex=ex.exercise, code=code))
    return lines


def _html(report: CohortReport, plots: dict[str, str]) -> str:
    t = _text(report.lang)
    e = html.escape
    scores = [row.score for row in report.scores]
    parts = [
        f'<!doctype html><html lang="{report.lang}"><head><meta charset="utf-8">',
        f"<title>{e(t['title'])}: {e(report.module)}</title>",
        "<style>body{font-family:sans-serif;max-width:60em;margin:auto}"
        "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 8px}</style>",
        f"</head><body><h1>{e(t['title'])}: {e(report.module)}</h1>",
    ]
    unsealed = sorted(s for s, v in report.grading.items() if v.get("sealed") is False)
    if unsealed:
        warning = _(
            "Graded UNSEALED (without the sandbox; such a grade can have been tampered with): "
            "{students}",
            report.lang,
        ).format(students=", ".join(unsealed))
        parts.append(f'<p style="color:#b00"><strong>{e(warning)}</strong></p>')
    parts.append(f"<p>{e(t['students'])}: {len(scores)}")
    if scores:
        parts.append(
            f"; {e(t['mean'])}: {statistics.mean(scores):.2f}; "
            f"{e(t['median'])}: {statistics.median(scores):.2f}"
        )
    parts.append(f"</p><h2>{e(t['distribution'])}</h2>")
    parts.append(f'<img src="{plots["distribution"]}" alt="{e(t["distribution"])}">')
    parts.append(f"<h2>{e(t['exercises'])}</h2>")
    parts.append(f'<img src="{plots["pass_rate"]}" alt="{e(t["pass_rate"])}">')
    parts.append(
        f"<table><tr><th>{e(t['exercise'])}</th><th>{e(t['points'])}</th>"
        f"<th>{e(t['pass_rate'])}</th><th>{e(t['diagnoses'])}</th></tr>"
    )
    for ex in report.exercises:
        diag = "<br>".join(
            e(t["diag_line"].format(pct=pct, ex=ex.exercise, code=code))
            for code, pct in ex.top_diagnoses()
        ) or e(t["no_wrong"])
        parts.append(
            f"<tr><td>{e(ex.exercise)}</td><td>{ex.points:g}</td>"
            f"<td>{100 * ex.pass_rate:.0f}%</td><td>{diag}</td></tr>"
        )
    parts.append("</table>")
    seconds = [v["seconds"] for v in report.grading.values() if v.get("status") == "graded"]
    if seconds:
        parts.append(f"<h2>{e(t['time'])}</h2><p>")
        parts.append(
            e(
                t["time_line"].format(
                    n=len(seconds),
                    mean=statistics.mean(seconds),
                    median=statistics.median(seconds),
                    max=max(seconds),
                )
            )
        )
        parts.append("</p>")
        if "time" in plots:
            parts.append(f'<img src="{plots["time"]}" alt="{e(t["time"])}">')
    failed = {s: v for s, v in report.grading.items() if v.get("status") == "failed"}
    if failed:
        parts.append(f"<h2>{e(t['failed'])}</h2><table>")
        parts.append(f"<tr><th>{e(t['student'])}</th><th>{e(t['reason'])}</th></tr>")
        for student, entry in sorted(failed.items()):
            parts.append(f"<tr><td>{e(student)}</td><td>{e(entry.get('reason', ''))}</td></tr>")
        parts.append("</table>")
    parts.append(f"<h2>{e(t['grades'])}</h2><table>")
    parts.append(f"<tr><th>{e(t['student'])}</th><th>{e(t['score'])}</th><th></th></tr>")
    for row in report.scores:
        late = e(t["late"]) if row.late else ""
        parts.append(
            f"<tr><td>{e(row.student)}</td><td>{row.score:g} / {row.max_score:g}</td>"
            f"<td>{late}</td></tr>"
        )
    parts.append("</table></body></html>")
    return "\n".join(parts)


def write_report(course: Course, module: str) -> CohortReport:
    """Write `reports/<module>/report.html` (+ PNGs), `grades.csv` and `exercises.csv`."""
    report = collect(course, module)
    out = course.root / "reports" / module
    out.mkdir(parents=True, exist_ok=True)
    plots = _plots(report, out)
    report.html_path = out / "report.html"
    report.html_path.write_text(_html(report, plots), encoding="utf-8")

    # one row per student, the columns an LMS grade import expects
    report.csv_path = out / "grades.csv"
    failed = {s for s, v in report.grading.items() if v.get("status") == "failed"}
    with report.csv_path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["student_id", "assignment", "score", "max_score", "percent", "late"])
        listed = set()
        for row in report.scores:
            pct = 100 * row.score / row.max_score if row.max_score else 0
            writer.writerow(
                [
                    row.student,
                    module,
                    f"{row.score:g}",
                    f"{row.max_score:g}",
                    f"{pct:.1f}",
                    row.late,
                ]
            )
            listed.add(row.student)
        for student in sorted(failed - listed):
            writer.writerow([student, module, "", "", "", ""])
    with (out / "exercises.csv").open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["exercise", "points", "submissions", "pass_rate", "top_diagnoses"])
        per = defaultdict(str)
        for ex in report.exercises:
            per[ex.exercise] = "; ".join(f"{c} {p:.0f}%" for c, p in ex.top_diagnoses())
            writer.writerow(
                [
                    ex.exercise,
                    f"{ex.points:g}",
                    ex.submissions,
                    f"{ex.pass_rate:.3f}",
                    per[ex.exercise],
                ]
            )
    return report
