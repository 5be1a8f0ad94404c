"""The whole self-study flow in a network namespace with no network (only loopback, which a
laptop without any connection still has and Jupyter kernels use)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap

import pytest
from selfstudy_support import BELL_RIGHT, MODULE, PLUS_RIGHT


def _namespace_prefix() -> list[str] | None:
    unshare = shutil.which("unshare")
    if not unshare:
        return None
    for flags in (["-rn"], ["--net"]):
        probe = subprocess.run([unshare, *flags, "true"], capture_output=True)
        if probe.returncode == 0:
            return [unshare, *flags]
    return None


@pytest.mark.slow
def test_lab_check_progress_transcript_without_network(tmp_path, curriculum_root):
    prefix = _namespace_prefix()
    if prefix is None:
        pytest.skip("no way to make a network namespace here (unshare missing or not allowed)")
    home, lab, out = tmp_path / "home", tmp_path / "lab", tmp_path / "out"
    answer = textwrap.dedent(
        f"""
        import nbformat, sys
        path = sys.argv[1]
        nb = nbformat.read(path, as_version=4)
        answers = {{"solution_plus_state": {PLUS_RIGHT!r}, "solution_bell_phi_minus": {BELL_RIGHT!r}}}
        for cell in nb.cells:
            gid = cell.metadata.get("nbgrader", {{}}).get("grade_id")
            if gid in answers:
                cell.source = answers[gid]
        nbformat.write(nb, path)
        """
    )
    (tmp_path / "answer.py").write_text(answer)
    probe = (
        "import socket\n"
        "try:\n"
        "    socket.create_connection(('1.1.1.1', 443), timeout=3)\n"
        "    print('NETWORK-REACHABLE')\n"
        "except OSError as exc:\n"
        "    print('NETWORK-BLOCKED', exc)\n"
    )
    (tmp_path / "probe.py").write_text(probe)
    py = sys.executable
    q = f"{py} -m qcourse"
    script = f"""
set -e
ip link set lo up
{py} {tmp_path / "probe.py"}
{q} lab --prepare-only --dir {lab} --curriculum {curriculum_root}
{py} {tmp_path / "answer.py"} {lab / MODULE / (MODULE + ".ipynb")}
{q} check 01 --dir {lab}
{q} progress --dir {lab} --out {out / "progress.png"}
{q} transcript --dir {lab} --out {out} --lang en
echo FLOW-DONE
"""
    env = {**os.environ, "QCOURSE_HOME": str(home), "COLUMNS": "200"}
    env.pop("QCOURSE_CURRICULUM", None)
    result = subprocess.run(
        [*prefix, "sh", "-c", script],
        capture_output=True,
        text=True,
        env=env,
        timeout=1500,
        stdin=subprocess.DEVNULL,
    )
    log = result.stdout + result.stderr
    assert "NETWORK-BLOCKED" in result.stdout, log
    assert result.returncode == 0, log
    assert "FLOW-DONE" in result.stdout
    assert "Score: 3 / 3" in result.stdout
    assert (out / "progress.png").is_file() and (out / "transcript-en.html").is_file()
    assert "Composite systems and entanglement" in (out / "transcript-en.html").read_text()
    assert "Traceback" not in log
