"""Batch stage 3: where the work runs: in this process, a local process pool, or a Dask cluster.

All three take the same picklable task and worker function and hand back results as they finish,
so the batch loop does not know which one it drives.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Protocol

from ..series.adapter import CompareError

__all__ = ["DASK_CONNECT_TIMEOUT", "Runner", "SerialRunner", "PoolRunner", "DaskRunner", "make_runner"]

# How long to wait for the scheduler: a live one answers in well under a second.
DASK_CONNECT_TIMEOUT = "10s"


class Runner(Protocol):
    def submit(self, fn: Callable[[Any], Any], arg: Any) -> object: ...

    def wait_any(self) -> list[tuple[object, Any, BaseException | None]]: ...

    def pending(self) -> int: ...

    def close(self) -> None: ...


class SerialRunner:
    """Runs each task when submitted (--jobs 1): no process start-up, tracebacks stay simple."""

    def __init__(self) -> None:
        self._done: deque[tuple[object, Any, BaseException | None]] = deque()
        self._n = 0

    def submit(self, fn: Callable[[Any], Any], arg: Any) -> object:
        self._n += 1
        handle = self._n
        try:
            self._done.append((handle, fn(arg), None))
        except Exception as exc:
            self._done.append((handle, None, exc))
        return handle

    def wait_any(self) -> list[tuple[object, Any, BaseException | None]]:
        out = list(self._done)
        self._done.clear()
        return out

    def pending(self) -> int:
        return len(self._done)

    def close(self) -> None:
        pass


class PoolRunner:
    def __init__(self, jobs: int) -> None:
        self._jobs = jobs
        self._pool = ProcessPoolExecutor(max_workers=jobs)
        self._pending: set[Future[Any]] = set()

    def submit(self, fn: Callable[[Any], Any], arg: Any) -> object:
        try:
            f = self._pool.submit(fn, arg)
        except BrokenProcessPool:
            # a worker died (killed, out of memory): its tasks come back as failed rows; the rest
            # of the batch goes on in a new pool
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = ProcessPoolExecutor(max_workers=self._jobs)
            f = self._pool.submit(fn, arg)
        self._pending.add(f)
        return f

    def wait_any(self) -> list[tuple[object, Any, BaseException | None]]:
        done, self._pending = wait(self._pending, return_when=FIRST_COMPLETED)
        out: list[tuple[object, Any, BaseException | None]] = []
        for f in done:
            exc = f.exception()
            out.append((f, None if exc else f.result(), exc))
        return out

    def pending(self) -> int:
        return len(self._pending)

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


class DaskRunner:
    """Tasks on a dask.distributed scheduler: the same worker functions, the outputs on a shared disk."""

    def __init__(self, address: str) -> None:
        try:
            from distributed import Client
        except ImportError:
            raise CompareError("--dask needs Dask: pip install 'yoy-compare[dask]'.") from None
        try:
            self._client = Client(address, timeout=DASK_CONNECT_TIMEOUT, set_as_default=False)  # type: ignore[no-untyped-call]
        except OSError as exc:
            raise CompareError(f"cannot reach the Dask scheduler at {address} ({exc}); start one with "
                               "`dask scheduler` and pass the address it prints.") from None
        from distributed import as_completed

        # this client, not a process-wide default one: the batch may run inside another Dask program
        self._done = as_completed(loop=self._client.loop)  # type: ignore[no-untyped-call]
        self._pending = 0

    def submit(self, fn: Callable[[Any], Any], arg: Any) -> object:
        f = self._client.submit(fn, arg, pure=False)
        self._done.add(f)  # type: ignore[no-untyped-call]
        self._pending += 1
        return f

    def wait_any(self) -> list[tuple[object, Any, BaseException | None]]:
        f = next(self._done)
        self._pending -= 1
        try:
            return [(f, f.result(), None)]
        except Exception as exc:  # the worker died or the task was lost
            return [(f, None, exc)]

    def pending(self) -> int:
        return self._pending

    def close(self) -> None:
        self._client.close()  # type: ignore[no-untyped-call]


def make_runner(*, jobs: int, dask_address: str | None) -> Runner:
    if dask_address:
        return DaskRunner(dask_address)
    if jobs <= 1:
        return SerialRunner()
    return PoolRunner(jobs)
