"""The warm template inside the sandbox: one fresh forked process per submission.

Runs as `python -m qcourse.sealed.zygote` inside bubblewrap (see `sandbox.py`), with the
control socket on file descriptor 3. It imports qiskit, Aer, numpy, matplotlib and IPython once,
then for each submission:

1. receives the submission's files and limits, and a fresh data socket for it;
2. forks; the child writes the files into an empty scratch directory, drops to an unprivileged
   user (when the sandbox runs as root), sets its resource limits and serves the trusted grader's
   requests (`child.py`) until told to stop;
3. when the child is done, or the grader asks, kills every process left in the sandbox and wipes
   the scratch, /tmp and /dev/shm, so nothing reaches the next submission.

The zygote itself never runs submission code, and is not dumpable (no ptrace, no /proc/PID/mem).
"""

from __future__ import annotations

import ctypes
import importlib
import os
import shutil
import signal
import socket
import sys
import time

from qcourse.sealed import wire

CONTROL_FD = 3
SCRATCH = "/scratch"
WORK = "/scratch/work"
WIPE = ("/scratch", "/tmp", "/dev/shm")
PR_SET_DUMPABLE = 4


def _prctl(option: int, value: int) -> None:
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(option, value, 0, 0, 0)


# what later modules import (fake devices, primitives, optimisers, mitigation): seconds of import
# per submission, paid once here instead; none of them starts a thread at import (fork-safe)
_WARM_TOO = (
    "matplotlib_inline.backend_inline",
    "qiskit.visualization",
    "qiskit_aer.primitives",
    "scipy.optimize",
    "qiskit_ibm_runtime",
    "qiskit_ibm_runtime.fake_provider",
    "qiskit_mitigation.zne",
)


def warm_up() -> None:
    """Import what every notebook imports, so each forked submission starts warm."""
    os.environ.setdefault("MPLBACKEND", "Agg")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot  # noqa: F401
    import numpy  # noqa: F401
    import qiskit  # noqa: F401
    import qiskit_aer  # noqa: F401
    from qiskit import QuantumCircuit, qpy  # noqa: F401
    from qiskit.quantum_info import Operator, Statevector  # noqa: F401

    import qgrade  # noqa: F401
    import qgrade.notebook  # noqa: F401
    from qcourse.sealed import cells, child  # noqa: F401

    for name in _WARM_TOO:
        try:
            importlib.import_module(name)
        except ImportError:
            pass
    # one tiny simulation pages in Aer's code and qiskit's transpiler once, for every child
    qc = QuantumCircuit(1)
    qc.h(0)
    Statevector(qc)
    try:
        from qiskit_aer import AerSimulator

        qc.measure_all()
        AerSimulator().run(qc, shots=1, seed_simulator=1).result()
    except Exception:
        pass


def _other_pids() -> list[int]:
    me = os.getpid()
    pids = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            pid = int(entry)
            if pid not in (1, me):
                pids.append(pid)
    return pids


def kill_everything_else() -> int:
    """SIGKILL every process in the sandbox's PID namespace but init and us; how many there were."""
    seen = 0
    for _round in range(200):
        pids = _other_pids()
        if not pids:
            return seen
        seen = max(seen, len(pids))
        try:
            os.kill(-1, signal.SIGKILL)
        except ProcessLookupError:
            pass
        while True:  # reap our own children; init reaps the orphans
            try:
                pid, _ = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                break
            if pid == 0:
                break
        time.sleep(0.005)
    raise RuntimeError("processes keep appearing in the sandbox")


def _mount_points() -> set[str]:
    """Every mount point in the sandbox and each of its parents (never wiped)."""
    keep: set[str] = set()
    try:
        with open("/proc/self/mountinfo", encoding="utf-8") as fh:
            for line in fh:
                point = line.split()[4].replace("\\040", " ")
                while point not in keep and point != "/":
                    keep.add(point)
                    point = os.path.dirname(point)
    except OSError:
        pass
    return keep


_KEEP: set[str] = set()


