"""Import a class roster from CSV into the gradebook (`nbgrader db student import` semantics).

The CSV has a header row; `id` (the student's user name on the hub) is required; `first_name`,
`last_name`, `email` and `lms_user_id` are optional; other columns are ignored, as nbgrader does;
an empty cell is stored as no value. Unlike nbgrader, the whole file is checked before anything
is written, and each problem is reported with its line number.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

STUDENT_COLUMNS = ("id", "first_name", "last_name", "email", "lms_user_id")
_VALID_ID = re.compile(r"^[A-Za-z0-9_.@+-]+$")  # a user name: no spaces, slashes or quotes


class RosterError(ValueError):
    """The roster file is malformed; the message names the file, line and what was expected."""


@dataclass
class Roster:
    students: list[dict[str, str | None]]
    ignored_columns: list[str] = field(default_factory=list)


def read_roster(path: Path) -> Roster:
    path = Path(path)
    if not path.is_file():
        raise RosterError(f"roster file {path} does not exist")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise RosterError(f"{path} is not UTF-8 text (save the CSV as UTF-8): {exc}") from exc
    if not text.strip():
        raise RosterError(f"{path} is empty: expected a header row with an 'id' column")
    reader = csv.reader(io.StringIO(text))
    try:
        rows = list(reader)
    except csv.Error as exc:
        raise RosterError(f"{path}: not a valid CSV file: {exc}") from exc
    header = [h.strip() for h in rows[0]]
    if "id" not in header:
        raise RosterError(
            f"{path}: the header row must have an 'id' column (found: {', '.join(header)}); "
            f"expected columns: {', '.join(STUDENT_COLUMNS)}"
        )
    dupes = sorted({h for h in header if header.count(h) > 1 and h})
    if dupes:
        raise RosterError(f"{path}: column(s) {', '.join(dupes)} appear more than once")
    students, seen, problems = [], {}, []
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue  # blank line
        if len(row) != len(header):
            problems.append(
                f"line {number}: {len(row)} fields but the header has {len(header)} "
                "(a comma inside a name must be quoted)"
            )
            continue
        record = dict(zip(header, (cell.strip() for cell in row), strict=True))
        sid = record["id"]
        if not sid:
            problems.append(f"line {number}: empty id")
            continue
        if not _VALID_ID.match(sid):
            problems.append(
                f"line {number}: id {sid!r} is not a user name (letters, digits and _ . @ + - only)"
            )
            continue
        if sid in seen:
            problems.append(f"line {number}: id {sid!r} already on line {seen[sid]}")
            continue
        seen[sid] = number
        students.append({k: (record[k] or None) for k in STUDENT_COLUMNS if k in record})
    if problems:
        shown = "; ".join(problems[:10]) + ("; ..." if len(problems) > 10 else "")
        raise RosterError(f"{path}: {shown}")
    ignored = [h for h in header if h not in STUDENT_COLUMNS]
    return Roster(students=students, ignored_columns=ignored)


def import_roster(db_url: str, course_id: str, roster: Roster) -> int:
    """Create or update every student of `roster` in the gradebook; returns how many."""
    from nbgrader.api import Gradebook

    with Gradebook(db_url, course_id) as gb:
        for record in roster.students:
            values = {k: v for k, v in record.items() if k != "id"}
            gb.update_or_create_student(record["id"], **values)
    return len(roster.students)
