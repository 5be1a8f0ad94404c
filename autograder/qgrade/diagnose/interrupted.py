"""`interrupted`: the learner's function was interrupted (the stop button, a cell time limit)
while a check was running it; the check ends with a failing verdict that says so."""

from __future__ import annotations

from qgrade._guard import Reject, reject
from qgrade.diagnoses import INTERRUPTED
from qgrade.i18n import _

CODE = INTERRUPTED


def while_running(name: str) -> Reject:
    """The verdict for a KeyboardInterrupt raised while the learner's function `name` ran."""
    return reject(
        CODE,
        _(
            "Your answer was interrupted before it finished (the stop button or a time limit), "
            "so it could not be graded. If it runs for a long time, look for a loop that never "
            "ends, then run the cell again."
        ),
        function=name,
    )
