"""JupyterLab settings of one lab workspace: interface language, no calls to the internet, and
the course's Python kernel.

They live in `<workspace>/.qcourse/jupyter/` and apply because `qcourse lab` points
`JUPYTERLAB_SETTINGS_DIR` / `JUPYTERLAB_WORKSPACES_DIR` there and puts its `share` folder first
on `JUPYTER_PATH`, so the learner's other JupyterLab settings and kernels are not touched.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

LOCALES = {"en": "en", "ko": "ko_KR"}  # "en" is JupyterLab's built-in English


def settings_dir(workspace_root: Path) -> Path:
    return workspace_root / ".qcourse" / "jupyter" / "lab" / "user-settings"


def workspaces_dir(workspace_root: Path) -> Path:
    return workspace_root / ".qcourse" / "jupyter" / "lab" / "workspaces"


def data_dir(workspace_root: Path) -> Path:
    """The folder `qcourse lab` puts first on `JUPYTER_PATH` (its `kernels/` come first)."""
    return workspace_root / ".qcourse" / "jupyter" / "share"


def write_kernel(workspace_root: Path, lang: str) -> Path:
    """The lab's `python3` kernel: this Python's ipykernel with the `qgrade.ipython` extension
    loaded at start (a test cell run before the set-up cell says which cell to run first) and
    the workspace's language for qgrade's messages until the set-up cell sets it."""
    spec = {
        "argv": [
            sys.executable,
            "-m",
            "ipykernel_launcher",
            "-f",
            "{connection_file}",
            "--ext=qgrade.ipython",
        ],
        "display_name": "Python 3 (ipykernel)",
        "language": "python",
        "env": {"QCOURSE_LANG": lang},
        "metadata": {"debugger": True},
    }
    path = data_dir(workspace_root) / "kernels" / "python3" / "kernel.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(spec, indent=1), encoding="utf-8")
    return path


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
    write_kernel(workspace_root, lang)
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
