"""`check_operator`: does the learner's circuit implement the expected operation?

Up to `DENSE_MAX_QUBITS` qubits the operators are compared as dense matrices (process
fidelity |Tr(E^dag U)|^2 / d^2); above, with the randomized check of `qgrade.randomized`.
Circuits with mid-circuit measurement / feed-forward are compared through their Choi state
(exact branch simulation of the circuit applied to half of a maximally entangled state).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from qiskit import QuantumCircuit
from qiskit.circuit.library import UnitaryGate

from qgrade import _format as fmt
from qgrade import limits, randomized, simulate
from qgrade import settings as opts
from qgrade import submission as subm
from qgrade._guard import guarded
from qgrade.constraints import Constraints
from qgrade.diagnose import (
    ancilla_not_clean,
    correct,
    invalid_submission,
    repair,
    too_large,
    wrong_qubit_count,
)
from qgrade.diagnose import global_phase as global_phase_diag
from qgrade.diagnose.cases import OperatorCase, branch_prefix, prefixed, reset_prefix
from qgrade.diagnose.engine import diagnose_operator
from qgrade.oracles import OracleInfo
from qgrade.settings import Settings, ancillas_argument
from qgrade.verdict import Verdict

__all__ = ["ancillas_argument", "check_operator", "compare", "improve"]

MAX_CHOI_QUBITS = 16  # circuit qubits + reference qubits for dynamic circuits


@guarded
def check_operator(
    submission: Any,
    expected: Any,
    *,
    global_phase: str = "ignore",
    ancillas: Sequence[int] = (),
    constraints: Constraints | None = None,
    tolerance: float | None = None,
    max_qubits: int | None = None,
    trials: int | None = None,
    seed: int | None = None,
    reference: Any = None,
) -> Verdict:
    """Check that `submission` implements the unitary `expected`.

    submission: a QuantumCircuit, gate, Operator, unitary matrix, or a zero-argument function
        returning one. Barriers and final measurements are ignored.
    expected: a QuantumCircuit, gate, Operator or matrix on the system qubits.
    global_phase: "ignore" (default) or "strict" (for gates that will be used controlled).
    ancillas: the submission's qubits that are ancillas: they start in |0> and must end in |0>;
        the other qubits, in increasing order, are expected's qubits 0, 1, ...
    constraints: rules on how the circuit is built (`qgrade.Constraints`).
    tolerance: pass when the process fidelity is within this of 1 (default 1e-8).
    max_qubits: larger submissions get `too_large` (default `qgrade.limits.MAX_QUBITS`).
    trials, seed: number of random input states and their seed for the randomized check used
        above `qgrade.limits.DENSE_MAX_QUBITS` qubits.
    reference: the exercise's reference solution (a circuit, or a function returning one).
        Never used to decide pass or fail: only to find the single gate to add, remove or
        replace (`one_gate_away`), which is reported only when the repaired circuit passes.
    """
    settings = opts.read(global_phase, tolerance, max_qubits, trials, seed)
    limit = settings.max_qubits
    n_e, exp = subm.expected_operator(expected, limit, limits.DENSE_MAX_QUBITS)
    anc = ancillas_argument(ancillas)
    sub = subm.resolve(submission, "operator")
    subm.require_circuit(sub, constraints)
    n_total = n_e + len(anc)
    if sub.kind == "circuit":
        subm.prepare_circuit(sub, constraints, limit, n_total)
    elif sub.num_qubits > limit:
        raise too_large.qubits(sub.num_qubits, limit, n_total)
    if sub.num_qubits != n_total or any(a >= sub.num_qubits for a in anc):
        raise wrong_qubit_count.mismatch(sub.num_qubits, n_total, len(anc))
    # a circuit too large for a matrix runs on Aer: once per input state, shared by the check
    # and the verification of repairs
    runner = (
        None
        if isinstance(exp, np.ndarray)
        else randomized.remembered(randomized.circuit_runner(exp))
    )
    verdict = compare(sub, exp, n_e, anc, settings, expected_runner=runner)
    return improve(verdict, sub, exp, n_e, anc, settings, reference, runner)


PROBES = 3  # random input states of the search for a single-gate fix


def improve(
    verdict: Verdict,
    sub: subm.Submission,
    exp: np.ndarray | QuantumCircuit,
    n_e: int,
    anc: list[int],
    settings: Settings,
    reference: Any,
    expected_runner: randomized.Runner | None = None,
) -> Verdict:
    """A generic failing verdict becomes a verified single-gate fix when one exists."""
    if verdict.passed or sub.kind != "circuit" or sub.dynamic or anc:
        return verdict
    if verdict.diagnosis not in repair.GENERIC or not 2 <= sub.num_qubits <= repair.MAX_QUBITS:
        return verdict
    circ = sub.circuit
    assert circ is not None
    n = sub.num_qubits
    rng = np.random.default_rng(limits.SEED + 1)
    # fewer probe states on larger circuits: one Haar-random state of 14+ qubits already
    # screens the leads, each of which the full check verifies anyway
    probes = PROBES if n <= limits.DENSE_MAX_QUBITS else 2 if n <= 13 else 1
    inputs = np.stack([randomized.haar_state(n, rng) for _ in range(probes)], axis=1)
    if isinstance(exp, np.ndarray):
        targets = exp @ inputs
    else:
        if expected_runner is None:
            expected_runner = randomized.remembered(randomized.circuit_runner(exp))
        targets = np.stack(expected_runner([inputs[:, j] for j in range(probes)]), axis=1)

    def passes(candidate: QuantumCircuit) -> Verdict:
        again = subm.Submission("circuit", n, circuit=candidate)
        return compare(again, exp, n_e, anc, settings, expected_runner=expected_runner)

    return repair.improve(verdict, circ, inputs, targets, passes, reference, settings.tolerance)


def system_indices(n: int, system: list[int]) -> np.ndarray:
    """Full basis index of each system basis state, ancillas in |0>."""
    j = np.arange(2 ** len(system))
    full = np.zeros_like(j)
    for b, q in enumerate(system):
        full |= ((j >> b) & 1) << q
    return full


def compare(
    sub: subm.Submission,
    exp: np.ndarray | QuantumCircuit,
    n_e: int,
    anc: list[int],
    settings: Settings,
    oracle: OracleInfo | None = None,
    expected_runner: randomized.Runner | None = None,
    probe_inputs: Any = None,
) -> Verdict:
    """Compare a resolved submission with the expected operator (matrix, circuit or runner)."""
    n = sub.num_qubits
    system = [q for q in range(n) if q not in anc]
    if sub.kind == "operator":
        assert sub.data is not None
        u = sub.data
        dev = float(np.max(np.abs(u.conj().T @ u - np.eye(u.shape[0])))) if n <= 12 else 0.0
        if dev > 1e-6:
            raise invalid_submission.not_unitary(dev)
        if isinstance(exp, np.ndarray) and n <= limits.DENSE_MAX_QUBITS:
            return dense(u, exp, n, system, anc, settings, oracle)
        circ = QuantumCircuit(n)
        circ.append(UnitaryGate(u, check_input=False), range(n))
        sub = subm.Submission("circuit", n, circuit=circ)
    circ = sub.circuit
    assert circ is not None
    if sub.dynamic:
        if n + n_e > MAX_CHOI_QUBITS or not isinstance(exp, np.ndarray):
            raise too_large.qubits(n, MAX_CHOI_QUBITS - n_e)
        return choi(circ, exp, n, system, anc, settings, oracle)
    if n <= limits.DENSE_MAX_QUBITS and isinstance(exp, np.ndarray):
        return dense(simulate.operator_matrix(circ), exp, n, system, anc, settings, oracle)
    if expected_runner is None:
        if isinstance(exp, np.ndarray):
            expected_runner = randomized.matrix_runner(exp)
        else:
            expected_runner = randomized.circuit_runner(exp)
    return randomized.sampled_check(
        randomized.circuit_runner(circ),
        expected_runner,
        n,
        system,
        anc,
        settings,
        oracle,
        probe_inputs,
    )


def _ancilla_verdict(
    cols: np.ndarray, rows: np.ndarray, n: int, n_e: int, anc: list[int], tol: float, **details: Any
) -> Verdict | None:
    """`ancilla_not_clean` for the first system input whose output leaves an ancilla in |1>."""
    if not anc:
        return None
    kept = np.sum(np.abs(cols[rows, :]) ** 2, axis=0)
    leaks = 1 - kept
    bad = np.nonzero(leaks > tol)[0]
    if bad.size == 0:
        return None
    j = int(bad[0])
    ones = ancilla_not_clean.ancilla_ones(cols[:, j] / np.linalg.norm(cols[:, j]), n, anc)
    worst = max(ones, key=lambda q: ones[q])
    return ancilla_not_clean.verdict(worst, ones[worst], fmt.label(j, n_e), **details)


def dense(
    u: np.ndarray,
    exp: np.ndarray,
    n: int,
    system: list[int],
    anc: list[int],
    settings: Settings,
    oracle: OracleInfo | None,
) -> Verdict:
    n_e = len(system)
    tol = settings.tolerance
    idx = system_indices(n, system)
    cols = u[:, idx] if anc else u
    v = cols[idx, :] if anc else u
    verdict = _ancilla_verdict(cols, idx, n, n_e, anc, tol, method="dense", num_qubits=n)
    if verdict is not None:
        return verdict
    case = OperatorCase(exp, v, n_e, tol, settings.strict, oracle)
    return _judge(case)


def _judge(case: OperatorCase, prefix: str = "") -> Verdict:
    if 1 - case.fidelity <= case.tolerance:
        if case.strict:
            verdict = global_phase_diag.for_operator(case)
            if verdict is not None:
                return verdict
        details = case.details()
        return correct.oracle(**details) if case.oracle is not None else correct.operator(**details)
    return prefixed(diagnose_operator(case), prefix)


def choi(
    circ: QuantumCircuit,
    exp: np.ndarray,
    n: int,
    system: list[int],
    anc: list[int],
    settings: Settings,
    oracle: OracleInfo | None,
) -> Verdict:
    """A circuit with measurements / feed-forward, applied to half of a maximally entangled state."""
    n_e = len(system)
    tol = settings.tolerance
    d = 2**n_e
    idx = system_indices(n, system)
    init = np.zeros(2 ** (n + n_e), dtype=complex)
    init[idx + (np.arange(d) << n)] = 1 / np.sqrt(d)
    branches = simulate.BranchSimulator(circ, num_qubits=n + n_e).run(init)
    parts = []
    total = 0.0
    for b in branches:
        cols = b.vec.reshape(d, 2**n).T * np.sqrt(d)  # column j: output for system input j
        verdict = _ancilla_verdict(cols, idx, n, n_e, anc, tol, method="choi", num_qubits=n)
        if verdict is not None:
            return verdict
        v = cols[idx, :]
        case = OperatorCase(exp, v, n_e, tol, settings.strict and len(branches) == 1, oracle)
        total += b.prob * case.fidelity
        parts.append((b, case))
    if len(parts) == 1:
        return _judge(parts[0][1])
    if 1 - total <= tol:
        details = {
            "fidelity": fmt.fidelity(total),
            "tolerance": tol,
            "method": "choi",
            "branches": len(parts),
        }
        return correct.oracle(**details) if oracle is not None else correct.operator(**details)
    b, case = min(parts, key=lambda part: (part[1].fidelity >= 1 - tol, part[0].bit_label()))
    if b.bit_label():
        prefix = branch_prefix(b.bit_label())
        case.extra.update({"measured_bits": b.bit_label()})
    else:  # no classical bits: the branches come from a reset
        prefix = reset_prefix()
    case.extra.update({"branches": len(parts)})
    return _judge(case, prefix)
