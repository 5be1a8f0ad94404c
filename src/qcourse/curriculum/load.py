"""Load the curriculum: `cfqt.toml` and, per module folder, module.toml, lesson.py, exercises.toml."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from qcourse.curriculum.comments import COMMENTS_FILE, STRINGS_TABLE
from qcourse.curriculum.errors import CurriculumError, Problem
from qcourse.curriculum.fields import MISSING, FieldReader, read_toml, trim_code
from qcourse.curriculum.lesson import read_lesson
from qcourse.curriculum.model import LANGUAGES, Curriculum, Exercise, Module, WrongAnswer
from qcourse.errors import UserError

MODULE_ID = re.compile(r"^(\d{2})-[a-z0-9]+(?:-[a-z0-9]+)*$")
SOURCES = ("module.toml", "lesson.py", "exercises.toml")
GLOBAL_PHASE_RULES = ("ignore", "strict")

_MODULE_KEYS = {"id", "number", "estimated_minutes", "prerequisites", "title", "objectives"}
_EXERCISE_KEYS = {
    "id", "points", "title", "task", "global_phase", "cfqt", "hints",
    "solution", "test", "hidden_test", "wrong",
}  # fmt: skip
_WRONG_KEYS = {"why", "diagnosis", "code"}


def load_curriculum(root: Path | None = None, *, check: bool = True) -> Curriculum:
    """Load every module under `root` (default: the packaged or repository curriculum).

    Raises CurriculumError listing every problem of every module: unreadable or malformed
    sources and, when `check` is true, every rule of docs/module-format.md (see `lint`).
    """
    from qcourse.curriculum.lint import check_curriculum

    curriculum, problems = read_curriculum(root)
    if check and curriculum.cfqt:
        problems += check_curriculum(curriculum)
    if problems:
        raise CurriculumError(problems)
    return curriculum


def read_curriculum(root: Path | None = None) -> tuple[Curriculum, list[Problem]]:
    """The modules that could be read, and the problems that kept sources from being read.

    A module whose sources are too broken to build a Module is left out (its problems say why).
    """
    from qcourse.paths import curriculum_root

    root = Path(root) if root is not None else curriculum_root()
    problems: list[Problem] = []
    if not root.is_dir():
        raise UserError(f"{root} is not a folder; expected a curriculum with cfqt.toml")
    cfqt = read_toml(root / "cfqt.toml", problems)
    modules: list[Module] = []
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        if folder.name.startswith((".", "_")):
            continue
        if not any((folder / name).exists() for name in SOURCES):
            continue  # not a module (yet): a module folder holds at least one source
        if not MODULE_ID.match(folder.name):
            problems.append(
                Problem(
                    folder,
                    "",
                    "a module folder is named two digits, a dash and a "
                    "lowercase slug, e.g. 01-qubits-and-gates",
                )
            )
            continue
        module = load_module(folder, problems)
        if module is not None:
            modules.append(module)
    modules.sort(key=lambda m: (m.number, m.id))
    return Curriculum(root=root, modules=modules, cfqt=cfqt or {}), problems


def load_selected(
    module_ids: list[str] | None, root: Path | None = None
) -> tuple[Curriculum, list[Module], list[Problem]]:
    """The curriculum, the modules named by `module_ids` (all when None) and every problem
    (unreadable sources and broken rules) of those modules and of the catalogue; problems of
    other modules do not count, so one module can be built while another is being written."""
    from qcourse.curriculum.lint import check_curriculum

    curriculum, problems = read_curriculum(root)
    try:
        modules = curriculum.select(module_ids)
    except UserError:
        if problems:  # the module asked for may be one that could not be read
            raise CurriculumError(problems) from None
        raise
    if curriculum.cfqt:
        problems += check_curriculum(curriculum)
    if module_ids:
        names = {m.path.name for m in modules}
        problems = [p for p in problems if module_folder(curriculum.root, p.file) in names | {None}]
    return curriculum, modules, problems


def module_folder(root: Path, file: Path) -> str | None:
    """The module folder name a problem's file belongs to; None for the catalogue."""
    try:
        parts = Path(file).relative_to(root).parts
    except ValueError:
        return None
    return parts[0] if parts and parts[0] != "cfqt.toml" else None


