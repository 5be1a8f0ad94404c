"""Loading module sources: the public model other parts of qcourse build on."""

from __future__ import annotations

import pytest
from curriculum_fixture import FIXTURE, MODULE

from qcourse.curriculum import Curriculum, Exercise, Module, WrongAnswer, load_curriculum
from qcourse.errors import UserError
from qcourse.paths import curriculum_root


@pytest.fixture(scope="module")
def curriculum() -> Curriculum:
    return load_curriculum(FIXTURE)


def test_modules_and_catalogue(curriculum: Curriculum):
    assert [m.id for m in curriculum.modules] == [MODULE]
    assert curriculum.cfqt["subdomains"]["qubit-states"]["ko"]
    assert set(curriculum.cfqt["levels"]) == {"A1", "A2", "B1", "B2", "C1", "C2"}


def test_module_fields(curriculum: Curriculum):
    m = curriculum.module(MODULE)
    assert isinstance(m, Module)
    assert m.number == 1 and m.path == FIXTURE / MODULE
    assert m.title == {"en": "Fixture: one and two qubits", "ko": "픽스처: 큐비트 하나와 둘"}
    assert len(m.objectives) == 3 and all(set(o) == {"en", "ko"} for o in m.objectives)
    assert m.prerequisites == [] and m.estimated_minutes == 10
    assert [ex.id for ex in m.exercises] == ["plus_state", "phase_flip", "bell_pair"]
    assert m.total_points == 5


def test_exercise_fields(curriculum: Curriculum):
    m = curriculum.module("01")
    plus, flip, bell = m.exercises
    assert isinstance(plus, Exercise)
    assert plus.points == 1 and plus.global_phase == "ignore"
    assert plus.cfqt == {"area": "I", "subdomain": "qubit-states", "level": "A1"}
    assert [h["ko"] for h in plus.hints] == ["게이트 하나면 충분합니다.", "`qc.h(0)`을 쓰세요."]
    assert plus.solution.startswith("def plus_state()") and "### END SOLUTION" in plus.solution
    assert plus.hidden_test is None
    assert plus.wrong == [
        WrongAnswer(
            why="an empty circuit leaves the qubit in |0>",
            diagnosis="wrong_amplitudes",
            code="def plus_state() -> QuantumCircuit:\n    return QuantumCircuit(1)",
        )
    ]
    assert flip.global_phase == "strict" and flip.wrong[1].diagnosis is None
    assert bell.global_phase is None and bell.hints == []
    assert bell.hidden_test.startswith('assert "initialize" not in')
    assert m.exercise("bell_pair") is bell


def test_lesson_cells_come_through_jupytext(curriculum: Curriculum):
    cells = curriculum.module(MODULE).cells
    kinds = [(c.kind, c.lang, c.exercise) for c in cells]
    assert kinds == [
        ("markdown", "en", None),
        ("markdown", "ko", None),
        ("code", None, None),
        ("exercise", None, "plus_state"),
        ("markdown", "en", None),
        ("markdown", "ko", None),
        ("code", None, None),
        ("exercise", None, "phase_flip"),
        ("exercise", None, "bell_pair"),
    ]
    assert cells[0].source.startswith("# One qubit") and cells[0].line == 1
    assert cells[2].source == "qc = QuantumCircuit(1)\nqc.h(0)\nStatevector(qc).probabilities()"
    assert cells[2].where == "cell 3, line 9"


@pytest.mark.parametrize(
    "key", ["01", "1", "01-fixture-one-qubit", "01-fix", "01-fixture-one-qubit/"]
)
def test_module_lookup(curriculum: Curriculum, key: str):
    assert curriculum.module(key).id == MODULE


def test_unknown_module_lists_the_known_ones(curriculum: Curriculum):
    with pytest.raises(
        UserError, match=r"unknown module '07'; known modules: 01-fixture-one-qubit"
    ):
        curriculum.module("07")
    with pytest.raises(UserError, match="has no exercise 'nope'; its exercises: plus_state"):
        curriculum.module("01").exercise("nope")


def test_default_root_is_the_repository_curriculum():
    root = curriculum_root()
    assert (root / "cfqt.toml").is_file()
    assert root.name in {"curriculum", "curriculum_data"}
