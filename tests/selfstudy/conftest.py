"""Shared set-up for the self-study tests: a small curriculum, an isolated data home, one build.

Every test gets its own `QCOURSE_HOME` (so its own progress store), but the curriculum build
cache inside it is shared by the whole session: nbgrader's generate_assignment is the slow part.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from selfstudy_support import FIXTURE_CURRICULUM


@pytest.fixture(scope="session")
def curriculum_root() -> Path:
    return FIXTURE_CURRICULUM


@pytest.fixture(scope="session")
def shared_cache(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("qcourse-cache")


@pytest.fixture
def qhome(tmp_path, monkeypatch, shared_cache) -> Path:
    home = tmp_path / "qhome"
    home.mkdir()
    (home / "cache").symlink_to(shared_cache, target_is_directory=True)
    monkeypatch.setenv("QCOURSE_HOME", str(home))
    monkeypatch.delenv("QCOURSE_CURRICULUM", raising=False)
    return home


@pytest.fixture
def lab(qhome, tmp_path, curriculum_root):
    """A fresh English lab workspace on the fixture curriculum."""
    from qcourse.selfstudy.course_builds import installed
    from qcourse.selfstudy.workspace import prepare_workspace

    ws, _updates = prepare_workspace(tmp_path / "lab", "en", installed(curriculum_root))
    return ws
