"""Hangul in qcourse's own figures: the font and its registration live in `qgrade.fonts`
(notebooks import only qgrade); this module keeps the names qcourse's code uses."""

from __future__ import annotations

from qgrade.fonts import (  # noqa: F401
    FONT_DIR,
    FONT_FILE,
    FONT_FILES,
    HANGUL_FAMILY,
    LATIN_FAMILY,
    can_draw,
    font_families,
    register,
)
