"""Exact simulation of submitted circuits.

- Unitary circuits (after barriers and final measurements are removed): a state vector, with
  `qiskit.quantum_info.Statevector` up to `AER_FROM` qubits and Aer above.
- Circuits with mid-circuit measurement, reset, classical feed-forward (`if_test`, `switch`,
  `while_loop`, `for_loop`) or `store`: an exact branch simulation. Every measurement or reset
  splits the state into one branch per outcome, weighted by its probability; classical
  conditions are evaluated per branch. The result is the exact ensemble {(p_i, psi_i, bits_i)}
  (the density matrix is sum_i p_i |psi_i><psi_i|), so teleportation is graded exactly, without
  sampling.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from qiskit import QuantumCircuit, transpile
from qiskit.circuit import CASE_DEFAULT, ClassicalRegister, Clbit, ControlFlowOp
from qiskit.circuit.classical import expr
from qiskit.quantum_info import Operator, Statevector

from qgrade import limits
from qgrade._guard import reject
from qgrade.diagnoses import INVALID_SUBMISSION, TOO_LARGE
from qgrade.i18n import _

AER_FROM = 13  # from this many qubits on, state vectors of unitary circuits come from Aer
AER_UNITARY_FROM = 8  # from this many qubits on, dense unitaries come from Aer
PRUNE = 1e-14  # branches less likely than this are dropped


# ------------------------------------------------------------------ dense helpers


def apply_matrix(vec: np.ndarray, n: int, mat: np.ndarray, qubits: Sequence[int]) -> np.ndarray:
    """Apply the 2^k x 2^k matrix `mat` (Qiskit ordering) to `qubits` of the n-qubit `vec`."""
    k = len(qubits)
    if k == 0:
        return vec * mat.reshape(-1)[0]
    t = vec.reshape((2,) * n)
    axes = [n - 1 - q for q in qubits]
    m = mat.reshape((2,) * (2 * k))
    t = np.tensordot(m, t, axes=([k + k - 1 - i for i in range(k)], axes))
    t = np.moveaxis(t, list(range(k)), [axes[k - 1 - p] for p in range(k)])
    return np.ascontiguousarray(t).reshape(-1)


def permute_qubits(vec: np.ndarray, n: int, dest: Sequence[int]) -> np.ndarray:
    """Move qubit i of `vec` to qubit dest[i] (a relabelling of the qubits)."""
    inverse = [0] * n
    for i, d in enumerate(dest):
        inverse[d] = i
    t = vec.reshape((2,) * n)
    axes = [n - 1 - inverse[n - 1 - k] for k in range(n)]
    return np.ascontiguousarray(t.transpose(axes)).reshape(-1)


def reverse_qubits(vec: np.ndarray, n: int) -> np.ndarray:
    return permute_qubits(vec, n, list(range(n - 1, -1, -1)))


def reduced_density(vec: np.ndarray, n: int, keep: Sequence[int]) -> np.ndarray:
    """The reduced density matrix of `vec` on qubits `keep` (keep[i] becomes qubit i)."""
    k = len(keep)
    rest = [q for q in range(n) if q not in keep]
    # qubit order: keep[k-1] ... keep[0] as the row index bits, high to low
    t = vec.reshape((2,) * n)
    axes = [n - 1 - q for q in reversed(keep)] + [n - 1 - q for q in rest]
    m = t.transpose(axes).reshape(2**k, -1)
    return m @ m.conj().T


def operator_matrix(circuit: QuantumCircuit) -> np.ndarray:
    """The unitary of `circuit`; a transpiled circuit's layout (initial placement and final
    permutation of the qubits) is taken into account, so it means what the original meant."""
    if _layout_indices(circuit) is not None:
        return np.asarray(Operator.from_circuit(circuit).data, dtype=complex)
    if circuit.num_qubits >= AER_UNITARY_FROM:
        try:
            return aer_unitary(circuit)
        except Exception:  # an instruction Aer cannot take: qiskit's Operator can
            pass
    return np.asarray(Operator(circuit).data, dtype=complex)


def aer_unitary(circuit: QuantumCircuit) -> np.ndarray:
    """The unitary of `circuit` from Aer's unitary simulator (much faster than Operator)."""
    global _UNITARY_SIM
    if _UNITARY_SIM is None:
        from qiskit_aer import AerSimulator

        options = {"max_parallel_threads": limits.AER_THREADS} if limits.AER_THREADS else {}
        _UNITARY_SIM = AerSimulator(method="unitary", precision="double", **options)
    sim = _UNITARY_SIM
    body = aer_ready(circuit)
    job = QuantumCircuit(circuit.num_qubits, global_phase=0)
    job.compose(body, qubits=range(body.num_qubits), inplace=True)
    job.save_unitary()
    result = sim.run(job, shots=1).result()
    return np.asarray(result.data(0)["unitary"], dtype=complex)


