"""Figures as data (`qgrade.figures`) and the checks of plots and drawings."""

from __future__ import annotations

import json

import matplotlib
import numpy as np
import pytest
from qiskit import QuantumCircuit
from qiskit.quantum_info import Statevector

import qgrade
from qgrade import _guard
from qgrade.figures import MAX_AXES, FigureSummary, drawing_text, summarize

matplotlib.use("Agg")

from qiskit.visualization import (  # noqa: E402
    plot_bloch_multivector,
    plot_distribution,
    plot_histogram,
    plot_state_city,
    plot_state_hinton,
)

COUNTS = {"00": 480, "11": 517, "01": 3}


@pytest.fixture(autouse=True)
def _raise_internal_errors(monkeypatch):
    monkeypatch.setattr(_guard, "RAISE_INTERNAL_ERRORS", True)


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    import matplotlib.pyplot as plt

    plt.close("all")


def _state() -> Statevector:
    qc = QuantumCircuit(2)
    qc.h(0)
    qc.s(0)
    qc.x(1)
    return Statevector(qc)  # qubit 0: |+i>, qubit 1: |1>


# -- the summary


def test_a_histogram_is_summarized_as_its_bars_ticks_title_and_legend():
    fig = plot_histogram([COUNTS, {"00": 500, "11": 500}], legend=["run", "ideal"], title="Bell")
    summary = summarize(fig)
    [ax] = summary.axes
    assert ax.title == "Bell" and ax.ylabel == "Count" and not ax.three_d
    assert ax.xticklabels == ("00", "01", "11")
    assert ax.legend == ("run", "ideal")
    assert sorted(b.height for b in ax.bars) == [3, 480, 500, 500, 517]
    assert {b.label for b in ax.bars} >= {"run", "ideal"}


def test_summary_data_round_trips_through_json_exactly():
    for fig in (
        plot_histogram(COUNTS, title="t"),
        plot_bloch_multivector(_state(), title="Bloch"),
        plot_state_city(_state()),
    ):
        summary = summarize(fig)
        data = json.loads(json.dumps(summary.to_data()))
        assert FigureSummary.from_data(data) == summary


def test_summarize_only_reads_the_figure():
    fig = plot_histogram(COUNTS, title="t")
    before = (fig.get_size_inches().tolist(), len(fig.axes), fig.axes[0].get_xlim())
    summarize(fig)
    assert (fig.get_size_inches().tolist(), len(fig.axes), fig.axes[0].get_xlim()) == before
    assert summarize(summarize(fig)) == summarize(fig)  # a summary is returned as it is


@pytest.mark.parametrize(
    "forge",
    [
        lambda d: d.pop("axes"),
        lambda d: d.update(extra=1),
        lambda d: d.update(suptitle=7),
        lambda d: d.update(suptitle="x" * 5000),
        lambda d: d.update(truncated="no"),
        lambda d: d["axes"][0].update(xlim=[0.0]),
        lambda d: d["axes"][0].update(three_d=1),
        lambda d: d["axes"][0]["bars"][0].update(height=True),
        lambda d: d["axes"][0]["bars"][0].update(height="480"),
        lambda d: d["axes"][0].update(bars={"0": 1}),
        lambda d: d.update(axes=[d["axes"][0]] * (MAX_AXES + 1)),
        lambda d: d["axes"][0].update(arrows3d=[[0.0, 1.0]]),
    ],
)
def test_malformed_summary_data_is_refused(forge):
    data = summarize(plot_histogram(COUNTS)).to_data()
    forge(data)
    with pytest.raises(ValueError):
        FigureSummary.from_data(data)


@pytest.mark.parametrize("data", [None, [], "figure", 3, {"$": "figure"}])
def test_data_that_is_not_a_summary_at_all_is_refused(data):
    with pytest.raises(ValueError):
        FigureSummary.from_data(data)


# -- histograms


def test_the_right_histogram_passes_as_figure_and_as_summary():
    fig = plot_histogram(COUNTS, sort="value_desc", title="Bell pair", legend=None)
    for given in (fig, summarize(fig), lambda: fig):
        verdict = qgrade.check_histogram(
            given, COUNTS, values="counts", sort="value_desc", title="Bell pair"
        )
        assert verdict.passed and verdict.diagnosis == "correct", verdict.message


