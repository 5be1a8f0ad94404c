"""Hangul in every figure, on a machine with no Hangul font of its own: the course's font."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from qcourse.selfstudy.fonts import FONT_FILE
from qcourse.selfstudy.progress_plot import wrap_label

# a fresh interpreter whose matplotlib forgets every system font that can draw Hangul, as on a
# fresh `pip install` without fonts-nanum / fonts-noto-cjk; every warning is recorded
PRELUDE = textwrap.dedent(
    """
    import logging, warnings
    import matplotlib
    matplotlib.use("Agg")
    from matplotlib import font_manager
    from matplotlib.ft2font import FT2Font

    def draws_hangul(entry):
        try:
            return ord("한") in FT2Font(entry.fname).get_charmap()
        except Exception:
            return False

    font_manager.fontManager.ttflist = [
        f for f in font_manager.fontManager.ttflist if not draws_hangul(f)
    ]
    font_manager.fontManager._findfont_cached.cache_clear()
    records = []
    class Keep(logging.Handler):
        def emit(self, record):
            records.append(record.getMessage())
    logging.getLogger("matplotlib").addHandler(Keep())
    warnings.simplefilter("always")
    caught = warnings.catch_warnings(record=True)
    seen = caught.__enter__()
    def problems():
        msgs = [str(w.message) for w in seen] + records
        return [m for m in msgs if "Glyph" in m or "findfont" in m or "missing" in m]
    """
)


def _run(body: str, tmp_path) -> subprocess.CompletedProcess:
    code = PRELUDE + textwrap.dedent(body)
    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp_path,
        env=_env(tmp_path),
    )


def _env(tmp_path) -> dict:
    import os

    return {**os.environ, "MPLCONFIGDIR": str(tmp_path / "mpl"), "QCOURSE_HOME": str(tmp_path)}


DRAW = """
import matplotlib.pyplot as plt
fig, ax = plt.subplots()
ax.set_title("큐비트 0의 측정 결과")
ax.set_xlabel("측정 횟수 (shots)")
ax.bar(["상태 |0⟩", "상태 |1⟩"], [512, 488])
fig.savefig("k.png")
fig.savefig("k.pdf")
"""


@pytest.mark.slow
def test_without_the_course_font_hangul_is_missing_so_the_test_can_fail(tmp_path):
    result = _run(DRAW + "print('PROBLEMS', len(problems()))", tmp_path)
    assert result.returncode == 0, result.stderr
    assert "PROBLEMS 0" not in result.stdout  # boxes: the glyphs are missing


@pytest.mark.slow
def test_registered_font_draws_hangul_in_png_and_pdf_with_no_missing_glyph(tmp_path):
    body = (
        """
from qcourse.selfstudy import fonts
fonts.register()
path = font_manager.findfont(font_manager.FontProperties(family="NanumGothic"))
print("FONT", path)
"""
        + DRAW
        + "\nassert not problems(), problems()\nprint('OK')"
    )
    result = _run(body, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"FONT {FONT_FILE}" in result.stdout  # the wheel's own font, not a system one
    assert "OK" in result.stdout
    assert (tmp_path / "k.pdf").read_bytes()[:5] == b"%PDF-"


@pytest.mark.slow
def test_progress_plot_and_pdf_transcript_in_korean_have_every_glyph(tmp_path):
    body = """
from pathlib import Path
from qcourse.selfstudy.course_builds import installed
from qcourse.selfstudy.progress_plot import plot_progress
from qcourse.selfstudy.progress_view import build_view
from qcourse.selfstudy.store import ProgressStore
from qcourse.selfstudy.transcript import render_pdf
curriculum = installed().curriculum
with ProgressStore.open(Path("p.sqlite3")) as store:
    view = build_view(curriculum, store, "ko")
plot_progress(view, "ko", Path("progress.png"))
assert render_pdf(view, curriculum, "ko", "홍길동", Path("t.pdf")) is not None
assert not problems(), problems()
print("OK")
"""
    result = _run(body, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "OK" in result.stdout


def test_labels_wrap_between_words_never_inside_one():
    title = "01 큐비트와 게이트: 상태벡터, 블로흐 구, 측정과 확률의 기초"
    wrapped = wrap_label(title)
    assert "\n" in wrapped and "..." not in wrapped and "…" not in wrapped
    assert wrapped.replace("\n", " ") == title  # nothing cut, only spaces became breaks
    english = "Quantum algorithms (query algorithms, search, Fourier transform) (B1)"
    assert wrap_label(english).replace("\n", " ") == english
