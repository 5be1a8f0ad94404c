"""`qubits_permuted`: right up to a permutation of the qubits (other than a plain reversal)."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import numpy as np

from qgrade.diagnose import nearly_correct
from qgrade.diagnose.cases import OperatorCase, StateCase
from qgrade.diagnoses import QUBITS_PERMUTED
from qgrade.i18n import _
from qgrade.verdict import Verdict

CODE = QUBITS_PERMUTED
MAX_ALL_PERMUTATIONS = 6  # up to this many qubits every permutation is tried; above, only swaps


def perm_indices(n: int, dest: tuple[int, ...]) -> np.ndarray:
    """src[k] = i such that moving qubit q to dest[q] (for all q) sends basis index i to k."""
    idx = np.arange(2**n)
    new = np.zeros_like(idx)
    for q in range(n):
        new |= ((idx >> q) & 1) << dest[q]
    src = np.empty_like(idx)
    src[new] = idx
    return src


def candidates(n: int) -> Iterator[tuple[int, ...]]:
    """Qubit permutations other than the identity and the reversal, fewest moved qubits first."""
    identity = tuple(range(n))
    reverse = tuple(range(n - 1, -1, -1))
    if n <= MAX_ALL_PERMUTATIONS:
        perms = [p for p in itertools.permutations(range(n)) if p not in (identity, reverse)]
        perms.sort(key=lambda p: sum(1 for i, d in enumerate(p) if i != d))
        yield from perms
        return
    for a, b in itertools.combinations(range(n), 2):
        p = list(identity)
        p[a], p[b] = b, a
        yield tuple(p)


def _describe(dest: tuple[int, ...], name=lambda q: q) -> str:  # noqa: ANN001
    parts = [
        _("your qubit {mine} holds what belongs on qubit {theirs}").format(
            mine=name(i), theirs=name(d)
        )
        for i, d in enumerate(dest)
        if i != d
    ]
    return "; ".join(parts)


def for_state(case: StateCase) -> Verdict | None:
    if case.n < 3 or case.n > 12:  # above 12 qubits the swap search would cost seconds
        return None
    for dest in candidates(case.n):
        moved = case.actual[perm_indices(case.n, dest)]
        fid = case.fidelity_of(moved)
        if nearly_correct.explains(fid, case.fidelity):
            message = _(
                "Your qubits are mixed up: {description}. Check which qubit each gate acts on."
            ).format(description=_describe(dest, case.name))
            message += nearly_correct.suffix(fid)
            return Verdict(
                False, 0.0, CODE, case.text(message), case.details(permutation=list(dest))
            )
    return None


def for_operator(case: OperatorCase) -> Verdict | None:
    if case.n < 3 or case.n > 8 or case.oracle is not None:
        return None
    for dest in candidates(case.n):
        src = perm_indices(case.n, dest)
        for side, mat in (("both", case.actual[np.ix_(src, src)]), ("output", case.actual[src, :])):
            fid = case.fidelity_of(mat)
            if nearly_correct.explains(fid, case.fidelity):
                if side == "both":
                    message = _(
                        "Your circuit does the right thing on the wrong qubits: {description}. "
                        "Check which qubit each gate acts on."
                    ).format(description=_describe(dest))
                else:
                    message = _(
                        "Your circuit's outputs end up on the wrong qubits: {description}. "
                        "Check the swaps at the end of your circuit."
                    ).format(description=_describe(dest))
                message += nearly_correct.suffix(fid)
                return Verdict(
                    False, 0.0, CODE, message, case.details(permutation=list(dest), side=side)
                )
    return None
