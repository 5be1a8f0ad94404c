"""Turn whatever a learner (or an exercise author) passed into something a check can compare.

A submission may be a `QuantumCircuit`, a gate/instruction, a `Statevector`, `DensityMatrix`,
`Operator` (or another qiskit.quantum_info operator), an array or nested list, or a
zero-argument callable returning one of those. Anything else ends the check with a failing
verdict (`invalid_submission`, `student_error`, ...) raised as `Reject`; see `_guard`.

`expected` values come from the exercise author: problems with them raise `ExerciseError`.
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np
from qiskit import QuantumCircuit
from qiskit.circuit import ControlFlowOp, Gate, Instruction
from qiskit.circuit.library import UnitaryGate
from qiskit.quantum_info import DensityMatrix, Operator, Statevector

from qgrade import constraints as cons
from qgrade._guard import ExerciseError
from qgrade.diagnose import (
    constraint_violated,
    forbidden_instruction,
    interrupted,
    invalid_submission,
    student_error,
    too_large,
    unbound_parameters,
)
from qgrade.i18n import _

Kind = Literal["circuit", "vector", "density", "operator"]


@dataclass
class Submission:
    kind: Kind
    num_qubits: int
    circuit: QuantumCircuit | None = None  # the circuit, final measurements and barriers removed
    data: np.ndarray | None = None  # vector, density matrix or operator matrix
    dynamic: bool = False  # measurement / reset / control flow left after stripping
    inventory: cons.Inventory | None = None
    original_type: str = ""
    notes: list[str] = field(default_factory=list)


def _wanted(want: str) -> str:
    if want == "state":
        return _("a QuantumCircuit or a Statevector")
    return _("a QuantumCircuit or an Operator")


def _is_qiskit_object(value: Any) -> bool:
    """Whether `value` is an object of Qiskit or Aer (singleton gates' classes have no module)."""
    if isinstance(value, Instruction):
        return True
    for cls in type(value).__mro__:
        module = getattr(cls, "__module__", None)
        if isinstance(module, str) and module.startswith(("qiskit.", "qiskit_aer.")):
            return True
    return False


def call_if_callable(value: Any) -> tuple[Any, bool]:
    """Call a learner's zero-argument function; exceptions become `student_error` verdicts."""
    if isinstance(value, (QuantumCircuit, Instruction, np.ndarray, type)) or not callable(value):
        return value, False
    if _is_qiskit_object(value):
        return value, False  # Operator and friends are callable, but are answers themselves
    try:
        sig = inspect.signature(value)
    except (TypeError, ValueError):
        sig = None
    if sig is not None:
        required = [
            p
            for p in sig.parameters.values()
            if p.default is p.empty and p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
        ]
        if required:
            raise invalid_submission.needs_arguments(getattr(value, "__name__", "?"))
    try:
        result = value()
    except (Exception, SystemExit) as err:
        raise student_error.from_exception(err) from None
    except KeyboardInterrupt:
        raise interrupted.while_running(getattr(value, "__name__", "?")) from None
    return result, True


def resolve(value: Any, want: Literal["state", "operator"]) -> Submission:
    """A learner's submission as a `Submission` (raises `Reject` for bad ones)."""
    value, from_function = call_if_callable(value)
    qiskit_object = _is_qiskit_object(value)
    if callable(value) and not isinstance(value, type) and not qiskit_object:
        raise invalid_submission.wrong_type(value, _wanted(want), from_function)
    original = type(value).__name__
    if isinstance(value, Instruction) and not isinstance(value, QuantumCircuit):
        circ = QuantumCircuit(value.num_qubits, value.num_clbits)
        circ.append(value, range(value.num_qubits), range(value.num_clbits))
        value = circ
    if isinstance(value, QuantumCircuit):
        return Submission("circuit", value.num_qubits, circuit=value, original_type=original)
    if isinstance(value, Statevector):
        data = np.asarray(value.data, dtype=complex)
        _finite(data)
        return Submission("vector", _qubits_of(len(data)), data=data, original_type=original)
    if isinstance(value, DensityMatrix):
        data = np.asarray(value.data, dtype=complex)
        _finite(data)
        return Submission("density", _qubits_of(len(data)), data=data, original_type=original)
    if isinstance(value, Operator):
        data = np.asarray(value.data, dtype=complex)
        return _matrix_submission(data, want, original)
    if value is None or isinstance(value, (str, bytes, bool, int, float, complex, dict, set)):
        raise invalid_submission.wrong_type(value, _wanted(want), from_function)
    if want == "operator" and hasattr(value, "to_operator"):
        try:
            data = np.asarray(value.to_operator().data, dtype=complex)
        except Exception:
            raise invalid_submission.wrong_type(value, _wanted(want), from_function) from None
        return _matrix_submission(data, want, original)
    if isinstance(value, (list, tuple, np.ndarray)) or hasattr(value, "__array__"):
        data = _as_numbers(value)
        if data.ndim == 2 and 1 in data.shape and want == "state":
            data = data.reshape(-1)
        if data.ndim == 1:
            if want == "operator":
                raise invalid_submission.bad_shape(data.shape, _("a square matrix"))
            return Submission("vector", _qubits_of(len(data)), data=data, original_type=original)
        if data.ndim == 2:
            if data.shape[0] != data.shape[1]:
                raise invalid_submission.bad_shape(data.shape, _("a square matrix"))
            if want == "state":
                herm = np.allclose(data, data.conj().T, atol=1e-9)
                if herm and abs(np.trace(data) - 1) < 1e-6:
                    _qubits_of(data.shape[0])
                    return Submission(
                        "density", _qubits_of(data.shape[0]), data=data, original_type=original
                    )
                raise invalid_submission.not_a_state_matrix()
            return _matrix_submission(data, want, original)
        raise invalid_submission.bad_shape(data.shape, _wanted(want))
    raise invalid_submission.wrong_type(value, _wanted(want), from_function)


def _as_numbers(value: Any) -> np.ndarray:
    try:
        data = np.asarray(value)
    except Exception as err:
        raise invalid_submission.not_numbers(str(err)) from None
    if data.dtype == object or data.dtype.kind in "USVMm":
        try:
            data = np.asarray(value, dtype=complex)
        except Exception as err:
            raise invalid_submission.not_numbers(str(err)) from None
    try:
        data = data.astype(complex)
    except Exception as err:
        raise invalid_submission.not_numbers(str(err)) from None
    if data.size == 0:
        raise invalid_submission.bad_length(0)
    _finite(data)
    return data


def _finite(data: np.ndarray) -> None:
    if not np.all(np.isfinite(data)):
        raise invalid_submission.not_finite()


def _qubits_of(length: int) -> int:
    n = int(length).bit_length() - 1
    if length < 2 or 2**n != length:
        raise invalid_submission.bad_length(int(length))
    return n


def _matrix_submission(data: np.ndarray, want: str, original: str) -> Submission:
    if want == "state":
        raise invalid_submission.not_a_state_matrix()
    if data.ndim != 2 or data.shape[0] != data.shape[1]:
        raise invalid_submission.bad_shape(data.shape, _("a square matrix"))
    _finite(data)
    n = _qubits_of(data.shape[0])
    return Submission("operator", n, data=data, original_type=original)


def prepare_circuit(
    sub: Submission,
    rules: cons.Constraints | None,
    max_qubits: int,
    expected_qubits: int | None = None,
) -> None:
    """Size, parameters, constraints; strip final measurements; decide if dynamic."""
    circ = sub.circuit
    assert circ is not None
    if circ.num_qubits > max_qubits:
        raise too_large.qubits(circ.num_qubits, max_qubits, expected_qubits)
    unbound_parameters.check(circ)
    check_parameters_finite(circ)
    enforce(circ, rules, sub)
    stripped = with_matrices(cons.final_measurements_removed(circ))
    if sub.inventory is not None and sub.inventory.dynamic:
        # measurements left after removing the final ones, or reset / control flow
        sub.dynamic = cons.take_inventory(stripped).dynamic
    sub.circuit = stripped


def _bad_parameter(circ: QuantumCircuit, depth: int = 0) -> tuple[str, Any] | None:
    """(gate name, value) of the first gate parameter that is NaN or infinite."""
    phase = circ.global_phase
    if isinstance(phase, (int, float)) and not np.isfinite(phase):
        return "global_phase", phase
    for inst in circ.data:
        op = inst.operation
        for p in op.params:
            if isinstance(p, QuantumCircuit):
                found = _bad_parameter(p, depth + 1) if depth < 8 else None
                if found is not None:
                    return found
                continue
            if isinstance(p, (int, float, complex, np.number)) and not isinstance(p, bool):
                if not np.isfinite(complex(p)):
                    return op.name, p
        if getattr(op, "_standard_gate", None) is None and isinstance(op, Gate) and depth < 8:
            definition = _definition(op)
            if definition is not None:
                found = _bad_parameter(definition, depth + 1)
                if found is not None:
                    return found
    return None


def check_parameters_finite(circ: QuantumCircuit) -> None:
    """A gate angle of NaN or infinity (rz(nan), a division by zero) is not a circuit."""
    found = _bad_parameter(circ)
    if found is not None:
        raise invalid_submission.non_finite_parameter(found[0], found[1])


def _gate_matrix(op: Any) -> np.ndarray | None:
    try:
        mat = np.asarray(op.to_matrix(), dtype=complex)
    except Exception:
        return None
    if mat.shape != (2**op.num_qubits, 2**op.num_qubits) or not np.all(np.isfinite(mat)):
        return None
    return mat


def _definition(op: Any) -> QuantumCircuit | None:
    try:
        return op.definition
    except Exception:
        return None


def _needs_matrix(op: Any) -> bool:
    """A gate qgrade can only use through its matrix: no definition, not a standard gate."""
    return (
        isinstance(op, Gate)
        and getattr(op, "_standard_gate", None) is None
        and not isinstance(op, ControlFlowOp)
        and _definition(op) is None
    )


def with_matrices(circ: QuantumCircuit, depth: int = 0) -> QuantumCircuit:
    """`circ` with every gate that has a matrix but no definition (another vendor's native gate,
    a Gate subclass with only `__array__`/`to_matrix`) replaced by a `UnitaryGate` of its matrix,
    so that every simulator and transpiler pass can take it. A gate with neither (an opaque
    gate) ends the check with an `invalid_submission` verdict that names it."""
    changed = False
    out = circ.copy_empty_like()
    for inst in circ.data:
        op = inst.operation
        if _needs_matrix(op):
            mat = _gate_matrix(op)
            if mat is None:
                raise invalid_submission.opaque_gate(op.name)
            out.append(UnitaryGate(mat, label=op.name, check_input=False), inst.qubits, inst.clbits)
            changed = True
            continue
        definition = _definition(op) if isinstance(op, Gate) and depth < 16 else None
        if (
            definition is not None
            and getattr(op, "_standard_gate", None) is None
            and _has_matrix_only(definition)
        ):
            fixed = with_matrices(definition, depth + 1)
            out.compose(fixed, inst.qubits, inst.clbits, inplace=True)
            changed = True
            continue
        out.append(inst)
    return out if changed else circ


def _has_matrix_only(circ: QuantumCircuit, depth: int = 0) -> bool:
    for inst in circ.data:
        op = inst.operation
        if _needs_matrix(op):
            return True
        if isinstance(op, Gate) and getattr(op, "_standard_gate", None) is None and depth < 16:
            definition = _definition(op)
            if definition is not None and _has_matrix_only(definition, depth + 1):
                return True
    return False


def enforce(circ: QuantumCircuit, rules: cons.Constraints | None, sub: Submission) -> None:
    """Check the exercise's rules (and the default ban on shortcuts) on `circ`."""
    effective = rules or cons.DEFAULT_CONSTRAINTS
    inv = cons.take_inventory(circ, effective)
    sub.inventory = inv
    if inv.shortcuts:
        raise forbidden_instruction.shortcut(inv.shortcuts[0])
    if inv.forbidden:
        raise forbidden_instruction.forbidden_gate(inv.forbidden[0])
    if not effective.allow_measurements and (inv.measurements or inv.resets):
        finding = inv.measurements[0] if inv.measurements else cons.Finding("reset", ())
        raise forbidden_instruction.measurement(finding)
    if rules is None:
        return
    if rules.max_qubits is not None and circ.num_qubits > rules.max_qubits:
        raise constraint_violated.qubits(circ.num_qubits, rules.max_qubits)
    if inv.outside_gate_set:
        raise constraint_violated.gate_set(
            inv.outside_gate_set[0], sorted(rules.allowed_gates or ())
        )
    if rules.max_oracle_calls is not None and inv.oracle_calls > rules.max_oracle_calls:
        raise constraint_violated.oracle_calls(
            inv.oracle_calls, rules.max_oracle_calls, rules.oracle_name
        )
    for name, limit in rules.max_gate_counts.items():
        if inv.counts.get(name, 0) > limit:
            raise constraint_violated.gate_count(name, inv.counts[name], limit)
    if rules.max_two_qubit_gates is not None and inv.two_qubit > rules.max_two_qubit_gates:
        raise constraint_violated.two_qubit(inv.two_qubit, rules.max_two_qubit_gates)
    if rules.max_depth is not None:
        depth = cons.take_inventory(cons.final_measurements_removed(circ), rules).depth
        if depth > rules.max_depth:
            raise constraint_violated.depth(depth, rules.max_depth)


def require_circuit(sub: Submission, rules: cons.Constraints | None) -> None:
    if rules is not None and sub.kind != "circuit":
        raise invalid_submission.circuit_required(sub.original_type)


# ------------------------------------------------------------------ expected values


def expected_circuit_or_data(expected: Any) -> Any:
    if callable(expected) and not isinstance(
        expected, (QuantumCircuit, Instruction, np.ndarray, Statevector, Operator, DensityMatrix)
    ):
        try:
            expected = expected()
        except Exception as err:
            raise ExerciseError(f"calling `expected` raised {type(err).__name__}: {err}") from err
    if isinstance(expected, Instruction) and not isinstance(expected, QuantumCircuit):
        circ = QuantumCircuit(expected.num_qubits)
        circ.append(expected, range(expected.num_qubits))
        expected = circ
    return expected


def expected_state(expected: Any, max_qubits: int) -> np.ndarray:
    """The expected pure state as a normalized vector."""
    from qgrade import simulate

    expected = expected_circuit_or_data(expected)
    if isinstance(expected, QuantumCircuit):
        if expected.num_qubits > max_qubits:
            raise too_large.expected_too_large(expected.num_qubits, max_qubits)
        if expected.parameters:
            raise ExerciseError("the expected circuit has unbound parameters")
        circ = cons.final_measurements_removed(expected)
        if cons.take_inventory(circ).dynamic:
            brs = simulate.branches(circ)
            if len(brs) != 1:
                raise ExerciseError("the expected circuit does not prepare a single pure state")
            vec = brs[0].vec
        else:
            vec = simulate.statevector(circ)
    elif isinstance(expected, Statevector):
        vec = np.asarray(expected.data, dtype=complex)
    elif isinstance(expected, DensityMatrix):
        raise ExerciseError("expected must be a pure state (a Statevector, circuit or vector)")
    else:
        try:
            vec = np.asarray(expected, dtype=complex).reshape(-1)
        except Exception as err:
            raise ExerciseError(f"cannot read expected as a state: {err}") from err
    n = int(len(vec)).bit_length() - 1
    if len(vec) < 2 or 2**n != len(vec):
        raise ExerciseError(f"expected state has length {len(vec)}, not a power of 2")
    if not np.all(np.isfinite(vec)):
        raise ExerciseError("expected state contains NaN or infinity")
    norm = np.linalg.norm(vec)
    if abs(norm - 1) > 1e-6:
        raise ExerciseError(f"expected state is not normalized (norm {norm})")
    return vec / norm


def expected_operator(expected: Any, max_qubits: int, dense_max: int) -> tuple[int, Any]:
    """(n, matrix) for small operators, (n, circuit) for large ones given as a circuit."""
    from qgrade import simulate

    expected = expected_circuit_or_data(expected)
    if isinstance(expected, QuantumCircuit):
        n = expected.num_qubits
        if n > max_qubits:
            raise too_large.expected_too_large(n, max_qubits)
        if expected.parameters:
            raise ExerciseError("the expected circuit has unbound parameters")
        circ = cons.final_measurements_removed(expected)
        if cons.take_inventory(circ).dynamic:
            raise ExerciseError("the expected circuit is not unitary (measure/reset/control flow)")
        if n <= dense_max:
            return n, simulate.operator_matrix(circ)
        return n, circ
    if isinstance(expected, Operator):
        mat = np.asarray(expected.data, dtype=complex)
    elif hasattr(expected, "to_operator"):
        mat = np.asarray(expected.to_operator().data, dtype=complex)
    else:
        try:
            mat = np.asarray(expected, dtype=complex)
        except Exception as err:
            raise ExerciseError(f"cannot read expected as an operator: {err}") from err
    if mat.ndim != 2 or mat.shape[0] != mat.shape[1]:
        raise ExerciseError(f"expected operator has shape {mat.shape}, not square")
    n = int(mat.shape[0]).bit_length() - 1
    if mat.shape[0] < 2 or 2**n != mat.shape[0]:
        raise ExerciseError("expected operator's dimension is not a power of 2")
    if not np.allclose(mat.conj().T @ mat, np.eye(mat.shape[0]), atol=1e-8):
        raise ExerciseError("expected operator is not unitary")
    return n, mat
