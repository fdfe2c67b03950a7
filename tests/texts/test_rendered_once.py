"""A text is checked in the form readers get: its HTML, made once, with the page's touches only in its words.

What the checks accept is what is published: nothing hidden in the data (a comment, a link
definition no link uses, a picture the sanitiser drops) and nothing changed after the checks
(article numbers, glossary terms and abbreviations are linked in the HTML's text, never inside
code, a link, its title or its address).
"""

from __future__ import annotations

import html
import re
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from plansite.texts.rendering import _markdown, plain_text, rendered, to_html
from plansite.texts.typed import text_problem

TOUCHES = {
    "article_href": lambda n: f"../uncrc/article-{n}/",
    "abbreviations": {"SCB": "Safeguarding Children Board"},
    "glossary_links": {"carer": "../glossary/#term-carer"},
}


def words(markup: str) -> str:
    """The words of some HTML, as a reader sees them, spacing aside."""
    blocks = re.sub(r"</?(?:p|li|ul|ol|h[1-6]|blockquote|pre|br|hr)\b[^<>]*>", " ", markup)
    return " ".join(html.unescape(re.sub(r"<[^<>]*>", "", blocks)).split())


@pytest.mark.parametrize(
    "text, found",
    [
        ("Plain words. <!-- hidden words -->", "HTML is not allowed"),
        ("Plain words.\n\n<!--\nhidden\n-->", "HTML is not allowed"),
        ("Plain <![CDATA[ hidden ]]> words.", "HTML is not allowed"),
        ("Plain <?php hidden ?> words.", "HTML is not allowed"),
        ("Our logo: ![the logo](/assets/logo.png)", "pictures cannot be shown in a text"),
        ("Our logo: ![the logo][logo]\n\n[logo]: /assets/logo.png", "pictures cannot be shown in a text"),
        ("[A link](/uncrc/) ![](/assets/logo.png)", "pictures cannot be shown in a text"),
        ("Words.\n\n[hidden]: https://example.org/ 'words nobody sees'", "is used by no link in the text"),
        ("[Used][a].\n\n[a]: https://example.org/\n[b]: https://example.org/other", "is used by no link"),
    ],
)
def test_what_the_page_would_not_show_is_refused(text: str, found: str) -> None:
    problem = text_problem(text)
    assert problem is not None and found in problem, problem
    assert "; " in problem  # what is wrong; how to fix it


@pytest.mark.parametrize(
    "text",
    [
        "[Used][a], and [again][a].\n\n[a]: https://example.org/",
        "A line\n\n---\n\nand another.",
        "Code:\n\n    Article 12 as typed\n",
        "[The plan](/plans/) and `Article 12` in code.",
    ],
)
def test_what_the_page_shows_is_accepted_and_kept(text: str) -> None:
    assert text_problem(text) is None
    assert words(_markdown(text)[0]) == words(rendered(text).html)


@pytest.mark.parametrize(
    "text, untouched",
    [
        ("Code: `Article 12`.", "<code>Article 12</code>"),
        ('[A link](https://example.org/ "about Article 12").', 'title="about Article 12"'),
        (
            "[Article 12 in full][ref].\n\n[ref]: https://example.org/",
            '<a href="https://example.org/">Article 12 in full</a>',
        ),
        ('[Read it][r].\n\n[r]: https://example.org/a-12/ "Article 12"', 'title="Article 12"'),
        ("[Article 3 and Article 12](/uncrc/).", '<a href="/uncrc/">Article 3 and Article 12</a>'),
        ("    Article 12 in a code block\n", "<code>Article 12 in a code block"),
    ],
)
def test_article_numbers_are_linked_only_in_the_words(text: str, untouched: str) -> None:
    assert text_problem(text) is None, text_problem(text)
    shown = to_html(text, **TOUCHES)
    assert untouched in shown, shown
    assert "[" not in words(shown) or "[" in words(rendered(text).html)  # no Markdown link syntax appears
    assert words(shown) == words(rendered(text).html)


