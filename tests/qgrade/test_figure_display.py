"""Qiskit's figures in a Korean notebook: Korean labels, every glyph drawn, titles clear of the
Bloch spheres' |0> labels (`qgrade.plots`, called by the notebook's set-up cell)."""

from __future__ import annotations

import json
import re
import textwrap

import matplotlib
import nbformat
import numpy as np
import pytest

import qgrade
from qgrade import i18n
from qgrade.plots import localize_figure, localize_figures, qiskit_label

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
from qiskit import QuantumCircuit  # noqa: E402
from qiskit.quantum_info import Operator, Statevector  # noqa: E402
from qiskit.visualization import (  # noqa: E402
    plot_bloch_multivector,
    plot_bloch_vector,
    plot_distribution,
    plot_histogram,
)

# a word of Latin letters outside maths: in a Korean figure, an English label
ENGLISH_WORD = re.compile(r"[A-Za-z]{3,}")
NAMES = {"meas"}  # names a learner's code gives (a register), not labels


def english_words(texts: list[str]) -> list[str]:
    """The English words among figure texts, maths ($...$) and names left out."""
    found = []
    for text in texts:
        outside_maths = re.sub(r"\$[^$]*\$", " ", text)
        found += [w for w in ENGLISH_WORD.findall(outside_maths) if w not in NAMES]
    return found


def figure_texts(fig) -> list[str]:
    from matplotlib.text import Text

    return [t.get_text() for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()]


# the geometry check, written independently of qgrade.plots: where each 3D text is drawn
TITLE_OVERLAPS = textwrap.dedent(
    """
    def title_overlaps(fig):
        from mpl_toolkits.mplot3d import proj3d
        fig.draw_without_rendering()
        renderer = fig._get_renderer()  # also for a figure the inline backend closed
        found = []
        for ax in fig.axes:
            if getattr(ax, "name", "") != "3d" or not ax.get_title():
                continue
            title = ax.title.get_window_extent(renderer)
            for text in ax.texts:
                if not text.get_text().strip():
                    continue
                x, y, z = text.get_position_3d()
                px, py, _ = proj3d.proj_transform(x, y, z, ax.M)
                saved = text.get_position()
                text.set_position((px, py))
                box = text.get_window_extent(renderer)
                text.set_position(saved)
                if box.x1 > title.x0 and title.x1 > box.x0 and box.y1 >= title.y0 - 1:
                    found.append((ax.get_title(), text.get_text()))
        return found
    """
)
_here: dict = {}
exec(TITLE_OVERLAPS, _here)  # the same text runs in the kernel below
title_overlaps = _here["title_overlaps"]


def bloch_vector(state):
    state = Statevector(state)
    return [float(np.real(state.expectation_value(Operator.from_label(p)))) for p in "XYZ"]


def six_spheres():
    """Module 01's row of the six cardinal states (its lesson's own figure)."""
    states = {
        r"$|0\rangle$": [1, 0],
        r"$|1\rangle$": [0, 1],
        r"$|+\rangle$": [1 / np.sqrt(2), 1 / np.sqrt(2)],
        r"$|-\rangle$": [1 / np.sqrt(2), -1 / np.sqrt(2)],
        r"$|i\rangle$": [1 / np.sqrt(2), 1j / np.sqrt(2)],
        r"$|-i\rangle$": [1 / np.sqrt(2), -1j / np.sqrt(2)],
    }
    fig, axes = plt.subplots(1, 6, figsize=(15, 3.2), subplot_kw={"projection": "3d"})
    for ax, (name, amplitudes) in zip(axes, states.items(), strict=True):
        plot_bloch_vector(bloch_vector(amplitudes), title=name, ax=ax, font_size=10)
    return fig


@pytest.fixture
def korean(monkeypatch):
    monkeypatch.setattr(i18n, "_language", "ko")
    with matplotlib.rc_context():
        qgrade.register_fonts()
        yield
    plt.close("all")


def test_qiskit_labels_have_korean_and_stay_english_in_english(monkeypatch):
    monkeypatch.setattr(i18n, "_language", "ko")
    assert qiskit_label("Count") == "집계"
    assert qiskit_label("qubit 12") == "큐비트 12"
    assert qiskit_label("Global Phase: $\\pi/4$") == "전역 위상: $\\pi/4$"
    assert qiskit_label("my own title") is None and qiskit_label("qubits 1") is None
    monkeypatch.setattr(i18n, "_language", "en")
    assert qiskit_label("Count") == "Count" and qiskit_label("qubit 3") == "qubit 3"


