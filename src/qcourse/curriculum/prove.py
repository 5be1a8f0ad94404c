"""Prove one module in one language through nbgrader: generate, submit, autograde, compare."""

from __future__ import annotations

import time
from pathlib import Path

from qcourse.curriculum.build import build_source
from qcourse.curriculum.course import (
    NbgraderRun,
    ensure_config,
    generate_assignment,
    run_nbgrader,
)
from qcourse.curriculum.model import Curriculum, Exercise, Module
from qcourse.curriculum.outcomes import Graded, read_graded
from qcourse.curriculum.report import Check, ExerciseReport, ModuleReport
from qcourse.curriculum.submissions import with_answers, write_submission
from qcourse.errors import UserError
from qcourse.gradecells import parse_failure, solution_id, test_id

SOLUTION, STARTER = "solution", "starter"


def prove_module(
    module: Module,
    lang: str,
    curriculum: Curriculum,
    course: Path,
    cell_timeout: int = 300,
    notebook_timeout: int = 900,
    sealed: bool = True,
    service=None,
) -> ModuleReport:
    """Run the reference, the starter and every wrong answer through nbgrader's autograde.

    Sealed (the default), nbgrader runs each submission in the sandbox and its test cells
    outside it, as `qcourse grade` does; figures are not drawn (nobody reads them here).
    `service` is a warm nbgrader helper (`instructor.worker.AutogradeServer`) to run nbgrader
    in, instead of starting the `nbgrader` program (and a sandbox) twice per module.
    """
    started = time.monotonic()
    report = ModuleReport(module.id, lang)
    report.exercises = [
        ExerciseReport(module.id, lang, ex.id, ex.points, wrong=[None] * len(ex.wrong))
        for ex in module.exercises
    ]
    try:
        _prove(
            module,
            lang,
            curriculum,
            course,
            cell_timeout,
            notebook_timeout,
            report,
            sealed,
            service,
        )
    except Exception as exc:  # reported per module, never a traceback for the user
        report.problems.append(f"{type(exc).__name__}: {exc}")
    report.seconds = time.monotonic() - started
    return report


def _nbgrader(service, course: Path, args: list[str], timeout: float) -> NbgraderRun:
    """`nbgrader ARGS` in `course`: in the warm helper when there is one, else the program."""
    if service is None:
        return run_nbgrader(course, args, timeout=timeout)
    root = str(course.resolve())
    if args[0] == "generate_assignment":
        request = {"op": "generate_assignment", "root": root, "assignment": args[1]}
    else:
        request = {"root": root, "assignment": args[1], "student": "*"}
    reply = service.request(request, timeout)
    if reply is None:
        return NbgraderRun(list(args), -1, "the nbgrader helper timed out or died", timed_out=True)
    log = reply.get("log", "") + ("\n" + reply["error"] if reply.get("error") else "")
    return NbgraderRun(list(args), 0 if reply.get("success") else 1, log)


def _prove(
    module, lang, curriculum, course, cell_timeout, notebook_timeout, report, sealed, service
) -> None:
    import nbformat

    ensure_config(course, cell_timeout, sealed=sealed, figures=False)
    db_url = f"sqlite:///{(course / 'gradebook.db').resolve()}"
    [source_path] = build_source(course, lang, [module.id], curriculum)
    if service is None:
        generate_assignment(course, module.id)
    else:
        made = _nbgrader(service, course, ["generate_assignment", module.id], 600)
        if not made.ok:
            raise UserError(f"nbgrader generate_assignment {module.id} failed:\n{made.tail()}")
    release = nbformat.read(course / "release" / module.id / f"{module.id}.ipynb", as_version=4)
    write_submission(course, SOLUTION, module.id, nbformat.read(source_path, as_version=4))
    write_submission(course, STARTER, module.id, release)
    reference = {ex.id: ex.solution for ex in module.exercises}
    rounds = max((len(ex.wrong) for ex in module.exercises), default=0)
    for k in range(1, rounds + 1):
        answers = {ex.id: ex.wrong[k - 1].code for ex in module.exercises if len(ex.wrong) >= k}
        write_submission(
            course, f"wrong-{k}", module.id, with_answers(release, reference | answers)
        )

    def autograde(students: int) -> dict[str, Graded]:
        run = _nbgrader(service, course, ["autograde", module.id], notebook_timeout * students)
        if not run.ok:
            why = "timed out" if run.timed_out else f"exit {run.returncode}"
            report.problems.append(f"nbgrader autograde {why}:\n{run.tail()}")
        students_dir = course / "submitted"
        return {
            s.name: read_graded(course, db_url, module.id, s.name) for s in students_dir.iterdir()
        }

    graded = autograde(2 + rounds)
    by_id = {ex.id: ex for ex in module.exercises}
    _check_solution(graded[SOLUTION], module, report)
    _check_starter(graded[STARTER], module, report)

    # a combined run that is not clean is re-run one wrong answer at a time, to say precisely
    isolate: list[tuple[int, Exercise]] = []
    for k in range(1, rounds + 1):
        run = graded[f"wrong-{k}"]
        wrong_ids = {ex.id for ex in module.exercises if len(ex.wrong) >= k}
        results = {i: _check_wrong(run, by_id[i], k, wrong_ids, module) for i in wrong_ids}
        if all(check.ok for check in results.values()):
            for i, check in results.items():
                _set_wrong(report, i, k, check)
        else:
            isolate += [(k, by_id[i]) for i in sorted(wrong_ids)]
    if isolate:
        for k, ex in isolate:
            answers = reference | {ex.id: ex.wrong[k - 1].code}
            write_submission(
                course, f"wrong-{k}-{ex.id}", module.id, with_answers(release, answers)
            )
        graded |= autograde(len(isolate))
        for k, ex in isolate:
            check = _check_wrong(graded[f"wrong-{k}-{ex.id}"], ex, k, {ex.id}, module)
            _set_wrong(report, ex.id, k, check)


