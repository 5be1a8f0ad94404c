"""A transcript of what the learner has demonstrated, by CFQT subdomain and proficiency level.

HTML always (self-contained, every value escaped); PDF too when matplotlib can draw the
language (Korean needs a Hangul font on the machine).
"""

from __future__ import annotations

import time
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from qcourse import __version__
from qcourse.i18n import _, pick
from qcourse.selfstudy.fonts import can_draw, font_families
from qcourse.selfstudy.progress_view import LEVELS, ProgressView

if TYPE_CHECKING:
    from qcourse.curriculum import Curriculum


def _text(lang: str) -> dict[str, str]:
    """The transcript's own words in `lang` (from the qcourse catalogue)."""
    return {
        "title": _("Competence transcript", lang),
        "intro": _(
            "Exercises passed in self-study with qcourse, graded on the learner's machine with "
            "the course's own tests (hidden tests included), mapped to the European Competence "
            "Framework for Quantum Technologies (CFQT {version}).",
            lang,
        ),
        "learner": _("Learner", lang),
        "date": _("Date", lang),
        "curriculum": _("Curriculum build", lang),
        "competence": _("Competence (CFQT subdomain)", lang),
        "level": _("Level demonstrated", lang),
        "evidence": _("Evidence: exercises passed", lang),
        "passed_on": _("first passed {date}, {attempts} checks, {hints} hints", lang),
        "not_yet": _("not yet demonstrated", lang),
        "modules": _("Modules", lang),
        "module": _("Module", lang),
        "score": _("Best score", lang),
        "completed": _("completed {date}", lang),
        "in_progress": _("in progress", lang),
        "sealed": _("graded sealed", lang),
        "self_reported": _("self-reported (graded without the sandbox)", lang),
        "not_started": _("not started", lang),
        "summary": _(
            "{passed} of {total} exercises passed; {modules} of {all_modules} modules completed.",
            lang,
        ),
        "note": _("Self-study evidence: not an examination under supervision.", lang),
        "practice": _("Certification practice", lang),
        "section": _("Exam section", lang),
        "weight": _("Weight", lang),
        "answered": _("Answered", lang),
        "right": _("Right", lang),
        "practice_score": _("Score", lang),
    }


def practice_lines(view: ProgressView, lang: str) -> list[str]:
    """One line per exam section of the practice bank (none when the learner answered none)."""
    if not any(row.answered for row in view.exam_sections):
        return []
    t = _text(lang)
    lines = []
    for row in view.exam_sections:
        score = "–" if row.score is None else f"{row.score:.0f}%"
        lines.append(
            f"{row.number}. {row.title} ({t['weight']} {row.weight:g}%): "
            f"{t['answered']} {row.answered} / {row.questions}, {t['right']} {row.right}, "
            f"{t['practice_score']} {score}"
        )
    return lines


def _date(ts: float | None) -> str:
    return time.strftime("%Y-%m-%d", time.localtime(ts)) if ts else ""


def _level_rank(level: str) -> int:
    return LEVELS.index(level) if level in LEVELS else len(LEVELS)


def _level_text(curriculum: Curriculum, level: str | None, lang: str) -> str:
    if not level:
        return ""
    info = curriculum.cfqt.get("levels", {}).get(level, {})
    return f"{level} — {pick(info, lang)}" if info else level


def transcript_lines(
    view: ProgressView, curriculum: Curriculum, lang: str
) -> tuple[list[tuple[str, str, list[str]]], str]:
    """(competence, level, evidence lines) per subdomain, and the summary sentence."""
    t = _text(lang)
    rows = []
    for c in view.competences:
        ordered = sorted(c.evidence, key=lambda ev: (_level_rank(ev.level), ev.module))
        evidence = [
            f"{ev.module_title} · {ev.title} ({ev.level}): "
            + t["passed_on"].format(
                date=_date(ev.first_passed_at), attempts=ev.attempts, hints=ev.hints_used
            )
            for ev in ordered
        ]
        level = _level_text(curriculum, c.level_shown, lang) or t["not_yet"]
        rows.append((c.label, level, evidence))
    passed = sum(c.passed for c in view.competences)
    total = sum(c.exercises for c in view.competences)
    done = sum(1 for m in view.modules if m.first_passed_at is not None)
    summary = t["summary"].format(
        passed=passed, total=total, modules=done, all_modules=len(view.modules)
    )
    return rows, summary


def module_status(m, t: dict[str, str]) -> str:
    if m.first_passed_at is not None:
        status = t["completed"].format(date=_date(m.first_passed_at))
    else:
        status = t["in_progress"] if m.attempts else t["not_started"]
    if m.attempts:  # how far the score can be believed
        status += " · " + (t["sealed"] if m.sealed else t["self_reported"])
    return status