def test_a_distribution_passes_as_probabilities_and_is_named_when_counts_were_asked():
    fig = plot_distribution(COUNTS)
    assert qgrade.check_histogram(fig, COUNTS, values="probabilities").passed
    assert qgrade.check_histogram(fig, COUNTS).passed  # values="auto"
    verdict = qgrade.check_histogram(fig, COUNTS, values="counts")
    assert verdict.diagnosis == "wrong_figure"
    assert "plot_histogram" in verdict.message and "probabilities_not_counts" in str(
        verdict.details["problems"]
    )
    verdict = qgrade.check_histogram(plot_histogram(COUNTS), COUNTS, values="probabilities")
    assert verdict.details["problems"] == ["counts_not_probabilities"]


def test_missing_and_extra_outcomes_and_wrong_heights_are_named():
    verdict = qgrade.check_histogram(plot_histogram({"00": 480, "11": 517}), COUNTS)
    assert verdict.details["problems"] == ["missing_outcomes"] and "01" in verdict.message
    verdict = qgrade.check_histogram(plot_histogram({**COUNTS, "10": 2}), COUNTS)
    assert verdict.details["problems"] == ["extra_outcomes"] and "10" in verdict.message
    verdict = qgrade.check_histogram(plot_histogram({"00": 517, "11": 480, "01": 3}), COUNTS)
    assert verdict.details["problems"] == ["wrong_bars"] and "00" in verdict.message


@pytest.mark.parametrize("sort", ["asc", "desc", "value", "value_desc"])
def test_each_sort_order_is_recognised(sort):
    fig = plot_histogram(COUNTS, sort=sort)
    assert qgrade.check_histogram(fig, COUNTS, sort=sort).passed
    others = [s for s in ("asc", "desc", "value", "value_desc") if s != sort]
    for other in others:
        verdict = qgrade.check_histogram(fig, COUNTS, sort=other)
        assert not verdict.passed and verdict.details["problems"] == ["unsorted"]
        assert f"sort='{other}'" in verdict.message


def test_hamming_sort():
    counts = {"000": 5, "011": 7, "111": 9, "001": 3}
    fig = plot_histogram(counts, sort="hamming", target_string="111")
    assert qgrade.check_histogram(fig, counts, sort="hamming", target_string="111").passed
    verdict = qgrade.check_histogram(
        plot_histogram(counts), counts, sort="hamming", target_string="111"
    )
    assert verdict.details["problems"] == ["unsorted"]


def test_title_and_legend_are_checked_when_asked():
    runs = [COUNTS, {"00": 500, "11": 500}]
    fig = plot_histogram(runs)
    verdict = qgrade.check_histogram(fig, runs, legend=["noisy", "ideal"], title="Runs")
    assert verdict.details["problems"] == ["title", "legend"]
    fig = plot_histogram(runs, legend=["ideal", "noisy"], title="Other")
    verdict = qgrade.check_histogram(fig, runs, legend=["noisy", "ideal"], title="Runs")
    assert "'Other'" in verdict.message and verdict.details["problems"] == ["title", "legend"]
    fig = plot_histogram(runs, legend=["noisy", "ideal"], title="Runs")
    assert qgrade.check_histogram(fig, runs, legend=["noisy", "ideal"], title="Runs").passed


def test_two_runs_in_swapped_order_are_found_per_group():
    runs = [COUNTS, {"00": 500, "11": 500}]
    verdict = qgrade.check_histogram(plot_histogram(runs[::-1]), runs)
    assert verdict.details["problems"] == ["missing_outcomes", "extra_outcomes"]
    assert "bar group 1" in verdict.message and "bar group 2" in verdict.message


def test_a_figure_without_bars_or_no_figure_at_all():
    verdict = qgrade.check_histogram(plot_bloch_multivector(_state()), COUNTS)
    assert verdict.diagnosis == "wrong_figure" and verdict.details["problems"] == ["no_bars"]
    for bad in (None, "a histogram", COUNTS):
        verdict = qgrade.check_histogram(bad, COUNTS)
        assert verdict.diagnosis == "invalid_submission", verdict.message
    verdict = qgrade.check_histogram(lambda: None, COUNTS)
    assert "return" in verdict.message


def test_the_authors_mistakes_raise():
    fig = plot_histogram(COUNTS)
    with pytest.raises(_guard.ExerciseError):
        qgrade.check_histogram(fig, COUNTS, sort="sideways")
    with pytest.raises(_guard.ExerciseError):
        qgrade.check_histogram(fig, {})
    with pytest.raises(_guard.ExerciseError):
        qgrade.check_histogram(fig, COUNTS, sort="hamming")


