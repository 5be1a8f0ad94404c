"""Read `lesson.py` (jupytext percent format) into lesson cells, collecting every problem."""

from __future__ import annotations

import re
from pathlib import Path

from qcourse.curriculum.errors import Problem
from qcourse.curriculum.model import LANGUAGES, LessonCell

_MARKER = re.compile(r"^#\s*%%")
# metadata jupytext adds by itself to keep the text round-trip exact: not the author's options
_JUPYTEXT_KEYS = {"lines_to_next_cell", "lines_to_end_of_cell_marker", "cell_marker"}
_EXPECTED = 'expected `# %% [markdown] lang="en"` (or "ko"), `# %%` or `# %% exercise="ID"`'


def read_lesson(path: Path) -> tuple[list[LessonCell], list[Problem]]:
    """The cells of a lesson source and the problems found in it."""
    import jupytext

    problems: list[Problem] = []
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return [], [Problem(path, "", f"cannot read the lesson source ({exc})")]
    try:
        nb = jupytext.reads(text, fmt="py:percent")
    except Exception as exc:  # jupytext raises many kinds on malformed input
        return [], [Problem(path, "", f"not a jupytext percent-format source ({exc})")]

    marker_lines = [i for i, line in enumerate(text.splitlines(), 1) if _MARKER.match(line)]
    raw_cells = list(nb.cells)
    if len(raw_cells) == len(marker_lines) + 1:
        # jupytext turns text before the first marker into a cell of its own
        head = raw_cells.pop(0)
        if head.source.strip():
            problems.append(
                Problem(path, "line 1", f"text before the first `# %%` marker; {_EXPECTED}")
            )
    lines: list[int | None] = (
        list(marker_lines) if len(marker_lines) == len(raw_cells) else [None] * len(raw_cells)
    )

    cells: list[LessonCell] = []
    for number, (raw, line) in enumerate(zip(raw_cells, lines, strict=True), 1):
        cell, found = _convert(path, raw, number, line)
        problems.extend(found)
        if cell is not None:
            cells.append(cell)
    if not cells and not problems:
        problems.append(Problem(path, "", f"the lesson has no cells; {_EXPECTED}"))
    return cells, problems


def _convert(
    path: Path, raw, number: int, line: int | None
) -> tuple[LessonCell | None, list[Problem]]:
    where = LessonCell("code", "", number, line).where
    problems: list[Problem] = []
    meta = {k: v for k, v in raw.metadata.items() if k not in _JUPYTEXT_KEYS}
    if "incorrectly_encoded_metadata" in meta:
        bad = meta.pop("incorrectly_encoded_metadata")
        problems.append(
            Problem(path, where, f'cannot read the cell options {bad!r}; write them as key="value"')
        )
    if "title" in meta:
        title = meta.pop("title")
        problems.append(
            Problem(path, where, f"unexpected text {title!r} after `# %%`; {_EXPECTED}")
        )
    lang = meta.pop("lang", None)
    exercise = meta.pop("exercise", None)
    for key in meta:
        problems.append(
            Problem(path, where, f"unknown cell option {key!r}; only lang=... and exercise=...")
        )
    source = _strip_blank_lines(raw.source)

    if raw.cell_type == "markdown":
        if exercise is not None:
            problems.append(
                Problem(
                    path,
                    where,
                    "a markdown cell cannot be an exercise placeholder; "
                    'write the placeholder as `# %% exercise="ID"`',
                )
            )
        if lang not in LANGUAGES:
            got = "no language" if lang is None else f"lang={lang!r}"
            problems.append(
                Problem(path, where, f'prose cell has {got}; expected lang="en" or lang="ko"')
            )
        if not source.strip():
            problems.append(Problem(path, where, "empty prose cell"))
        return LessonCell("markdown", source, number, line, lang=lang), problems

    if raw.cell_type != "code":
        problems.append(
            Problem(path, where, f"{raw.cell_type} cells are not supported; {_EXPECTED}")
        )
        return None, problems
    if lang is not None:
        problems.append(
            Problem(
                path,
                where,
                f"code cells carry no language (got lang={lang!r}); "
                "code exists once for both languages, prose goes into markdown cells",
            )
        )
    if exercise is not None:
        if not isinstance(exercise, str) or not exercise:
            problems.append(Problem(path, where, f'exercise={exercise!r}: expected exercise="ID"'))
            return None, problems
        if source.strip():
            problems.append(
                Problem(
                    path,
                    where,
                    f"the placeholder for exercise {exercise!r} must be empty; "
                    "its task, solution and tests come from exercises.toml",
                )
            )
        return LessonCell("exercise", "", number, line, exercise=exercise), problems
    if not source.strip():
        problems.append(Problem(path, where, "empty code cell"))
    return LessonCell("code", source, number, line), problems


def _strip_blank_lines(source: str) -> str:
    lines = source.split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    return "\n".join(lines)
