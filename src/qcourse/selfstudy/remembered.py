"""The learner's lab workspace, remembered in the data home so every later command finds it.

`qcourse lab --dir PATH` (or any `qcourse lab`) writes `<data home>/workspace.json` with the
workspace folder; `check`, `hint`, `progress` and `transcript` run from anywhere (`$HOME`
included) then find that workspace and speak its language.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

POINTER = "workspace.json"


def _pointer() -> Path:
    from qcourse.selfstudy.home import data_home

    return data_home() / POINTER


def remember(root: Path) -> None:
    """Remember `root` as the learner's workspace (best effort: a read-only home is no error)."""
    target = _pointer()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(".tmp")
        tmp.write_text(json.dumps({"dir": str(Path(root).resolve())}), encoding="utf-8")
        os.replace(tmp, target)
    except OSError:
        pass


def remembered_dir() -> Path | None:
    """The remembered workspace folder, if there is one and it still is a workspace."""
    from qcourse.selfstudy.workspace import STATE_DIR, STATE_FILE

    try:
        data = json.loads(_pointer().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    value = data.get("dir") if isinstance(data, dict) else None
    if not isinstance(value, str):
        return None
    root = Path(value)
    return root if (root / STATE_DIR / STATE_FILE).is_file() else None


def remembered_language() -> str | None:
    """The language of the remembered workspace, read from its own state file."""
    from qcourse.selfstudy.workspace import STATE_DIR, STATE_FILE

    root = remembered_dir()
    if root is None:
        return None
    try:
        lang = json.loads((root / STATE_DIR / STATE_FILE).read_text(encoding="utf-8")).get("lang")
    except (OSError, ValueError, AttributeError):
        return None
    from qcourse.i18n import supported

    return supported(lang)
