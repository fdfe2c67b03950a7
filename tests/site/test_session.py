"""site/session.py: when Python's cycle collector runs. While serving, it waits for the end of each rebuild
(not of the first build); a `mkdocs build` runs without it until what it has made is settled."""

from __future__ import annotations

import gc
import time

import pytest
from plansite.site import session as session_module
from plansite.site.session import Session


@pytest.fixture(autouse=True)
def collector_enabled_after():
    yield
    gc.enable()
    gc.unfreeze()


def _until(condition, seconds: float = 5.0) -> bool:  # noqa: ANN001 - a function of nothing
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.01)
    return True


def test_a_serving_rebuild_runs_without_the_collector_and_it_runs_once_the_rebuild_is_over(monkeypatch) -> None:
    monkeypatch.setattr(session_module, "COLLECT_AFTER", 0.05)
    collected = []
    monkeypatch.setattr(gc, "collect", lambda *args: collected.append(args) or 0)
    serving = Session("serve")
    serving.build_starts()
    assert serving.building.is_set() and gc.isenabled()  # serve's first build: it frees as it goes
    serving.build_ends()
    assert not serving.building.is_set() and gc.isenabled() and collected == []
    serving.build_starts()
    assert serving.building.is_set() and not gc.isenabled()
    serving.build_ends()
    assert not serving.building.is_set() and not gc.isenabled()  # not yet: the browser is fetching the page
    assert _until(gc.isenabled), "the collector was never enabled again"
    assert collected == [()]


def test_a_rebuild_started_before_the_collector_ran_keeps_it_waiting_to_its_own_end(monkeypatch) -> None:
    monkeypatch.setattr(session_module, "COLLECT_AFTER", 0.05)
    collected = []
    monkeypatch.setattr(gc, "collect", lambda *args: collected.append(args) or 0)
    serving = Session("serve", rebuilding=True)
    serving.build_starts()
    serving.build_ends()
    serving.build_starts()
    time.sleep(0.3)
    assert not gc.isenabled() and collected == []
    serving.build_ends()
    assert _until(gc.isenabled)
    assert collected == [()]


def test_a_build_that_is_not_served_runs_without_the_collector_until_what_it_made_is_settled() -> None:
    gc.unfreeze()
    building = Session("build")
    building.build_starts()
    assert not gc.isenabled()
    made = [[index] for index in range(1000)]  # held by the build, to its end
    building.settled()
    assert gc.isenabled() and gc.get_freeze_count() >= len(made)  # never looked through again
    building.build_ends()
    assert gc.isenabled() and not building.building.is_set()


def test_a_build_that_fails_before_anything_is_settled_gets_the_collector_back() -> None:
    building = Session("build")
    building.build_starts()
    building.build_ends()
    assert gc.isenabled()


def test_serving_never_freezes_what_a_build_made() -> None:
    gc.unfreeze()
    serving = Session("serve")
    serving.build_starts()
    serving.settled()
    assert gc.isenabled() and gc.get_freeze_count() == 0  # a rebuild lets the data of the one before go
    serving.build_ends()
