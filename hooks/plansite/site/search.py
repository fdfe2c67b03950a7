"""Search with Pagefind: the address of each audience's search page, what a page is found by, and the index.

The index is a folder of small files written beside the site after the build; a page loads none
of it until someone searches, and then only the parts the words need.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from .. import model as m
from ..catalogue import Catalogue
from ..paths import url_of
from ..views import PageView
from ..views.search import search_filters, search_path

BUNDLE = "pagefind"
# Parts of a page that are there to find one's way, not what the page says.
NOT_INDEXED = [".ps-switch", ".ps-help", ".ps-contents", ".ps-pager", ".md-skip"]


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


async def _index(site_dir: Path) -> int:
    from pagefind.index import IndexConfig, PagefindIndex

    config = IndexConfig(exclude_selectors=NOT_INDEXED, force_language="en", output_path=str(site_dir / BUNDLE))
    async with PagefindIndex(config=config) as index:
        found = await index.add_directory(str(site_dir))
        if not found["page_count"]:
            raise SearchIndexError("no page has a part marked data-pagefind-body")
        return found["page_count"]


def index_site(site_dir: str | Path) -> int:
    """Index the built site into site_dir/pagefind; returns the number of pages indexed."""
    try:
        return asyncio.run(_index(Path(site_dir).resolve()))
    except SearchIndexError:
        raise
    except Exception as error:  # noqa: BLE001 - Pagefind's service raises many kinds; all mean no search
        raise SearchIndexError(f"{type(error).__name__}: {error}") from error
