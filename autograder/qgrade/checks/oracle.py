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

from qgrade import limits, oracles
from qgrade import settings as opts
from qgrade import submission as subm
from qgrade._guard import ExerciseError, guarded
from qgrade.checks.operator import compare, improve
from qgrade.constraints import Constraints
from qgrade.diagnose import too_large, wrong_qubit_count
from qgrade.oracles import OracleInfo, truth_table
from qgrade.verdict import Verdict

__all__ = ["check_oracle", "truth_table"]


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
    settings = opts.read(global_phase, tolerance, max_qubits, trials, seed)
    limit = settings.max_qubits
    n_sys = n if kind == "phase" else n + 1
    if target is None:
        target = n if kind == "bit_flip" else 0
    if kind == "bit_flip" and not 0 <= int(target) <= n:
        raise ExerciseError(f"target must be a qubit in 0..{n}")
    anc = opts.ancillas_argument(ancillas)
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
        exp = oracles.oracle_matrix(table, n, kind, info.target, n_sys)
        verdict = compare(sub, exp, n_sys, anc, settings, info)
        return improve(verdict, sub, exp, n_sys, anc, settings, reference)
    return compare(
        sub,
        np.zeros((0, 0)),  # unused: the expected outputs come from the runner
        n_sys,
        anc,
        settings,
        info,
        expected_runner=oracles.oracle_runner(table, n, kind, info.target),
        probe_inputs=lambda: oracles.probe_inputs(info),
    )
