"""Search in a real browser: by keyboard, with results open, at 320 px, in both audiences."""

from __future__ import annotations

import json

import pytest
from test_pages import AXE, WCAG_TAGS

pytestmark = pytest.mark.browser


def open_page(browser, server: str, url: str, width: int = 1280):  # noqa: F811
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    seen = {"requests": [], "csp": []}
    page.on("request", lambda request: seen["requests"].append(request.url))
    page.on(
        "console",
        lambda message: seen["csp"].append(message.text) if "Content Security Policy" in message.text else None,
    )
    page.goto(server + url)
    return context, page, seen


def results(page) -> list[str]:
    page.wait_for_selector(".ps-search-result h3 a", timeout=20_000)
    return [a.get_attribute("href") for a in page.query_selector_all(".ps-search-result h3 a")]


def axe_violations(page) -> list:
    page.evaluate(AXE.read_text(encoding="utf-8"))
    return page.evaluate(
        "async (tags) => (await axe.run(document, {runOnly: {type: 'tag', values: tags}})).violations"
        ".map(v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))",
        WCAG_TAGS,
    )


def test_keyboard_from_header_link_to_a_result(browser, server):  # noqa: F811
    context, page, seen = open_page(browser, server, "young-people/plans/occ-business-plan-2012-13/")
    for _ in range(15):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.classList.contains('ps-search-link')"):
            break
    else:
        pytest.fail("the header's search link is not reached by keyboard")
    page.keyboard.press("Enter")
    page.wait_for_url("**/young-people/search/")
    page.focus("#ps-search-input")
    page.keyboard.type("school")
    page.keyboard.press("Enter")
    found = results(page)
    assert found and all(href.startswith("/young-people/") for href in found), found
    assert "pages found" in page.inner_text("#ps-search-status") or "page found" in page.inner_text("#ps-search-status")
    page.keyboard.press("Tab")  # the filters, then the first result
    for _ in range(10):
        if page.evaluate("() => !!document.activeElement.closest('.ps-search-result')"):
            break
        page.keyboard.press("Tab")
    focused = page.evaluate(
        "() => { const e = document.activeElement; const s = getComputedStyle(e); "
        "return {inResult: !!e.closest('.ps-search-result'), outline: s.outlineStyle, width: s.outlineWidth}; }"
    )
    assert focused["inResult"] and focused["outline"] != "none", focused
    assert axe_violations(page) == []
    assert not [r for r in seen["requests"] if not r.startswith(server)]
    assert seen["csp"] == []
    context.close()


@pytest.mark.parametrize("url", ["search/", "young-people/search/"])
def test_results_open_pass_axe_and_fit_320_pixels(browser, server, url):  # noqa: F811
    context, page, seen = open_page(browser, server, url, width=320)
    page.fill("#ps-search-input", "rights")
    results(page)
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 320
    page.click(".ps-search-filters summary")  # filters open too
    assert axe_violations(page) == []
    assert seen["csp"] == [] and not [r for r in seen["requests"] if not r.startswith(server)]
    context.close()


def test_filters_narrow_the_results(browser, server):  # noqa: F811
    context, page, _ = open_page(browser, server, "search/")
    page.select_option("#ps-filter-kind", "UNCRC article")
    page.fill("#ps-search-input", "children")
    found = results(page)
    assert found and all("/uncrc/article-" in href for href in found), found
    page.select_option("#ps-filter-plan", "CHSCB Business Plan 2014-15")
    page.select_option("#ps-filter-kind", "Plan")
    page.wait_for_function(
        "() => { const a = [...document.querySelectorAll('.ps-search-result h3 a')];"
        " return a.length > 0 && a.every(x => x.href.includes('/plans/chscb-business-plan-2014-15/')); }",
        timeout=20_000,
    )
    context.close()


def test_a_query_in_the_address_is_searched(browser, server):  # noqa: F811
    context, page, _ = open_page(browser, server, "young-people/search/?q=safe")
    assert results(page)
    assert page.input_value("#ps-search-input") == "safe"
    context.close()


def status_count(page) -> int:
    page.wait_for_function(
        "() => /found for/.test(document.getElementById('ps-search-status').textContent)", timeout=20_000
    )
    return int(page.inner_text("#ps-search-status").split()[0])


def test_an_index_in_parts_finds_what_one_index_finds(browser, server, site, tmp_path):  # noqa: F811
    import shutil

    from plansite.site.search import PagesIndexer
    from project import serve

    split = tmp_path / "site"
    shutil.copytree(site, split, ignore=shutil.ignore_patterns("pagefind"))
    indexer = PagesIndexer(split, part_size=400_000)
    for file in sorted(split.rglob("index.html")):
        html = file.read_text(encoding="utf-8")
        if "data-pagefind-body" in html:
            indexer.add(file.parent.relative_to(split).as_posix() + "/" if file.parent != split else "", html)
    indexer.write()
    assert len(json.loads((split / "pagefind" / "parts.json").read_text())) >= 2
    httpd, split_server = serve(split)
    try:
        counts = []
        for address in (server, split_server):
            context, page, seen = open_page(browser, address, "search/?q=children")
            counts.append(status_count(page))
            assert seen["csp"] == []
            context.close()
        assert counts[0] > 10 and counts[0] == counts[1]
    finally:
        httpd.shutdown()


@pytest.mark.parametrize(
    "url",
    [
        "",
        "young-people/",
        "plans/occ-business-plan-2012-13/",
        "young-people/plans/occ-business-plan-2012-13/",
        "uncrc/article-12/",
        "organisations/occ/",
    ],
)
def test_a_page_load_fetches_nothing_site_wide(browser, server, url):  # noqa: F811
    """Neither a search index nor the sitemap (which Material would fetch beside every feed link)."""
    context = browser.new_context()
    page = context.new_page()
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(server + url, wait_until="networkidle")
    page.wait_for_timeout(300)
    assert page.locator("link[type='application/atom+xml']").count() >= 1  # the feeds are still linked
    site_wide = [r for r in fetched if r.endswith("sitemap.xml") or "/pagefind/" in r or "search_index" in r]
    assert site_wide == []
    context.close()
