"""Terminal output for the instructor commands: a progress bar and the grade table (rich)."""

from __future__ import annotations

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from qcourse.instructor.cluster import GradingCluster
from qcourse.instructor.coursedir import Course
from qcourse.instructor.grading import GradeOptions, GradingRun, grade_module, score_table

console = Console()


def grade_with_progress(
    course: Course, module: str, options: GradeOptions, cluster: GradingCluster | None = None
) -> GradingRun:
    columns = (
        TextColumn("[bold]grading {task.fields[module]}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.fields[last]}"),
    )
    with Progress(*columns, console=console, transient=False) as progress:
        task = progress.add_task("grade", total=None, module=module, last="starting workers")

        def on_start(total: int) -> None:
            progress.update(task, total=total, last="" if total else "nothing new to grade")

        def on_result(result) -> None:
            mark = "ok" if result.status == "graded" else "FAILED"
            progress.update(task, advance=1, last=f"{result.student}: {mark}")

        return grade_module(
            course, module, options, on_start=on_start, on_result=on_result, cluster=cluster
        )


def print_outcome(course: Course, module: str, run: GradingRun) -> None:
    scores = {row.student: row for row in score_table(course, module)}
    results = {r.student: r for r in run.results}
    table = Table(title=f"{module}: grades")
    for name in ("student", "score", "status", "notes"):
        table.add_column(name)
    for student in sorted(set(scores) | set(results)):
        row, result = scores.get(student), results.get(student)
        score = f"{row.score:g} / {row.max_score:g}" if row else "-"
        if result is None:
            status = "already graded"
        elif result.status == "graded":
            status = "graded"
        else:
            status = "[red]NOT GRADED[/red]"
        notes = []
        if row and row.late:
            notes.append(f"late by {row.seconds_late / 3600:.1f} h")
        if result is not None:
            if result.reason:
                notes.append(result.reason)
            notes.extend(result.warnings)
        table.add_row(student, score, status, "; ".join(notes))
    console.print(table)
    graded = len(run.results) - len(run.failed)
    console.print(
        f"{graded} graded, {len(run.failed)} could not be graded, "
        f"{len(run.skipped)} already graded (use --force to re-grade) in {run.seconds:.1f} s"
    )
