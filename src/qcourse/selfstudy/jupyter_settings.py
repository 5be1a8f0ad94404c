"""JupyterLab settings of one lab workspace: interface language and no calls to the internet.

They live in `<workspace>/.qcourse/jupyter/` and apply because `qcourse lab` points
`JUPYTERLAB_SETTINGS_DIR` / `JUPYTERLAB_WORKSPACES_DIR` there, so the learner's other JupyterLab
settings are not touched.
"""

from __future__ import annotations

import json
from pathlib import Path

LOCALES = {"en": "en", "ko": "ko_KR"}  # "en" is JupyterLab's built-in English


def settings_dir(workspace_root: Path) -> Path:
    return workspace_root / ".qcourse" / "jupyter" / "lab" / "user-settings"


def workspaces_dir(workspace_root: Path) -> Path:
    return workspace_root / ".qcourse" / "jupyter" / "lab" / "workspaces"


def write_settings(workspace_root: Path, lang: str) -> Path:
    """Write (or update) the settings; other keys a learner set in these files are kept."""
    root = settings_dir(workspace_root)
    _merge(
        root / "@jupyterlab" / "translation-extension" / "plugin.jupyterlab-settings",
        {"locale": LOCALES.get(lang, "en")},
    )
    # offline: never fetch the Jupyter news feed or look for a newer JupyterLab
    _merge(
        root / "@jupyterlab" / "apputils-extension" / "notification.jupyterlab-settings",
        {"fetchNews": "false", "checkForUpdates": False},
    )
    # every course notebook uses the one Python kernel: no "Select Kernel" dialog
    _merge(
        root / "@jupyterlab" / "notebook-extension" / "tracker.jupyterlab-settings",
        {"autoStartDefaultKernel": True},
    )
    workspaces_dir(workspace_root).mkdir(parents=True, exist_ok=True)
    return root


def _merge(path: Path, values: dict) -> None:
    current: dict = {}
    if path.is_file():
        try:
            loaded = json.loads(path.read_text(encoding="utf-8"))
            current = loaded if isinstance(loaded, dict) else {}
        except ValueError:
            current = {}  # JupyterLab writes JSON5 comments only in files it created itself
    current.update(values)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(current, indent=2, ensure_ascii=False), encoding="utf-8")