def test_histogram_distribution_spheres_and_circuit_speak_korean(korean):
    qc = QuantumCircuit(2)
    qc.global_phase = np.pi / 4
    qc.h(0)
    figures = [
        plot_histogram({"00": 510, "11": 490}),
        plot_histogram([{"0": 10}, {"1": 10}], legend=["Z", "X"]),
        plot_distribution({"0": 0.5, "1": 0.5}),
        plot_bloch_multivector(Statevector.from_label("0+")),
        qc.draw("mpl"),
    ]
    before = [english_words(figure_texts(f)) for f in figures]
    assert all(before), before  # Qiskit's English: the check below can fail
    for fig in figures:
        assert localize_figure(fig) is fig
        assert english_words(figure_texts(fig)) == [], figure_texts(fig)
    assert figures[0].axes[0].get_ylabel() == "집계"
    assert figures[2].axes[0].get_ylabel() == "준확률"
    assert [ax.get_title() for ax in figures[3].axes] == ["큐비트 0", "큐비트 1"]
    circuit = figure_texts(figures[4])
    # the words in the figure's fonts (Hangul), the maths beside them in the maths fonts
    assert "전역 위상:" in circuit and "$\\pi$/4" in circuit, circuit


def test_six_sphere_titles_are_lifted_off_the_zero_labels(korean):
    fig = six_spheres()
    assert title_overlaps(fig)  # Qiskit's own layout: each title sits on its |0>
    localize_figure(fig)
    assert title_overlaps(fig) == []
    localize_figure(fig)  # again: nothing moves further
    assert title_overlaps(fig) == []
    multi = plot_bloch_multivector(Statevector.from_label("0+1"), title="Bloch")
    localize_figure(multi)
    assert title_overlaps(multi) == []


def test_ipython_displays_localized_figures(korean):
    from IPython.core.interactiveshell import InteractiveShell
    from IPython.core.pylabtools import select_figure_formats
    from matplotlib.figure import Figure

    shell = InteractiveShell.instance()
    formatters = shell.display_formatter.formatters
    select_figure_formats(shell, {"png"})  # what the inline backend registers
    try:
        localize_figures(shell)
        localize_figures(shell)  # twice changes nothing
        fig = plot_histogram({"0": 3, "1": 5})
        data, _meta = shell.display_formatter.format(fig)
        assert fig.axes[0].get_ylabel() == "집계"
        assert data["image/png"]  # still drawn, by the usual formatter
    finally:
        shell.display_formatter.mimebundle_formatter.pop(Figure, None)
        formatters["image/png"].pop(Figure, None)


# ------------------------------------------------------------------ a real Korean kernel

HIDE_HANGUL_FONTS = """\
# the machine's own Hangul fonts are hidden: only the course's font may draw Hangul
import logging, warnings
from matplotlib import font_manager
from matplotlib.ft2font import FT2Font

def _draws_hangul(entry):
    try:
        return ord("한") in FT2Font(entry.fname).get_charmap()
    except Exception:
        return False

font_manager.fontManager.ttflist = [
    f for f in font_manager.fontManager.ttflist if not _draws_hangul(f)
]
font_manager.fontManager._findfont_cached.cache_clear()
"""

RECORDER = (
    TITLE_OVERLAPS
    + """
import warnings as _w
_shown = []
_shell = get_ipython()
_format = _shell.display_formatter.format

def _recording_format(obj, *args, **kwargs):
    with _w.catch_warnings(record=True) as caught:
        _w.simplefilter("always")
        data, meta = _format(obj, *args, **kwargs)
    from matplotlib.figure import Figure
    if isinstance(obj, Figure):
        from matplotlib.text import Text
        texts = [t.get_text() for t in obj.findobj(Text) if t.get_visible() and t.get_text().strip()]
        _shown.append({"texts": texts, "png": "image/png" in data,
                       "overlaps": title_overlaps(obj), "warnings": [str(w.message) for w in caught]})
    return data, meta

_shell.display_formatter.format = _recording_format
"""
)

