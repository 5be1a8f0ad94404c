"""`wrong_figure`: a plot or drawing does not show what was asked (its data, kind, order, title,
legend).

A figure check collects its problems as (problem, message) pairs, made here, and `verdict`
joins them into one failing verdict whose details name the problems. Also the words those
messages share: a list shown short (`shown`), a number (`number`), a Bloch vector (`vector`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from qgrade._guard import fail
from qgrade.diagnoses import WRONG_FIGURE
from qgrade.i18n import _
from qgrade.verdict import Verdict

CODE = WRONG_FIGURE

Problem = tuple[str, str]  # (problem name for the details, message)


def shown(values: Sequence[Any], limit: int = 8) -> str:
    """`values` as a short comma-separated list (at most `limit` of them)."""
    items = [str(v) for v in values]
    if len(items) > limit:
        items = [*items[:limit], "…"]
    return ", ".join(items) if items else "—"


def number(x: float) -> str:
    return f"{x:.6g}"


def vector(v: np.ndarray) -> str:
    return "(" + ", ".join(f"{x:.3f}".replace("-0.000", "0.000") for x in v) + ")"


def verdict(problems: list[Problem], **details: Any) -> Verdict:
    """The failing verdict of a figure with these problems (at least one)."""
    return fail(
        CODE,
        " ".join(message for _problem, message in problems),
        problems=[problem for problem, _message in problems],
        **details,
    )


# ---------------------------------------------------------------------------------------------
# any figure


def title(asked: str, titles: list[str]) -> Problem:
    """The figure's titles (`titles`: the non-blank ones) do not include the asked one."""
    if not titles:
        message = _("Your figure has no title; the exercise asks for the title '{title}'.")
    else:
        message = _("Your figure's title is '{actual}'; the exercise asks for '{title}'.")
    return ("title", message.format(title=asked, actual=titles[0] if titles else ""))


def no_legend(legend: list[str]) -> Problem:
    return (
        "legend",
        _("Your figure has no legend; the exercise asks for the legend {legend}.").format(
            legend=shown(legend)
        ),
    )


def other_legend(actual: list[str], legend: list[str]) -> Problem:
    return (
        "legend",
        _("Your legend reads {actual}; the exercise asks for {legend}.").format(
            actual=shown(actual), legend=shown(legend)
        ),
    )


def kind(function: str, actual_function: str | None) -> Problem:
    """Not a `function` plot: another Qiskit plot (`actual_function`) or none recognised."""
    if actual_function is None:
        message = _(
            "Your figure is not a {function} plot; the exercise asks for one (use {function})."
        ).format(function=function)
    else:
        message = _(
            "Your figure looks like a {actual_function} plot; the exercise asks for a "
            "{function} plot."
        ).format(actual_function=actual_function, function=function)
    return ("kind", message)


def axes_titles(actual: Sequence[str], expected: Sequence[Any]) -> Problem:
    return (
        "axes_titles",
        _("Your figure's panels are titled {actual}; expected {expected}.").format(
            actual=shown(actual), expected=shown(list(expected))
        ),
    )


def xticklabels(actual: Sequence[str], expected: Sequence[str]) -> Problem:
    return (
        "xticklabels",
        _("Your x axis is labelled {actual}; expected {expected}.").format(
            actual=shown(actual), expected=shown(expected)
        ),
    )


# ---------------------------------------------------------------------------------------------
# histograms


def no_bars() -> Verdict:
    return fail(
        CODE,
        _(
            "Your figure has no bar chart (or more than one): plot the distribution with "
            "plot_histogram or plot_distribution."
        ),
        problems=["no_bars"],
    )


def unreadable_bars(problem: str, datasets: int) -> Verdict:
    """Bars that cannot be matched to labelled ticks (`problem` names why)."""
    return fail(
        CODE,
        _(
            "The bars of your figure cannot be matched to labelled outcomes on the x axis "
            "(expected {datasets} group(s) of bars, one per distribution)."
        ).format(datasets=datasets),
        problems=[problem],
    )


def in_group(number: int, datasets: int) -> str:
    """The prefix of a problem with bar group `number` (1-based): none when there is one."""
    return "" if datasets == 1 else _("In bar group {number}: ").format(number=number)


def unsorted(order: list[str], sort: str, used: str | None) -> Problem:
    """Bars in `order`, not sorted as `sort`; `used`: the order they do follow, if any."""
    return (
        "unsorted",
        _(
            "Your bars are in the order {order}, which is not sort='{sort}'"
            "{actual}. Pass sort='{sort}' to the plotting function."
        ).format(
            order=shown(order),
            sort=sort,
            actual=(_(" (it is sort='{used}')").format(used=used) if used is not None else ""),
        ),
    )


def missing_outcomes(outcomes: list[str]) -> Problem:
    return (
        "missing_outcomes",
        _("Your chart has no bar for {outcomes}.").format(outcomes=shown(outcomes)),
    )


def extra_outcomes(outcomes: list[str]) -> Problem:
    return (
        "extra_outcomes",
        _("Your chart has bars for {outcomes}, which are not in the data.").format(
            outcomes=shown(outcomes)
        ),
    )


def probabilities_not_counts() -> Problem:
    return (
        "probabilities_not_counts",
        _(
            "Your bars show probabilities (plot_distribution); the exercise asks for "
            "the counts themselves (plot_histogram)."
        ),
    )


def counts_not_probabilities() -> Problem:
    return (
        "counts_not_probabilities",
        _(
            "Your bars show counts (plot_histogram); the exercise asks for "
            "probabilities (plot_distribution)."
        ),
    )


def wrong_bar(outcome: str, actual: float, expected: float) -> Problem:
    return (
        "wrong_bars",
        _("The bar of {outcome} has height {actual}; it should be {expected}.").format(
            outcome=outcome, actual=number(actual), expected=number(expected)
        ),
    )


# ---------------------------------------------------------------------------------------------
# Bloch spheres


def sphere_count(actual: int, expected: int) -> Verdict:
    return fail(
        CODE,
        _("Your figure has {actual} Bloch sphere(s); the state has {expected} qubit(s).").format(
            actual=actual, expected=expected
        ),
        problems=["sphere_count"],
    )


def wrong_vector(qubit: int, actual: np.ndarray, expected: np.ndarray) -> Problem:
    return (
        "wrong_vector",
        _(
            "The sphere of qubit {qubit} shows the Bloch vector {actual}; the state "
            "has {expected} there."
        ).format(qubit=qubit, actual=vector(actual), expected=vector(expected)),
    )


def sphere_order(qubits: list[int], reverse_bits: bool) -> Problem:
    asked = "True" if reverse_bits else "False"
    return (
        "sphere_order",
        _(
            "Your spheres run in the order qubit {order}; the exercise asks for "
            "reverse_bits={asked}."
        ).format(order=shown(qubits), asked=asked),
    )


# ---------------------------------------------------------------------------------------------
# circuit drawings


def different_drawing(options: str | None, output: str, line: int) -> Verdict:
    """A drawing no option change explains. `options`: the asked options as text (None: the
    defaults); `line`: the first line that differs (text drawings)."""
    options_text = options if options is not None else _("the default options")
    if output == "mpl":
        message = _(
            "Your drawing is not this circuit drawn with {options}: its labels or wires differ."
        ).format(options=options_text)
    else:
        message = _(
            "Your drawing is not this circuit drawn with {options}. The first line that "
            "differs is line {line}."
        ).format(options=options_text, line=line)
    return fail(CODE, message, problems=["different_drawing"])
