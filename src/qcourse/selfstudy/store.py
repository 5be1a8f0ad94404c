"""The learner's progress: a small SQLite file that must never lose what was recorded.

Safety measures, each with a test in `tests/selfstudy/test_store.py`:

- WAL journal and a busy timeout, so a check running in a notebook and one in a terminal wait
  for each other instead of failing;
- a store still locked after the timeout gives a clear message, and a check result that could
  not be written is kept as a JSON file in `<store>.pending/` and added on the next open;
- before a migration the file is copied to `<store>.v<N>.bak`;
- after every write the whole store is copied to `<store>.bak` (it is tiny);
- a damaged file is moved aside to `<store>.corrupt-<time>`, a fresh store is created, and the
  rows still readable in the damaged file and in `<store>.bak` are copied into it.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from qcourse.errors import UserError
from qcourse.i18n import _
from qcourse.selfstudy import home
from qcourse.selfstudy.records import CheckRecord, ExerciseOutcome, PracticeAnswer
from qcourse.selfstudy.store_recovery import salvage_rows
from qcourse.selfstudy.store_schema import SCHEMA_VERSION, migrate, schema_version

DEFAULT_TIMEOUT_S = 10.0


class ProgressStoreError(UserError):
    """The progress store cannot be used right now; the message says why and what to do."""


class ProgressStoreLocked(ProgressStoreError):
    pass


@dataclass(frozen=True)
class ExerciseProgress:
    module: str
    exercise: str
    attempts: int
    best_points: float
    max_points: float
    first_passed_at: float | None
    hints_used: int

    @property
    def passed(self) -> bool:
        return self.first_passed_at is not None


@dataclass(frozen=True)
class ModuleProgress:
    module: str
    attempts: int
    best_score: float
    max_score: float
    first_passed_at: float | None  # first check with full marks
    last_checked_at: float


def _is_locked(exc: sqlite3.Error) -> bool:
    text = str(exc).lower()
    return "locked" in text or "busy" in text


def _is_corrupt(exc: sqlite3.Error) -> bool:
    text = str(exc).lower()
    return isinstance(exc, sqlite3.DatabaseError) and (
        "malformed" in text or "not a database" in text or "corrupt" in text
    )


class ProgressStore:
    """Open with `ProgressStore.open()`; `notices` holds what recovery did, for the user."""

    def __init__(self, path: Path, conn: sqlite3.Connection, notices: list[str]):
        self.path = path
        self._conn = conn
        self.notices = notices

    # ------------------------------------------------------------------ opening

    @classmethod
    def open(cls, path: Path | None = None, timeout: float = DEFAULT_TIMEOUT_S) -> ProgressStore:
        path = Path(path) if path else home.store_path()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ProgressStoreError(
                _("cannot create the folder for the progress store {path}: {error}").format(
                    path=path.parent, error=exc.strerror
                )
            ) from exc
        notices: list[str] = []
        try:
            conn = _connect_checked(path, timeout, notices)
        except _Corrupt as exc:
            conn = _recover(path, timeout, notices, str(exc))
        store = cls(path, conn, notices)
        store._ingest_pending()
        return store

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> ProgressStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ writing

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        try:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")
        except sqlite3.OperationalError as exc:
            if _is_locked(exc):
                raise ProgressStoreLocked(_locked_message(self.path)) from exc
            raise
        self._backup()

    def record_check(self, record: CheckRecord) -> None:
        """Store one check; if the store stays locked, keep it in the pending folder."""
        try:
            with self._write() as conn:
                _insert_check(conn, record)
        except ProgressStoreLocked as exc:
            saved = _save_pending(self.path, record)
            raise ProgressStoreLocked(
                f"{exc} "
                + _("Your result was kept in {path} and will be added next time.").format(
                    path=saved
                )
            ) from exc

    def reveal_hint(self, module: str, exercise: str, level: int) -> None:
        with self._write() as conn:
            conn.execute(
                "INSERT OR IGNORE INTO hints (module, exercise, level, revealed_at) "
                "VALUES (?, ?, ?, ?)",
                (module, exercise, level, time.time()),
            )

    def record_practice(self, answer: PracticeAnswer) -> None:
        """Store one answer to a practice question."""
        with self._write() as conn:
            conn.execute(
                "INSERT OR IGNORE INTO practice "
                "(uid, question, section, lang, reply, correct, answered_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    answer.uid,
                    answer.question,
                    answer.section,
                    answer.lang,
                    answer.reply,
                    int(answer.correct),
                    answer.answered_at,
                ),
            )

    # ------------------------------------------------------------------ reading

    def practice_answers(self) -> list[PracticeAnswer]:
        """Every practice answer, oldest first."""
        rows = self._read(
            "SELECT question, section, lang, reply, correct, answered_at, uid FROM practice "
            "ORDER BY answered_at, uid"
        )
        return [
            PracticeAnswer(q, section, lang, reply, bool(correct), at, uid)
            for q, section, lang, reply, correct, at, uid in rows
        ]

    def hints_revealed(self, module: str, exercise: str) -> int:
        row = self._read(
            "SELECT COALESCE(MAX(level), 0) FROM hints WHERE module = ? AND exercise = ?",
            (module, exercise),
        )
        return int(row[0][0])

    def checks(self, module: str | None = None) -> list[CheckRecord]:
        where, params = ("WHERE module = ?", (module,)) if module else ("", ())
        rows = self._read(
            "SELECT uid, module, lang, checked_at, curriculum, duration_s, sealed FROM checks "
            f"{where} ORDER BY checked_at",
            params,
        )
        outcomes: dict[str, list[ExerciseOutcome]] = {}
        for uid, exercise, points, max_points, diagnosis, message in self._read(
            "SELECT check_uid, exercise, points, max_points, diagnosis, message FROM outcomes"
        ):
            outcomes.setdefault(uid, []).append(
                ExerciseOutcome(exercise, points, max_points, diagnosis, message)
            )
        return [
            CheckRecord(
                module=m,
                lang=lang,
                outcomes=tuple(outcomes.get(uid, ())),
                curriculum=cur,
                duration_s=dur,
                checked_at=at,
                uid=uid,
                sealed=bool(sealed),
            )
            for uid, m, lang, at, cur, dur, sealed in rows
        ]

    def module_progress(self) -> list[ModuleProgress]:
        rows = self._read(
            "SELECT module, COUNT(*), MAX(score), MAX(max_score), "
            "MIN(CASE WHEN max_score > 0 AND score >= max_score - 1e-9 THEN checked_at END), "
            "MAX(checked_at) FROM checks GROUP BY module ORDER BY module"
        )
        return [ModuleProgress(*row) for row in rows]

    def exercise_progress(self) -> list[ExerciseProgress]:
        rows = self._read(
            "SELECT c.module, o.exercise, COUNT(*), MAX(o.points), MAX(o.max_points), "
            "MIN(CASE WHEN o.max_points > 0 AND o.points >= o.max_points - 1e-9 "
            "THEN c.checked_at END), "
            "(SELECT COALESCE(MAX(h.level), 0) FROM hints h "
            " WHERE h.module = c.module AND h.exercise = o.exercise) "
            "FROM outcomes o JOIN checks c ON c.uid = o.check_uid "
            "GROUP BY c.module, o.exercise ORDER BY c.module, o.exercise"
        )
        seen = {(r[0], r[1]) for r in rows}
        hint_only = [
            (m, e, 0, 0.0, 0.0, None, n)
            for m, e, n in self._read(
                "SELECT module, exercise, MAX(level) FROM hints GROUP BY module, exercise"
            )
            if (m, e) not in seen
        ]
        return [ExerciseProgress(*row) for row in sorted([*rows, *hint_only], key=lambda r: r[:2])]

    def _read(self, sql: str, params: tuple = ()) -> list[tuple]:
        try:
            return self._conn.execute(sql, params).fetchall()
        except sqlite3.OperationalError as exc:
            if _is_locked(exc):
                raise ProgressStoreLocked(_locked_message(self.path)) from exc
            raise
        except sqlite3.DatabaseError as exc:
            raise ProgressStoreError(
                _(
                    "the progress store {path} is damaged ({error}); run the command again to "
                    "repair it (the damaged file is kept aside)"
                ).format(path=self.path, error=exc)
            ) from exc

    # ------------------------------------------------------------------ safety nets

    def _backup(self) -> None:
        """Copy the store to `<store>.bak` atomically; a failed copy never fails the write."""
        backup = _backup_path(self.path)
        tmp = backup.with_name(backup.name + ".tmp")
        try:
            dest = sqlite3.connect(tmp)
            try:
                self._conn.backup(dest)
            finally:
                dest.close()
            os.replace(tmp, backup)
        except (sqlite3.Error, OSError):
            tmp.unlink(missing_ok=True)

    def _ingest_pending(self) -> None:
        folder = _pending_dir(self.path)
        if not folder.is_dir():
            return
        for file in sorted(folder.glob("*.json")):
            try:
                record = CheckRecord.from_json(json.loads(file.read_text(encoding="utf-8")))
            except (OSError, ValueError, TypeError) as exc:
                self.notices.append(
                    _("skipped an unreadable pending result {path}: {error}").format(
                        path=file, error=exc
                    )
                )
                continue
            try:
                with self._write() as conn:
                    _insert_check(conn, record)
            except ProgressStoreLocked:
                return  # still locked: try again next time, keep the files
            file.unlink(missing_ok=True)


# ---------------------------------------------------------------------- helpers


class _Corrupt(Exception):
    pass


def _backup_path(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


def _pending_dir(path: Path) -> Path:
    return path.with_name(path.name + ".pending")


def _locked_message(path: Path) -> str:
    return _(
        "the progress store {path} is locked by another program (another qcourse command or "
        "notebook still writing to it); wait for it to finish and try again."
    ).format(path=path)


def _connect_checked(path: Path, timeout: float, notices: list[str]) -> sqlite3.Connection:
    """Open, verify, and migrate the store; raise `_Corrupt` for a damaged file."""
    existed = path.exists() and path.stat().st_size > 0
    conn = sqlite3.connect(path, timeout=timeout, isolation_level=None)
    try:
        conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
        if existed:
            check = conn.execute("PRAGMA quick_check").fetchone()[0]
            if check != "ok":
                raise _Corrupt(check)
        version = schema_version(conn)
        if version > SCHEMA_VERSION:
            raise ProgressStoreError(
                _(
                    "the progress store {path} was written by a newer qcourse (schema {version}, "
                    "this one knows {known}); upgrade qcourse to use it"
                ).format(path=path, version=version, known=SCHEMA_VERSION)
            )
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA foreign_keys = ON")
        if version < SCHEMA_VERSION:
            if existed and version > 0:
                saved = path.with_name(f"{path.name}.v{version}.bak")
                dest = sqlite3.connect(saved)
                try:
                    conn.backup(dest)
                finally:
                    dest.close()
                notices.append(
                    _("upgraded the progress store; the previous file is kept in {path}").format(
                        path=saved
                    )
                )
            migrate(conn)
        return conn
    except sqlite3.OperationalError as exc:
        conn.close()
        if _is_locked(exc):
            raise ProgressStoreLocked(_locked_message(path)) from exc
        raise ProgressStoreError(_cannot_open(path, exc)) from exc
    except sqlite3.DatabaseError as exc:
        conn.close()
        if _is_corrupt(exc):
            raise _Corrupt(str(exc)) from exc
        raise ProgressStoreError(_cannot_open(path, exc)) from exc
    except BaseException:
        conn.close()
        raise


def _recover(path: Path, timeout: float, notices: list[str], reason: str) -> sqlite3.Connection:
    """Move the damaged store aside, start a fresh one, and copy back every readable row."""
    stamp = time.strftime("%Y%m%dT%H%M%S")
    aside = path.with_name(f"{path.name}.corrupt-{stamp}")
    n = 1
    while aside.exists():
        n += 1
        aside = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
    try:
        shutil.move(path, aside)
        for suffix in ("-wal", "-shm"):
            side = path.with_name(path.name + suffix)
            if side.exists():
                shutil.move(side, aside.with_name(aside.name + suffix))
    except OSError as exc:
        raise ProgressStoreError(
            _(
                "the progress store {path} is damaged ({reason}) and could not be moved aside "
                "({error}); move it away by hand and run the command again"
            ).format(path=path, reason=reason, error=exc.strerror)
        ) from exc
    conn = _connect_checked(path, timeout, notices)
    conn.execute("BEGIN IMMEDIATE")
    from_damaged = salvage_rows(aside, conn)
    from_backup = salvage_rows(_backup_path(path), conn)
    conn.execute("COMMIT")
    notices.append(
        _(
            "the progress store was damaged ({reason}); it was moved to {path} and a new one "
            "was created with {recovered} recovered from it and {backup} more from the last "
            "backup"
        ).format(
            reason=reason, path=aside, recovered=_count(from_damaged), backup=_count(from_backup)
        )
    )
    return conn


def _cannot_open(path: Path, exc: Exception) -> str:
    return _("cannot open the progress store {path}: {error}").format(path=path, error=exc)


def _count(rows: dict[str, int]) -> str:
    return _("{checks} checks, {hints} hints").format(
        checks=rows.get("checks", 0), hints=rows.get("hints", 0)
    )


def _insert_check(conn: sqlite3.Connection, record: CheckRecord) -> None:
    conn.execute(
        "INSERT OR IGNORE INTO checks "
        "(uid, module, lang, checked_at, score, max_score, curriculum, duration_s, sealed) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            record.uid,
            record.module,
            record.lang,
            record.checked_at,
            record.score,
            record.max_score,
            record.curriculum,
            record.duration_s,
            int(record.sealed),
        ),
    )
    conn.executemany(
        "INSERT OR IGNORE INTO outcomes "
        "(check_uid, exercise, points, max_points, diagnosis, message) VALUES (?, ?, ?, ?, ?, ?)",
        [
            (record.uid, o.exercise, o.points, o.max_points, o.diagnosis, o.message)
            for o in record.outcomes
        ],
    )


def _save_pending(path: Path, record: CheckRecord) -> Path:
    folder = _pending_dir(path)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{record.uid}.json"
    tmp = target.with_suffix(".tmp")
    tmp.write_text(json.dumps(record.to_json()), encoding="utf-8")
    os.replace(tmp, target)
    return target
