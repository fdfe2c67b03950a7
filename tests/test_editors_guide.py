"""The editors' guide documents every block type, its examples are valid data, and its walk-through's
reading grades are measured ones."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from plansite import model as m
from plansite.check.reading import MAX_MEDIAN_GRADE, measure
from pydantic import TypeAdapter

GUIDE = (Path(__file__).resolve().parent.parent / "content" / "editors-guide.md").read_text(encoding="utf-8")
EXAMPLES = re.findall(r"```yaml\n(.*?)```", GUIDE, re.S)
BLOCK_EXAMPLES = [text for text in EXAMPLES if text.startswith("- type:")]
READING_EXAMPLE = re.compile(r'^- (Before|Halfway|After) \(grade (\d+\.\d)\): "(.+?)"', re.MULTILINE)


def test_every_block_type_has_a_section_in_the_guide():
    headings = set(re.findall(r"^### ([a-z_]+)$", GUIDE, re.M))
    assert set(m.BLOCK_TYPES) <= headings, sorted(set(m.BLOCK_TYPES) - headings)


@pytest.mark.parametrize("example", BLOCK_EXAMPLES, ids=lambda text: text.split("\n")[0])
def test_every_block_example_is_a_valid_block(example):
    [block] = yaml.safe_load(example)
    TypeAdapter(m.AnyBlock).validate_python(block)


def test_the_guide_advises_keeping_text_shape_with_a_bar_not_folding_it():
    assert not [text for text in EXAMPLES if re.search(r"^\s*[a-z_]+: >-?$", text, re.M)]


def reading_examples() -> list[tuple[str, float, str]]:
    return [(stage, float(grade), text) for stage, grade, text in READING_EXAMPLE.findall(GUIDE)]


def test_walk_through_quotes_the_grades_the_checks_measure():
    found = reading_examples()
    assert len(found) >= 8
    wrong = [f"{stage} {grade}: {text}" for stage, grade, text in found if round(measure([text]).grade, 1) != grade]
    assert not wrong, "\n".join(wrong)


def test_every_after_example_passes_and_every_before_example_would_not():
    for stage, grade, text in reading_examples():
        assert (grade <= MAX_MEDIAN_GRADE) == (stage == "After"), (stage, grade, text)
