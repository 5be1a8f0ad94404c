"""The tamper corpus: what students publish and what the sandbox must stop.

Each attack is code a student puts into an otherwise untouched starter notebook (in the answer
cell of the first exercise, or as a cell of their own). Sealed grading must give every one of
them no more than the untouched starter gets, leave the gradebook intact and change nothing
outside the sandbox. `{canary}` is replaced by a host path the attack tries to write, `{port}` by
a port the test listens on (127.0.0.1), `{db}` by the course gradebook's path.
"""

from __future__ import annotations

ATTACKS: dict[str, str] = {
    # -- patching the grader in the submission's process
    "patch_qgrade_asserts": """
import qgrade, qgrade.notebook
for _n in dir(qgrade):
    if _n.startswith(("assert_", "check_")):
        setattr(qgrade, _n, lambda *a, **k: None)
        setattr(qgrade.notebook, _n, lambda *a, **k: None)
""",
    "patch_numpy_allclose": """
import numpy
numpy.allclose = lambda *a, **k: True
numpy.isclose = lambda *a, **k: True
np.allclose = numpy.allclose
""",
    "patch_statevector_equiv": """
from qiskit.quantum_info import Statevector, Operator
Statevector.equiv = lambda self, other, *a, **k: True
Operator.equiv = lambda self, other, *a, **k: True
Statevector.__eq__ = lambda self, other: True
""",
    "replace_sys_modules": """
import sys, types
fake = types.ModuleType("qgrade")
fake.__getattr__ = lambda name: (lambda *a, **k: None)
fake.set_language = lambda *a, **k: None
sys.modules["qgrade"] = fake
sys.modules["qgrade.notebook"] = fake
qgrade = fake
""",
    "shadow_grader_names": """
def assert_state(*a, **k):
    return None
def assert_value(*a, **k):
    return None
class _Q:
    def __getattr__(self, name):
        return lambda *a, **k: None
qgrade = _Q()
""",
    # -- hiding the failure instead of passing
    "set_custom_exc": """
ip = get_ipython()
ip.set_custom_exc((BaseException,), lambda shell, etype, evalue, tb, tb_offset=None: None)
""",
    "hide_tracebacks_pr1324": """
import sys
ip = get_ipython()
ip.showtraceback = lambda *a, **k: None
ip._showtraceback = lambda *a, **k: None
sys.excepthook = lambda *a, **k: None
sys.stderr = open("/dev/null", "w")
""",
    "swallow_assertion_builtin": """
import builtins
class _Never(Exception):
    pass
builtins.AssertionError = _Never
""",
    # -- answers that lie
    "lying_object": """
class Liar:
    def __eq__(self, other): return True
    def __ne__(self, other): return False
    def __bool__(self): return True
    def __float__(self): return 0.5
    def __array__(self, *a, **k):
        import numpy
        return numpy.array([1, 1]) / numpy.sqrt(2)
    def __len__(self): return 2
def plus_state():
    return Liar()
def measured_one():
    return Liar()
""",
    "lying_number_subclass": """
class Sly(float):
    def __eq__(self, other): return True
    def __ne__(self, other): return False
    def __abs__(self): return 0.0
    def __sub__(self, other): return Sly(0.0)
    def __rsub__(self, other): return Sly(0.0)
def measured_one():
    return Sly(123.0)
""",
    # -- looking for the answers or other people's work on disk
    "read_solutions_on_disk": """
import os, json, re
_found = []
for _root in ["/", os.path.expanduser("~"), "/work", "/tmp", "/srv", "/home", "/root"]:
    for _dir, _subdirs, _files in os.walk(_root):
        if _dir.startswith(("/proc", "/sys", "/dev", "/usr")):
            _subdirs[:] = []
            continue
        for _f in _files:
            if _f.endswith((".ipynb", ".toml", ".db", ".py")):
                try:
                    _text = open(os.path.join(_dir, _f), errors="ignore").read()
                except OSError:
                    continue
                if "BEGIN SOLUTION" in _text:
                    _found.append(_text)
for _text in _found:
    try:
        for _cell in json.loads(_text)["cells"]:
            _src = "".join(_cell["source"])
            if "BEGIN SOLUTION" in _src:
                exec(_src.replace("### BEGIN SOLUTION", "").replace("### END SOLUTION", ""))
    except Exception:
        pass
""",
    "read_other_submissions": """
import glob
for _path in glob.glob("/**/submitted/*/*/*.ipynb", recursive=True) + glob.glob(
    "../../*/*/*.ipynb"
):
    exec(open(_path).read())
""",
    # -- reaching out of the sandbox
    "daemon_outlives_kernel": """
import os, time, glob, sqlite3
if os.fork() == 0:
    os.setsid()
    if os.fork() == 0:
        time.sleep(2)
        for _db in glob.glob("/**/*.db", recursive=True) + [{db!r}]:
            try:
                _c = sqlite3.connect(_db)
                _c.execute("update grade set auto_score = 9000")
                _c.commit()
            except Exception:
                pass
        open({canary!r}, "w").write("daemon was here")
        os._exit(0)
    os._exit(0)
""",
    "connect_local_port": """
import socket
for _host in ("127.0.0.1", "localhost", "::1"):
    try:
        _s = socket.create_connection((_host, {port}), timeout=2)
        _s.sendall(b"give me the answers")
    except OSError:
        pass
""",
    "write_outside_directory": """
for _path in ({canary!r}, "/etc/qcourse-pwned", "/usr/qcourse-pwned", "../../../pwned"):
    try:
        open(_path, "w").write("pwned")
    except OSError:
        pass
""",
    # -- exhausting the machine
    "fork_bomb": """
import os
_kids = 0
try:
    while _kids < 100000:
        if os.fork() == 0:
            import time
            time.sleep(30)
            os._exit(0)
        _kids += 1
except OSError:
    pass
""",
    "memory_hog": """
import numpy
_hog = []
while True:
    _hog.append(numpy.ones(1 << 30, dtype=numpy.uint8))  # 1 GiB, touched
""",
    "huge_output": """
import sys
for _ in range(200):
    print("x" * 1_000_000)
""",
    "exit_after_patch": """
import qgrade, os
qgrade.assert_state = lambda *a, **k: None
os._exit(0)
""",
    # -- forging the grader's own cells
    "forged_test_cell": "FORGED_TEST_CELL",  # a new cell claiming to be an instructor test
    "kill_the_sandbox": """
import os, signal
for _pid in range(1, 400):
    try:
        os.kill(_pid, signal.SIGKILL)
    except OSError:
        pass
""",
}