def _layout_indices(circuit: QuantumCircuit) -> tuple[list[int], list[int]] | None:
    """(initial, final) index layouts of a transpiled circuit, when they move any qubit."""
    layout = getattr(circuit, "layout", None)
    if layout is None:
        return None
    try:
        initial = [int(p) for p in layout.initial_index_layout(filter_ancillas=False)]
        final = [int(p) for p in layout.final_index_layout(filter_ancillas=False)]
    except Exception:
        return None
    n = circuit.num_qubits
    trivial = list(range(n))
    if sorted(initial) != trivial or sorted(final) != trivial:
        return None
    if initial == trivial and final == trivial:
        return None
    return initial, final


def to_virtual(vec: np.ndarray, circuit: QuantumCircuit) -> np.ndarray:
    """A transpiled circuit's output state with its qubits back in the original order."""
    layouts = _layout_indices(circuit)
    if layouts is None:
        return vec
    final = layouts[1]
    dest = [0] * len(final)
    for virtual, physical in enumerate(final):
        dest[physical] = virtual
    return permute_qubits(vec, len(final), dest)


def to_physical(vec: np.ndarray, circuit: QuantumCircuit) -> np.ndarray:
    """An input state in the original qubit order, placed as the transpiled circuit expects."""
    layouts = _layout_indices(circuit)
    if layouts is None:
        return vec
    return permute_qubits(vec, len(layouts[0]), layouts[0])


# ------------------------------------------------------------------ unitary circuits


def statevector(circuit: QuantumCircuit) -> np.ndarray:
    """The final state of a unitary circuit started in |0...0>."""
    if circuit.num_qubits >= AER_FROM:
        vec = aer_run([circuit], circuit.num_qubits)[0]
    else:
        vec = np.asarray(Statevector(circuit).data, dtype=complex)
    return to_virtual(vec, circuit)


_SIM: Any = None
_UNITARY_SIM: Any = None


def aer_simulator() -> Any:
    global _SIM
    if _SIM is None:
        from qiskit_aer import AerSimulator

        options = {"max_parallel_threads": limits.AER_THREADS} if limits.AER_THREADS else {}
        _SIM = AerSimulator(method="statevector", precision="double", **options)
    return _SIM


_AER_NATIVE: frozenset[str] | None = None


def aer_ready(circuit: QuantumCircuit) -> QuantumCircuit:
    """`circuit` translated to instructions Aer runs natively (custom gates expanded)."""
    global _AER_NATIVE
    if _AER_NATIVE is None:
        _AER_NATIVE = frozenset(aer_simulator().target.operation_names)
    names = {inst.operation.name for inst in circuit.data}
    if names <= _AER_NATIVE and all(
        getattr(inst.operation, "_standard_gate", None) is not None
        for inst in circuit.data
        if inst.operation.name not in ("barrier", "delay")
    ):
        return circuit
    # idle qubits hold arbitrary (random) input states here: synthesis must not borrow them
    # as helpers assumed to start in |0> (Qiskit's default)
    return transpile(circuit, aer_simulator(), optimization_level=0, qubits_initially_zero=False)


