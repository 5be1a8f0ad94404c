"""A test cell run before its answer cell (after a kernel restart) says which cell to run first,
in the learner's language, instead of a bare NameError (`qgrade.names`)."""

from __future__ import annotations

import nbformat
import pytest
from IPython.core.interactiveshell import InteractiveShell

import qgrade
from qgrade import i18n
from qgrade.names import name_error_advice

# a course notebook as the lab has it: set-up cell, an exercise's task, answer and test cells
CELLS = [
    ("code", "import numpy as np\nimport qgrade", "setup"),
    ("markdown", "### |+> 상태\n\n`plus_state()`를 완성하세요.", "task_plus_state"),
    ("code", "def plus_state():\n    return None", "solution_plus_state"),
    ("code", "qgrade.assert_state(plus_state, [1, 1])", "test_plus_state"),
    ("code", "helper = 3", "code_1"),
]


def _notebook(tmp_path):
    nb = nbformat.v4.new_notebook()
    for kind, source, gid in CELLS:
        make = nbformat.v4.new_code_cell if kind == "code" else nbformat.v4.new_markdown_cell
        nb.cells.append(make(source, metadata={"nbgrader": {"grade_id": gid}}))
    path = tmp_path / "01.ipynb"
    nbformat.write(nb, path)
    return path


@pytest.fixture
def shell(monkeypatch, tmp_path):
    sh = InteractiveShell.instance()
    shown: list[list[str]] = []
    monkeypatch.setattr(sh, "_showtraceback", lambda etype, evalue, stb: shown.append(list(stb)))
    monkeypatch.setenv("JPY_SESSION_NAME", str(_notebook(tmp_path)))
    assert qgrade.explain_name_errors(sh) is None  # ends a set-up cell with no output
    yield sh, shown
    sh.set_custom_exc((), None)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_test_cell_before_its_answer_names_the_answer_cell(shell, lang, monkeypatch):
    sh, shown = shell
    monkeypatch.setattr(i18n, "_language", lang)
    sh.user_ns["qgrade"] = qgrade
    result = sh.run_cell("qgrade.assert_state(plus_state, [1, 1])")
    assert type(result.error_in_exec) is NameError  # the error itself is unchanged
    ((error, advice),) = shown  # two lines, no frames
    assert "NameError" in error and "plus_state" in error
    assert "“|+> 상태”" in advice and "`plus_state`" in advice
    if lang == "ko":
        assert "답 셀" in advice and "먼저" in advice and "answer" not in advice
    else:
        assert "answer cell" in advice


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_cell_before_the_set_up_cell_names_the_set_up_cell(shell, lang, monkeypatch):
    sh, shown = shell
    monkeypatch.setattr(i18n, "_language", lang)
    sh.user_ns.pop("qgrade", None)
    sh.run_cell("qgrade.assert_state(plus_state, [1, 1])")
    ((error, advice),) = shown
    assert "'qgrade'" in error
    assert ("설정 셀" if lang == "ko" else "set-up cell") in advice


def test_other_names_get_the_cell_that_defines_them_and_typos_a_plain_hint(shell, monkeypatch):
    sh, shown = shell
    monkeypatch.setattr(i18n, "_language", "ko")
    sh.run_cell("helper + 1")
    sh.run_cell("plus_stat()")  # a typo: defined nowhere
    assert len(shown) == 2 and all(len(stb) == 2 for stb in shown)
    assert "위의 모든 셀 실행" in shown[0][1] and "`helper`" in shown[0][1]
    assert "`plus_stat`" in shown[1][1]


def test_other_errors_keep_their_traceback(shell):
    sh, shown = shell
    sh.run_cell("1 / 0")
    ((*frames,),) = shown
    assert any("ZeroDivisionError" in line for line in frames)


def test_without_a_notebook_the_set_up_names_still_point_to_the_set_up_cell(monkeypatch):
    monkeypatch.delenv("JPY_SESSION_NAME", raising=False)
    monkeypatch.setattr(i18n, "_language", "en")
    assert "set-up cell" in name_error_advice("np")
    assert "set-up cell" not in name_error_advice("plus_state")
