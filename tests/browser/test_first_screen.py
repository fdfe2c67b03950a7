"""What a reader sees before scrolling, on a phone (320 x 667): help for a child on every
young-people page without a tap, and on a young-people plan page what the plan is."""

from __future__ import annotations

from pathlib import Path

import pytest
from project import DATA

pytest.importorskip("playwright.sync_api")

pytestmark = pytest.mark.browser

PHONE = {"width": 320, "height": 667}


def html_of(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def young_pages(site: Path) -> list[str]:
    """Every young-people page of the built site, by URL."""
    return sorted(
        file.parent.relative_to(site).as_posix() + "/" for file in (site / "young-people").rglob("index.html")
    )


# Where each of a page's links to a number is, and whether it is shown (not folded away).
PHONE_LINKS = """(numbers) => Object.fromEntries(numbers.map(number => {
  const link = document.querySelector(`a[href="tel:${number}"]`);
  if (!link) return [number, null];
  const rect = link.getBoundingClientRect();
  return [number, {top: rect.top, bottom: rect.bottom, width: rect.width, height: rect.height,
                   shown: link.checkVisibility({visibilityProperty: true, opacityProperty: true})}];
}))"""

HELP_TEXT = "() => (document.querySelector('.ps-help') || {innerText: ''}).innerText"


@pytest.fixture(scope="module")
def first_screens(site, server, browser):
    """Each young-people page at 320 x 667 as it opens: its phone links and its help box's words."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    found = {}
    for url in young_pages(site):
        page.goto(server + url, wait_until="load")
        found[url] = {"links": page.evaluate(PHONE_LINKS, ["999", "08001111"]), "text": page.evaluate(HELP_TEXT)}
    context.close()
    return found


def test_every_young_page_shows_999_and_childline_as_phone_links_on_the_first_screen(first_screens):
    wrong = {}
    for url, seen in first_screens.items():
        for number, link in seen["links"].items():
            if link is None or not link["shown"] or link["top"] < 0 or link["bottom"] > PHONE["height"]:
                wrong.setdefault(url, []).append(f"tel:{number}: {link}")
            elif link["height"] < 44 or link["width"] < 44:
                wrong.setdefault(url, []).append(f"tel:{number} is {link['width']}x{link['height']} px")
    assert not wrong, wrong


def test_the_help_says_who_answers_and_that_it_is_free(first_screens):
    for url, seen in first_screens.items():
        text = " ".join(seen["text"].split())
        assert "0800 1111" in text and "999" in text, url
        assert "free" in text, url
        assert "police or an ambulance" in text and "trained adult" in text, url


def test_the_rest_of_the_help_folds_and_opens(server, browser):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(server + "young-people/")
    more = page.locator(".ps-help details")
    assert not more.evaluate("d => d.open")
    page.locator(".ps-help summary").click()
    assert more.evaluate("d => d.open")
    assert "adult you trust" in page.locator(".ps-help").inner_text()
    context.close()


def young_plan_pages(site: Path) -> list[str]:
    return sorted(
        f"young-people/plans/{file.parent.name}/" for file in (site / "young-people" / "plans").glob("*/index.html")
    )


# The title and the first sentence of the text under it: where they end on the screen, and what they say.
TITLE_AND_FIRST_SENTENCE = """() => {
  const h1 = document.querySelector('h1');
  const lead = h1 && h1.nextElementSibling;
  if (!lead) return null;
  const text = lead.textContent;
  const end = text.search(/[.!?](\\s|$)/) + 1;
  const walker = document.createTreeWalker(lead, NodeFilter.SHOW_TEXT);
  let seen = 0, node, last = null;
  while ((node = walker.nextNode())) {
    if (seen + node.length >= end) { last = [node, end - seen]; break; }
    seen += node.length;
  }
  const range = document.createRange();
  range.setStart(lead, 0);
  range.setEnd(last[0], last[1]);
  return {title: h1.textContent.trim(), titleBottom: h1.getBoundingClientRect().bottom,
          sentence: text.slice(0, end).trim().replace(/\\s+/g, ' '),
          sentenceBottom: range.getBoundingClientRect().bottom};
}"""

# What the page says near its top, before its first part (h2): the facts about this version.
NEAR_THE_TOP = """() => {
  const out = [];
  let e = document.querySelector('h1');
  for (; e && e.tagName !== 'SECTION' && e.tagName !== 'H2'; e = e.nextElementSibling) out.push(e.textContent);
  return out.join(' ').replace(/\\s+/g, ' ');
}"""


@pytest.fixture(scope="module")
def plan_first_screens(site, server, browser):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    found = {}
    for url in young_plan_pages(site):
        page.goto(server + url, wait_until="load")
        found[url] = {"first": page.evaluate(TITLE_AND_FIRST_SENTENCE), "top": page.evaluate(NEAR_THE_TOP)}
    context.close()
    return found


@pytest.fixture(scope="module")
def plans_by_url():
    from plansite.catalogue import load_catalogue

    catalogue = load_catalogue(DATA)
    return {
        f"young-people/plans/{p.slug}/": (p.plan, catalogue.organisations[p.plan.organisation]) for p in catalogue.plans
    }


def test_a_young_plan_page_shows_its_title_and_who_made_it_on_the_first_screen(plan_first_screens, plans_by_url):
    from plansite.views.words import with_the

    for url, seen in plan_first_screens.items():
        first = seen["first"]
        assert first and first["titleBottom"] <= PHONE["height"], (url, first)
        assert first["sentenceBottom"] <= PHONE["height"], (url, first)
        plan, organisation = plans_by_url[url]
        assert with_the(organisation.name, organisation.takes_the, start=True) + " made this plan." == first["sentence"]


def test_near_the_top_it_says_the_age_and_whether_it_is_the_whole_plan(plan_first_screens):
    for url, seen in plan_first_screens.items():
        top = seen["top"]
        assert "Written for children and young people aged" in top, url
        assert ("This is the whole plan, in easy words." in top) != ("This is a short version of the plan" in top), url
        assert "Read the full plan" in top, url


def test_a_finished_plan_says_so_on_both_versions_and_never_will(plan_first_screens, plans_by_url, site):
    import datetime

    from plansite.views.organisations import has_ended
    from plansite.views.words import period_in_words

    today = datetime.date.today()
    for url, seen in plan_first_screens.items():
        plan, _ = plans_by_url[url]
        words = period_in_words(plan.period)
        adult = html_of(site, url.removeprefix("young-people/"))
        if has_ended(plan.period, today):
            said = f"This plan was for {words}. It has finished."
            assert said in seen["top"] and said in adult, url
            assert " will " not in f" {seen['first']['title']} {seen['top']} ", url
            assert "What we will do" not in html_of(site, url), url
        else:
            assert "It has finished" not in seen["top"] and "It has finished" not in adult, url
