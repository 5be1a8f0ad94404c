"""The per-exercise table `qcourse check` prints, and the one the notebook's check cell shows.

In a terminal the table is drawn by rich; in a notebook it is an HTML table, so that its
borders line up whatever width the browser's font gives Hangul.
"""

from __future__ import annotations

import html

from rich.table import Table
from rich.text import Text

from qcourse.i18n import _, pick
from qcourse.selfstudy.checking import CheckResult


def _points(value: float) -> str:
    return f"{value:g}"


def verdict_title(diagnosis: str | None, lang: str) -> str:
    """ "Qubit order reversed [qubit_order_reversed]" for qgrade's codes; else the code as is
    (a Python exception name such as NameError)."""
    if not diagnosis:
        return ""
    try:
        from qgrade.diagnoses import DIAGNOSES
        from qgrade.i18n import _translations
        from qgrade.render import _TITLES
    except ImportError:
        return diagnosis
    if diagnosis not in DIAGNOSES or diagnosis not in _TITLES:
        return diagnosis
    # qgrade's catalogue in `lang`, without switching qgrade's language in the notebook
    return f"{_translations(lang).gettext(_TITLES[diagnosis])} [{diagnosis}]"


def _rows(result: CheckResult) -> list[tuple[str, str, str, str, str, str]]:
    """(exercise title, exercise id, points, state, verdict title, message) per outcome."""
    titles = {ex.id: pick(ex.title, result.lang) for ex in result.module.exercises}
    rows = []
    for o in result.record.outcomes:
        if o.passed:
            state = "passed"
        elif o.diagnosis == "not_run":
            state = "not_run"
        else:
            state = "failed"
        rows.append(
            (
                titles.get(o.exercise, o.exercise),
                o.exercise,
                f"{_points(o.points)} / {_points(o.max_points)}",
                state,
                verdict_title(o.diagnosis, result.lang) if state == "failed" else "",
                o.message,
            )
        )
    return rows


def _state_words(lang: str) -> dict[str, str]:
    return {
        "passed": "✔ " + _("passed", lang),
        "failed": "✘ " + _("not yet", lang),
        "not_run": "· " + _("not run", lang),
    }


def score_line(result: CheckResult) -> str:
    rec = result.record
    return _("Score: {score} / {total}", result.lang).format(
        score=_points(rec.score), total=_points(rec.max_score)
    )


def check_table(result: CheckResult) -> Table:
    lang = result.lang
    states = _state_words(lang)
    table = Table(
        title=f"{result.module.id} — {pick(result.module.title, lang)}",
        caption=score_line(result),
        caption_justify="left",
        show_lines=True,
    )
    table.add_column(_("Exercise", lang))
    table.add_column(_("Points", lang), justify="right")
    table.add_column(_("Verdict", lang))
    table.add_column(_("Message", lang), overflow="fold")
    styles = {"passed": "bold green", "failed": "bold red", "not_run": "yellow"}
    for title, ex_id, points, state, verdict, message in _rows(result):
        text = Text(states[state], style=styles[state])
        if verdict:
            text.append(f"\n{verdict}", style="red")
        table.add_row(f"{title}\n[dim]{ex_id}[/dim]", points, text, Text(message))
    return table


def check_html(result: CheckResult) -> str:
    """The same table as HTML, for the notebook's check cell."""
    lang = result.lang
    states = _state_words(lang)
    colors = {"passed": "#1a7f37", "failed": "#cf222e", "not_run": "#9a6700"}
    e = html.escape
    head = "".join(
        f"<th style='text-align:left'>{e(_(name, lang))}</th>"
        for name in ("Exercise", "Points", "Verdict", "Message")
    )
    body = []
    for title, ex_id, points, state, verdict, message in _rows(result):
        verdict_html = f"<b style='color:{colors[state]}'>{e(states[state])}</b>"
        if verdict:
            verdict_html += f"<br><span style='color:{colors[state]}'>{e(verdict)}</span>"
        body.append(
            "<tr>"
            f"<td style='text-align:left'>{e(title)}<br><code>{e(ex_id)}</code></td>"
            f"<td style='text-align:right;white-space:nowrap'>{e(points)}</td>"
            f"<td style='text-align:left'>{verdict_html}</td>"
            f"<td style='text-align:left;white-space:pre-wrap'>{e(message)}</td>"
            "</tr>"
        )
    caption = f"{result.module.id} — {pick(result.module.title, lang)}"
    return (
        "<div class='qcourse-check'>"
        f"<table><caption style='text-align:left;font-weight:bold'>{e(caption)}</caption>"
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
        f"<p><b>{e(score_line(result))}</b></p></div>"
    )
