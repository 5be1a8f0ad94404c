"""Every rule of docs/module-format.md that is checked without executing anything.

Each case breaks one thing in a copy of the fixture module and expects a problem that names
the file, the place and what was expected.
"""

from __future__ import annotations

import pytest
from curriculum_fixture import MODULE, copy_fixture, edit

from qcourse.curriculum import CurriculumError, load_curriculum

EN_CELL = '# %% [markdown] lang="en"\n# # One qubit'
KO_CELL = '# %% [markdown] lang="ko"\n# # 큐비트 하나'
CODE = "# %%\nqc = QuantumCircuit(1)"
PLACEHOLDER = '# %% exercise="plus_state"\n'
PLUS_SOLUTION = "    qc = QuantumCircuit(1)\n    qc.h(0)\n    return qc\n    ### END SOLUTION"

LESSON = "lesson.py"
EXERCISES = "exercises.toml"
META = "module.toml"

CASES = {
    # lesson.py
    "prose without language": (
        LESSON, EN_CELL, "# %% [markdown]\n# # One qubit",
        "cell 1, line 1: prose cell has no language; expected lang=\"en\" or lang=\"ko\"",
    ),
    "prose with another language": (
        LESSON, EN_CELL, '# %% [markdown] lang="fr"\n# # One qubit', "prose cell has lang='fr'",
    ),
    "English without Korean": (
        LESSON, KO_CELL, CODE.split("\n")[0] + "\n# 큐비트 하나", "English prose has no Korean translation",
    ),
    "Korean without English": (
        LESSON, EN_CELL, "# %%\nx = 1", "cell 2, line 5: Korean prose has no English original",
    ),
    "pair in the wrong order": (
        LESSON, KO_CELL, KO_CELL + '\n\n# %% [markdown] lang="en"\n# extra',
        "English prose has no Korean translation",
    ),
    "code with a language": (
        LESSON, CODE, '# %% lang="en"\nqc = QuantumCircuit(1)', "code cells carry no language",
    ),
    "placeholder with content": (
        LESSON, PLACEHOLDER, PLACEHOLDER + "x = 1\n",
        "the placeholder for exercise 'plus_state' must be empty",
    ),
    "placeholder of an unknown exercise": (
        LESSON, PLACEHOLDER, PLACEHOLDER + '\n# %% exercise="minus_state"\n',
        "placeholder names unknown exercise 'minus_state'; exercises.toml defines: bell_pair, "
        "phase_flip, plus_state",
    ),
    "exercise placed twice": (
        LESSON, PLACEHOLDER, PLACEHOLDER + "\n" + PLACEHOLDER, "exercise 'plus_state' is placed twice",
    ),
    "exercise without placeholder": (
        LESSON, PLACEHOLDER, "",
        "exercise 'plus_state' has no placeholder: add a `# %% exercise=\"plus_state\"` cell",
    ),
    "markdown placeholder": (
        LESSON, PLACEHOLDER, '# %% [markdown] exercise="plus_state"\n# x\n',
        "a markdown cell cannot be an exercise placeholder",
    ),
    "text before the first cell": (
        LESSON, EN_CELL, "import os\n\n" + EN_CELL, "line 1: text before the first `# %%` marker",
    ),
    "unknown cell option": (
        LESSON, CODE, '# %% tags=["x"]\nqc = QuantumCircuit(1)', "unknown cell option 'tags'",
    ),
    "unquoted option": (
        LESSON, EN_CELL, "# %% [markdown] lang=en\n# # One qubit", "cannot read the cell options 'lang=en'",
    ),
    "title after the marker": (
        LESSON, CODE, "# %% Setup\nqc = QuantumCircuit(1)", "unexpected text 'Setup' after `# %%`",
    ),
    "raw cell": (LESSON, CODE, "# %% [raw]\n# raw\n\n" + CODE, "raw cells are not supported"),
    "empty code cell": (LESSON, CODE, "# %%\n\n" + CODE, "empty code cell"),
    "nbgrader markers in lesson code": (
        LESSON, CODE, CODE + "  ### BEGIN SOLUTION", "contains 'BEGIN SOLUTION', which nbgrader acts on",
    ),
    # module.toml
    "id differs from folder": (
        META, 'id = "01-fixture-one-qubit"', 'id = "01-fixture"',
        "id = '01-fixture' must equal the folder name '01-fixture-one-qubit'",
    ),
    "number differs from prefix": (META, "number = 1", "number = 2", "number = 2 must equal the folder's prefix 01"),
    "too few objectives": (
        META, '[[objectives]]\nen = "Prepare a Bell state."', '[[x]]\nen = "Prepare a Bell state."',
        "expected 3 to 6 [[objectives]] tables",
    ),
    "title without Korean": (
        META, ', ko = "픽스처: 큐비트 하나와 둘"', "", "`title.ko` is missing; expected non-empty text in ko",
    ),
    "objective without Korean": (
        META, 'ko = "벨 상태를 준비할 수 있다."', "", "objective 3: `objective.ko` is missing",
    ),
    "unknown module key": (META, "number = 1", "number = 1\nlevel = 2", "unknown key 'level'"),
    "unknown prerequisite": (
        META, "prerequisites = []", 'prerequisites = ["00-intro"]', "prerequisite '00-intro' is not a module id",
    ),
    "minutes not a number": (
        META, "estimated_minutes = 10", 'estimated_minutes = "ten"', "`estimated_minutes` must be an integer >= 1",
    ),
    "module.toml not TOML": (META, "number = 1", "number = = 1", "module.toml: not valid TOML"),
    # exercises.toml
    "no wrong answer": (
        EXERCISES, "[[exercise.wrong]]\nwhy = \"an empty circuit", "[[x]]\nwhy = \"an empty circuit",
        "exercise 'plus_state': no [[exercise.wrong]]: record at least one wrong answer",
    ),
    "hint without Korean": (
        EXERCISES, ', ko = "게이트 하나면 충분합니다."', "", "`hints #1.ko` is missing",
    ),
    "task without Korean": (
        EXERCISES, 'task.ko = "`plus_state()`가', 'task.kr = "`plus_state()`가',
        "`task` has unknown language 'kr'; expected en and ko",
    ),
    "unknown cfqt subdomain": (
        EXERCISES, 'subdomain = "qubit-states"', 'subdomain = "qubits"',
        "`cfqt.subdomain` = 'qubits' is not in cfqt.toml [subdomains]",
    ),
    "unknown cfqt level": (EXERCISES, 'level = "A1"', 'level = "D1"', "`cfqt.level` = 'D1' is not in cfqt.toml [levels]"),
    "cfqt without area": (EXERCISES, 'area = "I", subdomain = "qubit-states"', 'subdomain = "qubit-states"', "`cfqt.area` is missing"),
    "solution without markers": (
        EXERCISES, "    ### BEGIN SOLUTION\n    qc = QuantumCircuit(1)\n    qc.h(0)\n    return qc\n    ### END SOLUTION",
        "    qc = QuantumCircuit(1)\n    qc.h(0)\n    return qc",
        "`solution` has no ### BEGIN SOLUTION ... ### END SOLUTION region",
    ),
    "solution without END": (EXERCISES, PLUS_SOLUTION, PLUS_SOLUTION.replace("### END SOLUTION", ""), "has a ### BEGIN SOLUTION without an ### END SOLUTION"),
    "marker not on its own line": (
        EXERCISES, "    ### BEGIN SOLUTION\n    qc = QuantumCircuit(1)\n    qc.h(0)",
        "    qc = QuantumCircuit(1)  ### BEGIN SOLUTION\n    qc.h(0)", "markers must be lines of their own",
    ),
    "test repeats the solution": (
        EXERCISES, "plus = Statevector([1, 1]) / np.sqrt(2)",
        "qc = QuantumCircuit(1)\nqc.h(0)\nplus = Statevector(qc)",
        "`test` repeats the solution's code",
    ),
    "test with hidden-test markers": (
        EXERCISES, "plus = Statevector([1, 1]) / np.sqrt(2)", "### BEGIN HIDDEN TESTS\nplus = 1",
        "`test` contains 'BEGIN HIDDEN TESTS'; the build adds the nbgrader markers",
    ),
    "wrong answer is the solution": (
        EXERCISES, "def plus_state() -> QuantumCircuit:\n    return QuantumCircuit(1)",
        "def plus_state() -> QuantumCircuit:\n    qc = QuantumCircuit(1)\n    qc.h(0)\n    return qc",
        "wrong answer 1: `code` is the solution itself",
    ),
    "unknown diagnosis": (
        EXERCISES, 'diagnosis = "global_phase"', 'diagnosis = "phase_typo"',
        "wrong answer 1: unknown diagnosis 'phase_typo'",
    ),
    "wrong answer without why": (
        EXERCISES, 'why = "X instead of Z"\n', "", "exercise 'phase_flip' wrong answer 2: missing `why`",
    ),
    "bad global phase rule": (
        EXERCISES, 'global_phase = "strict"', 'global_phase = "exact"', '`global_phase` must be "ignore" or "strict"',
    ),
    "bad exercise id": (
        EXERCISES, 'id = "bell_pair"', 'id = "Bell-Pair"', "exercise 'Bell-Pair': id must be snake_case",
    ),
    "duplicate exercise id": (EXERCISES, 'id = "bell_pair"', 'id = "phase_flip"', "duplicate exercise id"),
    "points not positive": (EXERCISES, "points = 2", "points = 0", "`points` must be a number > 0, got 0"),
    "unknown exercise key": (EXERCISES, "points = 1", "points = 1\nhint = 'x'", "unknown key 'hint'"),
    "missing test": (
        EXERCISES, "test = '''\nplus = Statevector", "tests = '''\nplus = Statevector", "missing `test` (a string)",
    ),
}  # fmt: skip


