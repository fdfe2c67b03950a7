"""What editors may type in a text field, judged as typed: plain words and a little Markdown, never
HTML, look-alike letters or unsafe links, and no more Markdown than renders in bounded time.

What the text becomes is judged too, as its HTML (prose.py's html_problem): the checks see the
form readers get.
"""

from __future__ import annotations

import re
import unicodedata

from .letters import mixed_scripts
from .links import unsafe_link
from .rendering import html_problem

# Things that look like HTML: a tag, a comment, a doctype or an autolink in angle brackets.
# Every pattern here must stay linear: a text can be nearly 1 MB, and `\s*[/!?]?\s*` or a `[^\]]*`
# tried from each of many openings takes hours on the wrong input.
HTML_TAG = re.compile(r"<\s*(?:[/!?]\s*)?[A-Za-z]|<[!?]")
ENTITY = re.compile(r"&(#\d+|#[xX][0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);")
# Markdown inline links and images: [text](url "title"), and reference definitions: [id]: url.
# Only the '](' is looked for, so link texts with brackets in them count too; the url is taken up
# to the ')', whitespace included, because Markdown keeps 'java\tscript:' as one url.
INLINE_LINK = re.compile(r"\]\(\s*<?([^)>]*)")
REFERENCE_LINK = re.compile(r"^\s{0,3}\[[^\[\]]+\]:\s*<?(\S+?)>?(\s|$)", re.MULTILINE)
ATTRIBUTE_LIST = re.compile(r"\{\s*[:#.]")
PLACEHOLDER = re.compile(r"\[\[[^\]]*\]\]")


MAX_TEXT = 20_000
MAX_BRACKETS = 300


# Every check below but the length and the Markdown budget needs one of these characters.
NEEDS_LOOKING_AT = re.compile(r"[<&{\[\]]")


def text_problem(value: str) -> str | None:
    """Why a text value cannot be published, as 'what is wrong; how to fix it', or None if it is fine."""
    if not value.isascii():
        mixed = next((word for word in WORD.findall(value) if mixed_scripts(word)), None)
        if mixed:
            return (
                f"the word '{mixed[:30]}' mixes letters of different alphabets "
                f"({' and '.join(s.title() for s in mixed_scripts(mixed))}), so it looks like one word and reads as "
                "another; type it again in one alphabet"
            )
    if len(value) <= MAX_TEXT and not NEEDS_LOOKING_AT.search(value):
        return markdown_budget_problem(value)  # most texts: no tag, entity, attribute or link to look at
    tag = HTML_TAG.search(value)
    if tag:
        snippet = value[tag.start() : tag.start() + 20].split("\n")[0]
        return (
            f"HTML is not allowed in text (found '{snippet}')"
            "; remove it: write *words* for emphasis and [link text](https://example.org) for links"
        )
    entity = ENTITY.search(value)
    if entity:
        return (
            f"HTML character codes are not allowed in text (found '{entity.group(0)}')"
            "; type the character itself instead"
        )
    if ATTRIBUTE_LIST.search(value):
        return "'{:' or '{#' or '{.' would add HTML attributes; remove the curly brackets"
    for pattern in (INLINE_LINK, REFERENCE_LINK):
        for match in pattern.finditer(value):
            if unsafe_link(match.group(1)):
                return (
                    f"the link '{match.group(1)[:40]}' is not allowed"
                    "; links must start with https://, mailto: or tel:, or go to a page of this site (e.g. /uncrc/)"
                )
    if len(value) > MAX_TEXT:
        return (
            f"this text is {len(value):,} characters long; a text may have up to {MAX_TEXT:,}; "
            "split it into several blocks"
        )
    if value.count("[") > MAX_BRACKETS:
        # Python-Markdown takes quadratic time on many '[' (its issue #798): a few thousand stall a build.
        return (
            f"this text has {value.count('[')} square brackets; a text may have up to {MAX_BRACKETS}; "
            "remove the extra brackets"
        )
    return markdown_budget_problem(value) or html_problem(value)


WORD = re.compile(r"[^\W\d_]+")


MAX_NESTING = 20
MAX_MARKS = 500
MARKS = "`*_[]\\"
CONTAINERS = re.compile(r"[ ]*(?:>|(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$))[ \t]*")


def markdown_budget_problem(value: str) -> str | None:
    """Markdown the renderer cannot draw in bounded time or stack, as 'what; how to fix', or None.

    Lists and quotes nested hundreds deep ('- - - - ...') exhaust Python's stack; every inline
    mark costs the renderer a pass over the text, and every '[' makes it read on to its matching
    ']' (or the end of the text). Each is measured here in one linear pass, before rendering, so
    that whatever a valid text holds, rendering it stays proportional to its length.
    """
    marks = sum(map(value.count, MARKS))
    if marks > MAX_MARKS:
        # Each inline construct costs Python-Markdown a pass over the rest of the text.
        return (
            f"this text has {marks} Markdown marks (` * _ [ ] \\); a text may have up to {MAX_MARKS}"
            "; remove the extra marks, or split the text into several blocks"
        )
    for line in value.split("\n"):
        depth, position = (len(line) - len(line.lstrip(" "))) // 2, 0
        while depth <= MAX_NESTING:
            match = CONTAINERS.match(line, position)
            if not match or match.end() == position:
                break
            depth, position = depth + 1, match.end()
        if depth > MAX_NESTING:
            return (
                f"lists or quotes are nested more than {MAX_NESTING} levels deep (found '{line.strip()[:20]}')"
                "; write the items as one list, without '- ' or '>' repeated at the start of a line"
            )
    if bracket_work(value) > len(value) + 100:
        return (
            "this text has '[' or '](' that are never closed, or that enclose very long text"
            "; close each '[' with ']' and each '](' with ')' soon after it, or remove them"
        )
    return None


BRACKETS = re.compile(r"[\[\]()]")


def bracket_work(value: str) -> int:
    """How many characters the renderer reads looking for the ']' of each '[', and the ')' of
    each '](' that opens a link address (the end of the text, when there is none)."""
    if "[" not in value and "](" not in value:
        return 0
    work = 0
    for opening, closing, counts in (("[", "]", None), ("(", ")", "]")):
        open_at: list[tuple[int, bool]] = []
        for match in BRACKETS.finditer(value):
            index, char = match.start(), match.group()
            if char == opening:
                open_at.append((index, counts is None or (index and value[index - 1] == counts)))
            elif char == closing and open_at:
                start, counted = open_at.pop()
                work += (index - start) if counted else 0
        work += sum(len(value) - start for start, counted in open_at if counted)
    return work


# Letters that show as nothing (the Hangul fillers) and the braille blank, which shows as a space.
BLANK_LOOKING = {"\u115f", "\u1160", "\u3164", "\uffa0", "\u2800"}


def is_blank(value: str) -> bool:
    """True when a text has nothing a reader can see: only spaces, invisible characters or fillers."""
    for char in value:
        if char.isspace() or char in BLANK_LOOKING:
            continue
        category = unicodedata.category(char)
        if category[0] in "CZ" or category in ("Mn", "Me"):
            continue
        return False
    return True


def placeholders(value: str) -> list[str]:
    """Placeholders such as [[write the title here]] left in a text by the new-plan template."""
    return PLACEHOLDER.findall(value)
