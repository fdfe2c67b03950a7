"""Where a link goes, judged as a browser goes there, not by how it looks.

Every link of a text's HTML (prose.py) is read with a parser that follows the WHATWG URL
standard as browsers do (ada-url), resolved against a page of the site. `[x](\\/evil.example)`
looks site-relative, but a browser reads `\\` as `/` and goes to another site: it is refused.

A link may stay on the site, or go out to https: (a site name valid by the URL standard's host
rules, in one alphabet), mailto: (one valid address, nothing hidden in a query) or tel: (a phone
number in digits). Images may only come from the site itself.
"""

from __future__ import annotations

import html
import re
import unicodedata
from html.parser import HTMLParser
from urllib.parse import unquote

from ada_url import URL, HostType

from .letters import looks_latin, mixed_scripts

# Any page of the site will do as the base: what matters is whether the link leaves its origin.
SITE = "https://plansite.invalid"
PAGE = SITE + "/plans/a-plan/"
ALLOWED = "links must start with https://, mailto: or tel:, or go to a page of this site (e.g. /uncrc/)"


SAFE_SCHEMES = ("http", "https", "mailto", "tel")


def _as_browser_reads(url: str) -> str:
    """A link with entities decoded and whitespace and hidden characters removed, as a browser reads it."""
    return "".join(ch for ch in html.unescape(url) if not ch.isspace() and unicodedata.category(ch)[0] != "C")


def link_scheme(url: str) -> str:
    """The scheme of a link as a browser would read it."""
    match = re.match(r"([A-Za-z][A-Za-z0-9+.\-]*):", _as_browser_reads(url))
    return match.group(1).lower() if match else ""


def unsafe_link(url: str) -> bool:
    """True when a link would run code or leave the web (javascript:, data:, vbscript:...), or is
    protocol-relative ('//host'), which looks site-relative but leads to another site."""
    scheme = link_scheme(url)
    return (bool(scheme) and scheme not in SAFE_SCHEMES) or _as_browser_reads(url).startswith(("//", "\\\\", "/\\"))


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
        return host_problem(url.hostname)
    if scheme == "http:":
        return "it uses http:, which is not secure; use https://"
    if scheme == "mailto:":
        if url.search or "," in url.pathname or ";" in url.pathname:
            return "a mailto: link may hold one address and nothing after it (no ?cc=, ?bcc= or ?subject=)"
        address = _decoded(url.pathname)
        problem = email_problem(address) or host_problem(address.rpartition("@")[2])
        return f"the email address is not valid ({problem})" if problem else None
    if scheme == "tel:":
        number = _decoded(url.pathname)
        if not TEL_DIGITS.fullmatch(number):
            return "a tel: link holds the number in digits (spaces, hyphens and a leading + may stay), not letters"
        problem = phone_problem(number)
        return f"the phone number is not valid ({problem})" if problem else None
    return f"links starting with '{scheme}' are not allowed"


# A phone number in a tel: link: digits, with the separators people print, and a leading +.
TEL_DIGITS = re.compile(r"\+?[0-9](?:[0-9 .()-]*[0-9])?")
LABEL = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?")


def host_problem(host: str) -> str | None:
    """Why a site's name is not a valid domain by the URL standard's host rules, or looks like another
    site's name, or None. The name is as the URL parser gives it: lower case, punycode for other scripts."""
    try:
        ascii_host = URL(f"https://{host}/").hostname if not host.isascii() else host.lower()
    except ValueError:
        return "it has no valid site name"
    labels = ascii_host.removesuffix(".").split(".")
    if len(labels) < 2:
        return "it has no full site name (such as example.org)"
    if len(ascii_host) > 253 or "" in labels:
        return "its site name has an empty part ('..') or is too long; check the dots in it"
    for label in labels:
        if not LABEL.fullmatch(label) or (label[2:4] == "--" and not label.startswith("xn--")):
            return (
                f"its site name has the part '{label[:63]}', which is not allowed in a site name "
                "(letters, digits and hyphens only, no hyphen at either end)"
            )
        if label.startswith("xn--"):
            try:
                word = label[4:].encode("ascii").decode("punycode")
            except UnicodeError:
                return f"its site name has the part '{label}', which is not a valid international name"
            mixed = mixed_scripts(word)
            if mixed:
                return (
                    f"its site name mixes letters of different alphabets ({' and '.join(s.title() for s in mixed)}: "
                    f"'{word}'), so it can pass for another site's name; type the address in one alphabet"
                )
            if looks_latin(word):
                return (
                    f"its site name '{word}' is written in letters of another alphabet that look like Latin "
                    "letters, so it can pass for another site's name; type the address in Latin letters"
                )
    if labels[-1].isdigit():
        return "it has no full site name (such as example.org)"
    return None


# Link words that are themselves a web address or a site's name: 'www.gov.uk', 'https://x.org/y'.
ADDRESS_WORDS = re.compile(r"(?:https?://)?((?:[^\W_](?:[\w-]*[^\W_])?\.)+[^\W\d_]{2,})\.?(?:[/:?#]\S*)?", re.I)
EMAIL_WORDS = re.compile(r"[^@\s]+@((?:[^\W_](?:[\w-]*[^\W_])?\.)+[^\W\d_]{2,})", re.I)


def disguised_address(words: str, href: str, base: str = PAGE) -> str | None:
    """The site named by a link's words when the link goes elsewhere ('[www.gov.uk](https://evil.example)'), or None."""
    words = " ".join(words.split())
    named = ADDRESS_WORDS.fullmatch(words) or EMAIL_WORDS.fullmatch(words)
    if named is None:
        return None
    try:
        shown = URL(f"https://{named.group(1)}/").hostname
        target = URL(href, base=base)
    except ValueError:
        return named.group(1)
    goes_to = target.hostname if target.protocol == "https:" else _decoded(target.pathname).rpartition("@")[2]
    if target.protocol == "mailto:":
        goes_to = URL(f"https://{goes_to}/").hostname if goes_to else ""
    if shown.removeprefix("www.") != goes_to.lower().removeprefix("www."):
        return named.group(1)
    return None


def _written_scheme(href: str) -> str:
    """The scheme the link is written with, read as the URL standard does (tabs, newlines and
    leading or trailing controls and spaces removed), or '' for a link relative to the page."""
    cleaned = "".join(c for c in href.strip("".join(map(chr, range(0x21)))) if c not in "\t\n\r")
    match = re.match(r"[A-Za-z][A-Za-z0-9+.\-]*:", cleaned)
    return match.group(0).lower() if match else ""


def _decoded(text: str) -> str:
    return unquote(text)


def on_site(href: str, page_url: str) -> tuple[str, str] | None:
    """(path, fragment) a site-internal link leads to from a page ('plans/x/'), or None for a link off the site."""
    try:
        url = URL(href, base=f"{SITE}/{page_url}")
    except ValueError:
        return None
    if url.origin != SITE:
        return None
    return unquote(url.pathname).lstrip("/"), unquote(url.hash.removeprefix("#"))
