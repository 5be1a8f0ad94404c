"""Code comments in the learner's language: comments.toml, the build and the lint."""

from __future__ import annotations

import pytest
from curriculum_fixture import MODULE, copy_fixture, edit

from qcourse.curriculum import load_curriculum, render_notebook
from qcourse.curriculum.comments import (
    code_comments,
    comments_to_translate,
    localize_comments,
    localize_strings,
    needs_translation,
)
from qcourse.curriculum.errors import CurriculumError

LESSON, EXERCISES = "lesson.py", "exercises.toml"
KO = '[ko]\n"the Hadamard makes |+>" = "아다마르 게이트가 |+>를 만듭니다"\n'


@pytest.mark.parametrize(
    "text",
    [
        "(5+5j)",
        "|1> ⊗ |0> = |10>",
        "[P(0), P(1)] = [0.36, 0.64]",
        "y -> 2y mod 15",
        "sqrt(2)",
        "R_ZZ(theta) = e^{-i theta ZZ/2}",
        "$|0\\rangle$ = \\frac{1}{2}",
    ],
)
def test_values_and_formulas_need_no_translation(text):
    assert not needs_translation(text)


@pytest.mark.parametrize(
    "text", ["normalized?", "controlled-T", "the oracle marked |101>", "not |z|^2: (-3+4j)"]
)
def test_prose_needs_a_translation(text):
    assert needs_translation(text)


def test_names_from_the_code_and_tool_comments_are_not_prose():
    code = "plus_state = QuantumCircuit(1)  # plus_state\nx = 1  # noqa: F841\n### BEGIN SOLUTION"
    assert comments_to_translate(code) == []
    # a plain English word stays prose even where the code has a variable of that name
    assert comments_to_translate("qubit = 2  # qubit 1 ⊗ qubit 0") == ["qubit 1 ⊗ qubit 0"]
    assert comments_to_translate("x = 1  # the answer\ny = 2  # the answer") == ["the answer"]


def test_a_hash_inside_a_string_is_not_a_comment():
    code = 'label = "# not a comment"  # a comment\n'
    assert [c.text for c in code_comments(code)] == ["a comment"]
    assert localize_comments(code, {"a comment": "주석"}) == 'label = "# not a comment"  # 주석\n'


def test_code_python_cannot_tokenize_still_gets_its_whole_line_comments_translated():
    code = "if x:\n        a = 1  # deep\n    # the figure\n  b = 2"  # inconsistent dedent
    assert localize_comments(code, {"the figure": "그림", "deep": "x"}) == (
        "if x:\n        a = 1  # deep\n    # 그림\n  b = 2"
    )
    assert localize_comments("%matplotlib inline  # the figure", {"the figure": "그림"}) == (
        "%matplotlib inline  # 그림"
    )


def _commented(root):
    edit(root, LESSON, "qc.h(0)\n", "qc.h(0)  # the Hadamard makes |+>\n")


def test_a_comment_without_its_translation_is_reported_where_it_stands(tmp_path):
    root = copy_fixture(tmp_path)
    _commented(root)
    with pytest.raises(CurriculumError) as info:
        load_curriculum(root)
    (problem,) = info.value.problems
    assert problem.file.name == LESSON and "cell 3" in str(problem)
    assert "'the Hadamard makes |+>' has no [ko] translation in comments.toml" in str(problem)


def test_the_build_writes_comments_in_the_notebooks_language(tmp_path):
    root = copy_fixture(tmp_path)
    _commented(root)
    (root / MODULE / "comments.toml").write_text(KO, encoding="utf-8")
    module = load_curriculum(root).module(MODULE)
    sources = {
        lang: "\n".join(c.source for c in render_notebook(module, lang).cells)
        for lang in ("en", "ko")
    }
    assert "qc.h(0)  # the Hadamard makes |+>" in sources["en"]
    assert "qc.h(0)  # 아다마르 게이트가 |+>를 만듭니다" in sources["ko"]
    assert "the Hadamard makes" not in sources["ko"]


