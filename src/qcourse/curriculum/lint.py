"""The rules of docs/module-format.md that can be checked without executing anything."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from qcourse.curriculum.errors import Problem
from qcourse.curriculum.model import Curriculum, Exercise, LessonCell, Module

EXERCISE_ID = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
CFQT_KEYS = {"area": "areas", "subdomain": "subdomains", "level": "levels"}
BEGIN, END = "### BEGIN SOLUTION", "### END SOLUTION"
# nbgrader acts on these words wherever they appear, so they belong only where the format puts them
_NBGRADER_WORDS = ("BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "END HIDDEN TESTS")


def check_curriculum(curriculum: Curriculum) -> list[Problem]:
    """Every static problem of every module, in module order."""
    problems: list[Problem] = []
    numbers: dict[int, str] = {}
    for module in curriculum.modules:
        if module.number in numbers:
            problems.append(
                Problem(
                    module.path / "module.toml",
                    "",
                    f"number {module.number} is also used by {numbers[module.number]}",
                )
            )
        numbers.setdefault(module.number, module.id)
        problems.extend(check_module(module, curriculum))
    problems.extend(check_glossary(curriculum))
    problems.extend(check_practice_bank(curriculum))
    return problems


def check_practice_bank(curriculum: Curriculum) -> list[Problem]:
    """The certification practice bank (`practice/`), when the curriculum has one."""
    from qcourse.curriculum.practice import check_practice

    exercises = {f"{m.id}/{ex.id}" for m in curriculum.modules for ex in m.exercises}
    return check_practice(curriculum.root, exercises)


def check_glossary(curriculum: Curriculum) -> list[Problem]:
    """The glossary itself, then its terms on the Korean prose of every module."""
    from qcourse.curriculum.glossary import check_korean_prose, load_glossary

    glossary, problems = load_glossary(curriculum.root)
    if glossary is not None:
        for module in curriculum.modules:
            problems += check_korean_prose(module, glossary)
    return problems


def check_module(module: Module, curriculum: Curriculum) -> list[Problem]:
    problems = _check_prerequisites(module, curriculum)
    problems += _check_lesson(module)
    problems += _check_placeholders(module)
    problems += _check_comments(module)
    seen: set[str] = set()
    for ex in module.exercises:
        file = module.path / "exercises.toml"
        where = f"exercise {ex.id!r}"
        if ex.id in seen:
            problems.append(Problem(file, where, "duplicate exercise id"))
        seen.add(ex.id)
        problems += [Problem(file, where, m) for m in check_exercise(ex, curriculum.cfqt)]
    if not module.exercises:
        problems.append(
            Problem(
                module.path / "exercises.toml", "", "no [[exercise]]: a module has at least one"
            )
        )
    return problems


def _check_comments(module: Module) -> list[Problem]:
    """Every comment that explains something has its translations; comments.toml has no extra."""
    from qcourse.curriculum.comments import COMMENTS_FILE, comments_to_translate, needs_translation
    from qcourse.curriculum.model import LANGUAGES

    problems: list[Problem] = []
    used: set[str] = set()
    for file, where, code in code_places(module):
        for text in comments_to_translate(code):
            used.add(text)
            for lang in LANGUAGES:
                if lang != "en" and text not in module.comments.get(lang, {}):
                    problems.append(
                        Problem(
                            file,
                            where,
                            f"comment {text!r} has no [{lang}] translation in {COMMENTS_FILE}; "
                            "code is shared by both languages, its comments are translated there",
                        )
                    )
    for lang, table in module.comments.items():
        for english in table:
            if english not in used:
                why = (
                    "it needs none (a value or a formula)"
                    if not needs_translation(english)
                    else "no code of the module has this comment"
                )
                problems.append(
                    Problem(
                        module.path / COMMENTS_FILE,
                        f"[{lang}] {english!r}",
                        f"translation of a comment that is not used: {why}",
                    )
                )
    problems += _check_strings(module)
    return problems


def _check_strings(module: Module) -> list[Problem]:
    """Every translated string literal is one that lesson code has (labels, legends, titles)."""
    from qcourse.curriculum.comments import COMMENTS_FILE, STRINGS_TABLE, string_literals

    literals = {
        lit.value
        for cell in module.cells
        if cell.kind == "code"
        for lit in string_literals(cell.source)
    }
    return [
        Problem(
            module.path / COMMENTS_FILE,
            f"[{lang}.{STRINGS_TABLE}] {english!r}",
            "no lesson code cell has this string literal (only lesson code is translated: "
            "exercise code stays as written, since tests compare answers with it)",
        )
        for lang, table in module.strings.items()
        for english in table
        if english not in literals
    ]


def code_places(module: Module) -> list[tuple[Path, str, str]]:
    """(file, place, code) of all the code of `module` that reaches a learner's notebook."""
    places = [
        (module.path / "lesson.py", cell.where, cell.source)
        for cell in module.cells
        if cell.kind == "code"
    ]
    for ex in module.exercises:
        for part, code in (("solution", ex.solution), ("test", ex.test)):
            places.append((module.path / "exercises.toml", f"exercise {ex.id!r}, {part}", code))
    return places


