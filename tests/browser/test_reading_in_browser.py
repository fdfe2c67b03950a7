"""Pages as a reader sees them: screenshots of every page kind at three widths, nothing wider than
the screen outside a labelled scroll region, folded sections that open by keyboard and by link."""

from __future__ import annotations

import pytest

pytest.importorskip("playwright.sync_api")

from test_pages import SCREENSHOTS  # noqa: E402

pytestmark = pytest.mark.browser

PAGE_KINDS = {
    "home": "",
    "plan": "plans/occ-business-plan-2012-13/",
    "plan-with-action-tables": "plans/chscb-business-plan-2014-15/",
    "young-plan": "young-people/plans/occ-business-plan-2012-13/",
    "article": "uncrc/article-12/",
    "young-article": "young-people/uncrc/article-12/",
    "organisation": "organisations/occ/",
    "guide": "editors-guide/",
}
WIDTHS = (320, 768, 1280)

# Every visible element of the page whose box reaches past the left or right edge of the viewport,
# unless it sits inside a labelled, focusable scroll region (a wide table), or is one of Material's
# parts that wait off-screen by design (the menu drawer on small screens, search, skip link, tooltips).
OVERFLOWING = """() => {
  const width = document.documentElement.clientWidth;
  const offCanvas = '.md-sidebar, .md-search, .md-skip, .md-tooltip, .md-top, .md-overlay, [hidden]';
  const found = [];
  for (const element of document.querySelectorAll('body *')) {
    if (element.closest(offCanvas)) continue;
    const regions = '[role="region"][tabindex="0"][aria-labelledby], [role="region"][tabindex="0"][aria-label]';
    if (element.parentElement && element.parentElement.closest(regions)) continue;
    const style = getComputedStyle(element);
    if (style.visibility === 'hidden' || style.display === 'none') continue;
    const box = element.getBoundingClientRect();
    if (box.width <= 1 || box.height <= 1) continue;
    if (box.right > width + 1 || box.left < -1) {
      const name = `${element.tagName.toLowerCase()}.${[...element.classList].join('.')}`;
      found.push(`${name} ${Math.round(box.left)}..${Math.round(box.right)} of ${width}`);
    }
  }
  return {found: found.slice(0, 10), scrollWidth: document.documentElement.scrollWidth, width};
}"""


@pytest.fixture(scope="module")
def shots(server, browser):  # noqa: F811
    """Each page kind at each width: a full-page screenshot saved for review, and what overflows."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    results = {}
    for width in WIDTHS:
        context = browser.new_context(viewport={"width": width, "height": 900})
        page = context.new_page()
        for name, url in PAGE_KINDS.items():
            page.goto(server + url, wait_until="load")
            # Folded sections open, as after "Show every section": their tables are checked and seen too.
            page.evaluate("() => document.querySelectorAll('details.ps-fold').forEach(d => { d.open = true; })")
            page.wait_for_timeout(50)  # the table overflow cue is set by a ResizeObserver
            file = SCREENSHOTS / f"{name}-{width}.png"
            page.screenshot(path=str(file), full_page=True)
            results[name, width] = {"file": file, **page.evaluate(OVERFLOWING)}
        context.close()
    return results


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", PAGE_KINDS)
def test_every_page_kind_fits_the_screen_at_every_width(shots, name, width):
    result = shots[name, width]
    assert result["file"].stat().st_size > 5_000
    assert result["scrollWidth"] <= result["width"], result
    assert not result["found"], result["found"]


def test_a_wide_table_says_it_scrolls(server, browser):  # noqa: F811
    """At a width where a table is wider than its box, the region is marked and a hint is shown above it."""
    context = browser.new_context(viewport={"width": 800, "height": 900})
    page = context.new_page()
    page.goto(server + "plans/chscb-business-plan-2014-15/")
    page.wait_for_timeout(100)
    regions = page.evaluate(
        """() => [...document.querySelectorAll('.ps-table-wrap')].map(r => ({
             overflows: r.scrollWidth > r.clientWidth + 1,
             marked: r.classList.contains('ps-table-wrap--overflows'),
             hint: !!(r.previousElementSibling && r.previousElementSibling.classList.contains('ps-scroll-hint')),
           }))"""
    )
    context.close()
    assert regions
    assert all(r["marked"] == r["overflows"] == r["hint"] for r in regions), regions


def test_folded_sections_open_with_the_keyboard_by_link_and_for_print(server, browser):  # noqa: F811
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(server + "plans/occ-business-plan-2012-13/")
    assert page.evaluate("() => document.querySelectorAll('details.ps-fold:not([open])').length") >= 3
    # The keyboard: focus the button under "Introduction" and press Enter.
    summary = page.locator("#introduction ~ details.ps-fold > summary").first
    summary.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.querySelector('#introduction ~ details.ps-fold').open")
    page.keyboard.press("Space")
    assert not page.evaluate("() => document.querySelector('#introduction ~ details.ps-fold').open")
    # A link from elsewhere (an article page) to a project inside a folded section opens it.
    page.goto(server + "plans/occ-business-plan-2012-13/#sp1-1")
    page.wait_for_timeout(50)
    assert page.evaluate("() => document.getElementById('sp1-1').closest('details').open")
    box = page.evaluate("() => document.getElementById('sp1-1').getBoundingClientRect().top")
    assert 0 <= box < 900
    # Printing shows every section: by the stylesheet alone, and by the script before printing.
    page.goto(server + "plans/occ-business-plan-2012-13/")
    page.emulate_media(media="print")
    assert page.evaluate("() => document.getElementById('sp1-1').checkVisibility()")
    page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
    assert page.evaluate("() => [...document.querySelectorAll('details.ps-fold')].every(d => d.open)")
    context.close()
