"""Checks of what a learner draws: histograms, Bloch spheres, state plots, circuit drawings.

Each check takes the learner's figure as a matplotlib `Figure` (in the learner's own kernel) or
as a `qgrade.figures.FigureSummary` (what crosses from a sealed sandbox), and a circuit drawing
as a Qiskit `TextDrawing` or its text. Figures are read with `qgrade.figures.summarize`, never
drawn or changed. Failures say what differs: which bars, which order, which title, which draw
option.
"""

from __future__ import annotations

import itertools
import math
import re
import sys
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import numpy as np

from qgrade._guard import ExerciseError, guarded
from qgrade.diagnose import (
    correct,
    invalid_submission,
    qubit_order_reversed,
    wrong_draw_option,
    wrong_figure,
)
from qgrade.diagnose.wrong_draw_option import option_text
from qgrade.diagnose.wrong_figure import Problem
from qgrade.figures import AxesSummary, FigureSummary, drawing_text, summarize
from qgrade.submission import call_if_callable
from qgrade.verdict import Verdict

TINY = 1e-9
SORTS = ("asc", "desc", "hamming", "value", "value_desc")
VALUES = ("auto", "counts", "probabilities")
KINDS = {  # figure kind -> the Qiskit function that makes it
    "histogram": "plot_histogram",
    "distribution": "plot_distribution",
    "bloch": "plot_bloch_multivector",
    "city": "plot_state_city",
    "hinton": "plot_state_hinton",
    "paulivec": "plot_state_paulivec",
}


# ---------------------------------------------------------------------------------------------
# what the learner handed over


def _ungradable_message(value: Any) -> str | None:
    """The message of a sealed-grading `Ungradable` placeholder (it refuses every use)."""
    if type(value).__name__ != "Ungradable":
        return None
    try:
        bool(value)
    except AssertionError as err:
        return str(err).removeprefix("[invalid_submission] ")
    return None


def as_summary(value: Any) -> FigureSummary:
    """The learner's figure (or zero-argument function returning one) as a `FigureSummary`."""
    value, from_function = call_if_callable(value)
    if isinstance(value, FigureSummary):
        return value
    figure_module = sys.modules.get("matplotlib.figure")
    if figure_module is not None and isinstance(value, figure_module.Figure):
        return summarize(value)
    message = _ungradable_message(value)
    if message is not None:
        raise invalid_submission.ungradable(message)
    raise invalid_submission.not_a_figure(value, from_function)


def _as_drawing(value: Any) -> tuple[str, tuple]:
    """The learner's drawing as ("text" | "mpl", what it shows)."""
    value, from_function = call_if_callable(value)
    if isinstance(value, str):
        return "text", _text_key(value)
    if type(value).__name__ == "TextDrawing":
        return "text", _text_key(drawing_text(value))
    message = _ungradable_message(value)
    if message is not None:
        raise invalid_submission.ungradable(message)
    figure_module = sys.modules.get("matplotlib.figure")
    if isinstance(value, FigureSummary) or (
        figure_module is not None and isinstance(value, figure_module.Figure)
    ):
        return "mpl", _mpl_key(summarize(value))
    raise invalid_submission.not_a_drawing(value, from_function)


def _same_text(a: str, b: str) -> bool:
    return _norm_text(a) == _norm_text(b)


def _norm_text(text: str) -> str:
    return " ".join(str(text).split())


def _figure_problems(
    summary: FigureSummary, title: str | None, legend: Sequence[str] | None
) -> list[Problem]:
    """Problems with the asked title and legend: (problem, message) pairs."""
    problems = []
    if title is not None:
        titles = [summary.suptitle, *(ax.title for ax in summary.axes)]
        shown = [t for t in titles if t.strip()]
        if not any(_same_text(t, title) for t in shown):
            problems.append(wrong_figure.title(title, shown))
    if legend is not None:
        wanted = [str(x) for x in legend]
        found = list(summary.legend)
        for ax in summary.axes:
            found = found or list(ax.legend)
        if not found:
            problems.append(wrong_figure.no_legend(wanted))
        elif [_norm_text(x) for x in found] != [_norm_text(x) for x in wanted]:
            problems.append(wrong_figure.other_legend(found, wanted))
    return problems