@pytest.mark.parametrize("case", list(CASES))
def test_each_broken_rule_is_reported(tmp_path, case):
    file, old, new, expected = CASES[case]
    root = copy_fixture(tmp_path)
    edit(root, file, old, new)
    with pytest.raises(CurriculumError) as info:
        load_curriculum(root)
    messages = [str(p) for p in info.value.problems]
    assert any(expected in m for m in messages), "\n".join(messages)
    culprit = next(p for p in info.value.problems if expected in str(p))
    assert culprit.file.name == file


def test_all_problems_of_a_module_are_reported_together(tmp_path):
    root = copy_fixture(tmp_path)
    edit(root, LESSON, KO_CELL, "# %%\nx = 1")
    edit(root, EXERCISES, 'level = "A1"', 'level = "Z9"')
    edit(root, META, "number = 1", "number = 3")
    with pytest.raises(CurriculumError) as info:
        load_curriculum(root)
    files = {p.file.name for p in info.value.problems}
    assert files == {LESSON, EXERCISES, META}
    assert str(info.value).startswith("3 problems in the curriculum:\n  - ")


def test_missing_source_file_and_bad_folder_name(tmp_path):
    root = copy_fixture(tmp_path)
    (root / MODULE / EXERCISES).unlink()
    (root / "2-no-digits").mkdir()
    (root / "2-no-digits" / META).write_text("", encoding="utf-8")
    (root / "03-not-yet").mkdir()  # an empty folder is not a module yet
    with pytest.raises(CurriculumError) as info:
        load_curriculum(root)
    messages = [str(p) for p in info.value.problems]
    assert any(
        m.endswith(
            "exercises.toml: missing; a module folder holds module.toml, lesson.py, exercises.toml"
        )
        for m in messages
    )
    assert any("2-no-digits: a module folder is named two digits" in m for m in messages)
    assert len(messages) == 2


