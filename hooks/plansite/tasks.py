"""Work shared among processes, behind one small interface with a plain twin.

`SerialTasks` does each piece of work in this process, when its result is asked for;
`ParallelTasks` does it in forks of this process. Both give the same results in the same order,
so the code that hands out work never knows which one it runs under (`jobs: 1` in mkdocs.yml
gives the serial one).

A fork starts with everything this process holds in memory: the work and the values it shares
reach the fork as arguments, without being copied or pickled, and only the results come back
pickled. A fork must not be taken while another thread runs (it would copy a lock some thread
holds), so a build takes its forks before any thread starts.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import threading
import traceback
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection, wait
from typing import Any

BATCH = 20
"""Items a fork is given at a time: small enough to keep every fork busy to the end."""


def cores() -> int:
    """The CPU cores this process may use; 1 where processes cannot fork (Windows)."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def tasks_for(jobs: int) -> SerialTasks | ParallelTasks:
    """The serial tasks for one job, else forks for that many (0: one per core). Never forks while
    another thread runs (a fork would copy the locks it holds): `mkdocs build` and the first build
    of `mkdocs serve`, before its server starts, share the work; serve's rebuilds do it here."""
    jobs = jobs or cores()
    alone = threading.active_count() == 1
    return ParallelTasks(jobs) if jobs > 1 and cores() > 1 and alone else SerialTasks()


class TaskFailed(Exception):
    """A piece of work failed in a fork; the message holds its traceback."""


# --- The plain twin ---------------------------------------------------------------------------


class SerialTasks:
    """Every piece of work done here, in this process, in order."""

    jobs = 1

    def map(self, work: Callable, items: Sequence, *shared: Any) -> list:
        """[work(item, *shared) for each item], in order."""
        return [work(item, *shared) for item in items]

    def ahead(self, work: Callable, items: Sequence, *shared: Any) -> SerialResults:
        """The results of work(item, *shared) for each item, each worked out when it is taken."""
        return SerialResults(work, items, shared)

    def start(self, work: Callable, *args: Any) -> Deferred:
        """work(*args), done when its result is asked for."""
        return Deferred(work, args)

    def close(self) -> None:
        """Nothing to stop."""


class SerialResults:
    """Results worked out as they are taken."""

    def __init__(self, work: Callable, items: Sequence, shared: tuple) -> None:
        self._work, self._items, self._shared = work, items, shared

    def take(self, index: int) -> Any:
        return self._work(self._items[index], *self._shared)

    def close(self) -> None:
        """Nothing to stop."""


class Deferred:
    """One piece of work, done when its result is asked for."""

    def __init__(self, work: Callable, args: tuple) -> None:
        self._work, self._args = work, args

    def result(self) -> Any:
        return self._work(*self._args)

    def close(self) -> None:
        """Nothing started, nothing to stop."""


# --- Forks ------------------------------------------------------------------------------------


class ParallelTasks:
    """Work shared among `jobs` forks of this process, with the same results as SerialTasks."""

    def __init__(self, jobs: int) -> None:
        self.jobs = jobs
        self._running: list[ForkedResults | InFork] = []

    def map(self, work: Callable, items: Sequence, *shared: Any) -> list:
        results = self.ahead(work, items, *shared)
        try:
            return [results.take(index) for index in range(len(items))]
        finally:
            results.close()

    def ahead(self, work: Callable, items: Sequence, *shared: Any) -> ForkedResults | SerialResults:
        """Forks start on the work at once; take(index) waits for an item's result if need be.
        Work of fewer than two batches is done here: starting forks would cost more than it saves."""
        if len(items) < 2 * BATCH:
            return SerialResults(work, items, shared)
        results = ForkedResults(self.jobs, work, items, shared)
        self._running.append(results)
        return results

    def start(self, work: Callable, *args: Any) -> InFork:
        """work(*args) done in a fork, started at once."""
        started = InFork(work, args)
        self._running.append(started)
        return started

    def close(self) -> None:
        """Stop every fork still working (the build ended or failed)."""
        for running in self._running:
            running.close()
        self._running.clear()


def _fork(target: Callable, *args: Any) -> tuple[multiprocessing.Process, Connection]:
    ours, theirs = multiprocessing.Pipe()
    process = multiprocessing.get_context("fork").Process(target=_in_fork, args=(target, theirs, *args), daemon=True)
    process.start()
    theirs.close()
    return process, ours