def _verdict(problems: list[Problem], passed: Callable[..., Verdict], **details: Any) -> Verdict:
    """`passed(**details)` (a `correct` verdict) without problems, else the `wrong_figure` one."""
    if not problems:
        return passed(**details)
    return wrong_figure.verdict(problems, **details)


# ---------------------------------------------------------------------------------------------
# figure kinds


def figure_kind(summary: FigureSummary) -> str | None:
    """Which Qiskit plot `summary` looks like (a key of KINDS), or None."""
    axes = summary.axes
    if any(ax.three_d and ax.title.endswith("Amplitude (ρ)") for ax in axes):
        return "city"
    if any(ax.three_d and ax.arrows3d for ax in axes):
        return "bloch"
    if any(not ax.three_d and ax.title in ("Re[$\\rho$]", "Im[$\\rho$]") for ax in axes):
        return "hinton"
    for ax in axes:
        if ax.bars and ax.xlabel == "Pauli":
            return "paulivec"
        if ax.bars and ax.ylabel == "Count":
            return "histogram"
        if ax.bars and ax.ylabel == "Quasi-probability":
            return "distribution"
    return None


def _kind_problem(summary: FigureSummary, kind: str) -> Problem | None:
    if kind not in KINDS:
        raise ExerciseError(f"unknown figure kind {kind!r}; expected one of {sorted(KINDS)}")
    actual = figure_kind(summary)
    if actual == kind:
        return None
    return wrong_figure.kind(KINDS[kind], None if actual is None else KINDS[actual])


@guarded
def check_figure(
    figure: Any,
    *,
    kind: str | None = None,
    title: str | None = None,
    legend: Sequence[str] | None = None,
    axes_titles: Sequence[str] | None = None,
    xticklabels: Sequence[str] | None = None,
) -> Verdict:
    """Check a figure's kind and properties.

    figure: a matplotlib Figure, a `FigureSummary`, or a zero-argument function returning one.
    kind: the Qiskit plot it must be: "histogram", "distribution", "bloch", "city", "hinton",
        "paulivec" (recognised from the figure's axes, titles and labels).
    title: the figure's title (its suptitle or an axes title), compared ignoring extra spaces.
    legend: the legend's texts, in order.
    axes_titles: the titles of the figure's axes, in order.
    xticklabels: the tick labels of the x axis (of every axes that has tick labels).
    """
    summary = as_summary(figure)
    problems: list[Problem] = []
    if kind is not None:
        found = _kind_problem(summary, kind)
        if found is not None:
            problems.append(found)
    if axes_titles is not None:
        actual = [ax.title for ax in summary.axes]
        if [_norm_text(t) for t in actual] != [_norm_text(str(t)) for t in axes_titles]:
            problems.append(wrong_figure.axes_titles(actual, axes_titles))
    if xticklabels is not None:
        wanted = [str(t) for t in xticklabels]
        labelled = [ax for ax in summary.axes if any(t.strip() for t in ax.xticklabels)]
        for ax in labelled or summary.axes[:1]:
            if list(ax.xticklabels) != wanted:
                problems.append(wrong_figure.xticklabels(ax.xticklabels, wanted))
                break
    problems += _figure_problems(summary, title, legend)
    return _verdict(problems, correct.figure, kind=kind or "")


# ---------------------------------------------------------------------------------------------
# histograms


def _distributions(expected: Any) -> list[dict[str, float]]:
    items = [expected] if isinstance(expected, Mapping) else expected
    if not isinstance(items, Sequence) or isinstance(items, str) or not items:
        raise ExerciseError("expected must be a dict of counts or probabilities, or a list of them")
    out = []
    for item in items:
        if not isinstance(item, Mapping) or not item:
            raise ExerciseError("each expected distribution must be a non-empty dict")
        values = {str(k): float(v) for k, v in item.items()}
        if any(not math.isfinite(v) or v < 0 for v in values.values()) or sum(values.values()) <= 0:
            raise ExerciseError("expected counts or probabilities must be >= 0, not all zero")
        out.append(values)
    return out


