"""The fixed diagnosis vocabulary: one `declare(...)` per code, from which `DIAGNOSES`, the
verdict titles (`TITLES`) and the table in docs/diagnoses.md are built.

Instructor reports count these codes, notebooks and outside tests match on them: never rename
one. Each check picks the most specific code that is true.

Adding a code: one `declare()` line below (the code, its meaning for instructors, its short
title wrapped in `N_()`); a module `qgrade/diagnose/<code>.py` that makes its verdicts; the
Korean title and messages in locale/ko. `python autograder/qgrade/locale/update.py` extracts the
messages and rewrites docs/diagnoses.md; tests/qgrade/test_layout.py checks all of it.
"""

from __future__ import annotations

from dataclasses import dataclass


def N_(message: str) -> str:
    """Mark `message` for extraction (Babel) without translating it here."""
    return message


@dataclass(frozen=True)
class Diagnosis:
    """One diagnosis code, declared once."""

    code: str
    meaning: str  # English, for instructors and report legends
    title: str  # short name in a verdict's heading (translated when shown)


DECLARED: list[Diagnosis] = []  # in declaration order
DIAGNOSES: dict[str, str] = {}  # code -> what it means (English; instructors, report legends)
TITLES: dict[str, str] = {}  # code -> short untranslated title (`qgrade.render.diagnosis_title`)


def declare(code: str, meaning: str, title: str) -> str:
    """Declare a diagnosis code (once) and return it."""
    if code in DIAGNOSES:
        raise ValueError(f"diagnosis code {code!r} is declared twice")
    DECLARED.append(Diagnosis(code, meaning, title))
    DIAGNOSES[code] = meaning
    TITLES[code] = title
    return code


CORRECT = declare("correct", "The submission is correct.", N_("Correct"))
NEARLY_CORRECT = declare(
    "nearly_correct",
    "Very close but not exact: usually an angle typed as a decimal (3.14 for pi).",
    N_("Almost there"),
)
GLOBAL_PHASE = declare(
    "global_phase",
    "Right up to a global phase, where the exercise requires the exact phase.",
    N_("Global phase differs"),
)
QUBIT_ORDER_REVERSED = declare(
    "qubit_order_reversed",
    "Right with the qubit order reversed (Qiskit labels are little-endian).",
    N_("Qubit order reversed"),
)
QUBITS_PERMUTED = declare(
    "qubits_permuted",
    "Right up to a permutation of the qubits other than a reversal.",
    N_("Qubits swapped around"),
)
RELATIVE_PHASE = declare(
    "relative_phase",
    "Right magnitudes, wrong relative phase on some qubit or basis states.",
    N_("Wrong relative phase"),
)
BIT_FLIP = declare(
    "bit_flip", "Right up to X (bit flips) on some qubits.", N_("Some qubits flipped")
)
WRONG_AMPLITUDES = declare(
    "wrong_amplitudes", "The amplitudes (probabilities) are wrong.", N_("Wrong amplitudes")
)
WRONG_OPERATOR = declare(
    "wrong_operator", "The circuit implements a different operation.", N_("Different operation")
)
ANCILLA_NOT_CLEAN = declare(
    "ancilla_not_clean", "An ancilla qubit does not end in |0>.", N_("Ancilla not returned to |0⟩")
)
WRONG_QUBIT_COUNT = declare(
    "wrong_qubit_count",
    "The circuit has a different number of qubits than asked.",
    N_("Wrong number of qubits"),
)
FORBIDDEN_INSTRUCTION = declare(
    "forbidden_instruction",
    "Uses an instruction the exercise forbids (e.g. initialize).",
    N_("Instruction not allowed here"),
)
CONSTRAINT_VIOLATED = declare(
    "constraint_violated",
    "Breaks a resource constraint (gate set, depth, gate count, oracle calls).",
    N_("Resource limit exceeded"),
)
UNBOUND_PARAMETERS = declare(
    "unbound_parameters", "The circuit still has unbound parameters.", N_("Unbound parameters")
)
NOT_NORMALIZED = declare(
    "not_normalized", "The state vector is not normalized.", N_("State not normalized")
)
TOO_LARGE = declare("too_large", "Too large to check on this machine.", N_("Too large to check"))
STUDENT_ERROR = declare(
    "student_error",
    "The learner's code raised an exception (or is not written yet).",
    N_("Your code raised an error"),
)
DISTRIBUTION_MISMATCH = declare(
    "distribution_mismatch",
    "Measured counts are statistically inconsistent with the expected distribution.",
    N_("Measured counts do not match"),
)
INVALID_SUBMISSION = declare(
    "invalid_submission",
    "Not something that can be graded (wrong type, NaN, wrong length, ...).",
    N_("Cannot grade this submission"),
)
WRONG_VALUE = declare(
    "wrong_value",
    "A classical answer (a number, a bitstring, a list) differs from the expected one.",
    N_("Not the expected answer"),
)
INTERRUPTED = declare(
    "interrupted",
    "The learner's function was interrupted before it returned (stop button, time limit).",
    N_("Interrupted"),
)
CONTROL_TARGET_SWAPPED = declare(
    "control_target_swapped",
    "Right once the control and target of one CX (controlled gate) are swapped.",
    N_("Control and target swapped"),
)
ONE_GATE_AWAY = declare(
    "one_gate_away",
    "Right once one named gate is added, removed or replaced (verified).",
    N_("One gate away"),
)
WRONG_FIGURE = declare(
    "wrong_figure",
    "A plot or drawing does not show what was asked (its data, kind, order, title, legend).",
    N_("Not the asked figure"),
)
WRONG_DRAW_OPTION = declare(
    "wrong_draw_option",
    "A drawing of the right circuit, drawn with another option than asked (says which).",
    N_("Wrong drawing option"),
)


def markdown() -> str:
    """The table of docs/diagnoses.md: every code with its English and Korean title."""
    from qgrade.i18n import _translations

    korean = _translations("ko")
    lines = [
        "# qgrade diagnosis codes",
        "",
        "Generated from the declarations in `autograder/qgrade/diagnoses.py` by",
        "`python autograder/qgrade/locale/update.py`; do not edit by hand. Every verdict names one",
        "of these codes (`verdict.diagnosis`; a failing `assert_*` starts with `[code]`). Each",
        "code's verdicts are made in `autograder/qgrade/diagnose/<code>.py`.",
        "",
        "| code | title | 한국어 제목 | meaning |",
        "|------|-------|-------------|---------|",
    ]
    for d in DECLARED:
        cells = [f"`{d.code}`", d.title, korean.gettext(d.title), d.meaning]
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return "\n".join(lines) + "\n"
