"""`check_oracle`: does the learner's circuit implement the oracle of a classical function f?

- kind="phase": on n qubits, |x> -> (-1)^f(x) |x>.
- kind="bit_flip": on n + 1 qubits, |x>|y> -> |x>|y XOR f(x)>; the output qubit is `target`
  (default: qubit n, the last one) and the input x is read from the other qubits, qubit 0
  as the least significant bit (Qiskit's little-endian labels).

f is called with the input as an int x in [0, 2^n) (bit i of x is input qubit i); it may also be
a truth table (a sequence of 2^n values) or a set of the inputs where f is 1 (ints or labels).
Small oracles are checked on every basis input (and on the phases between them); the first wrong
input is named. Large ones (more than `DENSE_MAX_QUBITS` qubits) are checked on Haar-random
inputs and on the uniform superposition, which shows every input's sign at once.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from qgrade import _format as fmt
from qgrade import limits
from qgrade import submission as subm
from qgrade._guard import ExerciseError, guarded
from qgrade.checks.operator import ancillas_argument, compare, improve
from qgrade.checks.state import _settings, phase_mode
from qgrade.constraints import Constraints
from qgrade.diagnose import too_large, wrong_qubit_count
from qgrade.diagnose.cases import OracleInfo
from qgrade.verdict import Verdict


@guarded
def check_oracle(
    submission: Any,
    f: Callable[[int], Any] | Sequence[Any] | set,
    n: int,
    *,
    kind: str = "phase",
    target: int | None = None,
    ancillas: Sequence[int] = (),
    global_phase: str = "ignore",
    constraints: Constraints | None = None,
    tolerance: float | None = None,
    max_qubits: int | None = None,
    trials: int | None = None,
    seed: int | None = None,
    reference: Any = None,
) -> Verdict:
    """Check that `submission` is the `kind` oracle of the classical function `f` on `n` bits.

    See the module docstring for the conventions. `ancillas` are extra qubits of the
    submission that start and must end in |0>; `target` is the output qubit of a bit-flip
    oracle among the system qubits (default n). `reference` (a circuit or a function returning
    one) only helps find a single-gate fix (`one_gate_away`); it never decides pass or fail.
    """
    if kind not in ("phase", "bit_flip"):
        raise ExerciseError(f'kind must be "phase" or "bit_flip", got {kind!r}')
    try:
        n = int(n)
    except (TypeError, ValueError):
        raise ExerciseError(f"n must be an int, got {n!r}") from None
    if n < 1:
        raise ExerciseError("n must be at least 1")
    strict = phase_mode(global_phase)
    tol, limit = _settings(tolerance, max_qubits)
    n_sys = n if kind == "phase" else n + 1
    if target is None:
        target = n if kind == "bit_flip" else 0
    if kind == "bit_flip" and not 0 <= int(target) <= n:
        raise ExerciseError(f"target must be a qubit in 0..{n}")
    anc = ancillas_argument(ancillas)
    n_total = n_sys + len(anc)
    if n_total > limit:
        raise too_large.expected_too_large(n_total, limit)
    table = truth_table(f, n)
    info = OracleInfo(kind, n, table, int(target))

    sub = subm.resolve(submission, "operator")
    subm.require_circuit(sub, constraints)
    if sub.kind == "circuit":
        subm.prepare_circuit(sub, constraints, limit, n_total)
    elif sub.num_qubits > limit:
        raise too_large.qubits(sub.num_qubits, limit, n_total)
    if sub.num_qubits != n_total or any(a >= sub.num_qubits for a in anc):
        raise wrong_qubit_count.mismatch(sub.num_qubits, n_total, len(anc))

    if n_sys <= limits.DENSE_MAX_QUBITS:
        exp = oracle_matrix(table, n, kind, info.target, n_sys)
        verdict = compare(sub, exp, n_sys, anc, strict, tol, info, trials, seed)
        return improve(verdict, sub, exp, n_sys, anc, strict, tol, trials, seed, reference)
    runner = oracle_runner(table, n, kind, info.target)
    return compare(
        sub,
        np.zeros((0, 0)),  # unused: the expected outputs come from `runner`
        n_sys,
        anc,
        strict,
        tol,
        info,
        trials,
        seed,
        expected_runner=runner,
        probe_inputs=lambda: _probe_inputs(info),
    )


def truth_table(f: Any, n: int) -> np.ndarray:
    """f(x) for every x in [0, 2^n) as 0/1 (an ExerciseError if f is not a function of x)."""
    size = 2**n
    if isinstance(f, (set, frozenset)):
        marked = set()
        for item in f:
            marked.add(int(item, 2) if isinstance(item, str) else int(item))
        table = np.zeros(size, dtype=np.int8)
        for x in marked:
            if not 0 <= x < size:
                raise ExerciseError(f"marked input {x} is out of range for n={n}")
            table[x] = 1
        return table
    if not callable(f):
        try:
            table = np.asarray(f, dtype=float).reshape(-1)
        except Exception as err:
            raise ExerciseError(f"f must be a function, a truth table or a set: {err}") from err
        if table.size != size:
            raise ExerciseError(f"truth table has {table.size} entries, expected {size}")
        return (table != 0).astype(np.int8)
    xs = np.arange(size)
    table = None
    if size > 4096:  # try a vectorized call first (f written with numpy or bit operators)
        try:
            values = np.asarray(f(xs))
            if values.shape == (size,):
                table = (values != 0).astype(np.int8)
                probe = [0, 1, size - 1, size // 3]
                if any(int(bool(f(int(x)))) != table[x] for x in probe):
                    table = None
        except Exception:
            table = None
    if table is None:
        try:
            table = np.fromiter((1 if f(int(x)) else 0 for x in xs), dtype=np.int8, count=size)
        except Exception as err:
            raise ExerciseError(f"f raised {type(err).__name__}: {err}") from err
    return table


def _input_bits(j: np.ndarray, target: int) -> np.ndarray:
    low = j & ((1 << target) - 1)
    high = j >> (target + 1)
    return low | (high << target)


def oracle_permutation(table: np.ndarray, n: int, target: int) -> np.ndarray:
    """perm[j] = the basis index that j goes to under the bit-flip oracle (an involution)."""
    j = np.arange(2 ** (n + 1))
    return j ^ (table[_input_bits(j, target)].astype(np.int64) << target)


def oracle_matrix(table: np.ndarray, n: int, kind: str, target: int, n_sys: int) -> np.ndarray:
    if kind == "phase":
        return np.diag(np.where(table != 0, -1.0, 1.0).astype(complex))
    perm = oracle_permutation(table, n, target)
    d = 2**n_sys
    mat = np.zeros((d, d), dtype=complex)
    mat[perm, np.arange(d)] = 1
    return mat


def oracle_runner(table: np.ndarray, n: int, kind: str, target: int) -> Any:
    if kind == "phase":
        signs = np.where(table != 0, -1.0, 1.0)
        return lambda inputs: [psi * signs for psi in inputs]
    perm = oracle_permutation(table, n, target)

    def run(inputs: list[np.ndarray]) -> list[np.ndarray]:
        outs = []
        for psi in inputs:
            out = np.empty_like(psi)
            out[perm] = psi
            outs.append(out)
        return outs

    return run


def _probe_inputs(info: OracleInfo) -> list[tuple[str, np.ndarray]]:
    """Basis inputs for the message: the all-zero input and one where f is 1 (if any)."""
    n = info.n
    xs = [0]
    ones = np.nonzero(info.table)[0]
    if ones.size:
        xs.append(int(ones[0]))
    out = []
    for x in dict.fromkeys(xs):
        if info.kind == "phase":
            vec = np.zeros(2**n, dtype=complex)
            vec[x] = 1
        else:
            low = x & ((1 << info.target) - 1)
            high = x >> info.target
            j = low | (high << (info.target + 1))
            vec = np.zeros(2 ** (n + 1), dtype=complex)
            vec[j] = 1
        out.append((fmt.label(x, n), vec))
    return out