def aer_run(
    circuits: Sequence[QuantumCircuit],
    num_qubits: int,
    initial: Sequence[np.ndarray | None] | None = None,
    ready: bool = False,
) -> list[np.ndarray]:
    """Final state vectors of unitary `circuits`, each from |0...0> or from `initial[i]`."""
    sim = aer_simulator()
    jobs = []
    for i, circ in enumerate(circuits):
        body = circ if ready else aer_ready(circ)
        wrapper = QuantumCircuit(num_qubits)
        if initial is not None and initial[i] is not None:
            wrapper.set_statevector(np.asarray(initial[i], dtype=complex))
        wrapper.compose(body, qubits=range(body.num_qubits), inplace=True, copy=False)
        wrapper.save_statevector()
        jobs.append(wrapper)
    result = sim.run(jobs, shots=1, seed_simulator=limits.SEED).result()
    out = []
    for i in range(len(jobs)):
        out.append(np.asarray(result.data(i)["statevector"], dtype=complex))
    return out


# ------------------------------------------------------------------ branch simulation


@dataclass
class Branch:
    prob: float
    vec: np.ndarray
    bits: list[bool]
    vars: dict[Any, Any] = field(default_factory=dict)

    def copy(self, prob: float, vec: np.ndarray) -> Branch:
        return Branch(prob, vec, list(self.bits), dict(self.vars))

    def bit_label(self) -> str:
        """The classical bits as a little-endian label (clbit 0 rightmost)."""
        return "".join("1" if b else "0" for b in reversed(self.bits))


class _Loop(Exception):  # noqa: N818
    def __init__(self, kind: str) -> None:
        self.kind = kind


