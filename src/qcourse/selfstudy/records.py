"""The facts the progress store keeps: one check of a notebook and its per-exercise outcomes,
and the answers to the certification practice bank."""

from __future__ import annotations

import time
import uuid
from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class ExerciseOutcome:
    """How one exercise (one autograded test cell) did in one check."""

    exercise: str
    points: float
    max_points: float
    diagnosis: str | None = None  # qgrade diagnosis code of a failing test, if it named one
    message: str = ""

    @property
    def passed(self) -> bool:
        return self.max_points > 0 and self.points >= self.max_points - 1e-9


@dataclass(frozen=True)
class CheckRecord:
    """One `qcourse check` of one module's notebook."""

    module: str
    lang: str
    outcomes: tuple[ExerciseOutcome, ...]
    curriculum: str = ""  # fingerprint of the curriculum build the tests came from
    duration_s: float = 0.0
    checked_at: float = field(default_factory=time.time)
    sealed: bool = False  # graded in the sandbox: evidence; else self-reported
    uid: str = field(default_factory=lambda: uuid.uuid4().hex)

    @property
    def score(self) -> float:
        return sum(o.points for o in self.outcomes)

    @property
    def max_score(self) -> float:
        return sum(o.max_points for o in self.outcomes)

    def to_json(self) -> dict:
        data = asdict(self)
        data["outcomes"] = [asdict(o) for o in self.outcomes]
        return data

    @classmethod
    def from_json(cls, data: dict) -> CheckRecord:
        outcomes = tuple(ExerciseOutcome(**o) for o in data.get("outcomes", ()))
        return cls(**{**data, "outcomes": outcomes})


@dataclass(frozen=True)
class PracticeAnswer:
    """One answer to one question of the certification practice bank."""

    question: str
    section: str
    lang: str
    reply: str
    correct: bool
    answered_at: float = field(default_factory=time.time)
    uid: str = field(default_factory=lambda: uuid.uuid4().hex)
