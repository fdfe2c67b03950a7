"""A plan's Contents: a plan that numbers its own sections keeps its numbers and gets none added."""

from __future__ import annotations

import html as entities
import re

import pytest
from plan_files import shared_cache
from plansite.catalogue import load_catalogue
from plansite.views.plans import numbers_its_sections
from project import FIXTURE_DATA, read


@pytest.fixture(scope="module")
def fixture_catalogue():
    return load_catalogue(FIXTURE_DATA, cache=shared_cache())


def test_a_plan_that_numbers_its_parts_is_told_from_one_that_does_not(fixture_catalogue):
    assert numbers_its_sections(fixture_catalogue.plan("cumberland-participation-strategy-2024-27").plan)
    assert numbers_its_sections(fixture_catalogue.plan("occ-participation-strategy-2014-15").plan)  # "Section 1 – "
    assert not numbers_its_sections(fixture_catalogue.plan("occ-business-plan-2012-13").plan)


def contents_of(page: str) -> str:
    nav = page[page.index('<nav class="ps-contents"') :]
    return nav[: nav.index("</nav>")]


def test_the_contents_of_every_plan_page_numbers_its_sections_once(site):
    for file in sorted((site / "plans").glob("*/index.html")):
        if 'class="ps-contents"' not in (page := file.read_text(encoding="utf-8")):
            continue
        nav = contents_of(page)
        titles = [entities.unescape(t) for t in re.findall(r'<li><a href="#[^"]+">(.*?)</a></li>', nav)]
        numbered_by_the_plan = any(
            re.match(r"\s*(\d{1,2}(\.\d+)*[.):]?|part one|section \d+)\s", t, re.I) for t in titles
        )
        if numbered_by_the_plan:
            assert "<ul>" in nav and "<ol>" not in nav, file.parent.name
    assert (
        "<ul>" in contents_of(read(site, "plans/cumberland-participation-strategy-2024-27"))
        or not (site / "plans" / "cumberland-participation-strategy-2024-27").exists()
    )
