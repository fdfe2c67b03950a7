"""What every block of a draft is made with: its ids, its citations, and the plainer forms it falls
back to when the project's loader refuses it, down to a `not_transcribed` block that keeps its words.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from ..model import ARTICLE_COUNT, slug
from ..model.ids import ADULT_PLAN_LAYOUT, LAYOUT_PREFIXES, PROGRESS_LAYOUT, YOUNG_PLAN_LAYOUT
from ..texts.article_mentions import mentioned_articles
from ..texts.typed import MAX_MARKS

MAX_ID = 60
"""Ids are cut to this many characters, at a hyphen: an id is for addresses, not for reading."""

NOTE_CHARACTERS = 4000
"""A not_transcribed block's note holds at most this many characters; longer words take several."""


def _ascii_slug(words: str) -> str:
    """A slug of the words in the letters an id may hold (a to z, digits): accents dropped, other scripts left out."""
    plain = unicodedata.normalize("NFKD", words).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"-+", "-", slug(plain).replace("_", "-")).strip("-")


# Ids the site's layout gives elements of a plan's pages: never given to a part of an imported plan.
THEME_IDS = frozenset(ADULT_PLAN_LAYOUT + YOUNG_PLAN_LAYOUT + PROGRESS_LAYOUT)
THEME_ID_PREFIXES = LAYOUT_PREFIXES


class Anchors:
    """The ids of one plan: each made from words, valid, unique, and not one the site's layout uses."""

    def __init__(self) -> None:
        self.taken: set[str] = set(THEME_IDS)

    def claim(self, words: str, fallback: str) -> str:
        """A new id from words (a heading's, without its number), else from the fallback ('section')."""
        base = _short_id(_ascii_slug(re.sub(r"^\W*[\d.]+\s+(?=\w)", "", words))) or fallback
        if base in THEME_IDS or base.startswith(THEME_ID_PREFIXES) or base[0].isdigit():
            base = _short_id(f"{fallback}-{base}")
        anchor, number = base, 1
        while anchor in self.taken:
            number += 1
            anchor = f"{base}-{number}"
        self.taken.add(anchor)
        return anchor

    def reserve(self, anchor: str) -> None:
        self.taken.add(anchor)


def _short_id(anchor: str) -> str:
    if len(anchor) <= MAX_ID:
        return anchor
    return anchor[:MAX_ID].rsplit("-", 1)[0] or anchor[:MAX_ID]


def cite(item: dict) -> dict:
    """The item with `articles` listing every UNCRC article its own texts mention, as the checks ask."""
    texts: list[str] = []
    for value in item.values():
        if isinstance(value, str):
            texts.append(value)
        elif isinstance(value, list) and value and all(isinstance(v, str) for v in value):
            texts.extend(value)
    numbers = sorted({n for text in texts for n in mentioned_articles(text) if 1 <= n <= ARTICLE_COUNT})
    if numbers:
        item["articles"] = numbers
    return item


@dataclass
class Placed:
    """A block of the draft: its first form, the plainer forms after it, and its words for the report."""

    forms: list[list[dict]]
    """Each form is the blocks it takes (a long not_transcribed part takes several)."""
    what: str
    """What it is, in the report's words: 'a table (12 rows)', 'a paragraph'."""
    words: str
    """Its words, plain, for a not_transcribed block and the report."""
    chosen: int = 0
    reasons: list[str] = field(default_factory=list)
    """Why a form was refused, for each form given up."""

    @property
    def blocks(self) -> list[dict]:
        return self.forms[self.chosen]

    @property
    def is_not_transcribed(self) -> bool:
        return any(block.get("type") == "not_transcribed" for block in self.blocks)

    def fall_back(self, reason: str) -> bool:
        """Take the next plainer form; False when there is none left."""
        self.reasons.append(reason)
        if self.chosen + 1 < len(self.forms):
            self.chosen += 1
            return True
        return False


def safe_note(words: str) -> str:
    """Plain words as a note the text checks accept: no Markdown, tags or article numbers read into it."""
    words = re.sub(r"[`*_\[\]\\{}<>]", " ", words)
    words = re.sub(r"&(?=#?[A-Za-z0-9]+;)", "& ", words)
    return " ".join(words.split()) or "(no words)"


def not_transcribed(title: str, words: str) -> list[dict]:
    """not_transcribed blocks holding the words of a part that could not be placed (several if long)."""
    words = safe_note(words)
    pieces, rest = [], words
    while rest:
        cut = rest[:NOTE_CHARACTERS]
        if len(rest) > NOTE_CHARACTERS and " " in cut:
            cut = cut.rsplit(" ", 1)[0]
        pieces.append(cut)
        rest = rest[len(cut) :].strip()
    blocks = []
    for index, piece in enumerate(pieces or ["(no words)"]):
        name = title if len(pieces) < 2 else f"{title} ({index + 1} of {len(pieces)})"
        blocks.append({"type": "not_transcribed", "title": name, "note": piece})
    return blocks


def marks(text: str) -> int:
    """The Markdown marks a text holds, which the checks count (MAX_MARKS per text)."""
    return sum(map(text.count, "`*_[]\\"))


TEXT_LIMIT = 15_000
"""Characters of one text block: below the checks' 20,000, so paragraphs are not split needlessly."""
MARKS_LIMIT = MAX_MARKS - 50
