"""Typed reading of TOML tables, recording a problem (file, where, expected) for each bad field."""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from qcourse.curriculum.errors import Problem
from qcourse.curriculum.model import LANGUAGES

MISSING = object()


def read_toml(
    path: Path, problems: list[Problem], missing: str = "missing"
) -> dict[str, Any] | None:
    """A TOML file's table, or None with a problem recorded (`missing` says what absence means)."""
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        problems.append(Problem(path, "", missing))
    except tomllib.TOMLDecodeError as exc:
        problems.append(Problem(path, "", f"not valid TOML: {exc}"))
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(Problem(path, "", f"cannot read: {exc}"))
    return None


def trim_code(code: str) -> str:
    """Code from a TOML multi-line string without its leading/trailing blank lines."""
    lines = code.split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    return "\n".join(line.rstrip() for line in lines)


class FieldReader:
    """Reads fields of one TOML file; every bad field becomes a Problem instead of an exception."""

    def __init__(self, file: Path, problems: list[Problem]) -> None:
        self.file = file
        self.problems = problems

    def problem(self, where: str, message: str) -> None:
        self.problems.append(Problem(self.file, where, message))

    def unknown_keys(self, table: dict[str, Any], allowed: set[str], where: str) -> None:
        for key in table:
            if key not in allowed:
                expected = ", ".join(sorted(allowed))
                self.problem(where, f"unknown key {key!r}; expected only: {expected}")

    def text(
        self, table: dict[str, Any], key: str, where: str, required: bool = True
    ) -> str | None:
        value = table.get(key, MISSING)
        if value is MISSING:
            if required:
                self.problem(where, f"missing `{key}` (a string)")
            return None
        if not isinstance(value, str) or not value.strip():
            self.problem(where, f"`{key}` must be a non-empty string, got {value!r}")
            return None
        return value

    def integer(self, table: dict[str, Any], key: str, where: str, minimum: int) -> int | None:
        value = table.get(key, MISSING)
        if value is MISSING:
            self.problem(where, f"missing `{key}` (an integer >= {minimum})")
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
            self.problem(where, f"`{key}` must be an integer >= {minimum}, got {value!r}")
            return None
        return value

    def number(self, table: dict[str, Any], key: str, where: str) -> float | None:
        value = table.get(key, MISSING)
        if value is MISSING:
            self.problem(where, f"missing `{key}` (a number > 0)")
            return None
        if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
            self.problem(where, f"`{key}` must be a number > 0, got {value!r}")
            return None
        return value

    def array_of_tables(self, doc: dict[str, Any], key: str) -> Iterator[tuple[str, dict]]:
        """(place, table) of each `[[key]]` of a file that holds only those tables."""
        self.unknown_keys(doc, {key}, "")
        tables = doc.get(key, [])
        if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
            self.problem("", f"expected [[{key}]] tables")
            return
        for n, table in enumerate(tables, 1):
            name = table.get("id")
            yield (f"{key} {name!r}" if isinstance(name, str) else f"{key} #{n}"), table

    def bilingual(self, value: Any, where: str, name: str) -> dict[str, str]:
        """A `{ en = "...", ko = "..." }` table; a missing or empty language is a problem."""
        if value is MISSING:
            self.problem(where, f'missing `{name}` (a table {{ en = "...", ko = "..." }})')
            return {}
        if not isinstance(value, dict):
            self.problem(
                where, f'`{name}` must be a table {{ en = "...", ko = "..." }}, got {value!r}'
            )
            return {}
        result: dict[str, str] = {}
        for lang in LANGUAGES:
            text = value.get(lang)
            if not isinstance(text, str) or not text.strip():
                got = "is missing" if text is None else f"is {text!r}"
                self.problem(where, f"`{name}.{lang}` {got}; expected non-empty text in {lang}")
            else:
                result[lang] = text.strip()
        for key in value:
            if key not in LANGUAGES:
                self.problem(where, f"`{name}` has unknown language {key!r}; expected en and ko")
        return result

    def bilingual_list(self, table: dict[str, Any], key: str, where: str) -> list[dict[str, str]]:
        value = table.get(key, [])
        if not isinstance(value, list):
            self.problem(where, f'`{key}` must be a list of {{ en = "...", ko = "..." }} tables')
            return []
        return [self.bilingual(item, where, f"{key} #{i}") for i, item in enumerate(value, 1)]
