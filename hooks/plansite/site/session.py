"""What lasts from one build to the next in one MkDocs process: the one place that does.

`mkdocs build` builds once and ends. `mkdocs serve` builds again at every change, and MkDocs runs
the hooks file afresh each time but calls `on_startup` only once; so what a rebuild takes from the
one before lives here, in the session `on_startup` starts: the command, the cache in memory (the
checked data files and the compiled templates: cache.py), the record of what each page was last
drawn from (`mkdocs serve --dirty`: redraws.py), and whether a build runs: the watcher and Python's
cycle collector wait for its end (`build_starts`).
"""

from __future__ import annotations

import gc
import threading
from dataclasses import dataclass, field
from pathlib import Path

from ..cache import Cache
from .redraws import Redraws, quiet_dirty_warning

COLLECT_AFTER = 1.0
"""Seconds after a rebuild of `mkdocs serve` ends before Python's cycle collector runs: the browser
has had the new page by then (Session.build_ends)."""


@dataclass
class Session:
    """One MkDocs process: its command (build, serve, gh-deploy), and what its rebuilds share."""

    command: str = "build"
    dirty: bool = False
    redraws: Redraws = field(default_factory=Redraws)
    building: threading.Event = field(default_factory=threading.Event)
    """Set while a build runs: `mkdocs serve`'s watcher does not look for changes then (watcher.py)."""
    served_addresses: set[str] = field(default_factory=set)
    """The pages the last good build of `mkdocs serve` wrote ('plans/x/index.html'): where a rebuild
    of data with problems shows them (problems_page.py)."""
    rebuilding: bool = False
    """Whether a build of this `mkdocs serve` has ended: the next is a rebuild."""
    downloads_in_site: frozenset[str] = frozenset()
    """The cache keys of the plans whose downloads the last good build left in the site folder
    (site/pages.py's write_outputs does not compare them again)."""
    _caches: dict[tuple[Path, str], Cache] = field(default_factory=dict)

    def build_starts(self) -> None:
        """A build starts: the watcher waits for its end (watcher.py), and so, most of the time, does
        Python's cycle collector, which looks through everything a build keeps, again and again as it
        grows (17 s of a cold build at 10,000 plans):
        - `mkdocs build` makes its data, views and page files with the collector off, and once they
          are made (`settled`) the collector never looks through them again;
        - a rebuild of `mkdocs serve` runs without it, 0.6 s at 1,000 plans in two rebuilds of three;
        - serve's first build keeps it, as it frees as it goes much of what the build makes and lets go
          (held to the end, that is 90 MB more at 1,000 plans, 1.5 GB at 10,000)."""
        self.building.set()
        if not self.serving or self.rebuilding:
            gc.disable()

    def settled(self) -> None:
        """What `mkdocs build` has made so far lasts until its process ends: the cycle collector runs
        again, but no longer looks through that (gc.freeze). Not while serving, where a rebuild lets
        the data of the one before go."""
        if not self.serving:
            gc.freeze()
            gc.enable()

    def build_ends(self) -> None:
        """The build is over, well or not. The cycle collector, if it waited, runs again; while serving,
        once the browser has had the new page (unless another build has started by then: it runs
        after that one)."""
        self.building.clear()
        self.rebuilding = self.serving
        if gc.isenabled():
            return
        if not self.serving:
            gc.enable()
            return
        timer = threading.Timer(COLLECT_AFTER, self._collect_between_builds)
        timer.daemon = True
        timer.start()

    def _collect_between_builds(self) -> None:
        if self.building.is_set():
            return
        gc.collect()
        if not self.building.is_set():
            gc.enable()

    @property
    def serving(self) -> bool:
        """`mkdocs serve`: rebuilt at every change, by a process with threads of its own."""
        return self.command == "serve"

    # What a build does differently while serving, each named once here.

    @property
    def keeps_record(self) -> bool:
        """Whether what a build drew is recorded beside the site it built, for the next `mkdocs build
        --dirty` into that folder (redraws.py); `mkdocs serve` remembers it here instead."""
        return not self.serving

    @property
    def fingerprints_pages(self) -> bool:
        """Whether each page's fingerprint is worked out: in a dirty build, to draw only what changed,
        and in every build that keeps a record of what it drew."""
        return self.dirty or self.keeps_record

    @property
    def keeps_views(self) -> bool:
        """Whether each plan's views are held in memory for the next build: `mkdocs serve`'s rebuilds."""
        return self.serving

    @property
    def shows_problems(self) -> bool:
        """Whether a build of data with problems shows them on the site (problems_page.py) instead of
        failing: `mkdocs serve`, which holds every request while a rebuild fails."""
        return self.serving

    @property
    def indexes_search(self) -> bool:
        """Whether a build makes the search index: not `mkdocs serve`, to keep previews fast."""
        return not self.serving

    def watch(self, server, config):  # noqa: ANN001 - MkDocs' LiveReloadServer and config
        """`mkdocs serve` looks for changed files every tenth of a second, between builds (watcher.py)."""
        from . import watcher  # here: only `mkdocs serve` watches files

        watcher.poll_often(server, config, self.building)
        return server

    def cache(self, project: Path, part: str = "data", on_disk: bool = True) -> Cache:
        """A part of the project's cache; held in memory too while serving, from one rebuild to the next."""
        if (project, part) not in self._caches:
            self._caches[project, part] = Cache(project, in_memory=self.serving, part=part, on_disk=on_disk)
        return self._caches[project, part]


_current = Session()


def start(command: str, dirty: bool) -> None:
    """The session of this process, from MkDocs' on_startup (a build without it is a plain `build`)."""
    global _current
    _current = Session(command, dirty)
    if dirty:
        quiet_dirty_warning()


def current() -> Session:
    return _current
