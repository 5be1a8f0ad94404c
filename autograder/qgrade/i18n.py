"""Messages in the learner's language, from gettext catalogues kept as .po files (Babel).

`_()` marks and translates a message; `set_language("ko")` or the `QCOURSE_LANG` environment
variable picks the language (default English). The .po files are read with Babel at first use,
so no compiled .mo file has to be built or shipped.
"""

from __future__ import annotations

import gettext
import io
import os
from functools import cache
from pathlib import Path

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAIN = "qgrade"
LANGUAGES = ("en", "ko")

_language: str | None = None


def set_language(lang: str) -> None:
    """Switch qgrade's messages to `lang` ("en" or "ko")."""
    global _language
    lang = _normalize(lang)
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}; expected one of {', '.join(LANGUAGES)}")
    _language = lang


def get_language() -> str:
    """The active language: set_language(), else QCOURSE_LANG, else English."""
    if _language is not None:
        return _language
    env = _normalize(os.environ.get("QCOURSE_LANG", "en"))
    return env if env in LANGUAGES else "en"


def _normalize(lang: str) -> str:
    return str(lang).strip().lower().replace("-", "_").split("_")[0].split(".")[0]


@cache
def _translations(lang: str) -> gettext.NullTranslations:
    po = LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    if lang == "en" or not po.is_file():
        return gettext.NullTranslations()
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as fh:
        catalog = read_po(fh, locale=lang)
    buf = io.BytesIO()
    write_mo(buf, catalog)
    buf.seek(0)
    return gettext.GNUTranslations(buf)


def _(message: str) -> str:
    """Translate `message` into the active language."""
    return _translations(get_language()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translations(get_language()).ngettext(singular, plural, n)
