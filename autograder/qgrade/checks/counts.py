"""`check_counts`: are sampled measurement counts consistent with the expected probabilities?

A goodness-of-fit test at level `alpha`, so that a correct circuit fails at most at rate alpha:

- an outcome with expected probability 0 that was observed fails at once;
- Pearson's X^2 statistic over the possible outcomes; its p-value from the chi-square
  distribution when every expected count is at least 5, otherwise from a Monte-Carlo
  simulation of multinomial samples (p = (1 + #{X^2_sim >= X^2_obs}) / (1 + M), an exact-level
  test), seeded from the counts so that the same counts always get the same verdict.

On failure the check also asks whether the counts fit the expected distribution with the bits
reversed (`qubit_order_reversed`) or with some bits flipped (`bit_flip`).
"""

from __future__ import annotations

import math
import zlib
from collections import Counter
from collections.abc import Mapping
from typing import Any

import numpy as np
from qiskit import QuantumCircuit
from qiskit.quantum_info import DensityMatrix, Statevector
from scipy import stats

from qgrade import simulate
from qgrade._guard import ExerciseError, guarded
from qgrade.diagnose import (
    bit_flip,
    correct,
    distribution_mismatch,
    invalid_submission,
    qubit_order_reversed,
)
from qgrade.submission import call_if_callable
from qgrade.verdict import Verdict

ZERO = 1e-12  # expected probabilities below this count as impossible
MIN_EXPECTED = 5.0  # chi-square approximation only when every expected count reaches this


def _parse_key(key: Any, strict: bool) -> tuple[int, int, str]:
    """(value, width, display label) of an outcome key: '0110', '01 1', '0x6' or an int."""
    if isinstance(key, (int, np.integer)) and not isinstance(key, bool):
        value = int(key)
        if value < 0:
            raise ValueError(f"negative outcome {key!r}")
        return value, max(value.bit_length(), 1), ""
    if isinstance(key, str):
        text = key.strip()
        if text.lower().startswith("0x"):
            value = int(text, 16)
            return value, max(value.bit_length(), 1), ""
        bits = text.replace(" ", "").replace("_", "")
        if bits and set(bits) <= {"0", "1"}:
            return int(bits, 2), len(bits), text
    raise ValueError(f"cannot read {key!r} as a measurement outcome")


def _observed(counts: Any) -> dict[Any, int]:
    counts, from_function = call_if_callable(counts)
    if hasattr(counts, "get_counts") and not isinstance(counts, Mapping):
        try:
            counts = counts.get_counts()
        except Exception as err:
            raise invalid_submission.not_numbers(str(err)) from None
    if hasattr(counts, "join_data") and not isinstance(counts, Mapping):
        counts = counts.join_data().get_counts()
    if isinstance(counts, (list, tuple)) and counts and all(isinstance(c, str) for c in counts):
        counts = Counter(counts)  # a memory list of outcomes
    if not isinstance(counts, Mapping):
        raise invalid_submission.not_counts(counts, from_function)
    out: dict[Any, int] = {}
    for key, value in counts.items():
        try:
            number = float(value)
        except (TypeError, ValueError):
            raise invalid_submission.not_numbers(repr(value)) from None
        if not math.isfinite(number) or number < 0 or number != int(number):
            raise invalid_submission.not_whole_counts(value, key)
        out[key] = int(number)
    return out


def _expected(expected: Any) -> dict[Any, float]:
    if isinstance(expected, QuantumCircuit):
        if expected.num_clbits and any(i.operation.name == "measure" for i in expected.data):
            return simulate.outcome_distribution(expected)
        expected = Statevector(expected)
    if isinstance(expected, (Statevector, DensityMatrix)):
        return {k: float(v) for k, v in expected.probabilities_dict().items()}
    if isinstance(expected, Mapping):
        return {k: float(v) for k, v in expected.items()}
    try:
        probs = np.asarray(expected, dtype=float).reshape(-1)
    except Exception as err:
        raise ExerciseError(f"cannot read expected probabilities: {err}") from err
    return {i: float(p) for i, p in enumerate(probs)}


