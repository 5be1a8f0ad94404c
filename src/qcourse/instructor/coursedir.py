"""Open an nbgrader course directory: its config, gradebook URL, folders and course language."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

CONFIG_NAME = "nbgrader_config.py"
QCOURSE_FILE = "qcourse.toml"  # what nbgrader does not know: the course language


class CourseError(Exception):
    """The directory is not a usable nbgrader course (message says what is expected)."""


@dataclass(frozen=True)
class Course:
    root: Path
    course_id: str
    db_url: str
    lang: str
    config: Any  # traitlets Config loaded from nbgrader_config.py

    def step_dir(self, step: str, student_id: str = ".", assignment_id: str = ".") -> Path:
        """`<root>/<step>/<student>/<assignment>` following nbgrader's directory_structure."""
        return Path(self.coursedir().format_path(step, student_id, assignment_id))

    def coursedir(self, **overrides: Any):
        from nbgrader.coursedir import CourseDirectory

        cd = CourseDirectory(config=self.config)
        cd.root = str(self.root)
        for key, value in overrides.items():
            setattr(cd, key, value)
        return cd

    @property
    def submitted(self) -> str:
        return self.coursedir().submitted_directory

    @property
    def autograded(self) -> str:
        return self.coursedir().autograded_directory


def load_config(root: Path) -> Any:
    from traitlets.config.loader import PyFileConfigLoader

    try:
        return PyFileConfigLoader(CONFIG_NAME, path=str(root)).load_config()
    except Exception as exc:  # a syntax error in the instructor's config
        raise CourseError(f"cannot read {root / CONFIG_NAME}: {exc}") from exc


def open_course(root: Path | str | None = None) -> Course:
    """The course at `root` (default: the current directory)."""
    root = Path(root or ".").resolve()
    if not (root / CONFIG_NAME).is_file():
        raise CourseError(
            f"{root} is not a course directory: expected {CONFIG_NAME} there "
            "(create one with `qcourse course init DIR --course-id ID`, or pass --course DIR)"
        )
    config = load_config(root)
    from nbgrader.coursedir import CourseDirectory

    cd = CourseDirectory(config=config)
    cd.root = str(root)
    lang = "en"
    meta = root / QCOURSE_FILE
    if meta.is_file():
        try:
            lang = tomllib.loads(meta.read_text(encoding="utf-8")).get("lang", "en")
        except tomllib.TOMLDecodeError as exc:
            raise CourseError(f"{meta} is not valid TOML: {exc}") from exc
    return Course(root=root, course_id=cd.course_id, db_url=cd.db_url, lang=lang, config=config)
