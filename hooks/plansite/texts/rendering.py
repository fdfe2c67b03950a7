"""Editors' texts as the HTML readers get: each made once (Markdown, sanitised), judged, then touched per page.

A text becomes its HTML once, whatever page shows it (`rendered`): Markdown, headings moved below
the page's own, sanitised by nh3. That HTML is what the checks judge (`html_problem`: where its
links go, what the sanitiser would drop, definitions no link uses), and what every page starts
from. The touches a page makes (article numbers linked, first-use glossary links and
abbreviations) go into the HTML's text only: never inside code, a link, an attribute or an address.
"""

from __future__ import annotations

import functools
import html as html_module
import re
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser

import markdown
import nh3
from markupsafe import Markup, escape

from .article_mentions import link_mentions, mentions
from .hard_words import terms_pattern
from .links import ALLOWED, disguised_address, unsafe_link, url_problem

ALLOWED_TAGS = {
    "p", "em", "strong", "a", "ul", "ol", "li", "h3", "h4", "h5", "h6", "br", "abbr", "blockquote", "code", "pre",
    "hr",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}}
# What Markdown itself makes that the site shows (headings are moved below the page's own first).
MARKDOWN_TAGS = ALLOWED_TAGS | {"h1", "h2"}
HEADING = re.compile(r"<(/?)h([1-6])>")
HEADING_ELEMENT = re.compile(r"<h([1-6])>(.*?)</h\1>", re.S)
# A tag of sanitised HTML (nh3 quotes every attribute and escapes '<', '>' and '"' inside it), or text.
TAG = re.compile(r"(<[^<>]*>)")
# One line of words, digits and everyday punctuation, starting with a letter: Markdown would only
# wrap it in <p> and escape its '&'. Most texts are such a line; they skip Markdown and the sanitiser.
PLAIN_LINE = re.compile(r"[^\W\d_](?:[\w.,;:'\"?()%£$€/\u2013\u2014\u2018\u2019\u201c\u201d-]| (?! )|& )*(?<! )")


@dataclass(frozen=True)
class Link:
    """A link or an image in a text's HTML: its tag, its address and the words a reader is shown."""

    tag: str
    href: str
    words: str


@dataclass(frozen=True)
class Rendered:
    """One text as HTML: what every page starts from, and what the checks judge."""

    html: str
    links: tuple[Link, ...] = ()
    unshown: tuple[str, ...] = ()  # what Markdown made that the sanitiser drops (a picture, a comment)
    unused: tuple[str, ...] = ()  # link definitions ('[x]: https://...') no link uses: never shown


