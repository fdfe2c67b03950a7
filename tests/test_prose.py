"""Editors' Markdown as safe HTML: what a text may become on a page."""

from __future__ import annotations

import re

from plansite.texts.rendering import explain_abbreviations, link_glossary_terms, to_html


def test_paragraphs_emphasis_and_lists() -> None:
    html = to_html("One *two*.\n\n- a\n- b")
    assert html == "<p>One <em>two</em>.</p>\n<ul>\n<li>a</li>\n<li>b</li>\n</ul>"


def test_headings_in_a_text_start_below_the_page_headings() -> None:
    assert to_html("# Big").startswith("<h3>")


def test_article_mentions_become_links() -> None:
    html = to_html("See Article 12.", article_href=lambda n: f"/uncrc/article-{n}/")
    assert '<a href="/uncrc/article-12/">12</a>' in html


def test_inline_drops_the_paragraph() -> None:
    assert to_html("Just words.", inline=True) == "Just words."


def test_first_use_of_a_term_only() -> None:
    seen: set[str] = set()
    html = explain_abbreviations("<p>OCC and OCC</p>", {"OCC": "Office of the Children's Commissioner"}, seen)
    assert html.count("<abbr") == 1
    html = link_glossary_terms("<p>A carer is a carer.</p>", {"carer": "/g/#term-carer"})
    assert html.count('class="ps-term"') == 1


def test_nothing_executable_survives() -> None:
    html = to_html("[x](javascript:alert(1)) <b onclick=x>b</b>")
    assert "javascript:" not in html and "onclick" not in html and "<b" not in html


# --- Plain lines skip Markdown: they must come out exactly as Markdown and the sanitiser make them ---


import yaml  # noqa: E402
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from plansite.texts.rendering import is_plain, markdown_html, plain_html  # noqa: E402
from project import DATA  # noqa: E402


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def test_every_plain_text_in_the_data_renders_as_markdown_would() -> None:
    texts = [t for f in sorted(DATA.rglob("*.yml")) for t in _strings(yaml.safe_load(f.read_text(encoding="utf-8")))]
    plain = [t for t in texts if is_plain(t)]
    assert len(plain) > len(texts) / 2  # the shortcut is worth having
    assert [plain_html(t) for t in plain] == [markdown_html(t) for t in plain]


PIECES = st.sampled_from(
    list("aZé9 .,;:'\"?()%£$€/-–—‘’“”&_*#>+!<\n\\`[]\u00a0")
    + ["[5](javascript:x)", "[6](/uncrc/article-6/)", "Article 12"]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(PIECES, min_size=1, max_size=20).map(lambda pieces: "See " + "".join(pieces)))
def test_a_text_taken_as_plain_renders_as_markdown_would(text: str) -> None:
    if is_plain(text):
        assert plain_html(text) == markdown_html(text)


def test_marks_lists_and_leading_digits_are_not_plain() -> None:
    for text in (
        "A [5](javascript:x)",
        "A [6](/uncrc/article-6/)",
        "A *b*",
        "- a",
        "1. a",
        "A\nb",
        "A  b",
        "A ",
        "a_b",
        "A & B",
        "A &amp;",
        "A [b](c)",
        "# A",
        "A <b>",
    ):
        assert is_plain(text) == (text == "A & B"), text


def test_headings_in_a_text_skip_no_level() -> None:
    html = to_html("# One\n\n## Two\n\n###### Six\n\n## Two again\n\n#### Four")
    assert [int(n) for n in re.findall(r"<h(\d)>", html)] == [3, 4, 5, 4, 5]
    assert html.count("</h5>") == 2 and "<h6>" not in html and "<h8>" not in html


def test_without_headings_a_typed_heading_becomes_strong_words() -> None:
    html = to_html("## Priority one\n\nMore words.", headings=False)
    assert html == "<p><strong>Priority one</strong></p>\n<p>More words.</p>"
