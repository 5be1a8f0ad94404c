"""Single-gate repairs of a learner's circuit: the search behind `control_target_swapped` and
`one_gate_away`.

Finding. The circuit is a list of gates G_0 ... G_{L-1}. For a few input states psi (|0...0>
for a state check, Haar-random states for an operator check) and their expected outputs
phi = E psi, one sweep keeps F_i = G_{i-1} ... G_0 psi (the state before gate i) and
B_i = (G_{L-1} ... G_i)^dag phi, so that <B_i|F_i> = <phi|U psi> for every i. Changing gate i
into G' (or inserting G' before gate i) gives <B_{i+1}|G'|F_i> (or <B_i|G'|F_i>), which is
sum_ab G'_ab T_ab for the small matrix T = B^* F^T reduced to the gate's qubits. So every
candidate fix costs a few multiplications, and a rotation angle can be fitted exactly.

Verifying. A candidate is only a lead: the repaired circuit is graded again with the same
check (same tolerance, same global-phase rule), and a fix is reported only when that passes.
The exercise's reference circuit, when given, only widens the set of gates tried; it never
decides whether an answer passes.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np
from qiskit import QuantumCircuit
from qiskit.circuit import Gate
from qiskit.circuit.library import (
    CHGate,
    CXGate,
    CYGate,
    CZGate,
    ECRGate,
    HGate,
    PhaseGate,
    RXGate,
    RYGate,
    RZGate,
    RZZGate,
    SdgGate,
    SGate,
    SwapGate,
    SXdgGate,
    SXGate,
    TdgGate,
    TGate,
    UGate,
    XGate,
    YGate,
    ZGate,
    iSwapGate,
)

from qgrade import _format as fmt

SCREEN = 1e-6  # a candidate must reach fidelity 1 - SCREEN on the probe states to be verified
MAX_UNITS = 3000
MAX_VERIFY = 12  # repaired circuits graded again at most (each is a full check)
TIME_BUDGET = 20.0  # seconds for one search (big circuits give up rather than stall a cell)
WORK_BUDGET = 4e8  # amplitudes touched by the search of single-gate insertions


@dataclass
class Unit:
    index: int  # position in the circuit's data
    op: Any
    qubits: list[int]
    matrix: np.ndarray


@dataclass
class Fix:
    kind: str  # "swap_control_target", "remove", "replace", "add"
    index: int  # position of the gate concerned (for "add": the gate it goes before; L = end)
    gate: Any | None  # the learner's gate (None for "add")
    qubits: list[int]
    new_gate: Any | None = None
    new_qubits: list[int] | None = None
    after: Unit | None = None  # for "add": the gate right before the insertion point


def _matrix(op: Any) -> np.ndarray | None:
    if op.num_qubits > 4 or not isinstance(op, Gate):
        return None
    try:
        mat = np.asarray(op.to_matrix(), dtype=complex)
    except Exception:
        try:
            from qiskit.quantum_info import Operator

            mat = np.asarray(Operator(op).data, dtype=complex)
        except Exception:
            return None
    return mat if np.all(np.isfinite(mat)) else None


def units_of(circuit: QuantumCircuit) -> list[Unit] | None:
    """The circuit's gates with their matrices (None when it has anything else)."""
    index = {q: i for i, q in enumerate(circuit.qubits)}
    out: list[Unit] = []
    for i, inst in enumerate(circuit.data):
        op = inst.operation
        if op.name in ("barrier", "delay"):
            continue
        mat = _matrix(op)
        if mat is None or inst.clbits:
            return None
        out.append(Unit(i, op, [index[q] for q in inst.qubits], mat))
        if len(out) > MAX_UNITS:
            return None
    return out


# ------------------------------------------------------------------ linear algebra


def apply(block: np.ndarray, n: int, mat: np.ndarray, qubits: list[int]) -> np.ndarray:
    """Apply `mat` (Qiskit ordering) on `qubits` to every column of the (2^n, m) block."""
    k = len(qubits)
    m = block.shape[1]
    t = block.reshape((2,) * n + (m,))
    axes = [n - 1 - q for q in reversed(qubits)]  # most significant first
    g = mat.reshape((2,) * (2 * k))
    t = np.tensordot(g, t, axes=(list(range(k, 2 * k)), axes))
    t = np.moveaxis(t, list(range(k)), axes)
    return np.ascontiguousarray(t).reshape(2**n, m)