def _wipe() -> None:
    for top in WIPE:
        if not os.path.isdir(top):
            continue
        for name in os.listdir(top):
            path = os.path.join(top, name)
            if path in _KEEP:  # a code root bound under /tmp, or the way to it
                continue
            _make_removable(path)
            if os.path.isdir(path) and not os.path.islink(path):
                shutil.rmtree(path, ignore_errors=False)
            else:
                os.unlink(path)


def _make_removable(path: str) -> None:
    if os.path.islink(path) or not os.path.isdir(path):
        return
    os.chmod(path, 0o700)
    for root, dirs, _files in os.walk(path):
        for d in dirs:
            p = os.path.join(root, d)
            if not os.path.islink(p):
                os.chmod(p, 0o700)


def _receive_with_fd(control: socket.socket) -> tuple[dict, int]:
    """The next control message and the socket that may come with it (-1 if none)."""
    header, fds, _flags, _addr = socket.recv_fds(control, 4, 1)
    if not header:
        raise wire.ChannelClosed("the grader closed the control channel")
    while len(header) < 4:
        more = control.recv(4 - len(header))
        if not more:
            raise wire.ChannelClosed("the grader closed the control channel")
        header += more
    (size,) = wire._HEADER.unpack(header)
    import json

    message = json.loads(wire._read_exact(control, size).decode("utf-8"))
    return message, (fds[0] if fds else -1)


def serve(control: socket.socket) -> None:
    wire.send(control, {"op": "ready", "pid": os.getpid(), "uid": os.getuid()})
    while True:
        message, data_fd = _receive_with_fd(control)
        op = message.get("op")
        if op == "quit":
            return
        if op != "begin" or data_fd < 0:
            if data_fd >= 0:
                os.close(data_fd)
            continue  # a late "interrupt" or "kill" for a submission that already ended
        pid = os.fork()
        if pid == 0:  # the submission's process
            status = 1
            try:
                control.close()
                from qcourse.sealed import child

                status = child.main(message, data_fd, WORK)
            except BaseException:  # noqa: B036 - say why on the sandbox's log, then go
                import traceback

                traceback.print_exc()
            finally:
                os._exit(status)
        os.close(data_fd)
        _supervise(control, pid)


def _supervise(control: socket.socket, pid: int) -> None:
    """Wait for the child (or the grader's word), then leave the sandbox as it was."""
    import select

    pidfd = os.pidfd_open(pid)
    status = None
    usage = None
    try:
        while status is None:
            ready, _, _ = select.select([control, pidfd], [], [])
            if pidfd in ready:
                _, status, usage = os.wait4(pid, 0)
                break
            message = wire.receive(control)
            op = message.get("op")
            if op == "interrupt":
                _signal(pid, signal.SIGINT)
            elif op == "kill":
                _signal(pid, signal.SIGKILL)
    finally:
        os.close(pidfd)
    leftover = kill_everything_else()
    _wipe()
    report = {
        "op": "ended",
        "leftover_processes": leftover,
        "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 3),
        "max_rss_kib": usage.ru_maxrss,
    }
    if os.WIFSIGNALED(status):
        report["signal"] = os.WTERMSIG(status)
    else:
        report["exit"] = os.WEXITSTATUS(status)
    wire.send(control, report)


def _signal(pid: int, sig: int) -> None:
    try:
        os.kill(pid, sig)
    except ProcessLookupError:
        pass


def main() -> None:
    control = socket.socket(fileno=int(os.environ.get("QCOURSE_CONTROL_FD", CONTROL_FD)))
    warm_up()
    _KEEP.update(_mount_points())
    _wipe()
    for shared in ("/tmp", "/dev/shm"):
        if os.path.isdir(shared):
            os.chmod(shared, 0o1777)  # the submission runs as an unprivileged user
    _prctl(PR_SET_DUMPABLE, 0)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # only the child answers interrupts
    try:
        serve(control)
    except wire.ChannelClosed:
        pass


if __name__ == "__main__":
    sys.exit(main())
