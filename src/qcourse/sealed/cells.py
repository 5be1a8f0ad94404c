"""Run notebook cells in an IPython shell and collect their outputs as nbformat dicts.

This is what a Jupyter kernel does for nbclient, without the kernel: the same IPython
`InteractiveShell` runs the code, and its display hook, display publisher, traceback and
streams are pointed at a list of outputs shaped as nbclient would record them (consecutive
stream text merged, `execute_result` with its count, `error` with ename/evalue/traceback). Both
sides of sealed grading use it: the sandbox for the submission's cells, the trusted grader for
the instructor's test cells.
"""

from __future__ import annotations

import contextlib
import os
import select
import sys
import threading
from collections.abc import Iterator
from typing import Any

from IPython.core.displayhook import DisplayHook
from IPython.core.displaypub import DisplayPublisher
from IPython.core.interactiveshell import InteractiveShell

OUTPUT_LIMIT = 8 * 1024 * 1024  # characters of output kept per cell


class Outputs:
    """The outputs of the cell running now."""

    def __init__(self, limit: int = OUTPUT_LIMIT) -> None:
        self.items: list[dict[str, Any]] = []
        self.size = 0
        self.limit = limit
        self.overflowed = False
        self._clear_pending = False
        self.lock = threading.RLock()

    def _room(self, text_size: int) -> bool:
        if self.size + text_size > self.limit:
            self.overflowed = True
            return False
        self.size += text_size
        return True

    def _maybe_clear(self) -> None:
        if self._clear_pending:
            self.items.clear()
            self._clear_pending = False

    def stream(self, name: str, text: str) -> None:
        if not text:
            return
        with self.lock:
            self._maybe_clear()
            if not self._room(len(text)):
                return
            last = self.items[-1] if self.items else None
            if last and last["output_type"] == "stream" and last["name"] == name:
                last["text"].append(text)  # joined once in `finished()`: no quadratic copying
            else:
                self.items.append({"output_type": "stream", "name": name, "text": [text]})

    def add(self, output: dict[str, Any]) -> None:
        with self.lock:
            self._maybe_clear()
            if self._room(_size(output)):
                self.items.append(output)

    def finished(self) -> list[dict[str, Any]]:
        """The outputs, stream text joined."""
        with self.lock:
            return [
                dict(item, text="".join(item["text"])) if item["output_type"] == "stream" else item
                for item in self.items
            ]

    def clear(self, wait: bool) -> None:
        with self.lock:
            if wait:
                self._clear_pending = True
            else:
                self.items.clear()


def _size(output: dict[str, Any]) -> int:
    data = output.get("data") or {}
    return sum(len(v) if isinstance(v, str) else len(str(v)) for v in data.values()) + len(
        str(output.get("evalue", ""))
    )


def _plain(data: Any) -> Any:
    """JSON-safe mime data (bytes images as base64 text, as ipykernel's json_clean does)."""
    import base64

    if isinstance(data, bytes):
        return base64.b64encode(data).decode("ascii")
    if isinstance(data, dict):
        return {str(k): _plain(v) for k, v in data.items()}
    if isinstance(data, (list, tuple)):
        return [_plain(v) for v in data]
    return data


class _Publisher(DisplayPublisher):
    def publish(self, data, metadata=None, source=None, *, transient=None, update=False, **kw):
        runner: CellRunner = self.shell._qcourse_runner
        if update:
            return  # nbclient updates a displayed output in place; graded notebooks never do
        runner.outputs.add(
            {
                "output_type": "display_data",
                "data": _plain(data),
                "metadata": _plain(metadata or {}),
            }
        )

    def clear_output(self, wait=False):
        self.shell._qcourse_runner.outputs.clear(wait)


class _DisplayHook(DisplayHook):
    def start_displayhook(self):
        self._result: dict[str, Any] = {"data": {}, "metadata": {}}

    def write_output_prompt(self):
        pass

    def write_format_data(self, format_dict, md_dict=None):
        self._result = {"data": _plain(format_dict), "metadata": _plain(md_dict or {})}

    def finish_displayhook(self):
        runner: CellRunner = self.shell._qcourse_runner
        runner.flush_streams()
        if self._result.get("data"):
            runner.outputs.add(
                {
                    "output_type": "execute_result",
                    "execution_count": self.prompt_count,
                    "data": self._result["data"],
                    "metadata": self._result["metadata"],
                }
            )


class _Stream:
    """sys.stdout / sys.stderr of a running cell."""

    encoding = "utf-8"
    errors = "replace"

    def __init__(self, runner: CellRunner, name: str, fd: int) -> None:
        self._runner, self.name, self._fd = runner, name, fd

    def write(self, text: str) -> int:
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        self._runner.outputs.stream(self.name, text)
        return len(text)

    def writelines(self, lines) -> None:
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        return self._fd

    def readable(self) -> bool:
        return False

    def writable(self) -> bool:
        return True


