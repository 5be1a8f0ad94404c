"""Benchmark: `qcourse grade` against sequential `nbgrader autograde`, same cohort, same run.

    python benchmarks/bench_grade.py [--count 40] [--workers 2] [--module 01] [--hostile]

Builds a course with one curriculum module, a cohort of COUNT submissions (solutions, partial,
wrong and untouched answers from the module itself), copies it, grades one copy with
`nbgrader autograde MODULE` and the other with `qcourse grade MODULE --workers N`, checks that both
gradebooks hold the same scores, and prints the speed-up (target: >= 1.7x on 2 cores) and the
seconds per submission. Both commands are run as their command-line programs, start-up included.
`qcourse grade` grades sealed (each submission in the sandbox, the tests outside it); `--unsealed`
measures the old way for comparison. `--hostile` replaces two submissions by an endless loop and
a kernel that dies (os._exit), as a real cohort has.

Measured (2 cores, quiet machine, 2026-12-01, module 01, 40 submissions): sequential 194.3 s
(4.86 s/submission), `qcourse grade --workers 2`, sealed, 48.2 s (1.20 s/submission): 4.03x,
same scores (2026-11-23, unsealed: 1.83x). What got it there: each submission is a fork of a
warm sandboxed template instead of a cold kernel; the tests run in the warm grading process;
figures are not drawn while grading (2.0 of 3.7 s per submission); the module's time limit is
measured while the workers start.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BIN = Path(sys.executable).parent


def _env() -> dict[str, str]:
    return dict(os.environ, PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}")


def _run(cwd: Path, *cmd: str, check: bool = True) -> float:
    """Seconds the command took (nbgrader exits non-zero when a submission fails: not an error
    here, with --hostile)."""
    started = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, env=_env(), check=check, capture_output=True)
    return time.perf_counter() - started


ENDLESS = "\nwhile True:\n    pass\n"
DIES = "\nimport os\nos._exit(1)\n"


def _make_hostile(course: Path, module: str, students: list[str]) -> None:
    """Append an endless loop to one submission's first answer cell, os._exit to another's."""
    import nbformat

    for student, code in zip(students, (ENDLESS, DIES), strict=True):
        path = course / "submitted" / student / module / f"{module}.ipynb"
        nb = nbformat.read(str(path), as_version=4)
        for cell in nb.cells:
            if cell.get("metadata", {}).get("nbgrader", {}).get("solution"):
                cell.source += code
                break
        nbformat.write(nb, str(path))


def make_course(base: Path, module_key: str, count: int) -> tuple[Path, str]:
    from qcourse.curriculum import load_curriculum
    from qcourse.instructor.cohort import SAMPLE_STUDENTS, answer_key_from_module, write_cohort
    from qcourse.instructor.setup import init_course

    module = load_curriculum().module(module_key)
    course = base / "sequential"
    init_course(course, "bench", "en", exchange=str(base / "exchange"), modules=[module.id])
    _run(course, str(BIN / "nbgrader"), "db", "assignment", "add", module.id)
    _run(course, str(BIN / "nbgrader"), "generate_assignment", module.id)
    plans = [(s, p) for s, p in SAMPLE_STUDENTS if callable(p)]  # the gradable kinds
    cohort = []
    for i in range(count):
        student, plan = plans[i % len(plans)]
        cohort.append((type(student)(f"s{i:03d}", "", "", student.kind, student.late), plan))
    write_cohort(
        course / "release" / module.id / f"{module.id}.ipynb",
        answer_key_from_module(module),
        course / "submitted",
        due=dt.datetime.now(dt.UTC) + dt.timedelta(days=1),
        students=cohort,
    )
    return course, module.id


def scores(course: Path, module: str) -> dict[str, float]:
    from qcourse.instructor.coursedir import open_course
    from qcourse.instructor.grading import score_table

    return {row.student: row.score for row in score_table(open_course(course), module)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=40)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--module", default="01")
    parser.add_argument("--hostile", action="store_true", help="an endless loop and a dead kernel")
    parser.add_argument("--unsealed", action="store_true", help="grade without the sandbox")
    args = parser.parse_args()

    base = Path(tempfile.mkdtemp(prefix="qcourse-bench-"))
    try:
        print(f"building a course with {args.count} submissions in {base} ...", flush=True)
        sequential, module = make_course(base, args.module, args.count)
        if args.hostile:
            _make_hostile(sequential, module, ["s000", "s001"])
        parallel = base / "parallel"
        shutil.copytree(sequential, parallel)
        config = parallel / "nbgrader_config.py"
        config.write_text(config.read_text().replace(str(sequential), str(parallel)))

        print(f"sequential: nbgrader autograde {module} ...", flush=True)
        t_seq = _run(sequential, str(BIN / "nbgrader"), "autograde", module, check=False)
        flags = ["--unsealed"] if args.unsealed else []
        mode = "unsealed" if args.unsealed else "sealed"
        print(
            f"parallel:   qcourse grade {module} --workers {args.workers} ({mode}) ...", flush=True
        )
        t_par = _run(
            parallel, str(BIN / "qcourse"), "grade", module, "--workers", str(args.workers), *flags
        )
        seq_scores, par_scores = scores(sequential, module), scores(parallel, module)
        # a submission nbgrader cannot grade (a dying kernel) may leave a partial row behind
        # nbgrader; qcourse leaves none and lists the reason: compare what both graded
        both = sorted(set(seq_scores) & set(par_scores))
        same = [seq_scores[s] for s in both] == [par_scores[s] for s in both]
        only = sorted(set(seq_scores) ^ set(par_scores))
        if only:
            print(f"graded by only one of the two (listed, not compared): {', '.join(only)}")
        n = args.count
        print(f"module {module}, {n} submissions, {os.cpu_count()} CPUs")
        print(f"nbgrader autograde (sequential): {t_seq:7.1f} s  {t_seq / n:5.2f} s/submission")
        print(
            f"qcourse grade --workers {args.workers}:      {t_par:7.1f} s  "
            f"{t_par / n:5.2f} s/submission"
        )
        target = 3 if args.hostile else 4
        print(
            f"speed-up: {t_seq / t_par:.2f}x (target >= {target}x on 2 cores); same scores: {same}"
        )
        return 0 if same else 1
    finally:
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
