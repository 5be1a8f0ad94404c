"""`qcourse grade MODULE`: autograde every collected submission in parallel."""

from __future__ import annotations

import argparse
from pathlib import Path

from qcourse.errors import UserError
from qcourse.i18n import _


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "grade",
        help=_("autograde every collected submission of a module in parallel (nbgrader)"),
        description=(
            _(
                "Autograde every submission in submitted/*/MODULE in parallel, each isolated, and "
                "store the grades exactly as sequential `nbgrader autograde` would. Re-running "
                "skips what is already graded (unless --force)."
            )
        ),
    )
    p.add_argument(
        "module", metavar="MODULE", help=_("the assignment (module id), e.g. 01-qubits-and-gates")
    )
    p.add_argument(
        "--course", type=Path, default=None, help=_("course directory (default: current)")
    )
    p.add_argument(
        "--workers", type=int, default=None, help=_("local worker processes (default: CPU count)")
    )
    p.add_argument(
        "--scheduler",
        default=None,
        metavar="ADDRESS",
        help=_("grade on a dask cluster, e.g. tcp://10.0.0.5:8786"),
    )
    p.add_argument(
        "--time-limit",
        type=float,
        default=None,
        metavar="SECONDS",
        help=_("per-submission time limit (default 900)"),
    )
    p.add_argument(
        "--force", action="store_true", help=_("re-grade submissions that are already graded")
    )
    p.add_argument(
        "--student",
        action="append",
        default=None,
        metavar="ID",
        help=_("grade only this student (repeatable)"),
    )
    p.add_argument(
        "--cell-time-limit",
        type=float,
        default=None,
        metavar="SECONDS",
        help=_(
            "time-out per cell (default: the module's own limit, ten times its reference "
            "solution's measured run and at least 20 s, recorded in the source notebook)"
        ),
    )
    p.add_argument(
        "--figures",
        action="store_true",
        help=_(
            "draw the notebooks' figures into the autograded notebooks, for feedback that shows "
            "them (slower: grading needs only the verdicts)"
        ),
    )
    p.add_argument(
        "--unsealed",
        action="store_true",
        help=_(
            "grade without the sandbox (where none can be made): submissions then run in the "
            "grading process's reach, and the grading log says so"
        ),
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.workers is not None and args.workers < 1:
        raise UserError(
            _("--workers must be a positive number, got {value}").format(value=args.workers)
        )
    if args.cell_time_limit is not None and args.cell_time_limit <= 0:
        raise UserError(
            _("--cell-time-limit must be a positive number of seconds, got {value}").format(
                value=args.cell_time_limit
            )
        )
    if args.time_limit is not None and args.time_limit <= 0:
        raise UserError(
            _("--time-limit must be a positive number of seconds, got {value}").format(
                value=args.time_limit
            )
        )
    from qcourse.instructor.cluster import GradingCluster

    sealed = not args.unsealed
    if sealed and not args.scheduler:  # remote workers check their own sandbox
        from qcourse.sealed.sandbox import sandbox_problem

        problem = sandbox_problem()
        if problem:
            raise UserError(
                _(
                    "cannot grade sealed on this machine: {problem}. Install bubblewrap, or pass "
                    "--unsealed to grade without the sandbox (a submission can then tamper with "
                    "its grade; the grading log will say the grades are unsealed)"
                ).format(problem=problem)
            )
    if not sealed:
        import sys

        print(
            _(
                "warning: grading UNSEALED: submissions run without the sandbox and can tamper "
                "with their grades"
            ),
            file=sys.stderr,
        )
    # the workers start while this process reads the course and imports nbgrader
    cluster = GradingCluster.start(args.workers, args.scheduler, sealed)
    try:
        return _grade(args, cluster)
    finally:
        cluster.close()  # a no-op once grading closed it


def _grade(args: argparse.Namespace, cluster) -> int:
    from qcourse.instructor.coursedir import CourseError, open_course
    from qcourse.instructor.grading import DEFAULT_TIME_LIMIT, GradeOptions
    from qcourse.instructor.present import grade_with_progress, print_outcome

    try:
        course = open_course(args.course)
    except CourseError as exc:
        raise UserError(str(exc)) from exc
    options = GradeOptions(
        workers=args.workers,
        scheduler=args.scheduler,
        time_limit=args.time_limit or DEFAULT_TIME_LIMIT,
        force=args.force,
        students=args.student,
        sealed=not args.unsealed,
        cell_time_limit=args.cell_time_limit,
        figures=args.figures,
    )
    try:
        result = grade_with_progress(course, args.module, options, cluster)
    except LookupError as exc:
        raise UserError(str(exc).strip("'\"")) from exc
    except OSError as exc:
        if args.scheduler:
            raise UserError(
                _("cannot reach the dask scheduler at {address}: {error}").format(
                    address=args.scheduler, error=exc
                )
            ) from exc
        raise
    print_outcome(course, args.module, result)
    return 0
