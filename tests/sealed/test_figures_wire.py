"""Figures and text drawings cross the sealed channel as data (`qgrade.figures`)."""

from __future__ import annotations

import json
import subprocess
import sys

import matplotlib
import nbformat
import pytest
from qiskit import QuantumCircuit

from qcourse.sealed import wire
from qcourse.sealed.sandbox import sandbox_problem
from qcourse.sealed.trusted import SealedRun
from qgrade.figures import MAX_TEXT, FigureSummary, drawing_text, summarize

matplotlib.use("Agg")

from qiskit.visualization import plot_bloch_multivector, plot_histogram  # noqa: E402

needs_sandbox = pytest.mark.skipif(
    sandbox_problem() is not None, reason=f"no sandbox: {sandbox_problem()}"
)
COUNTS = {"00": 480, "11": 517, "01": 3}


def _bell() -> QuantumCircuit:
    qc = QuantumCircuit(2, 2)
    qc.h(0)
    qc.cx(0, 1)
    qc.measure([0, 1], [0, 1])
    return qc


# -- the codec (no sandbox needed)


def test_a_figure_crosses_as_its_summary_and_a_drawing_as_its_text():
    codec = wire.Codec()
    fig = plot_histogram(COUNTS, title="Bell", sort="value_desc")
    sent = json.loads(json.dumps(codec.encode(fig)))  # what really travels: JSON
    assert sent["$"] == "figure"
    back = codec.decode(sent)
    assert type(back) is FigureSummary and back == summarize(fig)
    assert codec.decode(codec.encode(back)) == back  # and back again (test -> sandbox)
    drawing = _bell().draw("text", reverse_bits=True)
    text = codec.decode(json.loads(json.dumps(codec.encode(drawing))))
    assert type(text) is str and text == drawing_text(drawing)
    assert codec.decode(codec.encode([fig, drawing]))[1] == text  # inside containers too


def test_only_the_exact_types_cross():
    from matplotlib.figure import Figure

    class Sly(Figure):
        pass

    codec = wire.Codec()
    sly = Sly()
    sly.add_subplot().set_title("forged")
    assert isinstance(codec.decode(codec.encode(sly)), wire.Ungradable)
    import matplotlib.pyplot as plt

    _fig, ax = plt.subplots()
    assert isinstance(codec.decode(codec.encode(ax)), wire.Ungradable)  # an Axes is not data
    plt.close("all")


def _forged(change) -> dict:
    data = summarize(plot_histogram(COUNTS)).to_data()
    change(data)
    return {"$": "figure", "summary": data}


@pytest.mark.parametrize(
    "message",
    [
        {"$": "figure"},
        {"$": "figure", "summary": None},
        {"$": "figure", "summary": [1, 2]},
        {"$": "figure", "summary": {"$": "dict", "items": []}},
        _forged(lambda d: d.update(axes="many")),
        _forged(lambda d: d.update(suptitle="x" * (MAX_TEXT + 1))),
        _forged(lambda d: d.update(evil={"$": "callable", "id": 1})),
        _forged(lambda d: d["axes"][0]["bars"][0].update(height={"$": "complex", "re": 1})),
        _forged(lambda d: d["axes"][0]["bars"][0].update(height=True)),
        _forged(lambda d: d["axes"][0].update(xlim=[0, 1, 2])),
        _forged(lambda d: d["axes"][0].update(bars=[d["axes"][0]["bars"][0]] * 5000)),
    ],
)
def test_a_forged_or_malformed_summary_is_ungradable(message):
    import qgrade

    codec = wire.Codec()
    back = codec.decode(json.loads(json.dumps(message)))
    assert isinstance(back, wire.Ungradable)
    verdict = qgrade.check_histogram(back, COUNTS)
    assert verdict.diagnosis == "invalid_submission" and "cannot be graded" in verdict.message


