"""The curriculum ships in the wheel, and the installed package finds it there."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def _module_sources() -> list[str]:
    return sorted(
        f"{folder.name}/{name}"
        for folder in (REPO / "curriculum").iterdir()
        if folder.is_dir()
        for name in ("module.toml", "lesson.py", "exercises.toml")
        if (folder / name).is_file()
    )


def test_wheel_holds_the_curriculum_and_paths_finds_it(tmp_path):
    build = subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", str(tmp_path / "dist")],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert build.returncode == 0, build.stdout + build.stderr
    [wheel] = (tmp_path / "dist").glob("qcourse-*.whl")
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        assert "qcourse/curriculum_data/cfqt.toml" in names
        for source in _module_sources():
            assert f"qcourse/curriculum_data/{source}" in names
        assert "qcourse/curriculum/load.py" in names and "qgrade/__init__.py" in names
        # the certification practice bank, every file of it
        for bank_file in (REPO / "curriculum" / "practice").glob("*.toml"):
            assert f"qcourse/curriculum_data/practice/{bank_file.name}" in names
        assert "qcourse/curriculum_data/practice/sections.toml" in names
        # the Hangul font (with its licence) and qcourse's own translations ship in the wheel
        fonts = {"NanumGothic.ttf", "NanumGothicBold.ttf", "OFL.txt"}
        assert {f"qgrade/fonts/{name}" for name in fonts} <= names
        assert "qcourse/locale/ko/LC_MESSAGES/qcourse.po" in names
        zf.extractall(tmp_path / "site")  # a pure-Python wheel installs by unpacking

    probe = (
        "from qcourse.paths import curriculum_root; import qcourse.curriculum as c; "
        "from qcourse.curriculum.practice import load_practice; "
        "assert len(load_practice(curriculum_root()).questions) >= 64; "
        "print(curriculum_root()); print(c.__file__)"
    )
    run = subprocess.run(
        [sys.executable, "-c", probe],
        env={"PYTHONPATH": str(tmp_path / "site"), "PATH": ""},
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert run.returncode == 0, run.stderr
    root, package = run.stdout.split()
    assert Path(root) == tmp_path / "site" / "qcourse" / "curriculum_data"
    assert Path(package).is_relative_to(tmp_path / "site")
