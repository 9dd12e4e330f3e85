"""Where prediction runs: in this process, in a pool of local processes, or on a Dask cluster.

Each executor maps a module-level function over a stream of argument tuples and yields the
results in input order, with a bounded number of tasks in flight: memory stays flat however
long the input, and a slow task holds back the output, never the workers.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import Any

EXECUTORS = ("local", "dask")


class InlineExecutor:
    """Run each task here, one after another (``--workers 1``)."""

    workers = 1

    def map_ordered(self, fn: Callable, tasks: Iterable[tuple]) -> Iterator[Any]:
        for args in tasks:
            yield fn(*args)

    def close(self) -> None:
        pass


class ProcessExecutor:
    """A pool of ``workers`` processes on this machine, started fresh (``spawn``) so that no
    lock held by a thread of the parent (progress bars, BLAS) is inherited half-taken."""

    def __init__(self, workers: int):
        self.workers = workers
        self._pool = ProcessPoolExecutor(
            max_workers=workers, mp_context=multiprocessing.get_context("spawn")
        )

    def map_ordered(self, fn: Callable, tasks: Iterable[tuple]) -> Iterator[Any]:
        return _bounded(self._pool.submit, fn, tasks, 2 * self.workers)

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


class DaskExecutor:
    """The same tasks on a Dask cluster: the scheduler at ``scheduler``, or, without one, a
    local cluster of ``workers`` single-threaded processes started for this run."""

    def __init__(self, scheduler: str | None = None, workers: int = 1):
        try:
            from distributed import Client, LocalCluster
        except ImportError as err:
            raise RuntimeError(
                "the dask executor needs the dask extra: pip install 'winnow-news[dask]'"
            ) from err
        self._cluster = None
        if scheduler:
            self._client = Client(scheduler)
        else:
            self._cluster = LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
            )
            self._client = Client(self._cluster)
        self.workers = max(1, len(self._client.scheduler_info().get("workers", {})) or workers)

    def map_ordered(self, fn: Callable, tasks: Iterable[tuple]) -> Iterator[Any]:
        def submit(fn: Callable, *args):
            return self._client.submit(fn, *args, pure=False)

        return _bounded(submit, fn, tasks, 2 * self.workers)

    def close(self) -> None:
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()


def make_executor(executor: str = "local", workers: int = 1, scheduler: str | None = None):
    """The executor for ``--executor``, ``--workers`` and ``--scheduler``."""
    if executor not in EXECUTORS:
        raise ValueError(f"--executor must be one of {', '.join(EXECUTORS)}, not {executor!r}")
    if workers < 1:
        raise ValueError("--workers must be at least 1")
    if executor == "dask":
        return DaskExecutor(scheduler, workers)
    if scheduler:
        raise ValueError("--scheduler needs --executor dask")
    return InlineExecutor() if workers == 1 else ProcessExecutor(workers)


def _bounded(submit: Callable, fn: Callable, tasks: Iterable[tuple], limit: int) -> Iterator[Any]:
    """Submit tasks keeping at most ``limit`` in flight; yield results in submission order."""
    pending: deque = deque()
    for args in tasks:
        if len(pending) >= limit:
            yield pending.popleft().result()
        pending.append(submit(fn, *args))
    while pending:
        yield pending.popleft().result()
