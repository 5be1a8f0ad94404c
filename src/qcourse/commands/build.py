"""`qcourse build`: render the curriculum as nbgrader instructor notebooks (and student versions)."""

from __future__ import annotations

import argparse
from pathlib import Path

from qcourse.errors import UserError
from qcourse.i18n import _

LANG_CHOICES = ("en", "ko", "all")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "build",
        help=_("render modules as nbgrader notebooks (source/ and, with --release, release/)"),
        description=_(
            "Render each module, per language, as an nbgrader instructor notebook in "
            "OUT/source/<module>/<module>.ipynb; with --release also run nbgrader's "
            "generate_assignment to produce the student versions in OUT/release/."
        ),
    )
    parser.add_argument(
        "modules", nargs="*", metavar="MODULE", help=_("module ids or numbers (default: all)")
    )
    parser.add_argument(
        "--lang", choices=LANG_CHOICES, default="all", help=_("language (default: all)")
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=None,
        help=_(
            "output course directory (default: build/<lang>/); with --lang all, "
            "one sub-folder per language"
        ),
    )
    parser.add_argument(
        "--release", action="store_true", help=_("also generate the student versions")
    )
    parser.add_argument(
        "--root", type=Path, default=None, help=_("curriculum folder (default: the course's own)")
    )
    parser.set_defaults(func=run)


def languages(choice: str) -> list[str]:
    from qcourse.curriculum import LANGUAGES

    return list(LANGUAGES) if choice == "all" else [choice]


def run(args: argparse.Namespace) -> int:
    from rich.console import Console

    from qcourse.curriculum import CurriculumError, build_source, generate_release
    from qcourse.curriculum.load import load_selected

    console = Console()
    curriculum, selected, problems = load_selected(args.modules or None, args.root)
    if problems:
        raise CurriculumError(problems)
    if not selected:
        raise UserError(_("no modules in {path}").format(path=curriculum.root))
    modules = [m.id for m in selected]
    langs = languages(args.lang)
    built, released = _("built"), _("released")
    for lang in langs:
        if args.out is None:
            out = Path("build") / lang
        else:
            out = args.out / lang if len(langs) > 1 else args.out
        written = build_source(out, lang, modules, curriculum)
        for path in written:
            console.print(f"[green]{built}[/green] {path}")
        if args.release:
            with console.status(f"nbgrader generate_assignment ({lang})"):
                released = generate_release(out, modules)
            for path in released:
                console.print(f"[green]{released}[/green] {path}")
    return 0
