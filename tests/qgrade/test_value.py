"""check_value / assert_value: classical answers graded with a diagnosis and a translated message."""

import math

import pytest

import qgrade
from qgrade.diagnoses import DIAGNOSES


@pytest.fixture(autouse=True)
def english():
    qgrade.set_language("en")
    yield
    qgrade.set_language("en")


@pytest.mark.parametrize(
    ("actual", "expected"),
    [
        (3, 3),
        (0.1 + 0.2, 0.3),
        (math.pi, 3.141592653589793),
        ("0110", "0110"),
        (True, True),
        ([1, 0.5, "a"], [1, 0.5, "a"]),
        ({"00": 0.5, "11": 0.5}, {"11": 0.5, "00": 0.5}),
        (1 + 1j, 1 + 1j),
        (None, None),
        ([3, None], [3, None]),
    ],
)
def test_right_answers_pass(actual, expected):
    verdict = qgrade.check_value(actual, expected)
    assert verdict.passed and verdict.diagnosis == "correct" and verdict.score == 1.0


@pytest.mark.parametrize(
    ("actual", "expected", "diagnosis"),
    [
        (2, 3, "wrong_value"),
        (3.14, math.pi, "nearly_correct"),
        ("0101", "1010", "wrong_value"),
        ([1, 2], [1, 2, 3], "wrong_value"),
        ([1, 2.5], [1, 2], "wrong_value"),
        ({"a": 1}, {"a": 1, "b": 2}, "wrong_value"),
        (None, 3, "invalid_submission"),
        ("3", 3, "invalid_submission"),
        (True, 1, "invalid_submission"),
        (float("nan"), 1.0, "invalid_submission"),
        (3, "3", "invalid_submission"),
        (5, [5], "invalid_submission"),
        (4, None, "wrong_value"),
        (None, [3, 5], "invalid_submission"),
    ],
)
def test_wrong_answers_fail_with_the_specific_diagnosis(actual, expected, diagnosis):
    verdict = qgrade.check_value(actual, expected)
    assert not verdict.passed
    assert verdict.diagnosis == diagnosis
    assert verdict.message and verdict.diagnosis in DIAGNOSES


def test_tolerances_are_the_exercises_choice():
    assert qgrade.check_value(0.52, 0.5, tolerance=0.05).passed
    assert not qgrade.check_value(0.56, 0.5, tolerance=0.05).passed
    assert qgrade.check_value(1010.0, 1000.0, relative=0.02).passed


def test_a_miss_under_a_statistical_tolerance_is_wrong_not_nearly_correct():
    verdict = qgrade.check_value(0.62, 0.5, tolerance=0.05)
    assert verdict.diagnosis == "wrong_value"


def test_functions_are_called_and_their_errors_become_student_error():
    assert qgrade.check_value(lambda: 7, 7).passed

    def unanswered():
        raise NotImplementedError()

    verdict = qgrade.check_value(unanswered, 7)
    assert verdict.diagnosis == "student_error"
    assert "NotImplementedError" in verdict.message


def test_assert_value_raises_with_the_diagnosis_code_first():
    qgrade.assert_value(4, 4)
    with pytest.raises(AssertionError, match=r"^\[wrong_value\] "):
        qgrade.assert_value(5, 4)


def test_messages_are_korean_when_asked():
    qgrade.set_language("ko")
    assert "기대한" in qgrade.check_value(2, 3).message
    assert "형식" in qgrade.check_value(None, 3).message
