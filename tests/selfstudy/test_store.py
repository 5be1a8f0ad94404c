"""The progress store records checks and hints and never loses them: lock, migration, damage."""

from __future__ import annotations

import sqlite3

import pytest

from qcourse.selfstudy.records import CheckRecord, ExerciseOutcome
from qcourse.selfstudy.store import ProgressStore, ProgressStoreError, ProgressStoreLocked
from qcourse.selfstudy.store_schema import SCHEMA_VERSION, migrate


def _record(module="01-m", at=1000.0, points=(0.0, 2.0)) -> CheckRecord:
    return CheckRecord(
        module=module,
        lang="en",
        outcomes=(
            ExerciseOutcome("ex_a", points[0], 1.0, None if points[0] else "bit_flip", "msg"),
            ExerciseOutcome("ex_b", points[1], 2.0),
        ),
        checked_at=at,
    )


def _uids(path) -> set[str]:
    with ProgressStore.open(path) as store:
        return {c.uid for c in store.checks()}


def test_checks_attempts_best_score_and_first_pass(tmp_path):
    path = tmp_path / "p.sqlite3"
    with ProgressStore.open(path) as store:
        store.record_check(_record(at=10, points=(0.0, 2.0)))
        store.record_check(_record(at=20, points=(1.0, 0.0)))
        store.record_check(_record(at=30, points=(1.0, 2.0)))
        store.reveal_hint("01-m", "ex_a", 1)
        store.reveal_hint("01-m", "ex_a", 2)
        store.reveal_hint("01-m", "ex_a", 2)  # revealing again counts once
    with ProgressStore.open(path) as store:
        (module,) = store.module_progress()
        assert (module.attempts, module.best_score, module.max_score) == (3, 3.0, 3.0)
        assert module.first_passed_at == 30
        by_ex = {e.exercise: e for e in store.exercise_progress()}
        assert by_ex["ex_a"].first_passed_at == 20 and by_ex["ex_a"].hints_used == 2
        assert by_ex["ex_b"].first_passed_at == 10 and by_ex["ex_b"].attempts == 3
        assert store.hints_revealed("01-m", "ex_a") == 2
        assert store.hints_revealed("01-m", "ex_b") == 0
        first = store.checks("01-m")[0]
        assert first.outcomes[0].diagnosis == "bit_flip" and first.score == 2.0
    assert path.with_name("p.sqlite3.bak").is_file()
    assert sqlite3.connect(path).execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_locked_store_gives_a_clear_message_and_keeps_the_result(tmp_path):
    path = tmp_path / "p.sqlite3"
    ProgressStore.open(path).close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    record = _record()
    try:
        store = ProgressStore.open(path, timeout=0.2)
        with pytest.raises(ProgressStoreLocked, match="locked by another program") as info:
            store.record_check(record)
        assert "will be added next time" in str(info.value)
        store.close()
        assert (tmp_path / "p.sqlite3.pending" / f"{record.uid}.json").is_file()
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert _uids(path) == {record.uid}  # the pending result was added on the next open
    assert not list((tmp_path / "p.sqlite3.pending").glob("*.json"))


def test_migration_keeps_rows_and_backs_up_the_old_file(tmp_path):
    path = tmp_path / "p.sqlite3"
    old = sqlite3.connect(path, isolation_level=None)
    migrate(old, target=1)
    old.execute("INSERT INTO checks VALUES ('u1', '01-m', 'ko', 5.0, 1.0, 3.0)")
    old.close()
    with ProgressStore.open(path) as store:
        assert any("upgraded" in n for n in store.notices)
        (check,) = store.checks()
        assert (check.uid, check.lang, check.curriculum) == ("u1", "ko", "")
    backup = sqlite3.connect(tmp_path / "p.sqlite3.v1.bak")
    assert backup.execute("SELECT uid FROM checks").fetchall() == [("u1",)]
    assert backup.execute("PRAGMA user_version").fetchone()[0] == 1
    current = sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0]
    assert current == SCHEMA_VERSION


def test_store_from_a_newer_qcourse_is_refused_untouched(tmp_path):
    path = tmp_path / "p.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(ProgressStoreError, match="newer qcourse"):
        ProgressStore.open(path)
    assert path.read_bytes() == before


def _fill(path, n) -> set[str]:
    with ProgressStore.open(path) as store:
        for i in range(n):
            store.record_check(_record(module=f"{i % 4:02d}-m", at=float(i)))
        return {c.uid for c in store.checks()}


def test_damaged_pages_are_moved_aside_and_readable_rows_salvaged(tmp_path):
    path = tmp_path / "p.sqlite3"
    uids = _fill(path, 300)
    _checkpoint(path)
    path.with_name("p.sqlite3.bak").unlink()  # only the damaged file itself to salvage from
    data = bytearray(path.read_bytes())
    page = 4096
    assert len(data) > 8 * page
    data[-3 * page : -2 * page] = b"\xa5" * page  # one page near the end is garbage
    path.write_bytes(bytes(data))

    store = ProgressStore.open(path)
    (notice,) = [n for n in store.notices if "damaged" in n]
    recovered = {c.uid for c in store.checks()}
    store.close()
    assert "moved to" in notice
    assert list(tmp_path.glob("p.sqlite3.corrupt-*"))
    assert recovered <= uids
    assert len(recovered) > 0


def test_unreadable_store_is_restored_from_its_backup(tmp_path):
    path = tmp_path / "p.sqlite3"
    uids = _fill(path, 20)
    _checkpoint(path)
    path.write_bytes(b"this is not a database at all" * 100)
    for side in ("-wal", "-shm"):
        path.with_name(path.name + side).unlink(missing_ok=True)
    store = ProgressStore.open(path)
    assert any(
        "damaged" in n and "20 checks, 0 hints more from the last backup" in n
        for n in store.notices
    )
    assert {c.uid for c in store.checks()} == uids
    store.close()
    (aside,) = tmp_path.glob("p.sqlite3.corrupt-*")
    assert aside.read_bytes().startswith(b"this is not a database")


def _checkpoint(path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
