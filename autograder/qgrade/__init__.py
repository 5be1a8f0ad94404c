"""qgrade: grade learners' Qiskit circuits against mathematical truth and say what is wrong."""

__version__ = "0.1.0"

from qgrade.i18n import get_language, set_language  # noqa: E402
from qgrade.notebook import (  # noqa: E402
    assert_counts,
    assert_operator,
    assert_oracle,
    assert_state,
    assert_verdict,
    partial_credit,
)
from qgrade.verdict import Verdict  # noqa: E402

__all__ = [
    "Verdict",
    "assert_counts",
    "assert_operator",
    "assert_oracle",
    "assert_state",
    "assert_verdict",
    "get_language",
    "partial_credit",
    "set_language",
]
