"""Reading a PDF's text layer into the neutral tree: lines made paragraphs by their spacing, the
look of their letters (size, bold, italic), links from the page's link areas, ruled tables, and
the lines repeated at the top and foot of the pages set apart as page furniture.

A PDF has no headings or lists of its own, only letters on a page: which lines are headings and
list items is found by shape.py, as for a Word document typed without styles.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from .shape import TYPED_BULLET, TYPED_NUMBER
from .tree import Cell, Document, Paragraph, Row, Span, Table
from .word import DocumentRefused

MAX_PAGES = 1000
MARGIN = 0.08
"""The top and bottom share of a page where running headers, footers and page numbers are."""
PAGE_NUMBER = re.compile(r"^(page\s*)?\d{1,4}(\s*(of|/)\s*\d{1,4})?$", re.I)


@dataclass
class _Line:
    words: list[dict]
    top: float
    bottom: float
    x0: float
    size: float

    @property
    def text(self) -> str:
        return " ".join(word["text"] for word in self.words)


def _bold(fontname: str) -> bool:
    return bool(re.search(r"bold|black|heavy|semibold|demi", fontname, re.I))


def _italic(fontname: str) -> bool:
    return bool(re.search(r"italic|oblique", fontname, re.I))


def _inside(word: dict, box: tuple[float, float, float, float]) -> bool:
    x = (word["x0"] + word["x1"]) / 2
    y = (word["top"] + word["bottom"]) / 2
    return box[0] - 1 <= x <= box[2] + 1 and box[1] - 1 <= y <= box[3] + 1


def _lines(words: list[dict]) -> list[_Line]:
    """Words grouped into lines by where they stand on the page, top to bottom."""
    lines: list[_Line] = []
    for word in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        line = lines[-1] if lines else None
        if line is not None and abs(word["top"] - line.top) <= max(2.0, line.size * 0.3):
            line.words.append(word)
            line.bottom = max(line.bottom, word["bottom"])
        else:
            lines.append(_Line([word], word["top"], word["bottom"], word["x0"], word.get("size") or 0))
    for line in lines:
        line.words.sort(key=lambda w: w["x0"])
        line.x0 = line.words[0]["x0"]
        sizes = Counter(round(w.get("size") or 0, 1) for w in line.words)
        line.size = sizes.most_common(1)[0][0]
    return lines


def _link(word: dict, links: list[dict]) -> str | None:
    for link in links:
        if link.get("uri") and _inside(word, (link["x0"], link["top"], link["x1"], link["bottom"])):
            return link["uri"]
    return None


def _spans(lines: list[_Line], links: list[dict]) -> list[Span]:
    spans: list[Span] = []
    for number, line in enumerate(lines):
        for index, word in enumerate(line.words):
            text = word["text"]
            last = index == len(line.words) - 1 and number < len(lines) - 1
            joiner = "" if (last and text.endswith("-") and not text.endswith(" -")) else " "
            following = line.words[index + 1] if index + 1 < len(line.words) else None
            if following is not None and following["x0"] - word["x1"] < (word.get("size") or 10) * 0.12:
                joiner = ""  # split from the next word only by a change of font ('child' and '.')
            look = (_bold(word.get("fontname", "")), _italic(word.get("fontname", "")), _link(word, links))
            if spans and (spans[-1].bold, spans[-1].italic, spans[-1].link) == look:
                spans[-1] = Span(spans[-1].text + text + joiner, *look)
            else:
                spans.append(Span(text + joiner, *look))
    return spans


def _starts_item(line: _Line) -> bool:
    return bool(TYPED_BULLET.match(line.text) or TYPED_NUMBER.match(line.text))


def _paragraphs(lines: list[_Line], links: list[dict], left: float) -> list[tuple[float, Paragraph]]:
    """Lines joined into paragraphs: a new one after a gap, a change of size or look, or a typed bullet."""
    found: list[tuple[float, Paragraph]] = []
    group: list[_Line] = []

    def close() -> None:
        if group:
            sizes = Counter()
            for line in group:
                for word in line.words:
                    sizes[round(word.get("size") or 0, 1)] += len(word["text"])
            paragraph = Paragraph(
                _spans(group, links), size=sizes.most_common(1)[0][0] or None, indent=max(0.0, group[0].x0 - left)
            )
            found.append((group[0].top, paragraph))
            group.clear()

    for line in lines:
        if group:
            previous = group[-1]
            gap = line.top - previous.bottom
            bold_line = all(_bold(w.get("fontname", "")) for w in line.words)
            bold_previous = all(_bold(w.get("fontname", "")) for w in previous.words)
            if (
                gap > max(previous.size, line.size) * 0.6
                or abs(line.size - previous.size) > 0.6
                or _starts_item(line)
                or bold_line != bold_previous
            ):
                close()
        group.append(line)
    close()
    return found


def _cell(text: str | None) -> Cell:
    """A cell of a ruled table: its lines, each typed list item a paragraph of its own."""
    paragraphs: list[list[str]] = []
    for line in (text or "").split("\n"):
        line = line.strip()
        if not line:
            continue
        if paragraphs and not (TYPED_BULLET.match(line) or TYPED_NUMBER.match(line)):
            paragraphs[-1].append(line)
        else:
            paragraphs.append([line])
    return Cell([Paragraph([Span(_joined(lines))]) for lines in paragraphs])


def _joined(lines: list[str]) -> str:
    out = ""
    for line in lines:
        out = out + line if out.endswith("-") or not out else out + " " + line
    return out


def _table(rows: list[list[str | None]]) -> Table:
    """pdfplumber's cells as a table: a cell it gives as None is covered by the cell before it."""
    made: list[Row] = []
    for row in rows:
        cells: list[Cell] = []
        for value in row:
            if value is None and cells:
                cells[-1].span += 1
            elif value is None:
                cells.append(Cell([], continued=True))
            else:
                cells.append(_cell(value))
        made.append(Row(cells))
    return Table(made)