def _bar_axes(summary: FigureSummary) -> AxesSummary | None:
    with_bars = [ax for ax in summary.axes if ax.bars]
    return with_bars[0] if len(with_bars) == 1 else None


def _read_bars(ax: AxesSummary, datasets: int) -> tuple[list[dict[str, float]], list[str]] | str:
    """Heights per data set and tick label, and the tick labels in displayed order.

    Returns a problem name instead when the bars cannot be matched to labelled ticks.
    """
    if len(ax.xticks) != len(ax.xticklabels):
        return "unlabelled"
    pairs = zip(ax.xticks, ax.xticklabels, strict=True)
    ticks = [(pos, label) for pos, label in pairs if label.strip()]
    if not ticks:
        return "unlabelled"
    heights: list[dict[str, float]] = [{} for _ in range(datasets)]
    for bar in ax.bars:
        if not (math.isfinite(bar.center) and math.isfinite(bar.height)):
            return "unreadable"
        pos, label = min(ticks, key=lambda t: abs(t[0] - bar.center))
        if abs(pos - bar.center) > 0.5:
            return "unlabelled"
        index = 0
        if datasets > 1:
            if not bar.width > 0:
                return "unreadable"
            index = round((bar.center - pos) / bar.width + (datasets - 1) / 2)
            if not 0 <= index < datasets:
                return "datasets"
        heights[index][label] = heights[index].get(label, 0.0) + bar.height
    order = [label for _pos, label in sorted(ticks)]
    if ax.x_inverted:
        order.reverse()
    return heights, order


def _hamming(a: str, b: str) -> int:
    if len(a) != len(b):
        return max(len(a), len(b))
    return sum(x != y for x, y in zip(a, b, strict=True))


def _sorted_as(order: list[str], values: dict[str, float], sort: str, target: str | None) -> bool:
    if sort == "asc":
        return order == sorted(order)
    if sort == "desc":
        return order == sorted(order, reverse=True)
    if sort == "hamming":
        if target is None:
            raise ExerciseError("sort='hamming' needs target_string")
        distances = [_hamming(label, target) for label in order]
        return distances == sorted(distances)
    heights = [values.get(label, 0.0) for label in order]
    if sort == "value":
        return all(a <= b + TINY for a, b in itertools.pairwise(heights))
    return all(a + TINY >= b for a, b in itertools.pairwise(heights))


@guarded
def check_histogram(
    figure: Any,
    expected: Any,
    *,
    values: str = "auto",
    sort: str | None = None,
    target_string: str | None = None,
    title: str | None = None,
    legend: Sequence[str] | None = None,
    tolerance: float = 1e-6,
) -> Verdict:
    """Check a bar chart of counts or probabilities (`plot_histogram`, `plot_distribution`).

    figure: a matplotlib Figure, a `FigureSummary`, or a zero-argument function returning one.
    expected: the distribution the bars must show: a dict outcome -> count (or probability),
        or a list of such dicts for a figure comparing several (one bar group per dict).
    values: "counts" (bar heights are the counts: plot_histogram), "probabilities" (heights
        are the normalised values: plot_distribution), or "auto" (either).
    sort: the order the bars must be in: "asc", "desc" (by outcome), "value", "value_desc"
        (by height), "hamming" (by Hamming distance from `target_string`); None: any order.
    title, legend: the title and legend texts the figure must show (None: not checked).
    tolerance: allowed error of a bar's height, relative to the largest expected height.
    """
    if values not in VALUES:
        raise ExerciseError(f"values must be one of {VALUES}, got {values!r}")
    if sort is not None and sort not in SORTS:
        raise ExerciseError(f"sort must be one of {SORTS}, got {sort!r}")
    if sort == "hamming" and target_string is None:
        raise ExerciseError("sort='hamming' needs target_string")
    dists = _distributions(expected)
    summary = as_summary(figure)
    ax = _bar_axes(summary)
    if ax is None:
        return wrong_figure.no_bars()
    read = _read_bars(ax, len(dists))
    if isinstance(read, str):
        return wrong_figure.unreadable_bars(read, len(dists))
    heights, order = read
    problems: list[Problem] = []
    for index, (dist, shown) in enumerate(zip(dists, heights, strict=True)):
        where = wrong_figure.in_group(index + 1, len(dists))
        found = _bar_problems(dist, shown, values, tolerance)
        problems += [(problem, where + message) for problem, message in found]
    if sort is not None and not problems:
        combined: dict[str, float] = {}
        for shown in heights:
            for label, h in shown.items():
                combined[label] = max(combined.get(label, 0.0), h)
        if not _sorted_as(order, combined, sort, target_string):
            used = [s for s in SORTS if s != "hamming" and _sorted_as(order, combined, s, None)]
            problems.append(wrong_figure.unsorted(order, sort, used[0] if used else None))
    problems += _figure_problems(summary, title, legend)
    return _verdict(problems, correct.chart, order=order)


