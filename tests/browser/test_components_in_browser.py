"""Every component example in a real browser: axe-core per example, no live markup, no sideways scroll,
and valid HTML by the Nu HTML Checker.

One preview build of the project with a draft plan made of all the examples (one section each,
see tests/component_examples.py), and one visit to each of its two pages, adult and young people.
"""

from __future__ import annotations

import json
import re
import subprocess

import pytest
from component_examples import SLUG, examples_plan, read_examples
from conftest import build, copy_project, serve
from plansite.errors import Problems
from test_pages import AXE, VNU, WCAG_TAGS

pytestmark = pytest.mark.browser

EXAMPLES = read_examples(Problems())
PAGES = {"adult": f"plans/{SLUG}/", "young-people": f"young-people/plans/{SLUG}/"}

# Which example a node belongs to: the section it sits in, or on the young-people page the
# priority list it is in (headed 'do-<section id>'); "page" for the page around the examples.
WHERE = """(node) => {
  let cards = node.closest('ul.ps-cards');
  while (cards && cards.parentElement.closest('ul.ps-cards')) cards = cards.parentElement.closest('ul.ps-cards');
  if (cards) {
    for (let e = cards.previousElementSibling; e; e = e.previousElementSibling)
      if (e.tagName === 'H3' && e.id.startsWith('do-')) return e.id.slice(3);
  }
  const section = node.closest('article > section[aria-labelledby]');
  return section ? section.getAttribute('aria-labelledby') : 'page';
}"""

AXE_BY_EXAMPLE = """async (tags) => {
  const whereOf = WHERE;
  const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
  const found = {};
  for (const v of result.violations)
    for (const n of v.nodes) {
      const key = whereOf(document.querySelector(n.target[0]) || document.body);
      (found[key] = found[key] || []).push(`${v.id}: ${v.help} at ${n.target.join(' ')}`);
    }
  return found;
}"""

LIVE_MARKUP = """() => {
  const whereOf = WHERE;
  const found = {};
  const add = (node, what) => { const key = whereOf(node); (found[key] = found[key] || []).push(what); };
  for (const e of document.querySelectorAll('main script, main iframe, main object, main embed, main img, main form, '
                                            + 'main style, main link'))
    add(e, `<${e.tagName.toLowerCase()}>`);
  for (const e of document.querySelectorAll('main *'))
    for (const a of e.attributes) {
      if (a.name.startsWith('on')) add(e, `${e.tagName.toLowerCase()} ${a.name}="${a.value}"`);
      if (['href', 'src', 'action', 'formaction'].includes(a.name)
          && /^\\s*(javascript|data|vbscript):/i.test(a.value.replace(/[\\u0000-\\u0020]/g, '')))
        add(e, `${e.tagName.toLowerCase()} ${a.name}="${a.value}"`);
    }
  return found;
}"""

TOO_WIDE = """() => {
  const whereOf = WHERE;
  const found = {};
  for (const e of document.querySelectorAll('main *')) {
    if (e.closest('.ps-table-wrap')) continue;  // a table scrolls inside its own region (WCAG 1.4.10 allows it)
    const right = e.getBoundingClientRect().right;
    if (right > innerWidth + 1) {
      const key = whereOf(e);
      (found[key] = found[key] || []).push(`${e.tagName.toLowerCase()}.${e.className} reaches ${Math.round(right)}px`);
    }
  }
  return {scroll: document.documentElement.scrollWidth, found};
}"""

UNNAMED_PICTURES = """() => {
  const whereOf = WHERE;
  const found = {};
  for (const s of document.querySelectorAll('main svg'))
    if (s.getAttribute('aria-hidden') !== 'true' && !s.getAttribute('aria-label')
        && !s.closest('[aria-hidden=true], a, button, label') && !s.querySelector('title')) {
      const key = whereOf(s);
      (found[key] = found[key] || []).push(s.outerHTML.slice(0, 80));
    }
  return found;
}"""
# The pages' Content-Security-Policy forbids eval, so the locating function is written into each script.
AXE_BY_EXAMPLE, LIVE_MARKUP, TOO_WIDE, UNNAMED_PICTURES = (
    script.replace("WHERE", WHERE) for script in (AXE_BY_EXAMPLE, LIVE_MARKUP, TOO_WIDE, UNNAMED_PICTURES)
)

TEXTS = """() => Object.fromEntries([...document.querySelectorAll('main section[aria-labelledby]')]
  .map(s => [s.getAttribute('aria-labelledby'), s.textContent.replace(/\\s+/g, ' ')]))"""


@pytest.fixture(scope="module")
def examples_site(tmp_path_factory):
    """The project with the examples plan added, built once as a preview (the plan is a draft)."""
    project = copy_project(tmp_path_factory.mktemp("examples-project"))
    (project / "data" / "plans" / f"{SLUG}.yml").write_text(examples_plan(EXAMPLES), encoding="utf-8")
    out = tmp_path_factory.mktemp("examples-site")
    result = build(out, project / "mkdocs.yml", preview=True)
    assert result.returncode == 0, result.stderr[-3000:]
    return out


