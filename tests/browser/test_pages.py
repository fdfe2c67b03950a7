"""Every built page in a real browser: axe-core WCAG rules, privacy, structure, reflow, keyboard, CSP.

Chromium is Debian's (/usr/bin/chromium), driven by Playwright; axe-core and the Nu HTML
Checker come from tests/browser/package.json. `./run test` installs all three.
"""

from __future__ import annotations

import functools
import json
import subprocess
from pathlib import Path

import pytest

playwright = pytest.importorskip("playwright.sync_api")

from page_sample import sample  # noqa: E402
from project import CONTENT, DATA  # noqa: E402

HERE = Path(__file__).resolve().parent
AXE = HERE / "node_modules" / "axe-core" / "axe.min.js"
VNU = HERE / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
SCREENSHOTS = Path(__file__).resolve().parent.parent / "artifacts" / "screenshots"

pytestmark = pytest.mark.browser


@functools.cache
def browser_pages() -> list[str]:
    """The pages the browser visits (tests/page_sample.py), from the content and data: known before the build."""
    from plansite.catalogue import load_catalogue
    from plansite.views import all_pages as views

    catalogue = load_catalogue(DATA)
    urls = {v.url for v in views(catalogue)}
    urls |= {
        str(p.relative_to(CONTENT).with_suffix("")).replace("index", "").rstrip("/") + "/"
        for p in (CONTENT).rglob("*.md")
    }
    return sample(sorted(u if u != "/" else "" for u in urls)) + ["404.html"]


def pytest_generate_tests(metafunc):
    # The pages are known from the data, loaded and checked (a second); not when the run leaves out
    # every browser test, as the quick loop does (-m "not build and not browser").
    if "page_url" in metafunc.fixturenames:
        left_out = "not browser" in (metafunc.config.getoption("markexpr") or "")
        metafunc.parametrize("page_url", [] if left_out else browser_pages())


@pytest.fixture(scope="session")
def checks_by_page(server, browser, site):
    """Visit each page the browser checks once (every page of a small site), recording what the checks below look at."""
    results = {}
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    requests: list[str] = []
    violations_csp: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on(
        "console",
        lambda message: violations_csp.append(message.text) if "Content Security Policy" in message.text else None,
    )
    axe_source = AXE.read_text(encoding="utf-8")
    for url in browser_pages():
        requests.clear()
        violations_csp.clear()
        page.goto(server + url, wait_until="load")
        page.evaluate(axe_source)  # through DevTools, so the page's own CSP still holds for everything else
        axe = page.evaluate(
            "async (tags) => { const r = await axe.run(document, {runOnly: {type: 'tag', values: tags}}); "
            "return r.violations.map(v => ({id: v.id, help: v.help, nodes: v.nodes.slice(0, 3).map(n => "
            "n.target.join(' '))})); }",
            WCAG_TAGS,
        )
        enhanced = []
        if url.startswith("young-people/"):
            enhanced = page.evaluate(
                "async () => (await axe.run(document, {runOnly: {type: 'rule', values: ['color-contrast-enhanced']}}))"
                ".violations.map(v => v.nodes.slice(0, 3).map(n => n.target.join(' ') + ': ' + n.failureSummary))"
            )
        facts = page.evaluate(
            """() => ({
                h1: document.querySelectorAll('h1').length,
                lang: document.documentElement.lang,
                images_without_alt: [...document.querySelectorAll('img')].filter(i => !i.hasAttribute('alt')).length,
                svgs_unlabelled: [...document.querySelectorAll('main svg')].filter(s =>
                  s.getAttribute('aria-hidden') !== 'true' && !s.getAttribute('aria-label')
                  && !s.closest('[aria-hidden=true], a, button, label') && !s.querySelector('title')).length,
                cookie_text: document.cookie,
            })"""
        )
        page.keyboard.press("Tab")
        first_focus = page.evaluate(
            "() => ({cls: document.activeElement.className, href: document.activeElement.getAttribute('href')})"
        )
        results[url] = {
            "axe": axe,
            "contrast_aaa": enhanced,
            "requests": [r for r in requests if not r.startswith(server) and not r.startswith("data:")],
            "csp": list(violations_csp),
            "cookies": context.cookies(),
            "first_focus": first_focus,
            **facts,
        }
    context.close()
    return results


def test_axe_finds_no_wcag_violations(checks_by_page, page_url):
    assert checks_by_page[page_url]["axe"] == [], json.dumps(checks_by_page[page_url]["axe"], indent=1)


def test_young_people_pages_have_text_contrast_of_at_least_7_to_1(checks_by_page, page_url):
    """WCAG AAA contrast (axe's color-contrast-enhanced rule) on every young-people page."""
    assert checks_by_page[page_url]["contrast_aaa"] == []


def test_no_request_leaves_the_site_and_no_cookie_is_set(checks_by_page, page_url):
    result = checks_by_page[page_url]
    assert result["requests"] == []
    assert result["cookies"] == [] and result["cookie_text"] == ""


def test_no_content_security_policy_violation(checks_by_page, page_url):
    assert checks_by_page[page_url]["csp"] == []


