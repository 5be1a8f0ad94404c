"""Copy the slice of a gradebook that one student's autograde reads and writes.

A worker grades a submission against a private SQLite gradebook holding only this slice (the
course, the assignment with its notebooks and cells, the student, and the student's existing
submission rows), with the rows' own primary keys. Afterwards the student's rows are read back
and upserted into the real gradebook (SQLite or PostgreSQL) in one transaction, so the real
gradebook ends with exactly the rows sequential `nbgrader autograde` would have written, and a
failure leaves none of them.
"""

from __future__ import annotations

from typing import Any

Rows = dict[str, list[dict[str, Any]]]

DEFINITION_TABLES = (
    "assignment",
    "notebook",
    "base_cell",
    "grade_cells",
    "solution_cells",
    "task_cells",
    "source_cell",
)
STUDENT_TABLES = ("student", "submitted_assignment", "submitted_notebook", "grade", "comment")


def _tables():
    from nbgrader.api import Base

    return Base.metadata.tables


def _select(conn, table, column, values) -> list[dict[str, Any]]:
    from sqlalchemy import select

    if not values:
        return []
    stmt = select(table).where(table.c[column].in_(list(values)))
    return [dict(row._mapping) for row in conn.execute(stmt)]


def _ids(rows: list[dict[str, Any]]) -> list[Any]:
    return [row["id"] for row in rows]


def student_rows(conn, assignment_id: str, student_id: str) -> Rows:
    """The rows autograde writes for (assignment row id, student)."""
    t = _tables()
    rows: Rows = {"student": _select(conn, t["student"], "id", [student_id])}
    subs = [
        r
        for r in _select(conn, t["submitted_assignment"], "assignment_id", [assignment_id])
        if r["student_id"] == student_id
    ]
    rows["submitted_assignment"] = subs
    sub_nbs = _select(conn, t["submitted_notebook"], "assignment_id", _ids(subs))
    rows["submitted_notebook"] = sub_nbs
    rows["grade"] = _select(conn, t["grade"], "notebook_id", _ids(sub_nbs))
    rows["comment"] = _select(conn, t["comment"], "notebook_id", _ids(sub_nbs))
    return rows


def extract(db_url: str, course_id: str, assignment: str, student_id: str) -> Rows:
    """The slice of the gradebook at `db_url` that autograding `student_id` touches."""
    from nbgrader.api import Gradebook, MissingEntry

    t = _tables()
    with Gradebook(db_url, course_id) as gb:
        try:
            assignment_row = gb.find_assignment(assignment)
        except MissingEntry as exc:
            raise LookupError(
                f"the gradebook has no assignment {assignment!r}: run "
                f"`nbgrader generate_assignment {assignment}` first"
            ) from exc
        conn = gb.db.connection()
        rows: Rows = {"course": _select(conn, t["course"], "id", [course_id])}
        rows["assignment"] = _select(conn, t["assignment"], "id", [assignment_row.id])
        rows["notebook"] = _select(conn, t["notebook"], "assignment_id", [assignment_row.id])
        nb_ids = _ids(rows["notebook"])
        rows["base_cell"] = _select(conn, t["base_cell"], "notebook_id", nb_ids)
        cell_ids = _ids(rows["base_cell"])
        for name in ("grade_cells", "solution_cells", "task_cells"):
            rows[name] = _select(conn, t[name], "id", cell_ids)
        rows["source_cell"] = _select(conn, t["source_cell"], "notebook_id", nb_ids)
        rows.update(student_rows(conn, assignment_row.id, student_id))
    return rows


def empty_gradebook(db_url: str, course_id: str) -> bytes:
    """An empty SQLite gradebook (schema, alembic stamp, course row), as file bytes.

    Made once per run by the coordinator. A new gradebook is stamped with the alembic revision
    of the course's own gradebook (`db_url`) rather than through nbgrader's route, which runs the
    `alembic` program (seconds of start-up while every worker waits for its first task).
    """
    import tempfile
    from pathlib import Path

    from nbgrader.api import Base, Gradebook
    from sqlalchemy import create_engine, text

    course = create_engine(db_url, future=True)
    try:
        with course.connect() as conn:
            revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
    finally:
        course.dispose()
    with tempfile.TemporaryDirectory(prefix="qcourse-gb-") as tmp:
        path = Path(tmp) / "gradebook.db"
        engine = create_engine("sqlite:///" + str(path), future=True)
        try:
            Base.metadata.create_all(bind=engine)
            with engine.begin() as conn:
                conn.execute(
                    text("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
                )
                conn.execute(
                    text("INSERT INTO alembic_version (version_num) VALUES (:v)"), {"v": revision}
                )
        finally:
            engine.dispose()
        with Gradebook("sqlite:///" + str(path), course_id):  # adds the course row
            pass
        return path.read_bytes()


def materialize(rows: Rows, path: str, empty: bytes) -> None:
    """Create a private SQLite gradebook at `path` holding exactly `rows`."""
    from pathlib import Path

    from sqlalchemy import create_engine

    Path(path).write_bytes(empty)
    t = _tables()
    engine = create_engine("sqlite:///" + path, future=True)
    try:
        with engine.begin() as conn:
            for name in DEFINITION_TABLES + STUDENT_TABLES:
                if rows.get(name):
                    conn.execute(t[name].insert(), rows[name])
    finally:
        engine.dispose()


def read_student(db_url: str, course_id: str, assignment: str, student_id: str) -> Rows:
    """The student's rows after grading (from a worker's private gradebook)."""
    from nbgrader.api import Gradebook

    with Gradebook(db_url, course_id) as gb:
        assignment_row = gb.find_assignment(assignment)
        return student_rows(gb.db.connection(), assignment_row.id, student_id)


def write_student(db_url: str, course_id: str, rows: Rows) -> None:
    """Upsert one student's graded rows into the real gradebook, all or nothing."""
    from nbgrader.api import Gradebook
    from sqlalchemy import select

    t = _tables()
    with Gradebook(db_url, course_id) as gb:
        session = gb.db
        try:
            conn = session.connection()
            for name in STUDENT_TABLES:
                table = t[name]
                for row in rows.get(name, []):
                    exists = conn.execute(select(table.c.id).where(table.c.id == row["id"])).first()
                    if exists:
                        values = {k: v for k, v in row.items() if k != "id"}
                        conn.execute(table.update().where(table.c.id == row["id"]).values(values))
                    else:
                        conn.execute(table.insert().values(row))
            session.commit()
        except BaseException:
            session.rollback()
            raise
