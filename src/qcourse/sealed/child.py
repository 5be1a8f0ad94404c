"""One submission's process inside the sandbox: its cells run here, and nothing else does.

Forked from the zygote for each submission. It lays out the submission's files, drops its
privileges, sets its limits, then answers the trusted grader over the data socket:

- `exec`: run a cell of the submission; reply with its outputs;
- `describe`: what the submission's names are (data, a function, a module, missing);
- `call`: call one of the submission's functions with data arguments; reply with the result as
  data (a grader function passed in as an argument is called back on the trusted side).

Only data crosses (`wire.py`). Whatever the submission does to this process (patching qgrade,
numpy or the builtins, hiding tracebacks, lying objects) stays in this process.
"""

from __future__ import annotations

import ctypes
import itertools
import os
import resource
import signal
import socket
import sys
import types
from pathlib import PurePosixPath
from typing import Any

from qcourse.sealed import wire

PR_SET_NO_NEW_PRIVS = 38


class Child:
    def __init__(self, sock: socket.socket, inline_figures: bool) -> None:
        from qcourse.sealed.cells import CellRunner

        self.sock = sock
        self.handles: dict[int, Any] = {}
        self._ids = itertools.count(1)
        self.codec = wire.Codec(export=self._export, proxy=self._proxy, rebuild_backends=True)
        self.runner = CellRunner(capture_fds=True, inline_figures=inline_figures)
        self.runner.start_fd_capture()

    # -- handles
    def _export(self, fn: Any) -> int:
        handle = next(self._ids)
        self.handles[handle] = fn
        return handle

    def _proxy(self, description: dict) -> Any:
        """A grader function handed to the submission: each call runs it on the trusted side."""
        handle = int(description["id"])
        name = str(description.get("name", "function"))

        def call_grader(*args: Any, **kwargs: Any) -> Any:
            wire.send(
                self.sock,
                {
                    "op": "callback",
                    "id": handle,
                    "args": [self.codec.encode(a) for a in args],
                    "kwargs": {str(k): self.codec.encode(v) for k, v in kwargs.items()},
                },
            )
            reply = self._serve_until_result()
            if "error" in reply:
                raise wire.rebuild_exception(reply["error"])
            return self.codec.decode(reply.get("value"))

        call_grader.__name__ = call_grader.__qualname__ = name if name.isidentifier() else "f"
        sig = wire.signature_from(description, self.codec)
        if sig is not None:
            call_grader.__signature__ = sig  # type: ignore[attr-defined]
        return call_grader

    # -- requests
    def serve(self) -> None:
        while True:
            try:
                request = wire.receive(self.sock)
            except KeyboardInterrupt:  # an interrupt that came late: nothing is running
                continue
            if request.get("op") == "end":
                return
            self._answer(request)

    def _serve_until_result(self) -> dict:
        """While a callback runs on the trusted side, serve its nested requests."""
        while True:
            request = wire.receive(self.sock)
            if request.get("op") == "callback_result":
                return request
            self._answer(request)

    def _answer(self, request: dict) -> None:
        op = request.get("op")
        try:
            if op == "exec":
                outputs, reply = self.runner.run(str(request["source"]))
                self._send({"op": "result", "outputs": outputs, "reply": reply})
            elif op == "describe":
                names = [str(n) for n in request.get("names", [])]
                self._send({"op": "result", "names": {n: self._describe(n) for n in names}})
            elif op == "call":
                self._call(request)
            else:
                self._send({"op": "result", "error": {"type": "ValueError", "message": str(op)}})
        except KeyboardInterrupt as exc:
            self._send({"op": "result", "error": wire.encode_exception(exc)})

    def _send(self, message: dict) -> None:
        try:
            wire.send(self.sock, message)
        except (TypeError, ValueError) as exc:  # an output that is not JSON: say so instead
            wire.send(
                self.sock,
                {"op": "result", "error": {"type": "ValueError", "message": f"unsendable: {exc}"}},
            )

    def _describe(self, name: str) -> dict:
        ns = self.runner.user_ns
        if name not in ns:
            return {"kind": "missing"}
        value = ns[name]
        if isinstance(value, types.ModuleType):
            return {"kind": "module", "module": str(getattr(value, "__name__", ""))}
        if isinstance(value, type):
            return {
                "kind": "class",
                "module": str(getattr(value, "__module__", "") or ""),
                "qualname": str(getattr(value, "__qualname__", "") or ""),
                "value": self.codec.encode(value),
            }
        try:
            return {"kind": "value", "value": self.codec.encode(value)}
        except Exception as exc:
            return {"kind": "value", "value": {"$": "ungradable", "type": type(exc).__name__}}

    def _call(self, request: dict) -> None:
        fn = self.handles.get(int(request["id"]))
        if fn is None:
            self._send({"op": "result", "error": {"type": "NameError", "message": "gone"}})
            return
        try:
            args = [self.codec.decode(a) for a in request.get("args", [])]
            kwargs = {str(k): self.codec.decode(v) for k, v in request.get("kwargs", {}).items()}
            value = fn(*args, **kwargs)
            encoded = self.codec.encode(value)
        except BaseException as exc:  # noqa: B036 - every failure of the submission is data
            if isinstance(exc, (wire.ChannelClosed,)):
                raise
            self._send({"op": "result", "error": wire.encode_exception(exc)})
            return
        self._send({"op": "result", "value": encoded})


