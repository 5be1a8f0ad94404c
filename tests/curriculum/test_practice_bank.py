"""The certification practice bank (`curriculum/practice/`): it loads, it is spread over the
exam's eight sections, every key that can be computed is proven by running the question's code
with qiskit, and a broken bank is caught by the curriculum lint with a clear message."""

from __future__ import annotations

import dataclasses
import shutil
from collections import Counter
from pathlib import Path

import pytest
from curriculum_fixture import copy_fixture

from qcourse.cli import main
from qcourse.curriculum import CurriculumError, load_curriculum
from qcourse.curriculum.practice import (
    check_practice,
    is_right,
    load_practice,
    parse_number,
    valid_reply,
)
from qcourse.curriculum.practice_proof import prove_question

REPO = Path(__file__).resolve().parents[2]
BANK = load_practice(REPO / "curriculum")
EXAM_WEIGHTS = {
    "operations": 16,
    "visualization": 11,
    "circuits": 18,
    "running": 15,
    "sampler": 12,
    "estimator": 12,
    "results": 10,
    "openqasm": 6,
}


def test_the_bank_covers_the_eight_exam_sections_by_their_weights():
    assert {s.id: s.weight for s in BANK.sections} == EXAM_WEIGHTS
    per_section = Counter(q.section for q in BANK.questions)
    total = len(BANK.questions)
    assert 64 <= total <= 72
    for section, weight in EXAM_WEIGHTS.items():
        assert per_section[section] >= 4, section
        # roughly by weight: within 3 questions of the exam's share
        assert abs(per_section[section] - total * weight / 100) <= 3, (section, per_section)
    with_code = [q for q in BANK.questions if q.code]
    assert len(with_code) > total / 2  # most questions read code, outputs or plots
    assert all(q.verified for q in with_code)
    assert all(q.stem["ko"] and q.explanation["ko"] for q in BANK.questions)


@pytest.mark.parametrize("question", [q for q in BANK.questions if q.verified], ids=lambda q: q.id)
def test_every_computed_key_is_what_the_code_gives(question):
    assert prove_question(question) == []


def _wrong_key(q):
    if q.kind == "single":
        other = next(o.key for o in q.options if o.key != q.answer)
        return dataclasses.replace(q, answer=other)
    if q.kind == "multiple":
        keys = [o.key for o in q.options]
        return dataclasses.replace(q, answer=[k for k in keys if k not in q.answer][:1] or keys[:1])
    if q.kind == "numeric":
        return dataclasses.replace(q, answer=q.answer + 1)
    return dataclasses.replace(q, answer=["certainly not this"])


@pytest.mark.parametrize(
    "qid",
    [
        "ops-cx-matrix",  # single choice, `verify` against option values
        "viz-histogram-bars",  # numeric, counted on the plot
        "viz-draw-outputs",  # multiple choice, `holds` per option
        "samp-pub-format",  # multiple choice whose keys come from running the primitive
        "est-label-order",  # numeric from the Estimator
        "qasm-dumps-version",
    ],
)
def test_the_proof_rejects_a_wrong_key(qid):
    question = BANK.question(qid)
    problems = prove_question(_wrong_key(question))
    assert problems and all(isinstance(p, str) for p in problems)


def test_the_proof_reports_broken_code_instead_of_raising():
    q = dataclasses.replace(BANK.question("circ-bell-depth"), code="qc = undefined_name")
    (problem,) = prove_question(q)
    assert "NameError" in problem


