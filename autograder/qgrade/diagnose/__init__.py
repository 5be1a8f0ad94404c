"""The diagnosis engine: what a failing (or passing) verdict says, one small file per code.

Each diagnosis code declared in `qgrade.diagnoses` has its module here named after it
(`bit_flip.py` makes every `bit_flip` verdict, for states, operators, sampled checks and
counts) with its messages, wrapped in `_()` / `ngettext()` (gettext) with named placeholders so
Babel extracts them. The list of codes with their meanings and titles is generated into
docs/diagnoses.md from the declarations.

The other modules:

- `cases.py`: what a detector looks at (`StateCase`, `OperatorCase`, `SampledCase`).
- `engine.py`: runs the detectors in order, most specific first; the first verdict wins.
- `repair.py` with the search in `circuit_edits.py`: replaces a generic verdict
  (`wrong_operator`, `wrong_amplitudes`) by `control_target_swapped` or `one_gate_away` when the
  repaired circuit passes the same check.
- `_math.py`: the linear algebra the detectors share.

Layers: `qgrade.checks` (the public checks: read options, resolve the submission, compare)
imports this package; nothing here imports `qgrade.checks`. Both stand on `qgrade.settings`
(options), `qgrade.oracles` (oracle tables and matrices), `qgrade.simulate` and
`qgrade.verdict`. tests/qgrade/test_layout.py keeps it so.
"""