def _furniture(pages: list[list[_Line]], heights: list[float]) -> set[tuple[int, int]]:
    """The lines, by (page, line), at the top or foot of the pages that repeat or number them."""
    seen: Counter = Counter()
    where: dict[tuple[int, int], str] = {}
    sizes = Counter(line.size for lines in pages for line in lines)
    body = sizes.most_common(1)[0][0] if sizes else 0
    for number, (lines, height) in enumerate(zip(pages, heights)):
        for index, line in enumerate(lines):
            if line.size > body + 0.5:
                continue  # running heads are small print; a heading at the top of a page is not one
            if line.top < height * MARGIN or line.bottom > height * (1 - MARGIN):
                # The same words on many pages, but for the page's own number.
                key = re.sub(rf"\b{number + 1}\b", "#", line.text.lower()).strip()
                where[(number, index)] = key
                seen[key] += 1
    repeated = {key for key, count in seen.items() if count >= 2 and count >= len(pages) * 0.3}
    found = set()
    for place, key in where.items():
        line = pages[place[0]][place[1]]
        if key in repeated or PAGE_NUMBER.match(line.text.strip()):
            found.add(place)
    return found


def read_pdf(path: Path, name: str) -> Document:
    """A PDF's text layer read into the neutral tree; DocumentRefused if it has none or cannot be read."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfplumber.utils.exceptions import PdfminerException

    with open(path, "rb") as handle:
        start = handle.read(1024)
    if b"%PDF" not in start:
        raise DocumentRefused("this is not a PDF; export the document from Word or your PDF tool again")
    document = Document(name=name, kind="PDF")
    try:
        with pdfplumber.open(path) as pdf:
            pages = pdf.pages
            if len(pages) > MAX_PAGES:
                raise DocumentRefused(f"the PDF has {len(pages)} pages, more than any plan ({MAX_PAGES} at most)")
            document.title = str((pdf.metadata or {}).get("Title") or "").strip()
            _read_pages(pages, document)
    except DocumentRefused:
        raise
    except PdfminerException as error:
        cause = error.args[0] if error.args else error
        if isinstance(cause, PDFPasswordIncorrect) or "password" in str(cause).lower():
            raise DocumentRefused(
                "the PDF is password-protected; save a copy without the password (or import the Word document)"
            ) from None
        raise DocumentRefused(f"the PDF is damaged ({type(cause).__name__}); export it again") from None
    except Exception as error:  # pdfminer raises many kinds of error on a broken file
        if "password" in str(error).lower() or "encrypt" in type(error).__name__.lower():
            raise DocumentRefused(
                "the PDF is password-protected; save a copy without the password (or import the Word document)"
            ) from None
        raise DocumentRefused(f"the PDF cannot be read ({type(error).__name__}); export it again") from None
    if not any(part for part in document.parts):
        raise DocumentRefused(
            "the PDF has no text layer (it is a scan or a picture of the pages); import the Word document, "
            "or run the PDF through text recognition (OCR) first"
        )
    return document


def _read_pages(pages, document: Document) -> None:
    lines_of: list[list[_Line]] = []
    tables_of: list[list] = []
    heights = []
    for page in pages:
        tables = page.find_tables()
        boxes = [table.bbox for table in tables]
        words = page.extract_words(extra_attrs=["fontname", "size"], keep_blank_chars=False, x_tolerance=1.5)
        if not words and not page.chars:
            document.skipped.append(f"page {page.page_number}, which has no text layer (a scan or a picture)")
        words = [w for w in words if not any(_inside(w, box) for box in boxes)]
        lines_of.append(_lines(words))
        tables_of.append([(table.bbox[1], table.extract()) for table in tables])
        heights.append(float(page.height))
        if page.images:
            document.skipped.append(f"{len(page.images)} pictures on page {page.page_number}")
    furniture = _furniture(lines_of, heights)
    left = min((line.x0 for lines in lines_of for line in lines), default=0.0)
    previous_table: Table | None = None
    for number, page in enumerate(pages):
        kept = []
        for index, line in enumerate(lines_of[number]):
            if (number, index) in furniture:
                if line.text not in document.furniture and not PAGE_NUMBER.match(line.text.strip()):
                    document.furniture.append(line.text)
                elif PAGE_NUMBER.match(line.text.strip()) and "page numbers" not in document.furniture:
                    document.furniture.append("page numbers")
            else:
                kept.append(line)
        links = list(page.hyperlinks or [])
        items: list[tuple[float, object]] = list(_paragraphs(kept, links, left))
        items += [(top, _table(rows)) for top, rows in tables_of[number] if rows]
        items.sort(key=lambda item: item[0])
        for index, (_, part) in enumerate(items):
            if isinstance(part, Table):
                # A table going on over a page: the same columns, nothing between, its header repeated.
                if previous_table is not None and index == 0 and previous_table.width == part.width:
                    previous_table.rows.extend(part.rows)
                    continue
                previous_table = part
            else:
                previous_table = None
            document.parts.append(part)
