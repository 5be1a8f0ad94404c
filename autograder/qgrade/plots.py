"""Qiskit's figures in the learner's language, with every sphere's title clear of its labels.

Qiskit writes its plot labels in English: `plot_histogram` puts "Count" on the y axis,
`plot_distribution` "Quasi-probability", `plot_bloch_multivector` titles each sphere "qubit 0",
`QuantumCircuit.draw("mpl")` writes "Global Phase: π/4". And a Bloch sphere drawn in a narrow
subplot (`plot_bloch_vector(..., title=..., ax=ax)` in a row of spheres) gets its title on top of
its |0> label, because Qiskit places the title at a fixed height.

`localize_figure(fig)` fixes both on one figure, in qgrade's language (`set_language`): the known
English texts become the catalogue's translation (qgrade's gettext catalogue), and a 3D axes
title that overlaps a text of its axes (the |0> label) or a figure title that overlaps an axes
title is moved up until they are apart.

`localize_figures()` (the notebook's set-up cell calls it) makes IPython do that to every
matplotlib figure it displays, just before drawing it: a figure returned as a cell's value
(`plot_histogram(counts)` as the last line) and a figure shown by the inline backend
(`plt.show()`, or the figures a cell leaves open) go through the same display formatter, where a
MIME-bundle printer for `matplotlib.figure.Figure` localizes the figure in place and hands it on
to the PNG formatter unchanged otherwise.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from typing import Any

from qgrade.i18n import _

__all__ = ["QISKIT_LABELS", "localize_figure", "localize_figures", "qiskit_label"]

TITLE_GAP = 0.6  # the least room between a title and the text below it, in title font heights


def N_(message: str) -> str:
    """Mark `message` for extraction; translated when a figure is shown."""
    return message


# Qiskit's English plot texts, exactly as Qiskit 2.x writes them (msgid = the English text)
QISKIT_LABELS: tuple[str, ...] = (
    # TRANSLATORS: y-axis label of Qiskit's plot_histogram (counts of measured outcomes)
    N_("Count"),
    # TRANSLATORS: y-axis label of Qiskit's plot_distribution
    N_("Quasi-probability"),
    # TRANSLATORS: y-axis label of a probability plot in older Qiskit releases
    N_("Probability"),
    # TRANSLATORS: titles of the two panels of Qiskit's plot_state_city
    N_("Real Amplitude (ρ)"),
    N_("Imaginary Amplitude (ρ)"),
    # TRANSLATORS: axis labels of Qiskit's plot_state_paulivec
    N_("Coefficients"),
    N_("Pauli"),
    # TRANSLATORS: the centre of the phase wheel of Qiskit's plot_state_qsphere
    N_("Phase"),
    N_("Phase\n(Deg)"),
)

# Qiskit's English texts with a value inside: (pattern, msgid with the same named fields)
QISKIT_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    # TRANSLATORS: the title of each sphere of Qiskit's plot_bloch_multivector
    (re.compile(r"qubit (?P<n>\d+)"), N_("qubit {n}")),
    # TRANSLATORS: the top line of a circuit drawn with QuantumCircuit.draw("mpl")
    (re.compile(r"Global Phase: (?P<phase>.+)", re.S), N_("Global Phase: {phase}")),
)


def qiskit_label(text: str) -> str | None:
    """`text` in the active language when it is one of Qiskit's plot texts, else None."""
    if text in QISKIT_LABELS:
        return _(text)
    for pattern, msgid in QISKIT_PATTERNS:
        match = pattern.fullmatch(text)
        if match:
            return _(msgid).format(**match.groupdict())
    return None


def localize_figure(fig: Any) -> Any:
    """Translate Qiskit's English texts on `fig` and lift titles off the labels they cover.

    Works on any matplotlib `Figure` (nothing happens to one without such texts); returns `fig`.
    """
    from matplotlib.text import Text

    for text in fig.findobj(Text):
        translated = qiskit_label(text.get_text())
        if translated is not None:
            text.set_text(translated)
            _split_maths(text)
    _clear_titles(fig)
    return fig


def _split_maths(text: Any) -> None:
    """A translated label followed by maths ("전역 위상: $\\pi/2$") becomes two texts.

    matplotlib draws a text with maths in it entirely with the maths fonts, which have no
    Hangul and no fallback ("Font 'default' does not have a glyph"); the words alone are drawn
    with the figure's fonts (and so NanumGothic), the maths right after them as an annotation
    anchored to the words' right edge.
    """
    words, dollar, maths = text.get_text().partition("$")
    if not dollar or words.isascii() or text.axes is None:
        return
    text.set_text(words.rstrip())
    text.axes.annotate(
        dollar + maths,
        xy=(1, 0),
        xycoords=text,
        xytext=(0.3 * text.get_fontsize(), 0),
        textcoords="offset points",
        ha="left",
        va="bottom",
        fontsize=text.get_fontsize(),
        color=text.get_color(),
        zorder=text.get_zorder(),
        clip_on=text.get_clip_on(),
    )


