"""Generated pages' bodies (plansite/site/drawing.py): the same whether drawn by forks or here."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.config import load_config
from plan_files import shared_cache
from plansite.catalogue import load_catalogue
from plansite.site.drawing import Drawing, draw_body
from plansite.site.link_check import ids_and_links, on_site_links
from plansite.site.pages import GeneratedPages
from plansite.tasks import ParallelTasks, SerialTasks
from project import FIXTURE_DATA

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def config():
    return load_config(str(ROOT / "mkdocs.yml"))


@pytest.fixture(scope="module")
def pages():
    return GeneratedPages(load_catalogue(FIXTURE_DATA, cache=shared_cache()))


@pytest.fixture(scope="module")
def drawing(config, pages):
    return Drawing(config.theme.get_env(), pages.catalogue, None)


def test_bodies_drawn_by_forks_are_the_bodies_drawn_here(config, pages, drawing) -> None:
    views = list(pages.views.values())
    assert len(views) > 100
    tasks = ParallelTasks(2)
    forked = tasks.ahead(draw_body, views, drawing, config)
    here = SerialTasks().ahead(draw_body, views, drawing, config)
    # MkDocs may ask in another order than the forks drew: last first, then the rest.
    for index in [len(views) - 1, *range(len(views) - 1)]:
        assert forked.take(index) == here.take(index), views[index].path
    tasks.close()


def test_a_body_comes_with_its_ids_and_links_to_the_site(config, pages, drawing) -> None:
    view = next(v for v in pages.views.values() if v.template == "pages/plan.html")
    body = draw_body(view, drawing, config)
    ids, hrefs = ids_and_links(body.html)
    assert body.ids == ids and body.links == on_site_links(view.url, hrefs)
    assert body.links  # every generated page links to another
    assert body.html == drawing.html(view, config)
