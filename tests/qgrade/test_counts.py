"""check_counts: a proper statistical test (size <= alpha, good power), keys of every shape."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest
from qiskit import ClassicalRegister, QuantumCircuit, QuantumRegister
from qiskit.quantum_info import Statevector
from qiskit_aer import AerSimulator

import qgrade
from qgrade import _guard


@pytest.fixture(autouse=True)
def _raise_internal_errors(monkeypatch):
    monkeypatch.setattr(_guard, "RAISE_INTERNAL_ERRORS", True)


def _sample(rng, probs: dict[str, float], shots: int) -> dict[str, int]:
    keys = list(probs)
    draws = rng.multinomial(shots, [probs[k] for k in keys])
    return {k: int(c) for k, c in zip(keys, draws, strict=True) if c}


@pytest.mark.parametrize(
    "probs, shots",
    [
        ({"00": 0.5, "11": 0.5}, 1000),  # chi-square regime
        ({"0": 0.9, "1": 0.1}, 20),  # small expected counts: Monte-Carlo regime
        ({"000": 0.6, "001": 0.25, "010": 0.1, "111": 0.05}, 40),
    ],
)
def test_false_failure_rate_is_at_most_alpha(probs, shots):
    rng = np.random.default_rng(2024)
    alpha = 0.01
    runs = 2000
    failures = sum(
        not qgrade.check_counts(_sample(rng, probs, shots), probs, alpha=alpha).passed
        for _ in range(runs)
    )
    # binomial(2000, 0.01): mean 20, sd 4.4; the test may be conservative (discreteness)
    assert failures <= 35, failures


def test_power_against_a_wrong_distribution():
    rng = np.random.default_rng(5)
    truth = {"0": 0.6, "1": 0.4}
    rejected = sum(
        not qgrade.check_counts(_sample(rng, truth, 1000), {"0": 0.5, "1": 0.5}).passed
        for _ in range(200)
    )
    assert rejected >= 190


def test_power_with_small_counts_monte_carlo():
    rng = np.random.default_rng(6)
    truth = {"0": 0.5, "1": 0.5}
    expected = {"0": 0.95, "1": 0.05}
    rejected = sum(
        not qgrade.check_counts(_sample(rng, truth, 30), expected, alpha=0.01).passed
        for _ in range(100)
    )
    assert rejected >= 95


def test_same_counts_same_verdict():
    counts = {"0": 3, "1": 1}
    a = qgrade.check_counts(counts, {"0": 0.5, "1": 0.5})
    b = qgrade.check_counts(dict(reversed(list(counts.items()))), {"0": 0.5, "1": 0.5})
    assert a.details["p_value"] == b.details["p_value"]
    assert a.details["test"] == "pearson_monte_carlo"


def test_zero_probability_outcome_observed_fails():
    verdict = qgrade.check_counts({"00": 500, "01": 1, "11": 499}, {"00": 0.5, "11": 0.5})
    assert verdict.diagnosis == "distribution_mismatch"
    assert "01" in verdict.message and verdict.details["impossible_outcome"] == "01"


def test_missing_outcomes_are_fine():
    assert qgrade.check_counts({"00": 1000}, {"00": 0.999999, "11": 1e-6}).passed
    assert qgrade.check_counts({"0": 12}, {"0": 1.0}).passed


def test_keys_with_registers_hex_and_ints():
    expected = {"01": 0.5, "10": 0.5}
    assert qgrade.check_counts({"0 1": 480, "1 0": 520}, expected).passed
    assert qgrade.check_counts({"0x1": 480, "0x2": 520}, expected).passed
    assert qgrade.check_counts({1: 480, 2: 520}, expected).passed
    assert qgrade.check_counts(["01"] * 48 + ["10"] * 52, expected).passed
    assert qgrade.check_counts(lambda: {"01": 48, "10": 52}, expected).passed
    assert qgrade.check_counts({"01": 48, "10": 52}, [0, 0.5, 0.5, 0]).passed
    assert qgrade.check_counts({"01": 48, "10": 52}, Statevector([0, 1, 1, 0]) / np.sqrt(2)).passed


def test_counts_from_aer_with_two_registers_against_a_circuit():
    q = QuantumRegister(2)
    a, b = ClassicalRegister(1, "a"), ClassicalRegister(1, "b")
    qc = QuantumCircuit(q, a, b)
    qc.h(0)
    qc.cx(0, 1)
    qc.measure(0, a[0])
    qc.measure(1, b[0])
    counts = AerSimulator().run(qc, shots=2000, seed_simulator=11).result().get_counts()
    assert all(" " in k for k in counts)
    assert qgrade.check_counts(counts, qc).passed
    assert qgrade.check_counts(counts, {"00": 0.5, "11": 0.5}).passed


def test_reversed_bit_order_and_bit_flips_are_recognized():
    expected = {"001": 0.75, "011": 0.25}
    rev = qgrade.check_counts({"100": 760, "110": 240}, expected)
    assert rev.diagnosis == "qubit_order_reversed"
    flip = qgrade.check_counts({"101": 740, "111": 260}, expected)
    assert flip.diagnosis == "bit_flip" and flip.details["flipped_bits"] == [2]


@pytest.mark.parametrize(
    "counts, words",
    [
        ({}, "empty"),
        ({"0": -3, "1": 5}, "whole numbers"),
        ({"0": 2.5}, "whole numbers"),
        ({"zero": 10}, "not a measurement outcome"),
        ("0101", "counts dictionary"),
        (None, "None"),
        (42, "a counts dictionary such as {'00': 510, '11': 490}."),
    ],
)
def test_bad_counts(counts, words):
    verdict = qgrade.check_counts(counts, {"0": 0.5, "1": 0.5})
    assert verdict.diagnosis == "invalid_submission"
    assert words in verdict.message, verdict.message


def test_memory_list_and_counter():
    assert qgrade.check_counts(Counter({"0": 52, "1": 48}), {"0": 0.5, "1": 0.5}).passed
