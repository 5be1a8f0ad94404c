"""The sandbox and the data-only channel, checked directly (one sandbox for the module)."""

from __future__ import annotations

import os
import socket
from fractions import Fraction
from pathlib import Path

import nbformat
import numpy as np
import pytest
from qiskit import QuantumCircuit
from qiskit.circuit.library import XGate
from qiskit.quantum_info import Operator, SparsePauliOp, Statevector

from qcourse.paths import curriculum_root
from qcourse.sealed import wire
from qcourse.sealed.sandbox import sandbox_problem
from qcourse.sealed.trusted import SealedRun, bound_names, used_names

needs_sandbox = pytest.mark.skipif(
    sandbox_problem() is not None, reason=f"no sandbox: {sandbox_problem()}"
)


# -- the codec (no sandbox needed)


@pytest.mark.parametrize(
    "value",
    [
        None,
        True,
        3,
        2.5,
        float("inf"),
        1 + 2j,
        "κόσμε 큐비트",
        b"\x00\x01",
        [1, (2, 3), {"a": {4, 5}}],
        {0: 0.5, "11": 12},
        Fraction(3, 7),
        np.arange(6).reshape(2, 3),
        np.array([1 + 1j, 0]),
        np.float64(0.25),
    ],
)
def test_plain_data_crosses_unchanged(value):
    codec = wire.Codec()
    back = codec.decode(codec.encode(value))
    if isinstance(value, np.ndarray):
        assert type(back) is np.ndarray and np.array_equal(back, value)
    elif isinstance(value, float) and value != value:
        assert back != back
    else:
        assert back == value and type(back) is type(value)


def test_quantum_objects_cross_as_their_data():
    codec = wire.Codec()
    qc = QuantumCircuit(2)
    qc.h(0)
    qc.cx(0, 1)
    back = codec.decode(codec.encode(qc))
    assert Operator(back).equiv(Operator(qc))
    gate = codec.decode(codec.encode(XGate()))
    assert gate.name == "x" and Operator(gate).equiv(Operator(XGate()))
    sv = Statevector([1, 1j]) / np.sqrt(2)
    assert codec.decode(codec.encode(sv)).equiv(sv)
    op = SparsePauliOp(["XX", "ZI"], coeffs=[0.5, -1])
    assert codec.decode(codec.encode(op)).equiv(op)
    wide = SparsePauliOp(["X" + "I" * 155, "Y" * 156], coeffs=[1, -0.5j])  # str() would cut these
    assert codec.decode(codec.encode(wide)).equiv(wide)


def test_subclasses_and_strangers_do_not_cross():
    class Sly(float):
        def __eq__(self, other):
            return True

    class Thing:
        pass

    codec = wire.Codec()
    for value in (Sly(1.0), Thing(), np.array([object()], dtype=object)):
        back = codec.decode(codec.encode(value))
        assert isinstance(back, wire.Ungradable)
        with pytest.raises(AssertionError, match=r"^\[invalid_submission\]"):
            back == 1.0  # noqa: B015
        with pytest.raises(AssertionError):
            float(back)
    with pytest.raises(ValueError):
        codec.decode({"$": "pickle", "data": "gASV"})


def test_exceptions_cross_by_name_only():
    err = wire.rebuild_exception({"type": "ValueError", "message": "bad"})
    assert type(err) is ValueError and str(err) == "bad"
    custom = wire.rebuild_exception({"type": "QiskitError", "message": "no"})
    assert type(custom).__name__ == "QiskitError" and type(custom).__module__ == "submission"
    assert isinstance(wire.rebuild_exception({"type": "KeyboardInterrupt"}), KeyboardInterrupt)


def test_names_bound_and_used():
    assert bound_names("import numpy as np\nfrom qiskit import QuantumCircuit\nx = 1") == {
        "np",
        "QuantumCircuit",
        "x",
    }
    assert bound_names("from math import *") is None
    assert "plus_state" in used_names("qgrade.assert_state(plus_state, expected)")


# -- the sandbox itself


def _run(sandbox, cells, roles=None, files=None, timeout=60):
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
    report = SealedRun(sandbox, files or {}, roles or {}, cell_timeout=timeout).run(nb)
    return nb, report


def _text(cell) -> str:
    return "".join(o.get("text", "") for o in cell.outputs if o.output_type == "stream")


@needs_sandbox
def test_the_sandbox_sees_no_course_no_network_and_a_read_only_system(sandbox, tmp_path):
    secret = tmp_path / "gradebook.db"
    secret.write_text("secret")
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    port = listener.getsockname()[1]
    probe = f"""
import os, socket
print("uid", os.getuid())
print("course", os.path.exists({str(secret)!r}))
print("curriculum", os.path.exists({str(curriculum_root())!r}))
print("files", sorted(os.listdir(".")))
try:
    socket.create_connection(("127.0.0.1", {port}), timeout=2)
    print("network yes")
except OSError:
    print("network no")
try:
    open("/usr/pwned", "w")
    print("system writable")
except OSError:
    print("system read-only")
print("pids", len([p for p in os.listdir("/proc") if p.isdigit()]))
"""
    nb, report = _run(sandbox, [probe], files={"data.csv": b"1,2\n"})
    out = _text(nb.cells[0])
    assert report.problem == "", report.problem
    assert "course False" in out and "curriculum False" in out
    assert "network no" in out and "system read-only" in out
    assert "files ['.home', 'data.csv']" in out
    if os.getuid() == 0:
        assert "uid 0" not in out
    listener.close()
    assert not Path("/usr/pwned").exists()


