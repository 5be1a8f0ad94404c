"""`qubit_order_reversed`: right with the qubit order reversed (Qiskit labels are little-endian).

The most common Qiskit mistake: in the label |01⟩ qubit 0 is the RIGHTMOST bit.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from qgrade import _format as fmt
from qgrade import limits
from qgrade._guard import fail
from qgrade.diagnose import nearly_correct
from qgrade.diagnose._math import transformed
from qgrade.diagnose.cases import OperatorCase, SampledCase, StateCase
from qgrade.diagnoses import QUBIT_ORDER_REVERSED
from qgrade.i18n import _
from qgrade.oracles import oracle_matrix
from qgrade.simulate import reverse_qubits
from qgrade.verdict import Verdict

CODE = QUBIT_ORDER_REVERSED


def _little_endian() -> str:
    return _(
        "In Qiskit, qubit 0 is the rightmost bit of a basis label: |01⟩ means qubit 0 is 1 "
        "and qubit 1 is 0."
    )


def reversed_indices(n: int) -> np.ndarray:
    idx = np.arange(2**n)
    out = np.zeros_like(idx)
    for q in range(n):
        out |= ((idx >> q) & 1) << (n - 1 - q)
    return out


def for_state(case: StateCase) -> Verdict | None:
    if case.n < 2:
        return None
    rev = reverse_qubits(case.actual, case.n)
    fid = case.fidelity_of(rev)
    if not nearly_correct.explains(fid, case.fidelity):
        return None
    message = _("Your qubits are in reversed order.") + " " + _little_endian()
    if case.n <= 4:
        ov = np.vdot(case.expected, case.actual)
        phase = np.conj(ov) / abs(ov) if abs(ov) > 1e-9 else 1.0
        ov_rev = np.vdot(case.expected, rev)
        phase = np.conj(ov_rev) / abs(ov_rev) if abs(ov_rev) > 1e-9 else phase
        message += " " + _("You prepared {actual}, but the exercise asks for {expected}.").format(
            actual=fmt.state_text(case.actual * phase, case.n),
            expected=fmt.state_text(case.expected, case.n),
        )
    message += nearly_correct.suffix(fid)
    return Verdict(False, 0.0, CODE, case.text(message), case.details(fidelity_if_reversed=fid))


def _operator_messages() -> dict[str, str]:
    return {
        "both": _(
            "Your circuit does the right thing, but with the qubit order reversed: your qubit 0 "
            "plays the role of the last qubit, and so on."
        ),
        "output": _(
            "Your circuit's output qubits come out in reversed order (for a QFT: the final swaps "
            "are missing or extra)."
        ),
        "input": _("Your circuit reads its input qubits in reversed order."),
    }


def for_operator(case: OperatorCase) -> Verdict | None:
    if case.n < 2 or case.oracle is not None:
        return None
    rev = reversed_indices(case.n)
    u = case.actual
    candidates = {
        "both": u[np.ix_(rev, rev)],
        "output": u[rev, :],
        "input": u[:, rev],
    }
    for side, mat in candidates.items():
        fid = case.fidelity_of(mat)
        if nearly_correct.explains(fid, case.fidelity):
            message = _operator_messages()[side] + " " + _little_endian()
            message += nearly_correct.suffix(fid)
            return Verdict(False, 0.0, CODE, message, case.details(reversed=side))
    return None


def for_oracle(case: OperatorCase) -> Verdict | None:
    """An oracle that reads its input bits in reversed order (computes f of the reversed input)."""
    info = case.oracle
    if info is None or info.n < 2:
        return None
    rev = reversed_indices(info.n)
    table = info.table[rev]
    if np.array_equal(table, info.table):
        return None
    mat = oracle_matrix(table, info.n, info.kind, info.target, case.n)
    fid = float(abs(np.vdot(mat, case.actual) / case.d) ** 2)
    if fid < 1 - limits.NEARLY:
        return None
    message = (
        _(
            "Your oracle reads its input qubits in reversed order: it computes f of the reversed bits."
        )
        + " "
        + _little_endian()
    )
    return Verdict(False, 0.0, CODE, message, case.details(reversed="input"))


def for_sampled(case: SampledCase) -> Verdict | None:
    if case.n < 2 or case.oracle is not None:
        return None
    n = case.n
    fid = case.fidelity_out(lambda e: reverse_qubits(e, n))
    if fid >= 1 - limits.NEARLY:
        message = _operator_messages()["output"] + " " + _little_endian()
        return Verdict(False, 0.0, CODE, message, case.details(reversed="output"))
    # both sides: E applied to the reversed input, then reversed again
    psi = case.inputs[:1]
    outs = case.run_expected([reverse_qubits(p, n) for p in psi])
    for label, transform in (("both", lambda e: reverse_qubits(e, n)), ("input", lambda e: e)):
        fid = min(
            float(abs(np.vdot(transform(e), a)) ** 2)
            for e, a in zip(outs, case.actual_out[:1], strict=True)
        )
        if fid >= 1 - limits.NEARLY:
            message = _operator_messages()[label] + " " + _little_endian()
            return Verdict(False, 0.0, CODE, message, case.details(reversed=label))
    return None


def for_counts(
    expected: dict[int, float],
    width: int,
    fits: Callable[[dict[int, float]], bool],
    details: dict[str, Any],
) -> Verdict | None:
    """Counts that fit the expected distribution read backwards (`fits`: the same test)."""
    if width < 2:
        return None

    def rev(k: int) -> int:
        return int(format(k, f"0{width}b")[::-1], 2)

    alt = transformed(expected, rev)
    if alt == expected or not fits(alt):
        return None
    message = (
        _("Your outcomes look like the expected ones read backwards: the bit order is reversed.")
        + " "
        + _little_endian()
    )
    return Verdict(False, 0.0, CODE, message, details)


def for_bloch(n: int) -> Verdict:
    """Bloch spheres of the `n` qubits in reversed order (`check_bloch`)."""
    return fail(
        CODE,
        _(
            "Your spheres show the qubits in reversed order: the sphere of qubit 0 "
            "shows qubit {last}'s state. Qiskit numbers qubits from the right of the "
            "label; check which qubit each gate acts on."
        ).format(last=n - 1),
        problems=["qubit_order"],
    )