def test_structure_one_h1_language_skip_link_and_images(checks_by_page, page_url):
    result = checks_by_page[page_url]
    assert result["h1"] == 1
    assert result["lang"] == "en-GB"
    assert "md-skip" in result["first_focus"]["cls"], result["first_focus"]
    assert result["images_without_alt"] == 0
    assert result["svgs_unlabelled"] == 0


def visit_every_page(browser, server: str, site: Path, width: int, height: int):
    """Open each page the browser checks in turn in one browser tab of the given size; yields (url, tab)."""
    context = browser.new_context(viewport={"width": width, "height": height})
    tab = context.new_page()
    try:
        for url in browser_pages():
            tab.goto(server + url)
            yield url, tab
    finally:
        context.close()


def test_reflow_at_320_pixels(server, browser, site):
    """WCAG 1.4.10: at 320 CSS pixels wide, the page itself never scrolls sideways."""
    too_wide = []
    for url, page in visit_every_page(browser, server, site, 320, 640):
        width = page.evaluate("() => document.documentElement.scrollWidth")
        if width > 320:
            too_wide.append(f"/{url}: {width}px")
    assert not too_wide, too_wide


def test_keyboard_reaches_every_control_with_visible_focus_never_under_the_header(server, browser, site):
    """Tab through each page: every visible link and control gets focus, shown and not covered (WCAG 2.4.7, 2.4.11).

    Links inside a folded section are not visible until it is opened, so they are not expected.
    """
    failures = []
    for url, page in visit_every_page(browser, server, site, 1280, 800):
        expected = page.evaluate(
            """() => [...document.querySelectorAll(
                   'a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])')]
                 .filter(e => e.tabIndex >= 0 && !e.disabled && e.getClientRects().length
                   && getComputedStyle(e).visibility !== 'hidden' && !e.closest('[inert], [hidden]'))
                 .filter(e => !e.closest('details:not([open]) > :not(summary)'))
                 .length"""
        )
        page.evaluate("() => { window.__seen = new Set(); window.__bad = []; }")
        for _ in range(expected + 5):
            page.keyboard.press("Tab")
            state = page.evaluate(
                """() => {
                  const e = document.activeElement;
                  if (!e || e === document.body) return 'body';
                  if (window.__seen.has(e)) return 'again';
                  window.__seen.add(e);
                  const style = getComputedStyle(e);
                  const shown = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0
                    || style.boxShadow !== 'none';
                  const rect = e.getBoundingClientRect();
                  const x = Math.min(Math.max(rect.left + rect.width / 2, 0), innerWidth - 1);
                  const y = Math.min(Math.max(rect.top + Math.min(rect.height / 2, 8), 0), innerHeight - 1);
                  const top = document.elementFromPoint(x, y);
                  const header = document.querySelector('.md-header');
                  // Hidden means entirely under the header: a tall table that reaches below it is still seen.
                  const covered = top && header && header.contains(top) && !header.contains(e) && !e.contains(top)
                    && rect.bottom <= header.getBoundingClientRect().bottom + 1;
                  if (!shown || covered)
                    window.__bad.push(
                      (e.getAttribute('href') || e.tagName) + (shown ? ' under header' : ' no visible focus'));
                  return 'ok';
                }"""
            )
            if state == "again":
                break
        seen, bad = page.evaluate("() => [window.__seen.size, window.__bad]")
        if seen < expected:
            failures.append(f"/{url}: reached {seen} of {expected} controls")
        failures += [f"/{url}: {b}" for b in bad]
    assert not failures, "\n".join(failures[:30])


def test_plan_pages_print_cleanly(server, browser):
    """In print, navigation, search and the help box go; web link targets are written out; rows stay whole."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(server + "plans/occ-business-plan-2012-13/")
    page.emulate_media(media="print")
    hidden = page.evaluate(
        """() => ['.md-header', '.md-sidebar--primary', '.md-sidebar--secondary', '.md-search', '.md-footer']
            .map(s => [s, [...document.querySelectorAll(s)].every(e => getComputedStyle(e).display === 'none')])"""
    )
    assert all(ok for _, ok in hidden), hidden
    after = page.evaluate(
        "() => getComputedStyle(document.querySelector('.md-typeset a[href^=\"http\"]'), '::after').content"
    )
    assert "http" in after
    rows = page.evaluate("() => getComputedStyle(document.querySelector('.ps-table tr')).breakInside")
    assert rows == "avoid"
    pdf = page.pdf()
    context.close()
    assert pdf[:4] == b"%PDF" and len(pdf) > 50_000


def test_nu_html_checker_finds_no_errors(site):
    files = [str(f) for f in sorted(site.rglob("*.html")) if site / "admin" not in f.parents]
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", *files],
        capture_output=True,
        text=True,
        timeout=600,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    errors = [
        f"{m['url'].split(str(site))[-1]}:{m.get('lastLine')}: {m['message']}" for m in messages if m["type"] == "error"
    ]
    assert not errors, "\n".join(errors[:30])
