"""The real curriculum: static rules (fast) and the full nbgrader proof of every module (slow)."""

from __future__ import annotations

import pytest

from qcourse.curriculum import load_curriculum, validate
from qcourse.curriculum.load import read_curriculum


def _has_modules() -> bool:
    curriculum, problems = read_curriculum()
    return bool(curriculum.modules or problems)


def test_curriculum_static_rules():
    if not _has_modules():
        pytest.skip("curriculum/ has no modules yet")
    report = validate(static_only=True)
    assert report.ok, "\n".join(report.failures())
    assert load_curriculum().modules


@pytest.mark.slow
def test_curriculum_validates():
    if not _has_modules():
        pytest.skip("curriculum/ has no modules yet")
    report = validate(workers=2)
    for m in report.modules:
        print(f"validate {m.module} [{m.lang}]: {m.seconds:.1f} s")
    assert report.modules
    assert report.ok, "\n".join(report.failures())