def _set_wrong(report: ModuleReport, exercise_id: str, k: int, check: Check) -> None:
    ex_report = next(e for e in report.exercises if e.exercise == exercise_id)
    ex_report.wrong[k - 1] = check


def _test(ex: Exercise) -> str:
    return test_id(ex.id)


def _why_lost(run: Graded, ex: Exercise) -> str:
    for gid in (_test(ex), solution_id(ex.id)):
        if gid in run.failures:
            return f"{gid}: {run.failures[gid]}"
    return "the test cell's output gave partial credit"


def _score(run: Graded, ex: Exercise) -> str:
    score = run.score(_test(ex))
    return f"{_num(score)}/{_num(ex.points)}" if score is not None else "no score"


def _num(x: float | None) -> str:
    return "?" if x is None else (str(int(x)) if float(x).is_integer() else f"{x:g}")


def _own_cells(module: Module) -> set[str]:
    return {gid for ex in module.exercises for gid in (solution_id(ex.id), test_id(ex.id))}


def _check_solution(run: Graded, module: Module, report: ModuleReport) -> None:
    if run.missing:
        report.problems.append(f"reference solutions: {run.missing}")
    others = {g: f for g, f in run.failures.items() if g not in _own_cells(module)}
    for gid, failure in others.items():
        report.problems.append(f"with the reference solutions, cell {gid} fails: {failure}")
    for ex, ex_report in zip(module.exercises, report.exercises, strict=True):
        score = run.score(_test(ex))
        if score is not None and score == ex.points:
            ex_report.solution = Check(True, _score(run, ex))
        else:
            detail = run.missing or f"scores {_score(run, ex)}; {_why_lost(run, ex)}"
            ex_report.solution = Check(False, f"the reference solution {detail}")


def _check_starter(run: Graded, module: Module, report: ModuleReport) -> None:
    if run.missing:
        report.problems.append(f"untouched starter: {run.missing}")
    for gid, failure in run.failures.items():
        if gid not in _own_cells(module):
            report.problems.append(
                f"the untouched starter crashes the notebook: cell {gid} fails: {failure}"
            )
    for ex, ex_report in zip(module.exercises, report.exercises, strict=True):
        score = run.score(_test(ex))
        if score == 0:
            ex_report.starter = Check(True, _score(run, ex))
        elif score is None:
            ex_report.starter = Check(False, run.missing or "no score for the test cell")
        else:
            ex_report.starter = Check(
                False,
                f"the untouched starter scores {_score(run, ex)}: the test passes without an answer",
            )


def _check_wrong(run: Graded, ex: Exercise, k: int, wrong_ids: set[str], module: Module) -> Check:
    """The k-th wrong answer of `ex` loses exactly ex.points (and names its diagnosis)."""
    wrong = ex.wrong[k - 1]
    if run.missing:
        return Check(False, run.missing)
    score = run.score(_test(ex))
    if score is None:
        return Check(False, "no score for the test cell")
    reasons = []
    if score != 0:
        reasons.append(f"scores {_score(run, ex)} ({wrong.why}); a wrong answer must score 0")
    elif wrong.diagnosis:
        evalue = run.evalues.get(_test(ex))
        if evalue is None:
            reasons.append(f"expected the test to raise [{wrong.diagnosis}], it raised nothing")
        elif parse_failure(evalue)[0] != wrong.diagnosis:
            shown = " ".join(evalue.split())[:200]
            reasons.append(f"expected a [{wrong.diagnosis}] diagnosis, the test said: {shown}")
    collateral = [
        f"{other.id} ({_score(run, other)})"
        for other in module.exercises
        if other.id not in wrong_ids and run.score(_test(other)) != other.points
    ]
    if collateral:
        reasons.append("also costs points on " + ", ".join(collateral))
    if reasons:
        return Check(False, "; ".join(reasons))
    return Check(
        True, f"0/{_num(ex.points)}" + (f" [{wrong.diagnosis}]" if wrong.diagnosis else "")
    )
