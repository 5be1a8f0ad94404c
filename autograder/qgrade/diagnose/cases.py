"""What the diagnosis detectors look at: one comparison of a learner's answer with the truth.

- `StateCase`: two pure states (vectors) on n qubits.
- `OperatorCase`: two operators (dense matrices, n <= DENSE_MAX_QUBITS), ancillas already
  checked clean; `oracle` is set when the check is an oracle check.
- `SampledCase`: a large operator known only through random input states run on Aer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from qgrade import _format as fmt
from qgrade import limits
from qgrade.i18n import _
from qgrade.oracles import OracleInfo
from qgrade.verdict import Verdict


@dataclass
class StateCase:
    expected: np.ndarray
    actual: np.ndarray
    n: int
    tolerance: float = limits.TOLERANCE
    strict: bool = False
    prefix: str = ""  # put before every message, e.g. "When the measured bits are 01: "
    extra: dict[str, Any] = field(default_factory=dict)
    # the learner's qubit behind each compared qubit (check_state(..., qubits=[...]))
    qubit_names: list[int] | None = None

    def name(self, q: int) -> int:
        return self.qubit_names[q] if self.qubit_names else q

    def names(self, qubits: list[int]) -> list[int]:
        return [self.name(q) for q in qubits]

    @property
    def overlap(self) -> complex:
        return complex(np.vdot(self.expected, self.actual))

    @property
    def fidelity(self) -> float:
        return min(abs(self.overlap) ** 2, 1.0)

    def fidelity_of(self, vec: np.ndarray) -> float:
        return float(abs(np.vdot(self.expected, vec)) ** 2)

    def matches(self, vec: np.ndarray) -> bool:
        return self.fidelity_of(vec) >= 1 - limits.NEARLY

    def details(self, **more: Any) -> dict[str, Any]:
        out: dict[str, Any] = {
            "fidelity": fmt.fidelity(self.fidelity),
            "tolerance": self.tolerance,
            "num_qubits": self.n,
        }
        exp = fmt.amplitudes(self.expected, self.n)
        if exp is not None:
            # show the learner's amplitudes with the global phase that best matches
            ov = self.overlap
            phase = ov.conjugate() / abs(ov) if abs(ov) > 1e-9 else 1.0
            out["expected_amplitudes"] = exp
            out["actual_amplitudes"] = fmt.amplitudes(self.actual * phase, self.n)
        out.update(self.extra)
        out.update(more)
        return out

    def text(self, message: str) -> str:
        return self.prefix + message


@dataclass
class OperatorCase:
    expected: np.ndarray  # d x d
    actual: np.ndarray  # d x d (the system block, ancillas in |0>)
    n: int
    tolerance: float = limits.TOLERANCE
    strict: bool = False
    oracle: OracleInfo | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def d(self) -> int:
        return 2**self.n

    @property
    def overlap(self) -> complex:
        """Tr(E^dag U) / d."""
        return complex(np.vdot(self.expected, self.actual) / self.d)

    @property
    def fidelity(self) -> float:
        return min(abs(self.overlap) ** 2, 1.0)

    def fidelity_of(self, mat: np.ndarray) -> float:
        return float(abs(np.vdot(self.expected, mat) / self.d) ** 2)

    def matches(self, mat: np.ndarray) -> bool:
        return self.fidelity_of(mat) >= 1 - limits.NEARLY

    def details(self, **more: Any) -> dict[str, Any]:
        out: dict[str, Any] = {
            "fidelity": fmt.fidelity(self.fidelity),
            "tolerance": self.tolerance,
            "num_qubits": self.n,
            "method": "dense",
        }
        out.update(self.extra)
        out.update(more)
        return out


@dataclass
class SampledCase:
    """A large operator, seen through random input states (system part only)."""

    n: int
    inputs: list[np.ndarray]  # input states psi_k
    expected_out: list[np.ndarray]  # E psi_k
    actual_out: list[np.ndarray]  # U psi_k (ancillas projected on |0>)
    overlaps: list[complex]
    run_expected: Callable[[list[np.ndarray]], list[np.ndarray]]
    run_actual: Callable[[list[np.ndarray]], list[np.ndarray]]
    tolerance: float = limits.TOLERANCE
    strict: bool = False
    oracle: OracleInfo | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def fidelity(self) -> float:
        return min((abs(o) ** 2 for o in self.overlaps), default=0.0)

    def fidelity_out(self, transform: Callable[[np.ndarray], np.ndarray]) -> float:
        """How well `transform(E psi)` matches U psi, worst over the stored trials."""
        return min(
            float(abs(np.vdot(transform(e), a)) ** 2)
            for e, a in zip(self.expected_out, self.actual_out, strict=True)
        )

    def details(self, **more: Any) -> dict[str, Any]:
        out: dict[str, Any] = {
            "fidelity": fmt.fidelity(self.fidelity),
            "tolerance": self.tolerance,
            "num_qubits": self.n,
        }
        out.update(self.extra)
        out.update(more)
        return out


def branch_prefix(bits: str) -> str:
    """Opens the message about one measurement branch of a circuit with mid-circuit measurement."""
    return _("When the measured bits are {bits}: ").format(bits=bits)


def reset_prefix() -> str:
    """Opens the message about an operator check of a circuit that resets a qubit."""
    return _("Your circuit resets a qubit, which no reversible operation does. ")


def prefixed(verdict: Verdict, prefix: str) -> Verdict:
    """`verdict` with its message opened by `prefix` (`branch_prefix`, `reset_prefix`)."""
    if not prefix:
        return verdict
    return Verdict(False, 0.0, verdict.diagnosis, prefix + verdict.message, verdict.details)