def transfer(b: np.ndarray, f: np.ndarray, n: int, qubits: list[int]) -> np.ndarray:
    """T with sum_ab G_ab T_ab = <b|G|f> for a gate G on `qubits` (summed over columns)."""
    k = len(qubits)
    m = b.shape[1]
    axes = [n - 1 - q for q in reversed(qubits)]
    rest = [a for a in range(n + 1) if a not in axes]
    tb = b.reshape((2,) * n + (m,)).transpose(axes + rest).reshape(2**k, -1)
    tf = f.reshape((2,) * n + (m,)).transpose(axes + rest).reshape(2**k, -1)
    return tb.conj() @ tf.T


# ------------------------------------------------------------------ candidate gates

_ONE_QUBIT = [XGate(), YGate(), ZGate(), HGate(), SGate(), SdgGate(), TGate(), TdgGate(), SXGate()]
_ONE_QUBIT.append(SXdgGate())
_TWO_QUBIT = [CXGate(), CZGate(), SwapGate(), CYGate(), CHGate(), ECRGate(), iSwapGate()]
_PAULI = {
    "rx": np.array([[0, 1], [1, 0]], dtype=complex),
    "ry": np.array([[0, -1j], [1j, 0]], dtype=complex),
    "rz": np.array([[1, 0], [0, -1]], dtype=complex),
    "rzz": np.diag([1, -1, -1, 1]).astype(complex),
}
_ROTATION = {"rx": RXGate, "ry": RYGate, "rz": RZGate, "rzz": RZZGate}


def _best_rotation(name: str, t: np.ndarray) -> tuple[Any, float]:
    """The rotation exp(-i theta P / 2) maximizing |sum G_ab T_ab|, and that value."""
    pauli = _PAULI[name]
    a = complex(np.trace(t))  # coefficient of cos(theta/2)
    b = complex(-1j * np.sum(pauli * t))  # coefficient of sin(theta/2)
    m = np.array([[abs(a) ** 2, (a.conjugate() * b).real], [(a.conjugate() * b).real, abs(b) ** 2]])
    values, vectors = np.linalg.eigh(m)
    c, s = vectors[:, -1]
    theta = _nice(2 * math.atan2(s, c))
    return _ROTATION[name](theta), math.sqrt(max(values[-1], 0.0))


def _best_phase(t: np.ndarray, two: bool) -> tuple[Any, float]:
    """p(lambda) (or cp on two qubits) maximizing the overlap."""
    from qiskit.circuit.library import CPhaseGate

    diag = np.diagonal(t)
    alpha = complex(np.sum(diag[:-1]))
    beta = complex(diag[-1])
    lam = _nice(math.atan2(alpha.imag, alpha.real) - math.atan2(beta.imag, beta.real))
    return (CPhaseGate(lam) if two else PhaseGate(lam)), abs(alpha) + abs(beta)


def _best_unitary(t: np.ndarray) -> tuple[Any, float]:
    """The single-qubit unitary maximizing |sum G_ab T_ab| (nuclear norm of T), as a u gate."""
    from qiskit.synthesis import OneQubitEulerDecomposer

    u, s, vh = np.linalg.svd(t.T)
    g = vh.conj().T @ u.conj().T
    theta, phi, lam = OneQubitEulerDecomposer("U").angles(g)
    return UGate(_nice(theta), _nice(phi), _nice(lam)), float(np.sum(s))


def _nice(angle: float) -> float:
    """Snap an angle to a simple multiple of pi when it is within 1e-7 of one."""
    angle = math.remainder(float(angle), 4 * math.pi)
    for den in (1, 2, 3, 4, 6, 8, 16):
        num = angle * den / math.pi
        if abs(num - round(num)) < 1e-7:
            return round(num) * math.pi / den
    return angle


def _flip(mat: np.ndarray) -> np.ndarray:
    """A two-qubit matrix with its qubits exchanged."""
    return mat.reshape(2, 2, 2, 2).transpose(1, 0, 3, 2).reshape(4, 4)


def swapped_control_target(unit: Unit) -> np.ndarray | None:
    """The matrix of `unit` with control and target exchanged (None if not a controlled gate
    whose two roles differ)."""
    op = unit.op
    if len(unit.qubits) != 2 or getattr(op, "num_ctrl_qubits", 0) != 1:
        return None
    flipped = _flip(unit.matrix)
    if np.allclose(flipped, unit.matrix, atol=1e-12):
        return None  # cz, cp: symmetric, nothing to swap
    return flipped