class BranchSimulator:
    """Exact simulation of a circuit with measurement, reset and classical control flow."""

    def __init__(self, circuit: QuantumCircuit, num_qubits: int | None = None) -> None:
        self.circuit = circuit
        self.n = circuit.num_qubits if num_qubits is None else num_qubits
        self.top_clbits = {b: i for i, b in enumerate(circuit.clbits)}
        self._matrices: dict[Any, np.ndarray] = {}

    def run(self, initial: np.ndarray | None = None) -> list[Branch]:
        if initial is None:
            vec = np.zeros(2**self.n, dtype=complex)
            vec[0] = 1.0
        else:
            vec = np.asarray(initial, dtype=complex)
        branches = [Branch(1.0, vec, [False] * self.circuit.num_clbits)]
        qmap = list(range(self.circuit.num_qubits))
        cmap = {b: i for i, b in enumerate(self.circuit.clbits)}
        return self._run(self.circuit, qmap, cmap, branches)

    # -- helpers
    def _limit(self, branches: list[Branch]) -> None:
        if len(branches) > limits.MAX_BRANCHES or len(branches) * 2**self.n > (
            limits.MAX_BRANCH_AMPLITUDES
        ):
            raise reject(
                TOO_LARGE,
                _(
                    "Your circuit measures or resets too often to be simulated exactly here: "
                    "it has more than {count} possible measurement histories."
                ).format(count=len(branches)),
            )

    def _matrix(self, op: Any) -> np.ndarray | None:
        key = None
        if getattr(op, "_standard_gate", None) is not None:
            try:
                key = (op.name, tuple(float(p) for p in op.params), op.num_qubits)
            except (TypeError, ValueError):
                key = None
        if key is not None and key in self._matrices:
            return self._matrices[key]
        mat = None
        if hasattr(op, "to_matrix"):
            try:
                mat = np.asarray(op.to_matrix(), dtype=complex)
            except Exception:
                mat = None
        if mat is None and op.definition is None:
            try:
                mat = np.asarray(Operator(op).data, dtype=complex)
            except Exception:
                mat = None
        if mat is not None and key is not None:
            self._matrices[key] = mat
        return mat

    def _run(
        self,
        circuit: QuantumCircuit,
        qmap: list[int],
        cmap: dict[Clbit, int],
        branches: list[Branch],
    ) -> list[Branch]:
        index = {q: i for i, q in enumerate(circuit.qubits)}
        if circuit.global_phase:
            phase = np.exp(1j * float(circuit.global_phase))
            for b in branches:
                b.vec = b.vec * phase
        for inst in circuit.data:
            if not branches:
                break
            op = inst.operation
            name = op.name
            qubits = [qmap[index[q]] for q in inst.qubits]
            clbits = [self._clbit(cmap, c) for c in inst.clbits]
            if name in ("barrier", "delay"):
                continue
            if name == "measure":
                branches = self._measure(branches, qubits[0], clbits[0], reset=False)
            elif name == "reset":
                branches = self._measure(branches, qubits[0], None, reset=True)
            elif name == "break_loop":
                raise _Loop("break")
            elif name == "continue_loop":
                raise _Loop("continue")
            elif name == "store":
                for b in branches:
                    self._store(b, cmap, op.lvalue, self._eval(b, cmap, op.rvalue))
            elif isinstance(op, ControlFlowOp):
                branches = self._control_flow(inst, op, qubits, cmap, branches)
            else:
                mat = self._matrix(op)
                if mat is not None:
                    for b in branches:
                        b.vec = apply_matrix(b.vec, self.n, mat, qubits)
                else:
                    definition = op.definition
                    if definition is None:
                        raise reject(
                            INVALID_SUBMISSION,
                            _(
                                "qgrade cannot simulate the instruction '{name}' of your circuit."
                            ).format(name=name),
                        )
                    inner = {
                        bit: cmap_bit
                        for bit, cmap_bit in zip(
                            definition.clbits,
                            [self._clbit(cmap, c) for c in inst.clbits],
                            strict=False,
                        )
                    }
                    branches = self._run(definition, qubits, inner, branches)
            self._limit(branches)
        return branches

    def _clbit(self, cmap: dict[Clbit, int], bit: Clbit) -> int:
        if bit in cmap:
            return cmap[bit]
        return self.top_clbits[bit]

    def _measure(
        self, branches: list[Branch], qubit: int, clbit: int | None, reset: bool
    ) -> list[Branch]:
        out: list[Branch] = []
        axis = self.n - 1 - qubit
        for b in branches:
            t = b.vec.reshape((2,) * self.n)
            ones = np.take(t, 1, axis=axis)
            p1 = float(np.vdot(ones, ones).real)
            p1 = min(max(p1, 0.0), 1.0)
            for outcome, p in ((0, 1.0 - p1), (1, p1)):
                if p * b.prob <= PRUNE or p <= 1e-15:
                    continue
                new = np.zeros_like(t)
                idx = [slice(None)] * self.n
                idx[axis] = outcome
                src = tuple(idx)
                if reset and outcome == 1:
                    dst = list(idx)
                    dst[axis] = 0
                    new[tuple(dst)] = t[src]
                else:
                    new[src] = t[src]
                child = b.copy(b.prob * p, new.reshape(-1) / math.sqrt(p))
                if clbit is not None:
                    child.bits[clbit] = bool(outcome)
                out.append(child)
        return out

    # -- classical values
    def _value(self, b: Branch, cmap: dict[Clbit, int], target: Any) -> Any:
        if isinstance(target, Clbit):
            return b.bits[self._clbit(cmap, target)]
        if isinstance(target, ClassicalRegister):
            return sum((1 << i) for i, bit in enumerate(target) if b.bits[self._clbit(cmap, bit)])
        if isinstance(target, expr.Expr):
            return self._eval(b, cmap, target)
        raise TypeError(f"unsupported classical target {target!r}")

    def _condition(self, b: Branch, cmap: dict[Clbit, int], condition: Any) -> bool:
        if isinstance(condition, tuple):
            target, value = condition
            return self._value(b, cmap, target) == value
        return bool(self._eval(b, cmap, condition))

    def _eval(self, b: Branch, cmap: dict[Clbit, int], node: Any) -> Any:
        if isinstance(node, expr.Var):
            if isinstance(node.var, (Clbit, ClassicalRegister)):
                return self._value(b, cmap, node.var)
            return b.vars.get(node, 0)
        if isinstance(node, expr.Value):
            return node.value
        if isinstance(node, expr.Cast):
            value = self._eval(b, cmap, node.operand)
            kind = type(node.type).__name__
            if kind == "Bool":
                return bool(value)
            if kind == "Uint":
                return int(value) & ((1 << node.type.width) - 1)
            return value
        if isinstance(node, expr.Index):
            target = self._eval(b, cmap, node.target)
            return bool((int(target) >> int(self._eval(b, cmap, node.index))) & 1)
        if isinstance(node, expr.Unary):
            value = self._eval(b, cmap, node.operand)
            op = node.op.name
            if op == "LOGIC_NOT":
                return not value
            if op == "BIT_NOT":
                if isinstance(value, bool):
                    return not value
                return ~int(value) & ((1 << node.type.width) - 1)
            if op == "NEGATE":
                return -value
        if isinstance(node, expr.Binary):
            left = self._eval(b, cmap, node.left)
            right = self._eval(b, cmap, node.right)
            fn = _BINARY.get(node.op.name)
            if fn is not None:
                value = fn(left, right)
                width = getattr(node.type, "width", None)
                if isinstance(value, int) and not isinstance(value, bool) and width:
                    value &= (1 << width) - 1
                return value
        raise TypeError(f"unsupported classical expression {node!r}")

    def _store(self, b: Branch, cmap: dict[Clbit, int], lvalue: Any, value: Any) -> None:
        if isinstance(lvalue, expr.Var) and isinstance(lvalue.var, Clbit):
            b.bits[self._clbit(cmap, lvalue.var)] = bool(value)
        elif isinstance(lvalue, expr.Var) and isinstance(lvalue.var, ClassicalRegister):
            for i, bit in enumerate(lvalue.var):
                b.bits[self._clbit(cmap, bit)] = bool((int(value) >> i) & 1)
        elif isinstance(lvalue, expr.Index) and isinstance(lvalue.target, expr.Var):
            reg = lvalue.target.var
            i = int(self._eval(b, cmap, lvalue.index))
            if isinstance(reg, ClassicalRegister):
                b.bits[self._clbit(cmap, reg[i])] = bool(value)
            else:
                old = int(b.vars.get(lvalue.target, 0))
                b.vars[lvalue.target] = (old & ~(1 << i)) | (int(bool(value)) << i)
        else:
            b.vars[lvalue] = value

    # -- control flow
    def _block_maps(
        self, inst: Any, block: QuantumCircuit, qubits: list[int], cmap: dict[Clbit, int]
    ) -> tuple[list[int], dict[Clbit, int]]:
        bmap = [0] * block.num_qubits
        inner = {q: i for i, q in enumerate(block.qubits)}
        for outer, bq in zip(qubits, block.qubits, strict=False):
            bmap[inner[bq]] = outer
        bc = dict(cmap)
        for outer_c, bc_bit in zip(inst.clbits, block.clbits, strict=False):
            bc[bc_bit] = self._clbit(cmap, outer_c)
        return bmap, bc

    def _control_flow(
        self, inst: Any, op: Any, qubits: list[int], cmap: dict[Clbit, int], branches: list[Branch]
    ) -> list[Branch]:
        name = op.name
        if name == "if_else":
            true_body, false_body = op.blocks[0], (op.blocks[1] if len(op.blocks) > 1 else None)
            yes = [b for b in branches if self._condition(b, cmap, op.condition)]
            no = [b for b in branches if not self._condition(b, cmap, op.condition)]
            out = self._run(true_body, *self._block_maps(inst, true_body, qubits, cmap), yes)
            if false_body is not None:
                no = self._run(false_body, *self._block_maps(inst, false_body, qubits, cmap), no)
            return out + no
        if name == "switch_case":
            out = []
            cases = list(op.cases_specifier())
            remaining = branches
            for values, block in cases:
                if any(v is CASE_DEFAULT for v in values):
                    chosen = remaining
                else:
                    chosen = [b for b in remaining if self._value(b, cmap, op.target) in values]
                remaining = [b for b in remaining if all(b is not c for c in chosen)]
                if chosen:
                    out += self._run(block, *self._block_maps(inst, block, qubits, cmap), chosen)
            return out + remaining
        if name == "for_loop":
            indexset, param, body = op.params
            for value in indexset:
                block = body.assign_parameters({param: value}) if param is not None else body
                try:
                    branches = self._run(
                        block, *self._block_maps(inst, block, qubits, cmap), branches
                    )
                except _Loop as loop:
                    if loop.kind == "break":
                        break
            return branches
        if name == "while_loop":
            body = op.blocks[0]
            done: list[Branch] = []
            for _round in range(10_000):
                active = [b for b in branches if self._condition(b, cmap, op.condition)]
                done += [b for b in branches if not self._condition(b, cmap, op.condition)]
                if not active:
                    return done
                try:
                    branches = self._run(body, *self._block_maps(inst, body, qubits, cmap), active)
                except _Loop as loop:
                    if loop.kind == "break":
                        return done + active
            raise reject(
                INVALID_SUBMISSION, _("Your while loop does not stop (more than 10000 rounds).")
            )
        if name == "box":
            body = op.blocks[0]
            return self._run(body, *self._block_maps(inst, body, qubits, cmap), branches)
        raise reject(
            INVALID_SUBMISSION,
            _("qgrade cannot simulate the instruction '{name}' of your circuit.").format(name=name),
        )


