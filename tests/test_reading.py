"""The reading-level measure on known sentences."""

from plansite.check.reading import measure, page_blocks, syllables


def test_syllables_from_the_dictionary_and_a_fallback():
    assert syllables("children") == 2
    assert syllables("commissioner") == 4
    assert syllables("safeguarding") == 3
    assert syllables("zorbleplex") >= 2


def test_known_sentence_grade():
    # 9 words, 1 sentence, 11 syllables: 0.39*9 + 11.8*11/9 - 15.59 = 2.34
    result = measure(["The cat sat on the mat with its hat."])
    assert (result.words, result.sentences) == (9, 1)
    assert abs(result.grade - (0.39 * 9 + 11.8 * result.syllables / 9 - 15.59)) < 1e-9
    assert result.grade < 3


def test_a_hard_paragraph_fails_and_a_plain_one_passes():
    hard = measure(["Programme delivery is at the heart of the organisation's plans to achieve our vision, representing seventy per cent of the annual budget allocation in support of strategic themes."])
    plain = measure(["We help children. We listen to what you say. Then we tell the people in charge."])
    assert hard.grade > 12
    assert plain.grade < 4


def test_page_text_is_the_article_only():
    html = "<nav><p>Menu words that are very complicated indeed</p></nav><article><h1>T</h1><p>One.</p><ul><li>Two</li></ul></article>"
    assert page_blocks(html) == ["One.", "Two"]
