"""Hangul in every figure: qgrade ships NanumGothic (SIL Open Font License 1.1, see
`qgrade/fonts/OFL.txt`) and registers it with matplotlib, whatever fonts the machine has.

`register()` adds the bundled font to matplotlib's font manager and makes it the fallback of
matplotlib's default font: Latin text keeps DejaVu Sans, and any glyph DejaVu Sans lacks
(Hangul) is drawn with NanumGothic, in PNGs and PDFs alike. Notebooks call it in their set-up
cell (`qgrade.register_fonts()`: notebooks import only qgrade); `qcourse progress`,
`qcourse transcript` and the instructor reports call it before drawing.
"""

from __future__ import annotations

import dataclasses
from functools import cache
from pathlib import Path

FONT_DIR = Path(__file__).resolve().parent
FONT_FILE = FONT_DIR / "NanumGothic.ttf"
FONT_FILES = (FONT_FILE, FONT_DIR / "NanumGothicBold.ttf")  # regular and bold (headings)
HANGUL_FAMILY = "NanumGothic"
LATIN_FAMILY = "DejaVu Sans"  # matplotlib's own default font, always there


@cache
def _add_font() -> str:
    from matplotlib import font_manager

    manager = font_manager.fontManager
    known = {f.fname for f in manager.ttflist}
    for file in FONT_FILES:
        if str(file) not in known:
            manager.addfont(str(file))
    # NanumGothic Bold declares weight 600; as matplotlib's "bold" (700) it is found without a
    # "Failed to find font weight bold" warning, next to DejaVu Sans Bold
    bold = str(FONT_FILES[1])
    manager.ttflist = [
        dataclasses.replace(f, weight=700) if f.fname == bold and f.weight != 700 else f
        for f in manager.ttflist
    ]
    manager._findfont_cached.cache_clear()
    return HANGUL_FAMILY


def font_families(lang: str | None = None) -> list[str]:
    """matplotlib `font.family` that draws both English and Korean (the language does not
    matter: a Korean lesson quotes English names, an English one may show a Korean title)."""
    _add_font()
    return [LATIN_FAMILY, HANGUL_FAMILY]


def register() -> list[str]:
    """Make every later matplotlib figure of this process draw Hangul; returns the families."""
    import matplotlib as mpl

    families = font_families()
    # matplotlib falls back glyph by glyph only along an explicit list of families (not
    # through the "sans-serif" alias)
    mpl.rcParams["font.family"] = families
    sans = [f for f in mpl.rcParams["font.sans-serif"] if f not in families]
    mpl.rcParams["font.sans-serif"] = [*families, *sans]
    return families


def can_draw(lang: str) -> bool:
    """Every course language can be drawn: the font ships with qgrade."""
    return all(file.is_file() for file in FONT_FILES)
