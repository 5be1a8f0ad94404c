"""Time limits that fit the work: measured from the reference solution, kept in the built course.

A cell time-out of 300 s lets one endless loop cost a cohort five minutes. The limit here is
derived from the module's own reference notebook, run sealed once (figures off):
`max(FACTOR x reference seconds, FLOOR)`, whole seconds. It is written into the instructor
notebook's metadata (`metadata.qcourse.time_limit`) and `qcourse grade` uses it as the cell
time-out; an instructor raises it with `qcourse grade --cell-time-limit`.
"""

from __future__ import annotations

import math
import time
from pathlib import Path
from typing import Any

FACTOR = 10
FLOOR = 20.0  # seconds: a loaded grading machine is slower than the one that measured
METADATA_KEY = "time_limit"


def limit_from(reference_seconds: float) -> int:
    return int(math.ceil(max(FACTOR * reference_seconds, FLOOR)))


def measure(nb: Any) -> float:
    """Seconds the instructor notebook `nb` (solutions in place) takes to run sealed."""
    import copy

    from qcourse.gradecells import answer_sources, cell_roles
    from qcourse.sealed.sandbox import shared_sandbox
    from qcourse.sealed.trusted import SealedRun, answer_names

    work = copy.deepcopy(nb)
    sandbox = shared_sandbox()  # started (and warm) before the clock starts
    started = time.monotonic()
    report = SealedRun(
        sandbox,
        {},
        cell_roles(work, nb),
        cell_timeout=600,
        figures=False,
        answer_names=answer_names(answer_sources(nb)),
    ).run(work)
    if report.problem:
        raise RuntimeError(f"the reference notebook did not run: {report.problem}")
    return time.monotonic() - started


def recorded_limit(nb: Any) -> int | None:
    value = nb.get("metadata", {}).get("qcourse", {}).get(METADATA_KEY)
    return int(value) if isinstance(value, (int, float)) and value > 0 else None


def ensure_limit(path: Path) -> int:
    """The time limit recorded in the instructor notebook at `path`, measured first if absent."""
    import nbformat

    nb = nbformat.read(str(path), as_version=4)
    limit = recorded_limit(nb)
    if limit is None:
        limit = limit_from(measure(nb))
        nb.metadata.setdefault("qcourse", {})[METADATA_KEY] = limit
        nbformat.write(nb, str(path))
    return limit
