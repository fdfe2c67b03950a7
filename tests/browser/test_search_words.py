"""Search in its readers' words: young people's filters in their titles, results without page
furniture, titles bigger than passages, and on a phone the adults' filters folded."""

from __future__ import annotations

import re

import pytest
from project import DATA

pytest.importorskip("playwright.sync_api")

pytestmark = pytest.mark.browser

FURNITURE = (
    "Back to contents",
    "ShowHide",
    "Show this section",
    "Back to the table",
    "Need help now",
    "Call Childline",
)


@pytest.fixture(scope="module")
def catalogue():
    from plansite.catalogue import load_catalogue

    return load_catalogue(DATA)


def options(page, select: str) -> list[tuple[str, str]]:
    return page.eval_on_selector_all(f"{select} option", "os => os.map(o => [o.value, o.textContent.trim()])")


def test_young_peoples_filters_name_plans_and_rights_in_their_words_and_never_none(browser, server, catalogue):
    page = browser.new_page()
    page.goto(server + "young-people/search/")
    plans = dict(options(page, "#ps-filter-plan"))
    young_titles = {p.plan.young_people.title for p in catalogue.plans if p.plan.young_people}
    assert young_titles <= set(plans.values())
    assert not any(p.plan.title in plans.values() for p in catalogue.plans if p.plan.young_people)
    articles = options(page, "#ps-filter-article")[1:]
    assert [words.split(": ", 1)[1] for _, words in articles] == [
        a.young_people.title for a in catalogue.convention.articles
    ]
    text = page.evaluate("() => document.querySelector('main').textContent")
    assert not re.search(r"\bNone\b", text)
    page.close()
    adult = browser.new_page()
    adult.goto(server + "search/")
    assert not re.search(r"\bNone\b", adult.evaluate("() => document.querySelector('main').textContent"))
    adult.close()


def test_the_young_search_page_reads_at_grade_6_or_below_with_its_filters_open(browser, server):
    """Every line the page shows, its filters' choices included, measured as the reading check measures."""
    from plansite.check.reading import MAX_PAGE_GRADE, measure

    page = browser.new_page()
    page.goto(server + "young-people/search/")
    page.evaluate("() => document.querySelectorAll('details').forEach(d => { d.open = true; })")
    lines = [line for line in page.evaluate("() => document.querySelector('main').innerText").split("\n") if line]
    page.close()
    assert measure(lines).grade <= MAX_PAGE_GRADE, measure(lines)


def results(page) -> list[dict]:
    page.wait_for_selector(".ps-search-result h3 a", timeout=20_000)
    return page.eval_on_selector_all(
        ".ps-search-result",
        """rs => rs.map(r => ({
             title: parseFloat(getComputedStyle(r.querySelector('h3')).fontSize),
             passage: parseFloat(getComputedStyle(r.querySelector('p:last-child')).fontSize),
             text: r.querySelector('p:last-child').textContent}))""",
    )


@pytest.mark.parametrize(
    "url, words",
    [("search/", w) for w in ("contents", "show section", "table", "safeguarding")]
    + [("young-people/search/", w) for w in ("safe", "money", "school")],
)
def test_results_carry_no_page_furniture_and_titles_are_bigger_than_passages(browser, server, url, words):
    page = browser.new_page()
    page.goto(f"{server}{url}?q={words}")
    found = results(page)
    page.close()
    assert [r["text"] for r in found if any(f in r["text"] for f in FURNITURE)] == []
    assert all(r["title"] > r["passage"] for r in found), found[:2]


def test_on_a_phone_the_adults_filters_are_folded_and_the_first_result_is_on_the_first_screen(browser, server):
    context = browser.new_context(viewport={"width": 320, "height": 667})
    page = context.new_page()
    page.goto(server + "search/?q=children")
    results(page)
    assert not page.evaluate("() => document.querySelector('.ps-search-filters').open")
    top = page.evaluate("() => document.querySelector('.ps-search-result h3 a').getBoundingClientRect().bottom")
    assert top <= 667, top
    context.close()
    wide = browser.new_page(viewport={"width": 1280, "height": 900})
    wide.goto(server + "search/")
    assert wide.evaluate("() => document.querySelector('.ps-search-filters').open")
    wide.close()
