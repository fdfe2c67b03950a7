"""importing/placing.py: ids, citations and the forms a block falls back to."""

import re

from plansite.importing.placing import Anchors, Placed, cite, not_transcribed


def test_ids_are_valid_unique_and_not_the_layouts():
    anchors = Anchors()
    ids = [anchors.claim(words, "section") for words in ("2. Who we are", "Who we are", "Plans", "", "Ö" * 90)]
    assert ids[:3] == ["who-we-are", "who-we-are-2", "section-plans"]
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", i) and len(i) <= 80 for i in ids)
    assert len(set(ids)) == len(ids)


def test_articles_mentioned_are_cited():
    assert cite({"text": "We uphold Articles 12 and 13, and Article 99."})["articles"] == [12, 13]


def test_a_long_part_not_placed_keeps_all_its_words():
    words = "word " * 3000
    blocks = not_transcribed("A table", words + "[x](y) <b>")
    assert sum(len(b["note"].split()) for b in blocks) == 3000 + 3  # x, (y), b
    assert all(b["type"] == "not_transcribed" and "<" not in b["note"] for b in blocks)


def test_falling_back_goes_to_the_plainer_forms_then_stops():
    placed = Placed([[{"type": "list"}], [{"type": "text"}]], "a list", "words")
    assert placed.fall_back("refused") and placed.blocks == [{"type": "text"}]
    assert not placed.fall_back("refused again") and placed.reasons == ["refused", "refused again"]