@guarded
def check_counts(
    counts: Any,
    expected_probabilities: Any,
    *,
    alpha: float = 1e-3,
    seed: int | None = None,
    simulations: int | None = None,
) -> Verdict:
    """Test whether `counts` could have been sampled from `expected_probabilities`.

    counts: {outcome: count} (Qiskit `Counts`, keys like '01', '1 01' with registers, '0x1' or
        ints), an object with `get_counts()`, a list of outcome strings (memory), or a
        zero-argument function returning one of those.
    expected_probabilities: {outcome: probability}, a probability array indexed by outcome, a
        Statevector, or a circuit (its measured outcomes' exact distribution).
    alpha: the test's level: a correct circuit fails with probability at most alpha.
    seed, simulations: Monte-Carlo settings (default: seeded from the counts; about 20/alpha).
    """
    alpha = float(alpha)
    if not 0 < alpha < 1:
        raise ExerciseError(f"alpha must be in (0, 1), got {alpha}")
    exp_raw = _expected(expected_probabilities)
    expected: dict[int, float] = {}
    labels: dict[int, str] = {}
    width = 1
    for key, p in exp_raw.items():
        try:
            value, w, text = _parse_key(key, True)
        except ValueError as err:
            raise ExerciseError(str(err)) from err
        if not math.isfinite(p) or p < -1e-12:
            raise ExerciseError(f"expected probability {p} for {key!r} is not valid")
        expected[value] = expected.get(value, 0.0) + max(p, 0.0)
        width = max(width, w)
        if text:
            labels.setdefault(value, text)
    total_p = sum(expected.values())
    if abs(total_p - 1) > 1e-6:
        raise ExerciseError(f"expected probabilities add up to {total_p}, not 1")
    expected = {k: v / total_p for k, v in expected.items()}

    observed: dict[int, int] = {}
    for key, c in _observed(counts).items():
        try:
            value, w, text = _parse_key(key, False)
        except ValueError:
            raise invalid_submission.not_an_outcome(key) from None
        observed[value] = observed.get(value, 0) + c
        width = max(width, w)
        if text:
            labels[value] = text
    shots = sum(observed.values())
    if shots == 0:
        raise invalid_submission.empty_counts()

    def show(value: int) -> str:
        return labels.get(value) or format(value, f"0{width}b")

    rng_seed = seed if seed is not None else zlib.crc32(repr(sorted(observed.items())).encode())
    sims = simulations or int(min(100_000, max(2_000, math.ceil(20 / alpha))))
    details: dict[str, Any] = {
        "counts": {show(k): v for k, v in sorted(observed.items())},
        "expected_probabilities": {show(k): p for k, p in sorted(expected.items()) if p > ZERO},
        "shots": shots,
        "alpha": alpha,
    }
    result = goodness_of_fit(observed, expected, shots, sims, rng_seed)
    details.update(result)
    if result["p_value"] >= alpha and result["impossible"] is None:
        return correct.counts(**details)

    # is it the expected distribution read backwards, or with some bits flipped?
    def fits(alternative: dict[int, float]) -> bool:
        again = goodness_of_fit(observed, alternative, shots, sims, rng_seed)
        return again["impossible"] is None and again["p_value"] >= alpha

    verdict = qubit_order_reversed.for_counts(expected, width, fits, details)
    if verdict is None:
        verdict = bit_flip.for_counts(observed, expected, width, fits, details)
    if verdict is not None:
        return verdict
    if result["impossible"] is not None:
        value = result["impossible"]
        return distribution_mismatch.impossible(show(value), observed[value], **details)
    value = max(
        expected.keys() | observed.keys(),
        key=lambda k: abs(observed.get(k, 0) - shots * expected.get(k, 0.0)),
    )
    return distribution_mismatch.mismatch(
        show(value), observed.get(value, 0), shots * expected.get(value, 0.0), **details
    )


def goodness_of_fit(
    observed: dict[int, int], expected: dict[int, float], shots: int, sims: int, seed: int
) -> dict[str, Any]:
    impossible = next(
        (k for k in sorted(observed) if observed[k] > 0 and expected.get(k, 0.0) <= ZERO), None
    )
    support = sorted(k for k, p in expected.items() if p > ZERO)
    if impossible is not None:
        return {
            "p_value": 0.0,
            "statistic": math.inf,
            "test": "impossible_outcome",
            "impossible": impossible,
        }
    if len(support) <= 1:
        return {"p_value": 1.0, "statistic": 0.0, "test": "single_outcome", "impossible": None}
    p = np.array([expected[k] for k in support])
    p = p / p.sum()
    o = np.array([observed.get(k, 0) for k in support], dtype=float)
    e = shots * p
    stat = float(np.sum((o - e) ** 2 / e))
    if float(e.min()) >= MIN_EXPECTED:
        p_value = float(stats.chi2.sf(stat, len(support) - 1))
        test = "pearson_chi2"
    else:
        rng = np.random.default_rng(seed)
        exceed = 0
        done = 0
        chunk = max(1, min(sims, 4_000_000 // len(support)))
        while done < sims:
            size = min(chunk, sims - done)
            samples = rng.multinomial(shots, p, size=size)
            sim_stats = np.sum((samples - e) ** 2 / e, axis=1)
            exceed += int(np.sum(sim_stats >= stat - 1e-9 * max(1.0, stat)))
            done += size
        p_value = (1 + exceed) / (1 + sims)
        test = "pearson_monte_carlo"
    return {"p_value": p_value, "statistic": stat, "test": test, "impossible": None}
