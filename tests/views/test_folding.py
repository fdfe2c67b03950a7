"""Long plan pages fold their long sections; short plans and first sections never fold."""

from __future__ import annotations

import re

import pytest
from plan_files import shared_cache
from plansite.catalogue import load_catalogue
from plansite.views.folding import folded_sections
from project import FIXTURE_DATA, read


@pytest.fixture(scope="module")
def site(fixture_site):
    """These tests read known pages of known plans: the fixture data's site."""
    return fixture_site


def test_a_long_plan_folds_its_long_sections_and_those_with_tables_but_never_the_first():
    catalogue = load_catalogue(FIXTURE_DATA, cache=shared_cache())
    business = catalogue.plan("occ-business-plan-2012-13").plan
    folded = folded_sections(business)
    assert {"introduction", "strategic-aims", "budget", "delivery", "projects"} <= set(folded)
    assert business.sections[0].id not in folded and "vision" not in folded
    assert folded["delivery"].endswith("and a table") and folded["projects"].startswith("about 2,")
    assert folded_sections(catalogue.plan("scb-business-plan-2009-10").plan) == {}


def test_a_folded_section_keeps_its_heading_in_view_and_its_content_in_the_page(site):
    html = read(site, "plans/occ-business-plan-2012-13")
    assert re.search(r'<h2 id="projects">[^<]*</h2>\s*<details class="ps-fold"><summary>', html)
    assert 'id="sp1-1"' in html  # links from article pages still find their target
    assert 'data-fold="print"' in html and "Back to contents" in html
    assert "<details" not in read(site, "plans/scb-business-plan-2009-10").split("<article", 1)[1]
