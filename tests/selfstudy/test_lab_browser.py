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
from contextlib import contextmanager

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


@contextmanager
def _running_lab(root, tmp_path):
    """`qcourse lab` on `root`, bound to 127.0.0.1 with a token, until the block ends."""
    port, token = _free_port(), secrets.token_hex(16)
    log = open(tmp_path / "lab.log", "w")  # noqa: SIM115 - closed in finally
    proc = subprocess.Popen(
        [sys.executable, "-m", "qcourse", "lab", "--dir", str(root), "--no-browser"]
        + ["--ip", "127.0.0.1", "--port", str(port), "--token", token],
        stdout=log,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        _wait_for_server(f"http://127.0.0.1:{port}/api/status?token={token}", proc)
        yield port, token
    finally:
        _stop(proc)
        log.close()


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

    shot = tmp_path / "lab.png"
    with _running_lab(lab.root, tmp_path) as (port, token):
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

    shot = tmp_path / "hint.png"
    with _running_lab(ws.root, tmp_path) as (port, token):
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
    print(f"screenshot: {shot}")


ENDLESS = "def plus_state():\n    while True:  # never returns\n        pass\n"
IDLE = re.compile(r"\| (대기|Idle)")


@contextmanager
def _korean_lab_page(notebook_edit, tmp_path, shot_name: str):
    """A Korean lab workspace on the fixture curriculum, its module notebook edited by
    `notebook_edit(nb)`, open in headless Chromium with its kernel idle; yields the page."""
    from selfstudy_support import FIXTURE_CURRICULUM

    from qcourse.selfstudy.course_builds import installed
    from qcourse.selfstudy.workspace import prepare_workspace

    _ensure_chromium()
    sync_api = pytest.importorskip("playwright.sync_api")
    ws, _ = prepare_workspace(tmp_path / "lab", "ko", installed(FIXTURE_CURRICULUM))
    notebook = ws.notebook(MODULE)
    nb = nbformat.read(notebook, as_version=4)
    notebook_edit(nb)
    nbformat.write(nb, notebook)
    with _running_lab(ws.root, tmp_path) as (port, token):
        with sync_api.sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1200, "height": 1000})
            page.set_default_timeout(120_000)
            page.goto(f"http://127.0.0.1:{port}/lab/tree/{MODULE}/{MODULE}.ipynb?token={token}")
            page.wait_for_selector(".jp-Notebook .jp-Cell", state="visible")
            try:
                page.locator(".jp-StatusBar-TextItem", has_text=IDLE).wait_for(timeout=180_000)
                yield page, tmp_path / "lab.log"
                page.screenshot(path=str(tmp_path / shot_name))
            except Exception:
                page.screenshot(path=str(tmp_path / "failure.png"))
                raise
            browser.close()
    print(f"screenshot: {tmp_path / shot_name}")


def _code_cell(page, text: str):
    """The code cell whose source contains `text`."""
    return page.locator(".jp-Notebook .jp-CodeCell", has=page.locator(".cm-content", has_text=text))


def _run_all(page) -> None:
    page.locator(".jp-Notebook .jp-Cell").first.click()
    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile("^(실행|Run)$")).click()
    run_all = re.compile("^(모든 셀 실행|Run All Cells)$")
    page.locator(".lm-Menu-itemLabel", has_text=run_all).click()


def _run_cell(page, cell) -> None:
    """Select `cell` (command mode, by its prompt) and run it with Shift+Enter."""
    cell.scroll_into_view_if_needed()
    cell.locator(".jp-InputPrompt").click()
    page.keyboard.press("Shift+Enter")


def _error_text(cell) -> str:
    error = cell.locator(".jp-OutputArea-output[data-mime-type*='stderr']")
    error.first.wait_for(state="attached", timeout=120_000)
    return error.first.inner_text()


