"""Module-level defaults of the checks. Change them here (or per call with keyword arguments).

- `TOLERANCE`: a submission passes when its fidelity is within this of 1 (|<e|a>|^2 for
  states, |Tr(R^dag S)|^2 / d^2 for operators). Numerical noise is ~1e-15; `ry(3.14)` for
  `ry(pi)` is off by ~6e-7 and must fail.
- `NEARLY`: below this infidelity (but above `TOLERANCE`) a wrong answer is `nearly_correct`;
  the structural detectors (qubit order, bit flips, ...) also accept matches this close, so an
  answer that is both reversed and has a decimal angle is still called reversed.
- `MAX_QUBITS`: larger submissions get a `too_large` verdict, before anything is simulated.
- `DENSE_MAX_QUBITS`: up to this size operators are compared as dense 2^n x 2^n matrices;
  above it a randomized check on Aer is used (never a dense matrix).
- `RANDOM_TRIALS`: number of Haar-random input states of the randomized operator check (an
  operator with process infidelity eps passes one trial with probability below tol/eps, so 4
  trials let an error 100x above the tolerance through with probability below 1e-8).
"""

from __future__ import annotations

TOLERANCE = 1e-8
NEARLY = 1e-3
MAX_QUBITS = 24
DENSE_MAX_QUBITS = 10
RANDOM_TRIALS = 4
AER_THREADS = 0  # 0: Aer's default (all cores from 14 qubits on); 1 suits many graders at once
SEED = 20240917  # fixed seed of the randomized checks: the same submission, the same verdict

# size limits of the exact simulation of circuits with mid-circuit measurement / reset /
# feed-forward (one state vector per measurement branch)
MAX_BRANCHES = 4096
MAX_BRANCH_AMPLITUDES = 1 << 25

# details carry full amplitude tables up to this many qubits
DETAIL_QUBITS = 6
