"""How `mkdocs serve` finds a saved change: MkDocs' polling, often and out of the way of the build.

Imported only by `mkdocs serve` (session.py). MkDocs polls rather than asking the system to tell
it of changes, so that folders shared with a container or over a network are watched too
(mkdocs/mkdocs#2477); a preview keeps that, and looks more often.
"""

from __future__ import annotations

import functools
import threading
import time

from watchdog.observers.api import BaseObserver
from watchdog.observers.polling import PollingEmitter


def poll_often(server, config, building: threading.Event, interval: float = 0.1) -> None:  # noqa: ANN001 - MkDocs' LiveReloadServer and config
    """MkDocs looks for changed files every half second: a preview looks every tenth, or as often as
    looking leaves the build most of the time (`BetweenBuildsEmitter`).

    Called from on_serve, before MkDocs watches the config's `watch` folders: the folders it
    already watches are moved to the new watcher.
    """
    moved = []
    for path in (config.docs_dir, config.config_file_path, *config.theme.dirs):
        try:
            server.unwatch(path)
        except KeyError:
            continue  # not watched (the theme's folders, without --watch-theme)
        moved.append(path)
    emitter = functools.partial(BetweenBuildsEmitter, building=building)
    server.observer = BaseObserver(emitter, timeout=interval)
    for path in moved:
        server.watch(path)


class BetweenBuildsEmitter(PollingEmitter):
    """MkDocs' polling of a watched folder, kept out of the way of the rebuilds it starts.

    A look at a thousand files takes tens of milliseconds and holds Python's lock while it does: it
    does not look while the site is being built (`building` is set), and waits at least four times
    as long as a look works (its own CPU time, the shorter of the last two: a look held up by another
    thread, or in which Python's collector ran once, does not delay the next) before the next, so
    that looking takes about a fifth of the time at most.
    A change saved during a build is found by the first look after it.
    """

    def __init__(self, *args, building: threading.Event, **kwargs) -> None:  # noqa: ANN002, ANN003 - watchdog's
        super().__init__(*args, **kwargs)
        self.building = building
        self.interval: float | None = None
        self.worked: float | None = None
        """The work of the last look, in seconds of this thread's CPU time."""

    def queue_events(self, timeout: float) -> None:
        while self.building.is_set():
            if self.stopped_event.wait(timeout):
                return
        started = time.thread_time()  # this thread's own work: not its wait, nor its waits for Python's lock
        super().queue_events(self.interval or timeout)
        worked = time.thread_time() - started
        # The shorter of the last two looks: Python's cycle collector, run once in a look, is not the look's own.
        self.interval = max(timeout, 4 * min(worked, self.worked if self.worked is not None else worked))
        self.worked = worked
