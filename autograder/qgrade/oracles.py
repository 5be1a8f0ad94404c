"""Classical-function oracles as data: truth tables, permutations, matrices and runners.

The comparison core of `check_oracle`, below `qgrade.checks` and `qgrade.diagnose` (the
qubit-order diagnosis rebuilds an oracle's matrix with the inputs reversed); it imports neither.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from qgrade import _format as fmt
from qgrade._guard import ExerciseError


@dataclass
class OracleInfo:
    """The oracle a check expects: what the detectors need to explain an oracle's mistakes."""

    kind: str  # "phase" or "bit_flip"
    n: int  # input bits
    table: np.ndarray  # f(x) for every x, as 0/1
    target: int  # the output qubit of a bit-flip oracle (system index)


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


def probe_inputs(info: OracleInfo) -> list[tuple[str, np.ndarray]]:
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
