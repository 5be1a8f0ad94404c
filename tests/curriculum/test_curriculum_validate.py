"""`validate` end to end through real nbgrader (generate_assignment, autograde, gradebook)."""

from __future__ import annotations

import pytest
from curriculum_fixture import FIXTURE, MODULE, copy_fixture, edit

from qcourse.curriculum import validate

pytestmark = pytest.mark.slow


def test_fixture_validates_in_both_languages():
    report = validate(root=FIXTURE, workers=2)
    assert report.ok, "\n".join(report.failures())
    assert [(m.module, m.lang) for m in report.modules] == [(MODULE, "en"), (MODULE, "ko")]
    for m in report.modules:
        print(f"validate {m.module} [{m.lang}]: {m.seconds:.1f} s")
        assert m.seconds > 0 and not m.problems
        assert [e.exercise for e in m.exercises] == ["plus_state", "phase_flip", "bell_pair"]
        assert [len(e.wrong) for e in m.exercises] == [1, 2, 2]
        plus, flip, bell = m.exercises
        assert plus.solution.detail == "1/1" and plus.starter.detail == "0/1"
        assert flip.wrong[0].detail == "0/2 [global_phase]"
        assert flip.wrong[1].detail == "0/2"
        # the initialize answer passes the visible test: the hidden test takes its points
        assert bell.wrong[1].detail == "0/2 [forbidden_instruction]"


def test_each_kind_of_failure_is_reported(tmp_path):
    root = copy_fixture(tmp_path)
    # lesson code that needs the learner's answer crashes the untouched starter
    edit(
        root,
        "lesson.py",
        '# %% exercise="plus_state"\n',
        '# %% exercise="plus_state"\n\n# %%\nplus_state().num_qubits\n',
    )
    # a test that swallows the starter's NotImplementedError gives it full marks
    edit(
        root,
        "exercises.toml",
        'qgrade.assert_state(plus_state, plus, global_phase="ignore")',
        "try:\n    answer = plus_state()\nexcept NotImplementedError:\n    answer = None\n"
        'if answer is not None:\n    assert Statevector(answer).equiv(plus), "[wrong_amplitudes] no"',
    )
    # a wrong diagnosis, and an answer that also breaks the next exercise (sealed grading keeps
    # the grader's own `np` for the tests, so the breakage has to be in the learner's cells)
    edit(
        root,
        "exercises.toml",
        'why = "X instead of Z"',
        'why = "X instead of Z"\ndiagnosis = "bit_flip"',
    )
    edit(
        root,
        "exercises.toml",
        "    qc.x(0)\n    return qc\n",
        "    qc.x(0)\n    return qc\nQuantumCircuit.cx = None\n",
    )
    # without its hidden test, the initialize answer gets full marks
    hidden = 'assert "initialize" not in bell.count_ops(), "[forbidden_instruction] initialize is not allowed"'
    edit(root, "exercises.toml", f"hidden_test = '''\n{hidden}\n'''\n", "")

    report = validate(["01"], ["en"], root=root)
    assert not report.ok
    [m] = report.modules
    print(f"validate (failing fixture) {m.module} [{m.lang}]: {m.seconds:.1f} s")
    plus, flip, bell = m.exercises
    assert m.problems == [
        "the untouched starter crashes the notebook: cell code_2 fails: NotImplementedError: "
    ]
    assert not plus.starter.ok
    assert (
        plus.starter.detail == "the untouched starter scores 1/1: the test passes without an answer"
    )
    assert plus.solution.ok and flip.solution.ok and bell.solution.ok
    assert plus.wrong[0].ok and flip.wrong[0].ok and bell.wrong[0].ok
    assert not flip.wrong[1].ok
    assert (
        "expected a [bit_flip] diagnosis, the test said: [wrong_operator]" in flip.wrong[1].detail
    )
    assert "also costs points on bell_pair (0/2)" in flip.wrong[1].detail
    assert not bell.wrong[1].ok
    assert bell.wrong[1].detail.startswith("scores 2/2 (initialize passes the visible test")
    failures = report.failures()
    assert f"{MODULE} [en] phase_flip: wrong answer 2: expected a [bit_flip]" in "\n".join(failures)
    assert len(failures) == 4