def _vocabulary(units: list[Unit], reference: QuantumCircuit | None) -> dict[int, list[Any]]:
    """Fixed gates to try, by arity: a standard set, the learner's own gates and the reference's."""
    found: dict[int, dict[tuple, Any]] = {1: {}, 2: {}}
    for g in [*_ONE_QUBIT, *_TWO_QUBIT]:
        found[g.num_qubits][(g.name, ())] = g
    ops = [u.op for u in units]
    if reference is not None:
        ops += [inst.operation for inst in reference.data]
    for op in ops:
        fitted = op.name in _ROTATION or op.name in ("p", "cp")
        if op.num_qubits in (1, 2) and isinstance(op, Gate) and not fitted:
            try:
                key = (op.name, tuple(float(p) for p in op.params))
            except (TypeError, ValueError):
                continue
            found[op.num_qubits].setdefault(key, op)
    out: dict[int, list[Any]] = {}
    for k, gates in found.items():
        out[k] = [g for g in gates.values() if _matrix(g) is not None]
    return out


# ------------------------------------------------------------------ the search


def _scored(
    t: np.ndarray, gates: list[Any], norm: float, two: bool, fits: bool
) -> Iterator[tuple[float, Any, bool]]:
    """(fidelity on the probe states, gate, flipped) for each candidate gate given T."""
    t_flipped = _flip(t) if two else None
    for g in gates:
        mat = _matrix(g)
        if mat is None:
            continue
        yield abs(np.sum(mat * t)) ** 2 / norm, g, False
        if two and t_flipped is not None:
            yield abs(np.sum(mat * t_flipped)) ** 2 / norm, g, True
    if fits:
        if two:
            for name in ("rzz",):
                g, value = _best_rotation(name, t)
                yield value**2 / norm, g, False
            g, value = _best_phase(t, True)
            yield value**2 / norm, g, False
        else:
            for name in ("rx", "ry", "rz"):
                g, value = _best_rotation(name, t)
                yield value**2 / norm, g, False
            g, value = _best_phase(t, False)
            yield value**2 / norm, g, False
            g, value = _best_unitary(t)
            yield value**2 / norm, g, False


def candidates(
    units: list[Unit],
    n: int,
    inputs: np.ndarray,
    targets: np.ndarray,
    reference: QuantumCircuit | None = None,
    inserts: bool = True,
) -> Iterator[Fix]:
    """Fixes that make the circuit reach the targets on the probe inputs, simplest first:
    a swapped control/target, a removed gate, a replaced gate, an added gate."""
    m = inputs.shape[1]
    norm = float(m * m)
    vocab = _vocabulary(units, reference)
    start = time.monotonic()
    # B_0 = U^dag phi
    b = targets.copy()
    for u in reversed(units):
        b = apply(b, n, u.matrix.conj().T, u.qubits)
    f = inputs.copy()
    swaps: list[Fix] = []
    removals: list[Fix] = []
    replacements: list[Fix] = []
    additions: list[Fix] = []
    pairs = sorted({tuple(sorted(u.qubits)) for u in units if len(u.qubits) == 2})
    if n <= 6:
        pairs = [(a, c) for a in range(n) for c in range(a + 1, n)]
    insert_work = (len(units) + 1) * (n + len(pairs) * 2) * f.size
    do_inserts = inserts and insert_work <= WORK_BUDGET
    for i in range(len(units) + 1):
        if time.monotonic() - start > TIME_BUDGET:
            break
        unit = units[i] if i < len(units) else None
        if do_inserts:
            before = units[i - 1] if i > 0 else None
            for q in range(n):
                t = transfer(b, f, n, [q])
                for fid, g, _fl in _scored(t, vocab[1], norm, False, True):
                    if fid >= 1 - SCREEN:
                        additions.append(Fix("add", i, None, [], g, [q], before))
                        break
            for pair in pairs:
                t = transfer(b, f, n, list(pair))
                for fid, g, flipped in _scored(t, vocab[2], norm, True, True):
                    if fid >= 1 - SCREEN:
                        qs = [pair[1], pair[0]] if flipped else list(pair)
                        additions.append(Fix("add", i, None, [], g, qs, before))
                        break
        if unit is None:
            break
        b_next = apply(b, n, unit.matrix, unit.qubits)
        t = transfer(b_next, f, n, unit.qubits)
        k = len(unit.qubits)
        swapped = swapped_control_target(unit)
        if swapped is not None and abs(np.sum(swapped * t)) ** 2 / norm >= 1 - SCREEN:
            swaps.append(Fix("swap_control_target", unit.index, unit.op, unit.qubits))
        if abs(np.trace(t)) ** 2 / norm >= 1 - SCREEN:
            removals.append(Fix("remove", unit.index, unit.op, unit.qubits))
        if k in (1, 2):
            for fid, g, flipped in _scored(t, vocab[k], norm, k == 2, True):
                if fid >= 1 - SCREEN and not _same(g, unit.op, flipped):
                    qs = list(reversed(unit.qubits)) if flipped else list(unit.qubits)
                    replacements.append(Fix("replace", unit.index, unit.op, unit.qubits, g, qs))
                    break
        f = apply(f, n, unit.matrix, unit.qubits)
        b = b_next
    yield from swaps
    yield from removals
    yield from replacements
    yield from additions


