"""The keyboard on every kind of page, for both audiences, on a phone and on a desktop screen.

Each Tab stop is measured where it is: on the screen, visible, with a focus indicator whose
contrast against what is around it is at least 3:1 (WCAG 1.4.11, 2.4.7, 2.4.11). The skip link
lands at the start of the page's content, at or above its title; the menu on a phone opens with
a named button, and nothing in it takes focus while it is closed.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from project import first_page

pytest.importorskip("playwright.sync_api")

pytestmark = pytest.mark.browser

WIDTHS = {320: 667, 1280: 900}
MAX_STOPS = 600  # more than any page has; a page with more is reported, not tabbed forever


def page_kinds(site: Path) -> dict[str, str]:
    """One page of each kind in the built site, for both audiences; which ones depends on the data."""
    kinds = {
        "home": "",
        "young home": "young-people/",
        "plans index": "plans/",
        "organisation": first_page(site, "organisations/*"),
        "young organisation": first_page(site, "young-people/organisations/*"),
        "adult plan": first_page(site, "plans/*"),
        "young plan": first_page(site, "young-people/plans/*"),
        "progress": first_page(site, "plans/*/progress"),
        "young progress": first_page(site, "young-people/plans/*/progress"),
        "article": "uncrc/article-12/",
        "young article": "young-people/uncrc/article-12/",
        "articles": "uncrc/",
        "young articles": "young-people/uncrc/",
        "glossary": "glossary/",
        "young glossary": "young-people/glossary/",
        "search": "search/",
        "young search": "young-people/search/",
        "updates": "updates/",
        "young updates": "young-people/updates/",
        "hand-written": "accessibility/",
        "young hand-written": "young-people/privacy/",
        "not found": "404.html",
    }
    return {name: url for name, url in kinds.items() if url is not None}


# What one Tab stop is: where, how it looks, and the contrast of its focus indicator with the
# colours around it (of what is drawn just outside the ring: its first ancestor with a background
# colour, blended down to the page).
TAB_STOP = """() => {
  const e = document.activeElement;
  if (!e || e === document.body || e === document.documentElement) return null;
  const parse = (c) => {
    const m = c.match(/rgba?\\(([^)]+)\\)/);
    if (!m) return null;
    const [r, g, b, a] = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
    return [r, g, b, a === undefined ? 1 : a];
  };
  const over = (top, below) => top.slice(0, 3).map((v, i) => v * top[3] + below[i] * (1 - top[3])).concat([1]);
  const behind = (start) => {
    const layers = [];
    for (let n = start; n; n = n.parentElement) {
      const c = parse(getComputedStyle(n).backgroundColor);
      if (c && c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
    }
    let colour = [255, 255, 255, 1];
    for (const layer of layers.reverse()) colour = over(layer, colour);
    return colour;
  };
  // The colour painted at a point: the backgrounds of what is there, top first, down to an opaque one.
  const painted = (stack) => {
    const layers = [];
    for (const n of stack) {
      const c = parse(getComputedStyle(n).backgroundColor);
      if (c && c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
    }
    let colour = [255, 255, 255, 1];
    for (const layer of layers.reverse()) colour = over(layer, colour);
    return colour;
  };
  const luminance = (c) => {
    const [r, g, b] = c.slice(0, 3).map(v => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const contrast = (a, b) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  };
  const style = getComputedStyle(e);
  let opacity = 1, hidden = false;
  for (let n = e; n; n = n.parentElement) {
    const s = getComputedStyle(n);
    opacity *= parseFloat(s.opacity);
    if (s.visibility !== 'visible' || s.display === 'none') hidden = true;
  }
  const rect = e.getBoundingClientRect();
  const outline = style.outlineStyle !== 'none' ? parseFloat(style.outlineWidth) : 0;
  const outlineColour = parse(style.outlineColor);
  // What is around the ring: at the middle of each side, just outside it, whatever is drawn there
  // (not e or what it holds); the weakest of the four sides counts.
  const reach = parseFloat(style.outlineOffset) + outline / 2;
  const grounds = [];
  const [middleX, middleY] = [rect.left + rect.width / 2, rect.top + rect.height / 2];
  const sides = [[rect.left - reach - 1, middleY], [rect.right + reach + 1, middleY],
                 [middleX, rect.top - reach - 1], [middleX, rect.bottom + reach + 1]];
  for (const [x, y] of sides) {
    if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) continue;
    // A ring drawn inside the control (a negative offset) lies on the control's own colour.
    const around = (n) => (reach < 0 ? n === e || !e.contains(n) : n !== e && !e.contains(n));
    const stack = document.elementsFromPoint(x, y).filter(around);
    if (stack.length) grounds.push(painted(stack));
  }
  if (!grounds.length) grounds.push(behind(e.parentElement));
  const label = (e.getAttribute('href') || e.tagName.toLowerCase()) + ' "' + (e.textContent || e.value || '')
    .trim().replace(/\\s+/g, ' ').slice(0, 40) + '"';
  return {
    label,
    onScreen: rect.width > 0 && rect.height > 0 && rect.bottom > 0 && rect.right > 0
      && rect.top < innerHeight && rect.left < innerWidth,
    visible: !hidden && opacity > 0.5,
    outline,
    contrast: outline && outlineColour
      ? Math.min(...grounds.map(ground => contrast(over(outlineColour, ground), ground))) : 0,
  };
}"""

SKIP_TARGET = """() => {
  const skip = document.querySelector('a.md-skip');
  const h1 = document.querySelector('h1');
  if (!skip || !h1) return {skip: !!skip, h1: !!h1};
  const id = decodeURIComponent(skip.getAttribute('href').replace(/^#/, ''));
  const target = document.getElementById(id);
  if (!target) return {skip: true, h1: true, target: null};
  const before = target === h1 || target.contains(h1)
    || !!(target.compareDocumentPosition(h1) & Node.DOCUMENT_POSITION_FOLLOWING);
  return {skip: true, h1: true, target: id, before,
          top: target.getBoundingClientRect().top, h1Top: h1.getBoundingClientRect().top};
}"""


SEARCH_BOX_HAS_FOCUS = "() => document.activeElement.id === 'ps-search-input'"


def tab_stops(page) -> list[dict]:
    """Every Tab stop of the page from its top, in order, until focus comes round again."""
    stops, seen = [], set()
    page.evaluate("() => { window.__stops = new Map(); }")
    for _ in range(MAX_STOPS):
        page.keyboard.press("Tab")
        identity = page.evaluate(
            "() => { const e = document.activeElement; if (!e || e === document.body) return -1;"
            " if (!window.__stops.has(e)) window.__stops.set(e, window.__stops.size); return window.__stops.get(e); }"
        )
        if identity in seen:
            break
        seen.add(identity)
        stop = page.evaluate(TAB_STOP)
        if stop is None:
            break
        stops.append(stop)
    return stops


@pytest.fixture(scope="module")
def keyboard(site, server, browser):
    """Each page kind at each width, tabbed through once: its stops and where its skip link goes."""
    found = {}
    for width, height in WIDTHS.items():
        context = browser.new_context(viewport={"width": width, "height": height})
        page = context.new_page()
        for name, url in page_kinds(site).items():
            page.goto(server + url, wait_until="load")
            page.wait_for_timeout(50)
            found[name, width] = {"skip": page.evaluate(SKIP_TARGET), "stops": tab_stops(page)}
        context.close()
    return found


KINDS = [
    "home",
    "young home",
    "plans index",
    "organisation",
    "young organisation",
    "adult plan",
    "young plan",
    "progress",
    "young progress",
    "article",
    "young article",
    "articles",
    "young articles",
    "glossary",
    "young glossary",
    "search",
    "young search",
    "updates",
    "young updates",
    "hand-written",
    "young hand-written",
    "not found",
]


def _result(keyboard, kind: str, width: int) -> dict:
    if (kind, width) not in keyboard:
        pytest.skip(f"the site has no {kind} page")
    return keyboard[kind, width]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("kind", KINDS)
def test_every_tab_stop_is_on_screen_visible_and_shows_focus_at_3_to_1(keyboard, kind, width):
    stops = _result(keyboard, kind, width)["stops"]
    assert len(stops) > 3, stops
    assert len(stops) < MAX_STOPS
    off = [s["label"] for s in stops if not s["onScreen"]]
    invisible = [s["label"] for s in stops if not s["visible"]]
    weak = [
        f"{s['label']}: outline {s['outline']}px, contrast {s['contrast']:.2f}"
        for s in stops
        if s["outline"] < 2 or s["contrast"] < 3
    ]
    assert (off, invisible, weak) == ([], [], [])


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("kind", KINDS)
def test_the_skip_link_is_the_first_stop_and_lands_at_or_above_the_title(keyboard, kind, width):
    result = _result(keyboard, kind, width)
    assert "Skip to content" in result["stops"][0]["label"]
    skip = result["skip"]
    assert skip.get("target"), skip
    assert skip["before"] and skip["top"] <= skip["h1Top"], skip


def test_the_skip_link_takes_the_next_tab_into_the_content(server, browser):
    """After the skip link, Tab goes to the first control of the page's content, not to the menu."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    for url in ("plans/", "young-people/", "glossary/"):
        page.goto(server + url)
        page.keyboard.press("Tab")
        page.keyboard.press("Enter")
        page.keyboard.press("Tab")
        assert page.evaluate("() => !!document.activeElement.closest('.md-content')"), url
    context.close()


def test_the_search_box_of_the_young_search_page_is_near_the_top_of_the_tab_order(server, browser):
    """On a phone: the skip link, the menu, the logo and the search link come before it, not the hidden menu."""
    context = browser.new_context(viewport={"width": 320, "height": 667})
    page = context.new_page()
    page.goto(server + "young-people/search/")
    stop = next((n for n in range(1, 40) if page.keyboard.press("Tab") or page.evaluate(SEARCH_BOX_HAS_FOCUS)), None)
    context.close()
    assert stop is not None and stop <= 8, f"the search box is Tab stop {stop}"


@pytest.mark.parametrize("url", ["plans/", "young-people/plans/"])
def test_the_phone_menu_opens_with_a_named_button_and_gives_focus_back(server, browser, site, url):
    url = first_page(site, url + "*")
    context = browser.new_context(viewport={"width": 320, "height": 667})
    page = context.new_page()
    page.goto(server + url)
    menu = page.locator(".md-sidebar--primary")
    closed = page.evaluate(
        "() => [...document.querySelectorAll('.md-sidebar--primary a, .md-sidebar--primary [tabindex]')]"
        ".filter(e => { e.focus(); return document.activeElement === e; }).length"
    )
    assert closed == 0, "links of the closed menu take focus"
    button = page.get_by_role("button", name="Menu", exact=True)
    assert button.count() == 1 and button.get_attribute("aria-expanded") == "false"
    button.focus()
    page.keyboard.press("Enter")
    page.wait_for_timeout(400)
    assert button.get_attribute("aria-expanded") == "true"
    page.keyboard.press("Tab")
    assert page.evaluate("() => !!document.activeElement.closest('.md-sidebar--primary')")
    assert menu.evaluate("m => m.getBoundingClientRect().left >= 0")
    page.keyboard.press("Escape")
    page.wait_for_timeout(400)
    assert button.get_attribute("aria-expanded") == "false"
    assert page.evaluate("() => document.activeElement.classList.contains('ps-menu-button')")
    context.close()


@pytest.mark.parametrize("url", ["plans/", "young-people/"])
def test_every_tab_stop_of_the_open_phone_menu_is_on_screen_and_visible(server, browser, url):
    """Its sections included: a part of the menu that slides in from beside it would be out of sight."""
    context = browser.new_context(viewport={"width": 320, "height": 667})
    page = context.new_page()
    page.goto(server + url)
    page.get_by_role("button", name="Menu", exact=True).focus()
    page.keyboard.press("Enter")
    page.wait_for_timeout(400)
    stops = []
    for _ in range(60):
        if not page.evaluate("() => !!document.activeElement.closest('.md-sidebar--primary')"):
            break
        stops.append(page.evaluate(TAB_STOP))
        page.keyboard.press("Tab")
    context.close()
    assert len(stops) > 5
    bad = [s["label"] for s in stops if not (s["onScreen"] and s["visible"] and s["contrast"] >= 3)]
    assert bad == [], bad
