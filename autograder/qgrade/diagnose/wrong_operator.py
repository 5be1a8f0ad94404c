"""`wrong_operator`: the circuit implements a different operation.

The message names the first basis input (little-endian label) on which the circuit goes wrong,
or says that only superpositions show the difference (a phase error between basis inputs).
"""

from __future__ import annotations

import numpy as np

from qgrade import _format as fmt
from qgrade.diagnose.cases import OperatorCase, SampledCase
from qgrade.diagnoses import WRONG_OPERATOR
from qgrade.i18n import _
from qgrade.verdict import Verdict

CODE = WRONG_OPERATOR


def first_wrong_input(case: OperatorCase) -> tuple[int | None, str]:
    """(basis input, "output" | "phase") of the first column that differs, or (None, "")."""
    e, u = case.expected, case.actual
    tol = max(case.tolerance, 1e-9)
    col = np.einsum("ij,ij->j", e.conj(), u)  # <E|j>, U|j>> per input j
    for j in range(case.d):
        if abs(col[j]) ** 2 < 1 - tol:
            return j, "output"
    # every column right up to its own phase: compare the phases with the most common one
    # (ties go to the phase of input 0)
    phases = np.angle(col)
    keys = np.round(phases / 1e-4).astype(np.int64) % int(round(2 * np.pi / 1e-4))
    values, counts = np.unique(keys, return_counts=True)
    top = counts.max()
    ref_key = keys[0] if counts[values == keys[0]][0] == top else values[np.argmax(counts)]
    ref = np.exp(1j * ref_key * 1e-4)
    for j in range(case.d):
        if abs(col[j] / abs(col[j]) - ref) > max(np.sqrt(tol), 1e-3):
            return j, "phase"
    return None, ""


def for_operator(case: OperatorCase) -> Verdict:
    j, why = first_wrong_input(case)
    n = case.n
    if j is None:
        message = _("Your circuit implements a different operation (fidelity {fidelity}).").format(
            fidelity=f"{case.fidelity:.6f}"
        )
        return Verdict(False, 0.0, CODE, message, case.details())
    expected_out = case.expected[:, j]
    actual_out = case.actual[:, j]
    if why == "output":
        ov = np.vdot(expected_out, actual_out)
        phase = np.conj(ov) / abs(ov) if abs(ov) > 1e-9 else 1.0
        message = _(
            "For the input {input}, your circuit gives {actual}, but it should give {expected}."
        ).format(
            input=fmt.ket(j, n),
            actual=fmt.state_text(actual_out * phase, n),
            expected=fmt.state_text(expected_out, n),
        )
    else:
        message = _(
            "Your circuit sends every basis input to the right output, but the input {input} "
            "gets a different phase than the others (this shows up in superpositions): check "
            "your phase and controlled-phase gates."
        ).format(input=fmt.ket(j, n))
    details = case.details(
        failing_input=fmt.label(j, n),
        expected_output=fmt.state_text(expected_out, n, limit=8),
        actual_output=fmt.state_text(actual_out, n, limit=8),
    )
    return Verdict(False, 0.0, CODE, message, details)


def for_oracle(case: OperatorCase) -> Verdict:
    """Name the first input x on which the oracle is wrong, and what f(x) is."""
    info = case.oracle
    assert info is not None
    j, why = first_wrong_input(case)
    if j is None:
        return for_operator(case)
    mask = (1 << info.n) - 1
    x = j & mask if info.kind == "phase" else _input_of(j, info)
    fx = int(info.table[x])
    x_label = fmt.label(x, info.n)
    if info.kind == "phase":
        if why == "phase":
            message = (
                _(
                    "For the input |{x}⟩, f(x) = {fx}, so your oracle should multiply it by {sign}, "
                    "but it does not."
                ).format(x=x_label, fx=fx, sign="-1" if fx else "+1")
                + " "
                + _("(Compared with the other inputs, up to a global phase.)")
            )
        else:
            message = _(
                "For the input |{x}⟩, your oracle changes the input qubits: a phase oracle must "
                "leave every basis state in place and only multiply it by -1 when f(x) = 1."
            ).format(x=x_label)
    else:
        y = (j >> info.target) & 1
        if why == "output":
            message = _(
                "For the input x = {x} (output qubit {target} starting in |{y}⟩), f(x) = {fx}, "
                "so the output qubit should end in |{want}⟩ and the input qubits must stay "
                "unchanged, but your oracle gives {actual}."
            ).format(
                x=x_label,
                target=info.target,
                y=y,
                fx=fx,
                want=y ^ fx,
                actual=fmt.state_text(case.actual[:, j], case.n),
            )
        else:
            message = _(
                "For the input x = {x}, your oracle flips the output qubit correctly but adds a "
                "phase that the other inputs do not get: check your phase gates."
            ).format(x=x_label)
    details = case.details(
        failing_input=x_label,
        f_value=fx,
        expected_output=fmt.state_text(case.expected[:, j], case.n, limit=8),
        actual_output=fmt.state_text(case.actual[:, j], case.n, limit=8),
    )
    return Verdict(False, 0.0, CODE, message, details)


def _input_of(j: int, info) -> int:  # noqa: ANN001
    """The n input bits of system basis index j (the target bit removed)."""
    low = j & ((1 << info.target) - 1)
    high = j >> (info.target + 1)
    return low | (high << info.target)


def oracle_failing_input(case: SampledCase) -> int | None:
    """The first input x whose output differs, read off a random trial (oracles only)."""
    info = case.oracle
    if info is None or not case.expected_out:
        return None
    e, a = case.expected_out[0], case.actual_out[0]
    ov = np.vdot(e, a)
    c = ov / abs(ov) if abs(ov) > 1e-12 else 1.0
    diff = np.abs(a - c * e)
    bad = np.nonzero(diff > 0.5 * np.maximum(np.abs(e), np.abs(a)) + 1e-9)[0]
    if bad.size == 0:
        return None
    j = int(bad[0])
    return j if info.kind == "phase" else _input_of(j, info)


def for_sampled(case: SampledCase, failing_input: str | None, kind: str) -> Verdict:
    info = case.oracle
    if info is not None:
        x = oracle_failing_input(case)
        if x is not None:
            x_label = fmt.label(x, info.n)
            fx = int(info.table[x])
            if info.kind == "phase":
                message = _(
                    "For the input |{x}⟩, f(x) = {fx}, so your oracle should multiply it by {sign}, "
                    "but it does not."
                ).format(x=x_label, fx=fx, sign="-1" if fx else "+1")
            else:
                message = _(
                    "For the input x = {x}, f(x) = {fx}, but your oracle does not flip the output "
                    "qubit {target} exactly when f(x) = 1 (or it changes the input qubits)."
                ).format(x=x_label, fx=fx, target=info.target)
            details = case.details(failing_input=x_label, f_value=fx)
            return Verdict(False, 0.0, CODE, message, details)
    if failing_input is not None:
        message = _(
            "Your circuit implements a different operation: for the basis input |{input}⟩ "
            "it gives a different output than expected."
        ).format(input=failing_input)
    elif kind == "superposition":
        message = _(
            "Your circuit gives the right output for the basis inputs tested, but not for "
            "superpositions: the phases between basis states are wrong (check your phase and "
            "controlled-phase gates)."
        )
    else:
        message = _(
            "Your circuit implements a different operation: on a random test state its output "
            "has fidelity {fidelity} with the expected output."
        ).format(fidelity=f"{case.fidelity:.6f}")
    details = case.details()
    if failing_input is not None:
        details["failing_input"] = failing_input
    return Verdict(False, 0.0, CODE, message, details)
