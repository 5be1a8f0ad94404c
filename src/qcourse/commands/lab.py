"""`qcourse lab [--lang en|ko] [--dir PATH]`: a personal self-study workspace in JupyterLab."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from rich.console import Console

from qcourse.i18n import _
from qcourse.selfstudy.home import default_lab_dir


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "lab",
        help=_("create or reopen your self-study workspace and open it in JupyterLab (offline)"),
        description=(
            _(
                "Create (or update) a personal workspace with the student notebook of every module "
                "of the installed curriculum and open JupyterLab on it. Your answers are never "
                "overwritten: a new curriculum version is merged into your notebooks (a copy of "
                "each previous file is kept in .qcourse/backups)."
            )
        ),
    )
    parser.add_argument(
        "--lang",
        choices=("en", "ko"),
        help=_("language (default: as before, else QCOURSE_LANG or the system language)"),
    )
    parser.add_argument(
        "--dir",
        type=Path,
        help=_("the workspace folder (default: the one last opened, else ~/qcourse-lab)"),
    )
    parser.add_argument("--ip", default="127.0.0.1", help=_("address JupyterLab listens on"))
    parser.add_argument("--port", type=int, help=_("port (default: JupyterLab picks a free one)"))
    parser.add_argument("--token", help=_("the access token (default: JupyterLab makes one)"))
    parser.add_argument("--no-browser", action="store_true", help=_("do not open a web browser"))
    parser.add_argument(
        "--prepare-only",
        action="store_true",
        help=_("create or update the workspace, but do not start JupyterLab"),
    )
    parser.add_argument(
        "--curriculum", type=Path, help=_("a curriculum folder other than the installed one")
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from rich.markup import escape

    from qcourse.errors import UserError
    from qcourse.i18n import default_language
    from qcourse.selfstudy.course_builds import installed
    from qcourse.selfstudy.jupyter_settings import (
        data_dir,
        settings_dir,
        workspaces_dir,
        write_settings,
    )
    from qcourse.selfstudy.remembered import remembered_dir
    from qcourse.selfstudy.workspace import load_workspace, prepare_workspace

    default = remembered_dir() or default_lab_dir()
    root = (args.dir or default).expanduser().resolve()
    previous = load_workspace(root) if root.is_dir() else None
    lang = args.lang or (previous.lang if previous else default_language())
    source = installed(args.curriculum or (previous.curriculum_root if previous else None))
    console = Console()
    with console.status(
        escape(_("preparing the notebooks (the first time takes a minute) …", lang))
    ):
        _ws, updates = prepare_workspace(root, lang, source)
    for line in update_lines(updates, root, lang, previous.lang if previous else None):
        console.print(line, markup=False, highlight=False)
    write_settings(root, lang)
    console.print(
        escape(
            _("workspace {path} ({language}, curriculum {fingerprint})", lang).format(
                path=root, language=LANGUAGE_NAMES.get(lang, lang), fingerprint=source.fingerprint
            )
        )
    )
    if args.prepare_only:
        return 0
    if not updates:
        raise UserError(_("the curriculum has no modules yet; nothing to open", lang))
    first = updates[0].notebook.relative_to(root).as_posix()
    cmd = [
        sys.executable,
        "-m",
        "jupyterlab",
        f"--ServerApp.root_dir={root}",
        f"--ServerApp.ip={args.ip}",
        f"--LabApp.default_url=/lab/tree/{first}",
    ]
    if args.port:
        cmd.append(f"--ServerApp.port={args.port}")
    if args.token is not None:
        cmd.append(f"--IdentityProvider.token={args.token}")
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        cmd.append("--ServerApp.allow_root=True")  # containers and CI run as root
    if args.no_browser:
        cmd.append("--ServerApp.open_browser=False")
    env = dict(os.environ)
    env["JUPYTERLAB_SETTINGS_DIR"] = str(settings_dir(root))
    env["JUPYTERLAB_WORKSPACES_DIR"] = str(workspaces_dir(root))
    # the lab's own python3 kernel (jupyter_settings.write_kernel) before any other
    env["JUPYTER_PATH"] = os.pathsep.join(
        p for p in (str(data_dir(root)), os.environ.get("JUPYTER_PATH", "")) if p
    )
    sys.stdout.flush()
    sys.stderr.flush()
    # become JupyterLab: Ctrl+C and signals reach it directly
    os.execve(sys.executable, cmd, env)
    return 0  # not reached


LANGUAGE_NAMES = {"en": "English", "ko": "한국어"}


def update_lines(updates, root: Path, lang: str, previous_lang: str | None) -> list[str]:
    """What `qcourse lab` changed, and only that: new notebooks, notebooks whose answers were
    carried into a new version (with where the previous file is), and one line for the
    notebooks without answers that were simply replaced."""
    from qcourse.i18n import ngettext

    lines = []
    if previous_lang and previous_lang != lang:
        lines.append(
            _("language: {before} → {after}", lang).format(
                before=LANGUAGE_NAMES.get(previous_lang, previous_lang),
                after=LANGUAGE_NAMES.get(lang, lang),
            )
        )
    for u in updates:
        if u.action == "created":
            lines.append("  " + _("new: {path}", lang).format(path=u.notebook.relative_to(root)))
        elif u.action == "merged" and u.kept_answers:
            lines.append(
                "  "
                + ngettext(
                    "updated: {path}, {n} answer of yours kept (previous file: {backup})",
                    "updated: {path}, {n} answers of yours kept (previous file: {backup})",
                    u.kept_answers,
                    lang,
                ).format(path=u.notebook.relative_to(root), n=u.kept_answers, backup=u.backup)
            )
    plain = sum(1 for u in updates if u.action == "merged" and not u.kept_answers)
    if plain:
        lines.append(
            "  "
            + ngettext(
                "{n} notebook without answers updated",
                "{n} notebooks without answers updated",
                plain,
                lang,
            ).format(n=plain)
        )
    return lines
