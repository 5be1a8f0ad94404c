"""The per-exercise table `qcourse check` prints (and the notebook's check cell displays)."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from qcourse.selfstudy.checking import CheckResult
from qcourse.selfstudy.words import pick, words


def _points(value: float) -> str:
    return f"{value:g}"


def _verdict_title(diagnosis: str | None, lang: str) -> str:
    """ "Qubit order reversed [qubit_order_reversed]" for qgrade's codes; else the code as is
    (a Python exception name such as NameError)."""
    if not diagnosis:
        return ""
    try:
        from qgrade.diagnoses import DIAGNOSES
        from qgrade.i18n import get_language, set_language
        from qgrade.render import diagnosis_title
    except ImportError:
        return diagnosis
    if diagnosis not in DIAGNOSES:
        return diagnosis
    before = get_language()
    try:
        set_language(lang)
        return f"{diagnosis_title(diagnosis)} [{diagnosis}]"
    finally:
        set_language(before)  # a notebook's own qgrade language stays as it was


def check_table(result: CheckResult) -> Table:
    w = words(result.lang)
    rec = result.record
    title = pick(result.module.title, result.lang)
    table = Table(
        title=f"{result.module.id} — {title}",
        caption=f"{w['score']}: {_points(rec.score)} / {_points(rec.max_score)}",
        caption_justify="left",
        show_lines=True,
    )
    table.add_column(w["exercise"])
    table.add_column(w["points"], justify="right")
    table.add_column(w["verdict"])
    table.add_column(w["message"], overflow="fold")
    titles = {ex.id: pick(ex.title, result.lang) for ex in result.module.exercises}
    for outcome in rec.outcomes:
        name = titles.get(outcome.exercise, outcome.exercise)
        if outcome.passed:
            verdict = Text(f"✔ {w['passed']}", style="bold green")
        elif outcome.diagnosis == "not_run":
            verdict = Text(f"· {w['not_run']}", style="yellow")
        else:
            verdict = Text(f"✘ {w['failed']}", style="bold red")
            if outcome.diagnosis:
                verdict.append(f"\n{_verdict_title(outcome.diagnosis, result.lang)}", style="red")
        table.add_row(
            f"{name}\n[dim]{outcome.exercise}[/dim]",
            f"{_points(outcome.points)} / {_points(outcome.max_points)}",
            verdict,
            Text(outcome.message),
        )
    return table
