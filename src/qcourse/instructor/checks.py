"""Say clearly, per student, what is wrong with a submission nbgrader cannot grade normally."""

from __future__ import annotations

import json
import re
from collections import Counter
from typing import Any

from qcourse.gradecells import grade_id, parse_failure


def _grade_ids(nb: dict[str, Any]) -> list[str]:
    return [gid for cell in nb.get("cells", []) if (gid := grade_id(cell))]


def inspect_submission(
    files: dict[str, bytes], notebooks: list[str], grade_cells: dict[str, list[str]]
) -> tuple[str, list[str]]:
    """(reason it cannot be graded or "", warnings) for a submission's files before grading."""
    warnings: list[str] = []
    present = [name for name in notebooks if f"{name}.ipynb" in files]
    if not present:
        expected = ", ".join(f"{n}.ipynb" for n in notebooks)
        others = sorted(k for k in files if k.endswith(".ipynb"))
        if others:
            return (
                f"notebook renamed: found {', '.join(others)} but expected {expected} "
                "(rename it back and re-grade)",
                warnings,
            )
        return f"no notebook submitted: expected {expected}", warnings
    for name in notebooks:
        if name not in present:
            warnings.append(f"{name}.ipynb is missing: nbgrader scores it 0")
            continue
        filename = f"{name}.ipynb"
        try:
            nb = json.loads(files[filename].decode("utf-8"))
        except UnicodeDecodeError:
            return f"{filename} is not a notebook: it is not UTF-8 text", warnings
        except json.JSONDecodeError as exc:
            return (
                f"{filename} is not valid JSON (line {exc.lineno}, column {exc.colno}): "
                "the file was truncated or edited outside Jupyter",
                warnings,
            )
        if not isinstance(nb, dict) or not isinstance(nb.get("cells"), list):
            return f"{filename} is JSON but not a notebook (no list of cells)", warnings
        counts = Counter(_grade_ids(nb))
        duplicated = sorted(gid for gid, n in counts.items() if n > 1)
        if duplicated:
            return (
                f"{filename} contains graded cell(s) {', '.join(duplicated)} more than once "
                "(copied and pasted?): nbgrader refuses such a notebook; delete the copies "
                "and re-grade",
                warnings,
            )
        missing = [gid for gid in grade_cells.get(name, []) if gid not in counts]
        if missing:
            warnings.append(
                f"graded cell(s) {', '.join(missing)} deleted from {filename}: no automatic "
                "score for them, they wait for manual grading"
            )
    return "", warnings


def problems_after_grading(files: dict[str, bytes], grade_cells: dict[str, list[str]]) -> list[str]:
    """Warnings from the autograded notebooks: cells interrupted by the time-out, output cut."""
    warnings = []
    for name in grade_cells:
        data = files.get(f"{name}.ipynb")
        if data is None:
            continue
        nb = json.loads(data.decode("utf-8"))
        timed_out, truncated, limits = [], [], []
        for cell in nb.get("cells", []):
            gid = grade_id(cell) or "a cell"
            for out in cell.get("outputs", []):
                if out.get("output_type") == "error" and (
                    out.get("ename") in ("CellTimeoutError", "KeyboardInterrupt")
                    or parse_failure(out.get("evalue", ""))[0] == "interrupted"
                ):
                    timed_out.append(gid)
                if out.get("output_type") == "error" and out.get("ename") == "MemoryError":
                    limits.append(f"{gid}: hit the memory limit")
                if out.get("output_type") == "error" and "Resource temporarily unavailable" in str(
                    out.get("evalue", "")
                ):
                    limits.append(f"{gid}: hit the process limit")
                text = out.get("text", "")
                text = "".join(text) if isinstance(text, list) else text
                if "... Output truncated ..." in text:
                    truncated.append(gid)
        if timed_out:
            warnings.append(
                f"{', '.join(dict.fromkeys(timed_out))}: ran past the cell time-out and was "
                "interrupted (endless loop?)"
            )
        if truncated:
            warnings.append(f"{', '.join(dict.fromkeys(truncated))}: huge output was truncated")
        warnings += list(dict.fromkeys(limits))
    return warnings


_REASONS = [
    (r"DeadKernelError|Kernel died|kernel died", "the kernel died while running the notebook "),
    (r"UnresponsiveKernelError|could not interrupt", "the kernel stopped responding "),
    (r"NotJSONError|JSONDecodeError", "the notebook is not valid JSON "),
    (r"old version\s+of the nbgrader metadata|SchemaTooOld", "graded cells were altered "),
    (r"No notebooks found", "no gradable notebook was found "),
    (r"CellTimeoutError|TimeoutError", "a cell ran past the time-out "),
    (r"OutputLimitError", "the submission produced more output than its limit "),
    (r"SandboxUnavailable|did not start: ", "the sandbox could not be started "),
]


def reason_from_log(text: str) -> str:
    """One line explaining why nbgrader's Autograde failed, from its log and traceback."""
    for pattern, reason in _REASONS:
        if re.search(pattern, text):
            if reason.startswith("the kernel died"):
                return reason + "(os._exit, a crash, or out of memory)"
            return reason.strip()
    errors = [line for line in text.splitlines() if line.strip() and "Error" in line]
    return "nbgrader could not grade it: " + (errors[-1].strip() if errors else "unknown error")