@pytest.mark.slow
@pytest.mark.browser
def test_korean_lab_an_interrupted_endless_answer_gets_an_interrupted_verdict(qhome, tmp_path):
    """The learner's answer loops forever; they press the stop button (interrupt the kernel):
    the test cell shows qgrade's verdict that the answer was interrupted, in Korean, and one
    short error line, no frames of qgrade."""

    def edit(nb):
        set_solution(nb, "plus_state", ENDLESS)

    with _korean_lab_page(edit, tmp_path, "interrupted.png") as (page, _log):
        _run_all(page)
        test = _code_cell(page, "assert_state(plus_state")
        # the test cell is running the endless answer: its prompt shows [*]
        test.locator(".jp-InputPrompt", has_text="*").wait_for(timeout=180_000)
        page.wait_for_timeout(2_000)
        page.locator(".jp-Toolbar [data-command='notebook:interrupt-kernel']").click()
        verdict = test.locator(".qgrade-verdict[data-diagnosis='interrupted']")
        verdict.wait_for(state="attached", timeout=120_000)
        verdict.scroll_into_view_if_needed()
        assert verdict.get_attribute("data-passed") == "false"
        text = verdict.inner_text()
        assert "중단" in text and "interrupted" not in text.replace("[interrupted]", "")
        error = _error_text(test)
        assert len(error.strip().splitlines()) == 1, error  # one line under the verdict
        assert "판정" in error
        for frame in ("Traceback", "File ", "qgrade/", "notebook.py", "KeyboardInterrupt"):
            assert frame not in error, error
        page.locator(".jp-StatusBar-TextItem", has_text=IDLE).wait_for()  # the kernel lives


@pytest.mark.slow
@pytest.mark.browser
def test_korean_lab_a_test_cell_run_first_after_a_restart_names_the_cell_to_run(qhome, tmp_path):
    """After a kernel restart the learner runs an exercise's test cell first: the error says,
    in Korean, to run the set-up cell; after the set-up cell, to run the exercise's answer cell
    (by its title); after that, the test passes."""

    def edit(nb):
        set_solution(nb, "plus_state", PLUS_RIGHT)

    with _korean_lab_page(edit, tmp_path, "out_of_order.png") as (page, log):
        setup = page.locator(".jp-Notebook .jp-CodeCell").first
        _run_cell(page, setup)  # a first run, so that the restart below has a state to lose
        setup.locator(".jp-InputPrompt", has_text="1").wait_for()
        page.locator(".jp-Notebook .jp-Cell").first.locator(".jp-InputPrompt").click()
        page.keyboard.press("0")
        page.keyboard.press("0")  # JupyterLab's "restart the kernel" keys
        page.locator(".jp-Dialog .jp-mod-accept").click()
        # the status bar may still say idle before the restart: wait for the server's word,
        # then for the new kernel
        deadline = time.monotonic() + 180
        while "Kernel restarted" not in log.read_text() and time.monotonic() < deadline:
            time.sleep(0.5)
        page.wait_for_timeout(3_000)
        page.locator(".jp-StatusBar-TextItem", has_text=IDLE).wait_for(timeout=180_000)

        test = _code_cell(page, "assert_state(plus_state")
        _run_cell(page, test)
        test.locator(".jp-InputPrompt", has_text=re.compile(r"\[\d+\]")).wait_for()
        first = _error_text(test)
        page.screenshot(path=str(tmp_path / "1-before-set-up.png"))
        assert "NameError" in first and "설정 셀" in first, first
        assert "File " not in first and "Traceback" not in first

        _run_cell(page, setup)
        page.screenshot(path=str(tmp_path / "2-set-up.png"))
        _run_cell(page, test)
        page.screenshot(path=str(tmp_path / "3-before-answer.png"))
        answer = test.locator(".jp-OutputArea-output", has_text="답 셀")
        answer.wait_for(state="attached", timeout=120_000)
        second = answer.inner_text()
        assert "plus_state" in second and "“|+> 상태”" in second, second

        _run_cell(page, _code_cell(page, "def plus_state"))
        _run_cell(page, test)
        passed = test.locator(".qgrade-verdict[data-passed='true']")
        passed.wait_for(state="attached", timeout=120_000)
        passed.scroll_into_view_if_needed()
