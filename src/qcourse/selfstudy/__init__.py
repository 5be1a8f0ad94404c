"""Offline self-study: the lab workspace, local checks, hints, progress and a transcript.

In a notebook: `from qcourse.selfstudy import check, hint`, then `check()` or `hint("ex_id")`.
"""

from __future__ import annotations

from qcourse.selfstudy.notebook import check, hint

__all__ = ["check", "hint"]
