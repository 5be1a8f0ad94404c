"""`Verdict`: the value every check returns."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from qgrade.diagnoses import DIAGNOSES


@dataclass(frozen=True)
class Verdict:
    """The outcome of one check.

    passed: whether the submission is accepted.
    score: in [0, 1]; 1.0 when passed, partial credit otherwise (usually 0.0).
    diagnosis: one code of `qgrade.diagnoses.DIAGNOSES`.
    message: a sentence in the active language that a beginner can act on.
    details: read-only extra facts (fidelity, expected/actual amplitudes, failing input, ...).
    """

    passed: bool
    score: float
    diagnosis: str
    message: str
    details: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.diagnosis not in DIAGNOSES:
            raise ValueError(
                f"unknown diagnosis {self.diagnosis!r}; expected one of {sorted(DIAGNOSES)}"
            )
        score = float(self.score)
        if not 0.0 <= score <= 1.0:
            raise ValueError(f"score must be in [0, 1], got {score}")
        object.__setattr__(self, "score", score)
        object.__setattr__(self, "passed", bool(self.passed))
        object.__setattr__(self, "details", MappingProxyType(dict(self.details)))

    def __bool__(self) -> bool:
        return self.passed

    # display: plain text for print()/terminals, HTML in Jupyter (see qgrade.render)
    def __str__(self) -> str:
        from qgrade.render import render_text

        return render_text(self)

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        printer.text(str(self))

    def _repr_html_(self) -> str:
        from qgrade.render import render_html

        return render_html(self)
