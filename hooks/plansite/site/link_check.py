"""Links and anchors of generated pages, handed to MkDocs' own link validation.

MkDocs collects a page's anchors and links while it renders Markdown; a generated page's HTML
comes later, from our templates. So each generated page's ids and links are read from its HTML
here: its ids become the anchors others may link to, its links to other pages' anchors are
validated by MkDocs with the rest, and a link to a page that does not exist is a warning (which
fails the strict build).
"""

from __future__ import annotations

import logging
import posixpath
import re
from html import unescape
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.plugins.plansite")

# A page's links that stay on the site: (href, the URL it goes to or None for the page itself, #fragment).
SiteLinks = list[tuple[str, str | None, str]]


class _IdsAndLinks(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"])
        if tag == "a" and values.get("name"):
            self.ids.add(values["name"])
        if tag == "a" and values.get("href") is not None:
            self.links.append(values["href"])


# A start tag and its attributes, as HTML writes them; enough for the HTML our templates and the
# sanitiser write (no comments, no scripts with markup inside), and tested against the parser above.
_START_TAG = re.compile(
    r"""<([a-zA-Z][^\s/>]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*/?>"""
)
_WANTED = re.compile(r"\s(?:id|name|href)\b", re.IGNORECASE)
_ATTRIBUTE = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")


def ids_and_links(html: str) -> tuple[set[str], list[str]]:
    """The ids in an HTML fragment, and the href of every link in it."""
    if "<!--" in html or "<script" in html or "<style" in html:
        parser = _IdsAndLinks()
        parser.feed(html)
        parser.close()
        return parser.ids, parser.links
    return _read_tags(html)


def _read_tags(html: str) -> tuple[set[str], list[str]]:
    ids: set[str] = set()
    links: list[str] = []
    for tag, attributes in _START_TAG.findall(html):
        if not _WANTED.search(attributes):
            continue
        values: dict[str, str] = {}
        for name, double, single, bare in _ATTRIBUTE.findall(attributes):
            values.setdefault(name.lower(), unescape(double or single or bare))
        tag = tag.lower()
        if values.get("id"):
            ids.add(values["id"])
        if tag == "a" and values.get("name"):
            ids.add(values["name"])
        if tag == "a" and "href" in values:
            links.append(values["href"])
    return ids, links


def page_url(file: File) -> str:
    """A file's URL from the site root, as MkDocs' Page gives it: '' for the home page (its File's "./")."""
    return "" if file.url in (".", "./") else file.url


class LinkCheck:
    """Records generated pages' anchors and links for MkDocs' anchor validation."""

    def __init__(self) -> None:
        self._by_url: dict[str, File] = {}

    def use(self, files: Files) -> None:
        """The site's files, once MkDocs has them all: links are looked up among them by URL."""
        self._by_url = {}
        for file in files:
            url = page_url(file)
            self._by_url[url] = file
            self._by_url.setdefault(url.removesuffix("index.html"), file)

    def record(self, page: Page, ids: set[str], links: SiteLinks) -> None:
        """Hand MkDocs a generated page's ids and the links its body makes (on_site_links)."""
        page.present_anchor_ids = ids
        page.links_to_anchors = {}
        for href, url, fragment in links:
            target = page.file if url is None else self._by_url.get(url)
            if target is None:
                log.warning(
                    f"Doc file '{page.file.src_uri}' contains a link '{href}', but there is no page at "
                    f"'{urlsplit(href).path}'."
                )
            elif fragment:
                page.links_to_anchors.setdefault(target, {}).setdefault(fragment, href)


def on_site_links(page_url: str, hrefs: list[str]) -> SiteLinks:
    """The links of the page at page_url that stay on the site, as (href, the URL it goes to from
    the site root or None for the page itself, its #fragment decoded); links off the site are the
    prose checks' concern. Worked out where the page's body is drawn (in a fork, when drawn ahead),
    so that the build's process only looks the URLs up (LinkCheck.record)."""
    found = []
    folder = posixpath.dirname("/" + page_url)
    for href in hrefs:
        parts = urlsplit(href)
        if parts.scheme or parts.netloc:
            continue
        url = None
        if parts.path:
            path = posixpath.normpath(posixpath.join(folder, unquote(parts.path)))
            url = path.lstrip("/") + ("/" if parts.path.endswith("/") and path != "/" else "")
        found.append((href, url, unquote(parts.fragment)))
    return found