class _Made(HTMLParser):
    """What Markdown made of a text, before sanitising: links with their words, and what the site does not show."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[Link] = []
        self.unshown: list[str] = []
        self._open: list[list[str]] = []  # [href, words] of the links being read

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag not in MARKDOWN_TAGS:
            words = values.get("alt") or ""
            self.unshown.append(f"a picture ('{words[:30]}')" if tag == "img" else f"<{tag}>")
            if tag == "img":
                self.links.append(Link("img", values.get("src") or "", words))
                if self._open:
                    self._open[-1][1] += words
            return
        for name in values:
            if name not in ALLOWED_ATTRIBUTES.get(tag, ()):
                self.unshown.append(f"the attribute '{name}' of <{tag}>")
        if tag == "a":
            self._open.append([values.get("href") or "", ""])

    handle_startendtag = handle_starttag

    def handle_data(self, data: str) -> None:
        if self._open:
            self._open[-1][1] += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._open:
            href, words = self._open.pop()
            self.links.append(Link("a", href, words))

    def handle_comment(self, data: str) -> None:
        self.unshown.append("an HTML comment")

    def handle_pi(self, data: str) -> None:
        self.unshown.append("an HTML instruction ('<?')")

    def handle_decl(self, decl: str) -> None:
        self.unshown.append("an HTML declaration ('<!')")

    unknown_decl = handle_decl


_CONVERTER = markdown.Markdown(output_format="html")


def _markdown(text: str) -> tuple[str, dict]:
    """A text as Markdown renders it, before sanitising, and the link definitions it holds."""
    converted = _CONVERTER.reset().convert(text)
    return converted, dict(_CONVERTER.references)


@functools.lru_cache(maxsize=8192)
def rendered(text: str) -> Rendered:
    """A text's HTML, made once for the checks and every page that shows it (see the module's docstring)."""
    if is_plain(text):
        return Rendered(plain_html(text))
    made_html, references = _markdown(text)
    made = _Made()
    made.feed(made_html)
    made.close()
    shown = {link.href for link in made.links}
    unused = tuple(f"[{name}]: {url}" for name, (url, _) in references.items() if url not in shown)
    return Rendered(_sanitised(_shift_headings(made_html)), tuple(made.links), tuple(made.unshown), unused)


def html_problem(text: str) -> str | None:
    """Why a text's HTML cannot be published as it is, as 'what is wrong; how to fix it', or None."""
    found = rendered(text)
    for link in found.links:
        why = (
            "it would run code or leave the web"
            if unsafe_link(link.href)
            else url_problem(link.href, image=link.tag == "img")
        )
        if why:
            return f"the link '{link.href[:40]}' is not allowed: {why}; {ALLOWED}"
        if link.tag == "img":
            return (
                f"pictures cannot be shown in a text (found '![{link.words[:30]}]({link.href[:40]})')"
                "; remove it, or link to the picture with [words](address) instead"
            )
        if not link.words.strip():
            # A screen reader announces such a link by its address, or not at all (WCAG 2.4.4).
            return (
                f"the link to '{link.href[:40]}' has no words to click"
                "; write them between the square brackets, e.g. [our plan for 2025](https://example.org)"
            )
        shown_as = disguised_address(link.words, link.href)
        if shown_as:
            return (
                f"the link words '{link.words[:40]}' name the address {shown_as}, but the link goes to "
                f"'{link.href[:40]}'; make the words and the address the same site, or use words that are not an "
                "address"
            )
    if found.unshown:
        return f"this text holds {found.unshown[0]}, which the site does not show; remove it"
    if found.unused:
        return (
            f"the link definition '{found.unused[0][:60]}' is used by no link in the text, so readers never see it"
            "; remove it, or use it in the text as [words][name]"
        )
    return None


def _drop_unsafe_link(element: str, attribute: str, value: str) -> str | None:
    """The checks' reading of a link decides here too, as a second wall: nh3 keeps 'java    script:' as
    a relative link, the checks (spaces, tabs and hidden characters removed) do not; and a link a
    browser would follow off the site in a way the checks do not allow ('\\/host') is dropped as well."""
    return None if attribute == "href" and not _link_allowed(value) else value


@functools.lru_cache(maxsize=4096)
def _link_allowed(href: str) -> bool:
    """Decided once per address: the same links come back on page after page."""
    return not (unsafe_link(href) or url_problem(href))


def _sanitised(made_html: str) -> str:
    return nh3.clean(
        made_html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto", "tel"},
        attribute_filter=_drop_unsafe_link,
        link_rel=None,
        strip_comments=True,
    )


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


def is_plain(source: str) -> bool:
    """True when Markdown would do nothing to a text but wrap it in a paragraph and escape it."""
    return "_" not in source and PLAIN_LINE.fullmatch(source) is not None


def plain_html(source: str) -> str:
    """A plain text as Markdown and the sanitiser would give it: one paragraph, '&' escaped."""
    return "<p>" + source.replace("&", "&amp;") + "</p>"


def markdown_html(source: str) -> str:
    """Any text as sanitised HTML, through Markdown (the plain-line shortcut not taken)."""
    return _sanitised(_shift_headings(_markdown(source)[0]))


# --- Touches a page makes, in the HTML's text only -------------------------------------------

# Text inside these is never touched: a link cannot hold a link, code is shown as typed.
UNTOUCHED = frozenset({"a", "code", "pre", "abbr"})
# Where a word is never explained on a page either: in a heading (the explanation goes in the running
# text below it), and where markup is not allowed or not shown.
NOT_RUNNING_TEXT = UNTOUCHED | frozenset(
    "h1 h2 h3 h4 h5 h6 button label option script select style svg textarea title".split()
)


