"""A long-lived child process that runs nbgrader's Autograde converter on request.

Importing nbgrader costs seconds, so each grading worker keeps one of these warm and sends it one
JSON line per submission (`{"root", "assignment", "student"}`; `"student": "*"` for all, and
`{"op": "generate_assignment", "root", "assignment"}` for `qcourse validate`); it answers with
one JSON line (`{"success", "log", "error"}`). Sealed (the default), it keeps the sandbox warm. The worker kills it (and its kernel) when a submission exceeds
its time limit, and starts a fresh one for the next submission.

Run as `python -m qcourse.instructor.autograde_server`.
"""

from __future__ import annotations

import json
import os
import sys


def autograde(
    root: str,
    assignment: str,
    student: str,
    sealed: bool = True,
    cell_time_limit: dict | None = None,
    figures: bool | None = None,
) -> dict:
    """`nbgrader autograde ASSIGNMENT --student STUDENT --force` in the course at `root`.

    Sealed (the default), the submission's code runs in the sandbox and the test cells here.
    """
    from nbgrader.converters import Autograde
    from nbgrader.coursedir import CourseDirectory
    from nbgrader.utils import capture_log
    from traitlets.config.loader import PyFileConfigLoader

    config = PyFileConfigLoader("nbgrader_config.py", path=root).load_config()
    # the private course directory always uses nbgrader's default layout and its own gradebook
    config.CourseDirectory.root = root
    config.CourseDirectory.db_url = "sqlite:///" + os.path.join(root, "gradebook.db")
    config.CourseDirectory.directory_structure = os.path.join(
        "{nbgrader_step}", "{student_id}", "{assignment_id}"
    )
    for step in ("source", "submitted", "autograded"):
        setattr(config.CourseDirectory, f"{step}_directory", step)
    # the kernel holds nothing worth a graceful stop once its notebook ran; nbgrader's default
    # ("graceful") leaves the worker idle for about 1.5 s per submission waiting for it to exit
    config.Execute.shutdown_kernel = "immediate"
    if figures is not None:
        config.SealedExecute.figures = bool(figures)
    if cell_time_limit:  # {"seconds", "exact"}: see grading.CellLimit
        limit = int(cell_time_limit["seconds"])
        configured = config.Execute.get("timeout")
        if configured and not cell_time_limit.get("exact"):
            limit = min(int(configured), limit)
        config.Execute.timeout = limit
    coursedir = CourseDirectory(config=config)
    coursedir.assignment_id = assignment
    coursedir.student_id = student
    if sealed:
        from qcourse.sealed.nbgrader_execute import sealed_preprocessors

        configured = config.Autograde.get("autograde_preprocessors")
        config.Autograde.autograde_preprocessors = sealed_preprocessors(configured or None)
    app = Autograde(coursedir=coursedir, config=config)
    app.force = True
    app.create_student = True
    return _reply(capture_log(app))


def _reply(result: dict) -> dict:
    """nbgrader's `capture_log` result as this server's one-line answer."""
    return {
        "success": bool(result.get("success")),
        "log": result.get("log", ""),
        "error": result.get("error", ""),
    }


def generate_assignment(root: str, assignment: str) -> dict:
    """`nbgrader generate_assignment ASSIGNMENT --force` in the course at `root` (its config)."""
    from nbgrader.converters import GenerateAssignment
    from nbgrader.coursedir import CourseDirectory
    from nbgrader.utils import capture_log
    from traitlets.config.loader import PyFileConfigLoader

    config = PyFileConfigLoader("nbgrader_config.py", path=root).load_config()
    config.CourseDirectory.root = root
    coursedir = CourseDirectory(config=config)
    coursedir.assignment_id = assignment
    app = GenerateAssignment(coursedir=coursedir, config=config)
    app.force = True
    return _reply(capture_log(app))


def warm(sealed: bool) -> None:
    """Import what grading needs and, sealed, start the sandbox before the first request."""
    import nbgrader.converters  # noqa: F401

    if sealed:
        import qgrade  # noqa: F401  (test cells run here)
        from qcourse.sealed.sandbox import shared_sandbox

        shared_sandbox()


def serve(stdin=sys.stdin, stdout=sys.stdout, sealed: bool = True) -> None:
    warm(sealed)

    stdout.write(json.dumps({"ready": True}) + "\n")
    stdout.flush()
    from qcourse.sealed.nbgrader_execute import REPORT_ENV

    for line in stdin:
        request = json.loads(line)
        try:
            os.environ[REPORT_ENV] = os.path.join(request["root"], "sealed-report.json")
            if request.get("op") == "generate_assignment":
                reply = generate_assignment(request["root"], request["assignment"])
            else:
                reply = autograde(
                    request["root"],
                    request["assignment"],
                    request.get("student", "*"),
                    sealed=request.get("sealed", True),
                    cell_time_limit=request.get("cell_time_limit"),
                    figures=request.get("figures"),
                )
        except Exception as exc:  # the converter itself failed to start
            reply = {"success": False, "log": "", "error": f"{type(exc).__name__}: {exc}"}
        stdout.write(json.dumps(reply) + "\n")
        stdout.flush()


if __name__ == "__main__":
    # keep the protocol channel clean: nbgrader and kernels log to stderr
    protocol = os.fdopen(os.dup(sys.stdout.fileno()), "w")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    serve(sys.stdin, protocol, sealed="--unsealed" not in sys.argv)
