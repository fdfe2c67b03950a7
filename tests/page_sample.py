"""Which pages the browser visits: every page while the site is small, and past a bound every kind of
page and an even spread of the rest, so that the browser suite takes the same time at any size.

The fast HTML checks (tests/site/test_every_page_html.py, the Nu HTML Checker, the link check) still
read every page. `PLANSITE_BROWSER_PAGES` changes the bound (0: every page).
"""

from __future__ import annotations

import os
import re

BROWSER_PAGES = int(os.environ.get("PLANSITE_BROWSER_PAGES", "400"))
"""At most this many pages in the browser: today's site has about 230."""


def page_kind(url: str) -> str:
    """What kind of page a URL is, with the names that come from the data made '*':
    'young-people/plans/occ-plan/' is 'young-people/plans/*/', 'uncrc/article-12/page-2/' 'uncrc/article-*/page-*/'."""
    parts = [part for part in url.split("/") if part]
    prefix = parts[:1] if parts[:1] == ["young-people"] else []
    rest = parts[len(prefix) :]
    kind = rest[:1] + [re.sub(r"^(article-|page-)?.+$", r"\1*", part) for part in rest[1:]]
    return "/".join(prefix + kind) + ("/" if url.endswith("/") else "")


def sample(urls: list[str], bound: int = BROWSER_PAGES) -> list[str]:
    """All the URLs when there are at most `bound`, else the first of each kind and an even spread of the others."""
    urls = sorted(urls)
    if not bound or len(urls) <= bound:
        return urls
    first_of_kind: dict[str, str] = {}
    for url in urls:
        first_of_kind.setdefault(page_kind(url), url)
    chosen = dict.fromkeys(first_of_kind.values())
    others = [url for url in urls if url not in chosen]
    room = max(0, bound - len(chosen))
    step = len(others) / room if room else 0
    chosen.update(dict.fromkeys(others[int(i * step)] for i in range(room)))
    return sorted(chosen)
