"""Work done by forks of the build: an answer comes back whole, a failure comes back as an error."""

from __future__ import annotations

import gc
import os
import time

import pytest
from plansite.forks import WorkInFork, batches, cores, lasting_objects, map_in_forks


def _pid_and(value):
    return os.getpid(), value


def _fails(message: str):
    raise ValueError(message)


def test_work_in_a_fork_answers_with_what_it_returned() -> None:
    big = ["x" * 1000] * 5000  # more than a pipe holds at once
    work = WorkInFork(_pid_and, big)
    pid, value = work.result()
    assert pid != os.getpid() and value == big


def test_a_failure_in_the_fork_is_raised_here_with_its_traceback() -> None:
    work = WorkInFork(_fails, "no such plan")
    with pytest.raises(RuntimeError, match="(?s)ValueError: no such plan"):
        work.result()


def test_cancelled_work_stops_its_fork() -> None:
    work = WorkInFork(time.sleep, 60)
    start = time.monotonic()
    work.cancel()
    assert time.monotonic() - start < 10
    assert not work._process.is_alive()


def test_shares_come_back_in_order() -> None:
    shares = batches(list(range(95)), 20)
    assert [len(s) for s in shares] == [20, 20, 20, 20, 15]
    answers = map_in_forks(_pid_and, shares, 2)
    assert [value for _, value in answers] == shares
    assert all(pid != os.getpid() for pid, _ in answers)


def test_lasting_objects_are_left_out_of_collections_and_the_collector_comes_back() -> None:
    before = gc.get_freeze_count()
    try:
        with pytest.raises(KeyError):
            with lasting_objects():
                assert not gc.isenabled()
                made = [{"plan": n} for n in range(1000)]
                raise KeyError("a problem in the data")
        assert gc.isenabled()
        assert gc.get_freeze_count() >= before + len(made)
    finally:
        gc.unfreeze()


def test_a_fork_taken_while_collection_is_off_collects_its_own_garbage() -> None:
    gc.disable()
    try:
        assert WorkInFork(gc.isenabled).result() is True
    finally:
        gc.enable()


def test_where_processes_cannot_fork_the_build_uses_one_core(monkeypatch: pytest.MonkeyPatch) -> None:
    assert cores() >= 1
    monkeypatch.setattr("multiprocessing.get_all_start_methods", lambda: ["spawn"])
    assert cores() == 1
