import sys
from pathlib import Path

import pytest

from qcourse.sealed.sandbox import Sandbox, sandbox_problem

sys.path.insert(0, str(Path(__file__).parent))  # tamper_attacks


@pytest.fixture(scope="module")
def sandbox():
    """One started sandbox per test module (skipped where none can be made)."""
    if sandbox_problem() is not None:
        pytest.skip(f"no sandbox: {sandbox_problem()}")
    with Sandbox() as box:
        box.start()
        yield box
