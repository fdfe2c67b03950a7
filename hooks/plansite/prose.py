"""Editors' Markdown turned into safe HTML: article numbers linked, acronyms explained, nothing executable."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

import nh3
from markupsafe import Markup, escape

from .hard_words import terms_pattern
from .text import unsafe_link
from .uncrc import link_mentions
from .urls import rendered, url_problem

ALLOWED_TAGS = {"p", "em", "strong", "a", "ul", "ol", "li", "h3", "h4", "h5", "h6", "br", "abbr", "blockquote", "code"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}}
HEADING = re.compile(r"<(/?)h([1-6])>")
HEADING_ELEMENT = re.compile(r"<h([1-6])>(.*?)</h\1>", re.S)
TAG_OR_TEXT = re.compile(r"(<[^>]+>)")
# One line of words, digits and everyday punctuation, starting with a letter, with perhaps links to
# article pages as link_mentions writes them: Markdown would only wrap it in <p>, escape its '&' and
# make those links. Most texts are such a line; they skip Markdown and the sanitiser.
ARTICLE_LINK = re.compile(r"\[(\d{1,2})\]\(((?:\.\./|\./)*(?:young-people/)?uncrc/article-[1-9]\d?/)\)")
PLAIN_LINE = re.compile(
    r"[^\W\d_](?:"
    + ARTICLE_LINK.pattern
    + r"|[\w.,;:'\"?()%£$€/\u2013\u2014\u2018\u2019\u201c\u201d-]| (?! )|& )*(?<! )"
)


def _drop_unsafe_link(element: str, attribute: str, value: str) -> str | None:
    """The schema's reading of a link decides here too: nh3 keeps 'java    script:' as a relative
    link, the schema (spaces, tabs and hidden characters removed) does not; and a link a browser
    would follow off the site in a way the checks do not allow ('\\/host') is dropped as well."""
    return None if attribute == "href" and not _link_allowed(value) else value


@functools.lru_cache(maxsize=4096)
def _link_allowed(href: str) -> bool:
    """Decided once per address: the same article links come back on page after page."""
    return not (unsafe_link(href) or url_problem(href))


def _shift_headings(html: str) -> str:
    """Headings typed in a text sit below the page's own h1 and h2, so '#' becomes h3, '##' h4...;
    and a heading is never more than one level below the one before it ('##' then '######'
    becomes h4 then h5), so that the page skips no level."""
    open_headings: list[tuple[int, int]] = []  # (level typed, level given) of the headings above
    given = 0

    def level(match: re.Match) -> str:
        nonlocal given
        closing, typed = match.group(1), int(match.group(2))
        if not closing:
            while open_headings and open_headings[-1][0] >= typed:
                open_headings.pop()
            given = min(6, typed + 2, open_headings[-1][1] + 1 if open_headings else 6)
            open_headings.append((typed, given))
        return f"<{closing}h{given}>"

    return HEADING.sub(level, html)


# Where a word is never marked: inside a link or an explanation already, in a heading (the
# explanation goes in the running text below it), and where markup is not allowed or not shown.
LINKS = frozenset({"a", "abbr"})
NOT_RUNNING_TEXT = LINKS | frozenset(
    "h1 h2 h3 h4 h5 h6 button code label option script select style svg textarea title".split()
)
TAG_NAME = re.compile(r"<(/?)([a-zA-Z][\w-]*)")


def _mark_first_uses(
    html: str,
    terms: dict[str, str],
    mark: Callable[[str, str], str],
    seen: set[str],
    ignore_case: bool,
    inflected: bool = False,
    skip: frozenset[str] = LINKS,
) -> str:
    """Mark the first use of each term in the text of the HTML (outside the `skip` elements) with mark(word, value)."""
    if not terms:
        return html
    pattern = terms_pattern(tuple(terms), ignore_case, inflected)
    if pattern.search(html) is None:  # most texts use none of the terms
        return html
    lookup = {(t.lower() if ignore_case else t): v for t, v in terms.items()}
    depth_skipped = 0
    pieces = []
    for piece in TAG_OR_TEXT.split(html):
        if piece.startswith("<"):
            tag = TAG_NAME.match(piece)
            if tag and tag.group(2).lower() in skip and not piece.endswith("/>"):
                depth_skipped += -1 if tag.group(1) else 1
            pieces.append(piece)
            continue
        if depth_skipped:
            pieces.append(piece)
            continue

        def replace(match: re.Match) -> str:
            key = match.group(1).lower() if ignore_case else match.group(1)
            if key in seen:
                return match.group(0)
            seen.add(key)
            return mark(match.group(0), lookup[key])

        pieces.append(pattern.sub(replace, piece))
    return "".join(pieces)


def explain_abbreviations(html: str, meanings: dict[str, str], seen: set[str] | None = None) -> str:
    """Wrap the first use of each known abbreviation in <abbr title="meaning">."""
    return _mark_first_uses(
        html,
        meanings,
        lambda word, meaning: f'<abbr title="{escape(meaning)}">{word}</abbr>',
        set() if seen is None else seen,
        False,
    )


def link_glossary_terms(
    html: str, hrefs: dict[str, str], seen: set[str] | None = None, skip: frozenset[str] = LINKS
) -> str:
    """Link the first use of each explained word (or its plural or past form) to its entry in the glossary."""
    return _mark_first_uses(
        html,
        hrefs,
        lambda word, href: f'<a class="ps-term" href="{escape(href)}">{word}</a>',
        set() if seen is None else seen,
        True,
        inflected=True,
        skip=skip,
    )


def is_plain(source: str) -> bool:
    """True when Markdown would do nothing to a text but wrap it in a paragraph and escape it."""
    return "_" not in source and PLAIN_LINE.fullmatch(source) is not None


def plain_html(source: str) -> str:
    """A plain text as Markdown and the sanitiser would give it: one paragraph, '&' escaped, article links made."""
    return "<p>" + ARTICLE_LINK.sub(r'<a href="\2">\1</a>', source.replace("&", "&amp;")) + "</p>"


def markdown_html(source: str) -> str:
    """Any text as sanitised HTML: Markdown, headings moved below the page's, then nh3."""
    html = _shift_headings(rendered(source))
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto", "tel"},
        attribute_filter=_drop_unsafe_link,
        link_rel=None,
        strip_comments=True,
    )


def to_html(
    text: str,
    *,
    article_href: Callable[[int], str] | None = None,
    abbreviations: dict[str, str] | None = None,
    glossary_links: dict[str, str] | None = None,
    seen: set[str] | None = None,
    inline: bool = False,
    headings: bool = True,
) -> Markup:
    """Render one text field. The output is sanitised whatever the input, so it is safe to insert.

    `seen` carries the terms already explained on the page, so each is marked at its first use only.
    """
    source = link_mentions(text, article_href) if article_href else text
    html = plain_html(source) if is_plain(source) else markdown_html(source)
    if not headings:
        html = HEADING_ELEMENT.sub(r"<p><strong>\2</strong></p>", html)
    seen = set() if seen is None else seen
    html = explain_abbreviations(html, abbreviations or {}, seen)
    html = link_glossary_terms(html, glossary_links or {}, seen)
    if inline and html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return Markup(html)