def load_module(folder: Path, problems: list[Problem]) -> Module | None:
    """One module from its folder; problems are appended, None when it cannot be built at all."""
    before = len(problems)
    for name in SOURCES:
        if not (folder / name).is_file():
            problems.append(
                Problem(folder / name, "", f"missing; a module folder holds {', '.join(SOURCES)}")
            )
    if len(problems) > before:
        return None
    meta = read_toml(folder / "module.toml", problems)
    exercises_doc = read_toml(folder / "exercises.toml", problems)
    cells, lesson_problems = read_lesson(folder / "lesson.py")
    problems.extend(lesson_problems)
    if meta is None or exercises_doc is None:
        return None

    r = FieldReader(folder / "module.toml", problems)
    r.unknown_keys(meta, _MODULE_KEYS, "")
    module_id = r.text(meta, "id", "") or folder.name
    if module_id != folder.name:
        r.problem("", f"id = {module_id!r} must equal the folder name {folder.name!r}")
    number = r.integer(meta, "number", "", minimum=0)
    prefix = MODULE_ID.match(folder.name)
    if number is not None and prefix and number != int(prefix.group(1)):
        r.problem("", f"number = {number} must equal the folder's prefix {prefix.group(1)}")
    minutes = r.integer(meta, "estimated_minutes", "", minimum=1)
    prerequisites = meta.get("prerequisites", [])
    if not isinstance(prerequisites, list) or not all(isinstance(p, str) for p in prerequisites):
        r.problem("", f"`prerequisites` must be a list of module ids, got {prerequisites!r}")
        prerequisites = []
    title = r.bilingual(meta.get("title", MISSING), "", "title")
    objectives_raw = meta.get("objectives", MISSING)
    objectives: list[dict[str, str]] = []
    if not isinstance(objectives_raw, list) or not 3 <= len(objectives_raw) <= 6:
        got = "none" if objectives_raw is MISSING else repr(objectives_raw)[:60]
        r.problem("", f"expected 3 to 6 [[objectives]] tables with en and ko, got {got}")
    else:
        objectives = [
            r.bilingual(o, f"objective {i}", "objective") for i, o in enumerate(objectives_raw, 1)
        ]

    exercises = _read_exercises(folder / "exercises.toml", exercises_doc, problems)
    comments, strings = _read_comments(folder / COMMENTS_FILE, problems)
    return Module(
        id=module_id,
        number=number if number is not None else int(prefix.group(1)) if prefix else 0,
        path=folder,
        title=title,
        objectives=objectives,
        prerequisites=list(prerequisites),
        estimated_minutes=minutes or 0,
        exercises=exercises,
        cells=cells,
        comments=comments,
        strings=strings,
    )


def _read_comments(
    file: Path, problems: list[Problem]
) -> tuple[dict[str, dict[str, str]], dict[str, dict[str, str]]]:
    """The optional comments.toml: per language other than English, the translations of the
    code's comments and, in its `strings` sub-table, of the string literals figures show."""
    if not file.is_file():
        return {}, {}
    doc = read_toml(file, problems)
    if doc is None:
        return {}, {}
    others = [lang for lang in LANGUAGES if lang != "en"]
    comments: dict[str, dict[str, str]] = {}
    strings: dict[str, dict[str, str]] = {}
    for lang, table in doc.items():
        if lang not in others:
            problems.append(
                Problem(file, "", f"unknown table [{lang}]; expected one of: {', '.join(others)}")
            )
            continue
        if not isinstance(table, dict):
            problems.append(Problem(file, f"[{lang}]", 'expected a table of "English" = "..."'))
            continue
        table = dict(table)
        literals = table.pop(STRINGS_TABLE, {})
        if not isinstance(literals, dict):
            problems.append(
                Problem(file, f"[{lang}.{STRINGS_TABLE}]", 'expected a table of "English" = "..."')
            )
            literals = {}
        comments[lang] = _translations(file, f"[{lang}]", table, problems, strip=True)
        strings[lang] = _translations(
            file, f"[{lang}.{STRINGS_TABLE}]", literals, problems, strip=False
        )
    return comments, strings


