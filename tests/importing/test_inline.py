"""importing/inline.py: a paragraph's runs as the Markdown the plans' texts accept."""

from plansite.importing.inline import clean, escape, markdown
from plansite.importing.tree import Span
from plansite.texts.typed import text_problem


def test_bold_italics_and_links_become_markdown():
    spans = [Span("We "), Span("will ", bold=True), Span("listen", italic=True), Span(": "),
             Span("our survey", link="https://example.org/survey")]  # fmt: skip
    assert markdown(spans) == "We **will** *listen*: [our survey](https://example.org/survey)"


def test_a_link_the_site_refuses_keeps_its_words_and_is_reported():
    refused: list[str] = []
    assert markdown([Span("old page", link="http://example.org")], refused) == "old page"
    assert markdown([Span("section 2", link="#_Toc12")], refused) == "section 2"
    assert refused == ["http://example.org"]


def test_words_that_look_like_markup_are_escaped_and_pass_the_checks():
    for words in ("a <b> tag", "5 * 3 = 15", "&amp; code", "{: .class}", "[[not a placeholder]]", "1. not a list"):
        text = markdown([Span(words)])
        assert text_problem(text) is None, (words, text)
    assert escape("a_b*c") == "a\\_b\\*c"


def test_characters_a_data_file_refuses_are_made_ordinary():
    assert clean("a\tb\u00a0c\u200bd\u00ade\uf0b7") == "a b cde•"
    assert markdown([Span("  spaced   out  ")]) == "spaced out"