_BINARY: dict[str, Callable[[Any, Any], Any]] = {
    "BIT_AND": lambda a, b: a & b,
    "BIT_OR": lambda a, b: a | b,
    "BIT_XOR": lambda a, b: a ^ b,
    "LOGIC_AND": lambda a, b: bool(a) and bool(b),
    "LOGIC_OR": lambda a, b: bool(a) or bool(b),
    "EQUAL": lambda a, b: a == b,
    "NOT_EQUAL": lambda a, b: a != b,
    "LESS": lambda a, b: a < b,
    "LESS_EQUAL": lambda a, b: a <= b,
    "GREATER": lambda a, b: a > b,
    "GREATER_EQUAL": lambda a, b: a >= b,
    "SHIFT_LEFT": lambda a, b: a << b,
    "SHIFT_RIGHT": lambda a, b: a >> b,
    "ADD": lambda a, b: a + b,
    "SUB": lambda a, b: a - b,
    "MUL": lambda a, b: a * b,
    "DIV": lambda a, b: a / b,
}


def branches(circuit: QuantumCircuit, initial: np.ndarray | None = None) -> list[Branch]:
    """The exact ensemble of final states of `circuit` (see the module docstring)."""
    out = BranchSimulator(circuit).run(initial)
    for b in out:
        b.vec = to_virtual(b.vec, circuit)
    return out


def outcome_distribution(circuit: QuantumCircuit) -> dict[str, float]:
    """Exact probabilities of the classical outcomes of `circuit`, keyed like Qiskit's counts
    (registers separated by spaces, the last register first)."""
    result: dict[str, float] = {}
    for b in branches(circuit):
        key = counts_key(circuit, b.bits)
        result[key] = result.get(key, 0.0) + b.prob
    return result


def counts_key(circuit: QuantumCircuit, bits: list[bool]) -> str:
    index = {c: i for i, c in enumerate(circuit.clbits)}
    if circuit.cregs:
        parts = []
        for reg in reversed(circuit.cregs):
            parts.append("".join("1" if bits[index[c]] else "0" for c in reversed(list(reg))))
        return " ".join(parts)
    return "".join("1" if b else "0" for b in reversed(bits))