@pytest.fixture(scope="module")
def seen(examples_site, browser):
    """What each of the two pages shows, from one visit each: axe results, live markup, texts, icons,
    requests, width at 320px."""
    httpd, server = serve(examples_site)
    axe_source = AXE.read_text(encoding="utf-8")
    results = {}
    for audience, url in PAGES.items():
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        csp: list[str] = []
        requests: list[str] = []
        page.on("request", lambda request, requests=requests: requests.append(request.url))
        page.on(
            "console",
            lambda message, csp=csp: csp.append(message.text) if "Content Security Policy" in message.text else None,
        )
        page.goto(server + url, wait_until="load")
        page.evaluate(axe_source)
        results[audience] = {
            "axe": page.evaluate(AXE_BY_EXAMPLE, WCAG_TAGS),
            "live": page.evaluate(LIVE_MARKUP),
            "texts": page.evaluate(TEXTS),
            "pictures": page.evaluate(UNNAMED_PICTURES),
            "csp": csp,
            "elsewhere": [r for r in requests if not r.startswith(server) and not r.startswith("data:")],
        }
        page.set_viewport_size({"width": 320, "height": 640})
        page.wait_for_timeout(1000)  # let the theme's transitions into its narrow layout finish
        results[audience]["narrow"] = page.evaluate(TOO_WIDE)
        # Some rules (target size, contrast over what wraps) see a narrow page differently.
        for where, found in page.evaluate(AXE_BY_EXAMPLE, WCAG_TAGS).items():
            known = results[audience]["axe"].setdefault(where, [])
            known += [f"at 320px: {v}" for v in found if v not in known]
        page.close()
    httpd.shutdown()
    return results


IDS = [named.section_id for named in EXAMPLES]
BY_ID = {named.section_id: named for named in EXAMPLES}
# Examples that show a bug not yet fixed outside the templates, by the check they fail. Strict:
# when the bug is fixed the test says so, and the entry goes.
AXE_BUGS: dict[str, str] = {}
HTML_BUGS: dict[str, str] = {}
TEXT_BUGS: dict[str, str] = {}


def _with_known_bugs(ids: list[str], bugs: dict[str, str]) -> list:
    return [pytest.param(i, marks=pytest.mark.xfail(reason=bugs[i], strict=True)) if i in bugs else i for i in ids]


@pytest.mark.parametrize("example", _with_known_bugs(IDS, AXE_BUGS))
def test_axe_finds_no_wcag_violation_in_the_example(seen, example):
    found = {audience: seen[audience]["axe"].get(example, []) for audience in PAGES}
    assert found == {audience: [] for audience in PAGES}, json.dumps(found, indent=1)


def test_axe_finds_no_wcag_violation_around_the_examples(seen):
    """The rest of both pages: contents, the help box, the audience switch, the rights list."""
    ids = set(IDS)
    found = {audience: {k: v for k, v in seen[audience]["axe"].items() if k not in ids} for audience in PAGES}
    assert found == {audience: {} for audience in PAGES}, json.dumps(found, indent=1)


@pytest.mark.parametrize("example", IDS)
def test_the_example_makes_no_live_markup(seen, example):
    """Whatever the text, no script, event handler, embedded object, image or script link comes out."""
    found = {audience: seen[audience]["live"].get(example, []) for audience in PAGES}
    assert found == {audience: [] for audience in PAGES}


def test_every_picture_is_hidden_from_screen_readers_or_named(seen):
    """Icons sit beside words that say the same, so each is aria-hidden (or named, when alone)."""
    assert {audience: seen[audience]["pictures"] for audience in PAGES} == {audience: {} for audience in PAGES}


@pytest.mark.parametrize("example", _with_known_bugs([i for i in IDS if BY_ID[i].example.expect_text], TEXT_BUGS))
def test_text_that_looks_like_markup_is_shown_as_typed(seen, example):
    shown = seen["adult"]["texts"][example]
    assert [t for t in BY_ID[example].example.expect_text if t not in shown] == []


def test_no_example_makes_the_page_scroll_sideways_at_320_pixels(seen):
    """WCAG 1.4.10 (reflow): long words and wide tables stay inside the page; tables scroll in their own region."""
    found = {audience: seen[audience]["narrow"] for audience in PAGES}
    assert all(f["scroll"] <= 320 and not f["found"] for f in found.values()), json.dumps(found, indent=1)[:4000]


def test_no_content_security_policy_violation_and_no_request_to_another_site(seen):
    assert {audience: seen[audience]["csp"] for audience in PAGES} == {audience: [] for audience in PAGES}
    assert {audience: seen[audience]["elsewhere"] for audience in PAGES} == {audience: [] for audience in PAGES}


SECTION_START = re.compile(r'<section[^>]* aria-labelledby="([^"]+)"|<h3 id="do-([^"]+)"')


def _example_at(html: str, line: int) -> str:
    """The example whose section (or young-people list) a line of a page falls in, as WHERE finds it for the browser."""
    found = "page"
    for match in SECTION_START.finditer(html, 0, sum(len(part) for part in html.splitlines(keepends=True)[:line])):
        found = match.group(1) or match.group(2)
    return found


@pytest.fixture(scope="module")
def html_errors(examples_site) -> dict[str, list[str]]:
    """The Nu HTML Checker's errors on both pages, by example."""
    files = {audience: examples_site / url / "index.html" for audience, url in PAGES.items()}
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, files.values())],
        capture_output=True,
        text=True,
        timeout=600,
    )
    found: dict[str, list[str]] = {}
    for message in json.loads(result.stderr or '{"messages": []}')["messages"]:
        if message["type"] != "error":
            continue
        audience = next(a for a, f in files.items() if message["url"].endswith(str(f)))
        where = _example_at(files[audience].read_text(encoding="utf-8"), message.get("lastLine", 1))
        found.setdefault(where, []).append(f"{audience} page, line {message.get('lastLine')}: {message['message']}")
    return found


@pytest.mark.parametrize("example", _with_known_bugs(IDS, HTML_BUGS))
def test_the_nu_html_checker_finds_no_error_in_the_example(html_errors, example):
    assert html_errors.get(example, []) == []


def test_the_nu_html_checker_finds_no_error_around_the_examples(html_errors):
    assert {k: v for k, v in html_errors.items() if k not in BY_ID} == {}


def test_every_example_is_on_the_adult_page(seen):
    assert sorted(set(IDS) - set(seen["adult"]["texts"])) == []
