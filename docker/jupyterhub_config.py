"""JupyterHub configuration for one qcourse course (docker compose on one machine).

What it sets up:
- two groups, `instructors` and `students`, from a roster CSV (`username,role`), and a role for
  each: instructors may open the course's formgrader service and see the students' servers;
  students get only their own server;
- per-role single-user servers: the hub picks a Jupyter config folder by group
  (`docker/jupyter/<role>` in the repository, `/etc/qcourse/jupyter/<role>` in the image), so
  students get the nbgrader assignment list and validate button but not the formgrader or
  create-assignment tools;
- the formgrader as a hub-managed service, `formgrader-<course>`, running as the course's grader
  account in the course directory. Open it in its own browser tab at
  `/services/formgrader-<course>/formgrader`: since JupyterHub 4.1 single-user servers forbid
  being framed, so the formgrader panel inside JupyterLab stays blank;
- the nbgrader exchange on a shared volume (`QCOURSE_EXCHANGE_ROOT`, mode 1777; nbgrader makes the
  course's `inbound` 733 so nobody but the grader can list submissions);
- idle culling with jupyterhub-idle-culler as a hub service.

Every path and name comes from an environment variable with a production default, so a
deployment (or the local test hub in `tests/hub/`, which layers its own config on top of this
file with `load_subconfig`) changes only the environment.
"""

from __future__ import annotations

import csv
import os
import sys
from pathlib import Path

c = get_config()  # noqa: F821 (provided by JupyterHub when it loads this file)

COURSE_ID = os.environ.get("QCOURSE_COURSE_ID", "qcourse")
COURSE_DIR = os.environ.get("QCOURSE_COURSE_DIR", f"/srv/nbgrader/{COURSE_ID}")
EXCHANGE_ROOT = os.environ.get("QCOURSE_EXCHANGE_ROOT", "/srv/nbgrader/exchange")
GRADER_USER = os.environ.get("QCOURSE_GRADER_USER", f"grader-{COURSE_ID}")
ROSTER = Path(os.environ.get("QCOURSE_ROSTER", "/srv/jupyterhub/roster.csv"))
# Per-role Jupyter config folders, as seen by the single-user servers (inside the image).
JUPYTER_CONFIG_ROOT = os.environ.get("QCOURSE_JUPYTER_CONFIG_ROOT", "/etc/qcourse/jupyter")
FORMGRADER_PORT = int(os.environ.get("QCOURSE_FORMGRADER_PORT", "9999"))
IDLE_TIMEOUT_SECONDS = int(os.environ.get("QCOURSE_IDLE_TIMEOUT", "3600"))
FORMGRADER_SERVICE = f"formgrader-{COURSE_ID}"
ROLES = ("instructor", "student")


def read_roster(path: Path) -> dict[str, list[str]]:
    """Usernames per role from a CSV with a header `username,role` (role: instructor|student)."""
    by_role: dict[str, list[str]] = {role: [] for role in ROLES}
    if not path.is_file():
        print(f"qcourse hub: no roster at {path}; nobody can log in", file=sys.stderr)
        return by_role
    with path.open(newline="", encoding="utf-8") as handle:
        for line, row in enumerate(csv.DictReader(handle), start=2):
            name = (row.get("username") or "").strip()
            role = (row.get("role") or "").strip().lower()
            if not name or role not in by_role:
                raise SystemExit(
                    f"{path}:{line}: expected 'username,role' with role instructor or student, "
                    f"got {row!r}"
                )
            by_role[role].append(name)
    return by_role


roster = read_roster(ROSTER)

# --- who may log in, groups and roles -------------------------------------------------------
c.Authenticator.allowed_users = set(roster["instructor"]) | set(roster["student"])
c.JupyterHub.load_groups = {
    "instructors": {"users": roster["instructor"]},
    "students": {"users": roster["student"]},
}
c.JupyterHub.load_roles = [
    {
        "name": "course-instructor",
        "description": f"Instructors of {COURSE_ID}: the formgrader and the students' servers",
        "groups": ["instructors"],
        "scopes": [
            "self",
            f"access:services!service={FORMGRADER_SERVICE}",
            "list:users",
            "read:users!group=students",
            "admin:servers!group=students",
        ],
    },
    {
        "name": "course-student",
        "description": f"Learners of {COURSE_ID}: their own server only",
        "groups": ["students"],
        "scopes": ["self"],
    },
    {
        "name": "idle-culler",
        "description": "Stop servers idle for longer than the course's timeout",
        "services": ["idle-culler"],
        "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
    },
]