def _bar_problems(
    dist: dict[str, float], shown: dict[str, float], values: str, tolerance: float
) -> list[Problem]:
    present = {label for label, h in shown.items() if abs(h) > TINY}
    missing = sorted(label for label, v in dist.items() if v > 0 and label not in present)
    extra = sorted(label for label in present if label not in dist)
    problems = []
    if missing:
        problems.append(wrong_figure.missing_outcomes(missing))
    if extra:
        problems.append(wrong_figure.extra_outcomes(extra))
    if problems:
        return problems
    total = sum(dist.values())
    scale = max(dist.values())
    counts_ok = all(abs(shown.get(k, 0.0) - v) <= tolerance * scale for k, v in dist.items())
    probs_ok = all(
        abs(shown.get(k, 0.0) - v / total) <= tolerance * scale / total for k, v in dist.items()
    )
    if values == "counts" and counts_ok or values == "probabilities" and probs_ok:
        return []
    if values == "auto" and (counts_ok or probs_ok):
        return []
    if values == "counts" and probs_ok:
        return [wrong_figure.probabilities_not_counts()]
    if values == "probabilities" and counts_ok:
        return [wrong_figure.counts_not_probabilities()]
    shown_total = sum(shown.values())
    as_probs = values == "probabilities" or (values == "auto" and abs(shown_total - 1) < 1e-6)
    for label in sorted(dist):
        want = dist[label] / total if as_probs else dist[label]
        got = shown.get(label, 0.0)
        if abs(got - want) > tolerance * (scale / total if as_probs else scale):
            return [wrong_figure.wrong_bar(label, got, want)]
    return []


# ---------------------------------------------------------------------------------------------
# Bloch spheres


def _bloch_vectors(expected: Any) -> list[np.ndarray]:
    from qiskit import QuantumCircuit
    from qiskit.quantum_info import DensityMatrix, Statevector, partial_trace

    if isinstance(expected, QuantumCircuit):
        expected = Statevector(expected)
    try:
        rho = DensityMatrix(expected)
    except Exception as err:
        raise ExerciseError(f"expected must be a state, got {type(expected).__name__}") from err
    n = rho.num_qubits
    if n is None:
        raise ExerciseError("expected must be a state of qubits")
    paulis = [
        np.array([[0, 1], [1, 0]]),
        np.array([[0, -1j], [1j, 0]]),
        np.array([[1, 0], [0, -1]]),
    ]
    vectors = []
    for q in range(n):
        reduced = partial_trace(rho, [k for k in range(n) if k != q]).data if n > 1 else rho.data
        vectors.append(np.array([float(np.real(np.trace(reduced @ p))) for p in paulis]))
    return vectors


def _vector_shown(ax: AxesSummary) -> np.ndarray:
    if not ax.arrows3d:
        return np.zeros(3)
    *_start, x, y, z = ax.arrows3d[-1]
    # qiskit's Bloch sphere draws the Bloch vector (bx, by, bz) as the arrow (by, -bx, bz)
    return np.array([-y, x, z]) + 0.0


