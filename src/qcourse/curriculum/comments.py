"""Comments in code cells, and the labels code draws, in the learner's language.

Code exists once for both languages, so its comments are written in English in `lesson.py` and
`exercises.toml`; their translations live in the module's `comments.toml`, keyed by the English
text (the way gettext keys a message by its msgid):

    [ko]
    "normalized?" = "정규화되었나요?"

    [ko.strings]  # string literals of lesson code that a figure shows: legends, axis labels
    "noisy" = "잡음 있음"

The build writes each comment, and each listed string literal of lesson code, in the notebook's
language (exercise code keeps its strings: tests compare answers with them); the lint asks for a
translation of every comment that explains something (a value or a formula such as `# (5+5j)`
needs none) and reports a translation nothing uses.
"""

from __future__ import annotations

import ast
import io
import re
import tokenize
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

COMMENTS_FILE = "comments.toml"
STRINGS_TABLE = "strings"  # the sub-table of a language's table that translates string literals

# words a comment may contain and still be a formula rather than prose
_MATH_WORDS = frozenset(
    "mod sqrt exp log cos sin tan arccos arcsin arctan det diag max min abs pi inf nan "
    "alpha beta gamma delta epsilon theta lambda phi varphi psi omega sigma tau".split()
)
_WORD = re.compile(r"[A-Za-z]{3,}")
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
# a name of the code that no English sentence has (`plus_state`, `QFTGate`, `qc2`); a plain word
# such as `qubit` stays prose even when the code also uses it as a name
_CODE_LIKE = re.compile(r"_|\d|^[a-z]{1,2}$|.[A-Z]")
_LATEX_COMMAND = re.compile(r"\\[A-Za-z]+")  # `\rangle`, `\frac`: maths, not words
# comments that tools read, not people
_MACHINE = re.compile(r"^(noqa|type:|pragma|fmt:|ruff:|%%)")


@dataclass(frozen=True)
class Comment:
    line: int  # 0-based line of the source
    column: int  # where the `#` is
    text: str  # after `#` and the spaces that follow it


def code_comments(source: str) -> Iterator[Comment]:
    """Every comment of `source`; a line-based fallback where it is not Python (`%magic`)."""
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    except (tokenize.TokenError, SyntaxError):
        yield from _whole_line_comments(source)
        return
    for tok in tokens:
        if tok.type == tokenize.COMMENT:
            text = tok.string[1:].strip()
            if text:
                yield Comment(tok.start[0] - 1, tok.start[1], text)


def _whole_line_comments(source: str) -> Iterator[Comment]:
    for number, line in enumerate(source.split("\n")):
        stripped = line.lstrip()
        if stripped.startswith("#") and stripped[1:].strip():
            yield Comment(number, len(line) - len(stripped), stripped[1:].strip())


def needs_translation(text: str, code: str = "") -> bool:
    """Whether a comment is prose: an English word that is not maths and not a name of `code`
    that reads as code (`plus_state`, `QFTGate`)."""
    if text.startswith("#") or _MACHINE.match(text):  # `### BEGIN SOLUTION` and tool comments
        return False
    names = {n for n in _IDENTIFIER.findall(code) if _CODE_LIKE.search(n)} if code else set()
    for token in _IDENTIFIER.findall(_LATEX_COMMAND.sub(" ", text)):
        if token in names or token.lower() in _MATH_WORDS:
            continue
        if _WORD.search(token):
            return True
    return False


def comments_to_translate(code: str) -> list[str]:
    """The texts of the comments of `code` that need a translation, in order, once each."""
    bare = _without_comments(code)
    seen: dict[str, None] = {}
    for comment in code_comments(code):
        if needs_translation(comment.text, bare):
            seen.setdefault(comment.text, None)
    return list(seen)


def localize_comments(source: str, translations: Mapping[str, str]) -> str:
    """`source` with every comment that has a translation written in the translation."""
    if not translations:
        return source
    lines = source.split("\n")
    for comment in code_comments(source):
        translated = translations.get(comment.text)
        if translated is None:
            continue
        line = lines[comment.line]
        lines[comment.line] = line[: comment.column] + "# " + translated
    return "\n".join(lines)


def _without_comments(code: str) -> str:
    """`code` with its comments removed, so that a comment's words are not taken for names."""
    lines = code.split("\n")
    for comment in sorted(code_comments(code), key=lambda c: -c.line):
        lines[comment.line] = lines[comment.line][: comment.column]
    return "\n".join(lines)


@dataclass(frozen=True)
class StringLiteral:
    line: int  # 0-based, where it starts
    column: int
    end_line: int
    end_column: int
    value: str
    quote: str


def string_literals(source: str) -> Iterator[StringLiteral]:
    """The plain string literals of `source` (no f-, b- or implicit concatenation parts)."""
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    except (tokenize.TokenError, SyntaxError):
        return
    for tok in tokens:
        if tok.type != tokenize.STRING:
            continue
        prefix = tok.string[: len(tok.string) - len(tok.string.lstrip("rRuUbBfF"))]
        if set(prefix.lower()) - {"r", "u"}:
            continue
        try:
            value = ast.literal_eval(tok.string)
        except (ValueError, SyntaxError):
            continue
        if isinstance(value, str):
            body = tok.string[len(prefix) :]
            yield StringLiteral(
                tok.start[0] - 1, tok.start[1], tok.end[0] - 1, tok.end[1], value, body[0]
            )


def localize_strings(source: str, translations: Mapping[str, str]) -> str:
    """`source` with every string literal whose value is listed written as its translation."""
    if not translations:
        return source
    lines = source.split("\n")
    found = [lit for lit in string_literals(source) if lit.value in translations]
    for lit in sorted(found, key=lambda x: (-x.line, -x.column)):
        if lit.line != lit.end_line:
            continue  # a listed label is one line; a multi-line literal is not a label
        translated = translations[lit.value]
        quote = lit.quote if lit.quote not in translated and "\\" not in translated else ""
        text = f"{quote}{translated}{quote}" if quote else repr(translated)
        line = lines[lit.line]
        lines[lit.line] = line[: lit.column] + text + line[lit.end_column :]
    return "\n".join(lines)


def localize_code(
    source: str, comments: Mapping[str, str], strings: Mapping[str, str] | None = None
) -> str:
    """`source` with its comments and listed string literals in the translation's language."""
    return localize_comments(localize_strings(source, strings or {}), comments)