def _safe_relative(name: str) -> PurePosixPath | None:
    path = PurePosixPath(name)
    if path.is_absolute() or ".." in path.parts or not path.parts:
        return None
    return path


def _lay_out(files: dict[str, str], work: str) -> None:
    import base64

    os.makedirs(work, exist_ok=True)
    for name, b64 in files.items():
        rel = _safe_relative(name)
        if rel is None:
            continue
        target = os.path.join(work, *rel.parts)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "wb") as fh:
            fh.write(base64.b64decode(b64))


def _limit(limits: dict) -> None:
    def cap(which: int, value: Any) -> None:
        if value is None:
            return
        value = int(value)
        try:
            resource.setrlimit(which, (value, value))
        except (ValueError, OSError):
            soft, hard = resource.getrlimit(which)
            if hard == resource.RLIM_INFINITY or value <= hard:
                resource.setrlimit(which, (value, hard))

    cap(resource.RLIMIT_CORE, 0)
    cap(resource.RLIMIT_AS, limits.get("memory_bytes"))
    cap(resource.RLIMIT_NPROC, limits.get("processes"))
    cap(resource.RLIMIT_FSIZE, limits.get("file_bytes"))
    cpu = limits.get("cpu_seconds")
    if cpu:
        cpu = int(cpu)
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 5))


def _drop_privileges(uid: int | None, work: str) -> None:
    """Become an unprivileged user of our own (only possible, and only needed, as the
    machine's root; in a user namespace the sandbox already has no power outside)."""
    if uid is None or os.getuid() != 0:
        return
    for root, dirs, files in os.walk(work):
        for name in [*dirs, *files]:
            os.lchown(os.path.join(root, name), uid, uid)
    os.chown(work, uid, uid)
    os.setgroups([])
    os.setgid(uid)
    os.setuid(uid)
    if os.getuid() == 0 or os.geteuid() == 0:
        raise RuntimeError("could not drop root")


def main(message: dict, data_fd: int, work: str) -> int:
    os.setsid()
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a file too large fails a write, not us
    sock = socket.socket(fileno=data_fd)
    _lay_out(message.get("files", {}), work)
    os.chdir(work)
    home = os.path.join(work, ".home")
    os.makedirs(home, exist_ok=True)
    os.environ.update(HOME=home, TMPDIR="/tmp", QCOURSE_GRADING="1", PWD=work)
    env = message.get("env") or {}
    os.environ.update({str(k): str(v) for k, v in env.items() if not str(k).startswith("LD_")})
    if message.get("lang"):
        os.environ["QCOURSE_LANG"] = str(message["lang"])
    limits = message.get("limits", {})
    uid = message.get("uid")
    _drop_privileges(int(uid) if uid is not None else None, work)
    ctypes.CDLL(None, use_errno=True).prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0)
    _limit(limits)
    sys.path[:0] = [work]  # a notebook imports helper modules that sit beside it
    child = Child(sock, inline_figures=bool(message.get("figures", True)))
    wire.send(sock, {"op": "started", "pid": os.getpid()})
    child.serve()
    return 0
