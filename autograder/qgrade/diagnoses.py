"""The fixed diagnosis vocabulary.

Instructor reports count these codes, notebooks and outside tests match on them: never rename
one. Each check picks the most specific code that is true.
"""

from __future__ import annotations

from dataclasses import dataclass

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
WRONG_FIGURE = "wrong_figure"  # checks/figure.py: a plot or drawing does not show what was asked
WRONG_DRAW_OPTION = "wrong_draw_option"  # checks/figure.py: the right circuit, another option


def N_(message: str) -> str:
    """Mark `message` for extraction (Babel) without translating it here."""
    return message


@dataclass(frozen=True)
class Diagnosis:
    """One diagnosis code, declared once: `DIAGNOSES`, the titles and the docs come from here."""

    code: str
    meaning: str  # English, for instructors and report legends
    title: str  # short name in a verdict's heading (translated when shown)


DECLARED: tuple[Diagnosis, ...] = (
    Diagnosis(CORRECT, "The submission is correct.", N_("Correct")),
    Diagnosis(
        NEARLY_CORRECT,
        "Very close but not exact: usually an angle typed as a decimal (3.14 for pi).",
        N_("Almost there"),
    ),
    Diagnosis(
        GLOBAL_PHASE,
        "Right up to a global phase, where the exercise requires the exact phase.",
        N_("Global phase differs"),
    ),
    Diagnosis(
        QUBIT_ORDER_REVERSED,
        "Right with the qubit order reversed (Qiskit labels are little-endian).",
        N_("Qubit order reversed"),
    ),
    Diagnosis(
        QUBITS_PERMUTED,
        "Right up to a permutation of the qubits other than a reversal.",
        N_("Qubits swapped around"),
    ),
    Diagnosis(
        RELATIVE_PHASE,
        "Right magnitudes, wrong relative phase on some qubit or basis states.",
        N_("Wrong relative phase"),
    ),
    Diagnosis(BIT_FLIP, "Right up to X (bit flips) on some qubits.", N_("Some qubits flipped")),
    Diagnosis(
        WRONG_AMPLITUDES, "The amplitudes (probabilities) are wrong.", N_("Wrong amplitudes")
    ),
    Diagnosis(
        WRONG_OPERATOR, "The circuit implements a different operation.", N_("Different operation")
    ),
    Diagnosis(
        ANCILLA_NOT_CLEAN,
        "An ancilla qubit does not end in |0>.",
        N_("Ancilla not returned to |0⟩"),
    ),
    Diagnosis(
        WRONG_QUBIT_COUNT,
        "The circuit has a different number of qubits than asked.",
        N_("Wrong number of qubits"),
    ),
    Diagnosis(
        FORBIDDEN_INSTRUCTION,
        "Uses an instruction the exercise forbids (e.g. initialize).",
        N_("Instruction not allowed here"),
    ),
    Diagnosis(
        CONSTRAINT_VIOLATED,
        "Breaks a resource constraint (gate set, depth, gate count, oracle calls).",
        N_("Resource limit exceeded"),
    ),
    Diagnosis(
        UNBOUND_PARAMETERS, "The circuit still has unbound parameters.", N_("Unbound parameters")
    ),
    Diagnosis(NOT_NORMALIZED, "The state vector is not normalized.", N_("State not normalized")),
    Diagnosis(TOO_LARGE, "Too large to check on this machine.", N_("Too large to check")),
    Diagnosis(
        STUDENT_ERROR,
        "The learner's code raised an exception (or is not written yet).",
        N_("Your code raised an error"),
    ),
    Diagnosis(
        DISTRIBUTION_MISMATCH,
        "Measured counts are statistically inconsistent with the expected distribution.",
        N_("Measured counts do not match"),
    ),
    Diagnosis(
        INVALID_SUBMISSION,
        "Not something that can be graded (wrong type, NaN, wrong length, ...).",
        N_("Cannot grade this submission"),
    ),
    Diagnosis(
        WRONG_VALUE,
        "A classical answer (a number, a bitstring, a list) differs from the expected one.",
        N_("Not the expected answer"),
    ),
    Diagnosis(
        INTERRUPTED,
        "The learner's function was interrupted before it returned (stop button, time limit).",
        N_("Interrupted"),
    ),
    Diagnosis(
        CONTROL_TARGET_SWAPPED,
        "Right once the control and target of one CX (controlled gate) are swapped.",
        N_("Control and target swapped"),
    ),
    Diagnosis(
        ONE_GATE_AWAY,
        "Right once one named gate is added, removed or replaced (verified).",
        N_("One gate away"),
    ),
    Diagnosis(
        WRONG_FIGURE,
        "A plot or drawing does not show what was asked (its data, kind, order, title, legend).",
        N_("Not the asked figure"),
    ),
    Diagnosis(
        WRONG_DRAW_OPTION,
        "A drawing of the right circuit, drawn with another option than asked (says which).",
        N_("Wrong drawing option"),
    ),
)

# code -> what it means (English; documentation for instructors and report legends)
DIAGNOSES: dict[str, str] = {d.code: d.meaning for d in DECLARED}

# code -> short untranslated title (see `qgrade.render.diagnosis_title`)
TITLES: dict[str, str] = {d.code: d.title for d in DECLARED}