def _in_fork(target: Callable, *args: Any) -> None:
    """Run target in the fork, its cycle collector (on or off, as in this process) never looking
    through what this process held at the fork: each look would write to every object's header, and
    so copy every page of memory the fork shares with this process (gc.freeze, as Python's
    documentation advises for forks)."""
    gc.freeze()
    target(*args)


def _work_on_batches(connection: Connection, work: Callable, items: Sequence, shared: tuple) -> None:
    """A fork's loop: the start of a batch in, the batch's results out, until told to stop."""
    while (start := connection.recv()) is not None:
        try:
            answer = (start, True, [work(item, *shared) for item in items[start : start + BATCH]])
        except BaseException:  # noqa: BLE001 - whatever went wrong is told to the process that asked
            answer = (start, False, traceback.format_exc())
        connection.send(answer)
    connection.close()


class ForkedResults:
    """Results of work over items, worked out by forks a batch at a time: each fork is given its
    next batch as soon as it hands one back. Each result is held here until it is taken, once."""

    QUEUED = 2
    """Batches a fork holds at once: it starts on the next while this process reads the last."""

    def __init__(self, jobs: int, work: Callable, items: Sequence, shared: tuple) -> None:
        self._starts = list(range(0, len(items), BATCH))
        self._given = 0
        self._done: dict[int, Any] = {}
        self._forks: dict[Connection, multiprocessing.Process] = {}
        self._owed: dict[Connection, int] = {}  # batches each fork has been given and not handed back
        for _ in range(min(jobs, len(self._starts))):
            process, connection = _fork(_work_on_batches, work, items, shared)
            self._forks[connection], self._owed[connection] = process, 0
        for _ in range(self.QUEUED):  # a batch for each fork in turn: every fork has one to start on
            for connection in list(self._forks):
                self._give(connection)

    def _give(self, connection: Connection) -> None:
        """The fork's next batch, or the word to stop once every batch is given."""
        if self._given < len(self._starts):
            connection.send(self._starts[self._given])
            self._given += 1
            self._owed[connection] += 1
        elif self._owed[connection] == 0:
            connection.send(None)
            self._let_go(connection)

    def take(self, index: int) -> Any:
        """The result for items[index], waited for if its batch is not back yet."""
        while index not in self._done:
            if not self._forks:
                raise TaskFailed(f"no fork is working on item {index}")
            for connection in wait(list(self._forks)):
                self._receive(connection)
        return self._done.pop(index)

    def _receive(self, connection: Connection) -> None:
        try:
            start, succeeded, value = connection.recv()
        except EOFError:
            self.close()
            raise TaskFailed("a fork stopped without an answer") from None
        if not succeeded:
            self.close()
            raise TaskFailed(value)
        self._done.update(enumerate(value, start))
        self._owed[connection] -= 1
        self._give(connection)

    def _let_go(self, connection: Connection) -> None:
        process = self._forks.pop(connection)
        del self._owed[connection]
        connection.close()
        process.join()

    def close(self) -> None:
        """Stop the forks still working (each holds a copy of much of this process's memory)."""
        for connection, process in list(self._forks.items()):
            if process.is_alive():
                process.kill()
            process.join()
            connection.close()
        self._forks.clear()
        self._owed.clear()


def _answer(connection: Connection, work: Callable, args: tuple) -> None:
    try:
        answer = (True, work(*args))
    except BaseException:  # noqa: BLE001 - whatever went wrong is told to the process that asked
        answer = (False, traceback.format_exc())
    connection.send(answer)
    connection.close()


class InFork:
    """work(*args) done by a fork of this process, started at once; result() waits for its answer."""

    def __init__(self, work: Callable, args: tuple) -> None:
        self._process, self._connection = _fork(_answer, work, args)

    def result(self) -> Any:
        try:
            succeeded, value = self._connection.recv()
        except EOFError:
            succeeded, value = False, "the fork stopped without an answer"
        finally:
            self._connection.close()
            self._process.join()
        if not succeeded:
            raise TaskFailed(value)
        return value

    def close(self) -> None:
        """Stop the fork, if it is still working."""
        if self._process.is_alive():
            self._process.kill()
        self._process.join()
        self._connection.close()
