"""`./run serve` finds a saved change within a tenth of a second, but never looks while it builds."""

from __future__ import annotations

import os
import queue
import threading
import time
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.livereload import LiveReloadServer
from plansite.site.watcher import BetweenBuildsEmitter, poll_often
from project import ROOT
from watchdog.observers.api import ObservedWatch


def test_a_preview_looks_for_changes_every_tenth_of_a_second(tmp_path: Path) -> None:
    config = load_config(config_file=str(ROOT / "mkdocs.yml"))
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    server.watch(config.docs_dir)
    server.watch(config.config_file_path)
    assert server.observer.timeout == 0.5  # MkDocs' own
    poll_often(server, config, threading.Event())
    assert server.observer.timeout == 0.1
    server.unwatch(config.docs_dir)  # still watched, by the new watcher: unwatch raises otherwise
    server.unwatch(config.config_file_path)
    server.server_close()


def _emitter(folder: Path, building: threading.Event, **options) -> tuple[BetweenBuildsEmitter, queue.Queue]:
    events: queue.Queue = queue.Queue()
    watch = ObservedWatch(str(folder), recursive=True)
    emitter = BetweenBuildsEmitter(events, watch, timeout=0.05, building=building, **options)
    return emitter, events


def _changes(events: queue.Queue) -> set[str]:
    found = set()
    while not events.empty():
        found.add(os.path.basename(events.get()[0].src_path))
    return found


def test_no_look_while_a_build_runs_and_the_change_is_found_after_it(tmp_path: Path) -> None:
    (tmp_path / "plan.yml").write_text("title: A plan\n")
    building = threading.Event()
    emitter, events = _emitter(tmp_path, building)
    emitter.start()
    try:
        time.sleep(0.1)
        building.set()
        time.sleep(0.1)  # a look already started ends
        _changes(events)
        (tmp_path / "plan.yml").write_text("title: An edited plan\n")
        time.sleep(0.3)  # six looks' time
        assert "plan.yml" not in _changes(events)
        building.clear()
        deadline = time.monotonic() + 5
        while "plan.yml" not in _changes(events):
            assert time.monotonic() < deadline, "the change saved during the build was never found"
            time.sleep(0.02)
    finally:
        emitter.stop()
        emitter.join(5)


def _jumping(clock, jump: float):  # noqa: ANN001, ANN202 - a clock and the same clock, once jumping ahead
    readings = []

    def read() -> float:
        readings.append(None)
        return clock() + (jump if len(readings) > 1 else 0.0)

    return read


def test_looks_are_spaced_by_four_times_what_a_look_takes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for number in range(10):
        (tmp_path / f"plan-{number}.yml").write_text("title: A plan\n")

    def slow_stat(path, **kwargs):  # noqa: ANN001, ANN003 - os.stat's
        worked = time.thread_time()
        while time.thread_time() - worked < 0.005:  # work, as a look at many files does
            pass
        return os.stat(path, **kwargs)

    emitter, _ = _emitter(tmp_path, threading.Event(), stat=slow_stat)
    emitter.queue_events(0.05)
    assert emitter.interval >= 4 * 10 * 0.005
    # One look that worked far longer (the cycle collector ran in it) does not stretch the next wait.
    steady = emitter.interval
    monkeypatch.setattr("time.thread_time", _jumping(time.thread_time, 5.0))
    emitter.queue_events(0.05)
    assert emitter.interval <= 2 * steady
    quick, _ = _emitter(tmp_path, threading.Event())
    quick.queue_events(0.05)
    assert quick.interval == 0.05  # never less often than asked

    def held_up_stat(path, **kwargs):  # noqa: ANN001, ANN003 - os.stat's
        time.sleep(0.005)  # waiting, as for Python's lock while another thread works: not the look's own work
        return os.stat(path, **kwargs)

    held_up, _ = _emitter(tmp_path, threading.Event(), stat=held_up_stat)
    held_up.queue_events(0.05)
    assert held_up.interval < 4 * 10 * 0.005