def _check_prerequisites(module: Module, curriculum: Curriculum) -> list[Problem]:
    problems = []
    numbers = {m.id: m.number for m in curriculum.modules}
    for prereq in module.prerequisites:
        if prereq not in numbers:
            known = ", ".join(numbers) or "none"
            msg = f"prerequisite {prereq!r} is not a module id; known modules: {known}"
        elif numbers[prereq] >= module.number:
            msg = f"prerequisite {prereq!r} must come before module {module.number}"
        else:
            continue
        problems.append(Problem(module.path / "module.toml", "", msg))
    return problems


def _check_lesson(module: Module) -> list[Problem]:
    file = module.path / "lesson.py"
    problems = []
    cells = module.cells
    for i, cell in enumerate(cells):
        after = cells[i + 1] if i + 1 < len(cells) else None
        before = cells[i - 1] if i > 0 else None
        if cell.kind == "markdown" and cell.lang == "en" and not _is_prose(after, "ko"):
            problems.append(
                Problem(
                    file,
                    cell.where,
                    "English prose has no Korean translation: expected a "
                    '`# %% [markdown] lang="ko"` cell right after it',
                )
            )
        if cell.kind == "markdown" and cell.lang == "ko" and not _is_prose(before, "en"):
            problems.append(
                Problem(
                    file,
                    cell.where,
                    "Korean prose has no English original: expected a "
                    '`# %% [markdown] lang="en"` cell right before it',
                )
            )
        for word in _NBGRADER_WORDS:
            if word in cell.source:
                problems.append(
                    Problem(
                        file,
                        cell.where,
                        f"contains {word!r}, which nbgrader acts on; "
                        "solutions and hidden tests belong in exercises.toml",
                    )
                )
    return problems


def _is_prose(cell: LessonCell | None, lang: str) -> bool:
    return cell is not None and cell.kind == "markdown" and cell.lang == lang


def _check_placeholders(module: Module) -> list[Problem]:
    file = module.path / "lesson.py"
    problems = []
    known = {ex.id for ex in module.exercises}
    placed: dict[str, LessonCell] = {}
    for cell in module.cells:
        if cell.kind != "exercise":
            continue
        if cell.exercise not in known:
            names = ", ".join(sorted(known)) or "none"
            problems.append(
                Problem(
                    file,
                    cell.where,
                    f"placeholder names unknown exercise "
                    f"{cell.exercise!r}; exercises.toml defines: {names}",
                )
            )
        elif cell.exercise in placed:
            problems.append(
                Problem(
                    file,
                    cell.where,
                    f"exercise {cell.exercise!r} is placed twice "
                    f"(also at {placed[cell.exercise].where})",
                )
            )
        else:
            placed[cell.exercise] = cell
    for ex in module.exercises:
        if ex.id not in placed:
            problems.append(
                Problem(
                    file,
                    "",
                    f"exercise {ex.id!r} has no placeholder: add a "
                    f'`# %% exercise="{ex.id}"` cell where it belongs',
                )
            )
    return problems


