"""The certification practice bank: `curriculum/practice/`, questions keyed to exam sections.

`sections.toml` names the exam and its sections (id, weight in percent, en/ko title); every
other `*.toml` in the folder holds `[[question]]` tables. A question is one of four kinds:

- `single`: options a, b, c...; `answer = "b"`
- `multiple`: options; `answer = ["a", "c"]` (all of them and nothing else)
- `numeric`: `answer = 4` (optionally `tolerance = 0.01`)
- `text`: `answer = ["cx", "cnot"]`, accepted spellings (case and spaces do not count)

Stem, options and explanation are `{ en = "...", ko = "..." }`. `code` is Python the learner
reads. A question whose answer can be computed carries the computation that proves its key:
`verify`, an expression evaluated after running `setup` (hidden) and `code` (with `printed`,
what the code printed), or, per option, `holds`, an expression true exactly for the keyed
options. `tests/curriculum/test_practice_bank.py` executes them all with qiskit; the static
rules here (`check_practice`) make sure every question with code has one.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from qcourse.curriculum.errors import CurriculumError, Problem
from qcourse.curriculum.fields import MISSING, FieldReader, read_toml, trim_code

PRACTICE_DIR = "practice"
SECTIONS_FILE = "sections.toml"
KINDS = ("single", "multiple", "numeric", "text")
QUESTION_ID = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)+$")
SECTION_ID = re.compile(r"^[a-z][a-z0-9_]*$")
OPTION_KEYS = "abcdefgh"
MIN_PER_SECTION = 4

_QUESTION_KEYS = {
    "id", "section", "kind", "stem", "code", "setup", "options", "answer", "tolerance",
    "explanation", "verify",
}  # fmt: skip
_OPTION_KEYS = {"en", "ko", "value", "holds"}
_SECTION_KEYS = {"id", "weight", "title", "exercises"}


@dataclass(frozen=True)
class Section:
    id: str
    number: int  # 1-based, in the order of sections.toml
    weight: float  # percent of the exam
    title: dict[str, str]
    exercises: tuple[str, ...] = ()  # course exercises that practise it, "module-id/exercise-id"


@dataclass(frozen=True)
class Option:
    key: str  # a, b, c, ...
    text: dict[str, str]
    value: Any = None  # what `verify` must give when this option is the key (single choice)
    holds: str | None = None  # an expression true exactly when this option is keyed


@dataclass(frozen=True)
class Question:
    id: str
    section: str
    kind: str
    stem: dict[str, str]
    explanation: dict[str, str]
    answer: Any  # "b" | ["a", "c"] | 4.0 | ["cx", "cnot"]
    options: tuple[Option, ...] = ()
    code: str = ""
    setup: str = ""
    verify: str | None = None
    tolerance: float = 1e-6
    file: Path | None = None

    @property
    def verified(self) -> bool:
        """Whether the bank carries the computation that proves the key."""
        return self.verify is not None or any(o.holds for o in self.options)

    def keyed(self) -> set[str]:
        """The keys of the right options (choice questions)."""
        if self.kind == "single":
            return {self.answer}
        if self.kind == "multiple":
            return set(self.answer)
        return set()

    def answer_text(self, lang: str) -> str:
        """The right answer as a learner reads it."""
        from qcourse.i18n import pick

        if self.kind in ("single", "multiple"):
            return "; ".join(
                f"{o.key}) {pick(o.text, lang)}" for o in self.options if o.key in self.keyed()
            )
        if self.kind == "numeric":
            return f"{self.answer:g}"
        return str(self.answer[0])


@dataclass
class PracticeBank:
    root: Path
    title: dict[str, str]
    sections: list[Section]
    questions: list[Question] = field(default_factory=list)

    def section(self, key: str, lang: str | None = None) -> Section:
        """A section by id or number ("sampler", "5")."""
        from qcourse.errors import UserError
        from qcourse.i18n import _

        for s in self.sections:
            if key in (s.id, str(s.number)):
                return s
        known = ", ".join(f"{s.number} {s.id}" for s in self.sections)
        raise UserError(
            _("no exam section {name!r}; the sections are: {known}", lang).format(
                name=key, known=known
            )
        )

    def question(self, qid: str, lang: str | None = None) -> Question:
        from qcourse.errors import UserError
        from qcourse.i18n import _

        for q in self.questions:
            if q.id == qid:
                return q
        raise UserError(_("the practice bank has no question {id!r}", lang).format(id=qid))

    def in_section(self, section: str) -> list[Question]:
        return [q for q in self.questions if q.section == section]


# ---------------------------------------------------------------------- answers


def normalize_text(text: str) -> str:
    """A short text answer as compared: no case, no surrounding quotes or backticks, one space."""
    return " ".join(str(text).strip().strip("`'\"").lower().split())


def parse_choices(reply: str) -> list[str]:
    """ "a, c" / "ac" / "A C" -> ["a", "c"]."""
    return sorted({c for c in reply.lower() if c.isalpha()})


def parse_number(reply: str) -> float | None:
    """ "0.25", "0,25" (a decimal comma), "1/4", "1e-3" -> a float; None for anything else."""
    text = str(reply).strip().replace(" ", "")
    if text.count(",") == 1 and "." not in text:
        text = text.replace(",", ".")
    try:
        if text.count("/") == 1:
            num, den = text.split("/")
            return float(num) / float(den)
        value = float(text)
    except (ValueError, ZeroDivisionError):
        return None
    return value if math.isfinite(value) else None


def is_right(question: Question, reply: str) -> bool:
    """Whether a learner's reply (as typed) answers `question`."""
    reply = str(reply).strip()
    if question.kind == "single":
        return parse_choices(reply) == [question.answer]
    if question.kind == "multiple":
        return parse_choices(reply) == sorted(question.answer)
    if question.kind == "numeric":
        value = parse_number(reply)
        if value is None:
            return False
        return math.isclose(value, question.answer, rel_tol=0.0, abs_tol=question.tolerance)
    return normalize_text(reply) in {normalize_text(a) for a in question.answer}


