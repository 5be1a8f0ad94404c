"""Every learner-facing qgrade message has a Korean translation, and the language switches work."""

from __future__ import annotations

import ast
import importlib.util
import os
import re
import string
import subprocess
import sys
from pathlib import Path

import pytest

import qgrade
from qgrade import i18n
from qgrade.verdict import Verdict

PACKAGE = Path(qgrade.__file__).resolve().parent
UPDATE_SCRIPT = PACKAGE / "locale" / "update.py"
MARKERS = {"_", "N_", "ngettext", "gettext"}


def _load_update():
    spec = importlib.util.spec_from_file_location("qgrade_locale_update", UPDATE_SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


update = _load_update()


@pytest.fixture(autouse=True)
def _default_language(monkeypatch):
    monkeypatch.delenv("QCOURSE_LANG", raising=False)
    monkeypatch.setattr(i18n, "_language", None)


@pytest.fixture(scope="module")
def template():
    # extracted afresh from the sources: a new English message without a translation fails below
    return update.extract()


@pytest.fixture(scope="module")
def korean():
    return update.read_catalog(update.po_path("ko"), "ko")


def _placeholders(text: str) -> list[str]:
    """Format fields ({qubit}, {0}, {x:.3f}) and printf conversions (%s, %(name)d), sorted."""
    fields = []
    try:
        fields = [f"{{{name}}}" for _lit, name, _spec, _conv in string.Formatter().parse(text)]
        fields = [f for f in fields if f != "{None}"]
    except ValueError:
        pytest.fail(f"malformed format string: {text!r}")
    printf = re.findall(r"%(?:\(\w+\))?[-#0 +]*\d*(?:\.\d+)?[sdifgexXr%]", text)
    return sorted(fields + [p for p in printf if p != "%%"])


def _ids(catalog) -> list[str]:
    return [m.id if isinstance(m.id, str) else m.id[0] for m in catalog if m.id]


def test_extraction_finds_the_messages(template):
    ids = _ids(template)
    assert len(ids) >= 30, ids
    # messages from the renderer and (once they exist) from the checks
    assert "Not passed yet" in ids
    assert "Qubit order reversed" in ids
    sources = {loc[0] for m in template if m.id for loc in m.locations}
    assert "qgrade/render.py" in sources


def test_every_message_has_a_korean_translation(template, korean):
    problems = []
    for message in template:
        if not message.id:
            continue
        translated = korean.get(message.id, context=message.context)
        msgid = message.id if isinstance(message.id, str) else message.id[0]
        if translated is None:
            problems.append(f"missing from ko .po (run locale/update.py): {msgid!r}")
            continue
        if translated.fuzzy:
            problems.append(f"fuzzy (review it, drop the flag): {msgid!r}")
        strings = (
            translated.string if isinstance(translated.string, tuple) else (translated.string,)
        )
        if not all(s and s.strip() for s in strings):
            problems.append(f"untranslated: {msgid!r}")
            continue
        originals = message.id if isinstance(message.id, tuple) else (message.id,)
        for s in strings:
            if _placeholders(s) != _placeholders(originals[0]):
                problems.append(
                    f"placeholders differ: {msgid!r} has {_placeholders(originals[0])}, "
                    f"the Korean {s!r} has {_placeholders(s)}"
                )
    assert not problems, "\n".join(problems)


def test_korean_translations_are_korean(template, korean):
    # a translator pasting the English back would pass the test above; each translation
    # must contain Hangul unless the English is pure notation (no letters at all)
    english_only = []
    for message in template:
        if not message.id or not re.search(r"[A-Za-z]{3}", str(message.id)):
            continue
        translated = korean.get(message.id, context=message.context)
        text = "".join(translated.string) if translated and translated.string else ""
        if not re.search(r"[\uac00-\ud7a3]", text):
            english_only.append(message.id)
    assert not english_only, english_only


def _marked_calls(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            if node.func.id in MARKERS and node.args:
                yield node


def test_every_marked_string_is_extractable(template):
    """`_()` inside an f-string, or around an f-string, is invisible to (or wrong for) gettext."""
    ids = set(_ids(template))
    problems = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE.parent).as_posix()
        for call in _marked_calls(ast.parse(path.read_text(encoding="utf-8"))):
            arg = call.args[0]
            where = f"{rel}:{call.lineno}"
            if isinstance(arg, ast.JoinedStr | ast.BinOp):
                problems.append(f"{where}: {call.func.id}() of a computed string; use .format()")
            elif isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                if arg.value not in ids:
                    problems.append(
                        f"{where}: {arg.value!r} is not extracted (is the _() inside an f-string?)"
                    )
    assert not problems, "\n".join(problems)


def test_update_keeps_translations_and_lists_new_messages(tmp_path, template, korean):
    import shutil

    from babel.messages.catalog import Catalog

    shutil.copytree(PACKAGE / "locale" / "ko", tmp_path / "ko")
    grown = Catalog(domain="qgrade", fuzzy=False)
    for message in template:
        if message.id:
            grown.add(message.id, locations=message.locations, context=message.context)
    grown.add("A brand-new message about {qubit}.", locations=[("qgrade/new.py", 1)])
    report = update.update(locale_dir=tmp_path, template=grown)
    (todo,) = report.values()
    assert todo == ["A brand-new message about {qubit}."]
    merged = update.read_catalog(update.po_path("ko", tmp_path), "ko")
    for message in korean:
        if message.id and not message.fuzzy and message.string:
            assert merged.get(message.id).string == message.string
    assert (tmp_path / "qgrade.pot").is_file()
    # and the check mode reports, without writing, that the files are now current
    assert update.update(check=True, locale_dir=tmp_path, template=grown) == report


def test_set_language_switches_messages():
    assert i18n._("Passed") == "Passed"
    qgrade.set_language("ko")
    assert qgrade.get_language() == "ko"
    assert i18n._("Passed") == "통과"
    verdict = Verdict(False, 0.0, "qubit_order_reversed", "x")
    assert "큐비트 순서가 뒤바뀌었어요" in str(verdict)
    assert "큐비트 순서가 뒤바뀌었어요" in verdict._repr_html_()
    qgrade.set_language("en")
    assert i18n._("Passed") == "Passed"
    assert "Qubit order reversed" in str(verdict)


def test_set_language_accepts_locale_spellings_and_rejects_others():
    qgrade.set_language("ko_KR.UTF-8")
    assert qgrade.get_language() == "ko"
    with pytest.raises(ValueError, match="expected one of"):
        qgrade.set_language("fr")


def test_environment_variable_switches_messages(monkeypatch):
    monkeypatch.setenv("QCOURSE_LANG", "ko")
    assert qgrade.get_language() == "ko"
    assert i18n._("Not passed yet") == "아직 통과하지 못했어요"
    monkeypatch.setenv("QCOURSE_LANG", "xx")
    assert i18n._("Not passed yet") == "Not passed yet"


def test_environment_variable_in_a_fresh_interpreter():
    # the way a learner's kernel gets it: set before qgrade is ever imported
    code = "import qgrade; from qgrade.i18n import _; print(qgrade.get_language(), _('Passed'))"
    env = {**os.environ, "QCOURSE_LANG": "ko_KR.UTF-8"}
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["ko", "통과"]
    assert result.stderr == ""
