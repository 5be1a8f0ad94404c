"""Render one module in one language as an nbgrader instructor notebook."""

from __future__ import annotations

from typing import TYPE_CHECKING

from qcourse import __version__
from qcourse.curriculum.comments import localize_code
from qcourse.curriculum.model import LANGUAGES, Exercise, Module
from qcourse.errors import UserError
from qcourse.i18n import _

if TYPE_CHECKING:
    from nbformat import NotebookNode

SCHEMA_VERSION = 3  # nbgrader cell metadata schema (nbgrader 0.9)
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}

SETUP = """\
import numpy as np
from qiskit import QuantumCircuit
from qiskit.quantum_info import Operator, Statevector
import qgrade

qgrade.set_language("{lang}")
qgrade.register_fonts()  # {fonts}
qgrade.localize_figures()  # {figures}
qgrade.explain_name_errors()  # {names}"""


def setup_source(lang: str) -> str:
    """The notebook's set-up cell in `lang` (its comments too)."""
    return SETUP.format(
        lang=lang,
        fonts=_("Hangul in every figure", lang),
        figures=_("Qiskit's plot labels in this notebook's language", lang),
        names=_("a cell run too early says which cell to run first", lang),
    )


# learner-facing words the build itself writes (everything else comes from the sources), from
# the qcourse catalogue (src/qcourse/locale)
def _words(lang: str) -> dict[str, str]:
    return {
        "points": _("Points: {points}.", lang),
        "ignore": _(
            "Global phase is ignored: a state or gate that differs only by an overall factor "
            "$e^{i\\varphi}$ counts as correct.",
            lang,
        ),
        "strict": _(
            "Global phase counts: the result must match exactly, including its overall phase "
            "(the gate may be used as a controlled gate later).",
            lang,
        ),
        "hint": _("Hint", lang),
    }


def render_notebook(module: Module, lang: str) -> NotebookNode:
    """The instructor notebook of `module` in `lang`: set-up, lesson, expanded exercises."""
    import nbformat

    if lang not in LANGUAGES:
        raise UserError(f"unknown language {lang!r}; expected one of: {', '.join(LANGUAGES)}")
    exercises = {ex.id: ex for ex in module.exercises}
    comments = module.comments.get(lang, {})
    strings = module.strings.get(lang, {})
    cells = [_cell("code", setup_source(lang), "setup")]
    prose = code = 0
    for cell in module.cells:
        if cell.kind == "markdown":
            if cell.lang == lang:
                prose += 1
                cells.append(_cell("markdown", cell.source, f"prose_{prose}"))
        elif cell.kind == "code":
            code += 1
            cells.append(
                _cell("code", localize_code(cell.source, comments, strings), f"code_{code}")
            )
        else:
            cells.extend(exercise_cells(exercises[cell.exercise], lang, comments))
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata["kernelspec"] = dict(KERNELSPEC)
    nb.metadata["language_info"] = {"name": "python"}
    nb.metadata["qcourse"] = {"module": module.id, "lang": lang, "version": __version__}
    return nb


def exercise_cells(
    ex: Exercise, lang: str, comments: dict[str, str] | None = None
) -> list[NotebookNode]:
    """Task, solution, test and (when there are hints) hints cells of one exercise.

    `comments` translates the English comments of its code into `lang` (see comments.py); its
    string literals stay as they are, since tests compare answers with them.
    """
    words = _words(lang)
    comments = comments or {}
    rules = [words["points"].format(points=_points(ex.points))]
    if ex.global_phase:
        rules.append(words[ex.global_phase])
    task = f"### {ex.title[lang]}\n\n{ex.task[lang]}\n\n*{' '.join(rules)}*"
    test = localize_code(ex.test, comments)
    if ex.hidden_test:
        test += f"\n### BEGIN HIDDEN TESTS\n{ex.hidden_test}\n### END HIDDEN TESTS"
    cells = [
        _cell("markdown", task, f"task_{ex.id}"),
        _cell(
            "code",
            localize_code(ex.solution, comments),
            f"solution_{ex.id}",
            solution=True,
            locked=False,
        ),
        _cell("code", test, f"test_{ex.id}", grade=True, points=ex.points),
    ]
    if ex.hints:
        details = [
            f"<details><summary>{words['hint']} {n}</summary>\n\n{hint[lang]}\n\n</details>"
            for n, hint in enumerate(ex.hints, 1)
        ]
        cells.append(_cell("markdown", "\n\n".join(details), f"hints_{ex.id}"))
    return cells


def _points(points: float) -> str:
    return str(int(points)) if float(points).is_integer() else str(points)


def _cell(
    kind: str,
    source: str,
    grade_id: str,
    *,
    solution: bool = False,
    grade: bool = False,
    locked: bool = True,
    points: float | None = None,
) -> NotebookNode:
    import nbformat

    make = nbformat.v4.new_code_cell if kind == "code" else nbformat.v4.new_markdown_cell
    meta = {
        "grade": grade,
        "grade_id": grade_id,
        "locked": locked,
        "schema_version": SCHEMA_VERSION,
        "solution": solution,
    }
    if points is not None:
        meta["points"] = points
    # the cell id equals the grade id so that builds are byte-for-byte reproducible
    return make(source=source, id=grade_id, metadata={"nbgrader": meta})
