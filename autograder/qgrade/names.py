"""A cell run too early says which cell to run first.

After a kernel restart, running an exercise's test cell before its answer cell ends in
`NameError: name 'plus_state' is not defined`, and before the set-up cell in
`name 'qgrade' is not defined`. `explain_name_errors()` (the notebook's set-up cell calls it; the
`qgrade.ipython` extension, which `qcourse lab` loads into every kernel, calls it at start-up)
makes IPython show such an error as two short lines: the error itself, and which cell defines
the name, in the learner's language:

- a name of the set-up cell (`qgrade`, `np`, `QuantumCircuit`, ...): the set-up cell at the top;
- a name an exercise's answer cell defines: that exercise's answer cell, by its title;
- any other name: the cell that defines it, above this one.

The notebook is found through `JPY_SESSION_NAME` (Jupyter Server gives it to each kernel) and
read as saved; without it the message names the cell by what it defines. The error itself is
unchanged (its name and text), so graders that read it see what they always saw.
"""

from __future__ import annotations

import ast
import json
import os
import re
import sys
from pathlib import Path
from typing import Any

from qgrade.i18n import _

__all__ = ["explain_name_errors", "name_error_advice"]

SETUP_GRADE_ID = "setup"
SOLUTION_PREFIX = "solution_"
_RED, _RESET = "\x1b[0;31m", "\x1b[0m"
_MISSING = re.compile(r"name '(?P<name>[^']+)' is not defined")


def _defined_names(source: str) -> set[str]:
    """Names a cell binds at its top level (functions, classes, assignments, imports)."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return set()
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Import | ast.ImportFrom):
            names.update((a.asname or a.name).split(".")[0] for a in node.names)
        elif isinstance(node, ast.Assign | ast.AnnAssign | ast.AugAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                names.update(n.id for n in ast.walk(target) if isinstance(n, ast.Name))
    return names


def _notebook_cells() -> list[dict]:
    session = os.environ.get("JPY_SESSION_NAME", "")
    if not session.endswith(".ipynb"):
        return []
    try:
        nb = json.loads(Path(session).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    cells = nb.get("cells")
    return cells if isinstance(cells, list) else []


def _source(cell: dict) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else str(source)


def _grade_id(cell: dict) -> str:
    meta = cell.get("metadata", {}).get("nbgrader", {})
    return str(meta.get("grade_id") or "") if isinstance(meta, dict) else ""


def _exercise_title(cells: list[dict], index: int) -> str:
    """The heading of the exercise whose answer cell is `cells[index]` ("### <title>")."""
    for cell in reversed(cells[:index]):
        if cell.get("cell_type") == "markdown":
            for line in _source(cell).splitlines():
                if line.startswith("### "):
                    return line[4:].strip()
    return ""


def name_error_advice(name: str, cells: list[dict] | None = None) -> str:
    """Which cell to run before the one that needs `name`, in the active language."""
    cells = _notebook_cells() if cells is None else cells
    for index, cell in enumerate(cells):
        if cell.get("cell_type") != "code" or name not in _defined_names(_source(cell)):
            continue
        gid = _grade_id(cell)
        if gid == SETUP_GRADE_ID:
            return _setup_advice(name)
        if gid.startswith(SOLUTION_PREFIX):
            title = _exercise_title(cells, index) or gid.removeprefix(SOLUTION_PREFIX)
            return _(
                "`{name}` is not defined yet: run the answer cell of the exercise “{title}” "
                "first (the cell that defines `{name}`), then this cell again."
            ).format(name=name, title=title)
        break
    else:
        if name in _SETUP_NAMES:  # no notebook to read, or one without its set-up cell
            return _setup_advice(name)
    return _(
        "`{name}` is not defined yet: run the cell that defines it first (Run ▸ Run All "
        "Above Selected Cell runs every cell above this one), then this cell again."
    ).format(name=name)


def _setup_advice(name: str) -> str:
    return _(
        "`{name}` is not defined yet: run the set-up cell at the top of this notebook first, "
        "then the cells above this one (Run ▸ Run All Above Selected Cell)."
    ).format(name=name)


# what the course's set-up cell defines, for a kernel that cannot read its notebook
_SETUP_NAMES = frozenset({"np", "QuantumCircuit", "Operator", "Statevector", "qgrade"})


def _show_name_error(
    shell: Any, etype: type, value: BaseException, tb: Any, tb_offset: Any = None
) -> list[str]:
    """IPython's custom-exception handler: shows the error in one line, then the advice.

    IPython leaves the showing to the handler (`run_code` ignores what it returns); it goes
    through the shell's `_showtraceback`, as every traceback does (in a kernel: the error
    message with its name, text and these lines)."""
    match = _MISSING.search(str(value))
    name = getattr(value, "name", None) or (match.group("name") if match else None)
    try:
        advice = name_error_advice(name) if name else ""
    except Exception:  # the advice is a courtesy: never fail while showing an error
        advice = ""
    if advice:
        stb = [f"{_RED}{etype.__name__}{_RESET}: {value}", advice]
    else:
        stb = shell.InteractiveTB.structured_traceback(etype, value, tb, tb_offset=tb_offset)
    shell._showtraceback(etype, value, stb)
    return stb


def explain_name_errors(shell: Any = None) -> None:
    """Make the running IPython explain a NameError by the cell to run first (module notes).

    Does nothing outside IPython; calling it again changes nothing. Returns None, so that it
    can end a set-up cell without an output.
    """
    if shell is None:
        if "IPython" not in sys.modules:
            return
        from IPython import get_ipython

        shell = get_ipython()
    if shell is not None:
        shell.set_custom_exc((NameError,), _show_name_error)
