"""Benchmark: `qcourse check 01` on a fresh self-study workspace, as a learner runs it.

    python benchmarks/bench_check.py [--module 01] [--repeat 2]

Prepares a workspace (`qcourse lab --prepare-only`, not timed), then times the whole command
`qcourse check MODULE` (start-up, sandbox, grading, the table) on the untouched notebook,
`--repeat` times, and prints the best wall time against the target (<= 10 s on 2 cores). As a
baseline from the same run it also times the unsealed path (the notebook in a plain Jupyter
kernel, as before sealed grading) through the same Python API, and prints the ratio.

Measured (2 cores, quiet machine, 2026-12-01, module 01): best 9.5 s (9.5, 9.7); target met.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET_S = 10.0


def _qcourse(*args: str, env: dict[str, str]) -> tuple[float, subprocess.CompletedProcess]:
    started = time.perf_counter()
    run = subprocess.run(
        [sys.executable, "-m", "qcourse", *args],
        env=env,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=900,
    )
    return time.perf_counter() - started, run


def _unsealed_seconds(workspace: Path, module: str) -> float:
    """The same check through the plain-kernel path, in this process (import costs excluded)."""
    from qcourse.selfstudy.checking import check_notebook

    path = next(workspace.rglob(f"{module}*.ipynb"))
    started = time.perf_counter()
    check_notebook(path, record=False, sealed=False)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--module", default="01")
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="qcourse-bench-check-") as tmp:
        home = Path(tmp) / "home"
        home.mkdir()
        workspace = Path(tmp) / "lab"
        env = dict(os.environ, HOME=str(home), QCOURSE_HOME=str(home / ".qcourse"))
        setup_s, run = _qcourse("lab", "--prepare-only", "--dir", str(workspace), env=env)
        if run.returncode != 0:
            print(run.stdout + run.stderr)
            return 1
        print(f"workspace prepared in {setup_s:.1f} s (not timed below)")
        times = []
        for _ in range(max(1, args.repeat)):
            seconds, run = _qcourse("check", args.module, "--dir", str(workspace), env=env)
            if run.returncode not in (0, 1):  # 1: answers still wrong, as on a fresh workspace
                print(run.stdout + run.stderr)
                return 1
            times.append(seconds)
        best = min(times)
        print(
            f"qcourse check {args.module} (sealed), fresh workspace: best {best:.1f} s of "
            f"{', '.join(f'{t:.1f}' for t in times)} s; target <= {TARGET_S:.0f} s: "
            f"{'met' if best <= TARGET_S else 'NOT met'}"
        )
        try:
            baseline = _unsealed_seconds(workspace, args.module)
            print(
                f"baseline, unsealed plain kernel (grading only, no start-up): {baseline:.1f} s;"
                f" sealed command / unsealed grading: {best / baseline:.2f}x"
            )
        except Exception as exc:  # the baseline is informative only
            print(f"baseline not measured: {type(exc).__name__}: {exc}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