_CHOICE_REPLY = re.compile(r"^[a-h](?:[\s,;]*[a-h])*\)?$")


def valid_reply(question: Question, reply: str) -> bool:
    """Whether a reply has the shape the question asks for: known option letters (one for a
    single choice), a number, some text."""
    reply = str(reply).strip().lower()
    if question.kind in ("single", "multiple"):
        if not _CHOICE_REPLY.match(reply):
            return False
        picked = parse_choices(reply)
        if not set(picked) <= {o.key for o in question.options}:
            return False
        return question.kind == "multiple" or len(picked) == 1
    if question.kind == "numeric":
        return parse_number(reply) is not None
    return bool(reply)


# ---------------------------------------------------------------------- loading


def bank_folder(curriculum_root: Path) -> Path:
    return Path(curriculum_root) / PRACTICE_DIR


def has_bank(curriculum_root: Path) -> bool:
    return (bank_folder(curriculum_root) / SECTIONS_FILE).is_file()


def load_practice(curriculum_root: Path) -> PracticeBank:
    """The bank of the curriculum at `curriculum_root`; CurriculumError lists every problem."""
    bank, problems = read_practice(curriculum_root)
    problems += check_bank(bank)
    if problems:
        raise CurriculumError(problems)
    return bank


def read_practice(curriculum_root: Path) -> tuple[PracticeBank, list[Problem]]:
    """What could be read of the bank, and the problems of reading it."""
    folder = bank_folder(curriculum_root)
    problems: list[Problem] = []
    sections_file = folder / SECTIONS_FILE
    doc = read_toml(sections_file, problems, "missing; the practice bank starts with it") or {}
    r = FieldReader(sections_file, problems)
    r.unknown_keys(doc, {"title", "section"}, "")
    title = r.bilingual(doc.get("title", MISSING), "", "title") if doc else {}
    bank = PracticeBank(folder, title, _read_sections(r, doc.get("section", [])))
    for file in sorted(folder.glob("*.toml")):
        if file.name == SECTIONS_FILE:
            continue
        questions = read_toml(file, problems)
        if questions is not None:
            bank.questions += _read_questions(file, questions, problems)
    return bank, problems


def _read_sections(r: FieldReader, tables: Any) -> list[Section]:
    if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
        r.problem("", "expected [[section]] tables with id, weight and title")
        return []
    sections: list[Section] = []
    for n, t in enumerate(tables, 1):
        where = f"section {t.get('id', n)!r}"
        r.unknown_keys(t, _SECTION_KEYS, where)
        sid = r.text(t, "id", where)
        if sid is not None and not SECTION_ID.match(sid):
            r.problem(where, "`id` must be lowercase letters, digits and _")
        weight = r.number(t, "weight", where)
        title = r.bilingual(t.get("title", MISSING), where, "title")
        exercises = t.get("exercises", [])
        if not isinstance(exercises, list) or not all(
            isinstance(e, str) and e.count("/") == 1 for e in exercises
        ):
            r.problem(
                where,
                '`exercises` must be a list of "module-id/exercise-id", '
                'e.g. ["13-qiskit-patterns/sweep_pub"]',
            )
            exercises = []
        if sid is not None and weight is not None:
            sections.append(Section(sid, n, float(weight), title, tuple(exercises)))
    return sections


def _read_questions(file: Path, doc: dict[str, Any], problems: list[Problem]) -> list[Question]:
    r = FieldReader(file, problems)
    questions = []
    for where, t in r.array_of_tables(doc, "question"):
        question = _read_question(r, t, where)
        if question is not None:
            questions.append(question)
    return questions


