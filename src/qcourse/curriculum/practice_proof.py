"""Prove the keys of the practice bank by running its code with qiskit.

For each question that carries a computation (`verify` or per-option `holds`, see
`qcourse.curriculum.practice`), run its hidden `setup` and shown `code` (stdout captured as
`printed`), then check that the computation agrees with the key:

- single choice + `verify`: the value equals the keyed option's `value` and no other option's;
- choice + `holds`: the expressions are true for exactly the keyed options;
- numeric: the value is the answer within the tolerance;
- text: the value, as text, is one of the accepted answers.

Plots are drawn with matplotlib's Agg backend and closed after each question.
"""

from __future__ import annotations

import contextlib
import io
import math
import warnings
from typing import Any

from qcourse.curriculum.practice import Question, normalize_text


def run_question(q: Question) -> dict[str, Any]:
    """The namespace after `setup` and `code`, with `printed` (what the code printed, stripped)."""
    import matplotlib

    matplotlib.use("Agg")
    namespace: dict[str, Any] = {"__name__": f"practice_{q.id.replace('-', '_')}"}
    out = io.StringIO()
    with warnings.catch_warnings(), contextlib.redirect_stdout(out):
        warnings.simplefilter("ignore", DeprecationWarning)  # qiskit-ibm-runtime's V2 primitives
        exec(compile(q.setup, f"<{q.id} setup>", "exec"), namespace)
        exec(compile(q.code, f"<{q.id} code>", "exec"), namespace)
    namespace["printed"] = out.getvalue().strip()
    return namespace


def prove_question(q: Question) -> list[str]:
    """What is wrong with the key of `q` according to its own computation (empty: proven)."""
    if not q.verified:
        return []
    import matplotlib.pyplot as plt

    try:
        namespace = run_question(q)
        return _compare(q, namespace)
    except Exception as exc:  # the question's code is broken: that is the finding
        return [f"running the code raised {type(exc).__name__}: {exc}"]
    finally:
        plt.close("all")


def _evaluate(expression: str, namespace: dict[str, Any]) -> Any:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        return eval(compile(expression, "<verify>", "eval"), namespace)


def _compare(q: Question, namespace: dict[str, Any]) -> list[str]:
    holds = [o for o in q.options if o.holds]
    if holds:
        true = {o.key for o in holds if bool(_evaluate(o.holds, namespace))}
        if true != q.keyed():
            return [f"`holds` is true for {sorted(true)}, the key says {sorted(q.keyed())}"]
        return []
    got = plain(_evaluate(q.verify, namespace))
    if q.kind == "single":
        matching = [o.key for o in q.options if same(got, plain(o.value))]
        if matching != [q.answer]:
            return [f"the code gives {got!r}: options matching it {matching}, key {q.answer!r}"]
        return []
    if q.kind == "numeric":
        try:
            ok = math.isclose(float(got), q.answer, rel_tol=0.0, abs_tol=q.tolerance)
        except (TypeError, ValueError):
            ok = False
        return [] if ok else [f"the code gives {got!r}, the key says {q.answer:g}"]
    if q.kind == "text":
        accepted = {normalize_text(a) for a in q.answer}
        return [] if normalize_text(str(got)) in accepted else [f"the code gives {got!r}"]
    return [f"`verify` cannot prove a {q.kind} question"]


def plain(value: Any) -> Any:
    """numpy scalars and arrays, tuples and mappings as plain Python values (TOML's shapes)."""
    import numpy as np

    if isinstance(value, np.ndarray):
        return plain(value.tolist())
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, dict) or (hasattr(value, "items") and hasattr(value, "keys")):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return value


def same(a: Any, b: Any) -> bool:
    """Equal, numbers within 1e-9."""
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    if isinstance(a, int | float) and isinstance(b, int | float):
        return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    return a == b
