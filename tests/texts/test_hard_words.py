"""texts/hard_words.py: the pattern that finds terms in a text finds what a plain list of them finds."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from plansite.texts.hard_words import HARD_WORDS, INFLECTIONS, terms_pattern

LETTERS = "aAbsSdeE -"
TERMS = st.lists(st.text(LETTERS, min_size=1, max_size=5).filter(str.strip), min_size=1, max_size=12)


@st.composite
def terms_and_text(draw) -> tuple[tuple[str, ...], str]:
    """Terms, and a text made mostly of them and of their plural and past forms, so that terms inside
    others and terms that are others' plurals meet."""
    terms = tuple(draw(TERMS))
    pieces = st.one_of(
        st.sampled_from(terms), st.sampled_from(["s", "es", "d", "ed", " ", "-", ".", "&"]), st.text(LETTERS)
    )
    return terms, "".join(draw(st.lists(pieces, max_size=12)))


def plain_pattern(terms: tuple[str, ...], ignore_case: bool, inflected: bool) -> re.Pattern:
    """The terms as a plain list, longest first: what terms_pattern must find."""
    names = "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))
    flags = re.IGNORECASE if ignore_case else 0
    return re.compile(r"(?<![\w&#/-])(" + names + r")" + (INFLECTIONS if inflected else "") + r"(?![\w-])", flags)


def found(pattern: re.Pattern, text: str) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    return [(match.span(), match.span(1)) for match in pattern.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(terms_and_text(), st.booleans(), st.booleans())
def test_the_pattern_finds_what_a_plain_list_of_the_terms_finds(terms_text, ignore_case, inflected):
    terms, text = terms_text
    assert found(terms_pattern(terms, ignore_case, inflected), text) == found(
        plain_pattern(terms, ignore_case, inflected), text
    )


def test_a_longer_term_is_found_before_the_term_inside_it_and_either_spelling_of_a_term_is_found():
    terms = ("abuse", "domestic abuse", "UNCRC", "uncrc", "Refugee", "refugees")
    pattern = terms_pattern(terms, True, inflected=True)
    text = "Domestic abuse, the UNCRC and refugees; abused."
    assert [m.group(1) for m in pattern.finditer(text)] == ["Domestic abuse", "UNCRC", "refugees", "abuse"]
    assert found(pattern, text) == found(plain_pattern(terms, True, True), text)


def test_the_hard_words_are_found_in_a_text_as_a_plain_list_finds_them():
    text = (
        "Young people in care, care leavers and refugees told the Children's Commissioner about safeguarding, "
        "mental health and youth justice. Non-discrimination, grant-in-aid and a legal guardian; abuse and "
        "domestic abuse; the committee's strategy."
    )
    words = tuple(HARD_WORDS)
    assert len(found(terms_pattern(words, True, True), text)) > 10
    assert found(terms_pattern(words, True, True), text) == found(plain_pattern(words, True, True), text)
