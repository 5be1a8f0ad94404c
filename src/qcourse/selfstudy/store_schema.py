"""The progress store's SQLite schema, versioned with `PRAGMA user_version`.

Each migration moves the schema up by one version. A store older than `SCHEMA_VERSION` is
copied aside before it is migrated (see `store.py`); a store newer than it is left untouched.
"""

from __future__ import annotations

import sqlite3

_MIGRATIONS: tuple[str, ...] = (
    # 1: checks, their per-exercise outcomes, revealed hints
    """
    CREATE TABLE IF NOT EXISTS checks (
        uid TEXT PRIMARY KEY,
        module TEXT NOT NULL,
        lang TEXT NOT NULL,
        checked_at REAL NOT NULL,
        score REAL NOT NULL,
        max_score REAL NOT NULL
    );
    CREATE TABLE IF NOT EXISTS outcomes (
        check_uid TEXT NOT NULL REFERENCES checks(uid),
        exercise TEXT NOT NULL,
        points REAL NOT NULL,
        max_points REAL NOT NULL,
        diagnosis TEXT,
        message TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (check_uid, exercise)
    );
    CREATE TABLE IF NOT EXISTS hints (
        module TEXT NOT NULL,
        exercise TEXT NOT NULL,
        level INTEGER NOT NULL,
        revealed_at REAL NOT NULL,
        PRIMARY KEY (module, exercise, level)
    );
    CREATE INDEX IF NOT EXISTS checks_by_module ON checks(module, checked_at);
    """,
    # 2: which curriculum build a check used, and how long grading took
    """
    ALTER TABLE checks ADD COLUMN curriculum TEXT NOT NULL DEFAULT '';
    ALTER TABLE checks ADD COLUMN duration_s REAL NOT NULL DEFAULT 0;
    """,
    # 3: whether the check ran sealed (in the sandbox) or in a plain kernel (self-reported)
    """
    ALTER TABLE checks ADD COLUMN sealed INTEGER NOT NULL DEFAULT 0;
    """,
    # 4: answers to the certification practice bank (`qcourse practice`)
    """
    CREATE TABLE IF NOT EXISTS practice (
        uid TEXT PRIMARY KEY,
        question TEXT NOT NULL,
        section TEXT NOT NULL,
        lang TEXT NOT NULL,
        reply TEXT NOT NULL,
        correct INTEGER NOT NULL,
        answered_at REAL NOT NULL
    );
    CREATE INDEX IF NOT EXISTS practice_by_question ON practice(question, answered_at);
    """,
)

SCHEMA_VERSION = len(_MIGRATIONS)
TABLES = ("checks", "outcomes", "hints", "practice")


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, target: int = SCHEMA_VERSION) -> None:
    """Apply the migrations after the store's version up to `target`, each in one transaction."""
    current = schema_version(conn)
    for version in range(current + 1, target + 1):
        script = _MIGRATIONS[version - 1]
        # executescript commits first; wrap each step so a failure leaves the previous version
        try:
            conn.executescript(
                f"BEGIN IMMEDIATE;\n{script}\nPRAGMA user_version = {version};\nCOMMIT;"
            )
        except sqlite3.Error:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
