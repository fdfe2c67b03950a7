"""The editors' guide documents every block type, and its examples are valid data."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from pydantic import TypeAdapter

from plansite import model as m

GUIDE = (Path(__file__).resolve().parent.parent / "content" / "editors-guide.md").read_text(encoding="utf-8")
EXAMPLES = re.findall(r"```yaml\n(.*?)```", GUIDE, re.S)
BLOCK_EXAMPLES = [text for text in EXAMPLES if text.startswith("- type:")]


def test_every_block_type_has_a_section_in_the_guide():
    headings = set(re.findall(r"^### ([a-z_]+)$", GUIDE, re.M))
    assert set(m.BLOCK_TYPES) <= headings, sorted(set(m.BLOCK_TYPES) - headings)


@pytest.mark.parametrize("example", BLOCK_EXAMPLES, ids=lambda text: text.split("\n")[0])
def test_every_block_example_is_a_valid_block(example):
    [block] = yaml.safe_load(example)
    TypeAdapter(m.AnyBlock).validate_python(block)


def test_the_guide_advises_keeping_text_shape_with_a_bar_not_folding_it():
    assert not [text for text in EXAMPLES if re.search(r"^\s*[a-z_]+: >-?$", text, re.M)]
