"""A national portal's home pages in a real browser: axe, no sideways scroll at 320 px, letters that jump."""

from __future__ import annotations

import pytest
from project import serve
from test_search_page import axe_violations, open_page

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def portal_server(portal_site):
    httpd, address = serve(portal_site)
    yield address
    httpd.shutdown()


@pytest.mark.parametrize("url", ["", "young-people/", "plans/"])
@pytest.mark.parametrize("width", [320, 1280])
def test_the_organisations_a_to_z_pass_axe_and_fit(browser, portal_server, url, width):  # noqa: F811
    context, page, seen = open_page(browser, portal_server, url, width=width)
    assert page.locator(".ps-directory").count() == 1
    assert page.evaluate("() => document.documentElement.scrollWidth") <= width
    assert axe_violations(page) == []
    assert seen["csp"] == [] and not [r for r in seen["requests"] if not r.startswith(portal_server)]
    context.close()


def test_a_letter_takes_the_keyboard_to_its_organisations(browser, portal_server):  # noqa: F811
    context, page, _ = open_page(browser, portal_server, "young-people/")
    letter = page.locator(".ps-letters a").last
    letter.focus()
    page.keyboard.press("Enter")
    target = letter.get_attribute("href")
    page.wait_for_function(f"() => location.hash === '{target}'")
    heading = page.locator(target)
    top = heading.evaluate("h => h.getBoundingClientRect().top")
    assert page.evaluate("() => window.scrollY") > 0 and 0 <= top < page.evaluate("() => window.innerHeight")
    assert heading.inner_text() == letter.inner_text()
    context.close()


@pytest.mark.parametrize("url", ["uncrc/article-12/", "young-people/uncrc/article-12/page-2/"])
@pytest.mark.parametrize("width", [320, 1280])
def test_an_article_in_pages_passes_axe_and_fits(browser, portal_server, url, width):  # noqa: F811
    context, page, seen = open_page(browser, portal_server, url, width=width)
    assert page.locator(".ps-pages a[aria-current='page']").count() == 1
    assert page.evaluate("() => document.documentElement.scrollWidth") <= width
    assert page.locator("h1").count() == 1
    assert axe_violations(page) == []
    assert seen["csp"] == [] and not [r for r in seen["requests"] if not r.startswith(portal_server)]
    context.close()
