"""A failing check in IPython shows the verdict and one short line, never frames of qgrade; an
interrupted answer gets a verdict that says so (issue 11 item 4, issue 12 item 2)."""

from __future__ import annotations

import pickle

import pytest
from IPython.core.interactiveshell import InteractiveShell

import qgrade
from qgrade import i18n
from qgrade.notebook import VerdictFailure


@pytest.fixture
def shell(monkeypatch):
    sh = InteractiveShell.instance()
    shown: list[list[str]] = []

    def capture(etype, evalue, stb):
        shown.append(list(stb))

    monkeypatch.setattr(sh, "_showtraceback", capture)
    sh.user_ns["qgrade"] = qgrade
    yield sh, shown
    sh.user_ns.pop("qgrade", None)


def _endless():
    raise KeyboardInterrupt  # what the stop button raises inside a running loop


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_failed_assert_in_ipython_is_one_short_line(shell, lang, monkeypatch):
    sh, shown = shell
    monkeypatch.setattr(i18n, "_language", lang)
    result = sh.run_cell("qgrade.assert_state([1, 0], [0, 1])")
    err = result.error_in_exec
    assert isinstance(err, AssertionError) and type(err).__name__ == "AssertionError"
    assert str(err).startswith("[bit_flip] ")
    (stb,) = shown
    assert len(stb) == 1 and "notebook.py" not in stb[0] and "File " not in stb[0]
    assert "[bit_flip]" in stb[0]
    if lang == "ko":
        assert "판정" in stb[0]


def test_plain_tracebacks_outside_ipython_keep_the_message():
    with pytest.raises(AssertionError, match=r"^\[bit_flip\] "):
        qgrade.assert_state([1, 0], [0, 1])
    with pytest.raises(VerdictFailure) as info:
        qgrade.partial_credit(qgrade.check_state([1, 0], [0, 1]), points=1)
    assert info.value.verdict.diagnosis == "bit_flip"
    copy = pickle.loads(pickle.dumps(info.value))
    assert str(copy) == str(info.value) and isinstance(copy, AssertionError)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_interrupted_answer_is_a_verdict(shell, lang, monkeypatch):
    sh, shown = shell
    monkeypatch.setattr(i18n, "_language", lang)
    verdict = qgrade.check_state(_endless, [1, 0])
    assert verdict.diagnosis == "interrupted" and not verdict.passed
    sh.user_ns["endless"] = _endless
    result = sh.run_cell("qgrade.assert_operator(endless, [[1, 0], [0, 1]])")
    assert isinstance(result.error_in_exec, AssertionError)
    assert str(result.error_in_exec).startswith("[interrupted] ")
    (stb,) = shown
    assert len(stb) == 1 and "interrupted" in stb[0]
    for check in (
        lambda: qgrade.check_counts(_endless, {"0": 1.0}),
        lambda: qgrade.check_value(_endless, 3),
    ):
        assert check().diagnosis == "interrupted"
    if lang == "ko":
        assert "중단" in verdict.message
