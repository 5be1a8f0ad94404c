"""`check`: grade one learner notebook, record the result, return what to show."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from qcourse.cli import UserError
from qcourse.curriculum import Module
from qcourse.selfstudy.course_builds import InstalledCurriculum, installed
from qcourse.selfstudy.grading import run_graded
from qcourse.selfstudy.records import CheckRecord
from qcourse.selfstudy.store import ProgressStore, ProgressStoreError
from qcourse.selfstudy.words import LANGS
from qcourse.selfstudy.workspace import find_lab_workspace, find_workspace


@dataclass
class CheckResult:
    notebook: Path
    module: Module
    lang: str
    record: CheckRecord
    problem: str = ""  # the run stopped early: why
    notices: list[str] = field(default_factory=list)  # about the progress store


def read_learner_notebook(path: Path) -> nbformat.NotebookNode:
    """The notebook at `path`, or a UserError saying plainly what is wrong with the file."""
    if not path.exists():
        raise UserError(f"{path} does not exist")
    if path.is_dir():
        raise UserError(f"{path} is a folder; expected a notebook file (.ipynb) or a module id")
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(f"cannot read {path}: {exc}") from exc
    if not text.strip():
        raise UserError(f"{path} is empty; restore it from .qcourse/backups or rerun qcourse lab")
    try:
        nb = nbformat.reads(text, as_version=4)
    except Exception as exc:  # NotJSONError, ValidationError, KeyError... for broken files
        raise UserError(
            f"{path} is not a valid notebook ({type(exc).__name__}: {str(exc)[:200]}); "
            "if it was damaged, a copy of an earlier version may be in the workspace's "
            ".qcourse/backups folder"
        ) from exc
    if not isinstance(nb.get("cells"), list):
        raise UserError(f"{path} is not a valid notebook: it has no cells")
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
            f"{path} is not a notebook of this course's modules ({exc}); check the notebooks "
            "of your `qcourse lab` workspace"
        ) from exc
    lang = meta.get("lang") if isinstance(meta, dict) else None
    return module, lang if lang in LANGS else fallback_lang


def check_notebook(
    path: Path,
    *,
    curriculum_root: Path | None = None,
    store_path: Path | None = None,
    record: bool = True,
    sealed: bool | None = None,
) -> CheckResult:
    """Grade the learner's notebook at `path` with the course's own tests; record the result.

    `sealed`: None grades in the sandbox where one can be made (see `run_graded`)."""
    path = Path(path).expanduser().resolve()
    nb = read_learner_notebook(path)
    ws = find_workspace(path)
    root = curriculum_root or (ws.curriculum_root if ws else None)
    if root is not None and not Path(root).is_dir():
        root = None  # the workspace was made with a curriculum folder that is gone
    source = installed(root)
    module, lang = identify(nb, path, source, ws.lang if ws else "en")
    instructor = nbformat.read(source.instructor_notebook(module.id, lang), as_version=4)
    graded = run_graded(nb, instructor, path.parent, sealed=sealed)
    rec = CheckRecord(
        module=module.id,
        lang=lang,
        outcomes=graded.outcomes,
        curriculum=source.fingerprint,
        duration_s=round(graded.duration_s, 3),
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
                f"no lab workspace found to look for module {module.id}'s notebook; run "
                "`qcourse lab` first, pass --dir, or give the notebook's path"
            )
        return [ws.notebook(module.id)]
    if ws is None:
        raise UserError(
            "nothing to check here: give a notebook path or a module id, or run this inside "
            "your `qcourse lab` workspace"
        )
    here = Path.cwd().resolve()
    for module_id in ws.module_ids():
        if here == ws.notebook(module_id).parent.resolve():
            return [ws.notebook(module_id)]
    started = [ws.notebook(m) for m in ws.module_ids() if _started(ws.notebook(m))]
    if not started:
        raise UserError(
            "no module of the workspace has an answer yet; write one, save, and check again "
            "(or name a module: qcourse check 01)"
        )
    return started


def _started(notebook: Path) -> bool:
    from qcourse.selfstudy.merge import is_solution_cell, learner_changed

    try:
        nb = nbformat.read(notebook, as_version=4)
    except Exception:
        return notebook.exists()  # a damaged notebook: let check say what is wrong with it
    return any(is_solution_cell(c) and learner_changed(c) for c in nb.cells)
