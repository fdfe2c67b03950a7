"""Work shared among the CPU cores by forks of this process (`mkdocs build` loads its plans, draws
its pages and writes its downloads so).

A fork starts with everything this process holds in memory, so a batch of work needs only its
names sent; what comes back is pickled. A fork must not be taken while other threads run
(`mkdocs serve` has some), so callers ask for forks only in a one-thread process.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import traceback
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

Batch = TypeVar("Batch")
Result = TypeVar("Result")


def cores() -> int:
    """The CPU cores this process may share its work among: one where processes cannot fork
    (Windows), so that the build works there too, on one core."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


@contextlib.contextmanager
def lasting_objects() -> Iterator[None]:
    """What is made inside lasts as long as this process (the data and views of a `mkdocs build`):
    Python's cycle collector does not look through it while it is made, nor afterwards.

    At 1,000 plans the collector spent 3.3 s going through them again and again. A fork taken
    later does not copy the memory that collector would have written to, either. Not for
    `mkdocs serve`, whose rebuilds must let the data of the one before go.
    """
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.enable()


def batches(items: list, size: int) -> list[list]:
    """The items in batches of `size`, in order: small batches keep every core busy to the end."""
    return [items[start : start + size] for start in range(0, len(items), size)]


def map_in_forks(work: Callable[[Batch], Result], shares: list[Batch], processes: int) -> list[Result]:
    """work(share) for each share of the work, in `processes` forks; the results in the shares' order.

    `work` must be a module-level function; what it needs beyond its share it reads from a
    module-level variable set before calling this.
    """
    with forks_for(processes) as pool:
        return list(pool.map(work, shares))


def forks_for(processes: int) -> ProcessPoolExecutor:
    """A pool of `processes` forks of this process, all taken at its first piece of work (submit)."""
    return ProcessPoolExecutor(processes, mp_context=multiprocessing.get_context("fork"))


class WorkInFork:
    """work(*args) done by a fork of this process, started at once; result() waits for its answer.

    The fork has args as they are in memory (nothing is pickled to start it), and no thread is
    left running here meanwhile: more forks may be taken before result() is asked for.
    """

    def __init__(self, work: Callable[..., Result], *args) -> None:
        self._answer, sending = multiprocessing.Pipe(duplex=False)
        self._process = multiprocessing.get_context("fork").Process(
            target=_answer, args=(sending, work, args), daemon=True
        )
        self._process.start()
        sending.close()

    def result(self) -> Result:
        """What work returned (an exception in the fork is raised here, with its traceback's text)."""
        try:
            done, value = self._answer.recv()
        except EOFError:
            done, value = False, "the fork stopped without an answer"
        finally:
            self._answer.close()
            self._process.join()
        if not done:
            raise RuntimeError(f"work done in a fork failed:\n{value}")
        return value

    def cancel(self) -> None:
        """Stop the fork, if it is still working (the build failed)."""
        if self._process.is_alive():
            self._process.kill()
        self._process.join()
        self._answer.close()


def _answer(sending, work: Callable, args: tuple) -> None:
    gc.enable()  # taken while the build was loading (lasting_objects): the fork's own garbage must go
    try:
        answer = (True, work(*args))
    except BaseException:  # noqa: BLE001 - whatever went wrong is told to the process that asked
        answer = (False, traceback.format_exc())
    sending.send(answer)
    sending.close()