def _in_text(html: str, touch: Callable[[str], str], untouched: frozenset[str] = UNTOUCHED) -> str:
    """The HTML with touch(text) applied to each run of text outside the `untouched` elements
    (links, code and abbreviations).

    touch takes and gives HTML-escaped text: what it adds is markup of our own.
    """
    pieces = TAG.split(html)
    depth = 0
    for index, piece in enumerate(pieces):
        if index % 2:  # a tag
            name = piece[1:].lstrip("/").split(" ", 1)[0].split("\n", 1)[0].rstrip("/>").lower()
            if name in untouched and not piece.endswith("/>"):
                depth += -1 if piece.startswith("</") else 1
        elif piece and not depth:
            pieces[index] = touch(piece)
    return "".join(pieces)


def _text_escape(text: str) -> str:
    """Text as the sanitiser writes it: '&', '<' and '>' escaped, quotes as they are."""
    return html_module.escape(text, quote=False)


def link_articles(html: str, href: Callable[[int], str]) -> str:
    """Each article number the HTML's text mentions made a link to the article's page."""
    if "rticle" not in html and "UNCRC" not in html:
        return html

    def touch(text: str) -> str:
        words = html_module.unescape(text)
        return link_mentions(words, href, _text_escape) if mentions(words) else text

    return _in_text(html, touch)


def _mark_first_uses(
    html: str,
    terms: dict[str, str],
    mark: Callable[[str, str], str],
    seen: set[str],
    ignore_case: bool,
    inflected: bool = False,
    untouched: frozenset[str] = UNTOUCHED,
) -> str:
    """Mark the first use of each term in the text of the HTML (outside the `untouched` elements)
    with mark(word as written, value); inflected, its plural and past forms count as uses too."""
    if not terms:
        return html
    pattern = terms_pattern(tuple(terms), ignore_case, inflected)
    if pattern.search(html) is None:  # most texts use none of the terms
        return html
    lookup = {(t.lower() if ignore_case else t): v for t, v in terms.items()}

    def replace(match: re.Match) -> str:
        key = match.group(1).lower() if ignore_case else match.group(1)
        if key in seen:
            return match.group(0)
        seen.add(key)
        return mark(match.group(0), lookup[key])

    return _in_text(html, lambda text: pattern.sub(replace, text), untouched)


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
    html: str, hrefs: dict[str, str], seen: set[str] | None = None, untouched: frozenset[str] = UNTOUCHED
) -> str:
    """Link the first use of each explained word (or its plural or past form) to its entry in the glossary."""
    return _mark_first_uses(
        html,
        hrefs,
        lambda word, href: f'<a class="ps-term" href="{escape(href)}">{word}</a>',
        set() if seen is None else seen,
        True,
        inflected=True,
        untouched=untouched,
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
    """One text as a page shows it: its HTML (rendered) with this page's touches. Safe to insert.

    `seen` carries the terms already explained on the page, so each is marked at its first use only.
    """
    html = rendered(text).html
    if not headings:
        html = HEADING_ELEMENT.sub(r"<p><strong>\2</strong></p>", html)
    if article_href:
        html = link_articles(html, article_href)
    seen = set() if seen is None else seen
    html = explain_abbreviations(html, abbreviations or {}, seen)
    html = link_glossary_terms(html, glossary_links or {}, seen)
    if inline and html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return Markup(html)


def plain_text(text: str) -> str:
    """The words a reader sees of a text, without its markup, on one line: for descriptions, labels and feeds."""
    html = BLOCK_TAG.sub(" ", rendered(text).html)
    return " ".join(html_module.unescape(TAG.sub("", html)).split())


BLOCK_TAG = re.compile(r"</?(?:p|li|ul|ol|h[1-6]|blockquote|pre|br|hr)\b[^<>]*>")


def excerpt(text: str, words: int = 24) -> str:
    """A short plain-text excerpt of a Markdown text: the first words a reader sees of it."""
    parts = plain_text(text).split(" ")
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")