@guarded
def check_bloch(
    figure: Any,
    expected: Any,
    *,
    title: str | None = None,
    reverse_bits: bool | None = None,
    tolerance: float = 1e-3,
) -> Verdict:
    """Check a `plot_bloch_multivector` figure: one sphere per qubit, each qubit's Bloch vector.

    figure: a matplotlib Figure, a `FigureSummary`, or a zero-argument function returning one.
    expected: the state the spheres must show (Statevector, DensityMatrix, circuit, amplitudes).
    title: the figure's title (None: not checked).
    reverse_bits: True: the spheres must run from the last qubit to qubit 0; False: from qubit
        0; None: either.
    tolerance: allowed error of each Bloch-vector component.
    """
    vectors = _bloch_vectors(expected)
    n = len(vectors)
    summary = as_summary(figure)
    spheres = [ax for ax in summary.axes if ax.three_d]
    if not spheres or not any(ax.arrows3d for ax in spheres):
        found = _kind_problem(summary, "bloch")
        return wrong_figure.verdict([("kind", found[1] if found else "")])
    if len(spheres) != n:
        return wrong_figure.sphere_count(len(spheres), n)
    numbers = []
    for ax in spheres:
        match = re.fullmatch(r"\s*qubit\s+(\d+)\s*", ax.title)
        numbers.append(int(match.group(1)) if match else None)
    if sorted(x for x in numbers if x is not None) == list(range(n)):
        qubits = [int(x) for x in numbers]  # type: ignore[arg-type]
    else:
        qubits = list(range(n))[::-1] if reverse_bits else list(range(n))
    problems: list[Problem] = []
    shown = {q: _vector_shown(ax) for q, ax in zip(qubits, spheres, strict=True)}
    wrong = [q for q in range(n) if np.max(np.abs(shown[q] - vectors[q])) > tolerance]
    if wrong:
        reversed_ok = n > 1 and all(
            np.max(np.abs(shown[q] - vectors[n - 1 - q])) <= tolerance for q in range(n)
        )
        if reversed_ok:
            return qubit_order_reversed.for_bloch(n)
        q = wrong[0]
        problems.append(wrong_figure.wrong_vector(q, shown[q], vectors[q]))
    if reverse_bits is not None and n > 1 and qubits != sorted(qubits, reverse=reverse_bits):
        problems.append(wrong_figure.sphere_order(qubits, reverse_bits))
    problems += _figure_problems(summary, title, None)
    return _verdict(problems, correct.bloch)


# ---------------------------------------------------------------------------------------------
# circuit drawings

DRAW_OPTIONS = (
    "reverse_bits",
    "idle_wires",
    "initial_state",
    "fold",
    "cregbundle",
    "plot_barriers",
    "justify",
    "wire_order",
    "vertical_compression",
    "with_layout",
)
# what each option is when an exercise does not ask for it (Qiskit's defaults, made explicit
# so that a user configuration file cannot change the expected drawing)
_DEFAULTS: dict[str, Any] = {
    "reverse_bits": False,
    "initial_state": False,
    "plot_barriers": True,
    "with_layout": True,
}
_ALTERNATIVES: dict[str, tuple[Any, ...]] = {
    "reverse_bits": (False, True),
    "idle_wires": (True, False),
    "initial_state": (False, True),
    "fold": (80, -1, 40, 60, 100, 120),
    "cregbundle": (True, False),
    "plot_barriers": (True, False),
    "justify": ("left", "right", "none"),
    "with_layout": (True, False),
    "vertical_compression": ("medium", "high", "low"),
}


def _text_key(text: str) -> tuple:
    """A text drawing's lines, without trailing spaces and blank first or last lines."""
    lines = [line.rstrip() for line in str(text).splitlines()]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return tuple(lines)


def _mpl_key(summary: FigureSummary) -> tuple:
    """What a matplotlib circuit drawing shows: its labels, each with the height of its wire
    (wires sit one unit apart, whatever the fonts; horizontal positions depend on the fonts)."""
    return tuple(
        sorted((t.text, round(t.y, 2)) for ax in summary.axes for t in ax.texts if t.text.strip())
    )


def _render(circuit: Any, options: dict[str, Any], output: str) -> tuple | None:
    import warnings

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            drawn = circuit.draw(output, **options)
            if output == "text":
                return _text_key(drawing_text(drawn))
            try:
                return _mpl_key(summarize(drawn))
            finally:
                import matplotlib.pyplot as plt

                plt.close(drawn)
    except Exception:
        return None


