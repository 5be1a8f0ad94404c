"""`qcourse hint MODULE EXERCISE`: reveal the next hint of an exercise, one at a time."""

from __future__ import annotations

import argparse

from rich.console import Console
from rich.markdown import Markdown

from qcourse.commands._lab_options import add_lab_options
from qcourse.i18n import _


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "hint",
        help=_("reveal the next hint of an exercise (progressive; remembered in your progress)"),
        description=_("Reveal the next hint of an exercise; hints already revealed are shown too."),
    )
    parser.add_argument("module", help=_("module id, number or prefix, e.g. 01"))
    parser.add_argument("exercise", help=_("exercise id, e.g. bell_phi_minus"))
    add_lab_options(parser)
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