def test_replies_are_read_as_a_learner_types_them():
    single = BANK.question("samp-bell-keys")  # key b
    assert is_right(single, "b") and is_right(single, " B ") and is_right(single, "b)")
    assert not is_right(single, "a") and not valid_reply(single, "a,b")
    assert not valid_reply(single, "both") and not valid_reply(single, "z")
    multiple = BANK.question("ops-equal-to-x")  # a, c, d
    for reply in ("a,c,d", "d c a", "acd", "A, C; D"):
        assert valid_reply(multiple, reply) and is_right(multiple, reply), reply
    assert not is_right(multiple, "a,c") and not is_right(multiple, "a,c,d,e")
    numeric = BANK.question("ops-rx-probability")  # 0.25 within 0.005
    for reply in ("0.25", "0,25", "1/4", ".251"):
        assert is_right(numeric, reply), reply
    assert not is_right(numeric, "0.3") and not valid_reply(numeric, "a quarter")
    assert parse_number("1/0") is None and parse_number("nan") is None


# ---------------------------------------------------------------------- a broken bank

SECTIONS = """
title = { en = "Test exam", ko = "시험" }
[[section]]
id = "alpha"
weight = 60
title = { en = "Alpha", ko = "알파" }
[[section]]
id = "beta"
weight = 40
title = { en = "Beta", ko = "베타" }
"""


def _question(qid: str, in_section: str = "alpha", **fields: str) -> str:
    table = {
        "id": f'"{qid}"',
        "section": f'"{in_section}"',
        "kind": '"single"',
        "stem": '{ en = "Which?", ko = "어느 것?" }',
        "answer": '"a"',
        "options": '[{ en = "one", ko = "하나" }, { en = "two", ko = "둘" }]',
        "explanation": '{ en = "Because.", ko = "그래서." }',
    }
    table.update(fields)
    body = "\n".join(f"{k} = {v}" for k, v in table.items() if v is not None)
    return f"[[question]]\n{body}\n"


def _bank(tmp_path: Path, *questions: str, sections: str = SECTIONS) -> Path:
    root = tmp_path / "curriculum"
    (root / "practice").mkdir(parents=True)
    shutil.copy(REPO / "curriculum" / "glossary.toml", root / "glossary.toml")
    (root / "practice" / "sections.toml").write_text(sections, encoding="utf-8")
    good = [_question(f"alpha-q{i}", "alpha") for i in range(4)]
    good += [_question(f"beta-q{i}", "beta") for i in range(4)]
    (root / "practice" / "good.toml").write_text("\n".join(good), encoding="utf-8")
    (root / "practice" / "under-test.toml").write_text("\n".join(questions), encoding="utf-8")
    return root


def _messages(root: Path) -> list[str]:
    return [str(p) for p in check_practice(root)]


def test_a_well_formed_bank_has_no_problem(tmp_path):
    assert _messages(_bank(tmp_path)) == []


BROKEN = {
    "missing Korean": (
        {"stem": '{ en = "Which?" }'},
        "under-test.toml: question 'x-broken': `stem.ko` is missing; expected non-empty text in ko",
    ),
    "unknown section": (
        {"section": '"gamma"'},
        "question 'x-broken': unknown section 'gamma'; expected one of: alpha, beta",
    ),
    "answer not among the options": (
        {"answer": '"c"'},
        "question 'x-broken': `answer` = 'c' is not among the options a, b",
    ),
    "multiple answer naming an unknown option": (
        {"kind": '"multiple"', "answer": '["a", "e"]'},
        "`answer` names 'e', which is not among the options",
    ),
    "unknown kind": ({"kind": '"essay"'}, "`kind` = 'essay'; expected one of: single, multiple"),
    "code without a proof": (
        {"code": '"print(1)"'},
        "shows `code` but nothing proves its key: add `verify`",
    ),
    "code that is not Python": (
        {"code": '"print(1"', "verify": '"printed"'},
        "`code` is not valid Python: '(' was never closed",
    ),
    "verify without option values": (
        {"code": '"x = 1"', "verify": '"x"'},
        "`verify` is compared with each option's `value`; option(s) a, b have none",
    ),
    "numeric with options": (
        {"kind": '"numeric"', "answer": "3"},
        "a numeric question has no `options`",
    ),
    "unknown key": ({"hint": '"look closer"'}, "unknown key 'hint'"),
    "bad id": ({"id": '"Broken"'}, "`id` must be lowercase words joined by -"),
    "glossary word ruled out": (
        {"explanation": '{ en = "The target qubit flips.", ko = "목표 큐비트가 뒤집힙니다." }'},
        "question 'x-broken', explanation.ko: Korean prose says '목표 큐비트'; "
        "the glossary's term for 'target qubit': '표적 큐비트'",
    ),
}


