"""What a learner sees around the grading: hints, the remembered workspace, language switches."""

from __future__ import annotations

import json
import os

import nbformat
import pytest
from selfstudy_support import MODULE, PLUS_RIGHT, run_qcourse, set_solution

from qcourse.selfstudy.course_builds import installed
from qcourse.selfstudy.hints import HintReveal, hints_markdown
from qcourse.selfstudy.workspace import find_lab_workspace, prepare_workspace


def test_a_placeholder_or_wrong_id_lists_the_modules_ids_in_the_notebooks_language(
    qhome, tmp_path, curriculum_root, capsys
):
    from qcourse.selfstudy import hint

    ws, _ = prepare_workspace(tmp_path / "lab", "ko", installed(curriculum_root))
    hint("EXERCISE_ID", ws.notebook(MODULE))
    out = " ".join(capsys.readouterr().out.split())
    assert "EXERCISE_ID 자리에 모듈 01-selfstudy-fixture의 연습 id를 넣으세요" in out
    assert "plus_state, bell_phi_minus" in out
    hint("plus", ws.notebook(MODULE))
    out = " ".join(capsys.readouterr().out.split())
    assert "연습 'plus'이(가) 없어요" in out and "plus_state" in out
    assert "Traceback" not in out


def test_hints_are_markdown_with_the_maths_left_for_the_renderer():
    text = hints_markdown(
        HintReveal("m", "e", ["Use $H$: $|0\\rangle \\mapsto |+\\rangle$."], 2), "en"
    )
    assert text == "**Hint 1/2**\n\nUse $H$: $|0\\rangle \\mapsto |+\\rangle$."
    last = hints_markdown(HintReveal("m", "e", ["a", "b"], 2), "ko")
    assert last.endswith("*이 연습의 마지막 힌트였어요.*") and "**힌트 2/2**" in last


@pytest.mark.slow
def test_hint_in_a_kernel_is_a_markdown_display_not_a_boxed_text(qhome, tmp_path, curriculum_root):
    """What JupyterLab receives: text/markdown (rendered with its maths, wrapped to the cell)."""
    from nbclient import NotebookClient

    ws, _ = prepare_workspace(tmp_path / "lab", "ko", installed(curriculum_root))
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell('from qcourse.selfstudy import hint\nhint("plus_state")'),
        nbformat.v4.new_code_cell('hint("EXERCISE_ID")'),
    ]
    os.environ["JPY_SESSION_NAME"] = str(ws.notebook(MODULE))
    try:
        NotebookClient(nb, timeout=300, kernel_name="python3").execute()
    finally:
        del os.environ["JPY_SESSION_NAME"]
    first, second = (c.outputs for c in nb.cells)
    assert [o.output_type for o in first] == ["display_data"]
    assert first[0].data["text/markdown"] == "**힌트 1/2**\n\n게이트 하나면 충분합니다."
    listing = second[0].data["text/markdown"]
    assert '- `hint("plus_state")`' in listing and '- `hint("bell_phi_minus")`' in listing
    assert "EXERCISE_ID 자리에" in listing


def test_the_workspace_made_with_dir_is_found_from_anywhere(
    qhome, tmp_path, curriculum_root, monkeypatch
):
    elsewhere = tmp_path / "somewhere" / "else"
    elsewhere.mkdir(parents=True)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))  # no ~/qcourse-lab there
    made = run_qcourse(
        "lab",
        "--dir",
        str(tmp_path / "my-lab"),
        "--lang",
        "ko",
        "--prepare-only",
        "--curriculum",
        str(curriculum_root),
        env={**os.environ, "LANG": "C.UTF-8"},
        timeout=900,
    )
    assert made.returncode == 0, made.stderr
    monkeypatch.chdir(elsewhere)
    ws = find_lab_workspace(None)
    assert ws is not None and ws.root == (tmp_path / "my-lab").resolve()
    # every later command finds it, and speaks its language, with no --dir
    hint = run_qcourse("hint", "01", "plus_state", cwd=elsewhere)
    assert hint.returncode == 0, hint.stderr
    assert "힌트 1/2" in hint.stdout
    nb = nbformat.read(ws.notebook(MODULE), as_version=4)
    set_solution(nb, "plus_state", PLUS_RIGHT)
    nbformat.write(nb, ws.notebook(MODULE))
    nothing = run_qcourse("check", "02", cwd=elsewhere)
    assert nothing.returncode == 2 and "모르는 모듈 '02'" in nothing.stderr
    assert json.loads((qhome / "workspace.json").read_text())["dir"] == str(ws.root)


