"""Small formatting helpers shared by the messages: basis labels, qubit lists, angles, numbers.

Labels follow Qiskit's little-endian convention: in the label "01" qubit 0 is the rightmost
character, so |01⟩ means qubit 0 is 1 and qubit 1 is 0.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

import numpy as np

from qgrade.i18n import _, ngettext
from qgrade.limits import DETAIL_QUBITS


def label(index: int, n: int) -> str:
    """The little-endian basis label of `index` on `n` qubits, e.g. label(1, 2) == "01"."""
    return format(int(index), f"0{n}b") if n > 0 else ""


def ket(index: int, n: int) -> str:
    return "|" + label(index, n) + "⟩"


def qubit_list(qubits: Iterable[int]) -> str:
    """ "qubit 2" or "qubits 0, 1 and 3" (localized)."""
    qs = [int(q) for q in qubits]
    if len(qs) == 1:
        return _("qubit {qubit}").format(qubit=qs[0])
    head = ", ".join(str(q) for q in qs[:-1])
    return _("qubits {first} and {last}").format(first=head, last=qs[-1])


def count_phrase(count: int, singular: str, plural: str) -> str:
    return ngettext(singular, plural, count).format(count=count)


def angle(theta: float) -> str:
    """An angle in radians, as a multiple of π when it is a simple one ("π/2", "-3π/4")."""
    if not math.isfinite(float(theta)):
        return str(float(theta))
    theta = math.remainder(float(theta), 2 * math.pi)  # in [-π, π]
    for den in (1, 2, 3, 4, 6, 8, 16):
        num = theta * den / math.pi
        if abs(num - round(num)) < 1e-6:
            num = int(round(num))
            if num == 0:
                return "0"
            sign = "-" if num < 0 else ""
            num = abs(num)
            top = "π" if num == 1 else f"{num}π"
            return f"{sign}{top}" if den == 1 else f"{sign}{top}/{den}"
    return f"{theta:.4g} rad"


def number(x: float, digits: int = 4) -> str:
    return f"{float(x):.{digits}g}"


def fidelity(x: float) -> float:
    """A fidelity rounded for details (keeps enough digits to tell 0.9999994 from 1)."""
    return float(round(float(x), 12))


def amplitude(a: complex) -> str:
    """A short text for one amplitude: "0.7071", "-0.5i", "0.5+0.5i"."""
    a = complex(a)
    re = 0.0 if abs(a.real) < 5e-5 else a.real
    im = 0.0 if abs(a.imag) < 5e-5 else a.imag
    if im == 0:
        return f"{re:.4g}"
    if re == 0:
        return f"{im:.4g}i"
    return f"{re:.4g}{im:+.4g}i"


def state_text(vec: np.ndarray, n: int, limit: int = 4) -> str:
    """A state as a short sum, e.g. "0.7071|00⟩ + 0.7071|11⟩" (largest terms first)."""
    vec = np.asarray(vec).reshape(-1)
    order = [int(i) for i in np.argsort(-np.abs(vec), kind="stable") if abs(vec[i]) > 1e-6]
    shown = sorted(order[:limit])
    if not shown:
        return "0"
    parts = []
    for i in shown:
        a = complex(vec[i])
        if abs(a - 1) < 1e-6:
            parts.append(ket(i, n))
        else:
            txt = amplitude(a)
            if "+" in txt[1:] or ("-" in txt[1:] and txt.endswith("i")):
                txt = f"({txt})"
            parts.append(f"{txt}{ket(i, n)}")
    text = " + ".join(parts).replace("+ -", "- ")
    if len(order) > limit:
        text += " + …"
    return text


def amplitudes(vec: np.ndarray | None, n: int) -> dict[str, complex] | None:
    """{label: amplitude} for details, when small enough to be shown to a learner."""
    if vec is None or n > DETAIL_QUBITS:
        return None
    vec = np.asarray(vec).reshape(-1)
    return {label(i, n): _clean(complex(a)) for i, a in enumerate(vec)}


def probabilities(probs: Sequence[float] | np.ndarray, n: int) -> dict[str, float]:
    return {label(i, n): float(p) for i, p in enumerate(probs) if p > 1e-12}


def _clean(a: complex) -> complex:
    re = 0.0 if abs(a.real) < 1e-13 else a.real
    im = 0.0 if abs(a.imag) < 1e-13 else a.imag
    return complex(re, im)
