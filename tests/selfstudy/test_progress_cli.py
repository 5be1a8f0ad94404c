"""`qcourse hint`, `qcourse progress` and `qcourse transcript` on a real progress store."""

from __future__ import annotations

import sqlite3

from selfstudy_support import MODULE, run_qcourse

from qcourse.selfstudy.records import CheckRecord, ExerciseOutcome
from qcourse.selfstudy.store import ProgressStore


def _checks(first: float = 1_700_000_000.0) -> None:
    """Three checks: Φ⁻ wrong twice, then right; |+> never passed."""
    with ProgressStore.open() as store:
        for k, bell in enumerate((0.0, 0.0, 2.0)):
            store.record_check(
                CheckRecord(
                    module=MODULE,
                    lang="en",
                    outcomes=(
                        ExerciseOutcome("plus_state", 0.0, 1.0, "bit_flip", "flipped"),
                        ExerciseOutcome("bell_phi_minus", bell, 2.0),
                    ),
                    checked_at=first + 60 * k,
                )
            )


def _args(lab, *extra):
    return (*extra, "--dir", str(lab.root))


def test_hints_are_revealed_one_at_a_time_and_remembered(lab):
    first = run_qcourse(*_args(lab, "hint", "01", "bell_phi_minus"))
    assert first.returncode == 0, first.stderr
    assert "Hint 1/2" in first.stdout and "Start from Φ⁺" in first.stdout
    assert "Hint 2/2" not in first.stdout
    second = run_qcourse(*_args(lab, "hint", "01", "bell_phi_minus", "--lang", "ko"))
    assert "힌트 1/2" in second.stdout and "힌트 2/2" in second.stdout
    assert "Z를 걸면" in second.stdout and "마지막 힌트" in second.stdout
    with ProgressStore.open() as store:
        assert store.hints_revealed(MODULE, "bell_phi_minus") == 2
        assert store.hints_revealed(MODULE, "plus_state") == 0
    unknown = run_qcourse(*_args(lab, "hint", "01", "no_such_exercise"))
    assert unknown.returncode == 2
    assert "has no exercise 'no_such_exercise'" in unknown.stderr
    assert "Traceback" not in unknown.stderr


def test_progress_table_per_module_and_competence_and_a_plot(lab, tmp_path):
    _checks()
    run_qcourse(*_args(lab, "hint", "01", "plus_state"))
    png = tmp_path / "p.png"
    result = run_qcourse(*_args(lab, "progress", "--out", str(png)), env=None)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert MODULE in out
    assert "2 / 3" in out  # best score of the module
    # entanglement passed at A2, qubit states not yet
    lines = {line.split("│")[1].strip(): line for line in out.splitlines() if "│" in line}
    entanglement = next(v for k, v in lines.items() if k.startswith("Composite systems"))
    assert "1 / 1" in entanglement and "A2" in entanglement
    qubits = next(v for k, v in lines.items() if k.startswith("Qubits, superposition"))
    assert "0 / 1" in qubits
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert f"plot: {png}" in out.replace("\n", "")


def test_transcript_maps_evidence_to_cfqt_levels_in_both_languages(lab, tmp_path):
    _checks()
    out = tmp_path / "t"
    name = "Kim <script>alert(1)</script>"
    en = run_qcourse(*_args(lab, "transcript", "--out", str(out), "--name", name, "--lang", "en"))
    assert en.returncode == 0, en.stderr
    html = (out / "transcript-en.html").read_text()
    assert "Composite systems and entanglement" in html
    assert "A2 — Beginner: can explain and use with guidance" in html
    assert "The Bell state Φ⁻" in html and "3 checks" in html
    assert "not yet demonstrated" in html  # qubit states: nothing passed
    assert "<script>" not in html and "Kim &lt;script&gt;" in html
    assert (out / "transcript-en.pdf").read_bytes()[:5] == b"%PDF-"
    ko = run_qcourse(*_args(lab, "transcript", "--out", str(out), "--lang", "ko", "--no-pdf"))
    assert ko.returncode == 0, ko.stderr
    html_ko = (out / "transcript-ko.html").read_text()
    assert '<html lang="ko">' in html_ko and "역량 성적 증명서" in html_ko
    assert "복합계와 얽힘" in html_ko and "A2 — 입문" in html_ko


def test_a_damaged_store_is_reported_and_recovered_not_a_traceback(lab, qhome):
    _checks()
    store = qhome / "progress.sqlite3"
    conn = sqlite3.connect(store)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    store.write_bytes(b"garbage" * 500)
    result = run_qcourse(*_args(lab, "progress", "--out", str(qhome / "p.png")))
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    flat = " ".join(result.stdout.split())
    assert "damaged" in flat and "3 checks, 0 hints more from the last backup" in flat
    assert "2 / 3" in result.stdout  # the recorded progress is still there
    assert list(qhome.glob("progress.sqlite3.corrupt-*"))


def test_a_locked_store_is_a_clear_message(lab, qhome):
    ProgressStore.open().close()
    holder = sqlite3.connect(qhome / "progress.sqlite3", isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        result = run_qcourse(*_args(lab, "hint", "01", "plus_state"))
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert result.returncode == 2
    assert "locked by another program" in result.stderr
    assert "Traceback" not in result.stderr