@needs_sandbox
def test_nothing_carries_over_to_the_next_submission(sandbox):
    first = """
import os, time
open("left-behind.txt", "w").write("x")
open("/tmp/left-behind.txt", "w").write("x")
if os.fork() == 0:
    time.sleep(60)
    os._exit(0)
"""
    _nb, report = _run(sandbox, [first])
    assert report.end is not None and report.end.leftover_processes >= 1
    nb, _ = _run(
        sandbox,
        [
            "import os\nprint(os.path.exists('left-behind.txt'), "
            "os.path.exists('/tmp/left-behind.txt'), "
            "len([p for p in os.listdir('/proc') if p.isdigit()]))"
        ],
    )
    # init, the zygote and this submission's process: nothing of the first submission
    assert _text(nb.cells[0]).split() == ["False", "False", "3"]


@needs_sandbox
def test_test_cells_run_outside_with_the_submission_reached_as_data(sandbox):
    cells = [
        "import numpy as np\nimport qgrade\nfrom qiskit.quantum_info import Statevector",
        "from qiskit import QuantumCircuit\n"
        "def plus_state():\n    qc = QuantumCircuit(1)\n    qc.h(0)\n    return qc\n"
        "qgrade.assert_state = lambda *a, **k: None\nnp.allclose = lambda *a, **k: True",
        "import os\nprint(os.getpid())\n"
        "qgrade.assert_state(plus_state, Statevector([1, -1]) / np.sqrt(2))",
        "print(os.getpid())",
    ]
    nb, report = _run(sandbox, cells, roles={0: "instructor", 2: "test"})
    assert report.problem == ""
    test_outputs = nb.cells[2].outputs
    errors = [o for o in test_outputs if o.output_type == "error"]
    assert errors and errors[0].evalue.startswith("[relative_phase]"), test_outputs
    assert _text(nb.cells[2]).strip() == str(os.getpid())  # the test ran here
    assert _text(nb.cells[3]).strip() != str(os.getpid())  # the submission ran there


@needs_sandbox
def test_an_endless_answer_is_interrupted_and_the_run_goes_on(sandbox):
    cells = [
        "def spin():\n    while True:\n        pass",
        "x = spin()",
        "print('after')",
    ]
    nb, report = _run(sandbox, cells, timeout=3)
    assert report.problem == ""
    assert [o.ename for o in nb.cells[1].outputs if o.output_type == "error"] == [
        "KeyboardInterrupt"
    ]
    assert _text(nb.cells[2]).strip() == "after"


@needs_sandbox
def test_a_helper_defined_by_one_test_reaches_the_submission_in_the_next(sandbox):
    cells = [
        "def answer():\n    return 41",
        "def _checked():\n    return answer() + 1",
        "def answer():\n    return 1",
        "assert _checked() == 2, '[wrong_value] the helper must call the current answer'",
    ]
    nb, report = _run(sandbox, cells, roles={1: "test", 3: "test"})
    assert report.problem == ""
    assert nb.cells[3].outputs == [], nb.cells[3].outputs


@needs_sandbox
def test_an_answer_named_like_a_lesson_example_is_the_learners(sandbox):
    cells = [
        "from qiskit import QuantumCircuit\nand_oracle = QuantumCircuit(3)  # the lesson's example",
        "def and_oracle(n):\n    return n + 1",
        "assert and_oracle(1) == 2, '[wrong_value] the answer, not the example'",
    ]
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
    report = SealedRun(sandbox, {}, {0: "instructor", 2: "test"}, answer_names={"and_oracle"}).run(
        nb
    )
    assert report.problem == ""
    assert nb.cells[2].outputs == [], nb.cells[2].outputs


@needs_sandbox
def test_grading_a_korean_notebook_leaves_the_graders_language_alone(sandbox):
    import qgrade

    before = qgrade.get_language()
    cells = [
        "import qgrade\nqgrade.set_language('ko')",
        "x = 1",
        "assert qgrade.get_language() == 'ko' and x == 1",
    ]
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
    SealedRun(sandbox, {}, {0: "instructor", 2: "test"}).run(nb)
    assert nb.cells[2].outputs == [], nb.cells[2].outputs  # the test spoke Korean
    assert qgrade.get_language() == before  # and the grader did not stay Korean


def test_the_zygote_warms_up_without_starting_a_thread():
    """Every submission is a fork of the zygote: a thread alive at fork time would be lost in the
    child with whatever lock it held, so no warm import may start one."""
    import subprocess
    import sys

    # Aer's job executor is the one known thread: Aer replaces it in forked children itself
    probe = (
        "import os, threading\n"
        "from qcourse.sealed.zygote import warm_up\n"
        "warm_up()\n"
        "from qiskit_aer.jobs import utils\n"
        "aer = set(getattr(utils.DEFAULT_EXECUTOR, '_threads', ()))\n"
        "others = [t for t in threading.enumerate() if t is not threading.main_thread()]\n"
        "hidden = len(os.listdir('/proc/self/task')) - 1 - len(others)\n"
        "print(len([t for t in others if t not in aer]) + hidden)\n"
    )
    from qcourse.sealed.sandbox import SINGLE_THREADED

    out = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
        env={**os.environ, **SINGLE_THREADED},
    )
    assert out.stdout.strip().splitlines()[-1] == "0", out.stdout + out.stderr
