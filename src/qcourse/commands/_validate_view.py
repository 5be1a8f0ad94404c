"""Rich output of `qcourse validate`: a line per finished module, a table, the failures."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from qcourse.curriculum.report import Check, ModuleReport, ValidationReport


def _mark(check: Check | None) -> str:
    if check is None:
        return "[yellow]-[/yellow]"
    return f"[green]✓[/green] {check.detail}" if check.ok else "[red]✗[/red]"


def print_module(console: Console, result: ModuleReport) -> None:
    state = "[green]ok[/green]" if result.ok else "[red]FAILED[/red]"
    console.print(f"{result.module} {escape(f'[{result.lang}]')} {state} in {result.seconds:.0f} s")


def print_report(console: Console, report: ValidationReport, static_only: bool = False) -> None:
    if report.modules:
        table = Table(title="qcourse validate")
        for column in ("module", "lang", "exercise", "solution", "starter", "wrong answers"):
            table.add_column(column, overflow="fold")
        for m in report.modules:
            for ex in m.exercises:
                wrong = (
                    " ".join(_mark(c).split(" ")[0] for c in ex.wrong) or "[yellow]none[/yellow]"
                )
                table.add_row(
                    m.module, m.lang, ex.exercise, _mark(ex.solution), _mark(ex.starter), wrong
                )
        console.print(table)
        for m in report.modules:
            console.print(f"  {m.module} {escape(f'[{m.lang}]')}: {m.seconds:.1f} s wall time")
    failures = report.failures()
    if failures:
        console.print(f"[red]{len(failures)} failure(s):[/red]")
        for line in failures:
            console.print(f"  - {line}", markup=False, highlight=False, soft_wrap=True)
    elif report.ok:
        what = "static checks" if static_only else "validation"
        console.print(f"[green]{what} passed[/green] in {report.seconds:.0f} s")
