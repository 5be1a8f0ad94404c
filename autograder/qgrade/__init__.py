"""qgrade: grade learners' Qiskit circuits against mathematical truth and say what is wrong."""

__version__ = "0.1.0"

from qgrade.checks.counts import check_counts  # noqa: E402
from qgrade.checks.figure import (  # noqa: E402
    check_bloch,
    check_drawing,
    check_figure,
    check_histogram,
)
from qgrade.checks.operator import check_operator  # noqa: E402
from qgrade.checks.oracle import check_oracle  # noqa: E402
from qgrade.checks.state import check_state  # noqa: E402
from qgrade.checks.value import check_value  # noqa: E402
from qgrade.constraints import Constraints  # noqa: E402
from qgrade.diagnoses import DIAGNOSES  # noqa: E402
from qgrade.figures import FigureSummary, summarize  # noqa: E402
from qgrade.i18n import get_language, set_language  # noqa: E402


def register_fonts() -> list[str]:
    """Make this process's matplotlib figures draw Hangul (the bundled NanumGothic)."""
    from qgrade.fonts import register

    return register()


from qgrade.names import explain_name_errors  # noqa: E402
from qgrade.notebook import (  # noqa: E402
    assert_bloch,
    assert_counts,
    assert_drawing,
    assert_figure,
    assert_histogram,
    assert_operator,
    assert_oracle,
    assert_state,
    assert_value,
    assert_verdict,
    partial_credit,
)
from qgrade.plots import localize_figure, localize_figures  # noqa: E402
from qgrade.verdict import Verdict  # noqa: E402

__all__ = [
    "DIAGNOSES",
    "Constraints",
    "FigureSummary",
    "Verdict",
    "assert_bloch",
    "assert_counts",
    "assert_drawing",
    "assert_figure",
    "assert_histogram",
    "assert_operator",
    "assert_oracle",
    "assert_state",
    "assert_value",
    "assert_verdict",
    "check_bloch",
    "check_counts",
    "check_drawing",
    "check_figure",
    "check_histogram",
    "check_operator",
    "check_oracle",
    "check_state",
    "check_value",
    "explain_name_errors",
    "get_language",
    "localize_figure",
    "localize_figures",
    "partial_credit",
    "register_fonts",
    "set_language",
    "summarize",
]
