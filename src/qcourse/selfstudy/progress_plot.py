"""The progress picture: best score per module and exercises passed per CFQT competence."""

from __future__ import annotations

import textwrap
from pathlib import Path

from qcourse.i18n import _
from qcourse.selfstudy.fonts import font_families
from qcourse.selfstudy.progress_view import ProgressView

LABEL_WIDTH = 34  # characters per line of a bar label (Hangul counts double)


def wrap_label(text: str, width: int = LABEL_WIDTH) -> str:
    """`text` on lines of about `width` columns, broken only between words (never inside a
    Hangul or English word, never shortened with "...")."""
    cols = sum(2 if "\uac00" <= ch <= "\ud7a3" else 1 for ch in text)
    chars = max(len(text) * width // max(cols, 1), 8)  # a Hangul title fits fewer characters
    return "\n".join(
        textwrap.wrap(text, chars, break_long_words=False, break_on_hyphens=False) or [text]
    )


def plot_progress(view: ProgressView, lang: str, out: Path) -> Path:
    """Draw the two bar charts into the PNG `out` and return its path."""
    import matplotlib

    matplotlib.use("Agg")  # files only, never a window
    import matplotlib.pyplot as plt

    titles = (
        _("Best score per module (%)", lang),
        _("Exercises passed per competence (%)", lang),
    )
    # titles, not slugs: "01 Qubits and gates", "Measurement, probabilities and sampling (A2)"
    module_labels = [wrap_label(f"{m.module.split('-')[0]} {m.title}") for m in view.modules]
    module_values = [
        100.0 * m.best_score / m.total_points if m.total_points else 0.0 for m in view.modules
    ]
    comp_labels = [wrap_label(f"{c.label} ({c.level_shown or '–'})") for c in view.competences]
    comp_values = [100.0 * c.passed / c.exercises if c.exercises else 0.0 for c in view.competences]

    top_rows = max(sum(label.count("\n") + 1 for label in module_labels), 1)
    bottom_rows = max(sum(label.count("\n") + 1 for label in comp_labels), 1)
    rows = top_rows + bottom_rows
    with plt.rc_context({"font.family": font_families(lang)}):
        fig, (top, bottom) = plt.subplots(
            2,
            1,
            figsize=(9, 1.6 + 0.3 * rows),
            height_ratios=[top_rows, bottom_rows],
        )
        for ax, labels, values, title, color in (
            (top, module_labels, module_values, titles[0], "#24527a"),
            (bottom, comp_labels, comp_values, titles[1], "#1a7f37"),
        ):
            y = list(range(len(labels)))
            ax.barh(y, values, color=color)
            ax.set_yticks(y, labels, fontsize=8.5)
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