def _read_question(r: FieldReader, t: dict[str, Any], where: str) -> Question | None:
    before = len(r.problems)
    r.unknown_keys(t, _QUESTION_KEYS, where)
    qid = r.text(t, "id", where)
    if qid is not None and not QUESTION_ID.match(qid):
        r.problem(where, "`id` must be lowercase words joined by -, e.g. sampler-bell-counts")
    section = r.text(t, "section", where)
    kind = r.text(t, "kind", where)
    if kind is not None and kind not in KINDS:
        r.problem(where, f"`kind` = {kind!r}; expected one of: {', '.join(KINDS)}")
        kind = None
    stem = r.bilingual(t.get("stem", MISSING), where, "stem")
    explanation = r.bilingual(t.get("explanation", MISSING), where, "explanation")
    code = _code(r, t, "code", where)
    setup = _code(r, t, "setup", where)
    verify = r.text(t, "verify", where, required=False)
    options = _read_options(r, t.get("options", MISSING), kind, where)
    tolerance = t.get("tolerance", 1e-6)
    if isinstance(tolerance, bool) or not isinstance(tolerance, int | float) or tolerance < 0:
        r.problem(where, f"`tolerance` must be a number >= 0, got {tolerance!r}")
        tolerance = 1e-6
    answer = _read_answer(r, t.get("answer", MISSING), kind, options, where)
    if len(r.problems) > before or qid is None or section is None or kind is None:
        return None
    return Question(
        id=qid,
        section=section,
        kind=kind,
        stem=stem,
        explanation=explanation,
        answer=answer,
        options=options,
        code=code,
        setup=setup,
        verify=verify.strip() if verify else None,
        tolerance=float(tolerance),
        file=r.file,
    )


def _code(r: FieldReader, t: dict[str, Any], key: str, where: str) -> str:
    value = t.get(key, "")
    if not isinstance(value, str):
        r.problem(where, f"`{key}` must be a string of Python, got {value!r}")
        return ""
    code = trim_code(value)
    if code:
        try:
            compile(code, f"<{key}>", "exec")
        except SyntaxError as exc:
            r.problem(where, f"`{key}` is not valid Python: {exc.msg} (line {exc.lineno})")
    return code


def _read_options(r: FieldReader, value: Any, kind: str | None, where: str) -> tuple[Option, ...]:
    choice = kind in ("single", "multiple")
    if value is MISSING:
        if choice:
            r.problem(where, f"a {kind} choice question needs `options`, a list of 2 to 8 tables")
        return ()
    if not choice:
        r.problem(where, f"a {kind} question has no `options`")
        return ()
    if not isinstance(value, list) or not 2 <= len(value) <= len(OPTION_KEYS):
        r.problem(where, "`options` must be a list of 2 to 8 { en, ko } tables")
        return ()
    options = []
    for key, table in zip(OPTION_KEYS, value, strict=False):
        at = f"{where} option {key}"
        if not isinstance(table, dict):
            r.problem(at, 'an option is a table { en = "...", ko = "..." }')
            continue
        r.unknown_keys(table, _OPTION_KEYS, at)
        text = r.bilingual({k: v for k, v in table.items() if k in ("en", "ko")}, at, "option")
        holds = table.get("holds")
        if holds is not None and (not isinstance(holds, str) or not holds.strip()):
            r.problem(at, f"`holds` must be a Python expression, got {holds!r}")
            holds = None
        options.append(Option(key, text, table.get("value"), holds))
    seen: dict[str, str] = {}
    for o in options:
        en = o.text.get("en", "")
        if en in seen:
            r.problem(where, f"options {seen[en]} and {o.key} say the same: {en!r}")
        seen.setdefault(en, o.key)
    return tuple(options)


def _read_answer(
    r: FieldReader, value: Any, kind: str | None, options: tuple[Option, ...], where: str
) -> Any:
    if value is MISSING:
        r.problem(where, "missing `answer`")
        return None
    keys = [o.key for o in options]
    if kind == "single":
        if not isinstance(value, str) or value not in keys:
            r.problem(where, f"`answer` = {value!r} is not among the options {', '.join(keys)}")
        return value
    if kind == "multiple":
        if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
            r.problem(where, '`answer` of a multiple choice question is a list, e.g. ["a", "c"]')
            return value
        for v in value:
            if v not in keys:
                r.problem(where, f"`answer` names {v!r}, which is not among the options")
        if len(set(value)) != len(value):
            r.problem(where, "`answer` names an option twice")
        return sorted(value)
    if kind == "numeric":
        if isinstance(value, bool) or not isinstance(value, int | float):
            r.problem(where, f"`answer` of a numeric question is a number, got {value!r}")
            return value
        return float(value)
    if kind == "text":
        accepted = [value] if isinstance(value, str) else value
        if (
            not isinstance(accepted, list)
            or not accepted
            or not all(isinstance(a, str) and a.strip() for a in accepted)
        ):
            r.problem(where, "`answer` of a text question is a string or a list of strings")
        return accepted
    return value


