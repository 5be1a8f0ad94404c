"""qcourse's own words in the learner's language, from gettext catalogues kept as .po files.

Every learner- and instructor-facing string of qcourse is marked `_("...")` (or `ngettext`)
with English as the message id; `src/qcourse/locale/ko/LC_MESSAGES/qcourse.po` holds the Korean.
The .po files are compiled in memory with Babel at first use, as qgrade does, so no .mo file has
to be built or shipped.

The language of a message is explicit wherever code knows it (`_(msg, lang="ko")`); otherwise
`default_language()`: `$QCOURSE_LANG`, else the language of the learner's remembered lab
workspace, else the system locale (`LC_ALL`, `LC_MESSAGES`, `LANG`), else English. Nothing
switches a global language.
"""

from __future__ import annotations

import gettext as _gettext
import io
import os
from functools import cache
from pathlib import Path

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAIN = "qcourse"
LANGUAGES: tuple[str, ...] = ("en", "ko")  # the one list of languages the course speaks
LANG_ENV = "QCOURSE_LANG"


def normalize(lang: str | None) -> str:
    """ "ko_KR.UTF-8" -> "ko"; "" for nothing usable."""
    if not lang:
        return ""
    return str(lang).strip().lower().replace("-", "_").split("_")[0].split(".")[0].split("@")[0]


def supported(lang: str | None) -> str | None:
    """`lang` as one of LANGUAGES, or None."""
    code = normalize(lang)
    return code if code in LANGUAGES else None


def locale_language() -> str | None:
    """The language of the system locale, when the course speaks it."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):  # the first one set decides, as in POSIX
        value = os.environ.get(var)
        if value:
            return None if value in ("C", "POSIX") or value.startswith("C.") else supported(value)
    return None


def default_language(workspace: str | None = None) -> str:
    """The language for a message when the code has none: `$QCOURSE_LANG`, else `workspace`
    (the language of the workspace a command works in), else the remembered workspace's,
    else the locale's, else English."""
    explicit = supported(os.environ.get(LANG_ENV)) or supported(workspace)
    if explicit:
        return explicit
    from qcourse.selfstudy.remembered import remembered_language

    return remembered_language() or locale_language() or "en"


def choose(option: str | None, workspace: str | None = None) -> str:
    """A command's language: its `--lang` option, else `default_language(workspace)`."""
    return supported(option) or default_language(workspace)


def resolve(lang: str | None) -> str:
    """`lang` if the course speaks it, else the default language."""
    return supported(lang) or default_language()


@cache
def translations(lang: str) -> _gettext.NullTranslations:
    po = LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    if lang == "en" or not po.is_file():
        return _gettext.NullTranslations()
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as fh:
        catalog = read_po(fh, locale=lang)
    buf = io.BytesIO()
    write_mo(buf, catalog)
    buf.seek(0)
    return _gettext.GNUTranslations(buf)


def _(message: str, lang: str | None = None) -> str:
    """`message` (an English msgid) in `lang`, else in the default language."""
    return translations(resolve(lang)).gettext(message)


def ngettext(singular: str, plural: str, n: int, lang: str | None = None) -> str:
    return translations(resolve(lang)).ngettext(singular, plural, n)


def pgettext(context: str, message: str, lang: str | None = None) -> str:
    """`message` in `lang`, where the same English word needs another translation in
    `context` ("Points" as an exercise's maximum: 배점, not 점수)."""
    return translations(resolve(lang)).pgettext(context, message)


def N_(message: str) -> str:
    """Marks a message for extraction; translated later where its language is known."""
    return message


def pick(texts: dict[str, str], lang: str) -> str:
    """A bilingual curriculum text in `lang`, else English, else whatever there is."""
    return texts.get(lang) or texts.get("en") or next(iter(texts.values()), "")
