"""Generated pages as MkDocs files, drawn by our templates with autoescaping on.

This is the only module that imports MkDocs. MkDocs' own Jinja environment does not escape
values, so our pages are drawn in an overlay of it with autoescape on: a value from the data
can only reach the page as HTML through the `prose` filter, which sanitises it.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import zlib
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

import jinja2
import yaml
from markupsafe import escape
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from ..catalogue import Catalogue
from ..forks import batches, forks_for
from ..paths import audience_of, base_of
from ..views import PageView, all_pages, redirects
from ..views.navigation import young_people_menu
from . import progress_filters
from .filters import HEADING_ICONS, Filters
from .links import SiteLinks, ids_and_links, on_site_links

# libyaml's writer when PyYAML has it: the same text, written faster.
SAFE_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class GeneratedPages:
    """The pages made from data, as MkDocs files and as HTML."""

    def __init__(self, catalogue: Catalogue):
        self.catalogue = catalogue
        self.views: dict[str, PageView] = {view.path: view for view in all_pages(catalogue)}
        self.filters = Filters(catalogue)
        self.young_people_menu = young_people_menu(catalogue)
        self.env: jinja2.Environment | None = None
        self._drawn: dict[str, tuple[bytes, set[str], SiteLinks]] = {}  # see _drawn_body
        self._pending: dict[str, Future] = {}  # pages being drawn ahead, by path: their batch's drawing
        self._forks: ProcessPoolExecutor | None = None
        self._batches: list[Future] = []  # in the order they were handed to the forks
        self._nav_titles: dict[str, str | None] = {}  # the pages in the nav, with the titles it gives them

    def files(self, config) -> list[File]:
        """Generated pages, and a redirect page at each old address of a renamed plan.

        Pages outside the nav say so (NOT_IN_NAV), so that MkDocs does not log a line for each.
        """
        in_nav = _nav_titles(config)
        files = []
        for view in self.views.values():
            meta = {"title": view.title, "description": view.description}
            if view.template == "pages/plan.html":
                meta["hide"] = ["toc"]  # the plan has its own contents list; its tables get the width
            front = yaml.dump(meta, Dumper=SAFE_DUMPER, allow_unicode=True)
            file = _generated(config, view.path, f"---\n{front}---\n", view.path in in_nav)
            if view.path not in in_nav:  # MkDocs gives a page in the nav its title from there
                DrawnPage(None, file, config)
            files.append(file)
        template = self.env.get_template("pages/redirect.html")
        for redirect in redirects(self.catalogue):
            target = base_of(redirect.path.removesuffix("index.html")) + redirect.target
            html = template.render(target=target, title=redirect.title, audience=audience_of(redirect.path).value)
            files.append(_generated(config, redirect.path, html, in_nav=False))
        return files

    def set_environment(self, env: jinja2.Environment) -> None:
        """Our templates use the theme's loader, with autoescape on and our filters."""
        self.env = env.overlay(autoescape=True)
        # An overlay shares its parent's filter and global dicts; copy them so Material's stay untouched.
        self.env.filters = dict(env.filters)
        self.env.globals = dict(env.globals)
        self.filters.install(self.env)
        progress_filters.install(self.env)

    def view_for(self, page: Page) -> PageView | None:
        return self.views.get(page.file.src_uri)

    def set_toc(self, page: Page) -> bool:
        """Give MkDocs a generated page's table of contents; False for a hand-written page."""
        view = self.view_for(page)
        if view is None or self.env is None:
            return False
        page.toc = get_toc(
            [
                {"level": level, "id": anchor, "name": str(escape(name)), "children": []}
                for level, anchor, name in view.toc
            ]
        )
        return True

    def body(self, page: Page, config) -> tuple[str, set[str], SiteLinks] | None:
        """A generated page's body when its template is drawn, with the ids in it and the links it
        makes (site/links.py); None for a hand-written page.

        A body drawn ahead by a fork is waited for if it is not ready yet; any other is drawn now.
        """
        view = self.view_for(page)
        if view is None:
            return None
        if view.path not in self._drawn and view.path in self._pending:
            for path, drawn in self._pending[view.path].result().items():
                self._drawn[path] = drawn
                del self._pending[path]
            self._let_idle_forks_go()
        drawn = self._drawn.pop(view.path, None)
        if drawn is None:
            html = self.draw(view, config)
            return html, *_ids_and_site_links(html, view.url)
        packed, ids, links = drawn
        return _unpacked(packed), ids, links

    def draw(self, view: PageView, config) -> str:
        template = self.env.get_template(view.template)
        return template.render(
            view=view,
            base=base_of(view.url),
            config=config,
            terms_seen=set(),
            icons_seen=set(HEADING_ICONS),
            ids_given=set(),
            **view.context,
        )

    def draw_ahead(self, config, processes: int) -> None:
        """Start drawing every page's body in forks of this process, in the order MkDocs draws its
        pages: MkDocs goes on with its own work meanwhile, and body() waits for a page only if its
        fork has not reached it yet.

        For `mkdocs build` only: a fork must not be taken while other threads run (forks.py). All
        the forks are taken here, at the first batch.
        """
        paths = list(self.views)
        if processes < 2 or len(paths) < PAGES_WORTH_SHARING:
            return
        self._nav_titles = _nav_titles(config)
        global _DRAWING
        _DRAWING = (self, config)
        try:
            self._forks = forks_for(processes)
            for batch in batches(paths, 20):
                future = self._forks.submit(_draw_batch, batch)
                self._batches.append(future)
                self._pending.update(dict.fromkeys(batch, future))
        finally:
            _DRAWING = None  # the forks have their own copy

    def hand_over_drawn(self, drawn: Callable[[PageView, str, str], None]) -> None:
        """drawn(view, title, body) for each page drawn ahead, with the title MkDocs gives it (the
        nav's, or its own), as soon as its fork hands it back: on another thread, in no set order.
        A page drawn() fails on is left to go the way of every page, when MkDocs writes it."""

        def hand_over(batch: Future) -> None:
            if batch.cancelled() or batch.exception() is not None:
                return
            for path, (packed, _, _) in batch.result().items():
                view = self.views[path]
                with contextlib.suppress(Exception):
                    drawn(view, self._nav_titles.get(path) or view.title, _unpacked(packed))

        for batch in self._batches:
            batch.add_done_callback(hand_over)

    def _let_idle_forks_go(self) -> None:
        """Once every page is drawn, the forks stop (each holds a copy of much of this process's
        memory); the drawings not yet asked for wait in their futures."""
        if self._forks is not None and all(batch.done() for batch in self._batches):
            self._forks.shutdown(wait=False)
            self._forks = None

    def stop_drawing(self) -> None:
        """Let the forks go: at the end of the build, or when it fails (drawings not started are dropped)."""
        if self._forks is not None:
            self._forks.shutdown(cancel_futures=True)
            self._forks = None
        self._pending.clear()
        self._batches.clear()


