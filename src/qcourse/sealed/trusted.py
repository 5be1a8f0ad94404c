"""The trusted half of sealed grading: test cells run here, the submission's names arrive as data.

A notebook's code cells have one of three roles (decided by the caller from the instructor's
own copy of the notebook, never from the submission's metadata):

- ``test``: an instructor test cell, unchanged. It runs in this process, in a fresh IPython
  shell, never in the sandbox. Hidden tests and expected values stay here.
- ``instructor``: another locked instructor cell (set-up, lesson code). It runs in the sandbox,
  like the submission's own cells; when a test needs a name it binds (``np``, ``qgrade``,
  ``Statevector``), the cell is also replayed here, so those names are the grader's own.
- ``student``: everything else. It runs only in the sandbox.

Before each test cell, its free names are resolved: names an instructor cell binds come from
the replay; any other name comes from the sandbox as data (numbers, arrays, circuits as QPY,
...) or, for the submission's functions, as a proxy whose calls run in the sandbox with data
arguments and return data. A name the submission rebinds over an instructor name (a fake
``assert_state``) is never consulted.
"""

from __future__ import annotations

import ast
import builtins
import copy
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from qcourse.gradecells import Role
from qcourse.sealed import wire
from qcourse.sealed.cells import CellRunner
from qcourse.sealed.sandbox import (
    OutputFlood,
    Sandbox,
    SessionEnd,
    SubmissionDied,
    SubmissionTimeout,
)

_BUILTINS = set(dir(builtins))
_ALLOWED_OUTPUTS = {"stream", "display_data", "execute_result", "error"}


# ---------------------------------------------------------------------------------------------
# which names a cell binds and uses


def _parse(source: str) -> ast.Module | None:
    try:
        from IPython.core.inputtransformer2 import TransformerManager

        source = TransformerManager().transform_cell(source)
    except Exception:
        pass
    try:
        return ast.parse(source)
    except (SyntaxError, ValueError):
        return None


def bound_names(source: str) -> set[str] | None:
    """Names a cell binds at top level; None if it may bind anything (`from x import *`)."""
    tree = _parse(source)
    if tree is None:
        return set()
    names: set[str] = set()
    star = False

    def targets(node: ast.AST) -> None:
        for sub in ast.walk(node):
            if isinstance(sub, ast.Name) and isinstance(sub.ctx, ast.Store):
                names.add(sub.id)

    def visit(stmts: list[ast.stmt]) -> None:
        nonlocal star
        for stmt in stmts:
            if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                names.add(stmt.name)
            elif isinstance(stmt, (ast.Import, ast.ImportFrom)):
                for alias in stmt.names:
                    if alias.name == "*":
                        star = True
                    else:
                        names.add(alias.asname or alias.name.split(".")[0])
            elif isinstance(stmt, (ast.Assign, ast.AugAssign, ast.AnnAssign)):
                for t in stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]:
                    targets(t)
            elif isinstance(stmt, (ast.For, ast.AsyncFor)):
                targets(stmt.target)
                visit(stmt.body)
                visit(stmt.orelse)
            elif isinstance(stmt, (ast.With, ast.AsyncWith)):
                for item in stmt.items:
                    if item.optional_vars is not None:
                        targets(item.optional_vars)
                visit(stmt.body)
            elif isinstance(stmt, (ast.If, ast.While)):
                visit(stmt.body)
                visit(stmt.orelse)
            elif isinstance(stmt, ast.Try):
                visit(stmt.body)
                for handler in stmt.handlers:
                    if handler.name:
                        names.add(handler.name)
                    visit(handler.body)
                visit(stmt.orelse)
                visit(stmt.finalbody)
            elif isinstance(stmt, ast.Global):
                names.update(stmt.names)
            if isinstance(stmt, ast.stmt):
                for sub in ast.walk(stmt):
                    if isinstance(sub, ast.NamedExpr) and isinstance(sub.target, ast.Name):
                        names.add(sub.target.id)

    visit(tree.body)
    return None if star else names


def answer_names(solution_sources: list[str]) -> set[str]:
    """The names the instructor's solution cells define: the learner's answers."""
    names: set[str] = set()
    for source in solution_sources:
        names |= bound_names(source) or set()
    return names


