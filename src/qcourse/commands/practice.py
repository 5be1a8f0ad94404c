"""`qcourse practice`: certification practice questions, graded and explained, per exam section."""

from __future__ import annotations

import argparse

from rich.console import Console

from qcourse.commands._lab_options import add_lab_options
from qcourse.i18n import _

DEFAULT_COUNT = 10


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "practice",
        help=_("practise for the Qiskit certification: questions per exam section, explained"),
        description=_(
            "Ask questions from the certification practice bank (IBM C1000-179, Qiskit v2.x), "
            "say right or wrong, explain the answer and remember it in your progress; "
            "`qcourse progress` shows your score per exam section."
        ),
    )
    parser.add_argument(
        "--section",
        action="append",
        metavar="SECTION",
        help=_("an exam section, by id or number (e.g. sampler or 5); may be repeated"),
    )
    parser.add_argument(
        "--count",
        type=int,
        default=DEFAULT_COUNT,
        help=_("how many questions to ask (default {n}; 0 for all)").format(n=DEFAULT_COUNT),
    )
    parser.add_argument(
        "--retry-wrong",
        action="store_true",
        help=_("ask only the questions your latest answer got wrong"),
    )
    parser.add_argument(
        "--answer",
        action="append",
        metavar="QUESTION=REPLY",
        help=_(
            "answer without asking, e.g. --answer samp-bell-keys=b "
            "(letters for choices, a number, or text); may be repeated"
        ),
    )
    parser.add_argument(
        "--list", action="store_true", help=_("list the questions and how you answered them")
    )
    parser.add_argument("--seed", type=int, help=_("a seed for the order of the questions"))
    add_lab_options(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from rich.markup import escape

    from qcourse.errors import UserError
    from qcourse.i18n import choose
    from qcourse.selfstudy.course_builds import resolve_root
    from qcourse.selfstudy.practice import bank_of
    from qcourse.selfstudy.practice_ui import answer_given, ask_round, print_list
    from qcourse.selfstudy.store import ProgressStore
    from qcourse.selfstudy.workspace import find_lab_workspace

    ws = find_lab_workspace(args.dir)
    lang = choose(args.lang, ws.lang if ws else None)
    bank = bank_of(resolve_root(args.curriculum or (ws.curriculum_root if ws else None)), lang=lang)
    sections = [bank.section(s, lang).id for s in args.section or ()]
    if args.count < 0:
        raise UserError(_("--count must be 0 or more, got {n}", lang).format(n=args.count))
    console = Console(highlight=False)
    with ProgressStore.open() as store:
        for notice in store.notices:
            label = _("progress store", lang)
            console.print(f"[yellow]{escape(label)}:[/] {escape(notice)}")
        if args.list:
            print_list(console, bank, store.practice_answers(), sections, lang)
            return 0
        if args.answer:
            return answer_given(console, bank, store, args.answer, lang)
        return ask_round(
            console,
            bank,
            store,
            lang,
            sections=sections,
            count=args.count,
            retry_wrong=args.retry_wrong,
            seed=args.seed,
        )
