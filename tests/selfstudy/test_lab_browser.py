"""`qcourse lab` in a real browser: headless Chromium opens module 1, runs every cell, and sees
qgrade's verdicts rendered in the notebook and the check cell's table."""

from __future__ import annotations

import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request

import nbformat
import pytest
from selfstudy_support import BELL_PHI_PLUS, BELL_RIGHT, MODULE, PLUS_RIGHT, set_solution

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-gpu",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _ensure_chromium() -> None:
    if os.path.exists(CHROMIUM):
        return
    if shutil.which("apt-get") is None or os.geteuid() != 0:
        pytest.skip("Chromium is missing and cannot be installed here (needs apt-get as root)")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update"], check=False, env=env, capture_output=True)
    done = subprocess.run(
        ["apt-get", "install", "-y", "--no-install-recommends", "chromium"],
        env=env,
        capture_output=True,
        text=True,
    )
    if done.returncode != 0 or not os.path.exists(CHROMIUM):
        pytest.fail(f"could not install chromium with apt-get:\n{done.stderr[-2000:]}")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for_server(url: str, proc: subprocess.Popen, timeout: float = 180) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"qcourse lab exited early with {proc.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(1)
    raise AssertionError(f"JupyterLab did not answer at {url} within {timeout} s")


def _stop(proc: subprocess.Popen) -> None:
    """End the JupyterLab we started (its own process group: kernels go with it)."""
    if proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


@pytest.mark.slow
@pytest.mark.browser
def test_lab_in_chromium_shows_verdicts_and_the_check_table(lab, qhome, tmp_path):
    _ensure_chromium()
    sync_api = pytest.importorskip("playwright.sync_api")
    notebook = lab.notebook(MODULE)
    nb = nbformat.read(notebook, as_version=4)
    set_solution(nb, "plus_state", PLUS_RIGHT)  # what the learner typed and saved earlier
    set_solution(nb, "bell_phi_minus", BELL_PHI_PLUS)
    nbformat.write(nb, notebook)

    port, token = _free_port(), secrets.token_hex(16)
    log = open(tmp_path / "lab.log", "w")  # noqa: SIM115 - closed in finally
    proc = subprocess.Popen(
        [sys.executable, "-m", "qcourse", "lab", "--dir", str(lab.root), "--no-browser"]
        + ["--ip", "127.0.0.1", "--port", str(port), "--token", token],
        stdout=log,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        start_new_session=True,
    )
    shot = tmp_path / "lab.png"
    try:
        _wait_for_server(f"http://127.0.0.1:{port}/api/status?token={token}", proc)
        with sync_api.sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.set_default_timeout(120_000)
            page.goto(f"http://127.0.0.1:{port}/lab/tree/{MODULE}/{MODULE}.ipynb?token={token}")
            page.wait_for_selector(".jp-Notebook .jp-Cell", state="visible")
            page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']")
            select = page.locator(".jp-Dialog button:has-text('Select')")
            assert select.count() == 0  # the lab's settings start the kernel without asking
            try:
                # the kernel must be connected (status bar "| Idle") before Run All Cells, or
                # JupyterLab accepts the command while no kernel is there to run it
                page.locator(".jp-StatusBar-TextItem", has_text="| Idle").wait_for(timeout=180_000)
                page.locator(".jp-Notebook .jp-Cell").first.click()
                page.click(".lm-MenuBar-itemLabel:text-is('Run')")
                page.click(".lm-Menu-itemLabel:text-is('Run All Cells')")
                passed = page.wait_for_selector(
                    ".jp-OutputArea-output .qgrade-verdict[data-passed='true']",
                    state="attached",  # off-screen cells may be skipped by the renderer
                    timeout=300_000,
                )
                failed = page.wait_for_selector(
                    ".jp-OutputArea-output .qgrade-verdict[data-diagnosis='relative_phase']",
                    state="attached",
                )
                passed.scroll_into_view_if_needed()
                assert "Passed" in passed.inner_text()
                assert failed.get_attribute("data-passed") == "false"
                # (the in-notebook check() table grades the *saved* file; it is covered by
                # tests/selfstudy/test_check.py, not here)
                page.screenshot(path=str(shot))
                failed.scroll_into_view_if_needed()
                page.screenshot(path=str(tmp_path / "verdict.png"))
            except Exception:
                page.screenshot(path=str(tmp_path / "failure.png"))
                raise
            browser.close()
    finally:
        _stop(proc)
        log.close()
    assert shot.stat().st_size > 10_000
    print(f"screenshots: {shot} {tmp_path / 'verdict.png'}")


