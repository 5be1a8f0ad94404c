"""The course glossary (`curriculum/glossary.toml`): one Korean term per concept.

`check_korean_prose` is the lint rule that enforces it on the Korean prose of a module;
`glossary_markdown` is the page learners see in their workspace.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from qcourse.curriculum.comments import COMMENTS_FILE
from qcourse.curriculum.errors import Problem

if TYPE_CHECKING:
    from qcourse.curriculum.model import Module

GLOSSARY_FILE = "glossary.toml"


@dataclass(frozen=True)
class NotNear:
    word: str
    cues: tuple[str, ...]
    within: int


@dataclass(frozen=True)
class Term:
    en: str
    ko: str
    avoid: tuple[re.Pattern[str], ...] = ()
    not_near: NotNear | None = None
    note: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Glossary:
    path: Path
    terms: tuple[Term, ...]


def load_glossary(root: Path) -> tuple[Glossary | None, list[Problem]]:
    """The glossary of the curriculum at `root` (None when it has none) and its own problems."""
    path = Path(root) / GLOSSARY_FILE
    if not path.is_file():
        return None, []
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        return None, [Problem(path, "", f"cannot read the glossary: {exc}")]
    problems: list[Problem] = []
    terms: list[Term] = []
    seen_ko: dict[str, str] = {}
    for n, raw in enumerate(data.get("term", []), 1):
        where = f"term {n}"
        en, ko = raw.get("en"), raw.get("ko")
        if not (isinstance(en, str) and en and isinstance(ko, str) and ko):
            problems.append(Problem(path, where, "a term needs both en and ko"))
            continue
        if ko in seen_ko:
            problems.append(Problem(path, where, f"{ko!r} is already the term for {seen_ko[ko]!r}"))
        seen_ko[ko] = en
        try:
            avoid = tuple(re.compile(p, re.MULTILINE) for p in raw.get("avoid", []))
        except re.error as exc:
            problems.append(Problem(path, where, f"avoid: not a regular expression ({exc})"))
            continue
        near = raw.get("not_near")
        not_near = (
            NotNear(near["word"], tuple(near["cues"]), int(near.get("within", 30)))
            if isinstance(near, dict) and near.get("word") and near.get("cues")
            else None
        )
        terms.append(Term(en, ko, avoid, not_near, dict(raw.get("note", {}))))
    return Glossary(path, tuple(terms)), problems


def korean_texts(module: Module) -> Iterator[tuple[Path, str, str]]:
    """(file, place, text) of every piece of Korean prose of `module`."""
    meta = module.path / "module.toml"
    if module.title.get("ko"):
        yield meta, "title.ko", module.title["ko"]
    for n, objective in enumerate(module.objectives, 1):
        if objective.get("ko"):
            yield meta, f"objective {n}", objective["ko"]
    for english, korean in module.comments.get("ko", {}).items():
        yield module.path / COMMENTS_FILE, f"[ko] {english!r}", korean
    for english, korean in module.strings.get("ko", {}).items():
        yield module.path / COMMENTS_FILE, f"[ko.strings] {english!r}", korean
    for cell in module.cells:
        if cell.kind == "markdown" and cell.lang == "ko":
            yield module.path / "lesson.py", cell.where, cell.source
    for ex in module.exercises:
        where = f"exercise {ex.id!r}"
        for name, texts in (("title", ex.title), ("task", ex.task)):
            if texts.get("ko"):
                yield module.path / "exercises.toml", f"{where}, {name}.ko", texts["ko"]
        for n, hint in enumerate(ex.hints, 1):
            if hint.get("ko"):
                yield module.path / "exercises.toml", f"{where}, hint {n}", hint["ko"]


def check_korean_prose(module: Module, glossary: Glossary) -> list[Problem]:
    """Every place where the Korean prose of `module` uses a word the glossary rules out."""
    return [
        p
        for file, where, text in korean_texts(module)
        for p in text_problems(file, where, text, glossary)
    ]


def text_problems(file: Path, where: str, text: str, glossary: Glossary) -> list[Problem]:
    """Every word of one Korean text that the glossary rules out (the practice bank uses it)."""
    ruled_out: dict[str, list[Term]] = {}  # one pattern may stand for several concepts
    patterns: dict[str, re.Pattern[str]] = {}
    for term in glossary.terms:
        for pattern in term.avoid:
            ruled_out.setdefault(pattern.pattern, []).append(term)
            patterns[pattern.pattern] = pattern
    problems = []
    for key, terms in ruled_out.items():
        for match in patterns[key].finditer(text):
            said = " ".join(match.group(0).split())
            instead = "; ".join(f"{t.en!r}: {t.ko!r}" for t in terms)
            problems.append(
                Problem(
                    file,
                    where,
                    f"Korean prose says {said!r}; the glossary's term for {instead}",
                )
            )
    for term in glossary.terms:
        if term.not_near:
            problems += _near_problems(file, where, text, term)
    return problems


def _near_problems(file: Path, where: str, text: str, term: Term) -> list[Problem]:
    rule = term.not_near
    problems = []
    for match in re.finditer(re.escape(rule.word), text):
        start, end = max(match.start() - rule.within, 0), match.end() + rule.within
        window = text[start:end]
        cue = next((c for c in rule.cues if c in window), None)
        if cue:
            problems.append(
                Problem(
                    file,
                    where,
                    f"Korean prose says {rule.word!r} next to {cue!r}; for {term.en!r} the "
                    f"glossary's term is {term.ko!r}",
                )
            )
    return problems


def glossary_markdown(glossary: Glossary, lang: str) -> str:
    """The glossary as a Markdown page, in the learner's language first."""
    from qcourse.i18n import _

    first, second = ("ko", "en") if lang == "ko" else ("en", "ko")
    names = {"en": _("English", lang), "ko": _("Korean", lang)}
    title, note = _("Glossary", lang), _("Note", lang)
    lines = [
        f"# {title}",
        "",
        _(
            "One word per concept, the same in every module of the course. The lessons, "
            "exercises and feedback all use these terms.",
            lang,
        ),
        "",
        f"| {names[first]} | {names[second]} | {note} |",
        "| --- | --- | --- |",
    ]
    rows = sorted(glossary.terms, key=lambda t: getattr(t, first).lower())
    for term in rows:
        remark = term.note.get(lang) or term.note.get("en", "")
        cells = [getattr(term, first), getattr(term, second), remark]
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return "\n".join(lines) + "\n"