def render_html(
    view: ProgressView, curriculum: Curriculum, lang: str, learner: str, fingerprint: str
) -> str:
    t = _text(lang)
    e = escape
    rows, summary = transcript_lines(view, curriculum, lang)
    comp_rows = []
    for (label, level, evidence), c in zip(rows, view.competences, strict=True):
        items = "".join(f"<li>{e(line)}</li>" for line in evidence) or f"<li>{e(t['not_yet'])}</li>"
        css = "shown" if c.level_shown else "none"
        comp_rows.append(
            f'<tr class="{css}"><td><strong>{e(label)}</strong><br>'
            f'<span class="dim">{e(c.subdomain)} · {e(c.domain)}</span></td>'
            f"<td>{e(level)}</td><td><ul>{items}</ul></td></tr>"
        )
    module_rows = []
    for m in view.modules:
        status = module_status(m, t)
        module_rows.append(
            f"<tr><td>{e(m.module)}<br><span class='dim'>{e(m.title)}</span></td>"
            f"<td>{m.best_score:g} / {m.total_points:g}</td><td>{e(status)}</td></tr>"
        )
    practice = ""
    if practice_lines(view, lang):
        cells = "".join(
            f"<tr><td>{row.number}. {e(row.title)}</td><td>{row.weight:g}%</td>"
            f"<td>{row.answered} / {row.questions}</td><td>{row.right}</td>"
            f"<td>{'–' if row.score is None else f'{row.score:.0f}%'}</td></tr>"
            for row in view.exam_sections
        )
        practice = (
            f'<h2>{e(t["practice"])}: {e(view.exam)}</h2>\n<table class="practice">\n'
            f"<tr><th>{e(t['section'])}</th><th>{e(t['weight'])}</th><th>{e(t['answered'])}</th>"
            f"<th>{e(t['right'])}</th><th>{e(t['practice_score'])}</th></tr>\n{cells}\n</table>\n"
        )
    version = e(str(view.cfqt_version))
    return f"""<!DOCTYPE html>
<html lang="{e(lang)}"><head><meta charset="utf-8">
<title>{e(t["title"])} — {e(learner)}</title>
<style>
body {{ font-family: "Noto Sans KR", "Noto Sans CJK KR", "Malgun Gothic", sans-serif;
       max-width: 60rem; margin: 2rem auto; color: #1f2328; line-height: 1.45; }}
table {{ border-collapse: collapse; width: 100%; margin: 1rem 0; }}
th, td {{ border: 1px solid #d0d7de; padding: .4rem .6rem; vertical-align: top; text-align: left; }}
th {{ background: #f6f8fa; }}
tr.none td:nth-child(2) {{ color: #6e7781; }}
.dim {{ color: #6e7781; font-size: 85%; }}
ul {{ margin: 0; padding-left: 1.1rem; }}
</style></head><body>
<h1>{e(t["title"])}</h1>
<p>{e(t["intro"].format(version=view.cfqt_version))}</p>
<table class="meta">
<tr><th>{e(t["learner"])}</th><td>{e(learner)}</td></tr>
<tr><th>{e(t["date"])}</th><td>{e(_date(time.time()))}</td></tr>
<tr><th>{e(t["curriculum"])}</th><td>qcourse {e(__version__)} · {e(fingerprint)} · CFQT {version}</td></tr>
</table>
<p><strong>{e(summary)}</strong></p>
<table class="competences">
<tr><th>{e(t["competence"])}</th><th>{e(t["level"])}</th><th>{e(t["evidence"])}</th></tr>
{"".join(comp_rows)}
</table>
<h2>{e(t["modules"])}</h2>
<table class="modules">
<tr><th>{e(t["module"])}</th><th>{e(t["score"])}</th><th></th></tr>
{"".join(module_rows)}
</table>
{practice}<p class="dim">{e(t["note"])}</p>
</body></html>
"""


def render_pdf(
    view: ProgressView, curriculum: Curriculum, lang: str, learner: str, out: Path
) -> Path | None:
    """A one-or-more page PDF with the same content (the course's own font draws Hangul), or
    None when the font is missing from this installation."""
    if not can_draw(lang):
        return None
    import textwrap

    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.backends.backend_pdf import PdfPages

    t = _text(lang)
    rows, summary = transcript_lines(view, curriculum, lang)
    lines: list[tuple[str, str]] = [
        ("h1", t["title"]),
        ("p", f"{t['learner']}: {learner}    {t['date']}: {_date(time.time())}"),
        ("p", summary),
        ("p", ""),
    ]
    width = 60 if lang == "ko" else 95

    def wrapped(kind: str, text: str, more: str) -> list[tuple[str, str]]:
        """A long line as its first line and continuation lines (no second bullet)."""
        parts = textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False)
        parts = parts or [""]
        return [(kind, parts[0])] + [(more, part) for part in parts[1:]]

    for label, level, evidence in rows:
        lines += wrapped("h2", label, "h2")
        lines += wrapped("p", f"{t['level']}: {level}", "p")
        for item in evidence:
            lines += wrapped("li", item, "cont")
        lines.append(("p", ""))
    lines.append(("h2", t["modules"]))
    for m in view.modules:
        row = f"{m.module} {m.title} · {t['score']} {m.best_score:g} / {m.total_points:g} · "
        lines += wrapped("li", row + module_status(m, t), "cont")
    lines.append(("p", ""))
    practice = practice_lines(view, lang)
    if practice:
        lines += wrapped("h2", f"{t['practice']}: {view.exam}", "h2")
        for item in practice:
            lines += wrapped("li", item, "cont")
        lines.append(("p", ""))
    lines.append(("dim", t["note"]))

    sizes = {"h1": 16, "h2": 11, "p": 9, "li": 8.5, "cont": 8.5, "dim": 8}
    per_page = 56
    with plt.rc_context({"font.family": font_families(lang)}), PdfPages(out) as pdf:
        for start in range(0, len(lines), per_page):
            fig = plt.figure(figsize=(8.27, 11.69))  # A4
            y = 0.95
            for kind, text in lines[start : start + per_page]:
                x = {"li": 0.1, "cont": 0.117}.get(kind, 0.07)
                prefix = "• " if kind == "li" else ""
                fig.text(
                    x,
                    y,
                    prefix + text,
                    fontsize=sizes[kind],
                    weight="bold" if kind in ("h1", "h2") else "normal",
                    color="#6e7781" if kind == "dim" else "#1f2328",
                )
                y -= 0.03 if kind == "h1" else 0.016
            pdf.savefig(fig)
            plt.close(fig)
    return out
