"""`qcourse build` and `qcourse validate --static` as a user runs them."""

from __future__ import annotations

import nbformat
import pytest
from curriculum_fixture import FIXTURE, MODULE, copy_fixture, edit

from qcourse.cli import main
from qcourse.curriculum import generate_release, load_curriculum
from qcourse.curriculum.build import build_source


def test_build_both_languages(tmp_path, capsys):
    assert main(["build", "--root", str(FIXTURE), "--out", str(tmp_path)]) == 0
    for lang in ("en", "ko"):
        nb = nbformat.read(tmp_path / lang / "source" / MODULE / f"{MODULE}.ipynb", as_version=4)
        assert nb.metadata["qcourse"]["lang"] == lang
    assert "built" in capsys.readouterr().out


def test_build_one_language_into_out(tmp_path):
    assert (
        main(["build", "01", "--lang", "ko", "--root", str(FIXTURE), "--out", str(tmp_path)]) == 0
    )
    assert (tmp_path / "source" / MODULE / f"{MODULE}.ipynb").is_file()


def test_build_fails_on_a_prose_cell_without_its_language(tmp_path, capsys):
    root = copy_fixture(tmp_path)
    edit(
        root,
        "lesson.py",
        '# %% [markdown] lang="ko"\n# # 큐비트 하나',
        "# %% [markdown]\n# # 큐비트 하나",
    )
    assert main(["build", "--root", str(root), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert "qcourse build: 2 problems in the curriculum" in err
    assert "lesson.py: cell 2, line 5: prose cell has no language" in err
    assert "English prose has no Korean translation" in err
    assert not (tmp_path / "out").exists()


def test_unknown_module_is_a_clear_error(capsys):
    assert main(["build", "07", "--root", str(FIXTURE)]) == 2
    assert "unknown module '07'; known modules: 01-fixture-one-qubit" in capsys.readouterr().err


def test_validate_static(tmp_path, capsys):
    assert main(["validate", "--static", "--root", str(FIXTURE)]) == 0
    assert "static checks passed" in capsys.readouterr().out
    root = copy_fixture(tmp_path)
    edit(root, "exercises.toml", 'level = "A1"', 'level = "Z9"')
    assert main(["validate", "--static", "--root", str(root)]) == 1
    out = capsys.readouterr().out
    assert "1 failure(s)" in out and "`cfqt.level` = 'Z9' is not in cfqt.toml [levels]" in out


@pytest.mark.slow
def test_release_through_nbgrader(tmp_path):
    build_source(tmp_path, "en", None, load_curriculum(FIXTURE))
    [release] = generate_release(tmp_path, ["01-fixture-one-qubit"])
    cells = {
        c.metadata["nbgrader"]["grade_id"]: c for c in nbformat.read(release, as_version=4).cells
    }
    solution = cells["solution_plus_state"].source
    assert "### BEGIN SOLUTION" not in solution and "qc.h(0)" not in solution
    assert solution.startswith(
        'def plus_state() -> QuantumCircuit:\n    """Return a circuit preparing |+>."""'
    )
    assert "    # YOUR CODE HERE\n    raise NotImplementedError()" in solution
    assert "HIDDEN TESTS" not in cells["test_bell_pair"].source
    assert "initialize" not in cells["test_bell_pair"].source
    # nbgrader computed the checksums that protect read-only cells
    for gid in (
        "setup",
        "prose_1",
        "code_1",
        "task_plus_state",
        "test_plus_state",
        "hints_plus_state",
    ):
        assert len(cells[gid].metadata["nbgrader"]["checksum"]) == 32
    assert (tmp_path / "nbgrader_config.py").is_file() and (tmp_path / "gradebook.db").is_file()
