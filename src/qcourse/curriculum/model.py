"""The curriculum as loaded from its sources: modules, lesson cells, exercises, wrong answers."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from qcourse.errors import UserError
from qcourse.i18n import LANGUAGES as _LANGUAGES
from qcourse.i18n import _

LANGUAGES: tuple[str, ...] = _LANGUAGES  # the one list, in qcourse.i18n

CellKind = Literal["markdown", "code", "exercise"]


@dataclass(frozen=True)
class LessonCell:
    """One cell of `lesson.py`: prose (with its language), shared code, or an exercise placeholder."""

    kind: CellKind
    source: str
    number: int  # 1-based position among the cells of lesson.py
    line: int | None  # line of its `# %%` marker, when known
    lang: str | None = None
    exercise: str | None = None

    @property
    def where(self) -> str:
        at = f", line {self.line}" if self.line else ""
        return f"cell {self.number}{at}"


@dataclass(frozen=True)
class WrongAnswer:
    """A mistake learners really make: `code` replaces the whole solution cell."""

    why: str
    code: str
    diagnosis: str | None = None


@dataclass(frozen=True)
class Exercise:
    """One graded exercise: a solution cell and one autograded test cell worth `points`."""

    id: str
    points: float
    title: dict[str, str]
    task: dict[str, str]
    solution: str
    test: str
    hidden_test: str | None = None
    hints: list[dict[str, str]] = field(default_factory=list)
    wrong: list[WrongAnswer] = field(default_factory=list)
    cfqt: dict[str, str] = field(default_factory=dict)
    global_phase: str | None = None  # "ignore" | "strict"; None: no state or operator compared


@dataclass(frozen=True)
class Module:
    """One module = one folder of `curriculum/` = one nbgrader assignment."""

    id: str
    number: int
    path: Path
    title: dict[str, str]
    objectives: list[dict[str, str]]
    prerequisites: list[str]
    estimated_minutes: int
    exercises: list[Exercise]
    cells: list[LessonCell]
    # translations of the English comments in its code: language -> English text -> translation
    comments: dict[str, dict[str, str]] = field(default_factory=dict)
    # translations of the string literals its figures show (legends, labels): language -> ...
    strings: dict[str, dict[str, str]] = field(default_factory=dict)

    @property
    def total_points(self) -> float:
        return sum(ex.points for ex in self.exercises)

    def exercise(self, exercise_id: str) -> Exercise:
        for ex in self.exercises:
            if ex.id == exercise_id:
                return ex
        known = ", ".join(ex.id for ex in self.exercises) or "none"
        raise UserError(
            _("module {module} has no exercise {exercise!r}; its exercises: {known}").format(
                module=self.id, exercise=exercise_id, known=known
            )
        )


@dataclass(frozen=True)
class Curriculum:
    """All modules (sorted by number) and the CFQT catalogue they cite."""

    root: Path
    modules: list[Module]
    cfqt: dict[str, Any]

    @property
    def ids(self) -> list[str]:
        return [m.id for m in self.modules]

    def module(self, id_or_prefix: str) -> Module:
        """The module named by its id, its number ("01" or "1") or a unique prefix of its id."""
        key = str(id_or_prefix).strip().rstrip("/")
        for m in self.modules:
            if m.id == key:
                return m
        if key.isdigit():
            matches = [m for m in self.modules if m.number == int(key)]
        else:
            matches = [m for m in self.modules if m.id.startswith(key)]
        if len(matches) == 1:
            return matches[0]
        known = ", ".join(self.ids) or "-"
        if len(matches) > 1:
            names = ", ".join(m.id for m in matches)
            raise UserError(
                _("module {module!r} is ambiguous: it matches {names}").format(
                    module=key, names=names
                )
            )
        raise UserError(
            _("unknown module {module!r}; known modules: {known}").format(module=key, known=known)
        )

    def select(self, ids: list[str] | None) -> list[Module]:
        """The modules named by `ids` (all modules when None or empty), without duplicates."""
        if not ids:
            return list(self.modules)
        chosen: list[Module] = []
        for key in ids:
            m = self.module(key)
            if m not in chosen:
                chosen.append(m)
        return chosen
