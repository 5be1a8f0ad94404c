"""Offline self-study: the lab workspace, local checks, hints, progress and a transcript.

In a notebook: `from qcourse.selfstudy import check, hint`, then `check()` or `hint("ex_id")`;
`practice()` asks certification practice questions.
"""

from __future__ import annotations

from qcourse.selfstudy.notebook import check, hint, practice

__all__ = ["check", "hint", "practice"]
