"""`check`: grade one learner notebook, record the result, return what to show."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from qcourse.curriculum import Module
from qcourse.errors import UserError
from qcourse.i18n import LANGUAGES, _, default_language
from qcourse.selfstudy.course_builds import InstalledCurriculum, installed
from qcourse.selfstudy.grading import CellProgress, run_graded
from qcourse.selfstudy.merge import is_lab_cell
from qcourse.selfstudy.records import CheckRecord
from qcourse.selfstudy.store import ProgressStore, ProgressStoreError
from qcourse.selfstudy.workspace import find_lab_workspace, find_workspace

GRADING_ENV = "QCOURSE_GRADING"  # "1" in every process that runs a learner's notebook to grade it


def grading_now() -> bool:
    """True inside a notebook that is being graded (its `check()` must not grade again)."""
    return os.environ.get(GRADING_ENV) == "1"


@contextmanager
def grading_environment() -> Iterator[None]:
    """Mark this process (and so every kernel it starts) as grading, for the time of a run."""
    before = os.environ.get(GRADING_ENV)
    os.environ[GRADING_ENV] = "1"
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(GRADING_ENV, None)
        else:
            os.environ[GRADING_ENV] = before


def without_lab_cells(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """`nb` without the cells the lab adds (the check cell): grading never runs them."""
    graded = nbformat.from_dict(nb)
    graded.cells = [c for c in graded.cells if not is_lab_cell(c)]
    return graded


@dataclass
class CheckResult:
    notebook: Path
    module: Module
    lang: str
    record: CheckRecord
    problem: str = ""  # the run stopped early: why
    notices: list[str] = field(default_factory=list)  # about the progress store


def read_learner_notebook(path: Path, lang: str | None = None) -> nbformat.NotebookNode:
    """The notebook at `path`, or a UserError saying plainly what is wrong with the file."""
    if not path.exists():
        raise UserError(_("{path} does not exist", lang).format(path=path))
    if path.is_dir():
        raise UserError(
            _("{path} is a folder; expected a notebook file (.ipynb) or a module id", lang).format(
                path=path
            )
        )
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(
            _("cannot read {path}: {error}", lang).format(path=path, error=exc)
        ) from exc
    if not text.strip():
        raise UserError(
            _(
                "{path} is empty; restore it from .qcourse/backups or rerun qcourse lab", lang
            ).format(path=path)
        )
    try:
        nb = nbformat.reads(text, as_version=4)
    except Exception as exc:  # NotJSONError, ValidationError, KeyError... for broken files
        raise UserError(
            _(
                "{path} is not a valid notebook ({error}); if it was damaged, a copy of an "
                "earlier version may be in the workspace's .qcourse/backups folder",
                lang,
            ).format(path=path, error=f"{type(exc).__name__}: {str(exc)[:200]}")
        ) from exc
    if not isinstance(nb.get("cells"), list):
        raise UserError(
            _("{path} is not a valid notebook: it has no cells", lang).format(path=path)
        )
    return nb


def identify(
    nb: nbformat.NotebookNode, path: Path, source: InstalledCurriculum, fallback_lang: str
) -> tuple[Module, str]:
    meta = nb.get("metadata", {}).get("qcourse", {})
    key = meta.get("module") if isinstance(meta, dict) else None
    try:
        module = source.curriculum.module(key or path.stem)
    except UserError as exc:
        raise UserError(
            _(
                "{path} is not a notebook of this course's modules ({error}); check the "
                "notebooks of your `qcourse lab` workspace",
                fallback_lang,
            ).format(path=path, error=exc)
        ) from exc
    lang = meta.get("lang") if isinstance(meta, dict) else None
    return module, lang if lang in LANGUAGES else fallback_lang


def check_notebook(
    path: Path,
    *,
    curriculum_root: Path | None = None,
    store_path: Path | None = None,
    record: bool = True,
    sealed: bool | None = None,
    progress: Callable[[str, int, int], None] | None = None,
) -> CheckResult:
    """Grade the learner's notebook at `path` with the course's own tests; record the result.

    `sealed`: None grades in the sandbox where one can be made (see `run_graded`).
    `progress(text, cell, cells)` is called before each cell runs: `text` says, in the
    notebook's language, which exercise the run is at."""
    path = Path(path).expanduser().resolve()
    ws = find_workspace(path)
    nb = read_learner_notebook(path, default_language(ws.lang if ws else None))
    root = curriculum_root or (ws.curriculum_root if ws else None)
    if root is not None and not Path(root).is_dir():
        root = None  # the workspace was made with a curriculum folder that is gone
    source = installed(root)
    module, lang = identify(nb, path, source, ws.lang if ws else default_language())
    instructor = nbformat.read(source.instructor_notebook(module.id, lang), as_version=4)
    # the lab's check cell is left out and the kernels are marked as grading: a check()
    # typed anywhere in the notebook returns at once instead of grading again (nesting)
    with grading_environment():
        graded = run_graded(
            without_lab_cells(nb),
            instructor,
            path.parent,
            sealed=sealed,
            on_progress=_progress_in(module, lang, progress),
        )
    rec = CheckRecord(
        module=module.id,
        lang=lang,
        outcomes=graded.outcomes,
        curriculum=source.fingerprint,
        duration_s=round(graded.duration_s, 3),
        sealed=graded.sealed,
    )
    result = CheckResult(path, module, lang, rec, graded.problem)
    if record:
        try:
            with ProgressStore.open(store_path) as store:
                result.notices += store.notices
                store.record_check(rec)
        except ProgressStoreError as exc:
            result.notices.append(str(exc))
    return result


