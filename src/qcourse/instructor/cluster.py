"""The dask cluster that grades: started in the background, warmed, and stopped.

Starting worker processes and importing nbgrader in each takes seconds. `GradingCluster.start`
begins that in a thread at once, so it overlaps the coordinator's own start-up (reading the
course, importing nbgrader, preparing the tasks) instead of following it.
"""

from __future__ import annotations

import logging
import os
import threading
from typing import Any

from qcourse.instructor.worker import shut_down, warm_up


class GradingCluster:
    """A dask client on a LocalCluster (or on the scheduler at `scheduler`)."""

    def __init__(
        self, workers: int | None = None, scheduler: str | None = None, sealed: bool = True
    ) -> None:
        self.workers = workers
        self.scheduler = scheduler
        self.sealed = sealed
        self.client: Any = None
        self.cluster: Any = None
        self._error: BaseException | None = None
        self._warm: list[Any] = []
        self._thread: threading.Thread | None = None

    @classmethod
    def start(
        cls, workers: int | None = None, scheduler: str | None = None, sealed: bool = True
    ) -> GradingCluster:
        """Begin starting the cluster in the background; `ready()` waits for it."""
        self = cls(workers, scheduler, sealed)
        self._thread = threading.Thread(target=self._connect, name="qcourse-cluster", daemon=True)
        self._thread.start()
        return self

    def _connect(self) -> None:
        try:
            from dask.distributed import Client, LocalCluster

            if self.scheduler:
                self.client = Client(self.scheduler, timeout=30)
            else:
                self.cluster = LocalCluster(
                    n_workers=self.workers or os.cpu_count() or 1,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=":0",  # any free port, never a clash with a running cluster
                    silence_logs=logging.ERROR,
                )
                self.client = Client(self.cluster)
            # each worker starts its nbgrader helper now, before its first submission arrives
            self._warm = [
                self.client.submit(
                    warm_up,
                    self.sealed,
                    workers=[address],
                    pure=False,
                    key=f"warm-up-{address}",
                )
                for address in self.client.scheduler_info()["workers"]
            ]
        except BaseException as exc:  # re-raised in the caller's thread by ready()
            self._error = exc

    def ready(self) -> Any:
        """The connected client; raises what starting the cluster raised."""
        if self._thread is None:
            self._connect()
        else:
            self._thread.join()
        if self._error is not None:
            raise self._error
        return self.client

    def close(self) -> None:
        """Stop the workers' helpers, then the client and the local cluster."""
        if self._thread is not None:
            self._thread.join()
        self._warm = []
        if self.client is not None:
            try:
                self.client.run(shut_down)
            except Exception:  # a worker already gone: nothing to stop there
                pass
            self.client.close()
        if self.cluster is not None:
            self.cluster.close()
        self.client = self.cluster = None
