"""What the hub test needs around the hub: programs, Unix users, a course, the hub process.

Each piece installs what is missing (Chromium from Debian, configurable-http-proxy from npm) and
cleans up after itself; nothing here mocks the hub, nbgrader or the browser.
"""

from __future__ import annotations

import contextlib
import json
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
VENV_BIN = Path(sys.executable).parent
CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "qcourse-tests"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-gpu",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def run(cmd: list[str], timeout: float = 300, **kwargs) -> subprocess.CompletedProcess:
    """Run a command; on failure raise with its output, so a test failure says what broke."""
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, **kwargs)
    if result.returncode != 0:
        raise RuntimeError(
            f"{' '.join(cmd)} exited {result.returncode}\n--- stdout\n{result.stdout[-4000:]}"
            f"\n--- stderr\n{result.stderr[-4000:]}"
        )
    return result


def ensure_chromium() -> Path:
    """Debian's chromium (never Playwright's own browser download)."""
    if not CHROMIUM.exists():
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        run(["apt-get", "update", "-qq"], timeout=600, env=env)
        run(["apt-get", "install", "-y", "-qq", "chromium"], timeout=900, env=env)
    return CHROMIUM


def ensure_proxy() -> Path:
    """configurable-http-proxy from PATH, else installed from npm into a cache folder."""
    found = shutil.which("configurable-http-proxy")
    if found:
        return Path(found)
    prefix = CACHE / "chp"
    binary = prefix / "node_modules" / ".bin" / "configurable-http-proxy"
    if not binary.exists():
        prefix.mkdir(parents=True, exist_ok=True)
        run(
            [
                "npm",
                "install",
                "--no-audit",
                "--no-fund",
                "--prefix",
                str(prefix),
                "configurable-http-proxy@^5",
            ],
            timeout=600,
        )
    return binary


def readable_by_everyone(path: Path) -> bool:
    """Whether a user other than root can reach `path` (every ancestor searchable by others)."""
    path = path.resolve()
    return all(p.stat().st_mode & 0o001 for p in [*reversed(path.parents), path] if p.is_dir())


def shared_venv(dest: Path) -> Path:
    """A venv every Unix user can run, sharing the project's packages; returns its bin folder.

    The project's venv may sit on an interpreter under /root (pyenv), which other users cannot
    execute. Then `dest` becomes a venv on the system's Python of the same version whose lib/,
    share/ and etc/ are links to the project's venv, with the console scripts re-pointed.
    """
    prefix = Path(sys.prefix)
    if readable_by_everyone(Path(sys.executable).resolve()):
        return VENV_BIN
    version = f"{sys.version_info.major}.{sys.version_info.minor}"
    system_python = Path(f"/usr/bin/python{version}")
    if not system_python.exists():
        raise RuntimeError(
            f"{sys.executable} is not reachable by other users and there is no {system_python} "
            "to run the learners' servers with"
        )
    (dest / "bin").mkdir(parents=True)
    for folder in ("lib", "share", "etc", "include"):
        if (prefix / folder).exists():
            (dest / folder).symlink_to(prefix / folder)
    if (prefix / "lib64").exists():
        (dest / "lib64").symlink_to(prefix / "lib64")
    (dest / "pyvenv.cfg").write_text(
        f"home = {system_python.parent}\ninclude-system-site-packages = false\nversion = {version}\n"
    )
    python = dest / "bin" / "python"
    python.symlink_to(system_python)
    for alias in ("python3", f"python{version}"):
        (dest / "bin" / alias).symlink_to("python")
    for script in VENV_BIN.iterdir():
        if script.is_symlink() or not script.is_file():
            continue
        with script.open("rb") as handle:
            first = handle.readline()
        if first.startswith(b"#!") and str(VENV_BIN).encode() in first:
            body = script.read_bytes().split(b"\n", 1)[1]
            target = dest / "bin" / script.name
            target.write_bytes(b"#!" + str(python).encode() + b"\n" + body)
            target.chmod(0o755)
    return dest / "bin"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# --- Unix users -----------------------------------------------------------------------------
@dataclass
class UnixUsers:
    """Real accounts created with useradd, removed (with their processes and homes) at the end."""

    names: list[str] = field(default_factory=list)

    def add(self, name: str) -> pwd.struct_passwd:
        run(["useradd", "--create-home", "--shell", "/bin/bash", "--user-group", name])
        self.names.append(name)
        entry = pwd.getpwnam(name)
        # a learner's home is private (Debian's useradd makes it 0755)
        os.chmod(entry.pw_dir, 0o700)
        return entry

    def kill_processes(self) -> None:
        for name in self.names:
            listed = subprocess.run(
                ["ps", "-u", name, "-o", "pid="], capture_output=True, text=True
            )
            for pid in listed.stdout.split():
                with contextlib.suppress(ProcessLookupError, ValueError):
                    os.kill(int(pid), signal.SIGKILL)

    def remove_all(self) -> None:
        self.kill_processes()
        time.sleep(0.5)
        for name in reversed(self.names):
            subprocess.run(["userdel", "--remove", "--force", name], capture_output=True)
            # --user-group made a group of the same name; userdel removes it when it is empty
        self.names.clear()


def as_user(
    user: str, bin_dir: Path, cmd: list[str], env: dict[str, str], cwd: Path, timeout: float = 600
):
    """Run `cmd` as a Unix user with a clean environment plus `env` (like a terminal of theirs)."""
    entry = pwd.getpwnam(user)
    base = {
        "HOME": entry.pw_dir,
        "USER": user,
        "PATH": f"{bin_dir}:/usr/local/bin:/usr/bin:/bin",
        "LANG": "C.UTF-8",
    }
    envs = [f"{k}={v}" for k, v in {**base, **env}.items()]
    return run(["runuser", "-u", user, "--", "env", "-i", *envs, *cmd], timeout=timeout, cwd=cwd)


def try_as_user(user: str, bin_dir: Path, code: str) -> dict:
    """Run a Python snippet as `user`; it prints one JSON value, which is returned."""
    entry = pwd.getpwnam(user)
    result = run(
        [
            "runuser",
            "-u",
            user,
            "--",
            "env",
            "-i",
            f"HOME={entry.pw_dir}",
            str(bin_dir / "python"),
            "-c",
            code,
        ],
        cwd="/",
    )
    return json.loads(result.stdout)


# --- the hub process ------------------------------------------------------------------------
@contextlib.contextmanager
def running_hub(
    env: dict[str, str], bin_dir: Path, state_dir: Path, log: Path, url: str
) -> Iterator[subprocess.Popen]:
    """Start JupyterHub with tests/hub/local_hub_config.py; stop it and all it started."""
    config = Path(__file__).with_name("local_hub_config.py")
    with log.open("w") as out:
        hub = subprocess.Popen(
            [str(VENV_BIN / "jupyterhub"), "-f", str(config)],
            cwd=state_dir,
            env={**os.environ, **env, "PATH": f"{bin_dir}:{os.environ.get('PATH', '')}"},
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            wait_for_http(f"{url}/hub/api/", hub, log, timeout=120)
            yield hub
        finally:
            stop_process_group(hub)


def wait_for_http(url: str, process: subprocess.Popen, log: Path, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(
                f"the hub exited with {process.returncode}:\n{log.read_text()[-6000:]}"
            )
        with contextlib.suppress(OSError):
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        time.sleep(0.5)
    raise RuntimeError(f"{url} did not answer in {timeout} s:\n{log.read_text()[-6000:]}")


def stop_process_group(process: subprocess.Popen) -> None:
    """SIGTERM the hub's session (hub, proxy, services), then SIGKILL what is left."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        pass
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=10)
