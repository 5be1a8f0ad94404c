"""Where a submission is sandboxed: bubblewrap around a warm zygote, one session per submission.

The sandbox (Debian's `bubblewrap`, `bwrap`) has its own PID, network, IPC and UTS namespaces
(no network at all, not even loopback services of the grader), a read-only view of the system
and of the Python installation, a private writable scratch directory, and nothing of the course:
no `source/`, no other submission, no gradebook, no course config, no curriculum. Inside it, the
zygote (`zygote.py`) keeps qiskit, Aer, numpy and matplotlib imported and forks one fresh process
per submission; after each submission every process in the sandbox is killed and the scratch is
wiped. Memory, CPU time, processes, file size and output are limited per submission.

`Sandbox.session()` gives the trusted grader a `Session`: a data-only channel (`wire.py`) to the
submission's process.
"""

from __future__ import annotations

import base64
import os
import select
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from qcourse.sealed import wire

READY_TIMEOUT = 180.0  # a cold import of qiskit and Aer on a loaded 2-core machine
INTERRUPT_GRACE = 5.0  # seconds a submission gets to stop after an interrupt
END_TIMEOUT = 30.0


@dataclass(frozen=True)
class Limits:
    """What one submission may use."""

    memory_bytes: int = 4 * 1024**3  # address space: a warm process with a 20-qubit Aer run
    # reserves about 1.5 GiB; a 25-qubit statevector adds 0.5 GiB
    cpu_seconds: int = 900
    processes: int = 64
    file_bytes: int = 64 * 1024**2
    scratch_bytes: int = 256 * 1024**2
    output_bytes: int = 16 * 1024**2  # one message from the sandbox


class SandboxUnavailable(RuntimeError):
    """No sandbox can be made on this machine (no bwrap, or no namespaces)."""


class SubmissionDied(RuntimeError):
    """The submission's process ended while the grader waited for it (os._exit, a crash...)."""


class SubmissionTimeout(RuntimeError):
    """The submission did not answer within its time, even after an interrupt."""


class OutputFlood(RuntimeError):
    """The submission sent more output than its limit."""


@dataclass
class SessionEnd:
    """How a submission's process ended, as the zygote saw it."""

    leftover_processes: int = 0
    signal: int | None = None
    exit: int | None = None
    cpu_seconds: float = 0.0
    max_rss_kib: int = 0
    limits_hit: list[str] = field(default_factory=list)


# ---------------------------------------------------------------------------------------------
# the bubblewrap command line


_SYSTEM_DIRS = ("/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32")
_ETC = (
    "ld.so.cache",
    "ld.so.conf",
    "ld.so.conf.d",
    "localtime",
    "fonts",
    "alternatives",
    "passwd",
    "group",
    "nsswitch.conf",
    "matplotlibrc",
)


def _code_roots() -> list[Path]:
    """Directories the sandbox's Python needs: the installation and the packages' own roots."""
    import qcourse
    import qgrade

    roots = {Path(sys.base_prefix), Path(sys.prefix), Path(sys.exec_prefix)}
    for package in (qcourse, qgrade):
        roots.add(Path(package.__file__).resolve().parents[1])
    for site_dir in _site_dirs():
        roots.add(Path(site_dir))  # resolved below: a venv's lib/ may be a link elsewhere
        for pth in Path(site_dir).glob("*.pth"):
            try:
                lines = pth.read_text(encoding="utf-8", errors="replace").splitlines()
            except OSError:
                continue
            for line in lines:
                line = line.strip()
                if line and not line.startswith(("#", "import")) and os.path.isabs(line):
                    if os.path.isdir(line):
                        roots.add(Path(line).resolve())
    resolved = {r.resolve() for r in roots if r.exists()}
    # keep the outermost of nested roots
    return sorted(r for r in resolved if not any(o != r and o in r.parents for o in resolved))


def _site_dirs() -> list[str]:
    import site

    dirs = [p for p in sys.path if p.endswith(("site-packages", "dist-packages"))]
    try:
        dirs += site.getsitepackages()
    except AttributeError:
        pass
    return sorted(set(dirs))


def _hidden_paths() -> list[Path]:
    """What must stay invisible inside a bound code root: the curriculum (it holds solutions)."""
    from qcourse.paths import curriculum_root

    hidden = []
    try:
        hidden.append(curriculum_root().resolve())
    except FileNotFoundError:
        pass
    return hidden


def check_roots(roots: list[Path], secrets: list[Path]) -> list[Path]:
    """The roots, minus any that would show a secret (a course, the curriculum) whole."""
    safe = []
    for root in roots:
        if any(root == s or root in s.parents for s in secrets):
            continue
        safe.append(root)
    return safe


