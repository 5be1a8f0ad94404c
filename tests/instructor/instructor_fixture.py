"""A tiny hand-made nbgrader module (numpy only, so kernels run fast) for instructor tests.

Its test cells fail like qgrade's do: `AssertionError("[diagnosis] message")`.
"""

from __future__ import annotations

from pathlib import Path

import nbformat

from qcourse.gradecells import cell_metadata
from qcourse.instructor.cohort import AnswerKey, ExerciseKey

MODULE_ID = "00-fixture"

SETUP = "import numpy as np"

EXERCISES = {
    "plus_state": (
        2,
        "def plus_state():\n"
        "    ### BEGIN SOLUTION\n"
        "    return np.array([1, 1]) / np.sqrt(2)\n"
        "    ### END SOLUTION\n",
        "_s = np.asarray(plus_state())\n"
        "if not np.allclose(_s, np.array([1, 1]) / np.sqrt(2)):\n"
        "    if np.allclose(_s, np.array([1, -1]) / np.sqrt(2)):\n"
        "        raise AssertionError('[relative_phase] the sign of |1> is wrong')\n"
        "    raise AssertionError('[wrong_amplitudes] this is not |+>')\n",
        [
            ("def plus_state():\n    return np.array([1, -1]) / np.sqrt(2)\n", "relative_phase"),
            ("def plus_state():\n    return np.array([1, 0])\n", "wrong_amplitudes"),
        ],
    ),
    "bell_phi_minus": (
        3,
        "def bell_phi_minus():\n"
        "    ### BEGIN SOLUTION\n"
        "    return np.array([1, 0, 0, -1]) / np.sqrt(2)\n"
        "    ### END SOLUTION\n",
        "_s = np.asarray(bell_phi_minus())\n"
        "if not np.allclose(_s, np.array([1, 0, 0, -1]) / np.sqrt(2)):\n"
        "    if np.allclose(_s, np.array([0, 1, -1, 0]) / np.sqrt(2)):\n"
        "        raise AssertionError('[bit_flip] an X too many: this is Psi-')\n"
        "    if np.allclose(_s, np.array([1, 0, 0, 1]) / np.sqrt(2)):\n"
        "        raise AssertionError('[relative_phase] this is Phi+, not Phi-')\n"
        "    raise AssertionError('[wrong_amplitudes] not a Bell state')\n",
        [
            (
                "def bell_phi_minus():\n    return np.array([0, 1, -1, 0]) / np.sqrt(2)\n",
                "bit_flip",
            ),
            (
                "def bell_phi_minus():\n    return np.array([1, 0, 0, 1]) / np.sqrt(2)\n",
                "relative_phase",
            ),
        ],
    ),
    "x_gate": (
        1,
        "def x_gate():\n"
        "    ### BEGIN SOLUTION\n"
        "    return np.array([[0, 1], [1, 0]])\n"
        "    ### END SOLUTION\n",
        "assert np.allclose(np.asarray(x_gate()), [[0, 1], [1, 0]]), '[wrong_operator] not X'\n",
        [("def x_gate():\n    return np.eye(2)\n", "wrong_operator")],
    ),
}

TOTAL_POINTS = sum(points for points, *_ in EXERCISES.values())


_meta = cell_metadata  # nbgrader schema 3, as generate_assignment expects


def source_notebook() -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    cells = [nbformat.v4.new_code_cell(SETUP, metadata=_meta("setup", locked=True))]
    for ex_id, (points, solution, test, _wrong) in EXERCISES.items():
        cells.append(
            nbformat.v4.new_markdown_cell(
                f"Exercise {ex_id}", metadata=_meta(f"task_{ex_id}", locked=True)
            )
        )
        cells.append(
            nbformat.v4.new_code_cell(solution, metadata=_meta(f"solution_{ex_id}", solution=True))
        )
        cells.append(
            nbformat.v4.new_code_cell(
                test, metadata=_meta(f"test_{ex_id}", grade=True, locked=True, points=points)
            )
        )
    nb.cells = cells
    return nb


def write_source(course_dir: Path, module_id: str = MODULE_ID) -> Path:
    path = Path(course_dir) / "source" / module_id / f"{module_id}.ipynb"
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(source_notebook(), str(path))
    return path


def answer_key() -> AnswerKey:
    return AnswerKey(
        module_id=MODULE_ID,
        exercises={
            ex_id: ExerciseKey(
                solution=solution,
                wrong=[code for code, _ in wrong],
                diagnoses=[d for _, d in wrong],
                points=points,
            )
            for ex_id, (points, solution, _test, wrong) in EXERCISES.items()
        },
    )
