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
from ..catalogue import Catalogue
from ..paths import url_of
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
    """The filters a page is indexed with, or None for a page that is not indexed (the search pages)."""
    if view is not None and view.template == "pages/search.html":
        return None
    return search_filters(view, url, catalogue)


def _settled(folder: Path, seconds: float = 60) -> None:
    """Wait until Pagefind has finished writing: its entry file is whole and no file is still growing.

    Pagefind answers 'written' before its files are all on disk; stopping it then leaves some empty.
    """
    last = None
    for _ in range(int(seconds / 0.05)):
        sizes = [(f, f.stat().st_size) for f in sorted(folder.rglob("*")) if f.is_file()]
        try:
            json.loads((folder / "pagefind-entry.json").read_text(encoding="utf-8"))
            whole = all(size for _, size in sizes)
        except (OSError, ValueError):
            whole = False
        if whole and sizes == last:
            return
        last = sizes
        time.sleep(0.05)
    raise SearchIndexError(f"Pagefind did not finish writing {folder} in {seconds:.0f} s")


def _written_in_place(site_dir: Path, write) -> int:
    """Run write(folder) into a folder beside site_dir/pagefind and put it in place only when whole:
    a failed indexing leaves no search folder behind. Returns what write returns (pages indexed)."""
    partial, final = site_dir / f".{BUNDLE}-partial", site_dir / BUNDLE
    shutil.rmtree(partial, ignore_errors=True)
    try:
        count = write(partial)
        if not count:
            raise SearchIndexError("no page has a part marked data-pagefind-body")
        _settled(partial)
    except SearchIndexError:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    except Exception as error:  # noqa: BLE001 - whatever stopped Pagefind, there is no search
        shutil.rmtree(partial, ignore_errors=True)
        raise SearchIndexError(f"{type(error).__name__}: {error}") from error
    shutil.rmtree(final, ignore_errors=True)
    partial.rename(final)
    return count


BODY = '<div data-pagefind-body>'


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


class PagesIndexer:
    """Pagefind indexing pages while the build writes them, so that it works on the second core.

    add() hands Pagefind a page and returns at once; write() waits until every page is indexed,
    then writes the index.
    """

    def __init__(self) -> None:
        self.service = PagefindService({"exclude_selectors": NOT_INDEXED, "force_language": "en"})
        self._pending: list[concurrent.futures.Future] = []

    def add(self, url: str, html: str) -> None:
        """Index one page, by its URL from the site root ('' for the home page)."""
        self._pending.append(self.service.add_page("/" + url, indexed_part(html)))

    def write(self, site_dir: str | Path) -> int:
        """Write the index into site_dir/pagefind and stop Pagefind; returns the number of pages indexed."""

        def write(partial: Path) -> int:
            count = sum(1 for page in (future.result(timeout=300) for future in self._pending) if page["page_word_count"])
            self.service.write(partial)
            return count

        try:
            return _written_in_place(Path(site_dir).resolve(), write)
        finally:
            self.close()

    def close(self) -> None:
        """Stop Pagefind (also when the build failed)."""
        self.service.close()