def progress_text(step: CellProgress, module: Module, lang: str) -> str:
    """Which exercise a grading run is at, for the learner, in `lang`."""
    titles = {ex.id: ex.title for ex in module.exercises}
    if step.exercise is None:
        return _("running the lesson's cells", lang)
    title = titles.get(step.exercise)
    name = f"{step.exercise} ({title.get(lang) or title.get('en')})" if title else step.exercise
    if step.role == "test":
        return _("exercise {exercise}: running its tests", lang).format(exercise=name)
    return _("exercise {exercise}: running your answer", lang).format(exercise=name)


def _progress_in(
    module: Module, lang: str, progress: Callable[[str, int, int], None] | None
) -> Callable[[CellProgress], None] | None:
    if progress is None:
        return None

    def report(step: CellProgress) -> None:
        progress(progress_text(step, module, lang), step.number, step.total)

    return report


def resolve_target(target: str | None, lab_dir: Path | None) -> list[Path]:
    """Notebooks named by `qcourse check [NOTEBOOK | MODULE]`.

    A path to a notebook is taken as is. A module id, number or prefix names that module's
    notebook in the lab workspace (`--dir`, else the workspace around the current folder, else
    the default one). No argument: the current folder's module, or every module the learner
    has started in the workspace.
    """
    if target and (target.endswith(".ipynb") or Path(target).is_file()):
        return [Path(target)]
    ws = find_lab_workspace(lab_dir)
    if target:
        source = installed(ws.curriculum_root if ws else None)
        module = source.curriculum.module(target)
        if ws is None:
            raise UserError(
                _(
                    "no lab workspace found to look for module {module}'s notebook; run "
                    "`qcourse lab` first, pass --dir, or give the notebook's path"
                ).format(module=module.id)
            )
        return [ws.notebook(module.id)]
    if ws is None:
        raise UserError(
            _(
                "nothing to check here: give a notebook path or a module id, or run this inside "
                "your `qcourse lab` workspace"
            )
        )
    here = Path.cwd().resolve()
    for module_id in ws.module_ids():
        if here == ws.notebook(module_id).parent.resolve():
            return [ws.notebook(module_id)]
    started = [ws.notebook(m) for m in ws.module_ids() if _started(ws.notebook(m))]
    if not started:
        raise UserError(
            _(
                "no module of the workspace has an answer yet; write one, save, and check again "
                "(or name a module: qcourse check 01)",
                default_language(ws.lang),
            )
        )
    return started


def _started(notebook: Path) -> bool:
    from qcourse.selfstudy.merge import is_solution_cell, learner_changed

    try:
        nb = nbformat.read(notebook, as_version=4)
    except Exception:
        return notebook.exists()  # a damaged notebook: let check say what is wrong with it
    return any(is_solution_cell(c) and learner_changed(c) for c in nb.cells)
