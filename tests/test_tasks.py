"""Work shared among forks (plansite/tasks.py) gives what the serial twin gives, in the same order."""

from __future__ import annotations

import gc
import os
import time

import pytest
from plansite.tasks import BATCH, ParallelTasks, SerialTasks, TaskFailed, cores, tasks_for


def square_and_pid(item: int, offset: int) -> tuple[int, int]:
    return item * item + offset, os.getpid()


def fails_on_seven(item: int) -> int:
    if item == 7:
        raise ValueError("no such plan")
    return item


def test_forks_give_the_serial_results_in_order() -> None:
    items = list(range(5 * BATCH + 3))
    serial = SerialTasks().map(square_and_pid, items, 10)
    tasks = ParallelTasks(2)
    forked = tasks.map(square_and_pid, items, 10)
    tasks.close()
    assert [value for value, _ in forked] == [value for value, _ in serial]
    assert {pid for _, pid in forked} != {os.getpid()} and os.getpid() not in {pid for _, pid in forked}


@pytest.mark.parametrize("jobs", [2, 3, 4])
@pytest.mark.parametrize("count", [2 * BATCH, 2 * BATCH + 1, 3 * BATCH, 4 * BATCH + 1])
def test_forks_give_the_serial_results_for_few_batches_among_many_forks(jobs: int, count: int) -> None:
    items = list(range(count))
    tasks = ParallelTasks(jobs)
    try:
        forked = tasks.map(square_and_pid, items, 0)
    finally:
        tasks.close()
    assert [value for value, _ in forked] == [item * item for item in items]


def test_results_taken_ahead_wait_for_their_fork_in_any_order() -> None:
    items = list(range(3 * BATCH))
    tasks = ParallelTasks(2)
    results = tasks.ahead(square_and_pid, items, 0)
    taken = {index: results.take(index)[0] for index in reversed(items)}
    tasks.close()
    assert taken == {index: index * index for index in items}


def frozen_and_collecting(item: int) -> tuple[int, bool]:
    return gc.get_freeze_count(), gc.isenabled()


def test_a_fork_never_looks_through_what_it_was_given_and_collects_as_this_process_does() -> None:
    held = [[index] for index in range(10_000)]  # what a build holds when it forks
    tasks = ParallelTasks(2)
    try:
        forked = tasks.map(frozen_and_collecting, list(range(2 * BATCH)))
        started = tasks.start(frozen_and_collecting, 0).result()
        gc.disable()
        started_without = tasks.start(frozen_and_collecting, 0).result()
    finally:
        gc.enable()
        tasks.close()
    assert all(count >= len(held) and collecting for count, collecting in [*forked, started])
    assert started_without[0] >= len(held) and not started_without[1]
    assert gc.get_freeze_count() == 0  # this process looks through all it holds, as before


def test_a_big_result_comes_back_whole() -> None:
    big = ["x" * 1000] * 5000  # more than a pipe holds at once
    tasks = ParallelTasks(2)
    assert tasks.start(lambda: (os.getpid(), big)).result() != (os.getpid(), big)
    assert tasks.start(lambda: big).result() == big
    tasks.close()


def test_a_failure_in_a_fork_is_raised_here_with_its_traceback() -> None:
    tasks = ParallelTasks(2)
    with pytest.raises(TaskFailed, match="(?s)ValueError: no such plan"):
        tasks.map(fails_on_seven, list(range(3 * BATCH)))
    with pytest.raises(TaskFailed, match="(?s)ValueError: no such plan"):
        tasks.start(fails_on_seven, 7).result()
    tasks.close()


def test_the_serial_twin_raises_the_error_itself() -> None:
    with pytest.raises(ValueError, match="no such plan"):
        SerialTasks().map(fails_on_seven, list(range(10)))


def test_work_started_in_a_fork_goes_on_while_this_process_works() -> None:
    tasks = ParallelTasks(2)
    started = time.monotonic()
    slow = [tasks.start(time.sleep, 0.4) for _ in range(3)]
    time.sleep(0.4)
    for work in slow:
        work.result()
    assert time.monotonic() - started < 1.0  # one after the other, here, would take 1.6 s
    tasks.close()


def test_closing_stops_every_fork_still_working() -> None:
    tasks = ParallelTasks(2)
    results = tasks.ahead(time.sleep, [60] * (3 * BATCH))
    work = tasks.start(time.sleep, 60)
    started = time.monotonic()
    tasks.close()
    assert time.monotonic() - started < 10
    assert not work._process.is_alive()
    assert not results._forks


def test_one_job_is_the_serial_twin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("threading.active_count", lambda: 1)  # as in `mkdocs build` (a test runner may run threads)
    assert isinstance(tasks_for(1), SerialTasks)
    if cores() > 1:
        assert isinstance(tasks_for(0), ParallelTasks) and tasks_for(0).jobs == cores()


def test_no_fork_is_taken_while_another_thread_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("plansite.tasks.cores", lambda: 4)
    monkeypatch.setattr("threading.active_count", lambda: 1)
    assert isinstance(tasks_for(0), ParallelTasks)
    monkeypatch.setattr("threading.active_count", lambda: 3)  # `mkdocs serve`'s server, once it runs
    assert isinstance(tasks_for(0), SerialTasks) and isinstance(tasks_for(4), SerialTasks)


def test_where_processes_cannot_fork_the_work_is_done_here(monkeypatch: pytest.MonkeyPatch) -> None:
    assert cores() >= 1
    monkeypatch.setattr("multiprocessing.get_all_start_methods", lambda: ["spawn"])
    assert cores() == 1
    assert isinstance(tasks_for(4), SerialTasks)
