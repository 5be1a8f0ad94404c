"""Helpers for the self-study tests (a module of its own: `conftest` names clash across folders)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

FIXTURE_CURRICULUM = Path(__file__).parent / "fixtures" / "curriculum"
MODULE = "01-selfstudy-fixture"
REPO = Path(__file__).resolve().parents[2]


def copy_curriculum(target: Path) -> Path:
    shutil.copytree(FIXTURE_CURRICULUM, target)
    return target


def run_qcourse(*args: str, cwd: Path | None = None, env: dict | None = None, timeout=600):
    """The real `qcourse` command line in a subprocess."""
    return subprocess.run(
        [sys.executable, "-m", "qcourse", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
    )


def set_solution(nb, exercise: str, source: str) -> None:
    for cell in nb.cells:
        if cell.get("metadata", {}).get("nbgrader", {}).get("grade_id") == f"solution_{exercise}":
            cell.source = source
            return
    raise AssertionError(f"no solution cell for {exercise}")


def cell(nb, grade_id: str):
    for c in nb.cells:
        if c.get("metadata", {}).get("nbgrader", {}).get("grade_id") == grade_id:
            return c
    return None


PLUS_RIGHT = "def plus_state():\n    qc = QuantumCircuit(1)\n    qc.h(0)\n    return qc\n"
PLUS_WRONG = "def plus_state():\n    qc = QuantumCircuit(1)\n    qc.x(0)\n    return qc\n"
BELL_RIGHT = (
    "def bell_phi_minus():\n    qc = QuantumCircuit(2)\n    qc.x(0)\n    qc.h(0)\n"
    "    qc.cx(0, 1)\n    return qc\n"
)
BELL_PHI_PLUS = "def bell_phi_minus():\n    qc = QuantumCircuit(2)\n    qc.h(0)\n    qc.cx(0, 1)\n    return qc\n"
