"""What editors may type in a text field: plain words and a little Markdown, never HTML or unsafe links."""

from __future__ import annotations

import html
import re
import unicodedata

# Things that look like HTML: a tag, a comment, a doctype or an autolink in angle brackets.
# Every pattern here must stay linear: a text can be nearly 1 MB, and `\s*[/!?]?\s*` or a `[^\]]*`
# tried from each of many openings takes hours on the wrong input.
HTML_TAG = re.compile(r"<\s*(?:[/!?]\s*)?[A-Za-z]")
ENTITY = re.compile(r"&(#\d+|#[xX][0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);")
# Markdown inline links and images: [text](url "title"), and reference definitions: [id]: url.
# Only the '](' is looked for, so link texts with brackets in them count too; the url is taken up
# to the ')', whitespace included, because Markdown keeps 'java\tscript:' as one url.
INLINE_LINK = re.compile(r"\]\(\s*<?([^)>]*)")
REFERENCE_LINK = re.compile(r"^\s{0,3}\[[^\[\]]+\]:\s*<?(\S+?)>?(\s|$)", re.MULTILINE)
ATTRIBUTE_LIST = re.compile(r"\{\s*[:#.]")
SAFE_SCHEMES = ("http", "https", "mailto", "tel")
PLACEHOLDER = re.compile(r"\[\[[^\]]*\]\]")


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


MAX_TEXT = 20_000
MAX_BRACKETS = 300


def text_problem(value: str) -> str | None:
    """Why a text value cannot be published, as 'what is wrong; how to fix it', or None if it is fine."""
    tag = HTML_TAG.search(value)
    if tag:
        snippet = value[tag.start() : tag.start() + 20].split("\n")[0]
        return (
            f"HTML is not allowed in text (found '{snippet}')"
            "; remove it: write *words* for emphasis and [link text](https://example.org) for links"
        )
    entity = ENTITY.search(value)
    if entity:
        return (
            f"HTML character codes are not allowed in text (found '{entity.group(0)}')"
            "; type the character itself instead"
        )
    if ATTRIBUTE_LIST.search(value):
        return "'{:' or '{#' or '{.' would add HTML attributes; remove the curly brackets"
    for pattern in (INLINE_LINK, REFERENCE_LINK):
        for match in pattern.finditer(value):
            if unsafe_link(match.group(1)):
                return (
                    f"the link '{match.group(1)[:40]}' is not allowed"
                    "; links must start with https://, http://, mailto:, tel: or a single / for a page of this site"
                )
    if len(value) > MAX_TEXT:
        return f"this text is {len(value):,} characters long; a text may have up to {MAX_TEXT:,}; split it into several blocks"
    if value.count("[") > MAX_BRACKETS:
        # Python-Markdown takes quadratic time on many '[' (its issue #798): a few thousand stall a build.
        return f"this text has {value.count('[')} square brackets; a text may have up to {MAX_BRACKETS}; remove the extra brackets"
    return None


def placeholders(value: str) -> list[str]:
    """Placeholders such as [[write the title here]] left in a text by the new-plan template."""
    return PLACEHOLDER.findall(value)
