"""A paragraph's words as the Markdown the plans' text fields accept: bold, italics, links.

Characters a data file may not hold (tabs, invisible spaces, controls, the private-use bullets of
Word's Symbol font) are made ordinary; marks that Markdown or the text checks would read as
markup are escaped, so the words show as the document printed them.
"""

from __future__ import annotations

import re
import unicodedata

from ..read.characters import HANGUL_FILLERS, NONCHARACTERS
from ..texts.typed import text_problem
from .tree import Span

SYMBOL_BULLETS = {
    "\uf0b7": "•",
    "\uf0a7": "▪",
    "\uf076": "❖",
    "\uf0d8": "➢",
    "\uf0fc": "✓",
    "\uf0a8": "▫",
    "\uf06e": "■",
}
"""Bullets typed in Word's Symbol and Wingdings fonts, which store them as private-use characters."""

SPACES = {"\t", "\u00a0", "\u2007", "\u202f", "\u3000", "\u2028", "\u2029", "\u000b", "\u000c"}


def clean(text: str) -> str:
    """Text with every character a data file refuses made a space, a bullet, or nothing."""
    if text.isprintable() and text.isascii():
        return text
    out = []
    for char in text:
        if char in SYMBOL_BULLETS:
            out.append(SYMBOL_BULLETS[char])
        elif char in SPACES or char == "\n" or char == "\r":
            out.append(" ")
        elif char == "\u00ad":  # a soft hyphen shows only where a line breaks
            continue
        elif unicodedata.category(char) in ("Cc", "Cf", "Co", "Cs", "Zl", "Zp"):
            continue
        elif char in HANGUL_FILLERS or char in NONCHARACTERS:
            continue
        else:
            out.append(char)
    return "".join(out)


# Marks Markdown reads inside a line, and the checks' own patterns (tags, entities, attribute lists).
_INLINE_MARKS = re.compile(r"([\\`*_\[\]])")
_TAG_START = re.compile(r"<(?=\s*[/!?]?\s*[A-Za-z])")
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_ATTRIBUTES = re.compile(r"\{(?=\s*[:#.])")
# What starts a block in Markdown when it opens a line: a heading, a quote, a list item, a rule.
_BLOCK_START = re.compile(r"^(\s*)([#>+=|]|[-*](?=\s|$)|\d{1,9}(?=[.)](?:\s|$)))")


def escape(text: str) -> str:
    """Plain words made safe as Markdown: they show as typed, and no check takes them for markup."""
    text = _INLINE_MARKS.sub(r"\\\1", text)
    text = _TAG_START.sub("‹", text)  # '<b' would be taken for a tag; the angle quote reads the same
    text = _ENTITY.sub("& ", text)
    return _ATTRIBUTES.sub("( ", text)


def escape_line_start(text: str) -> str:
    """A paragraph whose first characters would start a Markdown heading, quote or list, escaped."""
    return _BLOCK_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text, count=1)


def _wrap(text: str, mark: str) -> str:
    """Text between emphasis marks, its outer spaces kept outside (Markdown needs the marks on words)."""
    core = text.strip()
    if not core:
        return text
    start = text[: len(text) - len(text.lstrip())]
    end = text[len(text.rstrip()) :]
    return f"{start}{mark}{core}{mark}{end}"


def link_kept(words: str, url: str) -> bool:
    """Whether a link can be published as it is (https:, mailto:, tel:), by the project's own check.

    A link into the document itself (a bookmark) or to a file beside it means nothing on the site.
    """
    if not words.strip() or not re.match(r"(https://|mailto:|tel:)", url, re.I):
        return False
    return text_problem(f"[{words}]({url})") is None


def markdown(spans: list[Span], refused_links: list[str] | None = None) -> str:
    """The spans as one line of Markdown; links the site refuses keep their words and go to refused_links."""
    pieces: list[tuple[str, bool, bool, str | None]] = []
    for span in spans:
        text = clean(span.text)
        if not text:
            continue
        look = (span.bold, span.italic, span.link)
        if pieces and pieces[-1][1:] == look:
            pieces[-1] = (pieces[-1][0] + text, *look)
        else:
            pieces.append((text, *look))
    out = []
    for text, bold, italic, link in pieces:
        words = escape(text)
        if bold and italic:
            words = _wrap(words, "***")
        elif bold:
            words = _wrap(words, "**")
        elif italic:
            words = _wrap(words, "*")
        if link:
            url = link.strip()
            if link_kept(words.strip(), url):
                lead, tail = words[: len(words) - len(words.lstrip())], words[len(words.rstrip()) :]
                words = f"{lead}[{words.strip()}]({url}){tail}"
            elif refused_links is not None and not url.startswith("#"):
                refused_links.append(url)
        out.append(words)
    return escape_line_start(" ".join("".join(out).split()))
