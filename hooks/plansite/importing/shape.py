"""What each paragraph of a document is: a heading, a list item, a quote, or body text.

Word's heading and list styles say so themselves; many plans are typed without them, with bold or
bigger words for headings, '1.' or '1.1' before them, and '•', '-' or '1)' typed before list
items. The same rules read both, and a PDF, which has only the look of its letters.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .inline import markdown
from .tree import Paragraph, Part, Picture, Span, Table

TYPED_BULLET = re.compile(r"^\s*([•●▪■◦○‣⁃∙·❖➢►▶✓✔▫□\-–—*o])\s+(?=\S)")
TYPED_NUMBER = re.compile(r"^\s*(\(?(?:\d{1,3}|[a-z]|[ivx]{1,5})[.)])\s+(?=\S)")
NUMBERED_HEADING = re.compile(r"^\s*((?:\d{1,2}\.)*\d{1,2})\.?\s+(?=\S)")
SENTENCE_END = (".", ",", ";", ":")
MAX_HEADING_WORDS = 14
MAX_HEADING_CHARS = 120


@dataclass
class Heading:
    level: int
    text: str
    title: bool = False
    subtitle: bool = False


@dataclass
class Body:
    markdown: str
    plain: str
    notes: list[str] = field(default_factory=list)


@dataclass
class Item:
    """One list item: its words (without the typed bullet or number) and how deep it is."""

    ordered: bool
    level: int
    markdown: str
    plain: str
    notes: list[str] = field(default_factory=list)


@dataclass
class Quoted:
    markdown: str
    plain: str
    attribution: str = ""
    notes: list[str] = field(default_factory=list)


Shaped = Heading | Body | Item | Quoted | Table | Picture


def body_size(parts: list[Part]) -> float | None:
    """The size of the body text: the size most of the document's words are in."""
    sizes: Counter = Counter()
    for part in parts:
        if isinstance(part, Paragraph) and part.size and part.heading is None and not part.title:
            sizes[round(part.size * 2) / 2] += len(part.text)
    return sizes.most_common(1)[0][0] if sizes else None


def _strip_start(spans: list[Span], count: int) -> list[Span]:
    """The spans without their first `count` characters (a typed bullet or number)."""
    out: list[Span] = []
    for span in spans:
        if count <= 0:
            out.append(span)
        elif len(span.text) <= count:
            count -= len(span.text)
        else:
            out.append(Span(span.text[count:], span.bold, span.italic, span.link))
            count = 0
    return out


def _leading_characters(spans: list[Span], plain_prefix: str) -> int:
    """How many characters of the spans' raw text make the given prefix of the single-spaced text."""
    raw = "".join(span.text for span in spans)
    wanted = len(plain_prefix.strip())
    seen, index = 0, 0
    while index < len(raw) and seen < wanted:
        if not raw[index].isspace():
            seen += 1
        index += 1
    while index < len(raw) and raw[index].isspace():
        index += 1
    return index


def _short(text: str) -> bool:
    return len(text) <= MAX_HEADING_CHARS and len(text.split()) <= MAX_HEADING_WORDS


def _stands_out(paragraph: Paragraph, size: float | None) -> bool:
    """Bold, bigger than the body text, or in capitals: how a heading typed by hand looks."""
    letters = [c for c in paragraph.text if c.isalpha()]
    capitals = len(letters) >= 4 and all(c.isupper() for c in letters) and len(paragraph.text.split()) >= 2
    bigger = bool(size and paragraph.size and paragraph.size >= size * 1.15)
    return paragraph.bold or bigger or capitals


def typed_heading(paragraph: Paragraph, size: float | None) -> bool:
    """A paragraph that is a heading by its look alone: short, standing out, not ending a sentence."""
    text = paragraph.text
    if not text or not _short(text) or text.endswith(SENTENCE_END) or not any(c.isalpha() for c in text):
        return False
    if TYPED_BULLET.match(text) and not NUMBERED_HEADING.match(text):
        return False
    return _stands_out(paragraph, size)


def _quote(text: str) -> bool:
    return len(text.split()) >= 3 and text[:1] in "“\"'‘" and re.search(r"[”\"'’][^”\"'’]{0,80}$", text) is not None


def _attribution(paragraph: Paragraph) -> bool:
    text = paragraph.text
    return bool(text) and text[:1] in "-–—" and len(text.split()) <= 16


def _markdown(paragraph: Paragraph, refused: list[str], spans: list[Span] | None = None) -> str:
    return markdown(spans if spans is not None else paragraph.spans, refused)


def shape(parts: list[Part], refused_links: list[str] | None = None) -> list[Shaped]:
    """Each part of a document as a heading, list item, quote, body text, table or picture, in order."""
    refused = refused_links if refused_links is not None else []
    size = body_size(parts)
    explicit = any(isinstance(p, Paragraph) and p.heading for p in parts)
    typed_sizes = sorted(
        {
            round((p.size or size or 0) * 2) / 2
            for p in parts
            if isinstance(p, Paragraph) and p.heading is None and not p.title and typed_heading(p, size)
        },
        reverse=True,
    )
    shaped: list[Shaped] = []
    last_level = 0
    index = 0
    while index < len(parts):
        part = parts[index]
        index += 1
        if not isinstance(part, Paragraph):
            shaped.append(part)
            continue
        text = part.text
        if not text:
            continue
        next_part = parts[index] if index < len(parts) else None
        if part.title:
            shaped.append(Heading(0, text, title=True))
            continue
        if part.style == "subtitle":
            shaped.append(Heading(0, text, subtitle=True))
            continue
        if part.heading:
            label = f"{part.label} " if part.label and not text.startswith(part.label) else ""
            shaped.append(Heading(part.heading, label + text))
            last_level = part.heading
            continue
        if "quote" in part.style or (_quote(text) and not part.list_kind):
            attribution = ""
            if isinstance(next_part, Paragraph) and _attribution(next_part):
                attribution = next_part.text.lstrip("-–— ").strip()
                index += 1
            shaped.append(Quoted(_markdown(part, refused), text, attribution, part.notes))
            continue
        numbered = NUMBERED_HEADING.match(text)
        is_heading = typed_heading(part, size) and not (
            part.list_kind and isinstance(next_part, Paragraph) and next_part.list_kind and not numbered
        )
        if is_heading:
            if explicit:
                level = last_level + 1 if last_level else 1
            elif numbered and len(typed_sizes) <= 1:
                level = numbered.group(1).count(".") + 1
            else:
                key = round((part.size or size or 0) * 2) / 2
                level = (typed_sizes.index(key) + 1) if key in typed_sizes else len(typed_sizes) + 1
                if numbered:
                    level = max(level, numbered.group(1).count(".") + 1)
            shaped.append(Heading(min(level, 6), (f"{part.label} " if part.label else "") + text))
            if not explicit:
                last_level = level
            continue
        if part.list_kind:
            shaped.append(Item(part.list_kind == "number", part.list_level, _markdown(part, refused), text, part.notes))
            continue
        typed = TYPED_BULLET.match(text) or TYPED_NUMBER.match(text)
        if typed:
            ordered = typed.re is TYPED_NUMBER
            start = _leading_characters(part.spans, typed.group(0))
            spans = _strip_start(part.spans, start)
            words = text[typed.end() :].strip()
            level = 1 if part.indent >= 30 else 0
            shaped.append(Item(ordered, level, _markdown(part, refused, spans), words, part.notes))
            continue
        shaped.append(Body(_markdown(part, refused), text, part.notes))
    return shaped
