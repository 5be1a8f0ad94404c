"""The fixed diagnosis vocabulary.

Instructor reports count these codes, notebooks and outside tests match on them: never rename
one. Each check picks the most specific code that is true.
"""

from __future__ import annotations

CORRECT = "correct"
NEARLY_CORRECT = "nearly_correct"
GLOBAL_PHASE = "global_phase"
QUBIT_ORDER_REVERSED = "qubit_order_reversed"
QUBITS_PERMUTED = "qubits_permuted"
RELATIVE_PHASE = "relative_phase"
BIT_FLIP = "bit_flip"
WRONG_AMPLITUDES = "wrong_amplitudes"
WRONG_OPERATOR = "wrong_operator"
ANCILLA_NOT_CLEAN = "ancilla_not_clean"
WRONG_QUBIT_COUNT = "wrong_qubit_count"
FORBIDDEN_INSTRUCTION = "forbidden_instruction"
CONSTRAINT_VIOLATED = "constraint_violated"
UNBOUND_PARAMETERS = "unbound_parameters"
NOT_NORMALIZED = "not_normalized"
TOO_LARGE = "too_large"
STUDENT_ERROR = "student_error"
DISTRIBUTION_MISMATCH = "distribution_mismatch"
INVALID_SUBMISSION = "invalid_submission"
WRONG_VALUE = "wrong_value"  # check_value: a classical answer (number, string, list) is wrong
INTERRUPTED = "interrupted"
CONTROL_TARGET_SWAPPED = "control_target_swapped"
ONE_GATE_AWAY = "one_gate_away"

# code -> what it means (English; documentation for instructors and report legends)
DIAGNOSES: dict[str, str] = {
    CORRECT: "The submission is correct.",
    NEARLY_CORRECT: "Very close but not exact: usually an angle typed as a decimal (3.14 for pi).",
    GLOBAL_PHASE: "Right up to a global phase, where the exercise requires the exact phase.",
    QUBIT_ORDER_REVERSED: "Right with the qubit order reversed (Qiskit labels are little-endian).",
    QUBITS_PERMUTED: "Right up to a permutation of the qubits other than a reversal.",
    RELATIVE_PHASE: "Right magnitudes, wrong relative phase on some qubit or basis states.",
    BIT_FLIP: "Right up to X (bit flips) on some qubits.",
    WRONG_AMPLITUDES: "The amplitudes (probabilities) are wrong.",
    WRONG_OPERATOR: "The circuit implements a different operation.",
    ANCILLA_NOT_CLEAN: "An ancilla qubit does not end in |0>.",
    WRONG_QUBIT_COUNT: "The circuit has a different number of qubits than asked.",
    FORBIDDEN_INSTRUCTION: "Uses an instruction the exercise forbids (e.g. initialize).",
    CONSTRAINT_VIOLATED: "Breaks a resource constraint (gate set, depth, gate count, oracle calls).",
    UNBOUND_PARAMETERS: "The circuit still has unbound parameters.",
    NOT_NORMALIZED: "The state vector is not normalized.",
    TOO_LARGE: "Too large to check on this machine.",
    STUDENT_ERROR: "The learner's code raised an exception (or is not written yet).",
    DISTRIBUTION_MISMATCH: "Measured counts are statistically inconsistent with the expected distribution.",
    INVALID_SUBMISSION: "Not something that can be graded (wrong type, NaN, wrong length, ...).",
    WRONG_VALUE: "A classical answer (a number, a bitstring, a list) differs from the expected one.",
    CONTROL_TARGET_SWAPPED: "Right once the control and target of one CX (controlled gate) are swapped.",
    ONE_GATE_AWAY: "Right once one named gate is added, removed or replaced (verified).",
    INTERRUPTED: "The learner's function was interrupted before it returned (stop button, time limit).",
}
