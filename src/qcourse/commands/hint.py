"""`qcourse hint MODULE EXERCISE`: reveal the next hint of an exercise, one at a time."""

from __future__ import annotations

import argparse
from pathlib import Path

from rich.console import Console
from rich.markdown import Markdown

from qcourse.i18n import _


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "hint",
        help=_("reveal the next hint of an exercise (progressive; remembered in your progress)"),
        description=_("Reveal the next hint of an exercise; hints already revealed are shown too."),
    )
    parser.add_argument("module", help=_("module id, number or prefix, e.g. 01"))
    parser.add_argument("exercise", help=_("exercise id, e.g. bell_phi_minus"))
    parser.add_argument("--lang", choices=("en", "ko"), help=_("language (default: the lab's)"))
    parser.add_argument(
        "--dir",
        type=Path,
        help=_("the lab workspace (default: the one qcourse lab last opened, else ~/qcourse-lab)"),
    )
    parser.add_argument(
        "--curriculum", type=Path, help=_("a curriculum folder other than the installed one")
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from qcourse.i18n import choose
    from qcourse.selfstudy.course_builds import installed
    from qcourse.selfstudy.hints import hints_markdown, reveal_next_hint
    from qcourse.selfstudy.workspace import find_lab_workspace

    ws = find_lab_workspace(args.dir)
    source = installed(args.curriculum or (ws.curriculum_root if ws else None))
    lang = choose(args.lang, ws.lang if ws else None)
    module = source.curriculum.module(args.module)
    reveal = reveal_next_hint(module, args.exercise, lang)
    Console().print(Markdown(hints_markdown(reveal, lang)))
    return 0
