"""The editors' guide as an editor reads it: each common task on one screen at 1280 px, beside its
picture, and every picture loaded and no wider than the text, on a wide screen and on a phone."""

from __future__ import annotations

import pytest

pytest.importorskip("playwright.sync_api")

pytestmark = pytest.mark.browser

TASK_LINES = 25  # "about 25 lines of text or less, plus a screenshot"

# For each task the top list links to: the lines of text its section shows, counting every line of
# words once (a list item of two lines is two) and leaving out what pictures a screen: the
# screenshot, a terminal's text and a quoted comment. Also whether it shows a picture.
TASKS = """() => {
  const tasks = [...document.querySelector('.md-content ul').querySelectorAll('a[href^="#"]')];
  return tasks.map(link => {
    const heading = document.getElementById(link.getAttribute('href').slice(1));
    const rows = new Set();
    let picture = false;
    for (let e = heading.nextElementSibling; e && e.tagName !== 'H2'; e = e.nextElementSibling) {
      picture ||= !!(e.matches('pre, p:has(> img)') || e.querySelector('pre, img'));
      const walker = document.createTreeWalker(e, NodeFilter.SHOW_TEXT);
      for (let node; (node = walker.nextNode());) {
        if (node.parentElement.closest('pre, blockquote')) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const box of range.getClientRects()) if (box.height) rows.add(Math.round(box.bottom + scrollY));
      }
    }
    return {task: heading.textContent.trim(), lines: rows.size, picture};
  });
}"""

PICTURES = """() => [...document.querySelectorAll('.md-content img')].map(img => ({
  src: img.getAttribute('src'), loaded: img.complete && img.naturalWidth > 0,
  width: img.getBoundingClientRect().width, column: img.parentElement.getBoundingClientRect().width,
}))"""


def test_each_task_of_the_guide_fits_on_one_screen_with_its_picture(server, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(server + "editors-guide/")
    tasks = page.evaluate(TASKS)
    page.close()
    assert len(tasks) >= 6, tasks
    assert [t for t in tasks if t["lines"] > TASK_LINES or not t["picture"]] == [], tasks


@pytest.mark.parametrize("width", [375, 1280])
def test_the_guides_pictures_load_and_are_no_wider_than_the_text(server, browser, width):
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(server + "editors-guide/", wait_until="load")
    for img in page.locator(".md-content img").all():
        img.scroll_into_view_if_needed()  # loaded as a reader reaches it
    page.wait_for_load_state("networkidle")
    pictures = page.evaluate(PICTURES)
    page.close()
    assert len(pictures) >= 5
    assert [p for p in pictures if not p["loaded"] or p["width"] > p["column"] + 1] == [], pictures
