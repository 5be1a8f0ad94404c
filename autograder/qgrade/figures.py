"""A figure as plain data: what a grader may read from a matplotlib figure or a text drawing.

`summarize(fig)` reads a matplotlib `Figure` (it never changes or draws it) into a
`FigureSummary`: frozen dataclasses of strings, floats and tuples. Checks grade the summary, so
the same check works on a live figure in the learner's kernel and on a figure that was
summarized somewhere else (sealed grading summarizes inside the sandbox; only the data crosses,
see `FigureSummary.to_data` / `FigureSummary.from_data`).

`drawing_text(drawing)` is the text of a Qiskit `TextDrawing` as a learner sees it in Jupyter
(folded at 80 columns unless the drawing asked for another `fold`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields
from typing import Any

# a summary never holds more than this (summarize cuts, from_data refuses)
MAX_AXES = 64
MAX_ITEMS = 4096  # bars, lines, texts, ticks, arrows per axes
MAX_POINTS = 10_000  # points per line
MAX_TEXT = 1000  # characters per string
MAX_VALUES = 200_000  # numbers and strings in a whole summary
TEXT_DRAWING_WIDTH = 80  # ipykernel's width for a text drawing without `fold`


@dataclass(frozen=True)
class Bar:
    """One bar of a bar chart (a rectangle of a matplotlib `BarContainer`)."""

    x: float  # left edge
    width: float
    bottom: float
    height: float
    label: str  # the legend label of its bar group ("" when it has none)
    color: str  # "#rrggbbaa"

    @property
    def center(self) -> float:
        return self.x + self.width / 2


@dataclass(frozen=True)
class Line:
    """One plotted line (its label and data, first MAX_POINTS points)."""

    label: str
    x: tuple[float, ...]
    y: tuple[float, ...]


@dataclass(frozen=True)
class Text:
    """A text annotation of an axes (`ax.text`), at its data position."""

    text: str
    x: float
    y: float


@dataclass(frozen=True)
class AxesSummary:
    """What one axes shows."""

    title: str
    xlabel: str
    ylabel: str
    three_d: bool
    xlim: tuple[float, float]
    ylim: tuple[float, float]
    xticks: tuple[float, ...]
    xticklabels: tuple[str, ...]
    yticklabels: tuple[str, ...]
    bars: tuple[Bar, ...]
    lines: tuple[Line, ...]
    texts: tuple[Text, ...]
    legend: tuple[str, ...]  # the legend's texts, in order (empty: no legend)
    arrows3d: tuple[tuple[float, float, float, float, float, float], ...]  # 3-D arrows: start, end

    @property
    def x_inverted(self) -> bool:
        return self.xlim[0] > self.xlim[1]


@dataclass(frozen=True)
class FigureSummary:
    """What a figure shows, as data (see the module docstring)."""

    suptitle: str
    texts: tuple[str, ...]  # figure-level texts (fig.text), the suptitle not among them
    legend: tuple[str, ...]  # figure-level legends' texts
    axes: tuple[AxesSummary, ...]
    truncated: bool = False  # summarize cut something at the limits above

    def to_data(self) -> dict:
        """Plain JSON-able data (dicts, lists, str, float, bool); `from_data` reads it back."""
        return _to_data(self)

    @classmethod
    def from_data(cls, data: Any) -> FigureSummary:
        """The summary `to_data` wrote; raises ValueError on anything else (types, sizes)."""
        return _from_data(cls, data, "figure")


# ---------------------------------------------------------------------------------------------
# reading a matplotlib figure


def _text(value: Any) -> str:
    return str(value)[:MAX_TEXT]


def _float(value: Any) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return math.nan


def _floats(values: Any, limit: int) -> tuple[float, ...]:
    import numpy as np

    try:
        array = np.ma.filled(np.ma.asarray(values, dtype=float).ravel(), np.nan)
    except (TypeError, ValueError):
        return ()
    return tuple(float(v) for v in array[:limit])


def _color(value: Any) -> str:
    from matplotlib.colors import to_hex

    try:
        return to_hex(value, keep_alpha=True)
    except (TypeError, ValueError):
        return ""


def summarize(fig: Any) -> FigureSummary:
    """Read `fig` (a matplotlib Figure) into a `FigureSummary`; the figure is left as it was.

    A `FigureSummary` is returned unchanged.
    """
    if isinstance(fig, FigureSummary):
        return fig
    from matplotlib.figure import Figure

    if not isinstance(fig, Figure):
        raise TypeError(f"summarize expects a matplotlib Figure, got {type(fig).__name__}")
    cut = False
    axes_list = list(fig.axes)
    if len(axes_list) > MAX_AXES:
        axes_list, cut = axes_list[:MAX_AXES], True
    axes = []
    budget = [MAX_VALUES - 4 * MAX_ITEMS]  # room for the figure's own texts
    for ax in axes_list:
        summary, cut_here = _summarize_axes(ax, budget)
        axes.append(summary)
        cut = cut or cut_here
    suptitle = fig._suptitle.get_text() if getattr(fig, "_suptitle", None) is not None else ""
    texts = [t.get_text() for t in fig.texts if t is not getattr(fig, "_suptitle", None)]
    legend = [t.get_text() for leg in fig.legends for t in leg.get_texts()]
    cut = cut or len(texts) > MAX_ITEMS or len(legend) > MAX_ITEMS
    return FigureSummary(
        suptitle=_text(suptitle),
        texts=tuple(_text(t) for t in texts[:MAX_ITEMS]),
        legend=tuple(_text(t) for t in legend[:MAX_ITEMS]),
        axes=tuple(axes),
        truncated=cut,
    )


def _summarize_axes(ax: Any, budget: list[int]) -> tuple[AxesSummary, bool]:
    """One axes; `budget[0]` is how many values the summary may still take (lines' points go
    last: a figure of huge lines keeps its bars, labels and texts)."""
    from matplotlib.container import BarContainer

    cut = False
    bars: list[Bar] = []
    for container in ax.containers:
        if not isinstance(container, BarContainer):
            continue
        label = container.get_label()
        label = "" if label is None or str(label).startswith("_") else str(label)
        for rect in container.patches:
            if len(bars) > MAX_ITEMS:
                break
            bars.append(
                Bar(
                    x=_float(rect.get_x()),
                    width=_float(rect.get_width()),
                    bottom=_float(rect.get_y()),
                    height=_float(rect.get_height()),
                    label=_text(label),
                    color=_color(rect.get_facecolor()),
                )
            )
    budget[0] -= 6 * min(len(bars), MAX_ITEMS)
    line_data = []
    for line in ax.lines[:MAX_ITEMS]:
        label = line.get_label()
        label = "" if label is None or str(label).startswith("_") else str(label)
        x, y = line.get_data(orig=True)
        line_data.append((_text(label), x, y))
    texts = [Text(_text(t.get_text()), *_position(t)) for t in ax.texts[: MAX_ITEMS + 1]]
    legend_artist = ax.get_legend()
    legend = [t.get_text() for t in legend_artist.get_texts()] if legend_artist else []
    arrows = []
    for patch in ax.patches:
        segment = getattr(patch, "_segment3d", None)  # mpl_toolkits' Patch3D (qiskit's Arrow3D)
        if segment is None or len(segment) < 2:
            continue
        start, end = segment[0], segment[-1]
        if len(start) == 3 and len(end) == 3:
            arrows.append(tuple(_float(v) for v in (*start, *end)))
    three_d = getattr(ax, "name", "") == "3d"
    xticklabels = [t.get_text() for t in ax.get_xticklabels()]
    yticklabels = [t.get_text() for t in ax.get_yticklabels()]
    xticks = _floats(ax.get_xticks(), MAX_ITEMS)
    lists = (bars, ax.lines, texts, legend, arrows, xticklabels, yticklabels, xticks)
    cut = cut or any(len(items) > MAX_ITEMS for items in lists)
    budget[0] -= 3 * len(texts[:MAX_ITEMS]) + 6 * len(arrows[:MAX_ITEMS]) + 16
    budget[0] -= sum(len(items[:MAX_ITEMS]) for items in (legend, xticklabels, yticklabels, xticks))
    lines: list[Line] = []
    for label, x, y in line_data:
        room = max(0, min(MAX_POINTS, (budget[0] - 1) // 2))
        xs, ys = _floats(x, room + 1), _floats(y, room + 1)
        if len(xs) > room or len(ys) > room:
            cut = True
        xs, ys = xs[:room], ys[:room]
        budget[0] -= 1 + len(xs) + len(ys)
        lines.append(Line(label, xs, ys))
    summary = AxesSummary(
        title=_text(ax.get_title()),
        xlabel=_text(ax.get_xlabel()),
        ylabel=_text(ax.get_ylabel()),
        three_d=bool(three_d),
        xlim=tuple(_floats(ax.get_xlim(), 2)),  # type: ignore[arg-type]
        ylim=tuple(_floats(ax.get_ylim(), 2)),  # type: ignore[arg-type]
        xticks=xticks,
        xticklabels=tuple(_text(t) for t in xticklabels[:MAX_ITEMS]),
        yticklabels=tuple(_text(t) for t in yticklabels[:MAX_ITEMS]),
        bars=tuple(bars[:MAX_ITEMS]),
        lines=tuple(lines[:MAX_ITEMS]),
        texts=tuple(texts[:MAX_ITEMS]),
        legend=tuple(_text(t) for t in legend[:MAX_ITEMS]),
        arrows3d=tuple(arrows[:MAX_ITEMS]),  # type: ignore[arg-type]
    )
    return summary, cut


def _position(text: Any) -> tuple[float, float]:
    try:
        x, y = text.get_position()
    except (TypeError, ValueError):
        return math.nan, math.nan
    return _float(x), _float(y)


def drawing_text(drawing: Any) -> str:
    """The text of a Qiskit `TextDrawing` as Jupyter shows it; a `str` is returned unchanged."""
    if isinstance(drawing, str):
        return drawing
    from qiskit.visualization.circuit.text import TextDrawing

    if type(drawing) is not TextDrawing:
        raise TypeError(f"drawing_text expects a TextDrawing, got {type(drawing).__name__}")
    width = drawing.line_length or TEXT_DRAWING_WIDTH
    return "\n".join(drawing.lines(width))


# ---------------------------------------------------------------------------------------------
# plain data, both ways


def _to_data(value: Any) -> Any:
    if isinstance(value, (FigureSummary, AxesSummary, Bar, Line, Text)):
        return {f.name: _to_data(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, tuple):
        return [_to_data(v) for v in value]
    return value


# the type of each field: a kind below, str, float, bool, ("tuple", item[, most]) or
# ("exactly", item, length)
_SCHEMA: dict[str, dict[str, Any]] = {
    "figure": {
        "suptitle": str,
        "texts": ("tuple", str),
        "legend": ("tuple", str),
        "axes": ("tuple", "axes", MAX_AXES),
        "truncated": bool,
    },
    "axes": {
        "title": str,
        "xlabel": str,
        "ylabel": str,
        "three_d": bool,
        "xlim": ("exactly", float, 2),
        "ylim": ("exactly", float, 2),
        "xticks": ("tuple", float),
        "xticklabels": ("tuple", str),
        "yticklabels": ("tuple", str),
        "bars": ("tuple", "bar"),
        "lines": ("tuple", "line"),
        "texts": ("tuple", "text"),
        "legend": ("tuple", str),
        "arrows3d": ("tuple", ("exactly", float, 6)),
    },
    "bar": {
        "x": float,
        "width": float,
        "bottom": float,
        "height": float,
        "label": str,
        "color": str,
    },
    "line": {"label": str, "x": ("tuple", float, MAX_POINTS), "y": ("tuple", float, MAX_POINTS)},
    "text": {"text": str, "x": float, "y": float},
}
_CLASSES: dict[str, type] = {
    "figure": FigureSummary,
    "axes": AxesSummary,
    "bar": Bar,
    "line": Line,
    "text": Text,
}


def _from_data(cls: type, data: Any, kind: str) -> Any:
    if _count(data, MAX_VALUES + 1) > MAX_VALUES:
        raise ValueError(f"more than {MAX_VALUES} values")
    summary = _read(kind, data, kind)
    if not isinstance(summary, cls):
        raise ValueError(f"expected a {cls.__name__}")
    return summary


def _count(data: Any, limit: int) -> int:
    """How many leaf values `data` holds (counting stops past `limit`); nesting is bounded by
    the JSON it came from."""
    total, stack = 0, [data]
    while stack and total <= limit:
        item = stack.pop()
        if type(item) is dict:
            stack.extend(item.values())
        elif type(item) is list:
            stack.extend(item)
        else:
            total += 1
    return total


def _read(kind: Any, data: Any, where: str) -> Any:
    if kind is str:
        if type(data) is not str or len(data) > MAX_TEXT:
            raise ValueError(f"{where}: expected a string of at most {MAX_TEXT} characters")
        return data
    if kind is float:
        if type(data) not in (int, float):
            raise ValueError(f"{where}: expected a number")
        return float(data)
    if kind is bool:
        if type(data) is not bool:
            raise ValueError(f"{where}: expected true or false")
        return data
    if isinstance(kind, tuple):
        item = kind[1]
        limit = kind[2] if len(kind) == 3 else MAX_ITEMS
        if type(data) is not list or len(data) > limit:
            raise ValueError(f"{where}: expected a list of at most {limit} entries")
        if kind[0] == "exactly" and len(data) != limit:
            raise ValueError(f"{where}: expected exactly {limit} entries")
        return tuple(_read(item, v, f"{where}[{i}]") for i, v in enumerate(data))
    schema = _SCHEMA[kind]
    if type(data) is not dict or set(data) != set(schema):
        raise ValueError(f"{where}: expected exactly the fields {sorted(schema)}")
    values = {name: _read(t, data[name], f"{where}.{name}") for name, t in schema.items()}
    return _CLASSES[kind](**values)
