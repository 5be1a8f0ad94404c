"""What the progress store says, per module and per CFQT competence, joined with the curriculum."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from qcourse.i18n import pick
from qcourse.selfstudy.practice import SectionScore, bank_of, section_scores
from qcourse.selfstudy.store import ExerciseProgress, ProgressStore

if TYPE_CHECKING:
    from qcourse.curriculum import Curriculum

LEVELS = ("A1", "A2", "B1", "B2", "C1", "C2")


@dataclass(frozen=True)
class ModuleRow:
    module: str
    title: str
    attempts: int
    best_score: float
    total_points: float
    first_passed_at: float | None
    hints_used: int
    sealed: bool = False  # the best score came from a sealed check (evidence, not self-reported)


@dataclass(frozen=True)
class Evidence:
    """One exercise passed: what the learner has shown."""

    module: str
    module_title: str
    exercise: str
    title: str
    level: str
    first_passed_at: float
    attempts: int
    hints_used: int


@dataclass
class CompetenceRow:
    subdomain: str
    label: str
    domain: str  # the CFQT domain's official (English) name
    area: str
    area_label: str = ""  # the CFQT proficiency area, in the view's language
    exercises: int = 0
    passed: int = 0
    levels_offered: set[str] = field(default_factory=set)
    evidence: list[Evidence] = field(default_factory=list)

    @property
    def level_shown(self) -> str | None:
        """The highest CFQT level among the exercises passed, if any."""
        shown = [e.level for e in self.evidence if e.level in LEVELS]
        return max(shown, key=LEVELS.index) if shown else None


@dataclass
class ProgressView:
    modules: list[ModuleRow]
    competences: list[CompetenceRow]
    cfqt_version: str = ""
    exam: str = ""  # the certification the practice bank prepares for, in the view's language
    exam_sections: list[SectionScore] = field(default_factory=list)  # empty without a bank


def _best_was_sealed(store: ProgressStore, module: str, best: float) -> bool:
    return any(c.sealed and c.score >= best - 1e-9 for c in store.checks(module))


def build_view(curriculum: Curriculum, store: ProgressStore, lang: str) -> ProgressView:
    best = {m.module: m for m in store.module_progress()}
    exercises: dict[tuple[str, str], ExerciseProgress] = {
        (e.module, e.exercise): e for e in store.exercise_progress()
    }
    modules = []
    for module in curriculum.modules:
        m = best.get(module.id)
        hints = sum(
            exercises[(module.id, ex.id)].hints_used
            for ex in module.exercises
            if (module.id, ex.id) in exercises
        )
        modules.append(
            ModuleRow(
                module=module.id,
                title=pick(module.title, lang),
                attempts=m.attempts if m else 0,
                best_score=m.best_score if m else 0.0,
                total_points=module.total_points,
                first_passed_at=m.first_passed_at if m else None,
                hints_used=hints,
                sealed=bool(m) and _best_was_sealed(store, module.id, m.best_score),
            )
        )
    bank = bank_of(curriculum.root, strict=False)
    return ProgressView(
        modules,
        _competences(curriculum, exercises, lang),
        str(curriculum.cfqt.get("version", "")),
        exam=pick(bank.title, lang) if bank else "",
        exam_sections=(
            section_scores(
                bank,
                store.practice_answers(),
                lang,
                passed={f"{m}/{e}" for (m, e), p in exercises.items() if p.passed},
            )
            if bank
            else []
        ),
    )


def _competences(
    curriculum: Curriculum, exercises: dict[tuple[str, str], ExerciseProgress], lang: str
) -> list[CompetenceRow]:
    catalogue = curriculum.cfqt.get("subdomains", {})
    rows: dict[str, CompetenceRow] = {}
    for module in curriculum.modules:
        for ex in module.exercises:
            key = ex.cfqt.get("subdomain", "")
            if not key:
                continue
            info = catalogue.get(key, {})
            row = rows.setdefault(
                key,
                CompetenceRow(
                    subdomain=key,
                    label=pick({k: v for k, v in info.items() if k in ("en", "ko")}, lang) or key,
                    domain=str(info.get("domain", "")),
                    area=ex.cfqt.get("area", ""),
                    area_label=pick(
                        curriculum.cfqt.get("areas", {}).get(ex.cfqt.get("area", ""), {}), lang
                    ),
                ),
            )
            row.exercises += 1
            level = ex.cfqt.get("level", "")
            row.levels_offered.add(level)
            progress = exercises.get((module.id, ex.id))
            if progress and progress.first_passed_at is not None:
                row.passed += 1
                row.evidence.append(
                    Evidence(
                        module=module.id,
                        module_title=pick(module.title, lang),
                        exercise=ex.id,
                        title=pick(ex.title, lang),
                        level=level,
                        first_passed_at=progress.first_passed_at,
                        attempts=progress.attempts,
                        hints_used=progress.hints_used,
                    )
                )
    order = list(catalogue)
    return sorted(
        rows.values(), key=lambda r: order.index(r.subdomain) if r.subdomain in order else 99
    )
