"""The diagnosis engine: one small file per diagnosis code, named after the code.

| code                    | file                        | what it detects                                   |
|-------------------------|-----------------------------|---------------------------------------------------|
| correct                 | correct.py                  | the passing verdicts                              |
| nearly_correct          | nearly_correct.py           | fidelity within ~1e-3 of 1 but not within 1e-8    |
| global_phase            | global_phase.py             | right up to e^{iθ} where the phase is strict      |
| qubit_order_reversed    | qubit_order_reversed.py     | right with the qubits in reversed order           |
| qubits_permuted         | qubits_permuted.py          | right with the qubits in another order            |
| bit_flip                | bit_flip.py                 | right up to X on some qubits (says which)         |
| relative_phase          | relative_phase.py           | right magnitudes, wrong phase (qubit or states)   |
| wrong_amplitudes        | wrong_amplitudes.py         | wrong probabilities (fallback for states)         |
| wrong_operator          | wrong_operator.py           | another operation; names the first wrong input    |
| ancilla_not_clean       | ancilla_not_clean.py        | an ancilla does not end in |0⟩                    |
| wrong_qubit_count       | wrong_qubit_count.py        | a different number of qubits                      |
| forbidden_instruction   | forbidden_instruction.py    | initialize, unitary, ... or a forbidden gate      |
| constraint_violated     | constraint_violated.py      | gate set, depth, gate counts, oracle calls        |
| unbound_parameters      | unbound_parameters.py       | parameters without values                         |
| not_normalized          | not_normalized.py           | a state vector whose norm is not 1                |
| too_large               | too_large.py                | too many qubits to check here                     |
| student_error           | student_error.py            | the learner's function raised (or is the starter) |
| distribution_mismatch   | distribution_mismatch.py    | counts inconsistent with the distribution         |
| invalid_submission      | invalid_submission.py       | None, text, NaN, wrong shapes, ...                |
| wrong_value             | (checks/value.py)           | a classical answer differs from the expected one  |
| interrupted             | interrupted.py              | the learner's function was interrupted            |
| control_target_swapped  | control_target_swapped.py   | one CX with control and target swapped (verified) |
| one_gate_away           | one_gate_away.py            | one gate to add, remove or replace (verified)     |
| wrong_figure            | (checks/figure.py)          | a plot or drawing shows other data, kind, title   |
| wrong_draw_option       | (checks/figure.py)          | the right circuit drawn with another draw option  |

`repair.py` (with the search in `circuit_edits.py`) replaces a generic verdict (`wrong_operator`,
`wrong_amplitudes`) by `control_target_swapped` or `one_gate_away` when the repaired circuit
passes the same check.

`engine.py` runs the detectors in order, most specific first, and returns the first verdict.
Messages are wrapped in `_()` (gettext) with named placeholders, so Babel can extract them.
"""
