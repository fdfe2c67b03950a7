"""Mentions of UNCRC articles in the plans' own words, found and turned into links.

The plans cite articles in many forms: "Article 12", "Articles 3, 4 & 12", "Article 19 & 24",
"[UNCRC Articles 2, 28 and 29]", "[UNCRC 22, 34, 37 and 40]", "Article 5 and 19 of the UNCRC",
and one source typo, "(Article 19 7, 33)", meaning 19, 7 and 33.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass

_NUMBER = r"\d{1,3}(?!\d|\.\d)"
_SEPARATOR = r"(?:\s*,\s*(?:and\s+|&\s*)?|\s*&\s*|\s+and\s+|\s+)"
MENTION = re.compile(rf"(?:\b[Aa]rticles?|\bUNCRC)\s+(?P<numbers>{_NUMBER}(?:{_SEPARATOR}{_NUMBER})*)")
DIGITS = re.compile(r"\d+")
FIRST_ARTICLE, LAST_ARTICLE = 1, 54


@dataclass(frozen=True)
class Mention:
    """One article number written in a text, and where its digits are."""

    number: int
    start: int
    end: int


def mentions(text: str) -> list[Mention]:
    """Every article number mentioned in a text, in order.

    A number joined by a bare space (the "19 7" typo) counts only inside a list, with another
    number after it, so that "Article 4 12 million children" does not cite an article 12.
    """
    found: list[Mention] = []
    if "rticle" not in text and "UNCRC" not in text:  # the words MENTION starts with: most texts have neither
        return found
    for match in MENTION.finditer(text):
        offset = match.start("numbers")
        numbers = match.group("numbers")
        previous_end = 0
        all_digits = list(DIGITS.finditer(numbers))
        for index, digits in enumerate(all_digits):
            gap = numbers[previous_end : digits.start()]
            value = int(digits.group())
            if index and not gap.strip() and (index == len(all_digits) - 1 or value > LAST_ARTICLE):
                break
            found.append(Mention(value, offset + digits.start(), offset + digits.end()))
            previous_end = digits.end()
    return found


def mentioned_articles(text: str) -> list[int]:
    """The article numbers a text mentions, without repeats, in order of first mention."""
    return list(dict.fromkeys(m.number for m in mentions(text)))


def link_mentions(text: str, href: Callable[[int], str], escape: Callable[[str], str]) -> str:
    """The text as HTML (escape() gives its pieces as HTML text) with each mentioned article number a link
    to href(number); the words stay as written. Numbers outside 1 to 54 are left as words.

    The text is a run of a page's text outside links and code (prose.py): a link cannot hold a link.
    """
    pieces, last = [], 0
    for mention in mentions(text):
        if not FIRST_ARTICLE <= mention.number <= LAST_ARTICLE:
            continue
        pieces.append(str(escape(text[last : mention.start])))
        pieces.append(f'<a href="{html.escape(href(mention.number))}">{text[mention.start : mention.end]}</a>')
        last = mention.end
    if not pieces:
        return str(escape(text))
    pieces.append(str(escape(text[last:])))
    return "".join(pieces)
