"""`qcourse course init|roster`: set up an nbgrader course directory for the curriculum."""

from __future__ import annotations

import argparse
from pathlib import Path

from qcourse.errors import UserError
from qcourse.i18n import _


def register(subparsers) -> None:
    p = subparsers.add_parser("course", help=_("set up an nbgrader course directory"))
    sub = p.add_subparsers(dest="course_command", metavar="ACTION")
    p.set_defaults(func=lambda args: p.print_help() or 2)

    init = sub.add_parser(
        "init",
        help=_("create a course directory: config, gradebook, the modules in source/, roster"),
        description=(
            _(
                "Create a ready nbgrader course directory: nbgrader_config.py (exchange, gradebook, "
                "time-outs long enough for Aer), the curriculum's modules built into source/ in the "
                "chosen language, the gradebook, and optionally the students from a CSV roster."
            )
        ),
    )
    init.add_argument("directory", type=Path, metavar="DIR")
    init.add_argument("--course-id", required=True, metavar="ID", help=_("nbgrader course id"))
    init.add_argument(
        "--lang", choices=["en", "ko"], default="en", help=_("notebook and report language")
    )
    init.add_argument(
        "--exchange",
        default=None,
        metavar="DIR",
        help=_("exchange root (default /srv/nbgrader/exchange)"),
    )
    init.add_argument(
        "--db-url",
        default=None,
        metavar="URL",
        help=_(
            "gradebook URL, e.g. postgresql+psycopg2://user:pw@host/db (default: SQLite in DIR)"
        ),
    )
    init.add_argument(
        "--modules",
        nargs="+",
        default=None,
        metavar="MODULE",
        help=_("only these modules (ids or numbers)"),
    )
    init.add_argument(
        "--curriculum", type=Path, default=None, metavar="DIR", help=_("another curriculum folder")
    )
    init.add_argument(
        "--roster",
        type=Path,
        default=None,
        metavar="FILE.csv",
        help=_("students to import (columns: id, first_name, last_name, email, lms_user_id)"),
    )
    init.add_argument(
        "--force", action="store_true", help=_("overwrite an existing course configuration")
    )
    init.set_defaults(func=run_init)

    roster = sub.add_parser("roster", help=_("import students from a CSV file into the gradebook"))
    roster.add_argument("csv", type=Path, metavar="FILE.csv")
    roster.add_argument(
        "--course", type=Path, default=None, help=_("course directory (default: current)")
    )
    roster.set_defaults(func=run_roster)


def run_init(args: argparse.Namespace) -> int:
    from qcourse.instructor.roster import RosterError
    from qcourse.instructor.setup import DEFAULT_EXCHANGE, init_course

    try:
        result = init_course(
            args.directory,
            args.course_id,
            args.lang,
            exchange=args.exchange or DEFAULT_EXCHANGE,
            db_url=args.db_url,
            modules=args.modules,
            curriculum_root=args.curriculum,
            roster=args.roster,
            force=args.force,
        )
    except (ValueError, FileExistsError, RosterError) as exc:
        raise UserError(str(exc)) from exc
    except Exception as exc:
        if "sqlalchemy" in type(exc).__module__ or "psycopg2" in type(exc).__module__:
            raise UserError(
                _("cannot open the gradebook at {url}: {error}").format(url=args.db_url, error=exc)
            ) from exc
        raise
    lang = args.lang
    print(
        _("course {course} ready in {path}", lang).format(
            course=args.course_id, path=result.course_dir
        )
    )
    for path in result.sources:
        print("  " + _("source: {path}", lang).format(path=path.relative_to(result.course_dir)))
    if args.roster:
        print(
            "  "
            + _("{n} students imported from {path}", lang).format(
                n=result.students, path=args.roster
            )
        )
    for note in result.notes:
        print("  " + _("note: {note}", lang).format(note=note))
    print(
        _(
            "next: cd into it and run `nbgrader generate_assignment MODULE` (see the README)",
            lang,
        )
    )
    return 0


def run_roster(args: argparse.Namespace) -> int:
    from qcourse.instructor.coursedir import CourseError, open_course
    from qcourse.instructor.grading import tools_on_path
    from qcourse.instructor.roster import RosterError, import_roster, read_roster

    try:
        course = open_course(args.course)
        roster = read_roster(args.csv)
    except (CourseError, RosterError) as exc:
        raise UserError(str(exc)) from exc
    tools_on_path()
    count = import_roster(course.db_url, course.course_id, roster)
    print(_("{n} students imported into {course}").format(n=count, course=course.course_id))
    if roster.ignored_columns:
        print(
            "  "
            + _("note: columns ignored: {columns}").format(
                columns=", ".join(roster.ignored_columns)
            )
        )
    return 0
