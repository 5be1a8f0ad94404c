"""Problems found in curriculum sources, collected and reported together."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from qcourse.errors import UserError


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a source file: which file, where in it, and what was expected."""

    file: Path
    where: str
    message: str

    def __str__(self) -> str:
        where = f" {self.where}:" if self.where else ""
        return f"{_display(self.file)}:{where} {self.message}"


def _display(path: Path) -> str:
    """A path relative to the working directory when it is below it (shorter messages)."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


class CurriculumError(UserError):
    """The curriculum sources are broken; `problems` lists every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        count = len(self.problems)
        lines = "\n".join(f"  - {p}" for p in self.problems)
        super().__init__(f"{count} problem{'s' if count != 1 else ''} in the curriculum:\n{lines}")