def check_exercise(ex: Exercise, cfqt: dict) -> list[str]:
    """Problems of one exercise, as messages (the caller knows the file and the exercise)."""
    problems = []
    if not EXERCISE_ID.match(ex.id):
        problems.append(
            "id must be snake_case: a lowercase letter, then lowercase letters, "
            "digits or _ (at most 40 characters)"
        )
    problems += _check_cfqt(ex.cfqt, cfqt)
    problems += _check_solution_markers(ex.solution)
    for name, code in (("test", ex.test), ("hidden_test", ex.hidden_test or "")):
        for word in _NBGRADER_WORDS:
            if word in code:
                problems.append(f"`{name}` contains {word!r}; the build adds the nbgrader markers")
        if _repeats_solution(ex.solution, code):
            problems.append(
                f"`{name}` repeats the solution's code (a visible test gives the answer away); "
                "test against mathematics (a Statevector, an Operator, an independent "
                "function), not a copy of the answer"
            )
    if not ex.wrong:
        problems.append("no [[exercise.wrong]]: record at least one wrong answer learners make")
    for k, wrong in enumerate(ex.wrong, 1):
        for word in _NBGRADER_WORDS:
            if word in wrong.code:
                problems.append(f"wrong answer {k}: `code` contains {word!r}")
        if _same_code(wrong.code, ex.solution):
            problems.append(f"wrong answer {k}: `code` is the solution itself")
        if wrong.diagnosis is not None and (known := _diagnoses()) and wrong.diagnosis not in known:
            problems.append(
                f"wrong answer {k}: unknown diagnosis {wrong.diagnosis!r}; "
                f"expected one of qgrade's: {', '.join(sorted(known))}"
            )
    return problems


def _check_cfqt(value: dict, catalogue: dict) -> list[str]:
    problems = []
    for key, section in CFQT_KEYS.items():
        choices = catalogue.get(section, {})
        if key not in value:
            problems.append(f"`cfqt.{key}` is missing; expected one of: {', '.join(choices)}")
        elif value[key] not in choices:
            problems.append(
                f"`cfqt.{key}` = {value[key]!r} is not in cfqt.toml [{section}]; "
                f"expected one of: {', '.join(choices)}"
            )
    for key in value:
        if key not in CFQT_KEYS:
            problems.append(f"`cfqt` has unknown key {key!r}; expected area, subdomain, level")
    return problems


def _check_solution_markers(solution: str) -> list[str]:
    inside = False
    regions = 0
    body = 0
    for line in solution.split("\n"):
        marker = line.strip()
        if marker == BEGIN:
            if inside:
                return [f"`solution` has a {BEGIN} inside another one"]
            inside, body = True, 0
        elif marker == END:
            if not inside:
                return [f"`solution` has an {END} without a {BEGIN} before it"]
            if body == 0:
                return [f"`solution` has an empty {BEGIN} ... {END} region"]
            inside, regions = False, regions + 1
        elif "BEGIN SOLUTION" in line or "END SOLUTION" in line:
            return [f"`solution` markers must be lines of their own: `{BEGIN}` / `{END}`"]
        elif inside and line.strip():
            body += 1
    if inside:
        return [f"`solution` has a {BEGIN} without an {END}"]
    if regions == 0:
        return [f"`solution` has no {BEGIN} ... {END} region around the answer"]
    return []


def _significant(code: str) -> list[str]:
    """Code lines that carry meaning: stripped, without blanks and comments."""
    return [s for line in code.split("\n") if (s := line.strip()) and not s.startswith("#")]


def _same_code(a: str, b: str) -> bool:
    """Whether two pieces of code are the same program, ignoring comments, layout, docstrings."""
    try:
        return _shape(a) == _shape(b)
    except SyntaxError:
        return _significant(a) == _significant(b)


def _shape(code: str) -> str:
    tree = ast.parse(code)
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if (
            isinstance(body, list)
            and body
            and isinstance(body[0], ast.Expr)
            and isinstance(body[0].value, ast.Constant)
            and isinstance(body[0].value.value, str)
        ):
            node.body = body[1:] or [ast.Pass()]
    return ast.dump(tree)


def _solution_region(solution: str) -> list[str]:
    lines, inside = [], False
    for line in solution.split("\n"):
        if line.strip() == BEGIN:
            inside = True
        elif line.strip() == END:
            inside = False
        elif inside:
            lines.append(line)
    return _significant("\n".join(lines))


def _repeats_solution(solution: str, test: str) -> bool:
    """Whether the test holds the answer region (without `return` lines) in one run of lines.

    One short line is too common to count; two lines or one long line is a copy.
    """
    region = [line for line in _solution_region(solution) if not line.startswith("return")]
    if not region or (len(region) == 1 and len(region[0]) < 20):
        return False
    lines = _significant(test)
    n = len(region)
    return any(lines[i : i + n] == region for i in range(len(lines) - n + 1))


def _diagnoses() -> set[str]:
    try:
        from qgrade.diagnoses import DIAGNOSES
    except ImportError:  # qgrade is optional for static checks
        return set()
    return set(DIAGNOSES)
