"""A circuit transpiled onto a larger device is graded through its layout (ancillas included)."""

from qiskit import QuantumCircuit, transpile
from qiskit.quantum_info import Statevector
from qiskit_ibm_runtime.fake_provider import FakeManilaV2

import qgrade


def _logical() -> QuantumCircuit:
    qc = QuantumCircuit(3)
    qc.h(0)
    qc.cx(0, 2)
    qc.cx(2, 1)
    qc.t(1)
    return qc


def _on_five_qubits(qc: QuantumCircuit) -> QuantumCircuit:
    wide = QuantumCircuit(5)
    wide.compose(qc, range(3), inplace=True)
    return wide


def test_a_three_qubit_circuit_routed_on_a_five_qubit_device_is_correct():
    routed = transpile(
        _logical(),
        FakeManilaV2(),
        seed_transpiler=3,
        optimization_level=3,
        initial_layout=[4, 0, 2],
    )
    expected = _on_five_qubits(_logical())
    assert qgrade.check_operator(routed, expected).diagnosis == "correct"
    assert qgrade.check_state(routed, Statevector(expected)).diagnosis == "correct"


def test_the_layout_does_not_hide_a_wrong_circuit():
    wrong = _logical()
    wrong.z(2)
    routed = transpile(wrong, FakeManilaV2(), seed_transpiler=3, initial_layout=[4, 0, 2])
    assert not qgrade.check_operator(routed, _on_five_qubits(_logical())).passed
