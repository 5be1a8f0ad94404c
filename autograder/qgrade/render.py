"""Show a `Verdict` to a learner: a plain-text form and an HTML form for Jupyter.

Both give a pass/fail line and the message; on failure they add a compact expected-vs-actual
view built from `verdict.details`, when the check put the facts there:

- states: `expected_amplitudes` / `actual_amplitudes` (array, `Statevector` or {label: amplitude})
  shown as magnitude and phase per basis label (small n only);
- counts: `counts` (observed {outcome: count}) and `expected_probabilities` ({outcome: p} or an
  array), drawn as an inline SVG bar chart;
- oracles: `failing_input` (with `expected_output` / `actual_output` when given);
- `fidelity` whenever present;
- `warnings` (captured warnings and stderr lines of the check), in a collapsed list.

Every piece of text is HTML-escaped: a learner's exception message ends up in `verdict.message`
and must never be able to inject markup or script into the notebook.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from html import escape
from typing import TYPE_CHECKING, Any

import numpy as np

from qgrade.diagnoses import TITLES
from qgrade.i18n import _

if TYPE_CHECKING:
    from qgrade.verdict import Verdict

__all__ = ["render_html", "render_text", "diagnosis_title"]

PASS_COLOR = "#1a7f37"
FAIL_COLOR = "#cf222e"
EXPECTED_COLOR = "#9ab7d8"
OBSERVED_COLOR = "#24527a"
MAX_TABLE_QUBITS = 5  # 32 basis states; larger states get no amplitude table
MAX_ROWS = 16  # rows of the amplitude table / bars of the chart
TINY = 1e-9  # amplitudes or probabilities below this are treated as zero


def N_(message: str) -> str:
    """Mark `message` for extraction without translating it yet (translated at render time)."""
    return message


# short human names of the diagnosis codes, declared with each code in `qgrade.diagnoses`
_TITLES: dict[str, str] = TITLES


def diagnosis_title(code: str) -> str:
    """A short translated name for a diagnosis code (the code itself if unknown)."""
    title = _TITLES.get(code)
    return _(title) if title else code


# ---------------------------------------------------------------- numbers and labels


def _fmt_float(x: float, digits: int = 3) -> str:
    text = f"{x:.{digits}f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def format_phase(phase: float) -> str:
    """A phase in (-pi, pi] as a simple multiple of pi when it is one (π/2, -3π/4), else radians."""
    if not math.isfinite(phase):
        return "?"
    phase = math.remainder(phase, 2 * math.pi)  # into [-pi, pi]
    if phase <= -math.pi + 1e-9:
        phase = math.pi
    ratio = phase / math.pi
    for denom in (1, 2, 3, 4, 6, 8):
        num = round(ratio * denom)
        if abs(ratio * denom - num) < 1e-6:
            if num == 0:
                return "0"
            sign = "-" if num < 0 else ""
            num = abs(num)
            head = "π" if num == 1 else f"{num}π"
            return f"{sign}{head}" if denom == 1 else f"{sign}{head}/{denom}"
    return _fmt_float(phase) + " rad"


def _basis_labels(n: int) -> list[str]:
    # Qiskit's little-endian labels: qubit 0 is the rightmost character
    return [format(i, f"0{n}b") for i in range(2**n)]


def _as_vector(value: Any) -> list[complex] | None:
    """A flat list of complex numbers from an array-like or `Statevector`, else None."""
    if value is None or isinstance(value, Mapping | str | bytes):
        return None
    if not isinstance(value, np.ndarray) and isinstance(getattr(value, "data", None), np.ndarray):
        value = value.data  # Statevector and friends
    try:
        vec = np.asarray(value, dtype=complex).ravel()
    except (TypeError, ValueError):
        return None
    return [complex(x) for x in vec] or None


def _amplitude_map(value: Any) -> dict[str, complex] | None:
    """{basis label: amplitude} from a vector of length 2^n or a mapping."""
    if isinstance(value, Mapping):
        try:
            return {str(k): complex(v) for k, v in value.items()}
        except (TypeError, ValueError):
            return None
    vec = _as_vector(value)
    if vec is None:
        return None
    n = len(vec).bit_length() - 1
    if 2**n != len(vec) or n > MAX_TABLE_QUBITS:
        return None
    return dict(zip(_basis_labels(n), vec, strict=True))


def _probability_map(value: Any) -> dict[str, float] | None:
    if isinstance(value, Mapping):
        try:
            return {str(k): float(v) for k, v in value.items()}
        except (TypeError, ValueError):
            return None
    vec = _as_vector(value)
    if vec is None:
        return None
    n = max(len(vec).bit_length() - 1, 1)
    if 2**n != len(vec):
        return None
    return {label: abs(p) for label, p in zip(_basis_labels(n), vec, strict=True)}


def _label_key(label: str) -> tuple[int, str]:
    # numeric order for bitstrings, text order for anything else
    bits = label.replace(" ", "")
    if bits and set(bits) <= {"0", "1"}:
        return (int(bits, 2), label)
    return (1 << 62, label)


def _amplitude_rows(details: Mapping[str, Any]) -> tuple[list[tuple[str, str, str]], int] | None:
    """Rows (label, expected, actual) as 'magnitude ∠ phase' text, and how many were left out."""
    expected = _amplitude_map(details.get("expected_amplitudes"))
    actual = _amplitude_map(details.get("actual_amplitudes"))
    if expected is None and actual is None:
        return None
    expected = expected or {}
    actual = actual or {}
    labels = sorted(
        {lab for lab, a in (*expected.items(), *actual.items()) if abs(a) > TINY},
        key=_label_key,
    )
    rows = [(lab, _fmt_amp(expected.get(lab)), _fmt_amp(actual.get(lab))) for lab in labels]
    return rows[:MAX_ROWS], max(0, len(rows) - MAX_ROWS)


def _fmt_amp(a: complex | None) -> str:
    if a is None or abs(a) <= TINY:
        return "0"
    return f"{_fmt_float(abs(a))} ∠ {format_phase(math.atan2(a.imag, a.real))}"


def _count_bars(details: Mapping[str, Any]) -> list[tuple[str, float, float]] | None:
    """(outcome, expected probability, observed frequency) for the chart, most relevant first."""
    counts = details.get("counts", details.get("observed_counts"))
    expected = _probability_map(details.get("expected_probabilities"))
    if not isinstance(counts, Mapping) or expected is None:
        return None
    try:
        observed = {str(k): float(v) for k, v in counts.items()}
    except (TypeError, ValueError):
        return None
    shots = sum(observed.values())
    if shots <= 0:
        return None
    freq = {k: v / shots for k, v in observed.items()}
    labels = {k for k, p in expected.items() if p > TINY} | {k for k, f in freq.items() if f > 0}
    top = sorted(labels, key=lambda k: -max(expected.get(k, 0.0), freq.get(k, 0.0)))[:MAX_ROWS]
    return [(k, expected.get(k, 0.0), freq.get(k, 0.0)) for k in sorted(top, key=_label_key)]


def _fidelity(details: Mapping[str, Any]) -> float | None:
    try:
        fid = float(details["fidelity"])
    except (KeyError, TypeError, ValueError):
        return None
    return fid if math.isfinite(fid) else None


def _fmt_fidelity(fid: float) -> str:
    # enough digits to tell 0.999999 (an angle typed as 3.14) from 1
    return f"{fid:.10f}".rstrip("0").rstrip(".") or "0"


def _oracle_facts(details: Mapping[str, Any]) -> list[tuple[str, str]]:
    facts = []
    if details.get("failing_input") is not None:
        facts.append((_("Failing input"), _ket(details["failing_input"])))
    if details.get("expected_output") is not None:
        facts.append((_("Expected output"), str(details["expected_output"])))
    if details.get("actual_output") is not None:
        facts.append((_("Your output"), str(details["actual_output"])))
    return facts


def _ket(value: Any) -> str:
    text = str(value)
    return text if text.startswith("|") else f"|{text}⟩"


# ---------------------------------------------------------------- plain text


def render_text(verdict: Verdict, notes: Sequence[str] = ()) -> str:
    """The verdict as a few lines of plain text (terminals, `print`, `repr` in IPython)."""
    # (no _() inside f-strings: Babel cannot extract from them on Python 3.11)
    if verdict.passed:
        lines = ["✔ " + _("Passed"), verdict.message]
    else:
        head = "✘ " + _("Not passed yet") + ": " + diagnosis_title(verdict.diagnosis)
        lines = [f"{head} [{verdict.diagnosis}]", verdict.message]
    details = verdict.details
    fid = _fidelity(details)
    if fid is not None and not verdict.passed:
        lines.append(_("Fidelity") + ": " + _fmt_fidelity(fid))
    if not verdict.passed:
        lines += _safely(_text_failure_views, details)
    lines += [f"! {note}" for note in _all_notes(details, notes)]
    return "\n".join(line for line in lines if line)


def _all_notes(details: Mapping[str, Any], notes: Sequence[str]) -> list[str]:
    """The check's own captured warnings (details["warnings"]) and `notes`, without repeats."""
    found = details.get("warnings")
    if isinstance(found, str):
        found = [found]
    elif not isinstance(found, list | tuple):
        found = []
    return list(dict.fromkeys(str(note) for note in [*found, *notes]))


