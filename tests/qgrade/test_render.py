"""How a Verdict looks to a learner: plain text, and escaped HTML in Jupyter."""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import numpy as np
import pytest
from IPython.lib.pretty import pretty
from qiskit import QuantumCircuit
from qiskit.quantum_info import Statevector

from qgrade import i18n
from qgrade.render import format_phase, render_html, render_text
from qgrade.verdict import Verdict

ALLOWED_TAGS = {
    "div", "code", "table", "tr", "th", "td", "details", "summary", "ul", "li",
    "svg", "title", "line", "text", "rect",
}  # fmt: skip
EVIL = '<script>alert("x")</script><img src=x onerror="alert(1)">'


@pytest.fixture(autouse=True)
def _english(monkeypatch):
    monkeypatch.delenv("QCOURSE_LANG", raising=False)
    monkeypatch.setattr(i18n, "_language", None)


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs += attrs

    def handle_data(self, data):
        self.text.append(data)


def _parse(html: str) -> _Tags:
    parser = _Tags()
    parser.feed(html)
    parser.close()
    return parser


def _fail(diagnosis="wrong_amplitudes", message="not yet", **details) -> Verdict:
    return Verdict(False, 0.0, diagnosis, message, details)


def test_passing_verdict_html_and_text():
    verdict = Verdict(True, 1.0, "correct", "Well done: this is |+⟩.")
    html = verdict._repr_html_()
    parsed = _parse(html)
    text = "".join(parsed.text)
    assert "Passed" in text and "Well done: this is |+⟩." in text
    assert 'data-passed="true"' in html and "table" not in parsed.tags
    assert str(verdict).splitlines() == ["✔ Passed", "Well done: this is |+⟩."]
    assert pretty(verdict) == str(verdict)  # IPython's text/plain


def test_failing_verdict_names_the_diagnosis():
    verdict = _fail("qubit_order_reversed", "Reverse the qubit order.")
    html = verdict._repr_html_()
    text = "".join(_parse(html).text)
    assert "Not passed yet" in text and "Qubit order reversed" in text
    assert "[qubit_order_reversed]" in text and "Reverse the qubit order." in text
    assert 'data-diagnosis="qubit_order_reversed"' in html and 'data-passed="false"' in html
    assert str(verdict).splitlines()[0] == (
        "✘ Not passed yet: Qubit order reversed [qubit_order_reversed]"
    )


@pytest.mark.parametrize(
    "details",
    [
        {},
        {"failing_input": EVIL, "expected_output": EVIL, "actual_output": EVIL},
        {"counts": {EVIL: 10, "0": 5}, "expected_probabilities": {EVIL: 0.5, "0": 0.5}},
        {"expected_amplitudes": {EVIL: 1.0}, "actual_amplitudes": {"0": 1.0}},
    ],
)
def test_learner_text_cannot_inject_markup(details):
    # a learner's exception message lands in verdict.message; labels may come from their code
    verdict = _fail("student_error", f"ValueError: {EVIL}", **details)
    html = render_html(verdict, notes=[EVIL])
    parsed = _parse(html)
    assert set(parsed.tags) <= ALLOWED_TAGS, set(parsed.tags) - ALLOWED_TAGS
    assert not any(name.startswith("on") for name, _value in parsed.attrs)
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;" in html
    # the text survives, only as text
    assert any(EVIL in chunk for chunk in parsed.text)


def test_amplitude_table_uses_qiskit_labels_and_phases():
    qc = QuantumCircuit(2)
    qc.x(0)  # |01> in Qiskit's labels: qubit 0 is the rightmost bit
    actual = QuantumCircuit(2)
    actual.x(1)
    actual.s(1)  # i|10>
    verdict = _fail(
        "qubit_order_reversed",
        "reversed",
        fidelity=0.0,
        expected_amplitudes=Statevector(qc),
        actual_amplitudes=Statevector(actual).data,
    )
    text = str(verdict)
    assert "|01⟩         1 ∠ 0     0" in text
    assert "|10⟩         0         1 ∠ π/2" in text
    html = verdict._repr_html_()
    cells = [c for c in _parse(html).text if c.strip()]
    row01 = cells.index("|01⟩")
    assert cells[row01 : row01 + 3] == ["|01⟩", "1 ∠ 0", "0"]
    row10 = cells.index("|10⟩")
    assert cells[row10 : row10 + 3] == ["|10⟩", "0", "1 ∠ π/2"]
    assert "Fidelity" in cells and "0" in cells
    assert html.count('data-mismatch="true"') == 2
    assert "|00⟩" not in cells  # zero rows are left out


def test_amplitude_table_is_left_out_for_many_qubits():
    big = np.zeros(2**8, dtype=complex)
    big[3] = 1
    verdict = _fail(expected_amplitudes=big, actual_amplitudes=big[::-1])
    assert "table" not in _parse(verdict._repr_html_()).tags
    assert "Basis state" not in str(verdict)


