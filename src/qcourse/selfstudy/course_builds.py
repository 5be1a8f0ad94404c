"""The installed curriculum, built once per version into a local cache.

`check` needs the instructor notebooks (their test cells, hidden tests included); `lab` needs the
student notebooks nbgrader's generate_assignment makes from them. Both are built from the
curriculum that ships with the package (or a folder given with `--curriculum`) into
`<data home>/cache/builds/<fingerprint>/<lang>/`, where the fingerprint changes whenever the
curriculum sources or qcourse change, so a new release is picked up without stale copies.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from qcourse import __version__
from qcourse.curriculum import Curriculum
from qcourse.errors import UserError
from qcourse.i18n import _
from qcourse.selfstudy import home

CURRICULUM_ENV = "QCOURSE_CURRICULUM"  # a curriculum folder other than the installed one


@dataclass(frozen=True)
class InstalledCurriculum:
    root: Path

    @cached_property
    def curriculum(self) -> Curriculum:
        from qcourse.curriculum.load import load_curriculum

        # the sources were validated when the curriculum was released; skipping the lint here
        # keeps `qcourse hint` / `progress` quick (it would import qgrade and qiskit)
        return load_curriculum(self.root, check=False)

    @cached_property
    def fingerprint(self) -> str:
        return curriculum_fingerprint(self.root)

    def module_ids(self) -> list[str]:
        return self.curriculum.ids

    def build_dir(self, lang: str) -> Path:
        return home.cache_dir() / "builds" / self.fingerprint / lang

    def instructor_notebook(self, module_id: str, lang: str) -> Path:
        course = self._course(lang, "source-course", with_release=False)
        path = course / "source" / module_id / f"{module_id}.ipynb"
        if not path.is_file():
            raise UserError(
                _("the curriculum build has no notebook for module {module}").format(
                    module=module_id
                )
            )
        return path

    def release_folder(self, module_id: str, lang: str) -> Path:
        """`release/<id>/`: the student notebook and any files released with it."""
        course = self._course(lang, "release-course", with_release=True)
        folder = course / "release" / module_id
        if not (folder / f"{module_id}.ipynb").is_file():
            raise UserError(
                _("the curriculum build has no student notebook for {module}").format(
                    module=module_id
                )
            )
        return folder

    def _course(self, lang: str, name: str, with_release: bool) -> Path:
        target = self.build_dir(lang) / name
        if target.is_dir():
            return target
        target.parent.mkdir(parents=True, exist_ok=True)
        # build beside the target and rename: a concurrent build never sees a half-made tree
        from qcourse.curriculum.build import build_source, generate_release

        tmp = Path(tempfile.mkdtemp(prefix=f".{name}-", dir=target.parent))
        try:
            build_source(tmp, lang, None, curriculum=self.curriculum)
            if with_release:
                with _venv_scripts_on_path():
                    generate_release(tmp, self.module_ids())
            try:
                os.rename(tmp, target)
            except OSError:
                if not target.is_dir():
                    raise
        finally:
            if tmp.exists():
                shutil.rmtree(tmp, ignore_errors=True)
        return target


@contextmanager
def _venv_scripts_on_path() -> Iterator[None]:
    """nbgrader runs `alembic` by name to create its gradebook: make this interpreter's scripts
    findable when qcourse was started without activating its virtual environment."""
    scripts = str(Path(sys.executable).parent)
    before = os.environ.get("PATH", "")
    if scripts in before.split(os.pathsep):
        yield
        return
    os.environ["PATH"] = os.pathsep.join(p for p in (scripts, before) if p)
    try:
        yield
    finally:
        os.environ["PATH"] = before


def resolve_root(root: Path | str | None = None) -> Path:
    """The curriculum folder: `root`, else `$QCOURSE_CURRICULUM`, else the installed one."""
    from qcourse.paths import curriculum_root

    chosen = root or os.environ.get(CURRICULUM_ENV)
    if not chosen:
        return curriculum_root()
    path = Path(chosen).expanduser().resolve()
    if not (path / "cfqt.toml").is_file():
        raise UserError(
            _("{path} is not a curriculum folder: expected {file}").format(
                path=path, file=path / "cfqt.toml"
            )
        )
    return path


def installed(root: Path | str | None = None) -> InstalledCurriculum:
    return InstalledCurriculum(resolve_root(root))


def curriculum_fingerprint(root: Path) -> str:
    """A short hash of every curriculum source file, of the code that builds notebooks and of
    qcourse's translations."""
    spec = importlib.util.find_spec("qcourse.curriculum")  # found, not imported (slow)
    build_code = list(spec.submodule_search_locations or []) if spec else []
    from qcourse.i18n import LOCALE_DIR

    build_code.append(str(LOCALE_DIR))  # the words the build writes (points, hints) come from it
    digest = hashlib.sha256(f"qcourse {__version__}".encode())
    for folder in (Path(root), *map(Path, build_code)):
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            rel = path.relative_to(folder)
            if any(part.startswith(".") or part == "__pycache__" for part in rel.parts):
                continue
            digest.update(str(rel).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]
