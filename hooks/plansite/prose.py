"""Editors' Markdown turned into safe HTML: article numbers linked, acronyms explained, nothing executable."""

from __future__ import annotations

import re
from typing import Callable

import markdown
import nh3
from markupsafe import Markup, escape

from .uncrc import link_mentions

ALLOWED_TAGS = {"p", "em", "strong", "a", "ul", "ol", "li", "h3", "h4", "h5", "h6", "br", "abbr", "blockquote", "code"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}}
HEADING = re.compile(r"<(/?)h([1-6])>")
TAG_OR_TEXT = re.compile(r"(<[^>]+>)")


def _shift_headings(html: str) -> str:
    """Headings typed in a text sit below the page's own h1 and h2, so they start at h3."""
    return HEADING.sub(lambda m: f"<{m.group(1)}h{min(6, int(m.group(2)) + 2)}>", html)


def explain_abbreviations(html: str, terms: dict[str, str]) -> str:
    """Wrap the first use of each known abbreviation in <abbr title="meaning">, outside links."""
    if not terms:
        return html
    pattern = re.compile(r"(?<![\w&#])(" + "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True)) + r")(?![\w])")
    seen: set[str] = set()
    depth_in_link = 0
    pieces = []
    for piece in TAG_OR_TEXT.split(html):
        if piece.startswith("<"):
            if piece.startswith("<a"):
                depth_in_link += 1
            elif piece.startswith("</a"):
                depth_in_link -= 1
            pieces.append(piece)
            continue
        if depth_in_link:
            pieces.append(piece)
            continue

        def wrap(match: re.Match) -> str:
            term = match.group(1)
            if term in seen:
                return term
            seen.add(term)
            return f'<abbr title="{escape(terms[term])}">{term}</abbr>'

        pieces.append(pattern.sub(wrap, piece))
    return "".join(pieces)


def to_html(
    text: str,
    *,
    article_href: Callable[[int], str] | None = None,
    abbreviations: dict[str, str] | None = None,
    inline: bool = False,
) -> Markup:
    """Render one text field. The output is sanitised whatever the input, so it is safe to insert."""
    source = link_mentions(text, article_href) if article_href else text
    html = markdown.markdown(source, extensions=[], output_format="html")
    html = _shift_headings(html)
    html = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto", "tel"},
        link_rel=None,
        strip_comments=True,
    )
    html = explain_abbreviations(html, abbreviations or {})
    if inline and html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return Markup(html)
