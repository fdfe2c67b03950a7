"""Search with Pagefind: the address of each audience's search page, and the index (views/search.py: what a
page is found by).

The index is a folder of small files written beside the site after the build; a page loads none
of it until someone searches, and then only the parts the words need.
"""

from __future__ import annotations

import concurrent.futures
import hashlib
import json
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

from .. import model as m
from ..addresses import url_of
from ..views.search import search_path
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
# (about 240 MB of Pagefind's memory each: while one part is written the next one fills, beside
# the build and its forks); the search page merges them, and each part adds about 6 KB to a first
# search (at 10,000 plans, 55 parts). The seven real plans make one part.
PART_SIZE = 14_000_000
# A part also ends after a page whose address's digest is a multiple of this (one page in so many):
# where parts end then depends on the pages' addresses, not on what came before, so that an edit
# changes the parts holding the pages it changed, and a dirty build keeps the others as the last
# build wrote them. Shorter runs would keep more parts, but make more parts.
RUN = 6000
RECORD = ".plansite-search.json"
"""Beside the site (hidden, not published): what the last index took of each page (how many characters
and their digest) and which of its parts had nothing to index, for the next dirty build."""


def ends_a_run(url: str, run: int = RUN) -> bool:
    """Whether a part of the index ends after this page, whatever came before it."""
    return int(hashlib.sha256(url.encode()).hexdigest()[:12], 16) % run == 0


def _indexed_text(html: str) -> str:
    """What Pagefind is given of a page: its indexed part, or nothing for a page not indexed."""
    return indexed_part(html) if BODY in html else ""


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:32]


class _Part:
    """One part of the index: its pages (each address with the digest of what Pagefind is given of
    it) and, once it has a page to index, a Pagefind service of its own."""

    def __init__(self, staging: Path, first: bool) -> None:
        self.staging, self.first = staging, first
        self.members: list[tuple[str, str | None]] = []
        self.held: list[tuple[str, str | None]] = []  # (address, text, or None: read from the site) until it is known
        self.made_again = first  # whether the part is made again; the first always is: it holds Pagefind's scripts
        self.size = 0
        self.service: PagefindService | None = None
        self.pending: list[concurrent.futures.Future] = []
        self.name = ""

    @property
    def key(self) -> str:
        """The digest of the part: each page's address and the digest of its text."""
        return _digest("\n".join(f"{url} {digest}" for url, digest in self.members))

    def add(self, url: str, part: str) -> None:
        if self.service is None:
            self.service = PagefindService({"exclude_selectors": NOT_INDEXED, "force_language": "en"})
        self.pending.append(self.service.add_page(url, part))

    def write(self) -> int:
        """Wait for every page, write the part, stop its Pagefind; returns the pages with words.
        A part with nothing to index (but the first) writes nothing."""
        if self.service is None and not self.first:
            return 0
        if self.service is None:
            self.service = PagefindService({"exclude_selectors": NOT_INDEXED, "force_language": "en"})
        try:
            count = sum(
                1 for page in (future.result(timeout=300) for future in self.pending) if page["page_word_count"]
            )
            folder = self.staging / self.name
            self.service.write(folder)
            _settled(folder)
            return count
        finally:
            self.service.close()


def _pages_in(folder: Path) -> int:
    """The pages a part of the index that Pagefind wrote holds."""
    entry = json.loads((folder / "pagefind-entry.json").read_text(encoding="utf-8"))
    return sum(language["page_count"] for language in entry["languages"].values())