# -- Bloch spheres and state plots


def test_bloch_spheres_show_each_qubits_vector():
    sv = _state()
    assert qgrade.check_bloch(plot_bloch_multivector(sv, title="Two"), sv, title="Two").passed
    verdict = qgrade.check_bloch(plot_bloch_multivector(sv.reverse_qargs()), sv)
    assert verdict.diagnosis == "qubit_order_reversed"
    other = Statevector.from_label("+1")
    verdict = qgrade.check_bloch(plot_bloch_multivector(other), sv)
    assert verdict.diagnosis == "wrong_figure" and "qubit 0" in verdict.message


def test_bloch_sphere_order_and_count():
    sv = _state()
    fig = plot_bloch_multivector(sv, reverse_bits=True)
    assert qgrade.check_bloch(fig, sv).passed  # either order when not asked
    assert qgrade.check_bloch(fig, sv, reverse_bits=True).passed
    verdict = qgrade.check_bloch(fig, sv, reverse_bits=False)
    assert verdict.details["problems"] == ["sphere_order"]
    verdict = qgrade.check_bloch(plot_bloch_multivector(Statevector.from_label("0")), sv)
    assert verdict.details["problems"] == ["sphere_count"]
    verdict = qgrade.check_bloch(plot_state_city(sv), sv)
    assert verdict.details["problems"] == ["kind"] and "plot_state_city" in verdict.message


def test_an_entangled_qubit_has_a_short_vector():
    qc = QuantumCircuit(2)
    qc.h(0)
    qc.cx(0, 1)
    bell = Statevector(qc)
    assert qgrade.check_bloch(plot_bloch_multivector(bell), bell).passed
    verdict = qgrade.check_bloch(plot_bloch_multivector(Statevector.from_label("00")), bell)
    assert verdict.diagnosis == "wrong_figure"


def test_figure_kinds_and_properties():
    sv = _state()
    city = plot_state_city(sv, title="City")
    verdict = qgrade.check_figure(
        city, kind="city", title="City", xticklabels=["00", "01", "10", "11"]
    )
    assert verdict.passed, verdict.message
    verdict = qgrade.check_figure(plot_state_hinton(sv), kind="city")
    assert "plot_state_hinton" in verdict.message and "plot_state_city" in verdict.message
    verdict = qgrade.check_figure(city, kind="city", title="Town")
    assert verdict.details["problems"] == ["title"]
    verdict = qgrade.check_figure(plot_bloch_multivector(sv), axes_titles=["qubit 1", "qubit 0"])
    assert verdict.details["problems"] == ["axes_titles"]
    with pytest.raises(_guard.ExerciseError):
        qgrade.check_figure(city, kind="pie")


# -- text drawings


def _circuit() -> QuantumCircuit:
    qc = QuantumCircuit(3, 2)
    qc.h(0)
    qc.cx(0, 1)
    qc.barrier()
    qc.measure([0, 1], [0, 1])
    return qc


def test_the_asked_drawing_passes_as_drawing_and_as_text():
    qc = _circuit()
    drawing = qc.draw("text", reverse_bits=True, initial_state=True)
    for given in (drawing, drawing_text(drawing), str(drawing)):
        verdict = qgrade.check_drawing(given, qc, reverse_bits=True, initial_state=True)
        assert verdict.passed, verdict.message


@pytest.mark.parametrize(
    "used, asked, named",
    [
        ({}, {"reverse_bits": True}, "reverse_bits=False"),
        ({"reverse_bits": True}, {}, "reverse_bits=True"),
        ({}, {"idle_wires": False}, "idle_wires=True"),
        ({"initial_state": True}, {"initial_state": False}, "initial_state=True"),
        ({"plot_barriers": False}, {}, "plot_barriers=False"),
        ({"fold": 20}, {"fold": -1}, "fold=20"),
        ({"cregbundle": False}, {}, "cregbundle=False"),
        (
            {},
            {"reverse_bits": True, "initial_state": True},
            "reverse_bits=False",
        ),
    ],
)
def test_the_wrong_option_is_named(used, asked, named):
    qc = _circuit()
    verdict = qgrade.check_drawing(qc.draw("text", **used), qc, **asked)
    assert verdict.diagnosis == "wrong_draw_option", verdict.message
    assert named in verdict.message


