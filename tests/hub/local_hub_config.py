"""The course hub of docker/jupyterhub_config.py, run on this machine for the hub test.

Layered on top of the real configuration: only what a machine without Docker needs changes.
Servers run as real Unix users (LocalProcessSpawner), users log in with one shared password, and
everything listens on 127.0.0.1 on ports the test chose. Settings come from QCOURSE_TEST_* variables.
"""

import os
from pathlib import Path

c = get_config()  # noqa: F821 (provided by JupyterHub when it loads this file)

load_subconfig(os.environ["QCOURSE_TEST_BASE_CONFIG"])  # noqa: F821 (docker/jupyterhub_config.py)

state = Path(os.environ["QCOURSE_TEST_STATE_DIR"])

c.JupyterHub.spawner_class = "jupyterhub.spawner.LocalProcessSpawner"
c.JupyterHub.authenticator_class = "shared-password"
c.SharedPasswordAuthenticator.user_password = os.environ["QCOURSE_TEST_PASSWORD"]

c.JupyterHub.bind_url = f"http://127.0.0.1:{os.environ['QCOURSE_TEST_HUB_PORT']}"
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = int(os.environ["QCOURSE_TEST_HUB_API_PORT"])
c.JupyterHub.hub_connect_ip = "127.0.0.1"
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{os.environ['QCOURSE_TEST_PROXY_API_PORT']}"
c.ConfigurableHTTPProxy.command = [os.environ["QCOURSE_TEST_CHP"]]
c.ConfigurableHTTPProxy.pid_file = str(state / "proxy.pid")
c.JupyterHub.db_url = f"sqlite:///{state / 'hub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(state / "cookie_secret")
c.JupyterHub.pid_file = str(state / "hub.pid")

c.Spawner.ip = "127.0.0.1"
c.Spawner.cmd = [os.environ["QCOURSE_TEST_SINGLEUSER"]]
c.Spawner.notebook_dir = "~"
# the first server start imports jupyterlab, nbgrader and qiskit on a busy 2-core machine
c.Spawner.start_timeout = 180
c.Spawner.http_timeout = 180
