"""Where the self-study tools keep their state on the learner's machine."""

from __future__ import annotations

import os
from pathlib import Path

HOME_ENV = "QCOURSE_HOME"


def data_home() -> Path:
    """The folder holding the progress store, caches and transcripts.

    `$QCOURSE_HOME` when set (tests use it), else `$XDG_DATA_HOME/qcourse`, else
    `~/.local/share/qcourse`.
    """
    explicit = os.environ.get(HOME_ENV)
    if explicit:
        return Path(explicit).expanduser()
    xdg = os.environ.get("XDG_DATA_HOME")
    base = Path(xdg).expanduser() if xdg else Path.home() / ".local" / "share"
    return base / "qcourse"


def store_path() -> Path:
    return data_home() / "progress.sqlite3"


def cache_dir() -> Path:
    return data_home() / "cache"


def default_lab_dir() -> Path:
    return Path.home() / "qcourse-lab"