def _safely(view: Any, details: Mapping[str, Any]) -> list[str]:
    # A display hook that raises makes IPython print a traceback to stderr, and nbgrader gives 0
    # to a test cell with stderr output: odd details must cost the extra view, never the grade.
    try:
        return list(view(details))
    except Exception:
        return []


def _text_failure_views(details: Mapping[str, Any]) -> list[str]:
    lines = [f"{label}: {value}" for label, value in _oracle_facts(details)]
    amp = _amplitude_rows(details)
    if amp and amp[0]:
        rows, more = amp
        header = (_("Basis state"), _("Expected"), _("Yours"))
        w1 = max(len(header[0]), *(len(r[0]) + 2 for r in rows))
        w2 = max(len(header[1]), *(len(r[1]) for r in rows))
        lines.append(f"{header[0]:<{w1}}  {header[1]:<{w2}}  {header[2]}")
        lines += [f"{'|' + lab + '⟩':<{w1}}  {e:<{w2}}  {a}" for lab, e, a in rows]
        if more:
            lines.append(_("… and {count} more basis states").format(count=more))
    bars = _count_bars(details)
    if bars:
        lines.append(_("Outcome") + ": " + _("expected") + " / " + _("observed"))
        lines += [f"  {lab}: {_fmt_float(e)} / {_fmt_float(o)}" for lab, e, o in bars]
    return lines


