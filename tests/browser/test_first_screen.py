"""What a reader sees before scrolling, on a phone (320 x 667): help for a child on every
young-people page without a tap, and on a young-people plan page what the plan is."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("playwright.sync_api")

pytestmark = pytest.mark.browser

PHONE = {"width": 320, "height": 667}


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