def running_as_real_root() -> bool:
    """Root of the machine itself, not root mapped inside a user namespace (`unshare -r`):
    only then can each submission get a user of its own."""
    if os.getuid() != 0:
        return False
    try:
        with open("/proc/self/uid_map", encoding="ascii") as fh:
            fields = fh.readline().split()
    except OSError:
        return False
    return fields[:3] == ["0", "0", "4294967295"]


# the zygote forks every submission: numerical libraries must not start worker threads in it
SINGLE_THREADED = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


def bwrap_command(limits: Limits, *, control_fd: int, secrets: list[Path] = ()) -> list[str]:
    """The full `bwrap ... python -m qcourse.sealed.zygote` command."""
    bwrap = shutil.which("bwrap")
    if bwrap is None:
        raise SandboxUnavailable("bubblewrap (the `bwrap` program) is not installed")
    hidden = _hidden_paths()
    roots = check_roots(_code_roots(), [*secrets])
    args = [
        bwrap,
        "--die-with-parent",
        "--new-session",
        "--unshare-pid",
        "--unshare-net",
        "--unshare-ipc",
        "--unshare-uts",
        "--unshare-cgroup-try",
        "--hostname",
        "sandbox",
    ]
    if running_as_real_root():
        # root keeps just what the zygote needs to drop each submission to its own user and
        # to clean up after it; the submission itself runs with no capability at all
        args += ["--cap-drop", "ALL"]
        for cap in ("SETUID", "SETGID", "KILL", "FOWNER", "DAC_OVERRIDE", "CHOWN"):
            args += ["--cap-add", f"CAP_{cap}"]
    else:
        args += ["--unshare-user"]
    for path in _SYSTEM_DIRS:
        if os.path.islink(path):
            args += ["--symlink", os.readlink(path), path]
        elif os.path.isdir(path):
            args += ["--ro-bind", path, path]
    for name in _ETC:
        args += ["--ro-bind-try", f"/etc/{name}", f"/etc/{name}"]
    # fresh /proc, /dev, /tmp and scratch first: a code root may live under /tmp
    args += [
        "--proc",
        "/proc",
        "--dev",
        "/dev",
        "--tmpfs",
        "/tmp",
        "--tmpfs",
        "/dev/shm",
        "--size",
        str(int(limits.scratch_bytes)),
        "--tmpfs",
        "/scratch",
        "--chdir",
        "/scratch",
        "--clearenv",
    ]
    made: set[Path] = set()
    for root in roots:
        if str(root).startswith(("/usr/", "/lib")) or str(root) == "/usr":
            continue
        # parents made by bwrap itself would be root-only (0700): the submission's user could
        # not reach the Python installation through them
        for parent in reversed(root.parents):
            if parent not in (Path("/"), Path("/tmp")) and parent not in made:
                made.add(parent)
                args += ["--perms", "0755", "--dir", str(parent)]
        args += ["--ro-bind", str(root), str(root)]
    for path in hidden:
        if any(r == path or r in path.parents for r in roots):
            args += ["--tmpfs", str(path)]
    env = {
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        "HOME": "/scratch",
        "TMPDIR": "/tmp",
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "PYTHONDONTWRITEBYTECODE": "1",
        "PYTHONPATH": os.pathsep.join(
            str(Path(p.__file__).resolve().parents[1]) for p in _packages()
        ),
        **SINGLE_THREADED,
        "MPLBACKEND": "Agg",
        "MPLCONFIGDIR": "/tmp/matplotlib",
        "IPYTHONDIR": "/tmp/ipython",
        "QCOURSE_GRADING": "1",
        "QCOURSE_CONTROL_FD": str(control_fd),
    }
    for name in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE", "QCOURSE_LANG"):
        if os.environ.get(name):
            env[name] = os.environ[name]
    for key, value in env.items():
        args += ["--setenv", key, value]
    args += ["--", sys.executable, "-m", "qcourse.sealed.zygote"]
    return args


def _packages() -> list[Any]:
    import qcourse
    import qgrade

    return [qcourse, qgrade]