# ---------------------------------------------------------------------------------- layout


def _clear_titles(fig: Any) -> None:
    """Move up each 3D axes title that overlaps a text of its own axes (the sphere's |0>
    label), then the figure's title if it overlaps an axes title."""
    axes3d = [ax for ax in fig.axes if getattr(ax, "name", "") == "3d" and ax.get_title()]
    if not axes3d:  # nothing to measure: no extra layout pass for a plain 2D figure
        return
    try:
        fig.draw_without_rendering()  # lays out titles, projects the 3D axes
        renderer = _renderer(fig)
    except Exception:  # a figure that cannot be laid out: leave it as it is
        return
    for ax in axes3d:
        title = ax.title
        box = title.get_window_extent(renderer)
        gap = _gap(title, fig)
        lift = 0.0
        for text in ax.texts:
            if not text.get_visible() or not text.get_text().strip():
                continue
            other = _text_extent(ax, text, renderer)
            if other is not None and _too_close(other, box, gap):
                lift = max(lift, other.y1 + gap - box.y0)
        if lift > 0 and ax.bbox.height > 0:
            title.set_y(title.get_position()[1] + lift / ax.bbox.height)
    suptitle = fig._suptitle
    if suptitle is not None and suptitle.get_text() and axes3d:
        fig.draw_without_rendering()
        box = suptitle.get_window_extent(renderer)
        gap = _gap(suptitle, fig)
        below = [ax.title.get_window_extent(renderer) for ax in axes3d]
        below = [b for b in below if _too_close(b, box, gap)]
        if below and fig.bbox.height > 0:
            lift = max(b.y1 for b in below) + gap - box.y0
            suptitle.set_y(suptitle.get_position()[1] + lift / fig.bbox.height)


def _renderer(fig: Any) -> Any:
    """A renderer for `fig`, also when the inline backend has closed it (Qiskit's plot functions
    close the figures they return) and its canvas is the plain base canvas."""
    if hasattr(fig.canvas, "get_renderer"):
        return fig.canvas.get_renderer()
    return fig._get_renderer()  # what matplotlib's own tight layout uses for such a canvas


def _gap(title: Any, fig: Any) -> float:
    """The least room under `title`, in pixels."""
    return TITLE_GAP * title.get_fontsize() * fig.dpi / 72.0


def _too_close(lower: Any, upper: Any, gap: float) -> bool:
    """Whether box `upper` (a title) sits less than `gap` pixels above box `lower`, or on it,
    where the two share some width."""
    side_by_side = lower.x1 <= upper.x0 or upper.x1 <= lower.x0
    return not side_by_side and lower.y1 + gap > upper.y0 and lower.y0 < upper.y1


def _text_extent(ax: Any, text: Any, renderer: Any) -> Any:
    """Where a text of a 3D axes is drawn (a 3D text is placed by the axes' projection)."""
    if not hasattr(text, "get_position_3d"):
        return text.get_window_extent(renderer)
    from mpl_toolkits.mplot3d import proj3d

    x, y, z = text.get_position_3d()
    px, py, _pz = proj3d.proj_transform(x, y, z, ax.M)
    saved = text.get_position()
    try:
        text.set_position((px, py))
        return text.get_window_extent(renderer)
    except Exception:
        return None
    finally:
        text.set_position(saved)


# ------------------------------------------------------------------------------ in IPython

_FIGURE_TYPE = ("matplotlib.figure", "Figure")


def _localized_bundle(fig: Any) -> dict:
    """The MIME-bundle printer: localize in place, leave the drawing to the other formatters."""
    try:
        localize_figure(fig)
    except Exception:  # never lose a learner's figure over its labels
        pass
    return {}


def localize_figures(shell: Any = None) -> None:
    """Localize every matplotlib figure the running IPython displays (see the module notes).

    Does nothing outside IPython (there, call `localize_figure` before saving a figure);
    calling it again changes nothing. Returns None, so that it can end a set-up cell without
    an output.
    """
    if shell is None:
        if "IPython" not in sys.modules:
            return
        from IPython import get_ipython

        shell = get_ipython()
    if shell is None:
        return
    formatter = shell.display_formatter.mimebundle_formatter
    printer: Callable[[Any], dict] = _localized_bundle
    if "matplotlib.figure" in sys.modules:
        formatter.for_type(sys.modules["matplotlib.figure"].Figure, printer)
    else:
        formatter.for_type_by_name(*_FIGURE_TYPE, printer)