@pytest.mark.parametrize("case", BROKEN, ids=str)
def test_a_broken_question_is_named_with_what_was_expected(tmp_path, case):
    fields, expected = BROKEN[case]
    messages = _messages(_bank(tmp_path, _question("x-broken", **fields)))
    assert any(expected in m for m in messages), messages


def test_bank_wide_rules(tmp_path):
    duplicate = _question("alpha-q1", "alpha")
    messages = _messages(_bank(tmp_path, duplicate))
    assert any("question 'alpha-q1': duplicate question id" in m for m in messages), messages
    weights = SECTIONS.replace("weight = 40", "weight = 30")
    few = _bank(tmp_path / "w", sections=weights + '[[section]]\nid = "gamma"\nweight = 5\n'
                'title = { en = "Gamma", ko = "감마" }\n')  # fmt: skip
    messages = _messages(few)
    assert any("the weights add up to 95, not 100" in m for m in messages), messages
    assert any(
        "section 'gamma': has 0 question(s); each section needs at least 4" in m for m in messages
    ), messages
    (few / "practice" / "under-test.toml").write_text("[[question]\n", encoding="utf-8")
    assert any("under-test.toml: not valid TOML" in m for m in _messages(few))


def test_validate_static_catches_a_broken_bank(tmp_path, capsys):
    root = copy_fixture(tmp_path)
    bank = _bank(tmp_path / "bank", _question("x-broken", "alpha", answer='"z"'))
    shutil.copytree(bank / "practice", root / "practice")
    with pytest.raises(CurriculumError) as caught:
        load_curriculum(root)
    assert "`answer` = 'z' is not among the options a, b" in str(caught.value)
    assert main(["validate", "--static", "--root", str(root)]) == 1
    out = " ".join(capsys.readouterr().out.split())
    assert "x-broken" in out and "not among the options" in out


def test_sections_name_course_exercises_that_exist(tmp_path):
    root = copy_fixture(tmp_path)
    mapped = SECTIONS.replace(
        'title = { en = "Alpha", ko = "알파" }',
        'title = { en = "Alpha", ko = "알파" }\n'
        'exercises = ["01-fixture-one-qubit/plus_state", "01-fixture-one-qubit/nope"]',
    )
    bank = _bank(tmp_path / "bank", sections=mapped)
    shutil.copytree(bank / "practice", root / "practice")
    with pytest.raises(CurriculumError) as caught:
        load_curriculum(root)
    (problem,) = caught.value.problems
    assert "section 'alpha': names exercise '01-fixture-one-qubit/nope', which the curriculum" in (
        str(problem)
    )
    assert load_practice(root).sections[0].exercises == (
        "01-fixture-one-qubit/plus_state",
        "01-fixture-one-qubit/nope",
    )
    shapeless = _bank(tmp_path / "b2", sections=mapped.replace('"01-fixture-one-qubit/nope"', "7"))
    assert any(
        '`exercises` must be a list of "module-id/exercise-id"' in m for m in _messages(shapeless)
    )


def test_the_course_curriculum_lints_clean_with_its_bank():
    assert check_practice(REPO / "curriculum") == []
    curriculum = load_curriculum(REPO / "curriculum", check=False)
    exercises = {f"{m.id}/{ex.id}" for m in curriculum.modules for ex in m.exercises}
    assert check_practice(REPO / "curriculum", exercises) == []
    mapped = [name for s in BANK.sections for name in s.exercises]
    assert len(mapped) >= 20 and len(set(mapped)) == len(mapped)