# ---------------------------------------------------------------- HTML


def _e(value: Any) -> str:
    return escape(str(value), quote=True)


def render_html(verdict: Verdict, notes: Sequence[str] = ()) -> str:
    """The verdict as a self-contained, escaped HTML fragment (inline styles only)."""
    color = PASS_COLOR if verdict.passed else FAIL_COLOR
    if verdict.passed:
        heading = "✔ " + _e(_("Passed"))
    else:
        heading = (
            "✘ " + _e(_("Not passed yet")) + ": " + _e(diagnosis_title(verdict.diagnosis)) + " "
            f'<code style="font-size:85%;color:#57606a">[{_e(verdict.diagnosis)}]</code>'
        )
    parts = [
        f'<div class="qgrade-verdict" data-diagnosis="{_e(verdict.diagnosis)}" '
        f'data-passed="{str(verdict.passed).lower()}" '
        f'style="border-left:4px solid {color};padding:4px 10px;margin:4px 0;'
        f'font-family:sans-serif;line-height:1.4">',
        f'<div style="font-weight:bold;color:{color}">{heading}</div>',
        f'<div style="white-space:pre-wrap">{_e(verdict.message)}</div>',
    ]
    if not verdict.passed:
        parts += _safely(_html_failure_views, verdict.details)
    notes = _all_notes(verdict.details, notes)
    if notes:
        items = "".join(
            f'<li><code style="white-space:pre-wrap">{_e(note)}</code></li>' for note in notes
        )
        parts.append(
            '<details style="color:#57606a;font-size:85%"><summary>'
            + _e(_("Warnings raised during the check"))
            + f" ({len(notes)})</summary>"
            f'<ul style="margin:2px 0">{items}</ul></details>'
        )
    parts.append("</div>")
    return "".join(parts)


