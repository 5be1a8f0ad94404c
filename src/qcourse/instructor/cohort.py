"""The sample cohort: student submissions derived from the curriculum itself.

Answers come from the module's own exercise definitions (reference solutions and recorded wrong
answers) applied to the released student notebook, so the sample never drifts from the
curriculum. A few deliberately broken submissions show that one bad notebook never stops a
cohort.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import nbformat

from qcourse.gradecells import grade_id

_MARKER = re.compile(r"^\s*### (BEGIN|END) SOLUTION\s*$")


@dataclass
class ExerciseKey:
    solution: str
    wrong: list[str]
    diagnoses: list[str | None] = field(default_factory=list)
    points: float = 0


@dataclass
class AnswerKey:
    module_id: str
    exercises: dict[str, ExerciseKey]


def answer_key_from_module(module: Any) -> AnswerKey:
    """The answer key of a curriculum `Module` (its exercises' solutions and wrong answers)."""
    exercises = {}
    for ex in module.exercises:
        wrong = list(getattr(ex, "wrong", []) or [])
        exercises[ex.id] = ExerciseKey(
            solution=ex.solution,
            wrong=[_field(w, "code") for w in wrong],
            diagnoses=[_field(w, "diagnosis") for w in wrong],
            points=getattr(ex, "points", 0),
        )
    return AnswerKey(module_id=module.id, exercises=exercises)


def _field(obj: Any, name: str) -> Any:
    return obj.get(name) if isinstance(obj, dict) else getattr(obj, name, None)


def strip_markers(solution: str) -> str:
    return "\n".join(line for line in solution.splitlines() if not _MARKER.match(line)) + "\n"


@dataclass(frozen=True)
class SampleStudent:
    student_id: str
    first_name: str
    last_name: str
    kind: str  # what the sample shows, in a few words
    late: bool = False


# answers: exercise index, exercise count -> "solution" | "wrong0" | "wrong1" | "starter"
Plan = Callable[[int, int], str]

SAMPLE_STUDENTS: list[tuple[SampleStudent, Plan | str]] = [
    (SampleStudent("ada", "Ada", "Park", "full marks"), lambda i, n: "solution"),
    (
        SampleStudent("ben", "Ben", "Kim", "partial"),
        lambda i, n: "solution" if i < (n + 1) // 2 else "starter",
    ),
    (
        SampleStudent("chloe", "Chloe", "Lee", "partial, one wrong"),
        lambda i, n: "wrong0" if i == 0 else "solution",
    ),
    (SampleStudent("dmitri", "Dmitri", "Choi", "wrong answers"), lambda i, n: "wrong0"),
    (SampleStudent("eun", "Eun-ji", "Jung", "other wrong answers"), lambda i, n: "wrong1"),
    (SampleStudent("farah", "Farah", "Han", "untouched starter"), lambda i, n: "starter"),
    (SampleStudent("gil", "Gil", "Yoon", "full marks, late", late=True), lambda i, n: "solution"),
    (SampleStudent("hana", "Hana", "Kang", "broken: invalid JSON"), "invalid_json"),
    (SampleStudent("ivan", "Ivan", "Lim", "broken: deleted a test cell"), "deleted_cell"),
    (SampleStudent("jun", "Jun", "Seo", "broken: duplicated a test cell"), "duplicated_cell"),
    (SampleStudent("kai", "Kai", "Moon", "broken: endless loop"), "endless_loop"),
    (SampleStudent("lea", "Lea", "Shin", "broken: kills its kernel"), "kernel_exit"),
    (SampleStudent("min", "Min", "Oh", "broken: megabytes of output"), "huge_output"),
    (SampleStudent("noor", "Noor", "Baek", "broken: renamed notebook"), "renamed"),
    (SampleStudent("omar", "Omar", "Ryu", "broken: no notebook"), "missing"),
]


def answered(release_nb: Any, key: AnswerKey, plan: Plan) -> Any:
    """A copy of the released notebook with each solution cell answered as `plan` says."""
    nb = copy.deepcopy(release_nb)
    ids = list(key.exercises)
    for cell in nb.cells:
        gid = grade_id(cell) or ""
        if not gid.startswith("solution_") or gid[9:] not in key.exercises:
            continue
        ex_id = gid[9:]
        ex = key.exercises[ex_id]
        choice = plan(ids.index(ex_id), len(ids))
        if choice == "solution":
            cell.source = strip_markers(ex.solution)
        elif choice.startswith("wrong") and ex.wrong:
            cell.source = ex.wrong[min(int(choice[5:]), len(ex.wrong) - 1)]
    return nb


def _solution_cells(nb: Any) -> list[Any]:
    return [c for c in nb.cells if (grade_id(c) or "").startswith("solution_")]


def _first_test_id(nb: Any) -> str:
    return next(g for c in nb.cells if (g := grade_id(c) or "").startswith("test_"))


def _broken(kind: str, release_nb: Any, key: AnswerKey) -> tuple[str | None, bytes | None]:
    """(notebook file name or None for the expected one, content) of a broken submission."""
    nb = answered(release_nb, key, lambda i, n: "solution")
    text = nbformat.writes(nb)
    if kind == "invalid_json":
        return None, text[: len(text) // 2].encode()
    if kind == "deleted_cell":
        drop = _first_test_id(nb)
        nb.cells = [c for c in nb.cells if grade_id(c) != drop]
    elif kind == "duplicated_cell":
        first_test = next(c for c in nb.cells if (grade_id(c) or "").startswith("test_"))
        position = next(i for i, c in enumerate(nb.cells) if c is first_test)
        pasted = copy.deepcopy(first_test)  # pasted twice, as a notebook UI does it
        pasted["id"] = f"{first_test.get('id', 'cell')}-copy"
        nb.cells.insert(position + 1, pasted)
    elif kind == "endless_loop":
        _solution_cells(nb)[0].source += "\nwhile True:\n    pass\n"
    elif kind == "kernel_exit":
        _solution_cells(nb)[0].source += "\nimport os\nos._exit(1)\n"
    elif kind == "huge_output":
        _solution_cells(nb)[0].source += "\nfor _ in range(40000):\n    print('x' * 100)\n"
    elif kind == "renamed":
        return "my-homework.ipynb", nbformat.writes(nb).encode()
    elif kind == "missing":
        return "", None
    return None, nbformat.writes(nb).encode()


def _timestamp(when: dt.datetime) -> str:
    return when.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S.%f UTC")


def write_cohort(
    release_notebook: Path,
    key: AnswerKey,
    submitted_dir: Path,
    *,
    due: dt.datetime,
    notebook_name: str | None = None,
    students: list[tuple[SampleStudent, Plan | str]] | None = None,
) -> list[SampleStudent]:
    """Write `submitted/<student>/<module>/` for each sample student (nbgrader's layout)."""
    release_nb = nbformat.read(str(release_notebook), as_version=4)
    name = notebook_name or release_notebook.name
    written = []
    for student, plan in students or SAMPLE_STUDENTS:
        folder = Path(submitted_dir) / student.student_id / key.module_id
        folder.mkdir(parents=True, exist_ok=True)
        when = due + dt.timedelta(hours=5) if student.late else due - dt.timedelta(hours=1)
        (folder / "timestamp.txt").write_text(_timestamp(when))
        if callable(plan):
            data = nbformat.writes(answered(release_nb, key, plan)).encode()
            filename = name
        else:
            filename, data = _broken(plan, release_nb, key)
            filename = name if filename is None else filename
        if data is not None and filename:
            (folder / filename).write_bytes(data)
        written.append(student)
    return written
