"""`check_state`: is the learner's state the expected pure state?"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from qgrade import _format as fmt
from qgrade import settings as opts
from qgrade import simulate
from qgrade import submission as subm
from qgrade._guard import guarded
from qgrade.constraints import Constraints
from qgrade.diagnose import (
    correct,
    not_normalized,
    repair,
    too_large,
    wrong_amplitudes,
    wrong_qubit_count,
)
from qgrade.diagnose import (
    global_phase as global_phase_diag,
)
from qgrade.diagnose.cases import StateCase, branch_prefix
from qgrade.diagnose.engine import diagnose_state
from qgrade.settings import Settings
from qgrade.verdict import Verdict

__all__ = ["check_state", "judge_ensemble"]


@guarded
def check_state(
    submission: Any,
    expected: Any,
    *,
    global_phase: str = "ignore",
    qubits: Sequence[int] | None = None,
    constraints: Constraints | None = None,
    tolerance: float | None = None,
    max_qubits: int | None = None,
    reference: Any = None,
) -> Verdict:
    """Check that `submission` prepares the pure state `expected`.

    submission: a QuantumCircuit (started in |0...0>; barriers and final measurements are
        ignored; mid-circuit measurement, reset and `if_test` feed-forward are simulated
        exactly), a Statevector / DensityMatrix, an array of amplitudes, or a zero-argument
        function returning one of those.
    expected: a QuantumCircuit, Statevector or array (the exercise's truth).
    global_phase: "ignore" (default) or "strict" (only meaningful when all qubits are compared
        and nothing is measured mid-circuit).
    qubits: the submission's qubits to compare, in the order of expected's qubits; the other
        qubits are traced out and the reduced state must be the expected pure state.
    constraints: rules on how the circuit is built (`qgrade.Constraints`); when given, the
        submission must be a circuit. Without it, state-preparation shortcuts are still banned.
    tolerance: pass when the fidelity |<expected|actual>|^2 is within this of 1 (default 1e-8).
    max_qubits: larger submissions get `too_large` (default `qgrade.limits.MAX_QUBITS`).
    reference: the exercise's reference solution (a circuit, or a function returning one).
        Never used to decide pass or fail: only to find the single gate to add, remove or
        replace (`one_gate_away`), which is reported only when the repaired circuit passes.
    """
    settings = opts.read(global_phase, tolerance, max_qubits)
    tol, limit = settings.tolerance, settings.max_qubits
    exp = subm.expected_state(expected, limit)
    n_e = int(len(exp)).bit_length() - 1
    keep = opts.qubits_argument(qubits, n_e)

    sub = subm.resolve(submission, "state")
    subm.require_circuit(sub, constraints)
    if sub.kind == "circuit":
        subm.prepare_circuit(sub, constraints, limit, n_e)
    elif sub.num_qubits > limit:
        raise too_large.qubits(sub.num_qubits, limit, n_e)
    n = sub.num_qubits
    if keep is None and n != n_e:
        raise wrong_qubit_count.mismatch(n, n_e)
    if keep is not None:
        for q in keep:
            if q >= n:
                raise wrong_qubit_count.qubit_out_of_range(q, n)

    from_branches = False
    if sub.kind == "vector":
        assert sub.data is not None
        not_normalized.check(sub.data, exp if keep is None else None, tol)
        vec = sub.data / np.linalg.norm(sub.data)
        ensemble = [(1.0, vec, "")]
    elif sub.kind == "density":
        ensemble = _density_ensemble(sub.data, tol)
    else:
        assert sub.circuit is not None
        if sub.dynamic:
            from_branches = True
            ensemble = [(b.prob, b.vec, b.bit_label()) for b in simulate.branches(sub.circuit)]
        else:
            ensemble = [(1.0, simulate.statevector(sub.circuit), "")]
    verdict = judge_ensemble(ensemble, n, keep, exp, settings, from_branches)
    if sub.kind == "circuit" and not sub.dynamic and keep is None and not verdict.passed:
        assert sub.circuit is not None

        def passes(circ: Any) -> Verdict:
            state = simulate.statevector(circ)
            return judge_ensemble([(1.0, state, "")], n, keep, exp, settings, False)

        zero = np.zeros((2**n, 1), dtype=complex)
        zero[0, 0] = 1
        verdict = repair.improve(
            verdict, sub.circuit, zero, exp.reshape(-1, 1), passes, reference, tol
        )
    return verdict


def _density_ensemble(rho: np.ndarray | None, tol: float) -> list[tuple[float, np.ndarray, str]]:
    assert rho is not None
    trace = float(np.trace(rho).real)
    if abs(trace - 1) > tol:
        not_normalized.density_trace(trace)
    rho = (rho + rho.conj().T) / 2
    values, vectors = np.linalg.eigh(rho)
    out = []
    for i in np.argsort(-values):
        if values[i] > 1e-12:
            out.append((float(values[i]), vectors[:, i], ""))
    return out


def _compared(
    vec: np.ndarray, n: int, keep: list[int] | None
) -> tuple[np.ndarray | None, np.ndarray | None]:
    """(vector on the compared qubits, None) when they are all the qubits, else (None, M)
    with M the 2^k x 2^(n-k) matrix whose rows are indexed by the compared qubits."""
    if keep is None:
        return vec, None
    if sorted(keep) == list(range(n)):
        dest = [0] * n
        for i, q in enumerate(keep):
            dest[q] = i
        return simulate.permute_qubits(vec, n, dest), None
    k = len(keep)
    rest = [q for q in range(n) if q not in keep]
    t = vec.reshape((2,) * n)
    axes = [n - 1 - q for q in reversed(keep)] + [n - 1 - q for q in reversed(rest)]
    return None, t.transpose(axes).reshape(2**k, -1)


def judge_ensemble(
    ensemble: list[tuple[float, np.ndarray, str]],
    n: int,
    keep: list[int] | None,
    exp: np.ndarray,
    settings: Settings,
    from_branches: bool,
) -> Verdict:
    """The verdict on the states a submission prepares: `ensemble` lists (probability, state on
    all n qubits, measured bits) of its branches (one, probability 1, without measurements)."""
    strict, tol = settings.strict, settings.tolerance
    n_e = int(len(exp)).bit_length() - 1
    parts = []
    total = 0.0
    for p, vec, bits in ensemble:
        full, m = _compared(vec, n, keep)
        if full is not None:
            fid = float(abs(np.vdot(exp, full)) ** 2)
        else:
            fid = float(np.linalg.norm(exp.conj() @ m) ** 2)
        total += p * fid
        parts.append((p, fid, full, m, bits))
    total = min(total, 1.0)
    single_full = len(parts) == 1 and parts[0][2] is not None
    base = {"fidelity": fmt.fidelity(total), "tolerance": tol, "num_qubits": n}
    if keep is not None:
        base["qubits"] = list(keep)
    if 1 - total <= tol:
        if strict and single_full:
            case = StateCase(exp, parts[0][2], n_e, tol, strict)
            verdict = global_phase_diag.for_state(case)
            if verdict is not None:
                return verdict
        if from_branches and len(parts) > 1:
            base["branches"] = len(parts)
        return correct.state(**base)
    if len(parts) == 1:
        return _diagnose_part(parts[0], n_e, keep, exp, strict, tol, "", {})
    if not from_branches:
        return wrong_amplitudes.mixed(total, keep, **base)
    # the first measurement outcome (by label) whose state is wrong, most likely first
    worst = min(parts, key=lambda part: (part[1] >= 1 - tol, part[4]))
    prefix = branch_prefix(worst[4]) if worst[4] else ""
    extra = {
        "fidelity": fmt.fidelity(total),
        "measured_bits": worst[4],
        "branch_probability": worst[0],
        "branch_fidelity": fmt.fidelity(worst[1]),
        "branches": len(parts),
    }
    if keep is not None:
        extra["qubits"] = list(keep)
    return _diagnose_part(worst, n_e, keep, exp, False, tol, prefix, extra)


def _diagnose_part(
    part: tuple[float, float, np.ndarray | None, np.ndarray | None, str],
    n_e: int,
    keep: list[int] | None,
    exp: np.ndarray,
    strict: bool,
    tol: float,
    prefix: str,
    extra: dict[str, Any],
) -> Verdict:
    _p, fid, full, m, _bits = part
    if full is not None:
        case = StateCase(exp, full, n_e, tol, strict, prefix, extra, qubit_names=keep)
        return diagnose_state(case)
    assert m is not None
    pure = _pure_part(m)
    if pure is None:
        return wrong_amplitudes.mixed(fid, keep, prefix, **extra)
    extra = {**extra, "qubits": list(keep or [])}
    case = StateCase(exp, pure, n_e, tol, False, prefix, extra, qubit_names=keep)
    return diagnose_state(case)


def _pure_part(m: np.ndarray) -> np.ndarray | None:
    """The state of the compared qubits if it is pure (not entangled with the rest)."""
    if min(m.shape) > 4096:
        return None
    u, s, _vh = np.linalg.svd(m, full_matrices=False)
    if s[0] ** 2 < 1 - 1e-9:
        return None
    return u[:, 0]
