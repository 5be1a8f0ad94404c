"""`validate`: static checks, then nbgrader proofs for every exercise in every language."""

from __future__ import annotations

import queue
import tempfile
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path

from qcourse.curriculum.lint import check_curriculum
from qcourse.curriculum.load import load_selected, module_folder
from qcourse.curriculum.model import LANGUAGES, Curriculum
from qcourse.curriculum.prove import prove_module
from qcourse.curriculum.report import ModuleReport, ValidationReport
from qcourse.errors import UserError
from qcourse.i18n import _


def validate(
    module_ids: list[str] | None = None,
    langs: Sequence[str] = LANGUAGES,
    *,
    root: Path | None = None,
    curriculum: Curriculum | None = None,
    static_only: bool = False,
    workers: int = 1,
    cell_timeout: int = 300,
    workdir: Path | None = None,
    progress: Callable[[ModuleReport], None] | None = None,
    sealed: bool = True,
) -> ValidationReport:
    """Check the selected modules (default: all) statically and, unless `static_only`, prove
    through nbgrader that each exercise's reference gets full marks, its untouched starter 0 and
    each recorded wrong answer loses exactly its points. A module with static problems is
    not proven (its problems are in the report); the others are.

    Sealed (the default), submissions run in the sandbox (`qcourse.sealed`); where none can
    be made this refuses, unless `sealed=False`.

    `workers` (module, language) pairs run at once, each in its own temporary nbgrader course
    (kept under `workdir` when given, for inspection). `progress` is called per finished pair.
    """
    started = time.monotonic()
    for lang in langs:
        if lang not in LANGUAGES:
            raise UserError(f"unknown language {lang!r}; expected one of: {', '.join(LANGUAGES)}")
    if workers < 1:
        raise UserError(f"workers must be at least 1, got {workers}")
    report = ValidationReport()
    if curriculum is None:
        # only the selected modules' problems (and the catalogue's) stop this run
        curriculum, modules, problems = load_selected(module_ids, root)
    else:
        modules, problems = curriculum.select(module_ids), check_curriculum(curriculum)
    report.static_problems = problems
    # a module with static problems is not proven; a broken catalogue stops everything
    broken = {module_folder(curriculum.root, p.file) for p in problems}
    provable = [m for m in modules if m.path.name not in broken and None not in broken]
    if static_only or not provable:
        report.seconds = time.monotonic() - started
        return report
    if sealed:
        from qcourse.sealed.sandbox import sandbox_problem

        problem = sandbox_problem()
        if problem:
            raise UserError(
                _(
                    "cannot validate sealed on this machine: {problem}. Install bubblewrap, or "
                    "pass --unsealed to run the proofs without the sandbox"
                ).format(problem=problem)
            )

    jobs = [(m, lang) for m in provable for lang in langs]
    # one warm nbgrader helper (and sandbox) per worker, reused from module to module
    from qcourse.instructor.worker import AutogradeServer

    services: queue.Queue = queue.Queue()
    started_services = [AutogradeServer(sealed) for _ in range(min(workers, len(jobs)))]
    for service in started_services:
        services.put(service)

    def prove(module, lang, folder):
        service = services.get()
        try:
            return prove_module(
                module, lang, curriculum, folder, cell_timeout, sealed=sealed, service=service
            )
        finally:
            services.put(service)

    with tempfile.TemporaryDirectory(prefix="qcourse-validate-") as tmp:
        base = Path(workdir) if workdir is not None else Path(tmp)
        base.mkdir(parents=True, exist_ok=True)
        with ThreadPoolExecutor(max_workers=workers) as pool:
            futures = [pool.submit(prove, m, lang, base / f"{m.id}-{lang}") for m, lang in jobs]
            for future in as_completed(futures):
                if progress is not None:
                    progress(future.result())
            results = [f.result() for f in futures]
        for service in started_services:
            service.kill()
    report.modules = results
    report.seconds = time.monotonic() - started
    return report