def test_decoding_a_figure_builds_nothing_of_matplotlib():
    fig = plot_bloch_multivector([1, 0], title="zero")
    message = json.dumps(wire.Codec().encode(fig))
    script = (
        "import json, sys\n"
        "from qcourse.sealed import wire\n"
        f"back = wire.Codec().decode(json.loads({message!r}))\n"
        "print(type(back).__name__, back.suptitle, 'matplotlib' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout.split()
    assert out == ["FigureSummary", "zero", "False"]


# -- through the sandbox


def _run(sandbox, cells, roles):
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
    report = SealedRun(sandbox, {}, roles, cell_timeout=120).run(nb)
    assert report.problem == "", report.problem
    return nb


def _errors(cell) -> list[str]:
    return [o.evalue for o in cell.outputs if o.output_type == "error"]


SETUP = (
    "import numpy as np\nimport qgrade\nfrom qiskit import QuantumCircuit\nqgrade.register_fonts()"
)
ANSWERS = """
from qiskit.visualization import plot_histogram
def right(counts):
    return plot_histogram(counts, sort="value_desc", title="Bell")
def unsorted(counts):
    return plot_histogram(counts, title="Bell")
def drawn(qc):
    return qc.draw("text", reverse_bits=True, initial_state=True)
def drawn_plain(qc):
    return qc.draw("text")
def drawn_mpl(qc):
    return qc.draw("mpl", reverse_bits=True, initial_state=True)
def forged(counts):
    class Summary:  # a look-alike of qgrade's own class
        suptitle = "Bell"
    return Summary()
"""


@needs_sandbox
def test_figures_and_drawings_made_in_the_sandbox_are_graded_outside(sandbox):
    tests = [
        "qgrade.assert_histogram(right(_counts), _counts, sort='value_desc', title='Bell')",
        "qgrade.assert_histogram(unsorted(_counts), _counts, sort='value_desc', title='Bell')",
        "qgrade.assert_drawing(drawn(_qc), _qc, reverse_bits=True, initial_state=True)",
        "qgrade.assert_drawing(drawn_plain(_qc), _qc, reverse_bits=True, initial_state=True)",
        "qgrade.assert_histogram(forged(_counts), _counts)",
        "qgrade.assert_drawing(drawn_mpl(_qc), _qc, reverse_bits=True, initial_state=True)",
        "qgrade.assert_drawing(drawn_mpl(_qc), _qc, output='text', reverse_bits=True)",
    ]
    data = (
        f"_counts = {COUNTS!r}\n_qc = QuantumCircuit(2, 2)\n_qc.h(0)\n_qc.cx(0, 1)\n"
        "_qc.measure([0, 1], [0, 1])"
    )
    cells = [SETUP, ANSWERS, data, *tests]
    roles = {0: "instructor", 2: "instructor", **{3 + i: "test" for i in range(len(tests))}}
    nb = _run(sandbox, cells, roles)
    results = [_errors(nb.cells[3 + i]) for i in range(len(tests))]
    assert results[0] == [], results[0]
    assert len(results[1]) == 1 and results[1][0].startswith("[wrong_figure]")
    assert "sort='value_desc'" in results[1][0]
    assert results[2] == [], results[2]
    assert len(results[3]) == 1 and results[3][0].startswith("[wrong_draw_option]")
    assert len(results[4]) == 1 and results[4][0].startswith("[invalid_submission]")
    assert results[5] == [], results[5]  # a matplotlib drawing, read in the sandbox
    assert len(results[6]) == 1 and "output='mpl'" in results[6][0]


def test_a_figure_sent_is_closed_so_many_calls_do_not_pile_up():
    import warnings

    import matplotlib.pyplot as plt

    plt.close("all")
    codec = wire.Codec()
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # matplotlib warns past 20 open figures
        for _ in range(25):
            assert codec.decode(codec.encode(plot_histogram(COUNTS))).axes
    assert plt.get_fignums() == []
