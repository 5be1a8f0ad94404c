"""`qcourse report MODULE`: the cohort report of a graded module (HTML, PNG plots, CSV)."""

from __future__ import annotations

import argparse
from pathlib import Path

from qcourse.errors import UserError
from qcourse.i18n import _


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "report",
        help=_("cohort report of a graded module: HTML with plots, CSV for the LMS"),
        description=(
            _(
                "Write reports/MODULE/report.html (score distribution, pass rate per exercise, the "
                "most frequent qgrade diagnoses per exercise, time to grade), grades.csv for an LMS "
                "and exercises.csv, in the course language."
            )
        ),
    )
    p.add_argument("module", metavar="MODULE")
    p.add_argument(
        "--course", type=Path, default=None, help=_("course directory (default: current)")
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from nbgrader.api import MissingEntry

    from qcourse.instructor.coursedir import CourseError, open_course
    from qcourse.instructor.report import diagnosis_lines, write_report

    try:
        course = open_course(args.course)
        report = write_report(course, args.module)
    except CourseError as exc:
        raise UserError(str(exc)) from exc
    except MissingEntry as exc:
        raise UserError(
            _(
                "the gradebook has no assignment {module!r}: grade it first "
                "(`qcourse grade {module}`)"
            ).format(module=args.module)
        ) from exc
    for line in diagnosis_lines(report):
        print(line)
    print(_("report: {path}").format(path=report.html_path))
    print(_("LMS grades: {path}").format(path=report.csv_path))
    return 0