LESSON_CELLS = [
    # returned as the cell's value
    "from qiskit.visualization import plot_bloch_multivector, plot_bloch_vector, "
    "plot_distribution, plot_histogram\nplot_histogram({'00': 510, '11': 490})",
    "plot_histogram([{'0': 10}, {'1': 10}], legend=['Z', 'X'])",
    "plot_distribution({'0': 0.25, '1': 0.75})",
    "plot_bloch_multivector(Statevector.from_label('0+'))",
    "qc = QuantumCircuit(2)\nqc.global_phase = np.pi / 2\nqc.h(0)\nqc.measure_all()\n"
    "qc.draw('mpl')",
    # shown by the inline backend
    "import matplotlib.pyplot as plt\n"
    "def bloch_vector(state):\n"
    "    state = Statevector(state)\n"
    "    return [float(np.real(state.expectation_value(Operator.from_label(p)))) for p in 'XYZ']\n"
    "states = {r'$|0\\rangle$': [1, 0], r'$|1\\rangle$': [0, 1],\n"
    "    r'$|+\\rangle$': [1 / np.sqrt(2), 1 / np.sqrt(2)],\n"
    "    r'$|-\\rangle$': [1 / np.sqrt(2), -1 / np.sqrt(2)],\n"
    "    r'$|i\\rangle$': [1 / np.sqrt(2), 1j / np.sqrt(2)],\n"
    "    r'$|-i\\rangle$': [1 / np.sqrt(2), -1j / np.sqrt(2)]}\n"
    "fig, axes = plt.subplots(1, 6, figsize=(15, 3.2), subplot_kw={'projection': '3d'})\n"
    "for ax, (name, amplitudes) in zip(axes, states.items(), strict=True):\n"
    "    plot_bloch_vector(bloch_vector(amplitudes), title=name, ax=ax, font_size=10)\n"
    "plt.show()",
    "fig, ax = plt.subplots()\nplot_histogram({'0': 7, '1': 9}, ax=ax)\nax.set_title('히스토그램')",
]


def _run_notebook(lang: str, tmp_path) -> tuple[list[dict], list[str]]:
    from nbclient import NotebookClient

    from qcourse.curriculum.render import setup_source

    cells = [HIDE_HANGUL_FONTS, setup_source(lang), RECORDER, *LESSON_CELLS]
    cells.append("import json\nprint('SHOWN ' + json.dumps(_shown, ensure_ascii=False))")
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
    NotebookClient(
        nb,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": str(tmp_path)}},
    ).execute()
    assert nb.cells[1].outputs == []  # the set-up cell shows nothing (no True, no list)
    stderr = [
        "".join(o.get("text", ""))
        for c in nb.cells
        for o in c.outputs
        if o.output_type == "stream" and o.name == "stderr"
    ]
    last = "".join(o.get("text", "") for o in nb.cells[-1].outputs if o.output_type == "stream")
    shown = json.loads(last.split("SHOWN ", 1)[1])
    return shown, stderr


@pytest.mark.slow
def test_korean_kernel_shows_every_lesson_figure_in_korean_with_every_glyph(tmp_path):
    shown, stderr = _run_notebook("ko", tmp_path)
    assert len(shown) == len(LESSON_CELLS), shown  # every figure went through the display
    assert all(f["png"] for f in shown)
    for figure in shown:
        assert english_words(figure["texts"]) == [], figure["texts"]
        assert figure["overlaps"] == [], figure["overlaps"]
        glyphs = [w for w in figure["warnings"] if "Glyph" in w or "missing" in w]
        assert glyphs == [], glyphs
    assert stderr == []  # no "Glyph ... missing" warning, no findfont message
    texts = [t for f in shown for t in f["texts"]]
    for korean in ("집계", "준확률", "큐비트 0", "큐비트 1", "히스토그램"):
        assert korean in texts
    assert "전역 위상:" in texts


@pytest.mark.slow
def test_english_kernel_keeps_qiskits_labels_so_the_korean_check_can_fail(tmp_path):
    shown, stderr = _run_notebook("en", tmp_path)
    assert len(shown) == len(LESSON_CELLS)
    words = {w for f in shown for w in english_words(f["texts"])}
    assert {"Count", "qubit", "Global", "Phase"} <= words
    assert all(f["overlaps"] == [] for f in shown)  # the layout is fixed in every language
    assert stderr == []