class CellRunner:
    """One IPython shell whose cells' outputs are recorded as nbformat dicts.

    `capture_fds` also catches what C code writes to file descriptors 1 and 2 (Aer, BLAS), as
    ipykernel does; only a process that owns its descriptors (the sandbox) should ask for it.
    """

    def __init__(self, *, capture_fds: bool = False, inline_figures: bool = False) -> None:
        from traitlets.config import Config

        config = Config()
        config.HistoryManager.enabled = False
        config.InteractiveShell.colors = "linux"  # tracebacks coloured as ipykernel's are
        config.InteractiveShell.xmode = "Context"
        # a shell of our own, never the process's singleton: grading may run inside a Jupyter
        # kernel (the learner's own `check()`), whose shell must stay the one it talks to
        previous = _current_shell()
        saved_hooks = sys.displayhook, sys.excepthook
        try:
            self.shell = InteractiveShell(
                config=config,
                display_pub_class=_Publisher,
                displayhook_class=_DisplayHook,
            )
        finally:
            _set_current_shell(previous)
            sys.displayhook, sys.excepthook = saved_hooks
        self.shell._qcourse_runner = self
        self.shell._showtraceback = self._record_traceback  # type: ignore[method-assign]
        self.outputs = Outputs()
        self.execution_count = 0
        self._fd_pipes: dict[int, int] = {}
        self._capture_fds = capture_fds
        if inline_figures:  # figures shown as PNG outputs, as in a Jupyter kernel
            self.shell.enable_gui = lambda gui=None: None  # type: ignore[method-assign]
            self.shell.enable_matplotlib("inline")

    @property
    def user_ns(self) -> dict[str, Any]:
        return self.shell.user_ns

    # -- fd capture (sandbox only)
    def start_fd_capture(self) -> None:
        if not self._capture_fds or self._fd_pipes:
            return
        for fd in (1, 2):
            read_end, write_end = os.pipe()
            os.dup2(write_end, fd)
            os.close(write_end)
            os.set_blocking(read_end, False)
            self._fd_pipes[fd] = read_end

    def flush_streams(self) -> None:
        """Move what C code wrote to fds 1 and 2 into the outputs."""
        for fd, read_end in self._fd_pipes.items():
            name = "stdout" if fd == 1 else "stderr"
            while True:
                ready, _, _ = select.select([read_end], [], [], 0)
                if not ready:
                    break
                try:
                    chunk = os.read(read_end, 65536)
                except BlockingIOError:
                    break
                if not chunk:
                    break
                self.outputs.stream(name, chunk.decode("utf-8", errors="replace"))

    def _record_traceback(self, etype, evalue, stb) -> None:
        self.flush_streams()
        self.outputs.add(
            {
                "output_type": "error",
                "ename": str(getattr(etype, "__name__", etype)),
                "evalue": _text_of(evalue),
                "traceback": [str(line) for line in stb],
            }
        )

    @contextlib.contextmanager
    def _streams(self) -> Iterator[None]:
        saved = sys.stdout, sys.stderr
        sys.stdout = _Stream(self, "stdout", 1)
        sys.stderr = _Stream(self, "stderr", 2)
        try:
            yield
        finally:
            sys.stdout, sys.stderr = saved

    def run(self, source: str) -> tuple[list[dict[str, Any]], dict[str, Any]]:
        """Run one cell: (outputs, reply) where reply has status and, on error, ename/evalue."""
        self.outputs = Outputs()
        self.execution_count += 1
        self.shell.execution_count = self.execution_count
        previous = _current_shell()
        _set_current_shell(self.shell)  # get_ipython() is this shell while the cell runs
        try:
            with self._streams():
                result = self.shell.run_cell(source, store_history=False, silent=False)
                self.flush_streams()
        finally:
            _set_current_shell(previous)
        reply: dict[str, Any] = {"status": "ok", "execution_count": self.execution_count}
        error = result.error_before_exec or result.error_in_exec
        if error is not None:
            reply.update(status="error", ename=type(error).__name__, evalue=_text_of(error))
        if self.outputs.overflowed:
            reply["overflowed"] = True
        return self.outputs.finished(), reply


def _current_shell() -> Any:
    return InteractiveShell._instance if InteractiveShell.initialized() else None


def _set_current_shell(shell: Any) -> None:
    """What `get_ipython()` returns (IPython keeps it on the class)."""
    InteractiveShell._instance = shell


def _text_of(value: Any) -> str:
    try:
        return str(value)
    except Exception:
        return "<unprintable>"