def _same(g: Any, op: Any, flipped: bool) -> bool:
    if flipped or g.name != op.name:
        return False
    try:
        return all(
            abs(float(a) - float(b)) < 1e-12 for a, b in zip(g.params, op.params, strict=True)
        )
    except (TypeError, ValueError):
        return False


def apply_fix(circuit: QuantumCircuit, fix: Fix) -> QuantumCircuit:
    """The learner's circuit with `fix` applied."""
    out = circuit.copy_empty_like()
    data = list(circuit.data)
    qubits = circuit.qubits
    for i, inst in enumerate(data):
        if fix.kind == "add" and i == fix.index:
            out.append(fix.new_gate, [qubits[q] for q in fix.new_qubits or []])
        if i == fix.index and fix.kind != "add":
            if fix.kind == "remove":
                continue
            if fix.kind == "swap_control_target":
                out.append(inst.operation, list(reversed(inst.qubits)))
                continue
            if fix.kind == "replace":
                out.append(fix.new_gate, [qubits[q] for q in fix.new_qubits or []])
                continue
        out.append(inst)
    if fix.kind == "add" and fix.index >= len(data):
        out.append(fix.new_gate, [qubits[q] for q in fix.new_qubits or []])
    return out


def add_index(circuit: QuantumCircuit, units: list[Unit], fix: Fix) -> Fix:
    """An "add" fix's position in the circuit's data (units skip barriers)."""
    if fix.kind != "add":
        return fix
    position = units[fix.index].index if fix.index < len(units) else len(circuit.data)
    return Fix(fix.kind, position, None, [], fix.new_gate, fix.new_qubits, fix.after)


def find_fix(
    circuit: QuantumCircuit,
    n: int,
    inputs: np.ndarray,
    targets: np.ndarray,
    passes: Callable[[QuantumCircuit], bool],
    reference: QuantumCircuit | None = None,
) -> Fix | None:
    """The first single-gate fix whose repaired circuit passes `passes` (the same check)."""
    units = units_of(circuit)
    if not units:
        return None
    tried = 0
    for fix in candidates(units, n, inputs, targets, reference):
        fix = add_index(circuit, units, fix)
        if passes(apply_fix(circuit, fix)):
            return fix
        tried += 1
        if tried >= MAX_VERIFY:
            return None
    return None


def gate_text(op: Any, qubits: list[int]) -> str:
    """A gate as the Qiskit call that makes it: "h(0)", "cx(1, 0)", "rz(π/2, 3)"."""
    args = []
    for p in getattr(op, "params", []):
        try:
            args.append(fmt.angle(float(p)).removesuffix(" rad"))
        except (TypeError, ValueError):
            args.append("…")
    args += [str(q) for q in qubits]
    return f"{op.name}({', '.join(args)})"


def gate_spec(op: Any, qubits: list[int]) -> dict[str, Any]:
    """A gate as data (for details): name, numeric parameters, qubits."""
    params = []
    for p in getattr(op, "params", []):
        try:
            params.append(float(p))
        except (TypeError, ValueError):
            params.append(None)
    return {"name": op.name, "params": params, "qubits": list(qubits)}
