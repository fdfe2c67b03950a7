"""The neutral document tree both readers make: paragraphs with their look, tables, footnotes.

A reader says what the document says of itself (a Word heading style, a list's numbering, the
size of the letters) and nothing more: which plain paragraph is really a heading or a typed
bullet is found later, the same way for Word and PDF (shape.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Span:
    """A run of text with one look: bold, italic, a link."""

    text: str
    bold: bool = False
    italic: bool = False
    link: str | None = None


@dataclass
class Paragraph:
    """One paragraph as the document has it, with what it says of its own look."""

    spans: list[Span]
    style: str = ""
    """The paragraph style's name, lower-case ('heading 2', 'list bullet', 'quote'); '' when none."""
    heading: int | None = None
    """The heading level the document gives it (1 = top), from its style or outline level."""
    title: bool = False
    """The document's own title (Word's Title style)."""
    list_kind: str | None = None
    """'bullet' or 'number' when the document numbers the paragraph as a list item."""
    list_level: int = 0
    label: str = ""
    """The number or letter the document shows before the paragraph ('1.', 'a)', '2.1'), if any."""
    size: float | None = None
    """The size of most of its letters, in points."""
    indent: float = 0.0
    """How far it starts from the left margin, in points."""
    notes: list[str] = field(default_factory=list)
    """The marks of the footnotes it refers to, in order."""

    @property
    def text(self) -> str:
        """The words, without their look, spaces made single."""
        return " ".join("".join(span.text for span in self.spans).split())

    @property
    def bold(self) -> bool:
        """True when every word is bold."""
        worded = [span for span in self.spans if span.text.strip()]
        return bool(worded) and all(span.bold for span in worded)

    @property
    def italic(self) -> bool:
        worded = [span for span in self.spans if span.text.strip()]
        return bool(worded) and all(span.italic for span in worded)


@dataclass
class Cell:
    """A table cell: its paragraphs, and how many grid columns it covers."""

    paragraphs: list[Paragraph]
    span: int = 1
    continued: bool = False
    """True for the lower part of a cell merged down from the row above (it holds nothing itself)."""

    @property
    def text(self) -> str:
        return " ".join(p.text for p in self.paragraphs if p.text)


@dataclass
class Row:
    cells: list[Cell]
    header: bool = False
    """The document marks the row as a header row (repeated at the top of each page)."""

    @property
    def texts(self) -> list[str]:
        return [cell.text for cell in self.cells]


@dataclass
class Table:
    rows: list[Row]

    @property
    def width(self) -> int:
        return max((sum(cell.span for cell in row.cells) for row in self.rows), default=0)


@dataclass
class Picture:
    """A picture or chart: its words are only what its description says."""

    description: str = ""


Part = Paragraph | Table | Picture


@dataclass
class Document:
    """A whole document as a reader found it, in reading order."""

    name: str
    """The file's name, as the report and the draft's note give it."""
    kind: str
    """'Word document' or 'PDF'."""
    parts: list[Part] = field(default_factory=list)
    footnotes: dict[str, list[Paragraph]] = field(default_factory=dict)
    """Footnotes and endnotes by their mark, in the order they are referred to."""
    furniture: list[str] = field(default_factory=list)
    """Page headers, footers and page numbers: left out of the plan, named in the report."""
    title: str = ""
    """The title the file's properties give, if any."""
    skipped: list[str] = field(default_factory=list)
    """What the reader saw but could not read, in words for the report."""


SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def footnote_mark(mark: str) -> str:
    """A footnote's mark as it stands in the text: superscript digits, or the mark itself."""
    return mark.translate(SUPERSCRIPT) if re.fullmatch(r"\d+", mark) else mark
