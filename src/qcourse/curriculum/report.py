"""The structured result of `validate`: per module and language, per exercise, per check."""

from __future__ import annotations

from dataclasses import dataclass, field

from qcourse.curriculum.errors import Problem


@dataclass
class Check:
    """One proof obligation (solution, starter or one wrong answer) and why it failed."""

    ok: bool
    detail: str = ""


@dataclass
class ExerciseReport:
    module: str
    lang: str
    exercise: str
    points: float
    solution: Check | None = None
    starter: Check | None = None
    wrong: list[Check | None] = field(default_factory=list)  # one per wrong answer, in order

    @property
    def checks(self) -> list[tuple[str, Check | None]]:
        named = [("solution", self.solution), ("starter", self.starter)]
        return named + [(f"wrong answer {k}", c) for k, c in enumerate(self.wrong, 1)]

    @property
    def ok(self) -> bool:
        return all(c is not None and c.ok for _, c in self.checks)

    def reasons(self) -> list[str]:
        out = []
        for name, check in self.checks:
            if check is None:
                out.append(f"{name}: not checked")
            elif not check.ok:
                out.append(f"{name}: {check.detail}")
        return out


@dataclass
class ModuleReport:
    module: str
    lang: str
    seconds: float = 0.0
    exercises: list[ExerciseReport] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # notebook-level: nbgrader, crashes

    @property
    def ok(self) -> bool:
        return not self.problems and all(ex.ok for ex in self.exercises)


@dataclass
class ValidationReport:
    static_problems: list[Problem] = field(default_factory=list)
    modules: list[ModuleReport] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.static_problems and all(m.ok for m in self.modules)

    def failures(self) -> list[str]:
        """One line per failure, naming module, language and exercise."""
        lines = [str(p) for p in self.static_problems]
        for m in self.modules:
            lines += [f"{m.module} [{m.lang}]: {p}" for p in m.problems]
            for ex in m.exercises:
                lines += [f"{m.module} [{m.lang}] {ex.exercise}: {r}" for r in ex.reasons()]
        return lines
