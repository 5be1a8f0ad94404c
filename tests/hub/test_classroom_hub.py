"""A class on the real hub configuration: docker/jupyterhub_config.py with local overrides.

One hub start and one browser: a student logs in through headless Chromium, fetches module 1 from
the nbgrader assignment list, answers an exercise in JupyterLab, runs the notebook and sees a
qgrade verdict, submits; the instructor collects and grades it (as the course's grader account,
the way the formgrader service's terminal would) and sees the grade in the formgrader service,
opened in its own tab. A second student, a different Unix user, cannot read the submission.
"""

from __future__ import annotations

import csv
import json
import os
import pwd
import re
import secrets
import shutil
import signal
import stat
import tempfile
import time
from pathlib import Path

import hub_machinery as hm
import nbformat
import pytest

pytestmark = [pytest.mark.slow, pytest.mark.hub, pytest.mark.browser]

HARD_TIMEOUT_SECONDS = 1200
FIXTURE_SOURCE = Path(__file__).parent / "fixtures" / "source"


class HubTestTimeout(Exception):
    pass


def _on_alarm(signum, frame):
    raise HubTestTimeout(f"the hub test ran longer than {HARD_TIMEOUT_SECONDS} s")


@pytest.fixture
def hard_timeout():
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    signal.alarm(HARD_TIMEOUT_SECONDS)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture
def unix_users():
    users = hm.UnixUsers()
    try:
        yield users
    finally:
        users.remove_all()


# --- the course material --------------------------------------------------------------------
def create_course(grader_cmd, grader: str, course_dir: Path, course_id: str, exchange: Path) -> str:
    """The grader's course directory with module 1 built; returns the assignment id.

    `qcourse course init` with the curriculum's first module, as an instructor would; the hub
    fixture module (and a minimal nbgrader_config.py) while the curriculum does not build.
    """
    try:
        if os.environ.get("QCOURSE_HUB_TEST_FIXTURE"):  # force the fixture module
            raise RuntimeError("QCOURSE_HUB_TEST_FIXTURE is set")
        from qcourse.curriculum import load_curriculum

        first = load_curriculum().modules[0].id
        grader_cmd(
            "qcourse", "course", "init", str(course_dir), "--course-id", course_id,
            "--exchange", str(exchange), "--modules", first, "--force",
        )  # fmt: skip
        return first
    except Exception as exc:  # the curriculum is being written by others: say so, use the fixture
        print(f"hub test: using the fixture module ({type(exc).__name__}: {str(exc)[:2000]})")
        shutil.copytree(FIXTURE_SOURCE, course_dir / "source", dirs_exist_ok=True)
        (course_dir / "nbgrader_config.py").write_text(
            f"c = get_config()\nc.CourseDirectory.course_id = {course_id!r}\n"
            f"c.Exchange.root = {str(exchange)!r}\n"
        )
        give_to(course_dir, grader)
        return sorted(p.name for p in FIXTURE_SOURCE.iterdir())[0]


def first_exercise(instructor_notebook: Path) -> tuple[str, str, float]:
    """(solution cell source, its test cell grade_id, that test cell's points) of exercise one."""
    nb = nbformat.read(instructor_notebook, as_version=4)
    cells = [(c, c.metadata.get("nbgrader", {})) for c in nb.cells]
    solution = next(c for c, meta in cells if meta.get("solution") and c.cell_type == "code")
    exercise = solution.metadata["nbgrader"]["grade_id"].removeprefix("solution_")
    test_id = f"test_{exercise}"
    points = next(meta["points"] for c, meta in cells if meta.get("grade_id") == test_id)
    return solution.source, test_id, float(points)


def give_to(path: Path, user: str) -> None:
    entry = pwd.getpwnam(user)
    for item in [path, *path.rglob("*")]:
        os.chown(item, entry.pw_uid, entry.pw_gid, follow_symlinks=False)


# --- the browser ----------------------------------------------------------------------------
class Shots:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.count = 0

    def __call__(self, page, name: str) -> Path:
        self.count += 1
        path = self.folder / f"{self.count:02d}-{name}.png"
        page.screenshot(path=str(path))
        return path


