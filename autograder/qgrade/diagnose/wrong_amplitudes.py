"""`wrong_amplitudes`: the amplitudes (probabilities) of the state are wrong."""

from __future__ import annotations

from typing import Any

import numpy as np

from qgrade import _format as fmt
from qgrade.diagnose.cases import StateCase
from qgrade.diagnoses import WRONG_AMPLITUDES
from qgrade.i18n import _, ngettext
from qgrade.verdict import Verdict

CODE = WRONG_AMPLITUDES


def for_state(case: StateCase) -> Verdict:
    pe = np.abs(case.expected) ** 2
    pa = np.abs(case.actual) ** 2
    worst = int(np.argmax(np.abs(pe - pa)))
    message = _(
        "The probabilities of your state are wrong: {label} should have probability "
        "{expected} but has {actual}."
    ).format(
        label=fmt.ket(worst, case.n), expected=fmt.number(pe[worst]), actual=fmt.number(pa[worst])
    )
    if case.n <= 4:
        ov = case.overlap
        phase = np.conj(ov) / abs(ov) if abs(ov) > 1e-9 else 1.0
        message += " " + _("You prepared {actual}, but the exercise asks for {expected}.").format(
            actual=fmt.state_text(case.actual * phase, case.n),
            expected=fmt.state_text(case.expected, case.n),
        )
    return Verdict(
        False,
        0.0,
        CODE,
        case.text(message),
        case.details(worst_basis_state=fmt.label(worst, case.n)),
    )


def mixed(fid: float, qubits: list[int] | None, prefix: str = "", **details: Any) -> Verdict:
    """The compared qubits are not in a pure state (entangled with others, or measured)."""
    if qubits is not None:
        message = ngettext(
            "The qubit you are graded on ({qubits}) is not left in a single definite state: "
            "it is still entangled with your other qubits, or depends on measurement results "
            "that are not corrected. Fidelity {fidelity}.",
            "The qubits you are graded on ({qubits}) are not left in a single definite state: "
            "they are still entangled with your other qubits, or depend on measurement results "
            "that are not corrected. Fidelity {fidelity}.",
            len(qubits),
        ).format(qubits=", ".join(str(q) for q in qubits), fidelity=f"{fid:.6f}")
    else:
        message = _(
            "Your circuit does not leave the qubits in a single definite state: the result "
            "depends on measurement outcomes that are not corrected. Fidelity {fidelity}."
        ).format(fidelity=f"{fid:.6f}")
    details = {**details, "fidelity": fmt.fidelity(fid)}
    return Verdict(False, 0.0, CODE, prefix + message, details)
