"""The options every self-study command shares: which lab workspace, curriculum and language."""

from __future__ import annotations

import argparse
from pathlib import Path

from qcourse.i18n import LANGUAGES, _


def add_lab_options(parser: argparse.ArgumentParser, *, lang: bool = True) -> None:
    """`--lang` (unless the command reads it from its notebook), `--dir` and `--curriculum`."""
    if lang:
        parser.add_argument("--lang", choices=LANGUAGES, help=_("language (default: the lab's)"))
    parser.add_argument(
        "--dir",
        type=Path,
        help=_("the lab workspace (default: the one qcourse lab last opened, else ~/qcourse-lab)"),
    )
    parser.add_argument(
        "--curriculum", type=Path, help=_("a curriculum folder other than the installed one")
    )
