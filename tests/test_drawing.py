"""Generated pages drawn ahead by forks of the build (`mkdocs build`): the same bodies as drawn in
the build's own process, handed out in whatever order MkDocs asks, and no fork left behind."""

from __future__ import annotations

import multiprocessing
import time
from types import SimpleNamespace

import pytest
from conftest import ROOT
from mkdocs.config import load_config
from plansite.catalogue import load_catalogue
from plansite.site.links import ids_and_links, on_site_links
from plansite.site.pages import GeneratedPages
from project import DATA


@pytest.fixture(scope="module")
def config():
    return load_config(str(ROOT / "mkdocs.yml"))


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue(DATA)


def _pages(catalogue, config) -> GeneratedPages:
    pages = GeneratedPages(catalogue)
    pages.set_environment(config.theme.get_env())
    return pages


def _page(path: str) -> SimpleNamespace:
    """What body() needs of an MkDocs page: its file's path among the docs."""
    return SimpleNamespace(file=SimpleNamespace(src_uri=path))


def _no_forks_left(seconds: float = 10) -> bool:
    deadline = time.monotonic() + seconds
    while multiprocessing.active_children():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def test_bodies_drawn_ahead_are_the_bodies_drawn_here(catalogue, config) -> None:
    here = _pages(catalogue, config)
    ahead = _pages(catalogue, config)
    ahead.draw_ahead(config, processes=2)
    paths = list(ahead.views)
    assert len(paths) > 100
    # MkDocs may ask in another order than the forks drew: last first, then the rest.
    for path in [paths[-1], *paths[:-1]]:
        html, ids, on_site = ahead.body(_page(path), config)
        expected = here.draw(here.views[path], config)
        assert html == expected, path
        expected_ids, hrefs = ids_and_links(expected)
        assert (ids, on_site) == (expected_ids, on_site_links(here.views[path].url, hrefs)), path
        assert on_site, path  # every generated page links to another
    assert _no_forks_left(), "the forks stay once every page is drawn"


def test_a_hand_written_page_has_no_generated_body(catalogue, config) -> None:
    assert _pages(catalogue, config).body(_page("accessibility.md"), config) is None


def test_a_failed_build_stops_the_forks(catalogue, config) -> None:
    pages = _pages(catalogue, config)
    pages.draw_ahead(config, processes=2)
    assert multiprocessing.active_children()
    pages.stop_drawing()
    assert _no_forks_left()
    # A page asked for after that is drawn here, not lost.
    path = next(iter(pages.views))
    assert pages.body(_page(path), config)[0] == pages.draw(pages.views[path], config)
