"""The cells the lab adds at the end of each student notebook: a "check your work" cell."""

from __future__ import annotations

import nbformat

from qcourse.i18n import _
from qcourse.selfstudy.merge import SELFSTUDY_KEY, is_lab_cell

CHECK_CODE = "from qcourse.selfstudy import check, hint\n\ncheck()"


def check_title(lang: str) -> str:
    return "### {}\n\n{}".format(
        _("Check your work", lang),
        _(
            "Save the notebook (Ctrl+S), then run the cell below: it grades this notebook with "
            "the course's own tests, hidden tests included, and records your progress. Stuck? "
            '`hint("EXERCISE_ID")` shows the next hint of an exercise (its id is under each '
            "exercise's title in the table).",
            lang,
        ),
    )


def add_lab_cells(nb: nbformat.NotebookNode, lang: str) -> nbformat.NotebookNode:
    """`nb` without any previous lab cells, plus a fresh pair at the end (returned, same object)."""
    nb.cells = [c for c in nb.cells if not is_lab_cell(c)]
    title = nbformat.v4.new_markdown_cell(check_title(lang))
    code = nbformat.v4.new_code_cell(CHECK_CODE)
    for cell, role in ((title, "check_title"), (code, "check")):
        cell.metadata[SELFSTUDY_KEY] = role
        if (nb.nbformat, nb.nbformat_minor) < (4, 5):
            cell.pop("id", None)
        nb.cells.append(cell)
    return nb
