"""The young-people version has its own identity: its own menu, colours, cards said once, no jargon."""

from __future__ import annotations

import dataclasses
import html as entities
import posixpath
import re

import pytest
from plan_files import shared_cache
from plansite.catalogue import load_catalogue
from plansite.views import young_plan
from plansite.views.navigation import MENU_PLANS, young_people_menu
from plansite.views.young_cards import without_repeats
from project import CONTENT, DATA, FIXTURE_DATA, read
from test_build import SLUGS


@pytest.fixture(scope="module")
def catalogue():
    """The fixture data's plans: the tests that take it need their exact content."""
    return load_catalogue(FIXTURE_DATA, cache=shared_cache())


def menu_links(html: str) -> list[str]:
    nav = re.search(r'<nav class="md-nav md-nav--primary[^"]*"(.*?)</nav>', html, re.S).group(1)
    return re.findall(r'<a href="([^"]+)" class="md-nav__link', nav)


@pytest.mark.parametrize(
    "url",
    [
        "young-people/",
        "young-people/plans/occ-business-plan-2012-13",
        "young-people/uncrc/article-12",
        "young-people/glossary",
    ],
)
def test_the_young_people_menu_lists_young_people_pages_and_one_way_back(site, url):
    html = read(site, url)
    assert 'aria-label="Pages for young people"' in html
    links = [posixpath.normpath(posixpath.join(url.rstrip("/") + "/", link)) for link in menu_links(html)]
    adult = [link for link in links if not link.startswith("young-people")]
    assert len(adult) == 1, adult  # "The site for adults"
    from plansite.views.navigation import MENU_PLANS

    plans = len(load_catalogue(DATA, cache=shared_cache()).plans)
    named = plans if plans <= MENU_PLANS else 0  # past MENU_PLANS, "Start here" leads to them instead
    assert len(links) == 5 + named  # start, every plan (when few), rights, words, privacy, adults' site


def test_the_adult_menu_is_materials_own(site):
    html = read(site, "plans/occ-business-plan-2012-13")
    assert 'aria-label="Pages for young people"' not in html
    assert 'aria-label="Navigation"' in html


def test_the_menu_names_each_plan_in_young_peoples_words(catalogue):
    groups = young_people_menu(catalogue)
    titles = [link.title for group in groups for link in group.links]
    assert "The Children's Commissioner's plan for 2012 to 2013" in titles
    assert not any("Business Plan" in t for t in titles)


def young_parts(catalogue, slug):
    plan = catalogue.plan(slug).plan
    return without_repeats(plan, young_plan.parts(plan, has_rights=True, has_progress=False))


def test_a_list_repeating_earlier_priorities_is_folded_into_it(catalogue):
    plans = next(p for p in young_parts(catalogue, "occ-business-plan-2012-13") if p.kind == "plans")
    assert [listed.heading for listed in plans.lists] == ["Our main goals"]
    assert all(len([t for t in card.text.split("\n\n") if t]) == 2 for card in plans.lists[0].cards)


def test_a_heading_is_never_used_twice(catalogue):
    for slug in SLUGS:
        parts = young_parts(catalogue, slug)
        headings = [p.heading for p in parts] + [listed.heading for p in parts for listed in p.lists]
        assert len(headings) == len(set(headings)), (slug, headings)


@pytest.mark.parametrize("slug", SLUGS)
def test_no_heading_twice_on_a_young_people_plan_page(site, slug):
    # Icons may repeat: each one an editor chose is drawn (tests/site/test_filters_icons.py).
    html = read(site, f"young-people/plans/{slug}")
    main = html[html.index('<article class="ps-plan ps-young">') : html.index("</article>")]
    headings = [re.sub(r"<[^>]+>", "", h).strip() for h in re.findall(r"<h[2-4][^>]*>(.*?)</h[2-4]>", main, re.S)]
    assert len(headings) == len(set(headings)), headings


def test_the_young_people_home_page_has_no_jargon(site):
    html = read(site, "young-people")
    main = html[html.index("<article") : html.index("</article>")]
    main = entities.unescape(re.sub(r"<[^>]+>", " ", main))
    for word in ("Business plan", "Strategic plan", "Participation strategy", "2012-13", "Business Plan"):
        assert word not in main, word
    assert "The Children's Commissioner's plan for 2012 to 2013" in main


def test_the_young_people_colours_are_their_own():
    css = (CONTENT / "assets" / "young-people.css").read_text(encoding="utf-8")
    assert '[content="young-people"]' in css and "--md-primary-fg-color: #5b2a86" in css


def test_the_plans_own_who_we_are_stands_in_for_the_organisations_not_beside_it(site, catalogue):
    html = read(site, "young-people/plans/occ-business-plan-2012-13")
    main = html[html.index('<article class="ps-plan ps-young">') : html.index("</article>")]
    who = main[main.index('<h2 id="who">') : main.index('<h2 id="plans">')]
    first = catalogue.plan("occ-business-plan-2012-13").plan.sections[0]
    assert entities.unescape(re.sub(r"<[^>]+>", "", who)).count(first.young_people.text.split(".")[0]) == 1
    assert f'<h2 id="{first.id}">' not in main
    assert "Her team is called the Office" not in main


def test_with_many_plans_the_menu_names_none_and_points_to_the_list(catalogue):
    """Every young-people page carries the menu: a thousand plans in it would make each page huge."""
    many = dataclasses.replace(catalogue, plans=catalogue.plans * 2)
    links = [link for group in young_people_menu(many) for link in group.links]
    assert len(many.plans) > MENU_PLANS
    assert not any("/plans/" in link.path for link in links)
    assert links[0].title == "Start here: all the plans" and links[0].url == "young-people/"
    assert len(links) == 5