def log_in(page, hub_url: str, user: str, password: str, next_path: str = "") -> None:
    page.goto(f"{hub_url}/hub/login" + (f"?next={next_path}" if next_path else ""))
    page.fill("#username_input", user)
    page.fill("#password_input", password)
    page.click("#login_submit")


def menu(page, top: str, item: str) -> None:
    """Click a JupyterLab menu bar entry, then one of its items (exact labels)."""
    page.locator(".lm-MenuBar-itemLabel").get_by_text(top, exact=True).click()
    page.locator(".lm-Menu-itemLabel").get_by_text(item, exact=True).click()


def open_assignment_list(page) -> None:
    menu(page, "Nbgrader", "Assignment List")


def test_student_submits_in_the_browser_and_the_instructor_grades(
    tmp_path, hard_timeout, unix_users
):
    if os.geteuid() != 0:
        pytest.skip("the hub test creates Unix users and runs servers as them: it needs root")
    if not hm.readable_by_everyone(hm.REPO):
        pytest.skip(f"{hm.REPO} must be reachable by other Unix users to run their servers")
    from playwright.sync_api import sync_playwright

    started = time.monotonic()
    chromium = hm.ensure_chromium()
    proxy = hm.ensure_proxy()

    tag = secrets.token_hex(2)
    course_id = f"qct{tag}"
    instructor, student, other = f"qci{tag}", f"qcs{tag}", f"qco{tag}"
    grader = f"grader-{course_id}"
    password = secrets.token_urlsafe(12)
    for name in (grader, instructor, student, other):
        unix_users.add(name)

    # a shared area like the compose volumes: the course (grader's) and the exchange (1777)
    work = Path(tempfile.mkdtemp(prefix="qcourse-hub-", dir="/tmp"))
    try:
        work.chmod(0o755)
        course_dir, exchange, state = work / "course", work / "exchange", work / "state"
        course_dir.mkdir()
        exchange.mkdir()
        exchange.chmod(0o1777)
        state.mkdir(mode=0o700)
        bin_dir = hm.shared_venv(work / "venv")
        give_to(course_dir, grader)
        course_dir.chmod(0o750)

        course_env = {
            "QCOURSE_COURSE_ID": course_id,
            "QCOURSE_COURSE_DIR": str(course_dir),
            "QCOURSE_EXCHANGE_ROOT": str(exchange),
            "JUPYTER_CONFIG_PATH": f"{hm.REPO}/docker/jupyter/instructor:{hm.REPO}/docker/jupyter/common",
        }

        def grader_cmd(*args: str):
            return hm.as_user(grader, bin_dir, list(args), course_env, cwd=course_dir)

        assignment = create_course(grader_cmd, grader, course_dir, course_id, exchange)
        answer, test_id, points = first_exercise(
            course_dir / "source" / assignment / f"{assignment}.ipynb"
        )
        grader_cmd("nbgrader", "generate_assignment", assignment, "--force")
        grader_cmd("nbgrader", "release_assignment", assignment, "--force")
        inbound = exchange / course_id / "inbound"
        assert stat.S_IMODE(inbound.stat().st_mode) & 0o777 == 0o733, oct(inbound.stat().st_mode)

        # the learner's JupyterLab renders every cell (no windowing), so the test can reach them
        settings = Path(pwd.getpwnam(student).pw_dir) / ".jupyter/lab/user-settings/@jupyterlab"
        tracker = settings / "notebook-extension" / "tracker.jupyterlab-settings"
        tracker.parent.mkdir(parents=True)
        tracker.write_text(json.dumps({"windowingMode": "none"}))
        give_to(Path(pwd.getpwnam(student).pw_dir), student)

        roster = state / "roster.csv"
        with roster.open("w", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["username", "role"])
            writer.writerows([[instructor, "instructor"], [student, "student"], [other, "student"]])

        hub_port = hm.free_port()
        hub_url = f"http://127.0.0.1:{hub_port}"
        hub_env = {
            "QCOURSE_TEST_BASE_CONFIG": str(hm.REPO / "docker" / "jupyterhub_config.py"),
            "QCOURSE_TEST_STATE_DIR": str(state),
            "QCOURSE_TEST_PASSWORD": password,
            "QCOURSE_TEST_HUB_PORT": str(hub_port),
            "QCOURSE_TEST_HUB_API_PORT": str(hm.free_port()),
            "QCOURSE_TEST_PROXY_API_PORT": str(hm.free_port()),
            "QCOURSE_TEST_CHP": str(proxy),
            "QCOURSE_TEST_SINGLEUSER": str(bin_dir / "jupyterhub-singleuser"),
            "QCOURSE_COURSE_ID": course_id,
            "QCOURSE_COURSE_DIR": str(course_dir),
            "QCOURSE_EXCHANGE_ROOT": str(exchange),
            "QCOURSE_GRADER_USER": grader,
            "QCOURSE_ROSTER": str(roster),
            "QCOURSE_JUPYTER_CONFIG_ROOT": str(hm.REPO / "docker" / "jupyter"),
            "QCOURSE_FORMGRADER_PORT": str(hm.free_port()),
        }
        shot = Shots(tmp_path)
        service = f"/services/formgrader-{course_id}"
        with (
            hm.running_hub(hub_env, bin_dir, state, tmp_path / "hub.log", hub_url),
            sync_playwright() as pw,
        ):
            browser = pw.chromium.launch(
                executable_path=str(chromium), args=hm.CHROMIUM_ARGS, headless=True
            )
            try:
                # --- the student: log in, JupyterLab opens after the spawn ------------------
                learner = browser.new_context(viewport={"width": 1400, "height": 1000})
                page = learner.new_page()
                page.set_default_timeout(90_000)
                log_in(page, hub_url, student, password)
                page.wait_for_url(f"**/user/{student}/lab**", timeout=300_000)
                page.locator("#jp-main-dock-panel").wait_for(timeout=180_000)
                shot(page, "student-lab")

                # students get the assignment list but not the formgrader
                lab_config = page.evaluate(
                    "JSON.parse(document.getElementById('jupyter-config-data').textContent)"
                )
                disabled = lab_config.get("disabled_labextensions") or lab_config.get(
                    "disabledExtensions", []
                )
                assert "@jupyter/nbgrader:formgrader" in json.dumps(disabled), disabled
                own_formgrader = learner.request.get(f"{hub_url}/user/{student}/formgrader")
                assert own_formgrader.status == 404, own_formgrader.status
                denied = learner.request.get(f"{hub_url}{service}/formgrader", max_redirects=5)
                assert denied.status == 403, denied.status

                # --- fetch module 1 from the assignment list --------------------------------
                open_assignment_list(page)
                page.locator("#released_assignments_list button").get_by_text("Fetch").click()
                page.locator("#fetched_assignments_list button").get_by_text("Submit").wait_for()
                shot(page, "assignment-fetched")

                # --- answer the first exercise, run everything, see the verdict --------------
                page.goto(f"{hub_url}/user/{student}/lab/tree/{assignment}/{assignment}.ipynb")
                starter = page.locator(".jp-CodeCell", has_text="YOUR CODE HERE").first
                starter.wait_for(timeout=180_000)
                # the kernel must be up before "Run All", or JupyterLab drops the request
                page.locator(".jp-StatusBar-TextItem", has_text="| Idle").wait_for(timeout=180_000)
                starter.locator(".cm-content").click()
                page.keyboard.press("Control+A")
                page.keyboard.insert_text(answer)
                menu(page, "Run", "Run All Cells")
                verdict = page.locator(".qgrade-verdict[data-passed='true']").first
                verdict.wait_for(timeout=240_000)
                verdict.scroll_into_view_if_needed()
                shot(page, "verdict")
                page.keyboard.press("Control+S")
                page.wait_for_timeout(2000)
                notebook_rel = f"{assignment}/{assignment}.ipynb"
                saved = hm.try_as_user(
                    student,
                    bin_dir,
                    "import json, pathlib; "
                    f"print(json.dumps((pathlib.Path.home() / {notebook_rel!r}).read_text()))",
                )
                assert answer.strip().splitlines()[-1].strip() in saved
                released = (course_dir / "release" / notebook_rel).read_text()
                # exactly one starter (the first exercise's) was replaced by the answer
                assert saved.count("YOUR CODE HERE") == released.count("YOUR CODE HERE") - 1

                # --- submit from the assignment list ---------------------------------------
                page.goto(f"{hub_url}/user/{student}/lab")
                page.locator("#jp-main-dock-panel").wait_for()
                open_assignment_list(page)
                page.locator("#fetched_assignments_list button").get_by_text("Submit").click()
                page.locator("#submitted_assignments_list", has_text=assignment).wait_for()
                shot(page, "submitted")
                submissions = sorted(p.name for p in inbound.iterdir())
                assert len(submissions) == 1 and submissions[0].startswith(
                    f"{student}+{assignment}+"
                ), submissions

                # --- another student cannot read it ----------------------------------------
                snooping = hm.try_as_user(
                    other,
                    bin_dir,
                    "import json, os, glob\n"
                    "out = {}\n"
                    f"try:\n    os.listdir({str(inbound)!r}); out['list'] = 'allowed'\n"
                    "except PermissionError:\n    out['list'] = 'denied'\n"
                    f"out['glob'] = glob.glob({str(inbound)!r} + '/{student}+*')\n"
                    f"home = os.path.expanduser('~{student}')\n"
                    f"try:\n    open(home + '/{assignment}/{assignment}.ipynb').read(); out['home'] = 'allowed'\n"
                    "except PermissionError:\n    out['home'] = 'denied'\n"
                    "print(json.dumps(out))",
                )
                assert snooping == {"list": "denied", "glob": [], "home": "denied"}, snooping
                home_mode = stat.S_IMODE(os.stat(pwd.getpwnam(student).pw_dir).st_mode)
                assert home_mode & 0o077 == 0, oct(home_mode)

                # --- the instructor collects and grades -------------------------------------
                grade_with_qcourse_or_nbgrader(grader_cmd, assignment)
                exported = grader_cmd("nbgrader", "export", "--to", str(course_dir / "grades.csv"))
                assert exported.returncode == 0
                rows = list(csv.DictReader((course_dir / "grades.csv").open()))
                mine = [
                    r for r in rows if r["student_id"] == student and r["assignment"] == assignment
                ]
                assert mine and float(mine[0]["raw_score"]) == points, rows

                # --- ... and sees the grade in the formgrader service, in its own tab -----
                teacher = browser.new_context(viewport={"width": 1400, "height": 1000})
                tab = teacher.new_page()
                tab.set_default_timeout(120_000)
                log_in(tab, hub_url, instructor, password, next_path=f"{service}/formgrader")
                tab.wait_for_url(f"**{service}/formgrader**", timeout=180_000)
                api = teacher.request.get(
                    f"{hub_url}{service}/formgrader/api/submissions/{assignment}"
                )
                assert api.ok, (api.status, api.text()[:500])
                scores = {s["student"]: s for s in api.json()}
                assert scores[student]["score"] == points, scores
                tab.goto(f"{hub_url}{service}/formgrader/manage_submissions/{assignment}")
                tab.locator("td", has_text=student).first.wait_for()
                shot(tab, "formgrader-grades")
            except BaseException:
                for number, open_page in enumerate(p for c in browser.contexts for p in c.pages):
                    shot(open_page, f"failure-{number}")
                raise
            finally:
                browser.close()
        print(f"hub test: {time.monotonic() - started:.0f} s; screenshots in {tmp_path}")
    finally:
        unix_users.kill_processes()
        shutil.rmtree(work, ignore_errors=True)


def grade_with_qcourse_or_nbgrader(grader_cmd, assignment: str) -> None:
    """nbgrader collect, then `qcourse grade` (nbgrader autograde where qcourse has no `grade`)."""
    grader_cmd("nbgrader", "collect", assignment)
    commands = hm.run([str(hm.VENV_BIN / "qcourse"), "--help"]).stdout
    if re.search(r"^\s+grade\s", commands, re.M):
        grader_cmd("qcourse", "grade", assignment, "--workers", "1")
    else:
        grader_cmd("nbgrader", "autograde", assignment)
