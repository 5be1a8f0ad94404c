"""Re-extract qgrade's messages and merge them into the translations.

    .venv/bin/python autograder/qgrade/locale/update.py          # update qgrade.pot and ko/*.po
    .venv/bin/python autograder/qgrade/locale/update.py --check  # exit 1 if anything is stale

Extraction follows `autograder/babel.cfg` over every `_()`, `N_()` and `ngettext()` in
`autograder/qgrade/`. Merging keeps existing translations; a new message arrives untranslated (or
fuzzy when Babel finds a similar old one), and the report lists what still needs a translator.
Files are rewritten only when their messages changed, so reruns do not churn dates in git.

It also rewrites docs/diagnoses.md, the table of diagnosis codes built from their declarations
in `qgrade.diagnoses` with the Korean titles of the catalogue.
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po, write_po

LOCALE_DIR = Path(__file__).resolve().parent
PACKAGE_DIR = LOCALE_DIR.parent
SOURCE_ROOT = PACKAGE_DIR.parent  # autograder/, where babel.cfg lives
BABEL_CFG = SOURCE_ROOT / "babel.cfg"
POT = LOCALE_DIR / "qgrade.pot"
DIAGNOSES_DOC = SOURCE_ROOT.parent / "docs" / "diagnoses.md"
DOMAIN = "qgrade"
TRANSLATED = ("ko",)  # English is the source language: msgids are the English text
COMMENT_TAGS = ("TRANSLATORS:",)
HEADER = {
    "project": "qgrade",
    "version": "0.1",
    "copyright_holder": "qcourse developers",
    "msgid_bugs_address": "the qcourse issue tracker",
    "last_translator": "qcourse developers",
    "language_team": "qcourse",
    "charset": "utf-8",
    "header_comment": (
        "# Messages of qgrade, the qcourse grader.\n"
        "# Regenerate with autograder/qgrade/locale/update.py; translate the Korean .po by hand."
    ),
}


def extract() -> Catalog:
    """A fresh template catalogue of every marked message in the qgrade sources."""
    with BABEL_CFG.open(encoding="utf-8") as fh:
        method_map, options_map = parse_mapping_cfg(fh)
    template = Catalog(domain=DOMAIN, fuzzy=False, **HEADER)
    for filename, lineno, message, comments, context in extract_from_dir(
        SOURCE_ROOT,
        method_map,
        options_map,
        comment_tags=COMMENT_TAGS,
        strip_comment_tags=True,
    ):
        path = Path(filename).as_posix()
        template.add(message, None, [(path, lineno)], auto_comments=comments, context=context)
    return template


def read_catalog(path: Path, locale: str | None = None) -> Catalog:
    with path.open("rb") as fh:
        return read_po(fh, locale=locale, domain=DOMAIN)


def po_path(lang: str, locale_dir: Path = LOCALE_DIR) -> Path:
    return locale_dir / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def _po_bytes(catalog: Catalog) -> bytes:
    buf = io.BytesIO()
    # no line numbers: they move with every edit of the sources and would churn the diffs
    write_po(buf, catalog, width=100, include_lineno=False, ignore_obsolete=True, sort_output=True)
    return buf.getvalue()


def _body(data: bytes) -> bytes:
    """The file without its header entry, for "did anything change" comparisons."""
    return data.split(b"\n\n", 1)[-1]


def _write_if_changed(path: Path, data: bytes) -> bool:
    if path.is_file() and _body(path.read_bytes()) == _body(data):
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return True


def merged(lang: str, template: Catalog, locale_dir: Path = LOCALE_DIR) -> Catalog:
    """The `lang` catalogue updated to `template`, keeping every existing translation."""
    path = po_path(lang, locale_dir)
    if path.is_file():
        catalog = read_catalog(path, lang)
    else:
        catalog = Catalog(locale=lang, domain=DOMAIN, **HEADER)
    catalog.update(template, update_creation_date=False)
    catalog.fuzzy = False  # the header; individual messages keep their own fuzzy flag
    return catalog


def needs_work(catalog: Catalog) -> list[str]:
    """msgids that are untranslated or fuzzy in `catalog`."""
    return [_msgid_text(m.id) for m in catalog if m.id and (m.fuzzy or not _translated(m.string))]


def _translated(string: str | tuple[str, ...] | None) -> bool:
    if isinstance(string, tuple | list):  # plural forms
        return bool(string) and all(string)
    return bool(string)


def _msgid_text(msgid: str | tuple[str, ...]) -> str:
    return msgid if isinstance(msgid, str) else msgid[0]


def update(
    check: bool = False, locale_dir: Path = LOCALE_DIR, template: Catalog | None = None
) -> dict[str, list[str]]:
    """Extract, merge into every translated language; returns {path: msgids needing work}.

    With `check`, write nothing and also report a stale template or catalogue.
    """
    template = extract() if template is None else template
    report: dict[str, list[str]] = {}
    outputs = {locale_dir / POT.name: _po_bytes(template)}
    for lang in TRANSLATED:
        catalog = merged(lang, template, locale_dir)
        outputs[po_path(lang, locale_dir)] = _po_bytes(catalog)
        report[_shown(po_path(lang, locale_dir))] = needs_work(catalog)
    for path, data in outputs.items():
        stale = not path.is_file() or _body(path.read_bytes()) != _body(data)
        if check and stale:
            report.setdefault(_shown(path), []).append("<file is stale>")
        elif not check:
            _write_if_changed(path, data)
    return report


def _shown(path: Path) -> str:
    return str(path.relative_to(SOURCE_ROOT)) if path.is_relative_to(SOURCE_ROOT) else str(path)


def diagnoses_doc() -> str:
    """docs/diagnoses.md as the declarations and the Korean catalogue make it now."""
    if str(SOURCE_ROOT) not in sys.path:
        sys.path.insert(0, str(SOURCE_ROOT))
    from qgrade import diagnoses, i18n

    i18n._translations.cache_clear()  # the .po may have just been rewritten
    return diagnoses.markdown()


def sync_diagnoses_doc(check: bool = False) -> bool:
    """Whether docs/diagnoses.md was stale (rewritten unless `check`)."""
    text = diagnoses_doc()
    stale = not DIAGNOSES_DOC.is_file() or DIAGNOSES_DOC.read_text(encoding="utf-8") != text
    if stale and not check:
        DIAGNOSES_DOC.write_text(text, encoding="utf-8")
    return stale


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing; fail if stale")
    args = parser.parse_args(argv)
    report = update(check=args.check)
    if sync_diagnoses_doc(check=args.check) and args.check:
        report[str(DIAGNOSES_DOC.relative_to(SOURCE_ROOT.parent))] = ["<file is stale>"]
    todo = {path: ids for path, ids in report.items() if ids}
    for path, ids in todo.items():
        print(f"{path}: {len(ids)} message(s) need a translation")
        for msgid in ids:
            print(f"  - {msgid!r}")
    if not todo:
        print(f"{_shown(POT)} and every translation are up to date")
    return 1 if todo else 0


if __name__ == "__main__":
    sys.exit(main())
