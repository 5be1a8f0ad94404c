"""`student_error`: the learner's code raised an exception (or is the untouched starter)."""

from __future__ import annotations

from qgrade._guard import Reject, reject
from qgrade.diagnoses import STUDENT_ERROR
from qgrade.i18n import _

CODE = STUDENT_ERROR


def from_exception(err: BaseException) -> Reject:
    """The verdict for an exception raised inside the learner's function."""
    if isinstance(err, NotImplementedError):
        return reject(
            CODE,
            _(
                "This exercise is not answered yet: replace `raise NotImplementedError()` "
                "with your code."
            ),
            exception_type=type(err).__name__,
            exception_message=str(err),
        )
    text = str(err).strip()
    if text:
        message = _("Your code raised an error: {error_type}: {error}").format(
            error_type=type(err).__name__, error=text
        )
    else:
        message = _("Your code raised an error: {error_type}").format(error_type=type(err).__name__)
    return reject(
        CODE,
        message + " " + _("Run your cell on its own to see where it happens."),
        exception_type=type(err).__name__,
        exception_message=text,
    )