def test_prerequisites_must_come_earlier(tmp_path):
    root = copy_fixture(tmp_path)
    later = root / "02-later"
    (root / MODULE).rename(later)
    edit(root, META, 'id = "01-fixture-one-qubit"', 'id = "02-later"', module="02-later")
    edit(root, META, "number = 1", "number = 2", module="02-later")
    edit(root, META, "prerequisites = []", 'prerequisites = ["02-later"]', module="02-later")
    with pytest.raises(CurriculumError, match="prerequisite '02-later' must come before module 2"):
        load_curriculum(root)


def test_loading_without_checks_keeps_the_model(tmp_path):
    root = copy_fixture(tmp_path)
    edit(root, EXERCISES, 'level = "A1"', 'level = "Z9"')
    curriculum = load_curriculum(root, check=False)
    assert curriculum.module("01").exercises[0].cfqt["level"] == "Z9"


# ---------------------------------------------------------------- the glossary on Korean prose

GLOSSARY = """
[[term]]
en = "phase kickback"
ko = "위상 킥백"
avoid = ['되차기']

[[term]]
en = "energy relaxation, T1 decay"
ko = "에너지 이완"
not_near = { word = "붕괴", cues = ["T_1", "들뜬 상태"], within = 20 }
"""


def _with_glossary(tmp_path, text: str = GLOSSARY):
    root = copy_fixture(tmp_path)
    (root / "glossary.toml").write_text(text, encoding="utf-8")
    return root


