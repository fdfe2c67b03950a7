"""The fast HTML checks, on every page of the built site whatever its size: what the browser suite
checks on a sample of the pages past a bound (tests/page_sample.py), read from the HTML itself."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path


class PageFacts(HTMLParser):
    """What a page's markup says about its structure."""

    def __init__(self) -> None:
        super().__init__()
        self.h1 = 0
        self.lang = None
        self.images_without_alt = 0
        self.outside: list[str] = []
        self.first_link: str | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "html":
            self.lang = attributes.get("lang")
        elif tag == "h1":
            self.h1 += 1
        elif tag == "img" and "alt" not in attributes:
            self.images_without_alt += 1
        if tag == "a" and self.first_link is None:
            self.first_link = attributes.get("class") or ""
        # What a browser would fetch without being asked: scripts, styles, pictures, frames, icons.
        fetched = set((attributes.get("rel") or "").split()) & {"stylesheet", "icon", "preload", "prefetch", "manifest"}
        for name in ("src", "srcset", "poster") + (("href",) if tag == "link" and fetched else ()):
            value = attributes.get(name) or ""
            if re.match(r"\s*(https?:)?//", value):
                self.outside.append(f"<{tag} {name}={value}>")


def every_page(site: Path) -> list[Path]:
    """Every page of the site but the form editor's, drawn by Decap CMS (tests/browser/test_form_editor.py)."""
    return sorted(page for page in site.rglob("*.html") if site / "admin" not in page.parents)


def test_every_page_has_one_h1_its_language_a_skip_link_and_fetches_nothing_elsewhere(site):
    failures = []
    for file in every_page(site):
        html = file.read_text(encoding="utf-8")
        if '<meta http-equiv="refresh"' in html:
            continue  # a redirect from a plan's old address: no page of its own
        facts = PageFacts()
        facts.feed(html)
        name = file.relative_to(site).as_posix()
        if facts.h1 != 1:
            failures.append(f"{name}: {facts.h1} h1")
        if facts.lang != "en-GB":
            failures.append(f"{name}: lang {facts.lang}")
        if facts.images_without_alt:
            failures.append(f"{name}: {facts.images_without_alt} images without alt")
        if "md-skip" not in (facts.first_link or ""):
            failures.append(f"{name}: the first link is not the skip link")
        failures += [f"{name}: {tag}" for tag in facts.outside]
    assert len(every_page(site)) > 100
    assert not failures, "\n".join(failures[:30])
