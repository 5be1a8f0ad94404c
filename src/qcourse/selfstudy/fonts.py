"""A font for Korean text in matplotlib figures, when the machine has one."""

from __future__ import annotations

from functools import cache

_HANGUL_FAMILIES = (
    "Noto Sans CJK KR",
    "Noto Sans KR",
    "NanumGothic",
    "NanumBarunGothic",
    "Malgun Gothic",
    "Apple SD Gothic Neo",
    "AppleGothic",
    "UnDotum",
    "Baekmuk Gulim",
    "Noto Sans CJK JP",  # the CJK fonts cover Hangul whatever their region tag
    "Noto Sans CJK SC",
)


@cache
def hangul_font() -> str | None:
    """The family name of an installed font that can draw Hangul, or None."""
    from matplotlib import font_manager

    installed = {f.name for f in font_manager.fontManager.ttflist}
    for family in _HANGUL_FAMILIES:
        if family in installed:
            return family
    return None


def font_families(lang: str) -> list[str]:
    """matplotlib `font.family` for text in `lang` (DejaVu Sans as the fallback)."""
    font = hangul_font() if lang == "ko" else None
    return [font, "DejaVu Sans"] if font else ["DejaVu Sans"]


def can_draw(lang: str) -> bool:
    return lang != "ko" or hangul_font() is not None