def test_a_language_switch_reports_only_what_changed(lab, qhome):
    nb = nbformat.read(lab.notebook(MODULE), as_version=4)
    set_solution(nb, "plus_state", PLUS_RIGHT)
    nbformat.write(nb, lab.notebook(MODULE))
    switched = run_qcourse(
        "lab", "--dir", str(lab.root), "--lang", "ko", "--prepare-only", timeout=900
    )
    assert switched.returncode == 0, switched.stderr
    out = " ".join(switched.stdout.split())
    assert "언어: English → 한국어" in out
    assert "답 1개를 그대로 두었어요" in out
    assert "0 of your answers" not in out and "답 0개" not in out
    again = run_qcourse("lab", "--dir", str(lab.root), "--prepare-only", timeout=900)
    assert again.returncode == 0, again.stderr
    assert "갱신함" not in again.stdout and "언어:" not in again.stdout  # nothing changed


def test_untouched_notebooks_are_one_line_of_the_report(tmp_path):
    from qcourse.commands.lab import update_lines
    from qcourse.selfstudy.workspace import ModuleUpdate

    root = tmp_path
    updates = [
        ModuleUpdate(f"0{n}-m", "merged", root / f"0{n}-m" / f"0{n}-m.ipynb") for n in range(1, 6)
    ]
    updates[2] = ModuleUpdate("03-m", "merged", root / "03-m/03-m.ipynb", root / "b.ipynb", 2)
    lines = update_lines(updates, root, "en", "ko")
    assert lines == [
        "language: 한국어 → English",
        f"  updated: 03-m/03-m.ipynb, 2 answers of yours kept (previous file: {root / 'b.ipynb'})",
        "  4 notebooks without answers updated",
    ]
    assert update_lines([ModuleUpdate("01-m", "unchanged", root / "x")], root, "ko", "ko") == []


def test_the_glossary_is_a_page_of_the_workspace_in_its_language(qhome, tmp_path):
    from qcourse.paths import curriculum_root
    from qcourse.selfstudy.workspace import write_glossary_page

    page = write_glossary_page(tmp_path, "ko", curriculum_root())
    text = page.read_text(encoding="utf-8")
    assert text.startswith("# 용어집\n")
    assert "| 한국어 | 영어 | 참고 |" in text
    assert "| 위상 킥백 | phase kickback |" in text and "되차기" not in text
    english = write_glossary_page(tmp_path, "en", curriculum_root()).read_text(encoding="utf-8")
    assert english.startswith("# Glossary\n") and "| phase kickback | 위상 킥백 |" in english
    assert write_glossary_page(tmp_path, "en", tmp_path / "none") is None


@pytest.mark.slow
def test_the_labs_kernel_explains_a_test_cell_run_before_the_set_up_and_answer_cells(
    qhome, tmp_path, curriculum_root, monkeypatch
):
    """After a kernel restart a learner runs an exercise's test cell first: the lab's own kernel
    (`qgrade.ipython` loaded at start, the workspace's language) says which cell to run first."""
    from jupyter_client.kernelspec import KernelSpecManager
    from nbclient import NotebookClient
    from selfstudy_support import cell

    from qcourse.selfstudy.jupyter_settings import data_dir, write_settings

    ws, _ = prepare_workspace(tmp_path / "lab", "ko", installed(curriculum_root))
    write_settings(ws.root, "ko")
    monkeypatch.setenv("JUPYTER_PATH", str(data_dir(ws.root)))  # what `qcourse lab` sets
    monkeypatch.setenv("JPY_SESSION_NAME", str(ws.notebook(MODULE)))
    spec = KernelSpecManager().get_kernel_spec("python3")
    assert "--ext=qgrade.ipython" in spec.argv and spec.env == {"QCOURSE_LANG": "ko"}
    learner = nbformat.read(ws.notebook(MODULE), as_version=4)
    test = cell(learner, "test_plus_state").source
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(test), learner.cells[0], nbformat.v4.new_code_cell(test)]
    NotebookClient(nb, timeout=300, kernel_name="python3", allow_errors=True).execute()
    before_setup, _setup, before_answer = (c.outputs for c in nb.cells)
    ((error,),) = [before_setup]
    assert error.ename == "NameError" and "'qgrade'" in error.evalue
    assert len(error.traceback) == 2 and "설정 셀" in error.traceback[1]
    ((error,),) = [before_answer]
    assert "'plus_state'" in error.evalue
    assert "“|+> 상태”의 답 셀" in error.traceback[1], error.traceback
