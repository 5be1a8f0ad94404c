"""The checks' options, read once into one small `Settings` object.

Below both `qgrade.checks` (which parse their keyword arguments here) and the comparison code
(which takes a `Settings` instead of long argument lists); it imports nothing of either.
A bad option is the exercise author's mistake: an `ExerciseError`, never a learner's verdict.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from qgrade import limits
from qgrade._guard import ExerciseError


@dataclass(frozen=True)
class Settings:
    """How strictly one check compares (the same for the check and for a repaired circuit)."""

    strict: bool = False  # global phase must match ("strict") or is ignored
    tolerance: float = limits.TOLERANCE  # pass when the fidelity is within this of 1
    max_qubits: int = limits.MAX_QUBITS  # larger submissions are `too_large`
    trials: int | None = None  # random input states of the randomized operator check
    seed: int | None = None  # and their seed (None: `limits.SEED`)


def phase_mode(global_phase: str) -> bool:
    """True for "strict", False for "ignore"."""
    if global_phase not in ("ignore", "strict"):
        raise ExerciseError(f'global_phase must be "ignore" or "strict", got {global_phase!r}')
    return global_phase == "strict"


def read(
    global_phase: str = "ignore",
    tolerance: float | None = None,
    max_qubits: int | None = None,
    trials: int | None = None,
    seed: int | None = None,
) -> Settings:
    """The `Settings` of a check's keyword arguments (None: the defaults of `qgrade.limits`)."""
    strict = phase_mode(global_phase)
    tol = limits.TOLERANCE if tolerance is None else float(tolerance)
    if not 0 < tol < 1:
        raise ExerciseError(f"tolerance must be in (0, 1), got {tolerance!r}")
    limit = limits.MAX_QUBITS if max_qubits is None else int(max_qubits)
    return Settings(strict, tol, limit, trials, seed)


def ancillas_argument(ancillas: Sequence[int] | int) -> list[int]:
    """The sorted, distinct ancilla indices of `ancillas=`."""
    if isinstance(ancillas, int):
        ancillas = [ancillas]
    try:
        anc = sorted({int(a) for a in ancillas})
    except TypeError:
        raise ExerciseError("ancillas must be a sequence of qubit indices") from None
    if anc and anc[0] < 0:
        raise ExerciseError("ancilla indices must be non-negative")
    return anc


def qubits_argument(qubits: Sequence[int] | int | None, n_e: int) -> list[int] | None:
    """The compared qubits of `check_state(qubits=...)`, one per qubit of the expected state."""
    if qubits is None:
        return None
    try:
        keep = [int(q) for q in qubits]  # type: ignore[union-attr]
    except TypeError:
        keep = [int(qubits)]  # type: ignore[arg-type]
    if len(keep) != n_e:
        raise ExerciseError(f"qubits={qubits!r} names {len(keep)} qubits; expected has {n_e}")
    if len(set(keep)) != len(keep) or min(keep) < 0:
        raise ExerciseError(f"qubits={qubits!r} must be distinct non-negative indices")
    return keep
