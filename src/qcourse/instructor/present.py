"""Terminal output for the instructor commands: a progress bar and the grade table (rich), in
the course's language (the qcourse catalogue, src/qcourse/locale)."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from qcourse.i18n import _
from qcourse.instructor.cluster import GradingCluster
from qcourse.instructor.coursedir import Course
from qcourse.instructor.grading import GradeOptions, GradingRun, grade_module, score_table

console = Console()


def grade_with_progress(
    course: Course, module: str, options: GradeOptions, cluster: GradingCluster | None = None
) -> GradingRun:
    lang = course.lang
    label = escape(_("grading {module}", lang).format(module=module))
    columns = (
        TextColumn(f"[bold]{label}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.fields[last]}"),
    )
    with Progress(*columns, console=console, transient=False) as progress:
        task = progress.add_task("grade", total=None, last=escape(_("starting workers", lang)))

        def on_start(total: int) -> None:
            last = "" if total else escape(_("nothing new to grade", lang))
            progress.update(task, total=total, last=last)

        def on_result(result) -> None:
            mark = _("graded", lang) if result.status == "graded" else _("FAILED", lang)
            progress.update(task, advance=1, last=escape(f"{result.student}: {mark}"))

        return grade_module(
            course, module, options, on_start=on_start, on_result=on_result, cluster=cluster
        )


def print_outcome(course: Course, module: str, run: GradingRun) -> None:
    lang = course.lang
    scores = {row.student: row for row in score_table(course, module)}
    results = {r.student: r for r in run.results}
    table = Table(title=escape(_("{module}: grades", lang).format(module=module)))
    for name in (_("student", lang), _("score", lang), _("status", lang), _("notes", lang)):
        table.add_column(escape(name))
    for student in sorted(set(scores) | set(results)):
        row, result = scores.get(student), results.get(student)
        score = f"{row.score:g} / {row.max_score:g}" if row else "-"
        if result is None:
            status = escape(_("already graded", lang))
        elif result.status == "graded":
            status = escape(_("graded", lang))
        else:
            not_graded = escape(_("NOT GRADED", lang))
            status = f"[red]{not_graded}[/red]"
        notes = []
        if row and row.late:
            notes.append(_("late by {hours:.1f} h", lang).format(hours=row.seconds_late / 3600))
        if result is not None:
            if result.reason:
                notes.append(result.reason)
            notes.extend(result.warnings)
        table.add_row(escape(student), score, status, escape("; ".join(notes)))
    console.print(table)
    graded = len(run.results) - len(run.failed)
    summary = _(
        "{graded} graded, {failed} could not be graded, {skipped} already graded "
        "(use --force to re-grade) in {seconds:.1f} s",
        lang,
    ).format(graded=graded, failed=len(run.failed), skipped=len(run.skipped), seconds=run.seconds)
    console.print(escape(summary))
