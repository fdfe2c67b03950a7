"""Pages comfortable to read and to use: a Contents link opens its folded section, lines of about
80 characters at most on a wide screen, and targets big enough to hit (WCAG 2.5.8, 24 x 24 px;
44 x 44 px on young-people pages, WCAG 2.5.5), outside running text, which keeps the inline
exception."""

from __future__ import annotations

from pathlib import Path

import pytest
from project import first_page

pytest.importorskip("playwright.sync_api")

pytestmark = pytest.mark.browser

MAX_LINE = 85  # "about 80 characters" (WCAG 1.4.8): the widest line of any paragraph, item or definition


def folded_plan(site: Path) -> str | None:
    """A plan page with a folded section, if the data makes one."""
    found = [f for f in sorted(site.glob("plans/*/index.html")) if 'class="ps-fold"' in f.read_text(encoding="utf-8")]
    return found[0].parent.relative_to(site).as_posix() + "/" if found else None


def test_a_contents_link_opens_the_folded_section_it_goes_to(site, server, browser):
    url = folded_plan(site)
    if url is None:
        pytest.skip("no plan has a folded section")
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(server + url)
    section = page.evaluate("() => document.querySelector('details.ps-fold').closest('section').querySelector('h2').id")
    page.click(f".ps-contents a[href='#{section}']")
    page.wait_for_timeout(100)
    assert page.evaluate(f"() => document.getElementById('{section}').closest('section').querySelector('details').open")
    # Again, once closed: a link to the place the address already names opens it too.
    page.evaluate(
        f"() => {{ document.getElementById('{section}').closest('section').querySelector('details').open = false; }}"
    )
    page.click(f".ps-contents a[href='#{section}']")
    page.wait_for_timeout(100)
    assert page.evaluate(f"() => document.getElementById('{section}').closest('section').querySelector('details').open")
    page.close()


def test_the_contents_lead_to_the_progress_summary_and_the_downloads(site):
    for file in sorted(site.glob("plans/*/index.html")):
        html = file.read_text(encoding="utf-8")
        contents = html[
            html.index('<nav class="ps-contents"') : html.index("</nav>", html.index('<nav class="ps-contents"'))
        ]
        assert 'href="#data"' in contents, file
        assert ('href="#progress"' in contents) == ('id="progress"' in html), file


# The widest line, in characters, of each paragraph, list item and definition of the page's content.
LONGEST_LINE = """() => {
  let longest = 0, where = '';
  for (const block of document.querySelectorAll('.md-content p, .md-content li, .md-content dd')) {
    if (block.closest('table, nav, .ps-table-wrap') || block.querySelector('p, li, dd')) continue;
    const lines = new Map();
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node; (node = walker.nextNode());) {
      for (let i = 0; i < node.length; i++) {
        if (/\\s/.test(node.data[i])) continue;
        range.setStart(node, i); range.setEnd(node, i + 1);
        const rect = range.getBoundingClientRect();
        if (rect.height) lines.set(Math.round(rect.bottom), (lines.get(Math.round(rect.bottom)) || 0) + 1);
      }
    }
    for (const n of lines.values()) if (n > longest) { longest = n; where = block.textContent.trim().slice(0, 60); }
  }
  return [longest, where];
}"""


@pytest.mark.parametrize(
    "kind", ["", "plans/*", "uncrc/article-12", "glossary", "accessibility", "organisations/*", "editors-guide"]
)
def test_lines_of_text_are_about_80_characters_at_most_on_a_wide_screen(site, server, browser, kind):
    url = first_page(site, kind) if "*" in kind else (kind + "/" if kind else "")
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(server + url)
    longest, where = page.evaluate(LONGEST_LINE)
    page.close()
    assert longest <= MAX_LINE, f"{longest} characters: {where}"


# Every target outside running text smaller than the page's minimum: links, buttons, fields and
# the summaries of folded parts, wherever they are (header, menu, content, footer).
SMALL_TARGETS = """(minimum) => {
  const inText = (e) => {
    const block = e.closest('p, li, dd, dt, td, th, figcaption, blockquote, address, h1, h2, h3, h4, label');
    return !!block && block.textContent.replace(/\\s+/g, ' ').trim().length > e.textContent.trim().length + 3;
  };
  const small = [];
  for (const e of document.querySelectorAll('a[href], button, summary, input, select, [tabindex="0"]')) {
    if (!e.checkVisibility({visibilityProperty: true}) || inText(e)) continue;
    const r = e.getBoundingClientRect();
    if (r.width && (r.width < minimum || r.height < minimum))
      small.push(`${e.tagName.toLowerCase()} "${e.textContent.trim().slice(0, 30)}" `
                 + `${Math.round(r.width)}x${Math.round(r.height)}`);
  }
  return small;
}"""

TARGET_PAGES = [
    "",
    "young-people",
    "plans/*",
    "young-people/plans/*",
    "uncrc/article-12",
    "young-people/uncrc/article-12",
    "young-people/uncrc",
    "glossary",
    "young-people/glossary",
    "search",
    "young-people/search",
    "young-people/organisations/*",
    "young-people/privacy",
]


@pytest.mark.parametrize("width", [320, 1280])
@pytest.mark.parametrize("kind", TARGET_PAGES)
def test_every_target_is_24_px_or_44_on_young_peoples_pages(site, server, browser, kind, width):
    url = first_page(site, kind) if "*" in kind else (kind + "/" if kind else "")
    minimum = 44 if url.startswith("young-people/") else 24
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(server + url)
    small = page.evaluate(SMALL_TARGETS, minimum)
    page.close()
    assert small == [], small
