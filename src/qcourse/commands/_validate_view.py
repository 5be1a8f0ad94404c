"""Rich output of `qcourse validate`: a line per finished module, a table, the failures."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from qcourse.curriculum.report import Check, ModuleReport, ValidationReport
from qcourse.i18n import _


def _mark(check: Check | None) -> str:
    if check is None:
        return "[yellow]-[/yellow]"
    return f"[green]✓[/green] {check.detail}" if check.ok else "[red]✗[/red]"


def print_module(console: Console, result: ModuleReport) -> None:
    ok, failed = _("ok"), _("FAILED")
    state = f"[green]{ok}[/green]" if result.ok else f"[red]{failed}[/red]"
    took = escape(_("in {seconds:.0f} s").format(seconds=result.seconds))
    console.print(f"{result.module} {escape(f'[{result.lang}]')} {state} {took}")


def print_report(console: Console, report: ValidationReport, static_only: bool = False) -> None:
    if report.modules:
        table = Table(title="qcourse validate")
        columns = (
            _("module"),
            _("lang"),
            _("exercise"),
            _("solution"),
            _("starter"),
            _("wrong answers"),
        )
        for column in columns:
            table.add_column(column, overflow="fold")
        none = _("none")
        for m in report.modules:
            for ex in m.exercises:
                wrong = (
                    " ".join(_mark(c).split(" ")[0] for c in ex.wrong)
                    or f"[yellow]{escape(none)}[/yellow]"
                )
                table.add_row(
                    m.module, m.lang, ex.exercise, _mark(ex.solution), _mark(ex.starter), wrong
                )
        console.print(table)
        for m in report.modules:
            wall = escape(_("{seconds:.1f} s wall time").format(seconds=m.seconds))
            console.print(f"  {m.module} {escape(f'[{m.lang}]')}: {wall}")
    failures = report.failures()
    if failures:
        count = _("{n} failure(s):").format(n=len(failures))
        console.print(f"[red]{escape(count)}[/red]")
        for line in failures:
            console.print(f"  - {line}", markup=False, highlight=False, soft_wrap=True)
    elif report.ok:
        what = _("static checks passed") if static_only else _("validation passed")
        took = escape(_("in {seconds:.0f} s").format(seconds=report.seconds))
        console.print(f"[green]{escape(what)}[/green] {took}")