def test_amplitude_table_caps_rows():
    n = 5
    uniform = np.full(2**n, 1 / np.sqrt(2**n))
    verdict = _fail(expected_amplitudes=uniform, actual_amplitudes=-uniform)
    html = verdict._repr_html_()
    assert html.count("<tr>") == 1 + 16  # header + MAX_ROWS
    assert "… and 16 more basis states" in html


def test_nearly_correct_fidelity_is_shown_with_enough_digits():
    verdict = _fail("nearly_correct", "check your angles", fidelity=math.cos(0.0008) ** 2)
    assert "Fidelity: 0.99999936" in str(verdict)


@pytest.mark.parametrize(
    ("phase", "text"),
    [
        (0.0, "0"),
        (math.pi, "π"),
        (-math.pi, "π"),
        (math.pi / 2, "π/2"),
        (-math.pi / 2, "-π/2"),
        (3 * math.pi / 4, "3π/4"),
        (2 * math.pi / 3, "2π/3"),
        (5 * math.pi / 2, "π/2"),
        (0.5, "0.5 rad"),
        (float("nan"), "?"),
    ],
)
def test_format_phase(phase, text):
    assert format_phase(phase) == text


def test_counts_bar_chart_is_valid_svg_with_both_series():
    counts = {"00": 480, "11": 420, "01": 100}
    verdict = _fail(
        "distribution_mismatch",
        "The counts do not fit.",
        counts=counts,
        expected_probabilities={"00": 0.5, "11": 0.5},
    )
    html = verdict._repr_html_()
    svg_text = html[html.index("<svg") : html.index("</svg>") + len("</svg>")]
    svg = ET.fromstring(svg_text)
    ns = "{http://www.w3.org/2000/svg}"
    labels = [t.text for t in svg.iter(f"{ns}text")]
    assert ["00", "01", "11"] == [label for label in labels if label in counts]
    assert "expected" in labels and "observed" in labels
    bars = {
        r.find(f"{ns}title").text: float(r.get("height"))
        for r in svg.iter(f"{ns}rect")
        if r.find(f"{ns}title") is not None
    }
    # observed 00 (0.48) vs expected 00 (0.5): heights proportional to the values
    assert bars["00: 0.48"] / bars["00: 0.5"] == pytest.approx(0.96, abs=0.01)
    assert bars["01: 0"] == 0.0 and bars["01: 0.1"] > 0
    text = str(verdict)
    assert "Outcome: expected / observed" in text and "  01: 0 / 0.1" in text


def test_counts_accept_an_expected_probability_array():
    verdict = _fail(
        "distribution_mismatch", "x", counts={"0": 90, "1": 10}, expected_probabilities=[0.5, 0.5]
    )
    assert "  0: 0.5 / 0.9" in str(verdict)


def test_oracle_failing_input():
    verdict = _fail(
        "wrong_operator", "f(101) should flip the phase.", failing_input="101", expected_output=-1
    )
    assert "Failing input: |101⟩" in str(verdict)
    text = "".join(_parse(verdict._repr_html_()).text)
    assert "|101⟩" in text and "Expected output" in text


@pytest.mark.parametrize(
    "details",
    [
        {"fidelity": float("nan")},
        {"fidelity": "high"},
        {"expected_amplitudes": [1, 0, 0], "actual_amplitudes": "abc"},
        {"expected_amplitudes": [float("nan"), 1]},
        {"expected_amplitudes": object(), "counts": {"0": "many"}, "expected_probabilities": 3},
        {"counts": {"0": 0}, "expected_probabilities": {"0": 1.0}},
        {"failing_input": None},
    ],
)
def test_odd_details_never_break_rendering(details):
    verdict = _fail(**details)
    assert "not yet" in str(verdict)
    assert "not yet" in verdict._repr_html_()


def test_korean_rendering(monkeypatch):
    monkeypatch.setattr(i18n, "_language", "ko")
    verdict = _fail("bit_flip", "0번 큐비트가 뒤집혔어요.", fidelity=0.0)
    text = str(verdict)
    assert text.splitlines()[0] == "✘ 아직 통과하지 못했어요: 일부 큐비트가 뒤집혔어요 [bit_flip]"
    assert "충실도(fidelity): 0" in text
    assert "통과" in Verdict(True, 1, "correct", "좋아요")._repr_html_()


def test_warnings_notes_are_shown_collapsed():
    html = render_html(Verdict(True, 1, "correct", "ok"), notes=["DeprecationWarning: old"])
    parsed = _parse(html)
    assert "details" in parsed.tags
    assert "DeprecationWarning: old" in "".join(parsed.text)
    assert render_text(Verdict(True, 1, "correct", "ok"), ["W"]).endswith("! W")


def test_the_checks_own_warnings_are_shown_once():
    verdict = _fail(warnings=["UserWarning: from the check", "same"])
    html = render_html(verdict, notes=["same", "extra"])
    items = [t for t in _parse(html).text if t in ("UserWarning: from the check", "same", "extra")]
    assert items == ["UserWarning: from the check", "same", "extra"]
    assert str(verdict).splitlines()[-2:] == ["! UserWarning: from the check", "! same"]
