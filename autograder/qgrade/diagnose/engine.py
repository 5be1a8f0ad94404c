"""Run the detectors, most specific first; the first that recognizes the mistake gives the verdict."""

from __future__ import annotations

from collections.abc import Callable

from qgrade.diagnose import (
    bit_flip,
    global_phase,
    nearly_correct,
    qubit_order_reversed,
    qubits_permuted,
    relative_phase,
    wrong_amplitudes,
    wrong_operator,
)
from qgrade.diagnose.cases import OperatorCase, SampledCase, StateCase
from qgrade.verdict import Verdict

STATE_DETECTORS: list[Callable[[StateCase], Verdict | None]] = [
    global_phase.for_state,
    nearly_correct.for_state,
    qubit_order_reversed.for_state,
    qubits_permuted.for_state,
    bit_flip.for_state,
    relative_phase.for_state,
]

OPERATOR_DETECTORS: list[Callable[[OperatorCase], Verdict | None]] = [
    global_phase.for_operator,
    nearly_correct.for_operator,
    qubit_order_reversed.for_operator,
    qubits_permuted.for_operator,
    bit_flip.for_operator,
    relative_phase.for_operator,
]

ORACLE_DETECTORS: list[Callable[[OperatorCase], Verdict | None]] = [
    global_phase.for_operator,
    nearly_correct.for_operator,
    qubit_order_reversed.for_oracle,
    bit_flip.for_operator,
    relative_phase.for_operator,
]

SAMPLED_DETECTORS: list[Callable[[SampledCase], Verdict | None]] = [
    global_phase.for_sampled,
    nearly_correct.for_sampled,
    qubit_order_reversed.for_sampled,
    bit_flip.for_sampled,
    relative_phase.for_sampled,
]


def diagnose_state(case: StateCase) -> Verdict:
    for detect in STATE_DETECTORS:
        verdict = detect(case)
        if verdict is not None:
            return verdict
    return wrong_amplitudes.for_state(case)


def diagnose_operator(case: OperatorCase) -> Verdict:
    detectors = ORACLE_DETECTORS if case.oracle is not None else OPERATOR_DETECTORS
    for detect in detectors:
        verdict = detect(case)
        if verdict is not None:
            return verdict
    if case.oracle is not None:
        return wrong_operator.for_oracle(case)
    return wrong_operator.for_operator(case)


def diagnose_sampled(
    case: SampledCase, probe: Callable[[], tuple[str | None, str]] | None = None
) -> Verdict:
    for detect in SAMPLED_DETECTORS:
        verdict = detect(case)
        if verdict is not None:
            return verdict
    failing, kind = probe() if probe is not None else (None, "")
    return wrong_operator.for_sampled(case, failing, kind)
