"""The reading level sees every letter: words in any script count, and look-alike letters, accents
and combining marks cannot make a hard young-people text pass for an easy one."""

from __future__ import annotations

import yaml
from plansite.check.reading import TextPage, check_young_people_texts, measure, text_blocks
from plansite.errors import Problems
from plansite.read import Document
from plansite.texts.letters import LOOK_ALIKES
from plansite.texts.typed import text_problem

HARD = (
    "The multidisciplinary safeguarding partnership commissions comprehensive therapeutic interventions, "
    "prioritising organisational accountability and evidence-informed commissioning methodologies."
)
# Every Latin letter that a Cyrillic letter looks like, with that letter.
TO_CYRILLIC = {chr(LOOK_ALIKES[c]): chr(c) for c in sorted(LOOK_ALIKES, reverse=True) if 0x400 <= c <= 0x52F}
# Hard words whose every letter has a Cyrillic look-alike.
SWAPPABLE = "Accessibility, impossibility, hospitality, applicability and deployability."


def swapped(text: str, whole_words_only: bool) -> str:
    """The text with Latin letters swapped for Cyrillic look-alikes (in words swapped whole, or everywhere)."""
    words = []
    for word in text.split(" "):
        if not whole_words_only or all(ch in TO_CYRILLIC or not ch.isalpha() for ch in word):
            word = "".join(TO_CYRILLIC.get(ch, ch) for ch in word)
        words.append(word)
    return " ".join(words)


def grade(text: str) -> float:
    return measure(text_blocks(text)).grade


def test_the_look_alike_table_reads_each_letter_as_the_latin_it_shows() -> None:
    assert "".join(TO_CYRILLIC.values()).translate(LOOK_ALIKES) == "".join(TO_CYRILLIC)
    assert abs(grade(swapped(SWAPPABLE, whole_words_only=True)) - grade(SWAPPABLE)) < 0.01


def test_look_alike_letters_do_not_lower_the_grade() -> None:
    assert grade(HARD) > 6
    assert abs(grade(swapped(HARD, whole_words_only=False)) - grade(HARD)) < 0.01


def test_a_word_mixing_alphabets_is_refused_in_any_text() -> None:
    problem = text_problem(swapped(HARD, whole_words_only=False))
    assert problem and "mixes letters of different alphabets" in problem


def test_a_hard_text_in_look_alike_letters_is_too_hard_for_a_young_people_page() -> None:
    assert grade(SWAPPABLE) > 6
    text = swapped(SWAPPABLE, whole_words_only=True)
    assert not text.isascii() and text_problem(text) is None  # each word in one alphabet: not refused as typed
    document = Document("data/plans/x.yml", None, yaml.compose("young_people:\n  summary: x\n"), "")
    problems = Problems()
    check_young_people_texts(
        [TextPage("the plan x", document, ("young_people",), [(text, ("young_people",))])], problems
    )
    assert any("read at grade" in p.message for p in problems.items), problems.report()


def test_words_of_every_script_count() -> None:
    assert measure(["Τα παιδιά έχουν δικαιώματα."]).words == 4
    assert measure(["Дети имеют права."]).words == 3
    assert measure(["Children have rights."]).words == 3


def test_accents_and_combining_marks_do_not_split_a_word() -> None:
    plain, marked = measure(["Communication matters."]), measure(["Communicatio\u0301n matters."])
    assert (plain.words, plain.syllables) == (marked.words, marked.syllables)


def test_the_grade_is_of_the_words_the_page_shows() -> None:
    """A reference link's words, a heading and code are words on the page; the link's address is not."""
    assert measure(text_blocks("# Interdisciplinary accountability\n\nWe [help][r].\n\n[r]: /uncrc/")).words == 4