def test_a_mention_in_the_words_is_linked() -> None:
    shown = to_html("See Articles 3, 4 & 12.", **TOUCHES)
    assert shown == (
        '<p>See Articles <a href="../uncrc/article-3/">3</a>, <a href="../uncrc/article-4/">4</a> &amp; '
        '<a href="../uncrc/article-12/">12</a>.</p>'
    )


def test_glossary_terms_and_abbreviations_stay_out_of_code_and_links() -> None:
    text = "`SCB` and [the carer](/glossary/) and `carer`; then SCB and a carer."
    shown = to_html(text, **TOUCHES)
    assert "<code>SCB</code>" in shown and "<code>carer</code>" in shown
    assert '<a href="/glossary/">the carer</a>' in shown
    assert shown.count("<abbr") == 1 and shown.count('class="ps-term"') == 1
    assert "then <abbr" in shown and 'a <a class="ps-term"' in shown


PIECES = st.sampled_from(
    ["Article 12", "Articles 3 & 4", "UNCRC 19", "SCB", "carer", "`", "[", "]", "(", ")", "](", "/uncrc/", "](/x/)",
     "https://example.org/", ' "', '"', "*", "_", "\n\n", "\n", "- ", "# ", "    ", " ", "&", "words", ":", "[r]: ",
     "---", "> "]
)  # fmt: skip
MANY = settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))


@MANY
@given(st.lists(PIECES, max_size=25).map("".join))
def test_touches_add_and_lose_no_words(text: str) -> None:
    """Whatever the text, a page's touches change markup only: the words are those of the checked HTML."""
    if text_problem(text) is not None:
        return
    shown = to_html(text, **TOUCHES)
    assert words(shown) == words(rendered(text).html), (text, shown)
    for inside in re.findall(r"<(?:code|pre)>(.*?)</(?:code|pre)>", shown, re.S):
        assert "<a" not in inside and "<abbr" not in inside, shown


@MANY
@given(st.lists(PIECES, max_size=25).map("".join))
def test_what_the_checks_accept_the_sanitiser_keeps(text: str) -> None:
    """Markdown's own output and the published HTML have the same words and the same links."""
    if text_problem(text) is not None:
        return
    made = _markdown(text)[0]
    assert words(made) == words(rendered(text).html), (text, made)
    assert re.findall(r'href="([^"]*)"', made) == re.findall(r'href="([^"]*)"', rendered(text).html)


def test_the_article_links_are_not_markdown_so_cost_markdown_nothing() -> None:
    """1,900 mentions, under every limit as typed: the links are made in the HTML, Markdown never sees them."""
    text = "Articles " + ", ".join(["12"] * 1900) + "."
    assert text_problem(text) is None
    start = time.perf_counter()
    shown = to_html(text, **TOUCHES)
    assert time.perf_counter() - start < 2
    assert shown.count('<a href="../uncrc/article-12/">12</a>') == 1900
    assert "<a" not in rendered(text).html


def test_plain_text_is_the_words_a_reader_sees() -> None:
    assert plain_text("*Our* [plan][p] for `2025`.\n\n- one\n- two\n\n[p]: /plans/") == "Our plan for 2025. one two"


def test_a_valid_megabyte_plan_of_article_mentions_loads_and_renders_in_seconds(tmp_path) -> None:
    """Every budget counts what Markdown sees: a 1 MB plan whose texts mention an article 1,900 times each."""
    from plan_files import PLAN, data_folder, load

    text = "Articles " + ", ".join(["12"] * 1900) + "."
    block = f"      - type: text\n        articles: [12]\n        text: '{text}'\n"
    plan = PLAN + block * (950_000 // len(block))
    assert 900_000 < len(plan.encode()) < 1_000_000
    start = time.perf_counter()
    catalogue, problems = load(data_folder(tmp_path), plan)
    assert catalogue is not None, problems.report()
    blocks = catalogue.plan("hostile").plan.sections[0].blocks
    links = sum(str(to_html(b.text, **TOUCHES)).count("<a ") for b in blocks if hasattr(b, "text"))
    assert links == 1900 * (len(blocks) - 1)
    assert time.perf_counter() - start < 10
