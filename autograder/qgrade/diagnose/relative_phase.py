"""`relative_phase`: right magnitudes, wrong relative phase on some qubit or some basis states."""

from __future__ import annotations

import numpy as np

from qgrade import _format as fmt
from qgrade import limits
from qgrade.diagnose._math import gate_for_phase, phase_fit, phase_groups, wrap
from qgrade.diagnose.cases import OperatorCase, SampledCase, StateCase
from qgrade.diagnoses import RELATIVE_PHASE
from qgrade.i18n import _
from qgrade.verdict import Verdict

CODE = RELATIVE_PHASE
MAX_LISTED = 4


def _qubit_phrases(beta: list[float], name=lambda q: q) -> tuple[str, list[dict]]:  # noqa: ANN001
    parts = []
    facts = []
    for q, b in enumerate(beta):
        if abs(b) < 1e-3:
            continue
        parts.append(
            _(
                "on qubit {qubit}, |1⟩ gets an extra factor e^(i·{angle}) (like an extra {gate} gate)"
            ).format(qubit=name(q), angle=fmt.angle(b), gate=gate_for_phase(b))
        )
        facts.append({"qubit": name(q), "phase": b})
    return "; ".join(parts), facts


def _explain(
    phases: np.ndarray,
    support: list[int],
    weights: np.ndarray,
    n: int,
    name=lambda q: q,  # noqa: ANN001
) -> tuple[str, dict] | None:
    """A sentence naming the qubits (or basis states) whose phase is off."""
    beta, _ref = phase_fit(phases, support, n, weights)
    if beta is not None:
        text, facts = _qubit_phrases(beta, name)
        if facts:
            return text, {"phase_errors": facts}
    ref_phase, odd = phase_groups(phases, support, weights)
    if not odd:
        return None
    shown = odd[:MAX_LISTED]
    offsets = sorted({fmt.angle(float(wrap(phases[i] - ref_phase))) for i in shown})
    labels = ", ".join(fmt.ket(i, n) for i in shown) + (", …" if len(odd) > MAX_LISTED else "")
    text = _("the basis states {labels} have the wrong phase (off by {offsets})").format(
        labels=labels, offsets=" / ".join(offsets)
    )
    return text, {"wrong_phase_states": [fmt.label(i, n) for i in odd[:64]]}


def magnitudes_match(e: np.ndarray, a: np.ndarray) -> bool:
    """The same probability for every basis state (a phase fix can then make them equal)."""
    mag = float(np.sum(np.abs(e) * np.abs(a))) ** 2
    if mag < 1 - limits.NEARLY:
        return False
    return float(np.max(np.abs(np.abs(e) - np.abs(a)))) <= np.sqrt(limits.NEARLY)


def for_state(case: StateCase) -> Verdict | None:
    e, a = case.expected, case.actual
    if not magnitudes_match(e, a):
        return None
    weights = np.abs(e) ** 2
    support = [int(i) for i in np.nonzero(np.abs(e) > 1e-6)[0]]
    if len(support) < 2:
        return None
    phases = np.angle(a * np.conj(e))
    found = _explain(phases, support, weights, case.n, case.name)
    if found is None:
        return None
    text, facts = found
    message = _(
        "The probabilities are right, but a relative phase is wrong: {explanation}. Check "
        "your Z, S, T (or phase) gates."
    ).format(explanation=text)
    return Verdict(False, 0.0, CODE, case.text(message), case.details(**facts))


def _diagonal_phases(w: np.ndarray) -> np.ndarray | None:
    diag = np.diagonal(w)
    # every column must keep its magnitude (a few wrong columns hide in an average)
    if float(np.min(np.abs(diag))) < 1 - limits.NEARLY:
        return None
    return np.angle(diag)


def for_operator(case: OperatorCase) -> Verdict | None:
    if case.n < 2:  # on one qubit every wrong phase gate would be "a relative phase"
        return None
    if case.oracle is not None and case.oracle.kind == "phase":
        return None  # a phase oracle's signs are its job: wrong_operator names the input
    e, u = case.expected, case.actual
    for side, w in (("output", u @ e.conj().T), ("input", e.conj().T @ u)):
        phases = _diagonal_phases(w)
        if phases is None:
            continue
        support = list(range(case.d))
        found = _explain(phases, support, np.ones(case.d), case.n)
        if found is None:
            continue
        text, facts = found
        if case.oracle is not None:
            message = _(
                "Your oracle moves the right basis states but with wrong phases: {explanation}."
            ).format(explanation=text)
        elif side == "output":
            message = _(
                "Your circuit is right except for phases at the end: {explanation}. Check your "
                "Z, S, T, phase and controlled-phase gates."
            ).format(explanation=text)
        else:
            message = _(
                "Your circuit is right except for phases at the start: {explanation}. Check your "
                "Z, S, T, phase and controlled-phase gates."
            ).format(explanation=text)
        return Verdict(False, 0.0, CODE, message, case.details(side=side, **facts))
    return None


def for_sampled(case: SampledCase) -> Verdict | None:
    if case.n < 2 or (case.oracle is not None and case.oracle.kind == "phase"):
        return None
    e, a = case.expected_out[0], case.actual_out[0]
    if not magnitudes_match(e, a):
        return None
    support = [int(i) for i in np.nonzero(np.abs(e) > 1e-12)[0]]
    phases = np.angle(a * np.conj(e))
    weights = np.abs(e) ** 2
    found = _explain(phases, support, weights, case.n)
    if found is None:
        return None
    text, facts = found
    message = _(
        "Your circuit is right except for phases at the end: {explanation}. Check your "
        "Z, S, T, phase and controlled-phase gates."
    ).format(explanation=text)
    return Verdict(False, 0.0, CODE, message, case.details(side="output", **facts))