# ---------------------------------------------------------------------- rules


def check_bank(bank: PracticeBank) -> list[Problem]:
    """The rules a readable bank must follow, beyond the shape of each field."""
    problems: list[Problem] = []
    sections_file = bank.root / SECTIONS_FILE
    ids = [s.id for s in bank.sections]
    if not bank.sections:
        problems.append(Problem(sections_file, "", "no [[section]]: the exam has sections"))
    for sid in {s for s in ids if ids.count(s) > 1}:
        problems.append(Problem(sections_file, f"section {sid!r}", "duplicate section id"))
    total = sum(s.weight for s in bank.sections)
    if bank.sections and abs(total - 100) > 0.5:
        problems.append(Problem(sections_file, "", f"the weights add up to {total:g}, not 100"))
    seen: dict[str, Path | None] = {}
    for q in bank.questions:
        where = f"question {q.id!r}"
        file = q.file or bank.root
        if q.id in seen:
            problems.append(Problem(file, where, f"duplicate question id (also in {seen[q.id]})"))
        seen.setdefault(q.id, q.file)
        if q.section not in ids:
            problems.append(
                Problem(
                    file,
                    where,
                    f"unknown section {q.section!r}; expected one of: {', '.join(ids)}",
                )
            )
        problems += [Problem(file, where, m) for m in check_question(q)]
    for s in bank.sections:
        n = len(bank.in_section(s.id))
        if n < MIN_PER_SECTION:
            problems.append(
                Problem(
                    sections_file,
                    f"section {s.id!r}",
                    f"has {n} question(s); each section needs at least {MIN_PER_SECTION}",
                )
            )
    return problems


def check_question(q: Question) -> list[str]:
    problems = []
    if q.code and not q.verified:
        problems.append(
            "shows `code` but nothing proves its key: add `verify` (an expression the test "
            "evaluates after running the code) or `holds` on the options"
        )
    holds = [o for o in q.options if o.holds]
    if holds and len(holds) != len(q.options):
        problems.append("`holds` is on some options only; put it on every option or on none")
    if q.verify is not None:
        try:
            compile(q.verify, "<verify>", "eval")
        except SyntaxError as exc:
            problems.append(f"`verify` is not a Python expression: {exc.msg}")
        if q.kind == "multiple":
            problems.append("a multiple choice question proves its key with `holds`, not `verify`")
        if q.kind == "single" and not holds:
            missing = [o.key for o in q.options if o.value is None]
            if missing:
                problems.append(
                    f"`verify` is compared with each option's `value`; option(s) "
                    f"{', '.join(missing)} have none"
                )
    for o in holds:
        try:
            compile(o.holds, "<holds>", "eval")
        except SyntaxError as exc:
            problems.append(f"option {o.key}: `holds` is not a Python expression: {exc.msg}")
    return problems


def check_practice(curriculum_root: Path, exercises: set[str] | None = None) -> list[Problem]:
    """Every problem of the bank of the curriculum at `curriculum_root` (none without a bank),
    Korean glossary rules included; with `exercises` (the curriculum's "module/exercise" ids),
    also the course exercises each section names."""
    if not bank_folder(curriculum_root).is_dir():
        return []
    bank, problems = read_practice(curriculum_root)
    problems += check_bank(bank)
    problems += _check_glossary(curriculum_root, bank)
    if exercises is not None:
        for s in bank.sections:
            for name in s.exercises:
                if name not in exercises:
                    problems.append(
                        Problem(
                            bank.root / SECTIONS_FILE,
                            f"section {s.id!r}",
                            f"names exercise {name!r}, which the curriculum does not have",
                        )
                    )
    return problems


def korean_texts(bank: PracticeBank) -> Iterable[tuple[Path, str, str]]:
    for s in bank.sections:
        yield bank.root / SECTIONS_FILE, f"section {s.id!r}", s.title.get("ko", "")
    for q in bank.questions:
        where = f"question {q.id!r}"
        file = q.file or bank.root
        yield file, f"{where}, stem.ko", q.stem.get("ko", "")
        yield file, f"{where}, explanation.ko", q.explanation.get("ko", "")
        for o in q.options:
            yield file, f"{where}, option {o.key}", o.text.get("ko", "")


def _check_glossary(root: Path, bank: PracticeBank) -> list[Problem]:
    from qcourse.curriculum.glossary import load_glossary, text_problems

    glossary, _problems = load_glossary(root)  # the glossary's own problems are reported once
    if glossary is None:
        return []
    return [
        p
        for file, where, text in korean_texts(bank)
        for p in text_problems(file, where, text, glossary)
    ]