@cache
def sandbox_problem() -> str | None:
    """Why no sandbox can be made here, or None when one can (tried once per process)."""
    if sys.platform != "linux":
        return f"sealed grading needs Linux namespaces (this is {sys.platform})"
    bwrap = shutil.which("bwrap")
    if bwrap is None:
        return "bubblewrap is not installed (Debian/Ubuntu: apt-get install bubblewrap)"
    probe = [
        bwrap,
        "--die-with-parent",
        "--unshare-pid",
        "--unshare-net",
        *([] if running_as_real_root() else ["--unshare-user"]),
        "--ro-bind",
        "/",
        "/",
        "--proc",
        "/proc",
        "--dev",
        "/dev",
        "--",
        "/bin/true",
    ]
    try:
        run = subprocess.run(probe, capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"bubblewrap could not run: {exc}"
    if run.returncode != 0:
        detail = (run.stderr or "").strip().splitlines()[-1:] or ["no message"]
        return f"bubblewrap cannot create namespaces here ({detail[0]})"
    return None


def require_sandbox() -> None:
    problem = sandbox_problem()
    if problem:
        raise SandboxUnavailable(problem)


# ---------------------------------------------------------------------------------------------
# the host side


class Sandbox:
    """One bubblewrap sandbox with a warm zygote; serves one submission at a time.

    `secrets` are host paths that must never be bound into the sandbox even partially (the
    course directory); binding is refused for any code root that contains one.
    """

    def __init__(self, limits: Limits | None = None, secrets: list[Path] | None = None) -> None:
        self.limits = limits or Limits()
        self.secrets = [Path(s).resolve() for s in (secrets or [])]
        self.proc: subprocess.Popen | None = None
        self.control: socket.socket | None = None
        self.log = tempfile.TemporaryFile()
        self.uid = 1_000_000 + os.getpid() % 1_000_000
        self.starts = 0
        self._ready = False

    # -- lifecycle
    def start(self, wait: bool = True) -> None:
        """Start bwrap and the zygote; with `wait`, return once it is warm."""
        require_sandbox()
        if self.log.closed:
            self.log = tempfile.TemporaryFile()
        mine, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            cmd = bwrap_command(self.limits, control_fd=theirs.fileno(), secrets=self.secrets)
            self.proc = subprocess.Popen(
                cmd,
                stdin=subprocess.DEVNULL,
                stdout=self.log,
                stderr=self.log,
                pass_fds=[theirs.fileno()],
                start_new_session=True,
            )
        finally:
            theirs.close()
        self.control = mine
        self.starts += 1
        self._ready = False
        if wait:
            self.wait_ready()

    def wait_ready(self) -> None:
        if self._ready:
            return
        ready = self._wait_control(READY_TIMEOUT)
        if ready is None or ready.get("op") != "ready":
            tail = self.log_tail()
            self.close()
            raise SandboxUnavailable(f"the sandbox did not start: {tail or 'no message'}")
        self._ready = True

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None and self.control is not None

    def close(self) -> None:
        if self.control is not None:
            try:
                wire.send(self.control, {"op": "quit"})
            except OSError:
                pass
            self.control.close()
            self.control = None
        if self.proc is not None:
            try:
                os.killpg(self.proc.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
            self.proc.wait()
            self.proc = None

    def __del__(self) -> None:
        log = getattr(self, "log", None)
        if log is not None and not log.closed:
            log.close()

    def __enter__(self) -> Sandbox:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def log_tail(self, lines: int = 5) -> str:
        self.log.seek(0)
        text = self.log.read().decode("utf-8", errors="replace").strip().splitlines()
        return " / ".join(text[-lines:])

    def _wait_control(self, timeout: float) -> dict | None:
        assert self.control is not None
        ready, _, _ = select.select([self.control], [], [], timeout)
        if not ready:
            return None
        try:
            return wire.receive(self.control)
        except (wire.ChannelClosed, OSError, ValueError):
            return None

    # -- submissions
    def session(
        self,
        files: dict[str, bytes],
        *,
        lang: str | None = None,
        figures: bool = True,
        env: dict[str, str] | None = None,
    ) -> Session:
        """A fresh process for one submission, with `files` in its working directory."""
        if not self.alive():
            self.close()
            self.start()
        self.wait_ready()
        assert self.control is not None
        mine, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        message = {
            "op": "begin",
            "files": {k: base64.b64encode(v).decode() for k, v in files.items()},
            "limits": asdict(self.limits),
            "uid": self.uid if running_as_real_root() else None,
            "lang": lang,
            "figures": figures,
            "env": {str(k): str(v) for k, v in (env or {}).items()},
        }
        import json

        data = json.dumps(message).encode("utf-8")
        frame = wire._HEADER.pack(len(data)) + data
        try:
            socket.send_fds(self.control, [frame[:4]], [theirs.fileno()])
            self.control.sendall(frame[4:])
        finally:
            theirs.close()
        session = Session(self, mine)
        started = session._receive(READY_TIMEOUT)
        if started is None or started.get("op") != "started":
            session.end()
            raise SubmissionDied("the submission's process did not start: " + self.log_tail())
        return session

    def _control_op(self, op: str) -> None:
        if self.control is not None:
            try:
                wire.send(self.control, {"op": op})
            except OSError:
                pass


class Session:
    """The trusted grader's line to one submission's process."""

    def __init__(self, sandbox: Sandbox, sock: socket.socket) -> None:
        self.sandbox = sandbox
        self.sock = sock
        self.ended: SessionEnd | None = None
        self.limits_hit: list[str] = []
        self.callbacks: dict[int, Callable] = {}
        self.on_callback: Callable[[dict], dict] | None = None

    def _receive(self, timeout: float | None) -> dict | None:
        """The next frame, or None if none began within `timeout` seconds."""
        ready, _, _ = select.select([self.sock], [], [], timeout)
        if not ready:
            return None
        self.sock.settimeout(30.0)  # a frame that has begun completes promptly
        try:
            return wire.receive(self.sock, self.sandbox.limits.output_bytes)
        except wire.FrameTooLarge:
            self.limits_hit.append("output")
            self._kill()
            raise OutputFlood("the submission produced more output than its limit") from None
        except (wire.ChannelClosed, OSError, ValueError) as exc:
            self._kill()
            raise SubmissionDied(f"the submission's process ended ({exc})") from None
        finally:
            self.sock.settimeout(None)

    def request(self, message: dict, timeout: float | None) -> dict:
        """Send one request; serve callbacks until its result; interrupt it if it runs late."""
        try:
            wire.send(self.sock, message)
        except OSError:
            self._kill()
            raise SubmissionDied("the submission's process is gone") from None
        deadline = None if timeout is None else time.monotonic() + timeout
        interrupted = False
        while True:
            left = None if deadline is None else max(0.0, deadline - time.monotonic())
            frame = self._receive(left)
            if frame is None:
                if interrupted:
                    self.limits_hit.append("time")
                    self._kill()
                    raise SubmissionTimeout("the submission did not stop when interrupted")
                self.sandbox._control_op("interrupt")
                interrupted = True
                deadline = time.monotonic() + INTERRUPT_GRACE
                continue
            if frame.get("op") == "callback":
                self._answer_callback(frame)
                continue
            if interrupted:
                frame["interrupted"] = True
            return frame

    def _answer_callback(self, frame: dict) -> None:
        reply = self.on_callback(frame) if self.on_callback else {"error": {"type": "NameError"}}
        try:
            wire.send(self.sock, {"op": "callback_result", **reply})
        except OSError:
            self._kill()
            raise SubmissionDied("the submission's process is gone") from None

    def _kill(self) -> None:
        self.sandbox._control_op("kill")

    def end(self) -> SessionEnd:
        """Stop the submission's process; the zygote kills what it left and wipes the scratch."""
        if self.ended is not None:
            return self.ended
        try:
            wire.send(self.sock, {"op": "end"})
        except OSError:
            pass
        self.sock.close()
        self._kill()
        report = None
        deadline = time.monotonic() + END_TIMEOUT
        while self.sandbox.control is not None and time.monotonic() < deadline:
            report = self.sandbox._wait_control(deadline - time.monotonic())
            if report is None or report.get("op") == "ended":
                break
        if report is None or report.get("op") != "ended":
            self.sandbox.close()  # a sandbox we cannot vouch for is not reused
            report = {}
        self.ended = SessionEnd(
            leftover_processes=int(report.get("leftover_processes", 0)),
            signal=report.get("signal"),
            exit=report.get("exit"),
            cpu_seconds=float(report.get("cpu_seconds", 0.0)),
            max_rss_kib=int(report.get("max_rss_kib", 0)),
            limits_hit=list(dict.fromkeys(self.limits_hit)),
        )
        if self.ended.signal in (signal.SIGXCPU,) or (
            self.ended.cpu_seconds >= self.sandbox.limits.cpu_seconds
        ):
            self.ended.limits_hit.append("cpu")
        return self.ended


_shared_lock = threading.Lock()
_shared: Sandbox | None = None


def shared_sandbox(*, wait: bool = True) -> Sandbox:
    """This process's sandbox, started on first use and reused (one submission at a time).

    With `wait=False` it only begins starting (the zygote imports in the background).
    """
    global _shared
    with _shared_lock:
        if _shared is None:
            import atexit

            _shared = Sandbox()
            atexit.register(_shared.close)
        if not _shared.alive():
            _shared.close()
            _shared.start(wait=wait)
        elif wait:
            _shared.wait_ready()
        return _shared