# Below this many pages, starting other processes costs more than it saves.
PAGES_WORTH_SHARING = 60
_DRAWING: tuple[GeneratedPages, object] | None = None


def _draw_batch(paths: list[str]) -> dict[str, tuple[bytes, set[str], SiteLinks]]:
    """The bodies of some pages, drawn in a fork (see draw_ahead)."""
    pages, config = _DRAWING
    return {path: _drawn_body(pages.draw(pages.views[path], config), pages.views[path].url) for path in paths}


def _drawn_body(html: str, url: str) -> tuple[bytes, set[str], SiteLinks]:
    """A body as it waits for its page to be drawn: compressed, with the ids and links read from it
    (by the fork that drew it, when drawn ahead)."""
    return _packed(html), *_ids_and_site_links(html, url)


def _ids_and_site_links(html: str, url: str) -> tuple[set[str], SiteLinks]:
    ids, hrefs = ids_and_links(html)
    return ids, on_site_links(url, hrefs)


def _packed(html: str) -> bytes:
    """A page's body as it waits to be drawn: a seventh of its size (zlib's fastest level)."""
    return zlib.compress(html.encode("utf-8"), 1)


def _unpacked(packed: bytes) -> str:
    return zlib.decompress(packed).decode("utf-8")


class DrawnPage(Page):
    """A generated page outside the nav. Its source is only its title and description, and its
    body is drawn by our templates (GeneratedPages.body), so MkDocs has no Markdown to convert."""

    def render(self, config, files) -> None:
        self.content = ""


def written_output(config, path: str, content: bytes) -> File:
    """A download or feed written straight into the built site, as MkDocs lets plugins do (it
    skips copying a file onto itself): no file's content waits in memory for the end of the build."""
    written = Path(config.site_dir, path)
    written.parent.mkdir(parents=True, exist_ok=True)
    written.write_bytes(content)
    return File.generated(config, path, abs_src_path=str(written))


# Where a fork writes the downloads and feeds of `mkdocs build` while the build goes on: inside the
# site, so that moving them into place is a rename, and hidden, so that MkDocs' cleaning of the site
# folder (which skips hidden names) leaves it alone.
OUTPUTS_STAGING = ".plansite-outputs"


def moved_outputs(config, paths: list[str]) -> list[File]:
    """Downloads and feeds a fork wrote into OUTPUTS_STAGING, moved into the built site."""
    staging = Path(config.site_dir, OUTPUTS_STAGING)
    _move_into(staging, Path(config.site_dir))
    shutil.rmtree(staging, ignore_errors=True)
    return [File.generated(config, path, abs_src_path=str(Path(config.site_dir, path))) for path in paths]


def _move_into(source: Path, target: Path) -> None:
    """Every entry of source moved into target (a rename each), into folders already there too."""
    target.mkdir(parents=True, exist_ok=True)
    for entry in source.iterdir():
        destination = target / entry.name
        if entry.is_dir() and destination.is_dir():
            _move_into(entry, destination)
        else:
            os.replace(entry, destination)


def written_page_urls(files) -> set[str]:
    """The URL of every page `mkdocs build` writes, as page.url gives it ('' for the home page)."""
    return {
        page.url
        for page in (file.page for file in files.documentation_pages(inclusion=InclusionLevel.is_included))
        if page
    }


def _generated(config, path: str, content: str, in_nav: bool) -> File:
    inclusion = InclusionLevel.UNDEFINED if in_nav else InclusionLevel.NOT_IN_NAV
    return File.generated(config, path, content=content, inclusion=inclusion)


def _nav_titles(config) -> dict[str, str | None]:
    """The source paths the nav of mkdocs.yml names, with the title it gives each (or None)."""
    found: dict[str, str | None] = {}

    def visit(entry, title: str | None = None) -> None:
        if isinstance(entry, str):
            found[entry] = title
        elif isinstance(entry, dict):
            for key, value in entry.items():
                visit(value, key)
        elif isinstance(entry, list):
            for value in entry:
                visit(value)

    visit(config.nav or [])
    return found