def _translations(
    file: Path, where: str, table: dict[str, Any], problems: list[Problem], *, strip: bool
) -> dict[str, str]:
    good: dict[str, str] = {}
    for english, translated in table.items():
        if not isinstance(translated, str) or not translated.strip() or "\n" in translated:
            problems.append(
                Problem(
                    file,
                    f"{where} {english!r}",
                    f"expected a one-line translation (a non-empty string), got {translated!r}",
                )
            )
            continue
        good[english.strip() if strip else english] = translated.strip() if strip else translated
    return good


def _read_exercises(file: Path, doc: dict[str, Any], problems: list[Problem]) -> list[Exercise]:
    r = FieldReader(file, problems)
    exercises = []
    for where, table in r.array_of_tables(doc, "exercise"):
        exercise = _read_exercise(r, table, where)
        if exercise is not None:
            exercises.append(exercise)
    return exercises


def _read_exercise(r: FieldReader, t: dict[str, Any], where: str) -> Exercise | None:
    r.unknown_keys(t, _EXERCISE_KEYS, where)
    ex_id = r.text(t, "id", where)
    points = r.number(t, "points", where)
    title = r.bilingual(t.get("title", MISSING), where, "title")
    task = r.bilingual(t.get("task", MISSING), where, "task")
    hints = r.bilingual_list(t, "hints", where)
    solution = r.text(t, "solution", where)
    test = r.text(t, "test", where)
    hidden = t.get("hidden_test")
    if hidden is not None and not isinstance(hidden, str):
        r.problem(where, f"`hidden_test` must be a string, got {hidden!r}")
        hidden = None
    phase = t.get("global_phase")
    if phase is not None and phase not in GLOBAL_PHASE_RULES:
        r.problem(where, f'`global_phase` must be "ignore" or "strict", got {phase!r}')
        phase = None
    cfqt = t.get("cfqt", MISSING)
    if not isinstance(cfqt, dict):
        r.problem(
            where, '`cfqt` must be a table { area = "...", subdomain = "...", level = "..." }'
        )
        cfqt = {}
    wrong = _read_wrong(r, t.get("wrong", []), where)
    if ex_id is None or points is None or solution is None or test is None:
        return None
    return Exercise(
        id=ex_id,
        points=points,
        title=title,
        task=task,
        solution=trim_code(solution),
        test=trim_code(test),
        hidden_test=trim_code(hidden) if hidden and hidden.strip() else None,
        hints=hints,
        wrong=wrong,
        cfqt=dict(cfqt),
        global_phase=phase,
    )


def _read_wrong(r: FieldReader, value: Any, where: str) -> list[WrongAnswer]:
    if not isinstance(value, list) or not all(isinstance(w, dict) for w in value):
        r.problem(where, "`wrong` must be [[exercise.wrong]] tables")
        return []
    answers = []
    for k, table in enumerate(value, 1):
        at = f"{where} wrong answer {k}"
        r.unknown_keys(table, _WRONG_KEYS, at)
        why = r.text(table, "why", at)
        code = r.text(table, "code", at)
        diagnosis = r.text(table, "diagnosis", at, required=False)
        if why is not None and code is not None:
            answers.append(WrongAnswer(why=why.strip(), code=trim_code(code), diagnosis=diagnosis))
    return answers