def used_names(source: str) -> set[str]:
    """Every name a cell reads, anywhere in it (more than it needs is harmless)."""
    tree = _parse(source)
    if tree is None:
        return set()
    return {
        node.id
        for node in ast.walk(tree)
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load)
    }


# ---------------------------------------------------------------------------------------------
# the run of one notebook


@dataclass
class RunReport:
    """What happened to one sealed run, besides the outputs written into the notebook."""

    problem: str = ""  # the run stopped early: why (the submission died, did not stop, ...)
    kind: str = ""  # "died" | "timeout" | "output" | "" when it ran to the end
    end: SessionEnd | None = None
    seconds: float = 0.0
    limits_hit: list[str] = field(default_factory=list)


@dataclass
class _InstructorCell:
    index: int
    source: str
    binds: set[str] | None
    replayed: bool = False


class SealedRun:
    """Run one notebook sealed: its cells in the sandbox, its test cells here."""

    def __init__(
        self,
        sandbox: Sandbox,
        files: dict[str, bytes],
        roles: dict[int, Role],
        *,
        cell_timeout: float | None = 300.0,
        lang: str | None = None,
        figures: bool = True,
        error_on_timeout: dict | None = None,
        env: dict[str, str] | None = None,
        answer_names: set[str] | None = None,
        on_cell: Callable[[int], None] | None = None,
    ) -> None:
        self.sandbox = sandbox
        self.on_cell = on_cell  # called with a cell's index just before it runs (progress)
        self.files = files
        self.roles = roles
        self.cell_timeout = cell_timeout
        self.lang = lang
        self.figures = figures
        self.error_on_timeout = error_on_timeout
        self.env = dict(env or {})
        # names the instructor's own solution cells define (the exercises' functions): always
        # the submission's, even where a lesson cell used the same name for an example
        self.answer_names = set(answer_names or ())
        self._deadline: float | None = None
        self._from_sandbox: dict[str, Any] = {}
        self._limits_hit: list[str] = []
        self._trusted_handles: dict[int, Callable] = {}

    # -- the codec of this side: our callables are exported, the sandbox's become proxies
    def _export(self, fn: Callable) -> int:
        handle = len(self._trusted_handles) + 1
        self._trusted_handles[handle] = fn
        return handle

    def _remaining(self) -> float | None:
        if self._deadline is None:
            return None
        return max(0.0, self._deadline - time.monotonic())

    def _make_proxy(self, description: dict) -> Callable:
        handle = int(description["id"])
        name = str(description.get("name", "function"))
        signature = wire.signature_from(description, self.codec)
        session = self.session

        def submission_function(*args: Any, **kwargs: Any) -> Any:
            if signature is not None:
                signature.bind(*args, **kwargs)  # a wrong call fails here, as it would there
            frame = session.request(
                {
                    "op": "call",
                    "id": handle,
                    "args": [self.codec.encode(a) for a in args],
                    "kwargs": {str(k): self.codec.encode(v) for k, v in kwargs.items()},
                },
                self._remaining(),
            )
            if "error" in frame:
                raise wire.rebuild_exception(frame["error"])
            return self.codec.decode(frame.get("value"))

        clean = name if name.isidentifier() else "submission_function"
        submission_function.__name__ = submission_function.__qualname__ = clean
        submission_function.__module__ = "__main__"
        if signature is not None:
            submission_function.__signature__ = signature  # type: ignore[attr-defined]
        return submission_function

    def _answer_callback(self, frame: dict) -> dict:
        fn = self._trusted_handles.get(int(frame.get("id", -1)))
        if fn is None:
            return {"error": {"type": "NameError", "message": "no such grader function"}}
        try:
            args = [self.codec.decode(a) for a in frame.get("args", [])]
            kwargs = {str(k): self.codec.decode(v) for k, v in frame.get("kwargs", {}).items()}
            return {"value": self.codec.encode(fn(*args, **kwargs))}
        except Exception as exc:
            return {"error": wire.encode_exception(exc)}

    # -- resolving a test cell's names
    def _resolve(self, source: str, index: int) -> None:
        ns = self.trusted.user_ns
        # what came from the sandbox before is asked again: the submission may have changed it,
        # and a helper an earlier test defined may call it
        earlier = set(self._from_sandbox)
        for name, value in list(self._from_sandbox.items()):
            if ns.get(name) is value:
                del ns[name]
        self._from_sandbox.clear()
        wanted = used_names(source) - _BUILTINS
        self._replay_for(wanted, index)
        instructor_names: set[str] = set()
        for cell in self.instructor:
            instructor_names |= cell.binds or set()
        instructor_names -= self.answer_names
        ask = sorted(n for n in wanted | earlier if n not in ns and n not in instructor_names)
        if not ask:
            return
        frame = self.session.request({"op": "describe", "names": ask}, self._remaining())
        for name, description in (frame.get("names") or {}).items():
            if name not in ask or not isinstance(description, dict):
                continue
            value = self._value_of(description)
            if value is not _MISSING:
                ns[name] = value
                self._from_sandbox[name] = value

    def _replay_for(self, wanted: set[str], index: int) -> None:
        """Replay, here, the instructor cells before `index` that bind what the test needs."""
        ns = self.trusted.user_ns
        todo = {n for n in wanted if n not in ns and n not in self.answer_names}
        chosen: set[int] = set()
        while todo:
            name = todo.pop()
            for cell in reversed(self.instructor):
                if cell.index >= index or cell.replayed or cell.index in chosen:
                    continue
                if cell.binds is None or name in cell.binds:
                    chosen.add(cell.index)
                    todo |= {
                        n
                        for n in used_names(cell.source) - _BUILTINS
                        if n not in ns and n not in self.answer_names
                    }
                    break
        for cell in self.instructor:
            if cell.index in chosen:
                cell.replayed = True
                self.trusted.run(cell.source)  # its outputs are nobody's business
                for name in (cell.binds or set()) & self.answer_names:
                    ns.pop(name, None)  # the lesson's example, not the learner's answer

    def _value_of(self, description: dict) -> Any:
        kind = description.get("kind")
        if kind == "module":
            module = sys.modules.get(str(description.get("module", "")))
            return module if module is not None else _MISSING
        if kind == "class":
            cls = _trusted_class(str(description.get("module", "")), description.get("qualname"))
            if cls is not None:
                return cls
            return self.codec.decode(description.get("value"))
        if kind == "value":
            return self.codec.decode(description.get("value"))
        return _MISSING

    # -- the run
    def run(self, nb: Any) -> RunReport:
        """Execute `nb` (an nbformat notebook) in place: outputs and execution counts."""
        import nbformat

        started = time.monotonic()
        report = RunReport()
        saved = _process_state()  # what replayed set-up cells change in this process
        self.instructor = [
            _InstructorCell(i, c.source, bound_names(c.source))
            for i, c in enumerate(nb.cells)
            if c.cell_type == "code" and self.roles.get(i) == "instructor"
        ]
        self.session = self.sandbox.session(
            self.files, lang=self.lang, figures=self.figures, env=self.env
        )
        self.session.on_callback = self._answer_callback
        self.codec = wire.Codec(export=self._export, proxy=self._make_proxy)
        self.trusted = CellRunner(capture_fds=False, inline_figures=False)
        count = 0
        try:
            for index, cell in enumerate(nb.cells):
                if cell.cell_type != "code":
                    continue
                cell.outputs = []
                cell.execution_count = None
                if not cell.source.strip():
                    continue
                count += 1
                if self.on_cell is not None:
                    self.on_cell(index)
                self._deadline = (
                    None if self.cell_timeout is None else time.monotonic() + self.cell_timeout
                )
                if self.roles.get(index) == "test":
                    outputs = self._run_test(cell.source, index)
                else:
                    outputs = self._run_in_sandbox(cell.source)
                cell.outputs = [nbformat.from_dict(o) for o in outputs]
                cell.execution_count = count
        except SubmissionTimeout as exc:
            report.problem, report.kind = str(exc), "timeout"
            self._mark_timeout(nb, index)
        except OutputFlood as exc:
            report.problem, report.kind = str(exc), "output"
        except SubmissionDied as exc:
            report.problem, report.kind = str(exc), "died"
        finally:
            self._deadline = None
            report.end = self.session.end()
            report.limits_hit = list(dict.fromkeys([*self._limits_hit, *report.end.limits_hit]))
            _close_figures()
            _restore_process_state(saved)
            report.seconds = time.monotonic() - started
        return report

    def _run_test(self, source: str, index: int) -> list[dict]:
        self._resolve(source, index)
        outputs, _reply = self.trusted.run(source)
        return [copy.deepcopy(o) for o in outputs]

    def _run_in_sandbox(self, source: str) -> list[dict]:
        frame = self.session.request({"op": "exec", "source": source}, self._remaining())
        if "error" in frame:  # the child could not even run it (an unsendable output)
            return [_error_output(frame["error"].get("type", "Error"), frame["error"])]
        outputs = sanitize_outputs(frame.get("outputs"))
        reply = frame.get("reply") if isinstance(frame.get("reply"), dict) else {}
        if reply.get("overflowed"):  # the sandbox kept the first part only
            self._limits_hit.append("output")
            outputs.append({"output_type": "stream", "name": "stdout", "text": TRUNCATED})
        if frame.get("interrupted") and not any(o["output_type"] == "error" for o in outputs):
            outputs.append(_error_output("KeyboardInterrupt", {"message": ""}))
        return outputs

    def _mark_timeout(self, nb: Any, index: int) -> None:
        import nbformat

        error = self.error_on_timeout or {
            "ename": "CellTimeoutError",
            "evalue": "",
            "traceback": ["CellTimeoutError: the cell did not stop when interrupted"],
        }
        nb.cells[index].outputs.append(nbformat.from_dict({"output_type": "error", **error}))


