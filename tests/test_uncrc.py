"""The article-mention parser, on every form the plans use and on near misses."""

import pytest
from markupsafe import escape
from plansite.texts.article_mentions import link_mentions, mentioned_articles


@pytest.mark.parametrize(
    "text, numbers",
    [
        ("Article 12", [12]),
        ("Articles 3, 4 & 12", [3, 4, 12]),
        ("Article 19 & 24", [19, 24]),
        ("Articles 26 & 27", [26, 27]),
        ("[UNCRC Articles 2, 28 and 29]", [2, 28, 29]),
        ("[UNCRC 22, 34, 37 and 40]", [22, 34, 37, 40]),
        ("[UNCRC 22, 34,37 and 40]", [22, 34, 37, 40]),
        ("Article 5 and 19 of the UNCRC", [5, 19]),
        ("(Article 19 7, 33)", [19, 7, 33]),
        ("(Articles 19, 39, 37 & 40) ²", [19, 39, 37, 40]),
        ("Promoting and protecting Article 3: Best interests of the child", [3]),
        ("[UNCRC Articles 4 and 42]", [4, 42]),
    ],
)
def test_every_form_the_plans_use(text, numbers):
    assert mentioned_articles(text) == numbers


@pytest.mark.parametrize(
    "text",
    [
        "Section 11",
        "Children Act 2004",
        "page 19",
        "General Comment No 2 of the UNCRC",
        "the UNCRC in 2008",
        "Articles on best interests",
    ],
)
def test_near_misses_do_not_link(text):
    assert mentioned_articles(text) == []
    assert link_mentions(text, lambda n: f"/a/{n}/", escape) == text


def test_a_bare_space_joins_a_number_only_inside_a_list():
    assert mentioned_articles("Article 4 12 million children") == [4]


def test_only_the_numbers_become_links_and_the_words_stay():
    linked = link_mentions("(Article 19 7, 33)", lambda n: f"/a/{n}/", escape)
    assert linked == '(Article <a href="/a/19/">19</a> <a href="/a/7/">7</a>, <a href="/a/33/">33</a>)'


def test_a_number_outside_1_to_54_is_reported_not_linked():
    assert mentioned_articles("Article 99") == [99]
    assert link_mentions("Article 99", lambda n: f"/a/{n}/", escape) == "Article 99"


def test_the_words_around_a_mention_are_escaped():
    assert link_mentions("Articles 3 & <4>", lambda n: f"/a/{n}/", escape) == (
        'Articles <a href="/a/3/">3</a> &amp; &lt;4&gt;'
    )
