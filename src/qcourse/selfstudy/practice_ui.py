"""The terminal (and notebook) face of certification practice: ask, grade, explain, list.

`qcourse practice` and the notebook function `practice()` both use it; Rich renders the same
output as text in a terminal and as HTML in Jupyter.
"""

from __future__ import annotations

from rich.console import Console

from qcourse.curriculum.practice import PracticeBank
from qcourse.i18n import _
from qcourse.selfstudy.store import ProgressStore


def answer_given(
    console: Console, bank: PracticeBank, store: ProgressStore, given: list[str], lang: str
) -> int:
    """Grade, record and explain replies given as QUESTION=REPLY (all checked first)."""
    from qcourse.curriculum.practice import valid_reply
    from qcourse.errors import UserError
    from qcourse.selfstudy.practice import grade, parse_answer_option

    pairs = [parse_answer_option(text, lang) for text in given]
    questions = [(bank.question(qid, lang), reply) for qid, reply in pairs]
    for q, reply in questions:  # check every reply before recording any
        if not valid_reply(q, reply):
            raise UserError(
                _("{reply!r} does not answer question {id}: {expected}", lang).format(
                    reply=reply, id=q.id, expected=_expected(q, lang)
                )
            )
    right = 0
    for q, reply in questions:
        answer = grade(q, reply, lang)
        store.record_practice(answer)
        right += answer.correct
        _verdict(console, bank, q, answer.correct, lang, heading=True)
    _summary(console, right, len(questions), lang)
    return 0


def ask_round(
    console: Console,
    bank: PracticeBank,
    store: ProgressStore,
    lang: str,
    sections: list[str] | None = None,
    count: int | None = None,
    retry_wrong: bool = False,
    seed: int | None = None,
) -> int:
    """Ask questions one by one, reading replies with `console.input`, until done or stopped."""
    from qcourse.selfstudy.practice import choose_questions

    questions = choose_questions(
        bank,
        store.practice_answers(),
        sections=sections,
        count=count or None,
        retry_wrong=retry_wrong,
        seed=seed,
    )
    if not questions:
        message = (
            _("No question to retry: your latest answers are all right.", lang)
            if retry_wrong
            else _("No question in this selection.", lang)
        )
        console.print(message)
        return 0
    asked = right = 0
    for n, q in enumerate(questions, 1):
        reply = _read_reply(console, bank, q, n, len(questions), lang)
        if reply is None:
            break
        if reply == "":
            continue
        from qcourse.selfstudy.practice import grade

        answer = grade(q, reply, lang)
        store.record_practice(answer)
        asked += 1
        right += answer.correct
        _verdict(console, bank, q, answer.correct, lang)
    _summary(console, right, asked, lang)
    return 0


def _show(console, bank, q, n: int, total: int, lang: str) -> None:
    from rich.markdown import Markdown
    from rich.markup import escape
    from rich.syntax import Syntax

    from qcourse.i18n import pick

    section = bank.section(q.section, lang)
    console.print()
    console.rule(
        f"[bold]{n}/{total}[/] · {section.number}. {escape(pick(section.title, lang))} "
        f"[dim]({escape(q.id)})[/]"
    )
    if q.code:
        console.print(Syntax(q.code, "python", theme="ansi_dark", background_color="default"))
        console.print()
    console.print(Markdown(pick(q.stem, lang)))
    for o in q.options:
        console.print(f"  [bold]{o.key})[/] {escape(pick(o.text, lang))}")


def _read_reply(console, bank, q, n: int, total: int, lang: str) -> str | None:
    """The learner's reply; "" to skip, None to stop."""
    from rich.markup import escape

    from qcourse.curriculum.practice import valid_reply

    _show(console, bank, q, n, total, lang)
    skip, stop = "s", "q"  # the same keys in every language
    prompt = _("{expected}; {skip} skips, {stop} stops", lang).format(
        expected=_expected(q, lang), skip=skip, stop=stop
    )
    while True:
        try:
            reply = console.input(f"[bold cyan]{escape(prompt)}[/] > ").strip()
        except EOFError:
            console.print()
            return None
        if reply.lower() == stop:
            return None
        if reply.lower() == skip:
            return ""
        if valid_reply(q, reply):
            return reply
        console.print(f"[yellow]{escape(_expected(q, lang))}[/]")


def _expected(q, lang: str) -> str:
    keys = ", ".join(o.key for o in q.options)
    if q.kind == "single":
        return _("answer with one letter: {keys}", lang).format(keys=keys)
    if q.kind == "multiple":
        return _("answer with every letter that applies, e.g. a,c ({keys})", lang).format(keys=keys)
    if q.kind == "numeric":
        return _("answer with a number", lang)
    return _("answer with a word or a short text", lang)


def _verdict(console, bank, q, correct: bool, lang: str, heading: bool = False) -> None:
    from rich.markdown import Markdown
    from rich.markup import escape

    from qcourse.i18n import pick

    label = f"{escape(q.id)}: " if heading else ""
    if correct:
        verdict = _("Right.", lang)
        console.print(f"{label}[bold green]✔ {escape(verdict)}[/]")
    else:
        verdict = _("Not right.", lang)
        answer = _("The answer: {answer}", lang).format(answer=q.answer_text(lang))
        console.print(f"{label}[bold red]✘ {escape(verdict)}[/] {escape(answer)}")
    console.print(Markdown(pick(q.explanation, lang)))


def _summary(console, right: int, asked: int, lang: str) -> None:
    from rich.markup import escape

    from qcourse.i18n import ngettext

    if not asked:
        return
    console.print()
    console.print(
        "[bold]"
        + escape(
            ngettext(
                "{right} of {n} answer right.", "{right} of {n} answers right.", asked, lang
            ).format(right=right, n=asked)
        )
        + "[/] "
        + escape(_("`qcourse progress` shows your score per exam section.", lang))
    )


def print_list(console, bank, answers, sections, lang: str) -> None:
    from rich.markup import escape
    from rich.table import Table

    from qcourse.i18n import pick
    from qcourse.selfstudy.practice import latest_answers

    latest = latest_answers(answers)
    table = Table(title=escape(pick(bank.title, lang)))
    table.add_column(_("Question", lang), no_wrap=True)
    table.add_column(_("Section", lang), overflow="fold")
    table.add_column(_("Kind", lang))
    table.add_column(_("Latest answer", lang))
    kinds = {
        "single": _("one choice", lang),
        "multiple": _("several choices", lang),
        "numeric": _("number", lang),
        "text": _("text", lang),
    }
    for q in bank.questions:
        if sections and q.section not in sections:
            continue
        section = bank.section(q.section, lang)
        a = latest.get(q.id)
        right, wrong = _("right", lang), _("wrong", lang)
        status = (
            "–"
            if a is None
            else f"[green]{escape(right)}[/]"
            if a.correct
            else f"[red]{escape(wrong)}[/]"
        )
        table.add_row(
            escape(q.id),
            f"{section.number}. {escape(pick(section.title, lang))}",
            kinds[q.kind],
            status,
        )
    console.print(table)
