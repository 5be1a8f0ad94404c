"""`qcourse grade` with a PostgreSQL gradebook (`db_url`), on a throwaway local cluster."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from instructor_fixture import MODULE_ID, TOTAL_POINTS
from instructor_support import dump_gradebook, make_course

from qcourse.instructor.coursedir import open_course
from qcourse.instructor.grading import GradeOptions, grade_module

pytestmark = pytest.mark.slow


def _pg_bin() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not found:
        subprocess.run(["apt-get", "update", "-q"], check=True, capture_output=True)
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        subprocess.run(
            ["apt-get", "install", "-y", "-q", "postgresql"],
            check=True,
            capture_output=True,
            env=env,
        )
        found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(found[-1]).parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _as_postgres(*cmd: str) -> None:
    subprocess.run(["runuser", "-u", "postgres", "--", *cmd], check=True, capture_output=True)


@pytest.fixture
def postgres_url():
    if os.geteuid() != 0:
        pytest.fail("this test starts a PostgreSQL cluster as the postgres user: run it as root")
    try:
        import psycopg2  # noqa: F401
    except ImportError:
        subprocess.run(
            [sys.executable, "-m", "pip", "install", "-q", "psycopg2-binary>=2.9"], check=True
        )
    pg = _pg_bin()
    data = Path(tempfile.mkdtemp(prefix="qcourse-pg-"))
    shutil.chown(data, "postgres", "postgres")
    port = _free_port()
    _as_postgres(str(pg / "initdb"), "-D", str(data / "db"), "-A", "trust", "-U", "postgres")
    _as_postgres(
        str(pg / "pg_ctl"), "-D", str(data / "db"), "-l", str(data / "log"), "-w", "start",
        "-o", f"-p {port} -h 127.0.0.1 -k {data}",
    )  # fmt: skip
    try:
        _as_postgres(str(pg / "createdb"), "-h", "127.0.0.1", "-p", str(port), "gradebook")
        yield f"postgresql+psycopg2://postgres@127.0.0.1:{port}/gradebook"
    finally:
        _as_postgres(str(pg / "pg_ctl"), "-D", str(data / "db"), "-m", "immediate", "stop")
        shutil.rmtree(data, ignore_errors=True)


def test_grade_into_a_postgresql_gradebook(tmp_path, postgres_url):
    course = make_course(tmp_path / "course", ["ada", "ben", "hana"], db_url=postgres_url)
    assert open_course(course).db_url == postgres_url
    run = grade_module(open_course(course), MODULE_ID, GradeOptions(workers=2))
    assert {r.student: r.status for r in run.results} == {
        "ada": "graded",
        "ben": "graded",
        "hana": "failed",
    }
    dump = dump_gradebook(postgres_url)
    assert sorted(dump["submissions"]) == ["ada", "ben"]
    assert dump["submissions"]["ada"]["score"] == TOTAL_POINTS
    assert 0 < dump["submissions"]["ben"]["score"] < TOTAL_POINTS
    assert not (course / "gradebook.db").exists()  # nothing went to SQLite
