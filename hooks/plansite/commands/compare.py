"""A plan beside its source text: the source's sentences the plan does not have, and the plan's numbers
the source does not.

The source is the plan's text as published (copied from the PDF into data/sources/<slug>.txt).
Words are compared loosely: case, spacing, quotes, dashes and Markdown marks do not count, so
what is left is what was missed or mistyped. Young-people texts and the site's own keys (ids,
status, citations...) are not the organisation's words and are left out.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import Problems
from ..read import Document, read_document
from ..read.document import MAX_BYTES
from . import data_files

NOT_THE_SOURCE = {
    "young_people",
    "id",
    "type",
    "status",
    "matches",
    "icon",
    "organisation",
    "articles",
    "related_articles",
    "previous_slugs",
    "publish_on",
    "last_updated",
    "date",
    "size_bytes",
    "url",
    "order",
    "ordered",
    "kind",
    "original",
}
"""Keys whose values the site's editors add: they are not expected in the source."""

EDITORS_WORDS = ("summary", "source")
"""Texts the site's editors write about the plan, which may quote it: a source sentence in them counts
as in the plan, but their numbers (a date of publication, say) need not be in the source."""

EDITORS_NOTE = "Note from the website editors"
"""How the site's editors begin what they add to a plan: not the organisation's words."""

MIN_WORDS = 3
"""Shorter lines of a source (page numbers, running heads) are not compared."""

NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
SENTENCE_END = re.compile(
    r"(?<=[.!?;:])\s+"  # the end of a sentence
    r"|\n\s*\n"  # a blank line
    r"|\n(?=\s*(?:[-•*▪●]|\d+[.)])\s)"  # a list item
    r"|</?[a-z]+[^>]*>"  # markup left by a PDF-to-text tool (table cells)
    r"|\s{3,}|-{2,}"  # table columns and rules
)


def normalise(text: str) -> str:
    """Text reduced to lower-case words and digits, so that only real differences remain."""
    text = unicodedata.normalize("NFKC", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # a Markdown link counts as its words
    text = text.replace("&", " and ")
    text = re.sub(r"(?<=\d),(?=\d{3})", "", text)  # 1,275 and 1275 are the same number
    return " ".join(re.findall(r"[a-z0-9]+(?:\.[0-9]+)*", text.lower()))


def numbers_in(text: str) -> set[str]:
    return {n.replace(",", "").rstrip(".") for n in NUMBER.findall(unicodedata.normalize("NFKC", text))}


def plan_texts(value: Any, path: tuple = ()) -> Iterator[tuple[str, tuple]]:
    """The organisation's words in a plan file, with their paths (young-people texts and the site's keys left out)."""
    if isinstance(value, dict):
        for key, item in value.items():
            # An amount is the site's reading of the figure the source printed (as_printed).
            if key not in NOT_THE_SOURCE and not (key == "amount" and "as_printed" in value):
                yield from plan_texts(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from plan_texts(item, path + (index,))
    elif isinstance(value, str) and not value.startswith(EDITORS_NOTE):
        yield value, path


@dataclass(frozen=True)
class Sentence:
    line: int
    text: str


def source_sentences(text: str) -> list[Sentence]:
    """The source's sentences (and list items, and headings), each with the line it starts on."""
    found, position = [], 0
    for part in SENTENCE_END.split(text):
        if part is None:
            continue
        start = text.find(part, position)
        position = max(position, start + len(part)) if start >= 0 else position
        words = " ".join(part.split()).lstrip("-•*▪● ")
        if len(normalise(words).split()) >= MIN_WORDS:
            found.append(Sentence(text.count("\n", 0, max(start, 0)) + 1, words))
    return found


@dataclass
class Comparison:
    missing_sentences: list[Sentence]
    unknown_numbers: list[tuple[str, tuple]]


def compare(document: Document, source: str) -> Comparison:
    texts = list(plan_texts(document.value))
    plan_words = " ".join(normalise(text) for text, _ in texts)
    missing = [s for s in source_sentences(source) if normalise(s.text) not in plan_words]
    source_numbers = numbers_in(source)
    unknown, seen = [], set()
    for text, path in texts:
        if path[:1] and path[0] in EDITORS_WORDS:
            continue
        for number in sorted(numbers_in(text) - source_numbers):
            if (number, path) not in seen:
                seen.add((number, path))
                unknown.append((number, path))
    return Comparison(missing, unknown)


def run(plan_file: Path, source_file: Path) -> tuple[str, bool]:
    """The comparison as lines an editor can follow ('file:line: ...'), and whether plan and source agree."""
    plan_file, _, display = data_files.plan_file(plan_file)
    source = data_files.ordinary_file(source_file, MAX_BYTES).decode("utf-8", "replace")
    problems = Problems()
    document = read_document(plan_file, display, problems)
    if document is None:
        return problems.report(), False
    result = compare(document, source)
    lines = [f"{source_file}:{s.line}: not in the plan: {s.text}" for s in result.missing_sentences]
    for number, path in result.unknown_numbers:
        line, column = document.find(number, *document.position(path))
        lines.append(
            f"{plan_file}:{line}:{column}: the number {number} is not in the source; check it against the source"
        )
    agree = not lines
    lines.append(
        f"{len(result.missing_sentences)} source sentences not in the plan; "
        f"{len(result.unknown_numbers)} numbers in the plan not in the source."
    )
    return "\n".join(lines), agree