class PagesIndexer:
    """Pagefind indexing pages while the build writes them, so that it works on another core.

    `pages` are the addresses of every page of the build, in the order MkDocs writes them; a page
    not among them is added where it comes. add() hands Pagefind a page and returns at once. Pages
    go into parts in order: a part ends when full (`part_size` characters) or after a page that
    ends a run (`ends_a_run`). When a part ends it is written on a thread of its own while the next
    fills, and its Pagefind stops, so that memory stays bounded however many plans there are.

    With `keep_last` (a dirty build, into the folder of the build before), the pages the build
    does not draw again are read from the site, and only if their part is made again; a part of
    the same pages, each giving Pagefind the same text, is the part the last build wrote: it is
    kept, not made again. write() writes the last part, then puts the whole index in
    site_dir/pagefind: the first part there, the others in part-<digest of their pages>/, listed
    in parts.json. Nothing is put in place unless every part was written.
    """

    def __init__(
        self,
        site_dir: str | Path,
        pages: list[str] | None = None,
        keep_last: bool = False,
        part_size: int = PART_SIZE,
        run: int = RUN,
    ) -> None:
        self.site_dir = Path(site_dir).resolve()
        self.part_size, self.run, self.keep_last = part_size, run, keep_last
        self._pages = list(pages or [])
        self._position = {url: index for index, url in enumerate(self._pages)}
        self._next = 0  # the next of self._pages to go into a part
        self._staging = self.site_dir / f".{BUNDLE}-partial"
        shutil.rmtree(self._staging, ignore_errors=True)
        self._last = _last_index(self.site_dir) if keep_last else _LastIndex()
        self._taken: dict[str, tuple[int, str | None]] = {}  # each page's size and digest, for the record
        self._empty: list[str] = []  # keys of parts with nothing to index
        self._writer = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="pagefind-write")
        self._parts: list[_Part] = []  # every part made again, in order
        self._names: list[str] = []  # every part's name, in order
        self._kept: list[str] = []  # names of the last build's parts kept
        self._filling: _Part | None = None  # the part pages go to now
        self._written: list[concurrent.futures.Future] = []

    def add(self, url: str, html: str) -> None:
        """Index one page, by its URL from the site root ('' for the home page)."""
        position = self._position.get(url)
        if position is None or position < self._next:  # a page not announced: in the part filling
            self._take(url, html)
            return
        self._take_kept(position)  # the pages before it that this build does not draw again
        self._next += 1
        self._take(url, html)

    def _take_kept(self, until: int) -> None:
        """The pages this build does not draw again, in order, up to self._pages[until]."""
        while self._next < until:
            self._take(self._pages[self._next], None)
            self._next += 1

    def _take(self, url: str, html: str | None) -> None:
        """One page into the part filling: drawn (html), or not drawn again and as the site holds it."""
        if html is not None:
            text = _indexed_text(html)
            size, digest = len(text), _digest(text)
        else:
            text = None
            size, digest = self._last.pages.get(url, (0, None))
        if self._filling is not None and self._filling.size + size > self.part_size:
            self._finish_part()
        if self._filling is None:
            self._filling = _Part(self._staging, first=not self._names)
        part = self._filling
        part.members.append((url, digest))
        part.size += size
        self._taken[url] = (size, digest)
        part.held.append((url, text))
        if digest is None or not self.keep_last:  # nothing to keep: Pagefind starts on it at once
            part.made_again = True
        if part.made_again:
            self._give(part)
        if ends_a_run(url, self.run):
            self._finish_part()

    def _give(self, part: _Part) -> None:
        """A part's pages held so far handed to Pagefind, those not drawn again read from the site."""
        for url, text in part.held:
            if text is None:
                text = _indexed_text((self.site_dir / url / "index.html").read_text(encoding="utf-8"))
            if text:
                part.add("/" + url, text)
        part.held.clear()

    def _finish_part(self) -> None:
        part, self._filling = self._filling, None
        key = part.key
        part.name = "" if part.first else f"part-{key[:20]}/"
        self._names.append(part.name)
        if not part.made_again:
            if part.name in self._last.parts and (self.site_dir / BUNDLE / part.name).is_dir():
                self._kept.append(part.name)
                return
            if key in self._last.empty:
                self._empty.append(key)
                return
            self._give(part)
        self._parts.append(part)
        self._written.append(self._writer.submit(self._write_part, part, key))

    def _write_part(self, part: _Part, key: str) -> int:
        count = part.write()
        if part.service is None:
            self._empty.append(key)
        return count

    def write(self) -> int:
        """Write the index into site_dir/pagefind and stop Pagefind; returns the number of pages indexed."""
        final = self.site_dir / BUNDLE
        try:
            self._take_kept(len(self._pages))
            if self._filling is not None:
                self._finish_part()
            count = sum(future.result() for future in self._written)
            self._staging.mkdir(parents=True, exist_ok=True)
            for name in self._kept:
                count += _pages_in(final / name)
                (final / name).rename(self._staging / name)
            if not count:
                raise SearchIndexError("no page has a part marked data-pagefind-body")
            written = {part.name for part in self._parts if part.service is not None} | set(self._kept)
            listed = [name for name in self._names if name and name in written]
            (self._staging / PARTS_LIST).write_text(json.dumps(listed), encoding="utf-8")
        except SearchIndexError:
            self.close()
            raise
        except Exception as error:  # noqa: BLE001 - whatever stopped Pagefind, there is no search
            self.close()
            raise SearchIndexError(f"{type(error).__name__}: {error}") from error
        shutil.rmtree(final, ignore_errors=True)
        self._staging.rename(final)
        self._writer.shutdown()
        record = {"pages": self._taken, "empty": sorted(set(self._empty))}
        (self.site_dir / RECORD).write_text(json.dumps(record), encoding="utf-8")
        return count

    def close(self) -> None:
        """Stop Pagefind and leave nothing behind (also when the build failed)."""
        for part in self._parts + ([self._filling] if self._filling else []):
            if part.service is not None:
                part.service.close()
        self._writer.shutdown(wait=True, cancel_futures=True)
        shutil.rmtree(self._staging, ignore_errors=True)


@dataclass
class _LastIndex:
    """What the last build's index held: its parts, and the record beside it."""

    parts: set[str] = field(default_factory=set)
    pages: dict[str, tuple[int, str]] = field(default_factory=dict)
    empty: set[str] = field(default_factory=set)


def _last_index(site_dir: Path) -> _LastIndex:
    try:
        record = json.loads((site_dir / RECORD).read_text(encoding="utf-8"))
        parts = json.loads((site_dir / BUNDLE / PARTS_LIST).read_text(encoding="utf-8"))
        pages = {url: (int(size), str(digest)) for url, (size, digest) in record["pages"].items()}
        return _LastIndex(set(parts), pages, set(record["empty"]))
    except (OSError, ValueError, KeyError, TypeError):
        return _LastIndex()
