"""Getting rows back out of a damaged progress store or its backup copy.

Rows are copied by column name, so a file with an older schema still gives what it has; rows
already present (same primary key) are skipped, so salvaging twice is harmless.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from qcourse.selfstudy.store_schema import TABLES


def salvage_rows(source: Path, target: sqlite3.Connection) -> dict[str, int]:
    """Copy every readable row of `source` into `target`; return how many were new per table.

    Reads row by row and stops a table at the first unreadable page, keeping what came before.
    Never raises for a damaged source: an unreadable file simply gives nothing.
    """
    added = dict.fromkeys(TABLES, 0)
    if not source.is_file():
        return added
    try:
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True, timeout=1.0)
    except sqlite3.Error:
        return added
    try:
        target_columns = {t: _columns(target, t) for t in TABLES}
        for table in TABLES:
            added[table] = _copy_table(src, target, table, target_columns[table])
    finally:
        src.close()
    return added


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]


def _copy_table(
    src: sqlite3.Connection, target: sqlite3.Connection, table: str, wanted: list[str]
) -> int:
    try:
        cursor = src.execute(f"SELECT * FROM {table}")
        names = [d[0] for d in cursor.description]
    except sqlite3.Error:
        return 0
    shared = [n for n in names if n in wanted]
    if not shared:
        return 0
    positions = [names.index(n) for n in shared]
    insert = (
        f"INSERT OR IGNORE INTO {table} ({', '.join(shared)}) "
        f"VALUES ({', '.join('?' for _ in shared)})"
    )
    added = 0
    while True:
        try:
            row = cursor.fetchone()
        except sqlite3.Error:
            break  # the rest of this table sits on damaged pages
        if row is None:
            break
        try:
            added += target.execute(insert, [row[i] for i in positions]).rowcount
        except sqlite3.Error:
            continue  # e.g. a NULL where the schema wants a value: skip that row only
    return added
