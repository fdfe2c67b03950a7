"""Folded text ('>-') that would lose a list or a paragraph break is reported where it happens."""

from __future__ import annotations

import pytest
from plansite.errors import Problems
from plansite.read import read_document

TEXTS = {
    "list": "summary: >-\n  We will:\n  - listen\n  - act\ntitle: T\n",
    "paragraphs": "summary: >-\n  One paragraph.\n\n  Another paragraph.\ntitle: T\n",
    "one paragraph over lines": "summary: >-\n  One paragraph written\n  over two lines.\n\ntitle: T\n",
    "kept with |": "summary: |-\n  We will:\n  - listen\n\n  Another paragraph.\ntitle: T\n",
    "a list of folded texts": "items:\n  - >-\n    First item\n    goes on.\n  - >-\n    Second.\n",
}


def problems_in(tmp_path, text: str) -> list[str]:
    file = tmp_path / "x.yml"
    file.write_text(text, encoding="utf-8")
    problems = Problems()
    read_document(file, "x.yml", problems)
    return [str(p) for p in problems.items]


@pytest.mark.parametrize(
    "case, expected",
    [
        (
            "list",
            [
                "x.yml:3:3: this list item is joined to the line above: the text is folded ('>' or '>-'); "
                "write '|' instead of '>-' (or '>') on line 1, so that the list is kept"
            ],
        ),
        (
            "paragraphs",
            [
                "x.yml:3:1: this blank line does not start a new paragraph: the text is folded ('>' or '>-'); "
                "write '|' instead of '>-' (or '>') on line 1, so that paragraphs and lists are kept"
            ],
        ),
        ("one paragraph over lines", []),
        ("kept with |", []),
        ("a list of folded texts", []),
    ],
)
def test_folded_text(tmp_path, case, expected):
    assert problems_in(tmp_path, TEXTS[case]) == expected