def test_exercise_code_comments_are_translated_too(tmp_path):
    root = copy_fixture(tmp_path)
    edit(root, EXERCISES, "### BEGIN SOLUTION", "# build it here\n    ### BEGIN SOLUTION")
    with pytest.raises(CurriculumError) as info:
        load_curriculum(root)
    (problem,) = info.value.problems
    assert problem.file.name == EXERCISES and "exercise 'plus_state', solution" in str(problem)
    (root / MODULE / "comments.toml").write_text('[ko]\n"build it here" = "여기서 만드세요"\n')
    module = load_curriculum(root).module(MODULE)
    solution = next(c for c in render_notebook(module, "ko").cells if c.id == "solution_plus_state")
    assert "# 여기서 만드세요" in solution.source


def test_an_unused_or_malformed_translation_is_reported(tmp_path):
    root = copy_fixture(tmp_path)
    (root / MODULE / "comments.toml").write_text(
        KO + '"(5+5j)" = "(5+5j)"\n"empty" = ""\n\n[fr]\n"x" = "y"\n', encoding="utf-8"
    )
    with pytest.raises(CurriculumError) as info:
        load_curriculum(root)
    messages = [str(p) for p in info.value.problems]
    assert any("unknown table [fr]" in m for m in messages), messages
    assert any("'empty'" in m and "one-line translation" in m for m in messages), messages
    assert any(
        "'the Hadamard makes |+>'" in m and "no code of the module has this comment" in m
        for m in messages
    ), messages
    assert any("'(5+5j)'" in m and "needs none" in m for m in messages), messages


def test_the_glossary_holds_for_comment_translations_and_module_toml(tmp_path):
    root = copy_fixture(tmp_path)
    (root / "glossary.toml").write_text(
        '[[term]]\nen = "phase kickback"\nko = "위상 킥백"\navoid = ["되차기"]\n',
        encoding="utf-8",
    )
    _commented(root)
    (root / MODULE / "comments.toml").write_text(
        '[ko]\n"the Hadamard makes |+>" = "위상 되차기가 아닙니다"\n', encoding="utf-8"
    )
    edit(
        root,
        "module.toml",
        'ko = "벨 상태를 준비할 수 있다."',
        'ko = "되차기로 벨 상태를 준비할 수 있다."',
    )
    with pytest.raises(CurriculumError) as info:
        load_curriculum(root)
    places = sorted((p.file.name, p.where) for p in info.value.problems)
    assert places == [
        ("comments.toml", "[ko] 'the Hadamard makes |+>'"),
        ("module.toml", "objective 3"),
    ], places


def test_listed_string_literals_of_lesson_code_are_written_in_the_notebooks_language(tmp_path):
    root = copy_fixture(tmp_path)
    edit(root, LESSON, "qc.h(0)\n", 'qc.h(0)\nprint("probabilities:", f"done", "x")\n')
    (root / MODULE / "comments.toml").write_text(
        '[ko.strings]\n"probabilities:" = "확률:"\n', encoding="utf-8"
    )
    module = load_curriculum(root).module(MODULE)
    ko = "\n".join(c.source for c in render_notebook(module, "ko").cells)
    en = "\n".join(c.source for c in render_notebook(module, "en").cells)
    assert 'print("확률:", f"done", "x")' in ko
    assert 'print("probabilities:", f"done", "x")' in en


def test_a_string_translation_no_lesson_code_uses_is_reported(tmp_path):
    root = copy_fixture(tmp_path)
    (root / MODULE / "comments.toml").write_text(
        '[ko.strings]\n"nowhere" = "어디에도"\n', encoding="utf-8"
    )
    with pytest.raises(CurriculumError) as info:
        load_curriculum(root)
    (problem,) = info.value.problems
    assert "[ko.strings] 'nowhere'" in str(problem)
    assert "no lesson code cell has this string literal" in str(problem)


def test_string_literals_keep_their_quotes_and_escape_what_needs_it():
    code = "a = 'one'\nb = \"two\"\nc = r'raw'\nd = b'bytes'\ne = f'one'"
    out = localize_strings(code, {"one": "하나", "two": 'say "둘"', "raw": "원", "bytes": "x"})
    # bytes and f-strings are code, not labels
    assert out == "a = '하나'\nb = 'say \"둘\"'\nc = '원'\nd = b'bytes'\ne = f'one'"
