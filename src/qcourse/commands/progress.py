"""`qcourse progress`: your self-study progress per module and per CFQT competence."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

from qcourse.commands._lab_options import add_lab_options
from qcourse.i18n import _


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "progress",
        help=_(
            "show your progress per module, per competence and per exam section (table and plot)"
        ),
        description=(
            _(
                "Show what the progress store recorded (every `qcourse check`): checks, best score, "
                "first pass and hints per module, exercises passed per CFQT competence and, from "
                "`qcourse practice`, questions answered and the score per exam section; also draw "
                "it as a PNG."
            )
        ),
    )
    add_lab_options(parser)
    parser.add_argument("--out", type=Path, help=_("where to write the PNG plot"))
    parser.set_defaults(func=run)


def _when(ts: float | None) -> str:
    return time.strftime("%Y-%m-%d %H:%M", time.localtime(ts)) if ts else "–"


def run(args: argparse.Namespace) -> int:
    from rich.markup import escape

    from qcourse.selfstudy.home import data_home
    from qcourse.selfstudy.learner_view import load_learner_view
    from qcourse.selfstudy.progress_plot import plot_progress

    console = Console()
    view, lang, _curriculum = load_learner_view(args.dir, args.lang, args.curriculum, console)

    modules = Table(title=_("Modules", lang))
    for name, justify in (
        (_("Module", lang), "left"),
        (_("Checks", lang), "right"),
        (_("Best score", lang), "right"),
        (_("First passed", lang), "left"),
        (_("Hints", lang), "right"),
    ):
        modules.add_column(name, justify=justify, overflow="fold")
    for m in view.modules:
        done = m.first_passed_at is not None
        best = f"{m.best_score:g} / {m.total_points:g}"
        modules.add_row(
            f"{escape(m.title)}\n[dim]{m.module}[/dim]",
            str(m.attempts),
            f"[green]{best}[/]" if done else best,
            _when(m.first_passed_at),
            str(m.hints_used),
        )
    console.print(modules)

    competence = _("Competence (CFQT)", lang)
    comps = Table(title=f"{competence} {view.cfqt_version}".strip())
    comps.add_column(competence, overflow="fold")
    comps.add_column(_("Exercises passed", lang), justify="right")
    comps.add_column(_("Level", lang))
    for c in view.competences:
        offered = "–".join(sorted(c.levels_offered)[:: max(len(c.levels_offered) - 1, 1)])
        comps.add_row(
            f"{escape(c.label)}\n[dim]{c.subdomain} · {escape(c.area_label or c.domain)}[/dim]",
            f"{c.passed} / {c.exercises}",
            f"{c.level_shown or '–'} [dim]({offered})[/dim]",
        )
    console.print(comps)
    if view.exam_sections:
        _print_exam_sections(console, view, lang)

    out = args.out or data_home() / "progress.png"
    plot = plot_progress(view, lang, out)
    label = _("plot", lang)
    console.print(f"{escape(label)}: {escape(str(plot))}")
    return 0


def _print_exam_sections(console: Console, view, lang: str) -> None:
    """Questions answered and the score per exam section (from `qcourse practice`)."""
    from rich.markup import escape

    from qcourse.selfstudy.practice import weighted_readiness

    practice = _("Certification practice", lang)
    table = Table(title=escape(f"{practice}: {view.exam}"))
    for name, justify in (
        (_("Exam section", lang), "left"),
        (_("Weight", lang), "right"),
        (_("Answered", lang), "right"),
        (_("Right", lang), "right"),
        (_("Score", lang), "right"),
        (_("Course exercises passed", lang), "right"),
    ):
        table.add_column(name, justify=justify, overflow="fold")
    for row in view.exam_sections:
        score = "–" if row.score is None else f"{row.score:.0f}%"
        colour = "" if row.score is None else "green" if row.score >= 80 else "yellow"
        table.add_row(
            f"{row.number}. {escape(row.title)}\n[dim]{row.section}[/dim]",
            f"{row.weight:g}%",
            f"{row.answered} / {row.questions}",
            str(row.right),
            f"[{colour}]{score}[/]" if colour else score,
            f"{row.exercises_passed} / {row.exercises}" if row.exercises else "–",
        )
    console.print(table)
    readiness = weighted_readiness(view.exam_sections)
    console.print(
        escape(
            _(
                "Exam-weighted share of the bank answered right: {percent:.0f}% "
                "(`qcourse practice` to practise, `--retry-wrong` for your mistakes)",
                lang,
            ).format(percent=readiness)
        )
    )
