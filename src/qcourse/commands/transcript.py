"""`qcourse transcript`: what you have demonstrated, by CFQT competence, as HTML (and PDF)."""

from __future__ import annotations

import argparse
import getpass
from pathlib import Path

from rich.console import Console

from qcourse.commands._lab_options import add_lab_options
from qcourse.i18n import _


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "transcript",
        help=_("write an HTML (and PDF) transcript of what you demonstrated, mapped to CFQT"),
        description=(
            _(
                "Write a transcript of the exercises passed in self-study, grouped by CFQT "
                "subdomain with the proficiency level demonstrated: transcript.html always, "
                "transcript.pdf when the language can be drawn on this machine."
            )
        ),
    )
    add_lab_options(parser)
    parser.add_argument(
        "--name", help=_("the learner's name on the transcript (default: user name)")
    )
    parser.add_argument(
        "--out", type=Path, help=_("output folder (default: the qcourse data folder)")
    )
    parser.add_argument("--no-pdf", action="store_true", help=_("write the HTML only"))
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from rich.markup import escape

    from qcourse.errors import UserError
    from qcourse.selfstudy.home import data_home
    from qcourse.selfstudy.learner_view import load_learner_view
    from qcourse.selfstudy.transcript import render_html, render_pdf

    console = Console()
    view, lang, source = load_learner_view(args.dir, args.lang, args.curriculum, console)
    learner = args.name or getpass.getuser()
    out = (args.out or data_home()).expanduser()
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(
            _("cannot create the output folder {path}: {error}", lang).format(
                path=out, error=exc.strerror
            )
        ) from exc
    html = out / f"transcript-{lang}.html"
    html.write_text(
        render_html(view, source.curriculum, lang, learner, source.fingerprint), encoding="utf-8"
    )
    console.print(f"HTML: {escape(str(html))}")
    if not args.no_pdf:
        pdf = render_pdf(view, source.curriculum, lang, learner, out / f"transcript-{lang}.pdf")
        if pdf:
            console.print(f"PDF:  {escape(str(pdf))}")
        else:
            console.print(
                escape(
                    _(
                        "PDF skipped: no font for Korean on this machine; the HTML has everything",
                        lang,
                    )
                ),
                style="yellow",
            )
    return 0
