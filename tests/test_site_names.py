"""Every built page: each id unique and non-empty, each fragment link pointing at an id that exists.

Ids come from the data (sections, items, references, glossary terms) and from the theme; two
elements with one id, or a link to an id no page has, are what class 6 of the hostile-input
issue found. This test reads the real build, page by page.
"""

from __future__ import annotations

from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

SITE_ROOT = "https://site.invalid/"


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name == "id":
                self.ids.append(value or "")
            elif name == "href" and tag == "a" and value is not None:
                self.links.append(value)

    handle_startendtag = handle_starttag


def parse_site(site: Path) -> dict[str, _Page]:
    """Every HTML page of a built site, by its URL path ('plans/x/index.html')."""
    pages = {}
    for file in sorted(site.rglob("*.html")):
        parser = _Page()
        parser.feed(file.read_text(encoding="utf-8"))
        parser.close()
        pages[file.relative_to(site).as_posix()] = parser
    return pages


def id_problems(pages: dict[str, _Page]) -> list[str]:
    found = []
    for name, page in pages.items():
        found += [f"{name}: an empty id" for value in page.ids if not value.strip()]
        found += [f"{name}: id '{value}' {count} times" for value, count in Counter(page.ids).items() if count > 1]
    return found


def fragment_problems(pages: dict[str, _Page]) -> list[str]:
    """Links with a #fragment (on the same page or another page of the site) whose target does not exist."""
    ids = {name: set(page.ids) for name, page in pages.items()}
    found = []
    for name, page in pages.items():
        here = SITE_ROOT + name
        for href in page.links:
            target = urlsplit(urljoin(here, href))
            if not target.fragment or not (target.scheme + "://" + target.netloc + "/") == SITE_ROOT:
                continue
            path = unquote(target.path.removeprefix("/"))
            path = path + "index.html" if path.endswith("/") or not path else path
            if path not in ids:
                continue  # a page the site does not build (checked by MkDocs' own link validation)
            fragment = unquote(target.fragment)
            if fragment not in ids[path]:
                found.append(f"{name}: link '{href}' has no target")
    return found


def test_every_id_is_unique_and_not_empty(site: Path) -> None:
    pages = parse_site(site)
    assert len(pages) > 100
    assert id_problems(pages) == []


def test_every_fragment_link_has_a_target(site: Path) -> None:
    pages = parse_site(site)
    assert fragment_problems(pages) == []


@pytest.mark.parametrize(
    "markup, expected",
    [
        ('<p id="a"></p><p id="a"></p>', ["x.html: id 'a' 2 times"]),
        ('<p id=""></p>', ["x.html: an empty id"]),
        ('<p id="a"></p><a href="#a">ok</a>', []),
    ],
)
def test_id_check_can_fail(markup: str, expected: list[str]) -> None:
    page = _Page()
    page.feed(markup)
    assert id_problems({"x.html": page}) == expected


def test_fragment_check_can_fail() -> None:
    page, other = _Page(), _Page()
    page.feed('<a href="#missing">x</a><a href="other/#there">y</a><a href="other/#gone">z</a>')
    other.feed('<h2 id="there">t</h2>')
    problems = fragment_problems({"index.html": page, "other/index.html": other})
    assert problems == ["index.html: link '#missing' has no target", "index.html: link 'other/#gone' has no target"]
