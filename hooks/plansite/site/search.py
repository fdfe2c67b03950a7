"""Search with Pagefind: the address of each audience's search page, what a page is found by, and the index.

The index is a folder of small files written beside the site after the build; a page loads none
of it until someone searches, and then only the parts the words need.
"""

from __future__ import annotations

import concurrent.futures
import json
import shutil
import time
from pathlib import Path

from .. import model as m
from ..addresses import url_of
from ..catalogue import Catalogue
from ..views import PageView
from ..views.search import search_filters, search_path
from .pagefind_client import PagefindService

BUNDLE = "pagefind"
# Parts of a page that are there to find one's way, not what the page says; and on an article's
# page the plans' items that cite it, which are found on their plans' own pages (at a thousand
# plans they would make each article page the biggest thing in the index, found for every word).
NOT_INDEXED = [".ps-switch", ".ps-help", ".ps-contents", ".ps-pager", ".ps-facts", ".md-skip", ".ps-plan-items"]


class SearchIndexError(Exception):
    """Pagefind could not index the site."""


def search_url(audience: str) -> str:
    """The URL (from the site root) of the search page for a page's audience."""
    return url_of(search_path(m.Audience(audience)))


def filters_for(view: PageView | None, url: str, catalogue: Catalogue) -> list[tuple[str, str]] | None:
    """The filters a page is indexed with, or None for a page that is not indexed: the search pages,
    and an article's page 2, 3... (the article is found by its first page, the items on their plans')."""
    if view is not None and (view.template == "pages/search.html" or getattr(view.context, "page_number", 1) > 1):
        return None
    return search_filters(view, url, catalogue)


def _settled(folder: Path, seconds: float = 60, interval: float = 0.01) -> None:
    """Wait until Pagefind has finished writing: its entry file is whole and no file is empty or
    still growing between two looks.

    Pagefind answers 'written' before its files are all on disk; stopping it then leaves some empty.
    """
    last = None
    for _ in range(int(seconds / interval)):
        sizes = [(f, f.stat().st_size) for f in sorted(folder.rglob("*")) if f.is_file()]
        try:
            json.loads((folder / "pagefind-entry.json").read_text(encoding="utf-8"))
            whole = all(size for _, size in sizes)
        except (OSError, ValueError):
            whole = False
        if whole and sizes == last:
            return
        last = sizes
        time.sleep(interval)
    raise SearchIndexError(f"Pagefind did not finish writing {folder} in {seconds:.0f} s")


BODY = "<div data-pagefind-body>"


def indexed_part(html: str) -> str:
    """A page cut down to what Pagefind reads of it: the part marked data-pagefind-body, which
    main.html puts last in Material's <article>, the page's outermost and last. Pagefind then
    parses a fifth less."""
    start = html.find(BODY)
    end = html.rfind("</article>")
    if start < 0 or end < 0:
        return html
    end = html.rindex("</div>", start, end) + len("</div>")
    return f'<!doctype html><html lang="en-GB"><body>{html[start:end]}</body></html>'


PARTS_LIST = "parts.json"
# Pagefind holds every word of its index in memory until it writes it: about 17 bytes for each
# character of page it is given. The index is written in parts of at most this many characters
# (about 200 MB of Pagefind's memory each: while one part is written the next one fills, beside
# the build and its forks); the search page merges them. The seven real plans make one part; a
# thousand plans, six.
PART_SIZE = 12_000_000


class _Part:
    """One part of the index: a Pagefind service of its own, and the pages given to it."""

    def __init__(self, staging: Path, name: str) -> None:
        self.name, self.folder = name, staging / name
        self.service = PagefindService({"exclude_selectors": NOT_INDEXED, "force_language": "en"})
        self.pending: list[concurrent.futures.Future] = []
        self.size = 0

    def add(self, url: str, html: str) -> None:
        self.pending.append(self.service.add_page(url, html))
        self.size += len(html)

    def write(self) -> int:
        """Wait for every page, write the part, stop its Pagefind; returns the pages with words."""
        try:
            count = sum(
                1 for page in (future.result(timeout=300) for future in self.pending) if page["page_word_count"]
            )
            self.service.write(self.folder)
            _settled(self.folder)
            return count
        finally:
            self.service.close()


class PagesIndexer:
    """Pagefind indexing pages while the build writes them, so that it works on another core.

    add() hands Pagefind a page and returns at once. When a part of the index is full it is
    written on a thread of its own while the next part fills, and its Pagefind stops, so that
    memory stays bounded however many plans there are. write() writes the last part, then puts the
    whole index in site_dir/pagefind: the first part there, the others in part-2/, part-3/...,
    listed in parts.json. Nothing is put in place unless every part was written.
    """

    def __init__(self, site_dir: str | Path, part_size: int = PART_SIZE) -> None:
        self.site_dir = Path(site_dir).resolve()
        self.part_size = part_size
        self._staging = self.site_dir / f".{BUNDLE}-partial"
        shutil.rmtree(self._staging, ignore_errors=True)
        self._writer = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="pagefind-write")
        self._parts: list[_Part] = []  # every part, in order
        self._filling: _Part | None = None  # the part pages go to now
        self._written: list[concurrent.futures.Future] = []

    def add(self, url: str, html: str) -> None:
        """Index one page, by its URL from the site root ('' for the home page)."""
        part = indexed_part(html)
        if self._filling is not None and self._filling.size + len(part) > self.part_size:
            self._finish_part()
        if self._filling is None:
            self._filling = _Part(self._staging, f"part-{len(self._parts) + 1}/" if self._parts else "")
            self._parts.append(self._filling)
        self._filling.add("/" + url, part)

    def _finish_part(self) -> None:
        self._written.append(self._writer.submit(self._filling.write))
        self._filling = None

    def write(self) -> int:
        """Write the index into site_dir/pagefind and stop Pagefind; returns the number of pages indexed."""
        try:
            if self._filling is not None:
                self._finish_part()
            count = sum(future.result() for future in self._written)
            if not count:
                raise SearchIndexError("no page has a part marked data-pagefind-body")
            more = [part.name for part in self._parts[1:]]
            (self._staging / PARTS_LIST).write_text(json.dumps(more), encoding="utf-8")
        except SearchIndexError:
            self.close()
            raise
        except Exception as error:  # noqa: BLE001 - whatever stopped Pagefind, there is no search
            self.close()
            raise SearchIndexError(f"{type(error).__name__}: {error}") from error
        final = self.site_dir / BUNDLE
        shutil.rmtree(final, ignore_errors=True)
        self._staging.rename(final)
        self._writer.shutdown()
        return count

    def close(self) -> None:
        """Stop Pagefind and leave nothing behind (also when the build failed)."""
        for part in self._parts:
            part.service.close()
        self._writer.shutdown(wait=True, cancel_futures=True)
        shutil.rmtree(self._staging, ignore_errors=True)
