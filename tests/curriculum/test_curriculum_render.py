"""Rendering a module as an nbgrader instructor notebook, checked with nbgrader's own validator."""

from __future__ import annotations

import nbformat
import pytest
from curriculum_fixture import FIXTURE, MODULE
from nbgrader.nbgraderformat import MetadataValidator

from qcourse import __version__
from qcourse.curriculum import build_source, load_curriculum, render_notebook
from qcourse.errors import UserError

IDS = [
    "setup", "prose_1", "code_1",
    "task_plus_state", "solution_plus_state", "test_plus_state", "hints_plus_state",
    "prose_2", "code_2",
    "task_phase_flip", "solution_phase_flip", "test_phase_flip", "hints_phase_flip",
    "task_bell_pair", "solution_bell_pair", "test_bell_pair",
]  # fmt: skip


@pytest.fixture(scope="module")
def module():
    return load_curriculum(FIXTURE).module(MODULE)


def _by_id(nb):
    return {cell.metadata["nbgrader"]["grade_id"]: cell for cell in nb.cells}


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_cells_ids_and_nbgrader_metadata(module, lang):
    nb = render_notebook(module, lang)
    nbformat.validate(nb)
    MetadataValidator().validate_nb(nb)
    assert [c.id for c in nb.cells] == IDS
    cells = _by_id(nb)
    assert [c.metadata["nbgrader"]["grade_id"] for c in nb.cells] == IDS
    for gid, cell in cells.items():
        meta = cell.metadata["nbgrader"]
        assert meta["schema_version"] == 3
        if gid.startswith("solution_"):
            assert (meta["solution"], meta["grade"], meta["locked"]) == (True, False, False)
            assert cell.cell_type == "code"
        elif gid.startswith("test_"):
            assert (meta["solution"], meta["grade"], meta["locked"]) == (False, True, True)
        else:
            assert (meta["solution"], meta["grade"], meta["locked"]) == (False, False, True)
            assert "points" not in meta
    assert [
        cells[f"test_{x}"].metadata["nbgrader"]["points"]
        for x in ("plus_state", "phase_flip", "bell_pair")
    ] == [1, 2, 2]
    assert nb.metadata["qcourse"] == {"module": MODULE, "lang": lang, "version": __version__}
    assert nb.metadata["kernelspec"]["name"] == "python3"


def test_setup_cell_and_languages(module):
    en, ko = render_notebook(module, "en"), render_notebook(module, "ko")
    setup = _by_id(en)["setup"].source
    for line in (
        "import numpy as np",
        "from qiskit import QuantumCircuit",
        "from qiskit.quantum_info import Operator, Statevector",
        "import qgrade",
        'qgrade.set_language("en")',
    ):
        assert line in setup.split("\n")
    assert 'qgrade.set_language("ko")' in _by_id(ko)["setup"].source
    assert _by_id(en)["prose_1"].source.startswith("# One qubit")
    assert _by_id(ko)["prose_1"].source.startswith("# 큐비트 하나")
    # code exists once: identical in both languages
    for gid in IDS:
        if gid.startswith(("code_", "solution_", "test_")):
            assert _by_id(en)[gid].source == _by_id(ko)[gid].source


def test_exercise_expansion(module):
    en, ko = _by_id(render_notebook(module, "en")), _by_id(render_notebook(module, "ko"))
    task = en["task_plus_state"].source
    assert task.startswith("### The state |+>\n\nComplete `plus_state()`")
    assert "Points: 1." in task and "Global phase is ignored" in task
    assert "Global phase counts" in en["task_phase_flip"].source
    assert "Global phase" not in en["task_bell_pair"].source  # no rule when none is declared
    assert (
        "배점: 2점." in ko["task_phase_flip"].source
        and "전역 위상까지" in ko["task_phase_flip"].source
    )
    assert en["solution_plus_state"].source == module.exercise("plus_state").solution
    assert en["test_plus_state"].source == module.exercise("plus_state").test
    bell = en["test_bell_pair"].source.split("\n")
    assert bell[-3:] == [
        "### BEGIN HIDDEN TESTS",
        'assert "initialize" not in bell.count_ops(), "[forbidden_instruction] initialize is not allowed"',
        "### END HIDDEN TESTS",
    ]
    hints = en["hints_plus_state"].source
    assert hints.index("<summary>Hint 1</summary>") < hints.index("<summary>Hint 2</summary>")
    assert hints.count("<details>") == 2 and hints.count("</details>") == 2
    assert "<summary>힌트 1</summary>" in ko["hints_plus_state"].source
    assert "`qc.h(0)`을 쓰세요." in ko["hints_plus_state"].source


def test_render_is_deterministic_and_rejects_unknown_language(module):
    assert nbformat.writes(render_notebook(module, "ko")) == nbformat.writes(
        render_notebook(module, "ko")
    )
    with pytest.raises(UserError, match="unknown language 'fr'; expected one of: en, ko"):
        render_notebook(module, "fr")


def test_build_source_writes_the_instructor_tree(tmp_path):
    curriculum = load_curriculum(FIXTURE)
    [path] = build_source(tmp_path, "ko", ["01"], curriculum)
    assert path == tmp_path / "source" / MODULE / f"{MODULE}.ipynb"
    nb = nbformat.read(path, as_version=4)
    assert nb.metadata["qcourse"]["lang"] == "ko"
    assert [c.id for c in nb.cells] == IDS
