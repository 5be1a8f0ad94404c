"""The curriculum toolchain: load module sources, render and build notebooks, validate grading.

See docs/module-format.md for the source format.
"""

from qcourse.curriculum.build import build_source, generate_release
from qcourse.curriculum.errors import CurriculumError, Problem
from qcourse.curriculum.lint import check_curriculum
from qcourse.curriculum.load import load_curriculum
from qcourse.curriculum.model import (
    LANGUAGES,
    Curriculum,
    Exercise,
    LessonCell,
    Module,
    WrongAnswer,
)
from qcourse.curriculum.render import render_notebook
from qcourse.curriculum.report import Check, ExerciseReport, ModuleReport, ValidationReport
from qcourse.curriculum.validate import validate

__all__ = [
    "LANGUAGES",
    "Check",
    "Curriculum",
    "CurriculumError",
    "Exercise",
    "ExerciseReport",
    "LessonCell",
    "Module",
    "ModuleReport",
    "Problem",
    "ValidationReport",
    "WrongAnswer",
    "build_source",
    "check_curriculum",
    "generate_release",
    "load_curriculum",
    "render_notebook",
    "validate",
]