@pytest.mark.slow
@pytest.mark.browser
def test_korean_hints_render_as_markdown_with_maths_inside_the_cell(qhome, tmp_path):
    """`hint()` in the Korean lab: Korean words, maths typeset (no raw `$`), nothing cut off on
    the right, and the placeholder id answered with the module's ids in Korean."""
    from selfstudy_support import FIXTURE_CURRICULUM

    from qcourse.selfstudy.course_builds import installed
    from qcourse.selfstudy.workspace import prepare_workspace

    _ensure_chromium()
    sync_api = pytest.importorskip("playwright.sync_api")
    ws, _ = prepare_workspace(tmp_path / "lab", "ko", installed(FIXTURE_CURRICULUM))
    notebook = ws.notebook(MODULE)
    nb = nbformat.read(notebook, as_version=4)
    set_solution(nb, "plus_state", PLUS_RIGHT)  # Run All Cells stops at a failing test
    set_solution(nb, "bell_phi_minus", BELL_RIGHT)
    at = len(nb.cells) - 2  # before the lab's check cells
    nb.cells[at:at] = [
        nbformat.v4.new_code_cell('from qcourse.selfstudy import hint\nhint("plus_state")'),
        nbformat.v4.new_code_cell('hint("plus_state")'),
        nbformat.v4.new_code_cell('hint("EXERCISE_ID")'),
    ]
    nb.cells = [c for c in nb.cells if c.metadata.get("qcourse_selfstudy") != "check"]
    nbformat.write(nb, notebook)

    port, token = _free_port(), secrets.token_hex(16)
    log = open(tmp_path / "lab.log", "w")  # noqa: SIM115 - closed in finally
    proc = subprocess.Popen(
        [sys.executable, "-m", "qcourse", "lab", "--dir", str(ws.root), "--no-browser"]
        + ["--ip", "127.0.0.1", "--port", str(port), "--token", token],
        stdout=log,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        start_new_session=True,
    )
    shot = tmp_path / "hint.png"
    try:
        _wait_for_server(f"http://127.0.0.1:{port}/api/status?token={token}", proc)
        with sync_api.sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1000, "height": 900})
            page.set_default_timeout(120_000)
            page.goto(f"http://127.0.0.1:{port}/lab/tree/{MODULE}/{MODULE}.ipynb?token={token}")
            page.wait_for_selector(".jp-Notebook .jp-Cell", state="visible")
            try:
                # JupyterLab speaks Korean in this lab: "| 대기" is "| Idle"
                idle = re.compile(r"\| (대기|Idle)")
                page.locator(".jp-StatusBar-TextItem", has_text=idle).wait_for(timeout=180_000)
                page.locator(".jp-Notebook .jp-Cell").first.click()
                page.locator(".lm-MenuBar-itemLabel", has_text=re.compile("^(실행|Run)$")).click()
                run_all = re.compile("^(모든 셀 실행|Run All Cells)$")
                page.locator(".lm-Menu-itemLabel", has_text=run_all).click()
                second = page.locator(
                    ".jp-OutputArea-output.jp-RenderedMarkdown", has_text="힌트 2/2"
                )
                second.wait_for(state="attached", timeout=300_000)
                second.scroll_into_view_if_needed()
                math = second.locator("mjx-container, .MathJax")
                math.first.wait_for(state="attached", timeout=60_000)
                assert math.count() >= 2
                text = second.inner_text()
                assert "아다마르 게이트는" in text and "$" not in text
                assert second.locator("strong", has_text="힌트 1/2").count() == 1
                fits = second.evaluate("e => e.scrollWidth <= e.clientWidth + 1")
                assert fits, "the hint is wider than its cell"
                listing = page.locator(
                    ".jp-OutputArea-output.jp-RenderedMarkdown", has_text="EXERCISE_ID 자리에"
                )
                listing.wait_for(state="attached")
                assert 'hint("bell_phi_minus")' in listing.inner_text()
                assert page.locator(".jp-OutputArea-output[data-mime-type*='error']").count() == 0
                page.screenshot(path=str(shot))
            except Exception:
                page.screenshot(path=str(tmp_path / "failure.png"))
                raise
            browser.close()
    finally:
        _stop(proc)
        log.close()
    print(f"screenshot: {shot}")
