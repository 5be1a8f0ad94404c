"""A slice of the corpus of benchmarks/bench_qgrade_corpus.py: Qiskit circuit-library circuits
compiled at optimization levels 0-3 for several basis sets and coupling maps, and single-change
mutants that Qiskit proves different. Every correct copy passes, every mutant fails, nothing
crashes, and the specific diagnoses (>= 80% per kind) are checked true against Qiskit."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "bench_qgrade_corpus.py"


@pytest.fixture(scope="module")
def corpus_module():
    spec = importlib.util.spec_from_file_location("bench_qgrade_corpus", BENCH)
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_corpus_slice(corpus_module):
    bench = corpus_module
    stats = bench.grade(bench.corpus([3, 4, 5], per_circuit=1, seed=7))
    text = bench.report(stats)
    assert stats.correct >= 20 and stats.wrong >= 60, text
    assert stats.crashes == [], text
    assert stats.accepted == stats.correct, text
    assert stats.rejected == stats.wrong, text
    assert not [v for v in stats.false_verdicts], text
    for kind in bench.KINDS:
        counts = stats.by_kind[kind]
        assert counts["total"] >= 5, (kind, text)
        assert counts["specific"] >= 0.8 * counts["total"], (kind, text)
        assert counts["false"] == 0, (kind, text)
