"""The progress picture: best score per module and exercises passed per CFQT competence."""

from __future__ import annotations

from pathlib import Path

from qcourse.i18n import _
from qcourse.selfstudy.fonts import can_draw, font_families
from qcourse.selfstudy.progress_view import ProgressView


def plot_progress(view: ProgressView, lang: str, out: Path) -> Path:
    """Draw the two bar charts into the PNG `out` and return its path."""
    import matplotlib

    matplotlib.use("Agg")  # files only, never a window
    import matplotlib.pyplot as plt

    if not can_draw(lang):
        lang = "en"  # no font for Hangul here: English labels rather than empty boxes
    titles = (
        _("Best score per module (%)", lang),
        _("Exercises passed per competence (%)", lang),
    )
    module_labels = [m.module for m in view.modules]
    module_values = [
        100.0 * m.best_score / m.total_points if m.total_points else 0.0 for m in view.modules
    ]
    comp_labels = [f"{c.subdomain} ({c.level_shown or '–'})" for c in view.competences]
    comp_values = [100.0 * c.passed / c.exercises if c.exercises else 0.0 for c in view.competences]

    rows = max(len(module_labels), 1) + max(len(comp_labels), 1)
    with plt.rc_context({"font.family": font_families(lang)}):
        fig, (top, bottom) = plt.subplots(
            2,
            1,
            figsize=(8, 1.6 + 0.4 * rows),
            height_ratios=[max(len(module_labels), 1), max(len(comp_labels), 1)],
        )
        for ax, labels, values, title, color in (
            (top, module_labels, module_values, titles[0], "#24527a"),
            (bottom, comp_labels, comp_values, titles[1], "#1a7f37"),
        ):
            y = list(range(len(labels)))
            ax.barh(y, values, color=color)
            ax.set_yticks(y, labels)
            ax.invert_yaxis()
            ax.set_xlim(0, 100)
            ax.set_title(title, loc="left", fontsize=11)
            for yi, v in zip(y, values, strict=True):
                ax.text(min(v + 1, 92), yi, f"{v:.0f}%", va="center", fontsize=9)
        fig.tight_layout()
        out.parent.mkdir(parents=True, exist_ok=True)
        fig.savefig(out, dpi=110)
        plt.close(fig)
    return out
