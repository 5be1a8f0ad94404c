"""A learner's lab workspace: one folder per module with its student notebook.

```
<workspace>/
  01-qubits-and-gates/01-qubits-and-gates.ipynb   the learner's notebook (and released files)
  glossary.md                                     the course glossary, in the workspace language
  practice.ipynb                                  certification practice (when the course has a bank)
  .qcourse/lab.json                               language, curriculum and version per module
  .qcourse/backups/<module>/<time>-<file>         a notebook as it was before a merge
  .qcourse/jupyter/                               JupyterLab settings of this workspace
```

Creating or updating never overwrites a learner's work: a notebook is written when missing,
merged (answers kept, see `merge.py`) when the curriculum or language changed, and left alone
otherwise. The previous file is always copied to the backups folder before a merge.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from qcourse import __version__
from qcourse.errors import UserError
from qcourse.i18n import _

if TYPE_CHECKING:
    import nbformat

    from qcourse.selfstudy.course_builds import InstalledCurriculum

STATE_DIR = ".qcourse"
STATE_FILE = "lab.json"
FORMAT = 1


@dataclass
class ModuleUpdate:
    module: str
    action: str  # "created" | "merged" | "unchanged"
    notebook: Path
    backup: Path | None = None
    kept_answers: int = 0


@dataclass
class Workspace:
    root: Path
    state: dict = field(default_factory=dict)

    @property
    def state_dir(self) -> Path:
        return self.root / STATE_DIR

    @property
    def lang(self) -> str:
        return self.state.get("lang", "en")

    @property
    def curriculum_root(self) -> Path | None:
        value = self.state.get("curriculum_root")
        return Path(value) if value else None

    def notebook(self, module_id: str) -> Path:
        return self.root / module_id / f"{module_id}.ipynb"

    def module_ids(self) -> list[str]:
        return sorted(self.state.get("modules", {}))

    def save(self) -> None:
        self.state_dir.mkdir(parents=True, exist_ok=True)
        target = self.state_dir / STATE_FILE
        tmp = target.with_suffix(".tmp")
        tmp.write_text(json.dumps(self.state, indent=2, sort_keys=True), encoding="utf-8")
        os.replace(tmp, target)


def load_workspace(root: Path) -> Workspace | None:
    """The workspace at `root`, or None when `root` is not one."""
    file = Path(root) / STATE_DIR / STATE_FILE
    if not file.is_file():
        return None
    try:
        state = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise UserError(
            _(
                "the lab workspace state {file} is unreadable ({error}); delete it and run "
                "`qcourse lab` again (your notebooks are not touched)"
            ).format(file=file, error=exc)
        ) from exc
    if not isinstance(state, dict):
        raise UserError(
            _("the lab workspace state {file} is not a JSON object; delete it").format(file=file)
        )
    return Workspace(Path(root), state)


def find_workspace(start: Path) -> Workspace | None:
    """The workspace containing `start` (a folder or a file), searching upwards."""
    start = Path(start).resolve()
    for folder in [start, *start.parents] if start.is_dir() else start.parents:
        if (folder / STATE_DIR / STATE_FILE).is_file():
            return load_workspace(folder)
    return None


def prepare_workspace(
    root: Path, lang: str, installed: InstalledCurriculum
) -> tuple[Workspace, list[ModuleUpdate]]:
    """Create or update the workspace at `root` for `lang` from the installed curriculum."""
    root = Path(root).expanduser().resolve()
    if root.exists() and not root.is_dir():
        raise UserError(
            _("{path} is a file; --dir expects a folder for the lab workspace").format(path=root)
        )
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(
            _("cannot create the lab workspace {path}: {error}").format(
                path=root, error=exc.strerror
            )
        ) from exc
    ws = load_workspace(root) or Workspace(root, {"format": FORMAT, "modules": {}})
    updates = []
    for module_id in installed.module_ids():
        updates.append(_update_module(ws, module_id, lang, installed))
    ws.state.update(
        format=FORMAT,
        lang=lang,
        curriculum_root=str(installed.root),
        fingerprint=installed.fingerprint,
        qcourse_version=__version__,
        updated_at=time.strftime("%Y-%m-%dT%H:%M:%S%z"),
    )
    ws.save()
    write_glossary_page(root, lang, installed.root)
    from qcourse.selfstudy.practice import write_practice_page

    write_practice_page(root, lang, installed.root)
    from qcourse.selfstudy.remembered import remember

    remember(root)
    return ws, updates


def _update_module(
    ws: Workspace, module_id: str, lang: str, installed: InstalledCurriculum
) -> ModuleUpdate:
    import nbformat

    from qcourse.selfstudy.lab_cells import add_lab_cells
    from qcourse.selfstudy.merge import merge_notebooks

    release = installed.release_folder(module_id, lang)
    notebook = ws.notebook(module_id)
    recorded = ws.state.setdefault("modules", {}).get(module_id, {})
    version = {"fingerprint": installed.fingerprint, "lang": lang}
    fresh = add_lab_cells(nbformat.read(release / notebook.name, as_version=4), lang)
    _copy_released_files(release, notebook.parent)
    if not notebook.exists():
        notebook.parent.mkdir(parents=True, exist_ok=True)
        _write(fresh, notebook)
        ws.state["modules"][module_id] = version
        return ModuleUpdate(module_id, "created", notebook)
    if recorded == version:
        return ModuleUpdate(module_id, "unchanged", notebook)
    try:
        learner = nbformat.read(notebook, as_version=4)
    except Exception as exc:  # nbformat raises several kinds for a damaged file
        raise UserError(
            _(
                "{path} is not a readable notebook ({error}); a new curriculum version cannot "
                "be merged into it. Fix or rename it and run `qcourse lab` again."
            ).format(path=notebook, error=type(exc).__name__)
        ) from exc
    backup = _backup(ws, module_id, notebook)
    merged, report = merge_notebooks(learner, fresh)
    _write(merged, notebook)
    ws.state["modules"][module_id] = version
    return ModuleUpdate(module_id, "merged", notebook, backup, len(report.kept_answers))


GLOSSARY_PAGE = "glossary.md"


def write_glossary_page(root: Path, lang: str, curriculum_root: Path) -> Path | None:
    """The course glossary as a page of the workspace (`glossary.md`, the learner's language
    first); rewritten on every `qcourse lab`, as it is the course's page, not the learner's."""
    from qcourse.curriculum.glossary import glossary_markdown, load_glossary

    glossary, _problems = load_glossary(curriculum_root)
    target = Path(root) / GLOSSARY_PAGE
    if glossary is None:
        return None
    tmp = target.with_name(f".{target.name}.tmp")
    tmp.write_text(glossary_markdown(glossary, lang), encoding="utf-8")
    os.replace(tmp, target)
    return target


def _copy_released_files(release: Path, target: Path) -> None:
    """Files released beside the notebook (data, images): copied when missing, never replaced."""
    for src in release.rglob("*"):
        if src.is_file() and src.suffix != ".ipynb":
            dest = target / src.relative_to(release)
            if not dest.exists():
                dest.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(src, dest)


def _backup(ws: Workspace, module_id: str, notebook: Path) -> Path:
    folder = ws.state_dir / "backups" / module_id
    folder.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%dT%H%M%S")
    target = folder / f"{stamp}-{notebook.name}"
    n = 1
    while target.exists():
        n += 1
        target = folder / f"{stamp}-{n}-{notebook.name}"
    shutil.copy2(notebook, target)
    return target


def _write(nb: nbformat.NotebookNode, path: Path) -> None:
    import nbformat

    tmp = path.with_name(f".{path.name}.tmp")
    nbformat.write(nb, tmp)
    os.replace(tmp, path)


def find_lab_workspace(lab_dir: Path | None) -> Workspace | None:
    """`--dir` when given (it must be a workspace), else the workspace around the current
    folder, else the one `qcourse lab` last made or opened (remembered in the data home), else
    the default `~/qcourse-lab` if it exists."""
    from qcourse.selfstudy.home import default_lab_dir
    from qcourse.selfstudy.remembered import remembered_dir

    if lab_dir is not None:
        ws = load_workspace(Path(lab_dir).expanduser())
        if ws is None:
            raise UserError(
                _("{path} is not a lab workspace; create it with qcourse lab --dir").format(
                    path=lab_dir
                )
            )
        return ws
    found = find_workspace(Path.cwd())
    if found is not None:
        return found
    remembered = remembered_dir()
    if remembered is not None:
        return load_workspace(remembered)
    return load_workspace(default_lab_dir())
