"""Search with Pagefind: the address of each audience's search page, what a page is found by, and the index.

The index is a folder of small files written beside the site after the build; a page loads none
of it until someone searches, and then only the parts the words need.
"""

from __future__ import annotations

import asyncio
import json
import shutil
from pathlib import Path

from .. import model as m
from ..catalogue import Catalogue
from ..paths import url_of
from ..views import PageView
from ..views.search import search_filters, search_path

BUNDLE = "pagefind"
# Parts of a page that are there to find one's way, not what the page says.
NOT_INDEXED = [".ps-switch", ".ps-help", ".ps-contents", ".ps-pager", ".ps-facts", ".md-skip"]


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


async def _settled(folder: Path, seconds: float = 60) -> None:
    """Wait until Pagefind has finished writing: its entry file is whole and no file is still growing.

    Pagefind answers 'written' before its files are all on disk; stopping it then leaves some empty.
    """
    last = None
    for _ in range(int(seconds / 0.1)):
        files = sorted(folder.rglob("*"))
        sizes = [(f, f.stat().st_size) for f in files if f.is_file()]
        try:
            json.loads((folder / "pagefind-entry.json").read_text(encoding="utf-8"))
            whole = all(size for _, size in sizes)
        except (OSError, ValueError):
            whole = False
        if whole and sizes == last:
            return
        last = sizes
        await asyncio.sleep(0.1)
    raise SearchIndexError(f"Pagefind did not finish writing {folder} in {seconds:.0f} s")


async def _index(site_dir: Path, output: Path) -> int:
    from pagefind.index import IndexConfig
    from pagefind.service import PagefindService

    config = IndexConfig(exclude_selectors=NOT_INDEXED, force_language="en")
    service = await PagefindService().launch()
    try:
        index = await service.create_index(config)
        found = await index.add_directory(str(site_dir))
        if not found["page_count"]:
            raise SearchIndexError("no page has a part marked data-pagefind-body")
        await index.write_files(output_path=str(output))
        await _settled(output)
        return found["page_count"]
    finally:
        await service.close()


def index_site(site_dir: str | Path) -> int:
    """Index the built site into site_dir/pagefind; returns the number of pages indexed.

    The index is written beside it first and put in place only when whole: a failed indexing
    leaves no search folder behind.
    """
    site_dir = Path(site_dir).resolve()
    partial, final = site_dir / f".{BUNDLE}-partial", site_dir / BUNDLE
    shutil.rmtree(partial, ignore_errors=True)
    try:
        count = asyncio.run(_index(site_dir, partial))
    except SearchIndexError:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    except Exception as error:  # noqa: BLE001 - Pagefind's service raises many kinds; all mean no search
        shutil.rmtree(partial, ignore_errors=True)
        raise SearchIndexError(f"{type(error).__name__}: {error}") from error
    shutil.rmtree(final, ignore_errors=True)
    partial.rename(final)
    return count