@guarded
def check_drawing(drawing: Any, circuit: Any, **draw_options: Any) -> Verdict:
    """Check a circuit drawing against Qiskit's own drawing of `circuit` with `draw_options`.

    drawing: what `circuit.draw(...)` returned: a TextDrawing (or its text) or a matplotlib
        Figure (or its `FigureSummary`); or a zero-argument function returning one. A text
        drawing is compared line by line; a matplotlib drawing by its labels and their wires.
    circuit: the circuit that was drawn (or a zero-argument function returning it).
    draw_options: the options of `QuantumCircuit.draw` the exercise asks for: output ("text"
        or "mpl"; when not given, either), reverse_bits, idle_wires, initial_state, fold,
        cregbundle, plot_barriers, justify, wire_order, vertical_compression, with_layout.
        Options not given must be left at their defaults.

    When the drawing differs, the check redraws the circuit with one or two options changed to
    say which option is wrong.
    """
    from qiskit import QuantumCircuit

    unknown = sorted(set(draw_options) - set(DRAW_OPTIONS) - {"output"})
    if unknown:
        raise ExerciseError(f"unknown draw options {unknown}; expected some of {DRAW_OPTIONS}")
    wanted_output = draw_options.pop("output", None)
    if wanted_output not in (None, "text", "mpl"):
        raise ExerciseError(f"output must be 'text' or 'mpl', got {wanted_output!r}")
    output, shown = _as_drawing(drawing)
    circ, _called = call_if_callable(circuit)
    if not isinstance(circ, QuantumCircuit):
        raise invalid_submission.not_a_circuit(circ, _called)
    asked = {**_DEFAULTS, **draw_options}
    options_text = wrong_figure.shown([option_text(k, v) for k, v in sorted(draw_options.items())])
    if wanted_output is not None and output != wanted_output:
        return wrong_draw_option.drawn_with([("output", output)], {"output": wanted_output})
    expected = _render(circ, asked, output)
    if expected is None:
        raise ExerciseError(f"Qiskit cannot draw this circuit with {draw_options}")
    if shown == expected:
        return correct.drawing(options=options_text)
    changed = _explain(shown, circ, asked, output)
    if changed:
        return wrong_draw_option.drawn_with(changed, draw_options)
    return wrong_figure.different_drawing(
        options_text if draw_options else None, output, _first_difference(shown, expected)
    )


def _first_difference(a: tuple, b: tuple) -> int:
    for i, (x, y) in enumerate(itertools.zip_longest(a, b), start=1):
        if x != y:
            return i
    return 1


_MPL_FOLDS = (-1, *range(1, 41))
_BOOLEAN_OPTIONS = ("reverse_bits", "idle_wires", "initial_state", "cregbundle", "plot_barriers")


def _explain(shown: tuple, circ: Any, asked: dict[str, Any], output: str) -> list[tuple[str, Any]]:
    """The fewest (one or two) options whose change makes Qiskit draw what was shown."""
    singles: list[tuple[str, Any]] = []
    for name, values in _ALTERNATIVES.items():
        if output == "mpl" and name == "fold":
            values = _MPL_FOLDS
        current = asked.get(name)
        for value in values:
            if value != current:
                singles.append((name, value))
    folds = []
    if output == "text" and any("»" in line for line in shown):  # folded: at which width?
        folds = [("fold", w) for w in range(20, 161) if w not in _ALTERNATIVES["fold"]]
        folds = [(name, w) for name, w in folds if w != asked.get("fold")]
    for name, value in singles + folds:
        if shown == _render(circ, {**asked, name: value}, output):
            return [(name, value)]
    # pairs: every pair for text (milliseconds each); the yes/no options for matplotlib
    pairs = singles if output == "text" else [o for o in singles if o[0] in _BOOLEAN_OPTIONS]
    for (n1, v1), (n2, v2) in itertools.combinations(pairs, 2):
        if n1 == n2:
            continue
        if shown == _render(circ, {**asked, n1: v1, n2: v2}, output):
            return [(n1, v1), (n2, v2)]
    return []
