"""`Constraints`: the rules of an exercise about *how* a circuit is built, and the walk that checks them.

The walk looks through everything: custom gates (their definitions, nested to any depth),
controlled versions of gates, and the bodies of control flow (`if_test`, `while_loop`,
`for_loop`, `switch`). Standard gates (`h`, `cx`, ...) and gates named in `allowed_gates` are
leaves; any other composite gate is expanded, so a gate set or a gate count is judged on what
the circuit really does, and a forbidden instruction cannot hide inside a custom gate.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from qiskit.circuit import ControlFlowOp, QuantumCircuit

from qgrade._guard import ExerciseError

# State-preparation and "matrix" shortcuts: instructions that let a learner skip the exercise
# (write down the answer as numbers instead of building it from gates). Forbidden unless the
# exercise allows them by name (`Constraints(allow_shortcuts={"unitary"})`) or all at once
# (`allow_shortcuts=True`).
SHORTCUTS: frozenset[str] = frozenset(
    {
        "initialize",
        "state_preparation",
        "unitary",
        "isometry",
        "hamiltonian",
        "multiplexer",
        "ucrx",
        "ucry",
        "ucrz",
        "diagonal",
        "clifford",
        "linear_function",
        "kraus",
        "superop",
        "set_statevector",
        "set_density_matrix",
        "set_unitary",
        "set_superop",
        "set_stabilizer",
        "set_matrix_product_state",
    }
)

CONTROL_FLOW = frozenset({"if_else", "while_loop", "for_loop", "switch_case", "box"})
NON_GATES = frozenset({"barrier", "delay", "measure", "reset", "store"})
NON_GATES = NON_GATES | CONTROL_FLOW | {"break_loop", "continue_loop"}


@dataclass(frozen=True)
class Constraints:
    """How a submitted circuit may be built. Every field is optional; the defaults allow anything
    except the state-preparation shortcuts (`SHORTCUTS`).

    allowed_gates: gate names a circuit may use (e.g. {"h", "cx", "rz"}); None allows any gate.
        Measurement, reset, barrier and control flow are governed separately.
    forbidden_gates: gate names that must not appear anywhere (also inside custom gates).
    max_depth: maximum circuit depth (barriers and final measurements not counted).
    max_gate_counts: {gate name: maximum count}, e.g. {"t": 7}.
    max_two_qubit_gates: maximum number of two-qubit gates (cx, cz, swap, cp, ...), counted
        after expanding custom gates.
    max_qubits: maximum number of qubits of the circuit.
    allow_measurements: False forbids any measurement (and reset).
    max_oracle_calls: maximum number of uses of the gate named `oracle_name`.
    oracle_name: the name (or label) of the oracle gate counted by `max_oracle_calls`.
    allow_shortcuts: True allows every shortcut of `SHORTCUTS`; a set allows those named.
    """

    allowed_gates: Collection[str] | None = None
    forbidden_gates: Collection[str] = ()
    max_depth: int | None = None
    max_gate_counts: Mapping[str, int] = field(default_factory=dict)
    max_two_qubit_gates: int | None = None
    max_qubits: int | None = None
    allow_measurements: bool = True
    max_oracle_calls: int | None = None
    oracle_name: str = "oracle"
    allow_shortcuts: bool | Collection[str] = False

    def __post_init__(self) -> None:
        def names(value: Any, what: str) -> frozenset[str]:
            if isinstance(value, str):
                return frozenset({value})
            try:
                return frozenset(str(v) for v in value)
            except TypeError:
                raise ExerciseError(
                    f"Constraints.{what} must be a collection of gate names"
                ) from None

        if self.allowed_gates is not None:
            object.__setattr__(self, "allowed_gates", names(self.allowed_gates, "allowed_gates"))
        object.__setattr__(self, "forbidden_gates", names(self.forbidden_gates, "forbidden_gates"))
        if not isinstance(self.allow_shortcuts, bool):
            object.__setattr__(
                self, "allow_shortcuts", names(self.allow_shortcuts, "allow_shortcuts")
            )
        object.__setattr__(self, "max_gate_counts", dict(self.max_gate_counts))
        for key in ("max_depth", "max_two_qubit_gates", "max_qubits", "max_oracle_calls"):
            value = getattr(self, key)
            if value is not None and (not isinstance(value, int) or value < 0):
                raise ExerciseError(f"Constraints.{key} must be a non-negative int or None")

    def shortcut_allowed(self, name: str) -> bool:
        if self.allow_shortcuts is True:
            return True
        if self.allow_shortcuts is False:
            return False
        return name in self.allow_shortcuts  # type: ignore[operator]

    @property
    def needs_depth(self) -> bool:
        return self.max_depth is not None


DEFAULT_CONSTRAINTS = Constraints()


@dataclass
class Finding:
    """One instruction found by the walk."""

    name: str  # the instruction's name (the label for custom gates when it has one)
    path: tuple[str, ...]  # names of the custom gates / blocks it sits in, outermost first


@dataclass
class Inventory:
    """What a circuit contains, after expanding custom gates and control-flow bodies."""

    counts: Counter = field(default_factory=Counter)  # leaf name -> count
    two_qubit: int = 0
    oracle_calls: int = 0
    depth: int = 0
    shortcuts: list[Finding] = field(default_factory=list)
    forbidden: list[Finding] = field(default_factory=list)
    outside_gate_set: list[Finding] = field(default_factory=list)
    measurements: list[Finding] = field(default_factory=list)
    resets: int = 0
    control_flow: int = 0
    stores: int = 0
    opaque: list[Finding] = field(
        default_factory=list
    )  # non-unitary instructions with no definition

    @property
    def dynamic(self) -> bool:
        """Measurement, reset or classical control flow anywhere (before final measurements are removed)."""
        return bool(self.measurements or self.resets or self.control_flow or self.stores)


def _display_name(op: Any) -> str:
    label = getattr(op, "label", None)
    return str(label) if label else str(op.name)


def _is_standard(op: Any) -> bool:
    return getattr(op, "_standard_gate", None) is not None


def take_inventory(circuit: QuantumCircuit, constraints: Constraints | None = None) -> Inventory:
    """Walk `circuit` (through custom gates and control flow) and collect what it contains."""
    rules = constraints or DEFAULT_CONSTRAINTS
    inv = Inventory()
    levels = [0] * circuit.num_qubits if rules.needs_depth else None
    _walk(circuit, list(range(circuit.num_qubits)), (), rules, inv, levels, 0)
    if levels is not None:
        inv.depth = max(levels, default=0)
    return inv


def _walk(
    circuit: QuantumCircuit,
    qmap: list[int],
    path: tuple[str, ...],
    rules: Constraints,
    inv: Inventory,
    levels: list[int] | None,
    nesting: int,
) -> None:
    if nesting > 64:  # a definition that contains itself: stop rather than recurse forever
        return
    index = {q: i for i, q in enumerate(circuit.qubits)}
    allowed = rules.allowed_gates
    for inst in circuit.data:
        op = inst.operation
        name = op.name
        qubits = [qmap[index[q]] for q in inst.qubits]
        if name == "barrier" or name == "delay":
            continue
        if isinstance(op, ControlFlowOp):
            inv.control_flow += 1
            for block in op.blocks:
                inner = {q: i for i, q in enumerate(block.qubits)}
                bmap = [0] * block.num_qubits
                for outer_q, block_q in zip(inst.qubits, block.qubits, strict=False):
                    bmap[inner[block_q]] = qmap[index[outer_q]]
                _walk(block, bmap, (*path, name), rules, inv, levels, nesting + 1)
            continue
        shown = _display_name(op)
        # the oracle and gates the exercise names explicitly are leaves
        is_oracle = name == rules.oracle_name or shown == rules.oracle_name
        named = allowed is not None and (name in allowed or shown in allowed)
        base = getattr(op, "base_gate", None)
        shortcut = name in SHORTCUTS or (base is not None and base.name in SHORTCUTS)
        if shortcut and not is_oracle:
            short_name = name if name in SHORTCUTS else base.name
            if not rules.shortcut_allowed(short_name):
                inv.shortcuts.append(Finding(short_name, path))
            _leaf(op, shown, qubits, path, rules, inv, levels, is_oracle)
            continue
        if name in ("measure", "reset", "store") or is_oracle or named or _is_standard(op):
            _leaf(op, shown, qubits, path, rules, inv, levels, is_oracle)
            continue
        try:
            definition = op.definition
        except Exception:  # a broken custom instruction: judge it as it is
            definition = None
        if definition is None:
            if not _is_standard(op) and not hasattr(op, "to_matrix"):
                inv.opaque.append(Finding(shown, path))
            _leaf(op, shown, qubits, path, rules, inv, levels, is_oracle)
            continue
        _walk(definition, qubits, (*path, shown), rules, inv, levels, nesting + 1)


def _leaf(
    op: Any,
    shown: str,
    qubits: list[int],
    path: tuple[str, ...],
    rules: Constraints,
    inv: Inventory,
    levels: list[int] | None,
    is_oracle: bool,
) -> None:
    name = op.name
    key = shown if is_oracle else name
    inv.counts[key] += 1
    if is_oracle:
        inv.oracle_calls += 1
    if name == "measure":
        inv.measurements.append(Finding(name, path))
    elif name == "reset":
        inv.resets += 1
    elif name == "store":
        inv.stores += 1
    elif len(qubits) == 2:
        inv.two_qubit += 1
    if name in rules.forbidden_gates or shown in rules.forbidden_gates:
        inv.forbidden.append(Finding(shown, path))
    allowed = rules.allowed_gates
    if (
        allowed is not None
        and name not in NON_GATES
        and not is_oracle
        and name not in allowed
        and shown not in allowed
    ):
        inv.outside_gate_set.append(Finding(shown, path))
    if levels is not None and qubits and name != "store":
        top = max(levels[q] for q in qubits) + 1
        for q in qubits:
            levels[q] = top


def final_measurements_removed(circuit: QuantumCircuit) -> QuantumCircuit:
    """`circuit` without final measurements and barriers (a copy, or `circuit` itself if none)."""
    names = {inst.operation.name for inst in circuit.data}
    if "measure" not in names and "barrier" not in names:
        return circuit
    # With classical control flow a measurement result may be read later even when its qubit
    # is idle (teleportation): keep every measurement then; the branch simulation is exact.
    classical = names & (CONTROL_FLOW | {"store"})
    removable = "measure" in names and not classical
    stripped = circuit.remove_final_measurements(inplace=False) if removable else circuit
    if any(inst.operation.name == "barrier" for inst in stripped.data):
        clean = stripped.copy_empty_like()
        for inst in stripped.data:
            if inst.operation.name != "barrier":
                clean._append(inst)
        stripped = clean
    return stripped


def gate_names(findings: Iterable[Finding]) -> list[str]:
    seen: list[str] = []
    for f in findings:
        if f.name not in seen:
            seen.append(f.name)
    return seen