def test_a_drawing_of_another_circuit_or_not_a_drawing():
    qc = _circuit()
    other = QuantumCircuit(3, 2)
    other.x(2)
    verdict = qgrade.check_drawing(other.draw("text"), qc)
    assert verdict.diagnosis == "wrong_figure" and verdict.details["problems"] == [
        "different_drawing"
    ]
    verdict = qgrade.check_drawing(qc.draw("mpl"), qc, output="text")
    assert verdict.diagnosis == "wrong_draw_option" and "output='mpl'" in verdict.message
    assert qgrade.check_drawing(None, qc).diagnosis == "invalid_submission"
    with pytest.raises(_guard.ExerciseError):
        qgrade.check_drawing(qc.draw("text"), qc, output="latex")
    with pytest.raises(_guard.ExerciseError):
        qgrade.check_drawing(qc.draw("text"), qc, colour=True)


def test_assert_helpers_raise_with_the_code():
    with pytest.raises(AssertionError, match=r"^\[wrong_draw_option\]"):
        qgrade.assert_drawing(_circuit().draw("text"), _circuit(), reverse_bits=True)
    with pytest.raises(AssertionError, match=r"^\[wrong_figure\]"):
        qgrade.assert_histogram(plot_histogram(COUNTS), COUNTS, title="Counts")
    qgrade.assert_bloch(plot_bloch_multivector(_state()), _state())
    qgrade.assert_figure(plot_state_city(_state()), kind="city")


def test_korean_messages():
    qgrade.set_language("ko")
    try:
        verdict = qgrade.check_histogram(plot_histogram(COUNTS), COUNTS, title="Bell")
        assert "Bell" in verdict.message and "제목" in verdict.message
        verdict = qgrade.check_drawing(_circuit().draw("text"), _circuit(), reverse_bits=True)
        assert "reverse_bits=False" in verdict.message and "회로도" in verdict.message
    finally:
        qgrade.set_language("en")


def test_many_axes_are_cut_and_marked():
    import matplotlib.pyplot as plt

    fig, _axes = plt.subplots(1, MAX_AXES + 2)
    summary = summarize(fig)
    assert len(summary.axes) == MAX_AXES and summary.truncated
    assert np.isfinite(summary.axes[0].xlim).all()


def test_a_figure_of_huge_lines_keeps_its_labels_and_stays_small():
    import matplotlib.pyplot as plt

    from qgrade.figures import MAX_VALUES

    fig, axes = plt.subplots(1, 3)
    for ax in axes:
        ax.set_title("big")
        for _ in range(10):
            ax.plot(np.arange(20_000), np.arange(20_000))
    summary = summarize(fig)
    assert summary.truncated and [ax.title for ax in summary.axes] == ["big"] * 3
    points = sum(len(line.x) + len(line.y) for ax in summary.axes for line in ax.lines)
    assert 0 < points <= MAX_VALUES
    data = summary.to_data()
    assert FigureSummary.from_data(data) == summary
    data["axes"][0]["lines"][0]["x"] = [0.0] * 10_000
    data["axes"][1]["lines"][0]["x"] = [0.0] * 10_000
    data["axes"][2]["lines"] = [data["axes"][0]["lines"][0]] * 30
    with pytest.raises(ValueError):
        FigureSummary.from_data(data)


def test_matplotlib_drawings_are_graded_by_their_labels_and_wires():
    qc = _circuit()
    asked = {"reverse_bits": True, "initial_state": True}
    drawing = qc.draw("mpl", **asked)
    for given in (drawing, summarize(drawing)):
        assert qgrade.check_drawing(given, qc, **asked).passed
    assert qgrade.check_drawing(drawing, qc, output="mpl", **asked).passed
    verdict = qgrade.check_drawing(qc.draw("mpl", reverse_bits=True), qc, **asked)
    assert verdict.diagnosis == "wrong_draw_option" and "initial_state=False" in verdict.message
    verdict = qgrade.check_drawing(qc.draw("mpl", idle_wires=False), qc)
    assert verdict.diagnosis == "wrong_draw_option" and "idle_wires=False" in verdict.message
    verdict = qgrade.check_drawing(qc.draw("mpl", fold=2), qc)
    assert verdict.diagnosis == "wrong_draw_option" and "fold=" in verdict.message
    other = QuantumCircuit(3, 2)
    other.x(2)
    verdict = qgrade.check_drawing(other.draw("mpl"), qc)
    assert verdict.diagnosis == "wrong_figure" and "labels" in verdict.message
    verdict = qgrade.check_drawing(plot_histogram(COUNTS), qc)
    assert verdict.diagnosis == "wrong_figure"