# --- per-role single-user servers -----------------------------------------------------------
def course_role(user) -> str:
    """`instructor` for members of the instructors group, else `student` (least privilege)."""
    return "instructor" if any(g.name == "instructors" for g in user.groups) else "student"


def course_environment(role: str) -> dict[str, str]:
    """What every server of the course needs to find its Jupyter config, course and exchange."""
    return {
        "QCOURSE_ROLE": role,
        "QCOURSE_COURSE_ID": COURSE_ID,
        "QCOURSE_EXCHANGE_ROOT": EXCHANGE_ROOT,
        # a role's folder first (labextensions, server extensions), then what all roles share
        "JUPYTER_CONFIG_PATH": os.pathsep.join(
            [f"{JUPYTER_CONFIG_ROOT}/{role}", f"{JUPYTER_CONFIG_ROOT}/common"]
        ),
    }


def select_role_config(spawner) -> None:
    spawner.environment.update(course_environment(course_role(spawner.user)))


c.Spawner.default_url = "/lab"

# --- the formgrader, a hub-managed service in its own tab -----------------------------------
c.JupyterHub.services = [
    {
        "name": FORMGRADER_SERVICE,
        "display": True,
        "url": f"http://127.0.0.1:{FORMGRADER_PORT}",
        "command": [
            "jupyterhub-singleuser",
            f"--port={FORMGRADER_PORT}",
            "--ServerApp.ip=127.0.0.1",
        ],
        "user": GRADER_USER,
        "cwd": COURSE_DIR,
        "environment": {
            **course_environment("instructor"),
            "QCOURSE_COURSE_DIR": COURSE_DIR,
            "JUPYTERHUB_DEFAULT_URL": "/formgrader",
        },
        "oauth_no_confirm": True,
    },
    {
        "name": "idle-culler",
        "command": [
            sys.executable,
            "-m",
            "jupyterhub_idle_culler",
            f"--timeout={IDLE_TIMEOUT_SECONDS}",
            "--cull-every=300",
        ],
    },
]

# --- one machine: DockerSpawner, one container per user -------------------------------------
c.JupyterHub.bind_url = os.environ.get("QCOURSE_HUB_BIND_URL", "http://0.0.0.0:8000")
c.JupyterHub.hub_ip = os.environ.get("QCOURSE_HUB_IP", "0.0.0.0")
c.JupyterHub.hub_connect_ip = os.environ.get("QCOURSE_HUB_CONNECT_IP", "hub")
c.JupyterHub.spawner_class = os.environ.get("QCOURSE_SPAWNER", "dockerspawner.DockerSpawner")
c.JupyterHub.db_url = os.environ.get(
    "QCOURSE_HUB_DB_URL", "sqlite:////srv/jupyterhub/data/hub.sqlite"
)
c.JupyterHub.cookie_secret_file = os.environ.get(
    "QCOURSE_COOKIE_SECRET_FILE", "/srv/jupyterhub/data/jupyterhub_cookie_secret"
)

c.DockerSpawner.image = os.environ.get("QCOURSE_NOTEBOOK_IMAGE", "qcourse/notebook:0.1.0")
c.DockerSpawner.network_name = os.environ.get("QCOURSE_DOCKER_NETWORK", "qcourse")
c.DockerSpawner.remove = True
c.DockerSpawner.notebook_dir = "/home/jovyan"
c.DockerSpawner.volumes = {
    "qcourse-home-{username}": "/home/jovyan",
    os.environ.get("QCOURSE_EXCHANGE_VOLUME", "qcourse-exchange"): EXCHANGE_ROOT,
}
# Containers start as root so the image's start script can switch to a per-user UID: if every
# learner were jovyan (UID 1000), all submissions in the shared exchange would have one owner and
# any learner could read any other's.
c.DockerSpawner.extra_create_kwargs = {"user": "root"}


def per_user_uid(spawner) -> None:
    """A stable, distinct Unix UID per hub user (10000 + the hub's user id)."""
    if "DockerSpawner" in type(spawner).__name__:
        spawner.environment.update(
            {"NB_UID": str(10000 + spawner.user.id), "NB_GID": "100", "CHOWN_HOME": "yes"}
        )


def pre_spawn(spawner) -> None:
    select_role_config(spawner)
    per_user_uid(spawner)


c.Spawner.pre_spawn_hook = pre_spawn
