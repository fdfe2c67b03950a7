"""Editors' Markdown as safe HTML: what a text may become on a page."""

from __future__ import annotations

from plansite.prose import explain_abbreviations, link_glossary_terms, to_html


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
