"""`qcourse course init`: a ready nbgrader course directory for the curriculum."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from qcourse.instructor.coursedir import CONFIG_NAME, QCOURSE_FILE

DEFAULT_EXCHANGE = "/srv/nbgrader/exchange"
LANGS = ("en", "ko")
_COURSE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")

CONFIG_TEMPLATE = """\
# nbgrader configuration written by `qcourse course init`; edit freely.
# Run nbgrader (and qcourse grade/report) from this directory.
c = get_config()  # noqa: F821

c.CourseDirectory.course_id = {course_id!r}

# The exchange: where released assignments, submissions and feedback travel between the
# instructor and the students. Shared by everyone (on a hub: a shared volume), and
# world-writable with the sticky bit: `mkdir -p DIR && chmod 1777 DIR`.
c.Exchange.root = {exchange!r}

# The gradebook. SQLite in this folder by default: fine for one instructor machine, since
# `qcourse grade` writes it from one process. For several graders, or the formgrader on a hub,
# use PostgreSQL (pip install "qcourse[postgres]"), e.g.
#   c.CourseDirectory.db_url = "postgresql+psycopg2://nbgrader:SECRET@db.example.org:5432/{course_id}"
c.CourseDirectory.db_url = {db_url!r}

# Aer simulations are slower than typical notebook code: up to 5 minutes per cell, and an
# endless loop is interrupted after that (the cell then fails).
c.Execute.timeout = {cell_timeout}
c.Execute.interrupt_on_timeout = True
c.Execute.kernel_name = "python3"

# Late submissions are flagged in the gradebook; to also take points off, see nbgrader's
# LateSubmissionPlugin (c.AssignLatePenalties.plugin_class).
"""


@dataclass
class InitResult:
    course_dir: Path
    sources: list[Path] = field(default_factory=list)
    students: int = 0
    notes: list[str] = field(default_factory=list)


def write_config(
    course_dir: Path,
    course_id: str,
    *,
    exchange: str = DEFAULT_EXCHANGE,
    db_url: str | None = None,
    cell_timeout: int = 300,
) -> Path:
    db_url = db_url or "sqlite:///" + str((course_dir / "gradebook.db").resolve())
    path = course_dir / CONFIG_NAME
    path.write_text(
        CONFIG_TEMPLATE.format(
            course_id=course_id, exchange=exchange, db_url=db_url, cell_timeout=int(cell_timeout)
        ),
        encoding="utf-8",
    )
    return path


def write_course_file(course_dir: Path, course_id: str, lang: str) -> Path:
    path = course_dir / QCOURSE_FILE
    path.write_text(
        "# qcourse settings of this course (nbgrader's are in nbgrader_config.py)\n"
        f'course_id = "{course_id}"\nlang = "{lang}"  # language of notebooks and reports\n',
        encoding="utf-8",
    )
    return path


def prepare_exchange(exchange: str) -> str | None:
    """Create the exchange directory (mode 1777) if possible; a note if it is not usable."""
    root = Path(exchange)
    try:
        root.mkdir(parents=True, exist_ok=True)
        if (root.stat().st_mode & 0o1777) != 0o1777:
            root.chmod(0o1777)
    except OSError as exc:
        return (
            f"could not prepare the exchange {exchange} ({exc.strerror}): as root, run "
            f"`mkdir -p {exchange} && chmod 1777 {exchange}`"
        )
    return None


def init_course(
    course_dir: Path,
    course_id: str,
    lang: str,
    *,
    exchange: str = DEFAULT_EXCHANGE,
    db_url: str | None = None,
    modules: list[str] | None = None,
    curriculum_root: Path | None = None,
    roster: Path | None = None,
    force: bool = False,
) -> InitResult:
    """Write the config, build the modules into `source/`, create the gradebook and roster."""
    from qcourse.instructor.grading import tools_on_path
    from qcourse.instructor.roster import import_roster, read_roster

    if lang not in LANGS:
        raise ValueError(f"--lang must be one of {', '.join(LANGS)}, got {lang!r}")
    if not _COURSE_ID.match(course_id):
        raise ValueError(
            f"course id {course_id!r} must start with a letter or digit and contain only "
            "letters, digits, '_', '.' and '-'"
        )
    course_dir = Path(course_dir).resolve()
    if (course_dir / CONFIG_NAME).exists() and not force:
        raise FileExistsError(
            f"{course_dir / CONFIG_NAME} already exists: this is a course already "
            "(use --force to overwrite its configuration)"
        )
    parsed_roster = read_roster(roster) if roster else None  # fail before writing anything
    tools_on_path()
    course_dir.mkdir(parents=True, exist_ok=True)
    result = InitResult(course_dir=course_dir)
    write_config(course_dir, course_id, exchange=exchange, db_url=db_url)
    write_course_file(course_dir, course_id, lang)
    note = prepare_exchange(exchange)
    if note:
        result.notes.append(note)

    from qcourse.curriculum import build_source, load_curriculum

    curriculum = load_curriculum(curriculum_root) if curriculum_root else load_curriculum()
    result.sources = build_source(course_dir, lang, modules or None, curriculum=curriculum)

    from qcourse.instructor.coursedir import open_course

    course = open_course(course_dir)
    from nbgrader.api import Gradebook

    with Gradebook(course.db_url, course.course_id):
        pass  # create the gradebook now, so a wrong db_url fails here
    if parsed_roster:
        result.students = import_roster(course.db_url, course.course_id, parsed_roster)
        if parsed_roster.ignored_columns:
            result.notes.append(
                "roster columns ignored (as nbgrader does): "
                + ", ".join(parsed_roster.ignored_columns)
            )
    return result
