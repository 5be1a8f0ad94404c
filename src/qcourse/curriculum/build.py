"""`qcourse build`: instructor notebooks into an nbgrader `source/` tree, student versions via nbgrader."""

from __future__ import annotations

from pathlib import Path

from qcourse.curriculum.course import ensure_config, generate_assignment
from qcourse.curriculum.load import load_curriculum
from qcourse.curriculum.model import Curriculum
from qcourse.curriculum.render import render_notebook
from qcourse.errors import UserError


def build_source(
    course_dir: Path,
    lang: str,
    module_ids: list[str] | None = None,
    curriculum: Curriculum | None = None,
) -> list[Path]:
    """Write `course_dir/source/<id>/<id>.ipynb` (instructor versions) for the modules."""
    import nbformat
    from nbgrader.nbgraderformat import MetadataValidator

    curriculum = curriculum if curriculum is not None else load_curriculum()
    validator = MetadataValidator()
    written = []
    for module in curriculum.select(module_ids):
        nb = render_notebook(module, lang)
        nbformat.validate(nb)
        validator.validate_nb(nb)  # nbgrader's own check of the cell metadata
        path = Path(course_dir) / "source" / module.id / f"{module.id}.ipynb"
        path.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, path)
        written.append(path)
    return written


def generate_release(course_dir: Path, module_ids: list[str] | None = None) -> list[Path]:
    """Run nbgrader's generate_assignment: `release/<id>/<id>.ipynb` (student versions).

    `module_ids` default to every assignment under `course_dir/source/`. A course without
    `nbgrader_config.py` gets a minimal one (SQLite gradebook inside the course directory).
    """
    course_dir = Path(course_dir)
    source = course_dir / "source"
    if not source.is_dir():
        raise UserError(f"{source} does not exist: build the instructor notebooks first")
    ids = sorted(p.name for p in source.iterdir() if p.is_dir())
    if module_ids:
        ids = [_assignment_id(source, key) for key in module_ids]
    ensure_config(course_dir)
    released = []
    for assignment in ids:
        generate_assignment(course_dir, assignment)
        released.append(course_dir / "release" / assignment / f"{assignment}.ipynb")
    return released


def _assignment_id(source: Path, key: str) -> str:
    """An assignment folder of `source/`, also when named by module number or prefix."""
    if (source / key).is_dir():
        return key
    module_id = load_curriculum().module(key).id
    if not (source / module_id).is_dir():
        raise UserError(f"{source / module_id} does not exist: build module {module_id} first")
    return module_id
