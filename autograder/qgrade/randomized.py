"""The randomized operator check for circuits too large for dense matrices (Aer state vectors).

For k Haar-random input states |psi> of the system qubits (ancillas in |0>), the learner's
circuit U and the expected operation E are applied on Aer, and the overlap <E psi|U psi> is
compared with 1 (its magnitude, and its phase: the same for every input, or exactly 1 when the
global phase is strict). Haar-random inputs have every basis state in them, so an error hidden
behind many controls (a phase on one basis state out of 2^20) still shows up, which basis-state
tests miss.

Error probability. For a Haar-random input, 1 - |<psi|E^dag U|psi>|^2 has mean d/(d+1) times
the process infidelity eps. Its lower tail is heaviest when E^dag U differs from the identity
in one eigenvalue only; it is then exponentially distributed, and one trial misses the error
(sees less than the tolerance tol) with probability 1 - e^(-tol/eps) < tol/eps. k independent
trials let it pass with probability below (tol/eps)^k: with the default 4 trials, below 1e-8
for an error 100x above the tolerance (`details["error_probability"]`). Learners' mistakes
are far above that (a phase flip on one basis state of 20 qubits has eps ~ 4e-6 = 400 tol).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence

import numpy as np
from qiskit import QuantumCircuit

from qgrade import _format as fmt
from qgrade import limits, simulate
from qgrade.diagnose import ancilla_not_clean, correct
from qgrade.diagnose import global_phase as global_phase_diag
from qgrade.diagnose.cases import SampledCase
from qgrade.diagnose.engine import diagnose_sampled
from qgrade.oracles import OracleInfo
from qgrade.settings import Settings
from qgrade.verdict import Verdict

Runner = Callable[[list[np.ndarray]], list[np.ndarray]]
MISS_PER_TRIAL = 0.01  # for an error 100x above the tolerance


def haar_state(n: int, rng: np.random.Generator) -> np.ndarray:
    vec = rng.standard_normal(2 ** (n + 1)).view(np.complex128)
    return vec / np.sqrt(np.vdot(vec, vec).real)


def _slot(n: int, system: Sequence[int]) -> tuple:
    chosen = set(system)
    return tuple(slice(None) if (n - 1 - ax) in chosen else 0 for ax in range(n))


def embed(psi: np.ndarray, n: int, system: Sequence[int]) -> np.ndarray:
    """psi on the system qubits, the other qubits (ancillas) in |0>."""
    if len(system) == n:
        return psi
    full = np.zeros((2,) * n, dtype=complex)
    full[_slot(n, system)] = psi.reshape((2,) * len(system))
    return full.reshape(-1)


def project(vec: np.ndarray, n: int, system: Sequence[int]) -> np.ndarray:
    """The part of `vec` with every ancilla in |0>, as a vector on the system qubits."""
    if len(system) == n:
        return vec
    return np.ascontiguousarray(vec.reshape((2,) * n)[_slot(n, system)]).reshape(-1)


def circuit_runner(circuit: QuantumCircuit) -> Runner:
    """Run a unitary circuit on Aer from given initial states."""
    ready = simulate.aer_ready(circuit)
    n = circuit.num_qubits

    def run(inputs: list[np.ndarray]) -> list[np.ndarray]:
        placed = [simulate.to_physical(v, circuit) for v in inputs]
        outs = simulate.aer_run([ready] * len(inputs), n, placed, ready=True)
        return [simulate.to_virtual(o, circuit) for o in outs]

    return run


def remembered(run: Runner) -> Runner:
    """`run` computing each distinct input state once: verifying a repair reruns the expected
    operation on the same seeded inputs as the check itself."""
    cache: dict[bytes, np.ndarray] = {}

    def again(inputs: list[np.ndarray]) -> list[np.ndarray]:
        keys = [hashlib.sha256(np.ascontiguousarray(v).tobytes()).digest() for v in inputs]
        todo = {k: v for k, v in zip(keys, inputs, strict=True) if k not in cache}
        if todo:
            cache.update(zip(todo, run(list(todo.values())), strict=True))
        return [cache[k] for k in keys]

    return again


def matrix_runner(mat: np.ndarray) -> Runner:
    return lambda inputs: [mat @ psi for psi in inputs]


def sampled_check(
    actual_full: Runner,
    expected: Runner,
    n_total: int,
    system: list[int],
    ancillas: list[int],
    settings: Settings,
    oracle: OracleInfo | None = None,
    probe_inputs: Callable[[], list[tuple[str, np.ndarray]]] | None = None,
) -> Verdict:
    n_sys = len(system)
    strict, tol = settings.strict, settings.tolerance
    k = limits.RANDOM_TRIALS if settings.trials is None else int(settings.trials)
    rng = np.random.default_rng(limits.SEED if settings.seed is None else settings.seed)

    def actual(inputs: list[np.ndarray]) -> list[np.ndarray]:
        outs = actual_full([embed(p, n_total, system) for p in inputs])
        return [project(o, n_total, system) for o in outs]

    error_probability = MISS_PER_TRIAL**k
    base = {
        "method": "randomized",
        "trials": k,
        "error_probability": error_probability,
        "error_probability_note": (
            "bound on the chance that an operator whose process infidelity is at least "
            "100 x the tolerance passes; (tolerance / infidelity) ** trials in general "
            "(Haar-random inputs)"
        ),
        "tolerance": tol,
        "num_qubits": n_total,
    }
    overlaps: list[complex] = []
    for trial in range(k):
        psi = haar_state(n_sys, rng)
        full = actual_full([embed(psi, n_total, system)])[0]
        a = project(full, n_total, system)
        e = expected([psi])[0]
        leak = 1.0 - float(np.vdot(a, a).real)
        if ancillas and leak > tol:
            ones = ancilla_not_clean.ancilla_ones(full, n_total, ancillas)
            worst = max(ones, key=lambda q: ones[q])
            return ancilla_not_clean.verdict(worst, ones[worst], None, **base)
        ov = complex(np.vdot(e, a))
        overlaps.append(ov)
        bad = 1 - abs(ov) ** 2 > tol
        if not bad and not strict and len(overlaps) > 1:
            ref = overlaps[0] / abs(overlaps[0])
            bad = 1 - (ov / abs(ov) * np.conj(ref)).real > tol
        if bad:
            case = SampledCase(
                n_sys,
                [psi],
                [e],
                [a],
                overlaps,
                expected,
                actual,
                tol,
                strict,
                oracle,
                {**base, "trials": trial + 1, "failed_trial": trial},
            )
            return diagnose_sampled(case, _prober(actual, expected, n_sys, tol, rng, probe_inputs))
    case = SampledCase(n_sys, [], [], [], overlaps, expected, actual, tol, strict, oracle, base)
    if strict:
        verdict = global_phase_diag.for_sampled(case)
        if verdict is not None:
            return verdict
    fidelity = min(abs(o) ** 2 for o in overlaps)
    details = {**base, "fidelity": fmt.fidelity(fidelity)}
    if oracle is not None:
        return correct.oracle(**details)
    return correct.operator(**details)


def _prober(
    actual: Runner,
    expected: Runner,
    n: int,
    tol: float,
    rng: np.random.Generator,
    probe_inputs: Callable[[], list[tuple[str, np.ndarray]]] | None,
) -> Callable[[], tuple[str | None, str]]:
    """Look for a basis input on which the circuit goes wrong (for the message)."""

    def probe() -> tuple[str | None, str]:
        if probe_inputs is not None:
            candidates = probe_inputs()
        else:
            xs = [0, 2**n - 1, *(int(x) for x in rng.integers(0, 2**n, size=2))]
            candidates = []
            for x in dict.fromkeys(xs):
                vec = np.zeros(2**n, dtype=complex)
                vec[x] = 1
                candidates.append((fmt.label(x, n), vec))
        if not candidates:
            return None, ""
        outs_a = actual([v for _label, v in candidates])
        outs_e = expected([v for _label, v in candidates])
        for (label, _vec), a, e in zip(candidates, outs_a, outs_e, strict=True):
            if 1 - abs(np.vdot(e, a)) ** 2 > tol:
                return label, "basis"
        return None, "superposition"

    return probe
