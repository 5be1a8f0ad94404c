"""`qcourse practice` in English and Korean, answered interactively and with --answer, its
answers in the progress store, and the per-exam-section table of `qcourse progress`."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

import pytest
from selfstudy_support import REPO, run_qcourse

from qcourse.curriculum.practice import load_practice
from qcourse.selfstudy.practice import choose_questions, section_scores, weighted_readiness
from qcourse.selfstudy.records import CheckRecord, ExerciseOutcome, PracticeAnswer
from qcourse.selfstudy.store import ProgressStore
from qcourse.selfstudy.store_schema import SCHEMA_VERSION, migrate

CURRICULUM = REPO / "curriculum"
BANK = load_practice(CURRICULUM)


def _practice(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "qcourse", "practice", "--curriculum", str(CURRICULUM)]
    return subprocess.run(
        [*command, *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "COLUMNS": "200"},
    )


def _right_reply(q) -> str:
    if q.kind == "single":
        return q.answer
    if q.kind == "multiple":
        return ",".join(q.answer)
    if q.kind == "numeric":
        return f"{q.answer:g}"
    return q.answer[0]


def _wrong_reply(q) -> str:
    if q.kind == "single":
        return next(o.key for o in q.options if o.key != q.answer)
    if q.kind == "multiple":
        return next(o.key for o in q.options if [o.key] != q.answer)
    if q.kind == "numeric":
        return f"{q.answer + 7:g}"
    return "certainly not this"


def _answers() -> list[PracticeAnswer]:
    with ProgressStore.open() as store:
        return store.practice_answers()


def test_answers_given_on_the_command_line_are_graded_explained_and_recorded(qhome):
    result = _practice(
        "--lang", "en", "--answer", "samp-bell-keys=B", "--answer", "ops-rx-probability=0.3"
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    out = " ".join(result.stdout.split())
    assert "samp-bell-keys: ✔ Right." in out
    assert "ops-rx-probability: ✘ Not right. The answer: 0.25" in out
    assert "P(1) = sin²(π/6) = 0.25" in out  # the explanation
    assert "1 of 2 answers right." in out
    recorded = {(a.question, a.section, a.lang, a.reply, a.correct) for a in _answers()}
    assert recorded == {
        ("samp-bell-keys", "sampler", "en", "B", True),
        ("ops-rx-probability", "operations", "en", "0.3", False),
    }


def test_a_bad_reply_or_question_is_an_error_and_nothing_is_recorded(qhome):
    bad = _practice("--lang", "en", "--answer", "samp-bell-keys=b", "--answer", "ops-cx-matrix=z")
    assert bad.returncode == 2
    assert "'z' does not answer question ops-cx-matrix: answer with one letter: a, b, c, d" in (
        bad.stderr
    )
    unknown = _practice("--lang", "ko", "--answer", "no-such-question=a")
    assert unknown.returncode == 2
    assert "연습 문제 은행에 문제 'no-such-question'가 없습니다" in unknown.stderr
    section = _practice("--lang", "en", "--section", "9", "--list")
    assert section.returncode == 2 and "the sections are: 1 operations, 2 visualization" in (
        section.stderr
    )
    malformed = _practice("--lang", "en", "--answer", "samp-bell-keys")
    assert malformed.returncode == 2 and "--answer takes QUESTION=REPLY" in malformed.stderr
    assert "Traceback" not in bad.stderr + unknown.stderr + section.stderr + malformed.stderr
    assert _answers() == []


def test_interactive_round_in_korean_right_wrong_and_a_reply_asked_again(qhome):
    first, second = choose_questions(BANK, [], sections=["openqasm"], count=2, seed=3)
    replies = ["zz", _right_reply(first), _wrong_reply(second)]
    if first.kind == "numeric":
        replies[0] = "not a number"
    result = _practice(
        "--lang", "ko", "--section", "8", "--count", "2", "--seed", "3",
        stdin="\n".join(replies) + "\n",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    out = " ".join(result.stdout.split())
    assert "1/2 · 8. OpenQASM 다루기" in out and "2/2 · 8. OpenQASM 다루기" in out
    assert " ".join(first.stem["ko"].replace("`", "").split()[:3]) in out  # Markdown
    assert "s는 건너뛰기, q는 그만" in out
    # "zz" was refused in Korean and asked again: prompt, warning, prompt
    assert out.split("✔")[0].count("답하십시오") == 3
    assert "✔ 맞았습니다." in out and "✘ 틀렸습니다. 정답:" in out
    assert " ".join(second.explanation["ko"].replace("`", "").split()[:4]) in out
    assert "2개 중 1개를 맞혔습니다." in out
    answers = _answers()
    assert [(a.question, a.correct, a.lang) for a in answers] == [
        (first.id, True, "ko"),
        (second.id, False, "ko"),
    ]


def test_retry_wrong_asks_only_the_mistakes_and_q_stops(qhome):
    with ProgressStore.open() as store:
        store.record_practice(PracticeAnswer("est-bell-zz", "estimator", "en", "0", False, 1.0))
        store.record_practice(PracticeAnswer("est-bell-zz", "estimator", "en", "1", True, 2.0))
        store.record_practice(PracticeAnswer("res-slice-bits", "results", "en", "b", False, 3.0))
    result = _practice("--lang", "en", "--retry-wrong", stdin="q\n")
    assert result.returncode == 0, result.stderr
    assert "res-slice-bits" in result.stdout and "1/1" in result.stdout
    assert "est-bell-zz" not in result.stdout  # its latest answer is right
    assert len(_answers()) == 3  # stopping records nothing
    none_left = _practice("--lang", "en", "--retry-wrong", "--section", "estimator")
    assert "No question to retry" in none_left.stdout


def test_list_shows_the_latest_answer_per_question(qhome):
    with ProgressStore.open() as store:
        store.record_practice(PracticeAnswer("qasm2-unbound-fails", "openqasm", "en", "b", True))
        store.record_practice(PracticeAnswer("qasm-dumps-version", "openqasm", "en", "a", False))
    result = _practice("--lang", "en", "--list", "--section", "openqasm")
    rows = {line.split("│")[1].strip(): line for line in result.stdout.splitlines() if "│" in line}
    assert set(rows) == {q.id for q in BANK.in_section("openqasm")}
    assert "right" in rows["qasm2-unbound-fails"] and "wrong" in rows["qasm-dumps-version"]
    assert "–" in rows["qasm2-loads-measure"]


def test_progress_shows_coverage_and_score_per_exam_section(qhome, tmp_path):
    for reply in ("samp-bell-keys=b", "samp-default-shots=1024", "samp-register-field=a"):
        assert _practice("--lang", "en", "--answer", reply).returncode == 0
    assert _practice("--lang", "en", "--answer", "ops-cx-matrix=a").returncode == 0
    with ProgressStore.open() as store:  # one course exercise mapped to the Sampler passed
        store.record_check(
            CheckRecord(
                "13-qiskit-patterns",
                "en",
                (ExerciseOutcome("sweep_pub", 1.0, 1.0), ExerciseOutcome("fez_isa", 0.0, 1.0)),
            )
        )
    args = ("progress", "--curriculum", str(CURRICULUM), "--out", str(tmp_path / "p.png"))
    result = run_qcourse(*args, "--lang", "en", env={**os.environ, "COLUMNS": "200"})
    assert result.returncode == 0, result.stderr
    rows = {
        line.split("│")[1].strip(): [c.strip() for c in line.split("│")[2:-1]]
        for line in result.stdout.splitlines()
        if "│" in line
    }
    assert rows["5. Use the Sampler primitive"] == ["12%", "3 / 8", "2", "67%", "1 / 3"]
    assert rows["1. Perform quantum operations"] == ["16%", "1 / 11", "0", "0%", "0 / 7"]
    assert rows["4. Run quantum circuits (jobs, sessions, batches, runtime primitives)"][-1] == (
        "0 / 8"  # fez_isa was checked but not passed
    )
    assert rows["8. Operate with OpenQASM"] == ["6%", "0 / 5", "0", "–", "0 / 2"]
    assert rows["2. Visualize quantum circuits, measurements and states"][-1] == "0 / 5"
    flat = " ".join(result.stdout.split())
    assert "Certification practice: IBM C1000-179" in flat
    assert "Exam-weighted share of the bank answered right: 3%" in flat  # 12 * 2/8 / 100
    ko = run_qcourse(*args, "--lang", "ko", env={**os.environ, "COLUMNS": "200"})
    assert "자격증 연습" in ko.stdout and "5. Sampler 프리미티브 사용" in ko.stdout
    assert "시험 영역" in ko.stdout and "67%" in ko.stdout
    # the transcript carries the same table
    out = tmp_path / "transcript"
    transcript = ("transcript", "--curriculum", str(CURRICULUM), "--out", str(out), "--no-pdf")
    for lang in ("en", "ko"):
        assert run_qcourse(*transcript, "--lang", lang).returncode == 0
    html = (out / "transcript-en.html").read_text(encoding="utf-8")
    assert "<h2>Certification practice: IBM C1000-179" in html
    assert (
        "<tr><td>5. Use the Sampler primitive</td><td>12%</td><td>3 / 8</td><td>2</td>"
        "<td>67%</td></tr>"
    ) in html
    assert "<td>1. Perform quantum operations</td><td>16%</td><td>1 / 11</td><td>0</td>" in html
    assert "자격증 연습" in (out / "transcript-ko.html").read_text(encoding="utf-8")


def test_a_transcript_without_practice_answers_has_no_practice_table(qhome, tmp_path):
    out = tmp_path / "transcript"
    args = ("transcript", "--curriculum", str(CURRICULUM), "--out", str(out), "--no-pdf")
    assert run_qcourse(*args, "--lang", "en").returncode == 0
    assert "Certification practice" not in (out / "transcript-en.html").read_text("utf-8")


def test_section_scores_count_the_latest_answer_per_question():
    answers = [
        PracticeAnswer("samp-bell-keys", "sampler", "en", "a", False, 1.0),
        PracticeAnswer("samp-bell-keys", "sampler", "en", "b", True, 2.0),
        PracticeAnswer("samp-pub-format", "sampler", "en", "b,c", True, 3.0),
        PracticeAnswer("samp-pub-format", "sampler", "en", "b", False, 4.0),
    ]
    rows = {r.section: r for r in section_scores(BANK, answers, "en")}
    sampler = rows["sampler"]
    assert (sampler.questions, sampler.answered, sampler.right, sampler.score) == (8, 2, 1, 50.0)
    assert rows["openqasm"].score is None
    assert weighted_readiness(list(rows.values())) == pytest.approx(12 * (1 / 8))


def test_the_store_migrates_to_the_practice_schema_and_salvages_answers(tmp_path):
    path = tmp_path / "p.sqlite3"
    old = sqlite3.connect(path, isolation_level=None)
    migrate(old, target=3)
    old.close()
    with ProgressStore.open(path) as store:
        assert any("upgraded" in n for n in store.notices)
        store.record_check(CheckRecord("01-m", "en", (ExerciseOutcome("ex", 1.0, 1.0),)))
        store.record_practice(PracticeAnswer("samp-bell-keys", "sampler", "ko", "b", True, 5.0))
    assert (tmp_path / "p.sqlite3.v3.bak").is_file()
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    path.write_bytes(b"not a database" * 200)  # damaged: the backup still has the answer
    for side in ("-wal", "-shm"):
        path.with_name(path.name + side).unlink(missing_ok=True)
    with ProgressStore.open(path) as store:
        (answer,) = store.practice_answers()
        assert (answer.question, answer.lang, answer.correct, answer.answered_at) == (
            "samp-bell-keys",
            "ko",
            True,
            5.0,
        )


def test_the_workspace_practice_page_follows_the_workspace_language(tmp_path, curriculum_root):
    import nbformat

    from qcourse.selfstudy.practice import write_practice_page

    assert write_practice_page(tmp_path, "en", curriculum_root) is None  # no bank, no page
    page = write_practice_page(tmp_path, "ko", CURRICULUM)
    nb = nbformat.read(page, as_version=4)
    nbformat.validate(nb)
    assert nb.metadata["qcourse"] == {"lang": "ko", "page": "practice"}
    assert nb.cells[0].source.startswith("# 자격증 연습: IBM C1000-179")
    for s in BANK.sections:
        assert f"`{s.id}`" in nb.cells[0].source
    assert [c.source for c in nb.cells if c.cell_type == "code"][0] == (
        "from qcourse.selfstudy import practice"
    )
    nb.cells[3].outputs = [nbformat.v4.new_output("stream", text="my round")]
    nbformat.write(nb, page)
    before = page.read_bytes()
    write_practice_page(tmp_path, "ko", CURRICULUM)  # same language: the learner's outputs stay
    assert page.read_bytes() == before
    write_practice_page(tmp_path, "en", CURRICULUM)
    assert nbformat.read(page, as_version=4).cells[0].source.startswith("# Certification practice")


def test_practice_in_a_notebook_session_asks_grades_and_records(qhome):
    (question,) = choose_questions(BANK, [], sections=["estimator"], count=1, seed=0)
    code = (
        "from qcourse.selfstudy import practice\n"
        f"practice(section='estimator', count=1, seed=0, lang='en', curriculum={str(CURRICULUM)!r})\n"
        f"practice(section='nope', lang='en', curriculum={str(CURRICULUM)!r})\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        input=_right_reply(question) + "\n",
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    out = " ".join(result.stdout.split())
    assert question.id in out and "✔ Right." in out
    assert "practice: no exam section 'nope'" in out and "Traceback" not in result.stderr
    assert [(a.question, a.correct) for a in _answers()] == [(question.id, True)]