def test_a_word_the_glossary_rules_out_is_reported_where_it_stands(tmp_path):
    root = _with_glossary(tmp_path)
    load_curriculum(root)  # the fixture's Korean prose follows the glossary
    edit(root, EXERCISES, 'ko = "게이트 하나면 충분합니다."', 'ko = "위상 되차기를 떠올리세요."')
    edit(root, LESSON, "# # 큐비트 하나", "# # 큐비트 하나: 들뜬 상태는 붕괴합니다")
    with pytest.raises(CurriculumError) as info:
        load_curriculum(root)
    messages = sorted(str(p) for p in info.value.problems)
    assert len(messages) == 2, messages
    hint, lesson = (p for p in sorted(info.value.problems, key=lambda p: p.file.name))
    assert hint.file.name == EXERCISES and "exercise 'plus_state', hint 1" in str(hint)
    assert (
        "Korean prose says '되차기'; the glossary's term for 'phase kickback': '위상 킥백'"
        in str(hint)
    )
    assert lesson.file.name == LESSON and "cell 2" in str(lesson)
    assert "says '붕괴' next to '들뜬 상태'" in str(lesson) and "'에너지 이완'" in str(lesson)


def test_english_prose_and_code_are_not_held_to_the_korean_glossary(tmp_path):
    root = _with_glossary(tmp_path)
    edit(root, LESSON, "# # One qubit", "# # One qubit (되차기 is a word we avoid in Korean)")
    load_curriculum(root)


def test_a_glossary_with_two_concepts_for_one_word_is_reported(tmp_path):
    root = _with_glossary(tmp_path, GLOSSARY + '\n[[term]]\nen = "kickback"\nko = "위상 킥백"\n')
    with pytest.raises(CurriculumError) as info:
        load_curriculum(root)
    (problem,) = info.value.problems
    assert problem.file.name == "glossary.toml"
    assert "'위상 킥백' is already the term for 'phase kickback'" in str(problem)


def test_the_course_glossary_settles_the_words_learners_met_twice():
    import tomllib

    from qcourse.paths import curriculum_root

    terms = tomllib.loads((curriculum_root() / "glossary.toml").read_text(encoding="utf-8"))
    ko = {t["en"].split(" (")[0]: t["ko"] for t in terms["term"]}
    assert ko["phase kickback"] == "위상 킥백"
    assert ko["shots"] != ko["counts"]
    assert ko["collapse"] == "붕괴" and "붕괴" not in ko["energy relaxation, T1 decay"]
    assert ko["sign"] == "부호" and "부호" not in ko["error-correcting code"]
    assert ko["mixed state"] == "혼합 상태" and ko["noise model"] == "잡음 모델"
    assert ko["target qubit"] == "표적 큐비트"
    assert len(set(ko.values())) == len(ko)  # one term per concept
