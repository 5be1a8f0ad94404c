"""qcourse's own words: one catalogue, every marked message translated, Korean errors."""

from __future__ import annotations

import ast
import os
from pathlib import Path

import pytest
from selfstudy_support import run_qcourse

import qcourse
from qcourse import i18n

SRC = Path(qcourse.__file__).resolve().parent


def _marked_messages() -> set[str]:
    """Every literal passed to `_()` / `N_()` / `ngettext()` anywhere in qcourse's code,
    f-strings included (which Babel's extractor would silently skip)."""
    found = set()
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                if node.func.id in ("_", "N_", "ngettext") and node.args:
                    first = node.args[0]
                    if isinstance(first, ast.Constant) and isinstance(first.value, str):
                        found.add(first.value)
    return found


def test_every_marked_message_has_a_korean_translation():
    from babel.messages.pofile import read_po

    with (i18n.LOCALE_DIR / "ko" / "LC_MESSAGES" / "qcourse.po").open("rb") as fh:
        catalog = read_po(fh, locale="ko")
    translated = {
        (m.id if isinstance(m.id, str) else m.id[0])
        for m in catalog
        if m.id
        and m.string
        and not m.fuzzy
        and all(m.string if isinstance(m.string, tuple) else [m.string])
    }
    marked = _marked_messages()
    assert len(marked) > 100
    assert sorted(marked - translated) == []


def test_the_catalogue_template_is_up_to_date():
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "qcourse_locale_update", i18n.LOCALE_DIR / "update.py"
    )
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    assert tool.update(check=True) == {"qcourse/locale/ko/LC_MESSAGES/qcourse.po": []}, (
        "run src/qcourse/locale/update.py"
    )


def test_the_placeholders_of_each_translation_match_the_english(monkeypatch):
    import string

    from babel.messages.pofile import read_po

    with (i18n.LOCALE_DIR / "ko" / "LC_MESSAGES" / "qcourse.po").open("rb") as fh:
        catalog = read_po(fh, locale="ko")
    fields = lambda text: sorted(f for _l, f, _s, _c in string.Formatter().parse(text) if f)  # noqa: E731
    for m in catalog:
        if not m.id:
            continue
        ids = [m.id] if isinstance(m.id, str) else list(m.id)
        strings = [m.string] if isinstance(m.string, str) else list(m.string)
        for text in strings:
            assert set(fields(text)) <= set(fields(ids[-1])), (m.id, text)


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"QCOURSE_LANG": "ko"}, "ko"),
        ({"QCOURSE_LANG": "ko_KR.UTF-8"}, "ko"),
        ({"LANG": "ko_KR.UTF-8"}, "ko"),
        ({"LC_ALL": "C.UTF-8", "LANG": "ko_KR.UTF-8"}, "en"),
        ({"QCOURSE_LANG": "fr", "LANG": "en_US.UTF-8"}, "en"),
        ({}, "en"),
    ],
)
def test_the_default_language_follows_qcourse_lang_then_the_locale(
    monkeypatch, qhome, env, expected
):
    for var in ("QCOURSE_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)
    for var, value in env.items():
        monkeypatch.setenv(var, value)
    assert i18n.default_language() == expected


def test_a_language_is_a_parameter_not_a_global():
    assert i18n._("Exercise", "ko") == "연습"
    assert i18n._("Exercise", "en") == "Exercise"
    assert i18n._("Exercise", "ko") == "연습"  # nothing was switched by the English call
    assert (
        i18n.ngettext(
            "{n} notebook without answers updated", "{n} notebooks without answers updated", 3, "en"
        )
        == "{n} notebooks without answers updated"
    )


# -------------------------------------------------------------- Korean errors of each command


def _ko(*args, **kw):
    result = run_qcourse(*args, env={**os.environ, "QCOURSE_LANG": "ko"}, **kw)
    assert "Traceback" not in result.stdout + result.stderr
    return result


def test_check_errors_in_korean(qhome, tmp_path):
    missing = _ko("check", str(tmp_path / "nope.ipynb"))
    assert missing.returncode == 2 and "이(가) 없어요" in missing.stderr
    broken = tmp_path / "broken.ipynb"
    broken.write_text("{")
    bad = _ko("check", str(broken))
    assert bad.returncode == 2 and "올바른 노트북이 아니에요" in bad.stderr
    nowhere = _ko("check", "--dir", str(tmp_path))
    assert nowhere.returncode == 2 and "실습 작업 공간이 아니에요" in nowhere.stderr


def test_hint_progress_transcript_lab_errors_in_korean(lab, qhome, tmp_path):
    unknown = _ko("hint", "01", "nope", "--dir", str(lab.root))
    assert unknown.returncode == 2 and "연습 'nope'이(가) 없어요" in unknown.stderr
    assert "plus_state" in unknown.stderr  # the right ids are listed
    module = _ko("hint", "99", "x", "--dir", str(lab.root))
    assert module.returncode == 2 and "모르는 모듈 '99'" in module.stderr
    progress = _ko("progress", "--dir", str(tmp_path / "none"))
    assert progress.returncode == 2 and "실습 작업 공간이 아니에요" in progress.stderr
    transcript = _ko("transcript", "--dir", str(tmp_path / "none"))
    assert transcript.returncode == 2 and "실습 작업 공간이 아니에요" in transcript.stderr
    afile = tmp_path / "afile"
    afile.write_text("x")
    lab_cmd = _ko("lab", "--dir", str(afile), "--prepare-only")
    assert lab_cmd.returncode == 2 and "파일이에요" in lab_cmd.stderr


def test_instructor_command_errors_in_korean(tmp_path):
    grade = _ko("grade", "01", "--workers", "0")
    assert grade.returncode == 2 and "--workers는 양수여야 해요" in grade.stderr
    limit = _ko("grade", "01", "--time-limit", "-1")
    assert limit.returncode == 2 and "--time-limit은 양수" in limit.stderr
    full = tmp_path / "full"
    full.mkdir()
    (full / "x").write_text("x")
    demo = _ko("demo", "--dir", str(full))
    assert demo.returncode == 2 and "비어 있지 않아요" in demo.stderr
    build = _ko("build", "99", "--out", str(tmp_path / "b"))
    assert build.returncode == 2 and "모르는 모듈" in build.stderr
    validate = _ko("validate", "99", "--static")
    assert validate.returncode == 2 and "모르는 모듈 '99'" in validate.stderr
    passed = _ko("validate", "--static")
    assert passed.returncode == 0 and "정적 검사 통과" in passed.stdout


def test_every_commands_help_speaks_korean(monkeypatch):
    from qcourse.cli import build_parser

    monkeypatch.setenv("QCOURSE_LANG", "ko")
    parser = build_parser()
    (sub,) = [a for a in parser._actions if a.dest == "command"]
    assert "Qiskit 과정 플랫폼" in parser.format_help()
    assert set(sub.choices) >= {"build", "check", "course", "demo", "grade", "hint", "lab"}
    for name, command in sub.choices.items():
        text = command.format_help()
        hangul = sum("\uac00" <= ch <= "\ud7a3" for ch in text)
        assert hangul > 10, (name, text)
    monkeypatch.setenv("QCOURSE_LANG", "en")
    english = build_parser()
    (sub,) = [a for a in english._actions if a.dest == "command"]
    assert "the lab workspace" in sub.choices["check"].format_help()
