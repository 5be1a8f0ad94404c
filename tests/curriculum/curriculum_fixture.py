"""Copies of the fixture curriculum that tests may change."""

from __future__ import annotations

import shutil
from pathlib import Path

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "curriculum"
MODULE = "01-fixture-one-qubit"


def copy_fixture(tmp_path: Path) -> Path:
    root = tmp_path / "curriculum"
    shutil.copytree(FIXTURE, root)
    return root


def edit(root: Path, name: str, old: str, new: str, module: str = MODULE) -> None:
    """Replace `old` (which must occur) by `new` in one source file of the module."""
    path = root / module / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
