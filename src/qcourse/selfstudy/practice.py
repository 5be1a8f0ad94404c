"""Certification practice: pick questions from the bank, grade replies, score each exam section.

The bank lives in the curriculum (`practice/`, see `qcourse.curriculum.practice`); answers are
kept in the progress store, one row per answer. A question counts as answered once answered,
and as right when its latest answer was right.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

from qcourse.curriculum.practice import (
    PracticeBank,
    Question,
    has_bank,
    is_right,
    load_practice,
    read_practice,
)
from qcourse.errors import UserError
from qcourse.i18n import _, pick
from qcourse.selfstudy.records import PracticeAnswer


def bank_of(
    curriculum_root: Path, strict: bool = True, lang: str | None = None
) -> PracticeBank | None:
    """The practice bank of a curriculum; None when it has none. `strict` raises for a broken
    bank (the practice command); otherwise what could be read is used (the progress table)."""
    if not has_bank(curriculum_root):
        if strict:
            raise UserError(
                _("the curriculum in {path} has no practice bank (expected {file})", lang).format(
                    path=curriculum_root, file=Path(curriculum_root) / "practice" / "sections.toml"
                )
            )
        return None
    return load_practice(curriculum_root) if strict else read_practice(curriculum_root)[0]


def latest_answers(answers: list[PracticeAnswer]) -> dict[str, PracticeAnswer]:
    """The latest answer per question."""
    latest: dict[str, PracticeAnswer] = {}
    for a in sorted(answers, key=lambda a: a.answered_at):
        latest[a.question] = a
    return latest


def choose_questions(
    bank: PracticeBank,
    answers: list[PracticeAnswer],
    sections: list[str] | None = None,
    count: int | None = None,
    retry_wrong: bool = False,
    seed: int | None = None,
) -> list[Question]:
    """Questions for a round: unanswered first, then those last answered wrong, then the rest,
    shuffled within each group. `retry_wrong` keeps only those last answered wrong."""
    pool = [q for q in bank.questions if not sections or q.section in sections]
    latest = latest_answers(answers)
    rng = random.Random(seed)
    fresh = [q for q in pool if q.id not in latest]
    wrong = [q for q in pool if q.id in latest and not latest[q.id].correct]
    right = [q for q in pool if q.id in latest and latest[q.id].correct]
    for group in (fresh, wrong, right):
        rng.shuffle(group)
    chosen = wrong if retry_wrong else fresh + wrong + right
    return chosen[:count] if count else chosen


def grade(question: Question, reply: str, lang: str) -> PracticeAnswer:
    return PracticeAnswer(
        question=question.id,
        section=question.section,
        lang=lang,
        reply=reply.strip(),
        correct=is_right(question, reply),
    )


@dataclass(frozen=True)
class SectionScore:
    number: int
    section: str
    title: str
    weight: float
    questions: int
    answered: int  # distinct questions answered at least once
    right: int  # distinct questions whose latest answer is right
    exercises: int = 0  # course exercises mapped to the section (sections.toml)
    exercises_passed: int = 0

    @property
    def score(self) -> float | None:
        """Percent of the answered questions whose latest answer is right."""
        return 100.0 * self.right / self.answered if self.answered else None


def section_scores(
    bank: PracticeBank,
    answers: list[PracticeAnswer],
    lang: str,
    passed: set[str] | None = None,
) -> list[SectionScore]:
    """Per exam section: questions, answered, right; with `passed` ("module/exercise" ids of
    the course exercises passed), also the mapped course exercises passed."""
    latest = latest_answers(answers)
    passed = passed or set()
    rows = []
    for s in bank.sections:
        ids = [q.id for q in bank.in_section(s.id)]
        answered = [latest[i] for i in ids if i in latest]
        rows.append(
            SectionScore(
                number=s.number,
                section=s.id,
                title=pick(s.title, lang),
                weight=s.weight,
                questions=len(ids),
                answered=len(answered),
                right=sum(a.correct for a in answered),
                exercises=len(s.exercises),
                exercises_passed=sum(name in passed for name in s.exercises),
            )
        )
    return rows


def weighted_readiness(rows: list[SectionScore]) -> float:
    """The exam-weighted share of questions whose latest answer is right, in percent (every
    question of a section counts, answered or not)."""
    total = sum(r.weight for r in rows if r.questions)
    if not total:
        return 0.0
    return sum(r.weight * r.right / r.questions for r in rows if r.questions) * 100.0 / total


def parse_answer_option(text: str, lang: str | None = None) -> tuple[str, str]:
    """ "QID=REPLY" -> (QID, REPLY)."""
    qid, sep, reply = text.partition("=")
    if not sep or not qid.strip():
        raise UserError(
            _(
                "--answer takes QUESTION=REPLY, e.g. --answer samp-bell-keys=b; got {text!r}", lang
            ).format(text=text)
        )
    return qid.strip(), reply.strip()


PRACTICE_PAGE = "practice.ipynb"


def write_practice_page(root: Path, lang: str, curriculum_root: Path) -> Path | None:
    """`practice.ipynb` in the lab workspace: certification practice in a notebook, in the
    workspace's language. Written when missing or in another language; otherwise left alone,
    with its outputs (the answers themselves are in the progress store)."""
    import json
    import os

    import nbformat

    from qcourse.curriculum.render import KERNELSPEC

    bank = bank_of(curriculum_root, strict=False)
    target = Path(root) / PRACTICE_PAGE
    if bank is None:
        return None
    if target.is_file():
        try:
            meta = json.loads(target.read_text(encoding="utf-8")).get("metadata", {})
            if meta.get("qcourse", {}).get("lang") == lang:
                return target
        except (OSError, ValueError):
            pass  # unreadable: write it again
    md, code = nbformat.v4.new_markdown_cell, nbformat.v4.new_code_cell
    rows = "\n".join(
        f"| {s.number} | {pick(s.title, lang)} | `{s.id}` | {s.weight:g}% | {len(bank.in_section(s.id))} |"
        for s in bank.sections
    )
    header = "| | {section} | id | {weight} | {questions} |\n|---|---|---|---|---|".format(
        section=_("Exam section", lang), weight=_("Weight", lang), questions=_("Questions", lang)
    )
    intro = _(
        "Original questions keyed to the sections of the exam below. Run a cell, type your "
        "answer in the box that opens (a letter, several letters such as a,c, or a number) and "
        "read the explanation; s skips a question, q stops. Your answers are kept in your "
        "progress: `qcourse progress` shows your score per exam section.",
        lang,
    )
    cells = [
        md(
            f"# {_('Certification practice', lang)}: {pick(bank.title, lang)}\n\n{intro}\n\n"
            f"{header}\n{rows}"
        ),  # fmt: skip
        code("from qcourse.selfstudy import practice"),
        md("## " + _("A round over every section", lang)),
        code("practice(count=5)"),
        md("## " + _("One section, by its number or id", lang)),
        code("practice(section=5, count=5)"),
        md("## " + _("Your mistakes again", lang)),
        code("practice(retry_wrong=True)"),
    ]
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata["kernelspec"] = dict(KERNELSPEC)
    nb.metadata["qcourse"] = {"lang": lang, "page": "practice"}
    tmp = target.with_name(f".{target.name}.tmp")
    nbformat.write(nb, tmp)
    os.replace(tmp, target)
    return target
