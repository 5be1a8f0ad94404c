"""Progressive hints: each request reveals one more hint of an exercise, and remembers it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from qcourse.errors import UserError
from qcourse.i18n import _, pick
from qcourse.selfstudy.store import ProgressStore

if TYPE_CHECKING:
    from qcourse.curriculum import Exercise, Module

PLACEHOLDER = "EXERCISE_ID"  # what the check cell's text suggests typing


class UnknownExercise(UserError):
    """`hint("...")` named no exercise of the module: the message lists the right ids."""

    def __init__(self, message: str, choices: list[tuple[str, str]]):
        super().__init__(message)
        self.choices = choices  # (exercise id, title in the learner's language)


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


def find_exercise(module: Module, exercise_id: str, lang: str) -> Exercise:
    """The exercise `exercise_id` of `module`, or an UnknownExercise listing the module's ids."""
    wanted = str(exercise_id).strip()
    for ex in module.exercises:
        if ex.id == wanted:
            return ex
    choices = [(ex.id, pick(ex.title, lang)) for ex in module.exercises if ex.hints]
    listed = ", ".join(ex_id for ex_id, _title in choices) or "-"
    if wanted == PLACEHOLDER:
        text = _(
            "replace EXERCISE_ID by the id of an exercise of module {module}: {ids}", lang
        ).format(module=module.id, ids=listed)
    else:
        text = _(
            "module {module} has no exercise {exercise!r}; exercises with hints: {ids}", lang
        ).format(module=module.id, exercise=wanted, ids=listed)
    raise UnknownExercise(text, choices)


def reveal_next_hint(
    module: Module, exercise_id: str, lang: str, store_path: Path | None = None
) -> HintReveal:
    """Reveal the next hint of `exercise_id` (or show them all again once all are out)."""
    exercise = find_exercise(module, exercise_id, lang)
    hints = [pick(h, lang) for h in exercise.hints]
    if not hints:
        raise UserError(
            _("exercise {exercise} of module {module} has no hints", lang).format(
                exercise=exercise.id, module=module.id
            )
        )
    with ProgressStore.open(store_path) as store:
        shown = store.hints_revealed(module.id, exercise.id)
        level = min(shown + 1, len(hints))
        if level > shown:
            store.reveal_hint(module.id, exercise.id, level)
    return HintReveal(module.id, exercise.id, hints[:level], len(hints))


def hints_markdown(reveal: HintReveal, lang: str) -> str:
    """The revealed hints as one Markdown text (maths in `$...$` stays for the renderer)."""
    word = _("Hint", lang)
    parts = [
        f"**{word} {n}/{reveal.total}**\n\n{text.strip()}"
        for n, text in enumerate(reveal.revealed, 1)
    ]
    if reveal.last:
        last = _("That was the last hint for this exercise.", lang)
        parts.append(f"*{last}*")
    return "\n\n---\n\n".join(parts)