def _html_failure_views(details: Mapping[str, Any]) -> list[str]:
    parts: list[str] = []
    facts = []
    fid = _fidelity(details)
    if fid is not None:
        facts.append((_("Fidelity"), _fmt_fidelity(fid)))
    facts += _oracle_facts(details)
    if facts:
        cells = "".join(f"<tr><th {_TH}>{_e(k)}</th><td {_TD}>{_e(v)}</td></tr>" for k, v in facts)
        parts.append(f'<table style="border-collapse:collapse;margin:4px 0">{cells}</table>')
    amp = _amplitude_rows(details)
    if amp and amp[0]:
        parts.append(_html_amplitude_table(*amp))
    bars = _count_bars(details)
    if bars:
        parts.append(_svg_bar_chart(bars))
    return parts


_TH = 'style="text-align:left;padding:1px 10px 1px 0;font-weight:600;font-size:90%"'
_TD = 'style="text-align:left;padding:1px 8px 1px 0;font-family:monospace"'


def _html_amplitude_table(rows: Iterable[tuple[str, str, str]], more: int) -> str:
    head = "".join(f"<th {_TH}>{_e(h)}</th>" for h in (_("Basis state"), _("Expected"), _("Yours")))
    body = "".join(
        f"<tr><td {_TD}>|{_e(lab)}⟩</td><td {_TD}>{_e(exp)}</td>"
        f"<td {_TD if exp == act else _MISMATCH}>{_e(act)}</td></tr>"
        for lab, exp, act in rows
    )
    caption = _e(_("Amplitudes as magnitude ∠ phase (qubit 0 is the rightmost bit)"))
    tail = ""
    if more:
        more_text = _("… and {count} more basis states").format(count=more)
        tail = f'<div style="font-size:85%">{_e(more_text)}</div>'
    return (
        f'<div style="font-size:85%;color:#57606a;margin-top:6px">{caption}</div>'
        f'<table style="border-collapse:collapse;margin:2px 0 4px 0">'
        f"<tr>{head}</tr>{body}</table>{tail}"
    )


_MISMATCH = (
    'data-mismatch="true" style="text-align:left;padding:1px 8px 1px 0;font-family:monospace;'
    'color:#cf222e"'
)


def _svg_bar_chart(bars: Sequence[tuple[str, float, float]]) -> str:
    """Grouped bars: expected probability (light) next to observed frequency (dark)."""
    bar_w, gap, plot_h, top, bottom, left = 12, 10, 90, 18, 34, 30
    group_w = 2 * bar_w + gap
    width = max(left + group_w * len(bars) + 10, left + 170)
    height = top + plot_h + bottom
    peak = max(0.05, *(max(e, o) for _lab, e, o in bars))
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'role="img" style="display:block;margin:4px 0;font-family:sans-serif;font-size:10px">',
        "<title>" + _e(_("Expected probabilities and observed frequencies")) + "</title>",
        f'<line x1="{left}" y1="{top + plot_h}" x2="{width - 5}" y2="{top + plot_h}" '
        f'stroke="#57606a"/>',
        f'<text x="{left - 4}" y="{top + 4}" text-anchor="end">{_fmt_float(peak, 2)}</text>',
        f'<text x="{left - 4}" y="{top + plot_h}" text-anchor="end">0</text>',
    ]
    for i, (label, exp, obs) in enumerate(bars):
        x = left + i * group_w + gap / 2
        for j, (value, color) in enumerate(((exp, EXPECTED_COLOR), (obs, OBSERVED_COLOR))):
            h = plot_h * value / peak
            out.append(
                f'<rect x="{x + j * bar_w:.1f}" y="{top + plot_h - h:.1f}" width="{bar_w - 1}" '
                f'height="{h:.1f}" fill="{color}"><title>{_e(label)}: {_fmt_float(value)}</title>'
                f"</rect>"
            )
        out.append(
            f'<text x="{x + bar_w:.1f}" y="{top + plot_h + 12}" text-anchor="middle">'
            f"{_e(label)}</text>"
        )
    legend_y = height - 6
    out += [
        f'<rect x="{left}" y="{legend_y - 8}" width="9" height="9" fill="{EXPECTED_COLOR}"/>',
        f'<text x="{left + 12}" y="{legend_y}">' + _e(_("expected")) + "</text>",
        f'<rect x="{left + 80}" y="{legend_y - 8}" width="9" height="9" fill="{OBSERVED_COLOR}"/>',
        f'<text x="{left + 92}" y="{legend_y}">' + _e(_("observed")) + "</text>",
        "</svg>",
    ]
    return "".join(out)
