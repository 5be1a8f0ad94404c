"""qgrade on circuits nobody on this project wrote: Qiskit circuit-library circuits compiled many
ways, and single-change mutants of them (issue 11).

    python benchmarks/bench_qgrade_corpus.py [--sizes 3,4,5,6,8,10,12,14,16] [--configs 3]

Correct circuits: library circuits (QFT, quantum volume, adders, multi-controlled X, graph
states, hardware-efficient ansätze with bound angles, IQP) transpiled at optimization levels 0-3
for several basis sets and coupling maps (seeded; idle qubits not assumed |0>, so every copy is
the same operator). Mutants, one change each: a dropped gate, a rotation angle off by 0.05 rad,
one CX with control and target swapped, the whole circuit written with the qubit order
reversed; a mutant is kept only when Qiskit proves it different (`Operator.equiv` up to 10
qubits; above, the output `Statevector`s for one random product input state have an
infidelity above the checks' tolerance `limits.TOLERANCE`: a transpiler at level 3 itself
leaves a 16-qubit QFT ~6e-10 away, which an elementwise `Statevector.equiv` calls different).

Prints: correct accepted, wrong rejected, crashes / internal errors (must be 100%, 100%, 0), and
per mutant kind the share of specific diagnoses (anything but wrong_operator) and how many of
those were checked true against Qiskit (repairs re-applied, reversal re-applied, fidelity for
nearly_correct), overall and per size. `tests/qgrade/test_corpus.py` runs a small slice of the
same corpus.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "autograder"))

from qiskit import QuantumCircuit, transpile  # noqa: E402
from qiskit.circuit.library import (  # noqa: E402
    GraphStateGate,
    HalfAdderGate,
    MCXGate,
    ModularAdderGate,
    QFTGate,
    efficient_su2,
    iqp,
    quantum_volume,
    real_amplitudes,
)
from qiskit.quantum_info import Operator, Statevector  # noqa: E402
from qiskit.transpiler import CouplingMap  # noqa: E402

import qgrade  # noqa: E402
from qgrade import _guard, limits  # noqa: E402

BASIS_SETS = [
    ["cx", "u"],
    ["rz", "sx", "x", "cx"],
    ["rz", "sx", "x", "ecr"],
    ["rx", "ry", "rz", "cz"],
]
KINDS = ("dropped_gate", "wrong_angle", "swapped_cx", "reversed_order")
GENERIC = {"wrong_operator", "wrong_amplitudes"}
DENSE = 10  # Qiskit's Operator.equiv is the judge up to here


@dataclass
class Item:
    name: str
    kind: str  # "correct" or one of KINDS
    circuit: QuantumCircuit
    expected: QuantumCircuit
    config: str


@dataclass
class Stats:
    correct: int = 0
    accepted: int = 0
    wrong: int = 0
    rejected: int = 0
    crashes: list[str] = field(default_factory=list)
    false_verdicts: list[str] = field(default_factory=list)
    by_kind: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    codes: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    by_size: dict[int, dict[str, Counter]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(Counter))
    )
    seconds: float = 0.0


# ------------------------------------------------------------------ the corpus


def library(n: int, rng: np.random.Generator) -> list[tuple[str, QuantumCircuit]]:
    """Library circuits on n qubits (parameters bound)."""
    out: list[tuple[str, QuantumCircuit]] = []

    def wrap(name: str, gate, width: int | None = None) -> None:
        qc = QuantumCircuit(n if width is None else width)
        qc.append(gate, range(gate.num_qubits))
        out.append((name, qc))

    wrap(f"qft{n}", QFTGate(n))
    qv = quantum_volume(n, depth=2, seed=int(rng.integers(1 << 30)))
    out.append((f"qv{n}", qv))
    ra = real_amplitudes(n, reps=2)
    out.append(
        (f"real_amplitudes{n}", ra.assign_parameters(rng.uniform(-np.pi, np.pi, ra.num_parameters)))
    )
    su2 = efficient_su2(n, reps=1)
    out.append(
        (
            f"efficient_su2_{n}",
            su2.assign_parameters(rng.uniform(-np.pi, np.pi, su2.num_parameters)),
        )
    )
    if n % 2 == 1 and n >= 3:
        wrap(f"half_adder{n}", HalfAdderGate((n - 1) // 2))
    if n % 2 == 0:
        wrap(f"modular_adder{n}", ModularAdderGate(n // 2))
    wrap(f"mcx{n}", MCXGate(n - 1))
    adjacency = np.zeros((n, n), dtype=int)
    for q in range(n):
        adjacency[q, (q + 1) % n] = adjacency[(q + 1) % n, q] = 1
    wrap(f"graph_state{n}", GraphStateGate(adjacency))
    inter = rng.integers(0, 8, size=(n, n))
    out.append((f"iqp{n}", iqp((inter + inter.T) // 2)))
    return out


def configs(n: int, count: int, rng: np.random.Generator) -> list[dict]:
    """`count` seeded transpiler settings (level, basis, coupling map)."""
    chosen = []
    for _ in range(count):
        level = int(rng.integers(0, 4))
        basis = BASIS_SETS[int(rng.integers(len(BASIS_SETS)))]
        coupling = [None, CouplingMap.from_line(n), CouplingMap.from_ring(n)][int(rng.integers(3))]
        chosen.append(
            {
                "optimization_level": level,
                "basis_gates": basis,
                "coupling_map": coupling,
                "seed_transpiler": int(rng.integers(1 << 20)),
            }
        )
    return chosen


def describe(cfg: dict) -> str:
    cm = cfg["coupling_map"]
    where = "all-to-all" if cm is None else f"{len(cm.get_edges()) // 2}-edge map"
    return f"O{cfg['optimization_level']} {'/'.join(cfg['basis_gates'])} {where}"


def compile_(circuit: QuantumCircuit, cfg: dict) -> QuantumCircuit:
    return transpile(circuit, qubits_initially_zero=False, **cfg)


def operator(circuit: QuantumCircuit) -> Operator:
    """What the circuit means (a transpiled circuit's layout taken into account)."""
    if circuit.layout is not None:
        return Operator.from_circuit(circuit)
    return Operator(circuit)


def evolved(circuit: QuantumCircuit, state: Statevector) -> Statevector:
    """Qiskit's Statevector of `circuit` applied to `state`, in the original qubit order."""
    if circuit.layout is None:
        # library gates (a 16-qubit QFTGate) would be turned into dense matrices: lower them
        lowered = transpile(
            circuit, basis_gates=["u", "cx"], optimization_level=0, qubits_initially_zero=False
        )
        return state.evolve(lowered)
    from qgrade.simulate import permute_qubits

    n = circuit.num_qubits
    initial = [int(p) for p in circuit.layout.initial_index_layout(filter_ancillas=False)]
    final = [int(p) for p in circuit.layout.final_index_layout(filter_ancillas=False)]
    placed = Statevector(permute_qubits(state.data, n, initial))
    out = placed.evolve(circuit).data
    back = [0] * n
    for virtual, physical in enumerate(final):
        back[physical] = virtual
    return Statevector(permute_qubits(out, n, back))


def differs(a: QuantumCircuit, b: QuantumCircuit, rng: np.random.Generator) -> bool:
    """Qiskit proves a and b different operators (up to global phase)."""
    n = a.num_qubits
    if n <= DENSE:
        return not operator(a).equiv(operator(b))
    prep = QuantumCircuit(n)
    for q in range(n):
        prep.u(*rng.uniform(0, 2 * np.pi, 3), q)
    start = Statevector(prep)
    overlap = np.vdot(evolved(a, start).data, evolved(b, start).data)
    return 1 - abs(overlap) ** 2 > limits.TOLERANCE


def _rotations(circuit: QuantumCircuit) -> list[int]:
    return [
        i
        for i, inst in enumerate(circuit.data)
        if inst.operation.params
        and all(isinstance(p, float) for p in inst.operation.params)
        and inst.operation.name not in ("unitary",)
    ]


def mutants(
    original: QuantumCircuit, compiled: QuantumCircuit, cfg: dict, rng: np.random.Generator
) -> Iterator[tuple[str, QuantumCircuit]]:
    gates = [i for i, inst in enumerate(compiled.data) if inst.operation.name != "barrier"]
    if gates:
        m = compiled.copy()
        del m.data[int(rng.choice(gates))]
        yield "dropped_gate", m
    rot = _rotations(compiled)
    if rot:
        m = compiled.copy()
        i = int(rng.choice(rot))
        inst = m.data[i]
        op = inst.operation.to_mutable()
        k = int(rng.integers(len(op.params)))
        op.params[k] = float(op.params[k]) + 0.05 * (1 if rng.random() < 0.5 else -1)
        m.data[i] = inst.replace(operation=op)
        yield "wrong_angle", m
    cxs = [i for i, inst in enumerate(compiled.data) if inst.operation.name == "cx"]
    if cxs:
        m = compiled.copy()
        i = int(rng.choice(cxs))
        inst = m.data[i]
        m.data[i] = inst.replace(qubits=tuple(reversed(inst.qubits)))
        yield "swapped_cx", m
    yield "reversed_order", compile_(original.reverse_bits(), cfg)


def corpus(
    sizes: list[int], per_circuit: int, seed: int = 11, circuits: int | None = None
) -> Iterator[Item]:
    """Correct compilations and their proven-different mutants; `circuits` keeps only that many
    library circuits per size (spread over the list)."""
    rng = np.random.default_rng(seed)
    for n in sizes:
        chosen = library(n, rng)
        if circuits is not None and circuits < len(chosen):
            picks = np.linspace(0, len(chosen) - 1, circuits).round().astype(int)
            chosen = [chosen[int(i)] for i in picks]
        for name, original in chosen:
            for cfg in configs(n, per_circuit, rng):
                compiled = compile_(original, cfg)
                yield Item(name, "correct", compiled, original, describe(cfg))
                for kind, mutant in mutants(original, compiled, cfg, rng):
                    if differs(mutant, original, rng):
                        yield Item(name, kind, mutant, original, describe(cfg))


# ------------------------------------------------------------------ checking the verdicts


def _reversed_matrix(u: np.ndarray, n: int, side: str) -> np.ndarray:
    idx = [int(format(k, f"0{n}b")[::-1], 2) for k in range(2**n)]
    return {"both": u[np.ix_(idx, idx)], "output": u[idx, :], "input": u[:, idx]}[side]


def repaired(circuit: QuantumCircuit, details) -> QuantumCircuit:
    """The circuit with the fix a repair verdict's details describe (rebuilt from data)."""
    from qiskit.circuit.library import get_standard_gate_name_mapping

    data = list(circuit.data)
    i = details["instruction"]
    out = circuit.copy_empty_like()
    new = None
    if "new_gate_spec" in details:
        spec = details["new_gate_spec"]
        gate = get_standard_gate_name_mapping()[spec["name"]]
        if spec["params"]:
            gate = type(gate)(*spec["params"])
        new = (gate, [circuit.qubits[q] for q in spec["qubits"]])
    for j, inst in enumerate(data):
        if j == i and details["fix"] == "add":
            out.append(*new)
        if j == i and details["fix"] == "remove":
            continue
        if j == i and details["fix"] == "replace":
            out.append(*new)
            continue
        if j == i and details["fix"] == "swap_control_target":
            out.append(inst.operation, list(reversed(inst.qubits)))
            continue
        out.append(inst)
    if details["fix"] == "add" and i >= len(data):
        out.append(*new)
    return out


def truth(item: Item, verdict, rng: np.random.Generator) -> bool | None:
    """Whether a specific diagnosis is true (None: no independent check for this code)."""
    code = verdict.diagnosis
    n = item.circuit.num_qubits
    if code in ("one_gate_away", "control_target_swapped"):
        return not differs(repaired(item.circuit, verdict.details), item.expected, rng)
    if n > DENSE:
        return None
    if code == "qubit_order_reversed":
        u = operator(item.circuit).data
        fixed = _reversed_matrix(u, n, verdict.details["reversed"])
        fid = abs(np.vdot(operator(item.expected).data, fixed) / 2**n) ** 2
        return fid >= 1 - limits.NEARLY
    if code == "nearly_correct":
        e, u = operator(item.expected).data, operator(item.circuit).data
        fid = abs(np.vdot(e, u) / 2**n) ** 2
        return 1 - limits.NEARLY <= fid < 1 - limits.TOLERANCE
    return None


def grade(items: Iterator[Item], stats: Stats | None = None, verbose: bool = False) -> Stats:
    stats = stats or Stats()
    rng = np.random.default_rng(5)
    _guard.RAISE_INTERNAL_ERRORS = True
    start = time.perf_counter()
    try:
        for item in items:
            label = f"{item.name} [{item.config}] {item.kind}"
            try:
                verdict = qgrade.check_operator(item.circuit, item.expected)
            except Exception as err:  # a crash: exactly what must never happen
                stats.crashes.append(f"{label}: {type(err).__name__}: {err}")
                continue
            if "internal_error" in verdict.details:
                stats.crashes.append(f"{label}: {verdict.message}")
            if item.kind == "correct":
                stats.correct += 1
                stats.accepted += verdict.passed
                if not verdict.passed:
                    stats.false_verdicts.append(f"{label}: rejected [{verdict.diagnosis}]")
                continue
            stats.wrong += 1
            stats.rejected += not verdict.passed
            if verdict.passed:
                stats.false_verdicts.append(f"{label}: accepted")
                continue
            counter = stats.by_kind[item.kind]
            sized = stats.by_size[item.circuit.num_qubits][item.kind]
            counter["total"] += 1
            sized["total"] += 1
            stats.codes[item.kind][verdict.diagnosis] += 1
            if verdict.diagnosis in GENERIC:
                continue
            counter["specific"] += 1
            ok = truth(item, verdict, rng)
            if ok is None:
                counter["unchecked"] += 1
            elif ok:
                counter["true"] += 1
            else:
                counter["false"] += 1
                stats.false_verdicts.append(
                    f"{label}: false {verdict.diagnosis}: {verdict.message}"
                )
            if ok is not False:
                sized["specific"] += 1  # per size: specific and not proven false
            if verbose:
                print(f"  {label}: {verdict.diagnosis}", flush=True)
    finally:
        _guard.RAISE_INTERNAL_ERRORS = False
    stats.seconds += time.perf_counter() - start
    return stats


def report(stats: Stats) -> str:
    lines = [
        f"correct accepted: {stats.accepted}/{stats.correct}",
        f"wrong rejected:   {stats.rejected}/{stats.wrong}",
        f"crashes / internal errors: {len(stats.crashes)}",
        f"grading time: {stats.seconds:.1f} s",
        "specific diagnoses per mutant kind (checked true / unchecked / false):",
    ]
    for kind in KINDS:
        c = stats.by_kind.get(kind, Counter())
        total = c["total"]
        rate = c["specific"] / total if total else float("nan")
        lines.append(
            f"  {kind:15s} {c['specific']:4d}/{total:<4d} = {rate:6.1%}   "
            f"(true {c['true']}, unchecked {c['unchecked']}, false {c['false']})   "
            + ", ".join(f"{k} {v}" for k, v in stats.codes.get(kind, Counter()).most_common())
        )
    lines.append("per size, specific diagnoses not proven false (n: " + ", ".join(KINDS) + "):")
    for n in sorted(stats.by_size):
        cells = []
        for kind in KINDS:
            c = stats.by_size[n][kind]
            cells.append(
                f"{c['specific']}/{c['total']} {c['specific'] / c['total']:.0%}"
                if c["total"]
                else "-"
            )
        lines.append(f"  n = {n:2d}: " + " | ".join(f"{cell:>12s}" for cell in cells))
    for line in stats.crashes + stats.false_verdicts:
        lines.append("  ! " + line)
    return "\n".join(lines)


def main() -> None:
    global DENSE
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="3,4,5,6,8,10,12,14,16")
    parser.add_argument("--configs", type=int, default=2, help="compilations per circuit")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument(
        "--dense",
        type=int,
        default=DENSE,
        help="up to this many qubits Operator.equiv is the judge (above: Statevector)",
    )
    parser.add_argument(
        "--big-circuits", type=int, default=None, help="library circuits per size from 10 qubits on"
    )
    args = parser.parse_args()
    DENSE = args.dense
    stats = Stats()
    for n in [int(s) for s in args.sizes.split(",")]:
        t0 = time.perf_counter()
        keep = args.big_circuits if n >= DENSE else None
        grade(corpus([n], args.configs, args.seed + n, keep), stats, args.verbose)
        print(f"n = {n}: done in {time.perf_counter() - t0:.0f} s; so far:", flush=True)
        print(report(stats), flush=True)


if __name__ == "__main__":
    main()
