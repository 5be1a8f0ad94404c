"""Re-extract qcourse's messages and merge them into the translations.

    .venv/bin/python src/qcourse/locale/update.py          # update qcourse.pot and ko/*.po
    .venv/bin/python src/qcourse/locale/update.py --check  # exit 1 if anything is stale

Extraction reads every `_()`, `N_()` and `ngettext()` in `src/qcourse/` (Babel's Python
extractor); the rest (merging, writing only what changed, the report of what needs a
translator) is qgrade's own tool, `autograder/qgrade/locale/update.py`, run on this catalogue.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir

LOCALE_DIR = Path(__file__).resolve().parent
PACKAGE_DIR = LOCALE_DIR.parent
SOURCE_ROOT = PACKAGE_DIR.parent  # src/
DOMAIN = "qcourse"
METHOD_MAP = [("qcourse/**.py", "python")]


def _qgrade_tool():
    """qgrade's catalogue tool, configured for the qcourse domain (a private copy of it)."""
    path = PACKAGE_DIR.parents[1] / "autograder" / "qgrade" / "locale" / "update.py"
    if not path.is_file():  # an installed wheel: qgrade is beside qcourse
        spec = importlib.util.find_spec("qgrade")
        path = Path(next(iter(spec.submodule_search_locations))) / "locale" / "update.py"
    spec = importlib.util.spec_from_file_location("_qcourse_catalogue_tool", path)
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    tool.LOCALE_DIR = LOCALE_DIR
    tool.SOURCE_ROOT = SOURCE_ROOT
    tool.POT = LOCALE_DIR / f"{DOMAIN}.pot"
    tool.DOMAIN = DOMAIN
    tool.HEADER = dict(
        tool.HEADER,
        project="qcourse",
        header_comment=(
            "# Messages of qcourse, the course's command line and self-study tools.\n"
            "# Regenerate with src/qcourse/locale/update.py; translate the Korean .po by hand."
        ),
    )
    return tool


def extract() -> Catalog:
    tool = _qgrade_tool()
    template = Catalog(domain=DOMAIN, fuzzy=False, **tool.HEADER)
    for filename, lineno, message, comments, context in extract_from_dir(
        SOURCE_ROOT,
        METHOD_MAP,
        comment_tags=("TRANSLATORS:",),
        strip_comment_tags=True,
    ):
        path = Path(filename).as_posix()
        template.add(message, None, [(path, lineno)], auto_comments=comments, context=context)
    return template


def update(check: bool = False) -> dict[str, list[str]]:
    tool = _qgrade_tool()
    return tool.update(check=check, locale_dir=LOCALE_DIR, template=extract())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing; fail if stale")
    args = parser.parse_args(argv)
    report = update(check=args.check)
    todo = {path: ids for path, ids in report.items() if ids}
    for path, ids in todo.items():
        print(f"{path}: {len(ids)} message(s) need a translation")
        for msgid in ids:
            print(f"  - {msgid!r}")
    if not todo:
        print("qcourse.pot and every translation are up to date")
    return 1 if todo else 0


if __name__ == "__main__":
    sys.exit(main())
