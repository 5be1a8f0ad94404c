"""Numerical helpers of the detectors: Walsh-Hadamard transform, phase fits, XOR diagonals."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence

import numpy as np


def wht(vec: np.ndarray, n: int) -> np.ndarray:
    """Unnormalized fast Walsh-Hadamard transform of a length-2^n vector."""
    t = np.array(vec, dtype=complex).reshape((2,) * n) if n else np.array(vec, dtype=complex)
    for axis in range(n):
        a = np.take(t, 0, axis=axis)
        b = np.take(t, 1, axis=axis)
        t = np.stack([a + b, a - b], axis=axis)
    return t.reshape(-1)


def xor_correlation(expected: np.ndarray, actual: np.ndarray, n: int) -> np.ndarray:
    """c[m] = sum_i conj(expected[i]) * actual[i ^ m] = <X_m expected | actual>, for every mask m."""
    return wht(wht(np.conj(expected), n) * wht(actual, n), n) / (2**n)


def xor_diagonals(mat: np.ndarray) -> np.ndarray:
    """c[m] = sum_i mat[i ^ m, i] / d = Tr(X_m mat) / d, for every mask m (d <= 1024)."""
    d = mat.shape[0]
    idx = np.arange(d)
    xor = idx[None, :] ^ idx[:, None]  # xor[m, i] = i ^ m
    return mat[xor, idx[None, :]].sum(axis=1) / d


def wrap(theta: np.ndarray | float) -> np.ndarray | float:
    """Angles to (-π, π]."""
    return -((-np.asarray(theta) + np.pi) % (2 * np.pi) - np.pi)


def best_masks(scores: np.ndarray, threshold: float) -> list[int]:
    """Nonzero masks whose score reaches `threshold`, fewest flipped qubits first."""
    hits = [int(m) for m in np.nonzero(scores >= threshold)[0] if m != 0]
    return sorted(hits, key=lambda m: (bin(m).count("1"), m))


def mask_qubits(mask: int) -> list[int]:
    return [q for q in range(mask.bit_length()) if mask >> q & 1]


def phase_fit(
    phases: np.ndarray, support: Sequence[int], n: int, weights: np.ndarray | None = None
) -> tuple[list[float] | None, int]:
    """Explain phases[i] (i in `support`) as alpha + sum_q beta_q * bit_q(i).

    Returns (beta per qubit, reference index) when such single-qubit phases explain every
    phase (within 0.02 rad), else (None, reference index). The reference is the index with the
    largest weight.
    """
    sup = np.asarray(support, dtype=np.int64)
    ref = int(sup[0]) if weights is None else int(sup[np.argmax(np.asarray(weights)[sup])])
    member = np.zeros(2**n, dtype=bool)
    member[sup] = True
    beta = np.zeros(n)
    for q in range(n):
        j = ref ^ (1 << q)
        if member[j]:
            diff = float(wrap(phases[j] - phases[ref]))
            beta[q] = diff if (j >> q) & 1 else -diff
    bits = ((sup[:, None] >> np.arange(n)[None, :]) & 1) - ((ref >> np.arange(n)) & 1)[None, :]
    predicted = bits @ beta
    residual = np.abs(wrap(phases[sup] - phases[ref] - predicted))
    if residual.size and float(np.max(residual)) > 0.02:
        return None, ref
    return [float(wrap(b)) for b in beta], ref


def phase_groups(
    phases: np.ndarray, support: Sequence[int], weights: np.ndarray
) -> tuple[float, list[int]]:
    """The phase shared by most of the weight, and the support indices that differ from it."""
    sup = np.asarray(support, dtype=np.int64)
    keys = np.round(np.asarray(wrap(phases[sup])) / 0.02).astype(np.int64)
    uniq, inverse = np.unique(keys, return_inverse=True)
    totals = np.bincount(inverse, weights=np.asarray(weights)[sup])
    ref_phase = float(uniq[int(np.argmax(totals))]) * 0.02
    off = np.abs(np.asarray(wrap(phases[sup] - ref_phase))) > 0.03
    return ref_phase, [int(i) for i in sup[off]]


def gate_for_phase(beta: float) -> str:
    """A gate adding the phase e^{i beta} to |1>: Z, S, S†, T, T† or P(beta)."""
    from qgrade._format import angle

    names = {1.0: "Z", -1.0: "Z", 0.5: "S", -0.5: "S†", 0.25: "T", -0.25: "T†"}
    ratio = beta / math.pi
    for value, name in names.items():
        if abs(ratio - value) < 1e-6:
            return name
    return f"P({angle(beta)})"


def transformed(
    distribution: Mapping[int, float], mapping: Callable[[int], int]
) -> dict[int, float]:
    """The distribution of mapping(outcome) when the outcome follows `distribution`."""
    out: dict[int, float] = {}
    for k, p in distribution.items():
        key = mapping(k)
        out[key] = out.get(key, 0.0) + p
    return out