_MISSING = object()
TRUNCATED = "\n... Output truncated ...\n"  # nbgrader's LimitOutput marker, as reports read it

# classes a test may take from the submission's names by reference (the grader's own copy)
_TRUSTED_PACKAGES = ("qiskit", "qiskit_aer", "numpy", "scipy", "qgrade", "fractions", "collections")


def _trusted_class(module: str, qualname: Any) -> type | None:
    if not module or module.split(".")[0] not in _TRUSTED_PACKAGES or not isinstance(qualname, str):
        return None
    obj: Any = sys.modules.get(module)
    for part in qualname.split("."):
        obj = getattr(obj, part, None)
    return obj if isinstance(obj, type) else None


def _error_output(ename: str, error: dict) -> dict:
    return {
        "output_type": "error",
        "ename": str(ename),
        "evalue": str(error.get("message", "")),
        "traceback": [],
    }


def sanitize_outputs(outputs: Any) -> list[dict]:
    """The sandbox's outputs, reduced to well-formed nbformat outputs (it may send anything)."""
    clean: list[dict] = []
    if not isinstance(outputs, list):
        return clean
    for out in outputs:
        if not isinstance(out, dict) or out.get("output_type") not in _ALLOWED_OUTPUTS:
            continue
        kind = out["output_type"]
        if kind == "stream":
            name = out.get("name") if out.get("name") in ("stdout", "stderr") else "stdout"
            clean.append({"output_type": "stream", "name": name, "text": str(out.get("text", ""))})
        elif kind == "error":
            tb = out.get("traceback")
            clean.append(
                {
                    "output_type": "error",
                    "ename": str(out.get("ename", "Error")),
                    "evalue": str(out.get("evalue", "")),
                    "traceback": [str(t) for t in tb] if isinstance(tb, list) else [],
                }
            )
        else:
            data = out.get("data")
            meta = out.get("metadata")
            if not isinstance(data, dict):
                continue
            item = {
                "output_type": kind,
                "data": {str(k): v for k, v in data.items() if isinstance(v, (str, dict, list))},
                "metadata": meta if isinstance(meta, dict) else {},
            }
            if kind == "execute_result":
                count = out.get("execution_count")
                item["execution_count"] = count if isinstance(count, int) else None
            clean.append(item)
    return clean


def _process_state() -> dict[str, Any]:
    """The process-wide settings an instructor's set-up cell changes (qgrade's language,
    matplotlib's fonts), so that grading one notebook leaves the grader as it was."""
    import qgrade.i18n

    state: dict[str, Any] = {"qgrade_language": qgrade.i18n._language}
    mpl = sys.modules.get("matplotlib")
    if mpl is not None:
        state["rcParams"] = mpl.rcParams.copy()
    return state


def _restore_process_state(state: dict[str, Any]) -> None:
    import qgrade.i18n

    qgrade.i18n._language = state["qgrade_language"]
    mpl = sys.modules.get("matplotlib")
    if mpl is not None and "rcParams" in state:
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            mpl.rcParams.update(state["rcParams"])


def _close_figures() -> None:
    pyplot = sys.modules.get("matplotlib.pyplot")
    if pyplot is not None:
        pyplot.close("all")
