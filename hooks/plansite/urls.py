"""Links judged by where a browser goes, not by how they look.

Each text is rendered as the site renders it, and every link and image in the HTML is read with
a parser that follows the WHATWG URL standard as browsers do (ada-url), resolved against a page
of the site. `[x](\\/evil.example)` looks site-relative, but a browser reads `\\` as `/` and goes
to another site: here it is refused, with the text's place in the YAML.

A link may stay on the site, or go out to https:, mailto: (one valid address, nothing hidden in
a query) or tel: (a valid phone number). Images may only come from the site itself.
"""

from __future__ import annotations

import functools
import re
from html.parser import HTMLParser
from urllib.parse import unquote

import markdown
from ada_url import URL, HostType

# Any page of the site will do as the base: what matters is whether the link leaves its origin.
SITE = "https://plansite.invalid"
PAGE = SITE + "/plans/a-plan/"
ALLOWED = "links must start with https://, mailto: or tel:, or go to a page of this site (e.g. /uncrc/)"


class _Links(HTMLParser):
    """Every URL in a piece of HTML, as the browser reads it (entities decoded), with its tag."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src") and value is not None:
                self.found.append((tag, value))

    handle_startendtag = handle_starttag


class _LinkWords(HTMLParser):
    """The words of every link in a piece of HTML (an image's alt text counts as words)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.words: list[tuple[str, str]] = []  # (href, words)
        self.open: list[list[str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "a":
            self.open.append([values.get("href") or "", ""])
        elif tag == "img" and self.open:
            self.open[-1][1] += values.get("alt") or ""

    def handle_data(self, data: str) -> None:
        if self.open:
            self.open[-1][1] += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self.open:
            href, words = self.open.pop()
            self.words.append((href, words))


_CONVERTER = markdown.Markdown(output_format="html")


@functools.lru_cache(maxsize=1024)
def rendered(text: str) -> str:
    """A text as Markdown renders it, before sanitising: once per text, for the link checks and prose.py."""
    return _CONVERTER.reset().convert(text)


def unnamed_link(text: str) -> str | None:
    """The address of the first link in the rendered text that has no words to click, or None."""
    if "[" not in text:
        return None
    parser = _LinkWords()
    parser.feed(rendered(text))
    parser.close()
    return next((href for href, words in parser.words if not words.strip()), None)


def links_in(html: str) -> list[tuple[str, str]]:
    """(tag, url) for every link and image in the HTML."""
    parser = _Links()
    parser.feed(html)
    parser.close()
    return parser.found


def email_problem(address: str) -> str | None:
    """Why an email address cannot be published, or None."""
    from email_validator import EmailNotValidError, validate_email  # here: a build from saved plans checks no address

    try:
        validate_email(address, check_deliverability=False)
    except EmailNotValidError as error:
        return str(error).rstrip(".")
    return None


def phone_problem(number: str) -> str | None:
    """Why a phone number cannot be published, or None; numbers without +44 are read as UK numbers."""
    import phonenumbers  # here: a build from saved plans checks no number

    try:
        parsed = phonenumbers.parse(number, "GB")
    except phonenumbers.NumberParseException:
        return "it is not a phone number"
    if not phonenumbers.is_valid_number(parsed) and len(phonenumbers.national_significant_number(parsed)) > 5:
        return "it is not a valid phone number"
    if not phonenumbers.is_possible_number(parsed) and len(phonenumbers.national_significant_number(parsed)) > 5:
        return "it is not a possible phone number"
    return None


def url_problem(href: str, *, image: bool = False, base: str = PAGE) -> str | None:
    """Why a browser following this link (or loading this image) would leave what is allowed, or None."""
    try:
        url = URL(href, base=base)
    except ValueError:
        return "it is not a web address a browser can follow"
    if url.origin == SITE:
        if url.username or url.password:
            return "it hides a user name or password in the address"
        return None
    if not _written_scheme(href):
        return (
            "it looks like a link to a page of this site, but a browser goes to another site with it "
            "('\\' and '//' lead off the site)"
        )
    if image:
        return "images may only come from this site (the site makes no requests to other sites)"
    scheme = url.protocol
    if scheme == "https:":
        if url.username or url.password:
            return "it hides a user name or password before the site's name (the browser goes to what follows '@')"
        if url.host_type != HostType.DEFAULT:
            return "it goes to a numeric address (such as 127.0.0.1), not a site name"
        if "." not in url.hostname.strip("."):
            return "it has no full site name (such as example.org)"
        return None
    if scheme == "http:":
        return "it uses http:, which is not secure; use https://"
    if scheme == "mailto:":
        if url.search or "," in url.pathname or ";" in url.pathname:
            return "a mailto: link may hold one address and nothing after it (no ?cc=, ?bcc= or ?subject=)"
        problem = email_problem(_decoded(url.pathname))
        return f"the email address is not valid ({problem})" if problem else None
    if scheme == "tel:":
        problem = phone_problem(_decoded(url.pathname))
        return f"the phone number is not valid ({problem})" if problem else None
    return f"links starting with '{scheme}' are not allowed"


def _written_scheme(href: str) -> str:
    """The scheme the link is written with, read as the URL standard does (tabs, newlines and
    leading or trailing controls and spaces removed), or '' for a link relative to the page."""
    cleaned = "".join(c for c in href.strip("".join(map(chr, range(0x21)))) if c not in "\t\n\r")
    match = re.match(r"[A-Za-z][A-Za-z0-9+.\-]*:", cleaned)
    return match.group(0).lower() if match else ""


def _decoded(text: str) -> str:
    return unquote(text)


@functools.lru_cache(maxsize=4096)
def link_problem(text: str) -> tuple[str, str] | None:
    """The first link or image in the rendered text that is not allowed, as (link, why), or None.

    Links only come from Markdown's square brackets (angle-bracket autolinks are refused as
    HTML before this runs), so a text without '[' is not rendered here.
    """
    if "[" not in text:
        return None
    for tag, href in links_in(rendered(text)):
        why = url_problem(href, image=tag == "img")
        if why:
            return href, why
    return None


@functools.lru_cache(maxsize=4096)
def hrefs_in(text: str) -> tuple[tuple[str, str], ...]:
    """(tag, url) of every link and image the rendered text holds (none without a '[')."""
    if "[" not in text:
        return ()
    return tuple(links_in(rendered(text)))


def on_site(href: str, page_url: str) -> tuple[str, str] | None:
    """(path, fragment) a site-internal link leads to from a page ('plans/x/'), or None for a link off the site."""
    try:
        url = URL(href, base=f"{SITE}/{page_url}")
    except ValueError:
        return None
    if url.origin != SITE:
        return None
    return unquote(url.pathname).lstrip("/"), unquote(url.hash.removeprefix("#"))
