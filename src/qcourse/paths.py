"""Where the curriculum sources are: the repository's `curriculum/` or the copy in the wheel."""

from __future__ import annotations

from pathlib import Path


def curriculum_root() -> Path:
    """The folder holding `cfqt.toml` and one folder per module."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "curriculum_data", here.parents[1] / "curriculum"):
        if (candidate / "cfqt.toml").is_file():
            return candidate
    raise FileNotFoundError(
        "the curriculum is missing: expected curriculum/cfqt.toml in the source tree "
        "or qcourse/curriculum_data/ in the installed package"
    )
