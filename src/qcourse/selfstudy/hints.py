"""Progressive hints: each request reveals one more hint of an exercise, and remembers it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from qcourse.cli import UserError
from qcourse.selfstudy.store import ProgressStore
from qcourse.selfstudy.words import pick

if TYPE_CHECKING:
    from qcourse.curriculum import Module


@dataclass(frozen=True)
class HintReveal:
    module: str
    exercise: str
    revealed: list[str]  # every hint revealed so far, in order, in the asked language
    total: int

    @property
    def level(self) -> int:
        return len(self.revealed)

    @property
    def last(self) -> bool:
        return self.level >= self.total


def reveal_next_hint(
    module: Module, exercise_id: str, lang: str, store_path: Path | None = None
) -> HintReveal:
    """Reveal the next hint of `exercise_id` (or show them all again once all are out)."""
    exercise = module.exercise(exercise_id)
    hints = [pick(h, lang) for h in exercise.hints]
    if not hints:
        raise UserError(f"exercise {exercise.id} of module {module.id} has no hints")
    with ProgressStore.open(store_path) as store:
        shown = store.hints_revealed(module.id, exercise.id)
        level = min(shown + 1, len(hints))
        if level > shown:
            store.reveal_hint(module.id, exercise.id, level)
    return HintReveal(module.id, exercise.id, hints[:level], len(hints))
