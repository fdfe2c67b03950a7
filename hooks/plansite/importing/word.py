"""Reading a Word document (.docx) into the neutral tree: paragraphs with their styles, lists with
their numbering, tables with merged cells, links, footnotes, text boxes, and the page headers and
footers set apart.

python-docx opens and checks the package; the body is read from its XML, in document order, because
what plans hold (text boxes, fields, content controls, tracked changes) is under the paragraphs
python-docx itself shows.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from .tree import Cell, Document, Paragraph, Picture, Row, Span, Table

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
M = "http://schemas.openxmlformats.org/officeDocument/2006/math"
FOOTNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
ENDNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes"
HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"

MAX_UNPACKED = 300_000_000
"""Bytes a .docx may unpack to: a real plan with pictures is far below; a zip bomb is refused."""


def w(name: str) -> str:
    return f"{{{W}}}{name}"


class DocumentRefused(Exception):
    """A file that cannot be read as a plan's document, with the reason in an editor's words."""


def _on(element, name: str) -> bool | None:
    """A Word on/off property (w:b, w:i...) of a properties element: True, False, or None when unset."""
    if element is None:
        return None
    found = element.find(w(name))
    if found is None:
        return None
    return found.get(w("val"), "true").lower() not in ("0", "false", "off", "none")


@dataclass
class _Style:
    name: str
    based_on: str | None
    ppr: object
    rpr: object


@dataclass
class _Look:
    """What a paragraph's style gives it, its base styles' included."""

    name: str
    heading: int | None
    title: bool
    num: tuple[str, int] | None
    bold: bool
    italic: bool
    size: float | None
    indent: float


class _Styles:
    """The document's styles, each looked up through the styles it is based on."""

    def __init__(self, element):
        self.styles: dict[str, _Style] = {}
        self.default_size: float | None = None
        self.default_paragraph: str | None = None
        if element is None:
            return
        for style in element.iter(w("style")):
            style_id = style.get(w("styleId"))
            name = style.find(w("name"))
            based = style.find(w("basedOn"))
            self.styles[style_id] = _Style(
                (name.get(w("val")) if name is not None else style_id or "").lower(),
                based.get(w("val")) if based is not None else None,
                style.find(w("pPr")),
                style.find(w("rPr")),
            )
            if style.get(w("type")) == "paragraph" and style.get(w("default")) in ("1", "true"):
                self.default_paragraph = style_id
        size = element.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}/{w('sz')}")
        self.default_size = _half_points(size)
        self._looks: dict[str | None, _Look] = {}

    def chain(self, style_id: str | None) -> list[_Style]:
        found, seen = [], set()
        while style_id and style_id in self.styles and style_id not in seen:
            seen.add(style_id)
            found.append(self.styles[style_id])
            style_id = self.styles[style_id].based_on
        return found

    def first(self, style_id: str | None, pick):
        for style in self.chain(style_id):
            value = pick(style)
            if value is not None:
                return value
        return None

    def look(self, style_id: str | None) -> _Look:
        style_id = style_id or self.default_paragraph
        if style_id in self._looks:
            return self._looks[style_id]
        chain = self.chain(style_id)
        name = chain[0].name if chain else ""
        heading = None
        match = re.fullmatch(r"heading\s*(\d)", name)
        if match:
            heading = int(match.group(1))
        else:
            outline = self.first(style_id, lambda s: _child_val(s.ppr, "outlineLvl"))
            if outline is not None and outline.isdigit() and int(outline) < 9:
                heading = int(outline) + 1
        num = self.first(style_id, lambda s: _num(s.ppr))
        look = _Look(
            name=name,
            heading=heading,
            title=name == "title",
            num=num,
            bold=bool(self.first(style_id, lambda s: _on(s.rpr, "b"))),
            italic=bool(self.first(style_id, lambda s: _on(s.rpr, "i"))),
            size=self.first(style_id, lambda s: _half_points(s.rpr.find(w("sz")) if s.rpr is not None else None))
            or self.default_size,
            indent=self.first(style_id, lambda s: _indent(s.ppr)) or 0.0,
        )
        self._looks[style_id] = look
        return look

    def run_look(self, style_id: str | None) -> tuple[bool | None, bool | None, float | None]:
        """Bold, italic and size a character style gives (None where it says nothing)."""
        return (
            self.first(style_id, lambda s: _on(s.rpr, "b")),
            self.first(style_id, lambda s: _on(s.rpr, "i")),
            self.first(style_id, lambda s: _half_points(s.rpr.find(w("sz")) if s.rpr is not None else None)),
        )


def _child_val(parent, name: str) -> str | None:
    if parent is None:
        return None
    found = parent.find(w(name))
    return found.get(w("val")) if found is not None else None


def _half_points(element) -> float | None:
    if element is None:
        return None
    value = element.get(w("val"), "")
    return int(value) / 2 if value.isdigit() else None


def _indent(ppr) -> float | None:
    if ppr is None:
        return None
    ind = ppr.find(w("ind"))
    if ind is None:
        return None
    value = ind.get(w("left")) or ind.get(w("start"))
    return int(value) / 20 if value and value.lstrip("-").isdigit() else None


def _num(ppr) -> tuple[str, int] | None:
    if ppr is None:
        return None
    num_pr = ppr.find(w("numPr"))
    if num_pr is None:
        return None
    num_id = _child_val(num_pr, "numId")
    level = _child_val(num_pr, "ilvl")
    return (num_id or "0", int(level) if level and level.isdigit() else 0)


class _Numbering:
    """List numbering: whether a list is bulleted or numbered, and the number Word shows."""

    def __init__(self, element):
        self.levels: dict[tuple[str, int], tuple[str, str, int]] = {}
        self.counters: dict[str, list[int]] = {}
        if element is None:
            return
        abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        for item in element.iter(w("abstractNum")):
            levels = {}
            for lvl in item.iter(w("lvl")):
                levels[int(lvl.get(w("ilvl"), "0"))] = _level(lvl)
            abstract[item.get(w("abstractNumId"))] = levels
        for num in element.iter(w("num")):
            base = _child_val(num, "abstractNumId")
            levels = dict(abstract.get(base, {}))
            for override in num.iter(w("lvlOverride")):
                ilvl = int(override.get(w("ilvl"), "0"))
                lvl = override.find(w("lvl"))
                if lvl is not None:
                    levels[ilvl] = _level(lvl)
                start = _child_val(override, "startOverride")
                if start and start.isdigit() and ilvl in levels:
                    levels[ilvl] = (levels[ilvl][0], levels[ilvl][1], int(start))
            for ilvl, level in levels.items():
                self.levels[(num.get(w("numId")), ilvl)] = level

    def item(self, num: tuple[str, int]) -> tuple[str, str] | None:
        """('bullet' or 'number', the label Word shows) for a numbered paragraph; None if not a list."""
        num_id, ilvl = num
        if num_id == "0" or (num_id, ilvl) not in self.levels:
            return None
        fmt, text, start = self.levels[(num_id, ilvl)]
        if fmt in ("none", ""):
            return None
        counters = self.counters.setdefault(num_id, [])
        while len(counters) <= ilvl:
            counters.append(self.levels.get((num_id, len(counters)), ("", "", 1))[2] - 1)
        counters[ilvl] += 1
        del counters[ilvl + 1 :]
        if fmt == "bullet":
            return "bullet", ""

        def shown(match: re.Match) -> str:
            index = int(match.group(1)) - 1
            value = counters[index] if index < len(counters) else 1
            level_fmt = self.levels.get((num_id, index), (fmt, "", 1))[0]
            return _format_number(value, level_fmt)

        return "number", re.sub(r"%(\d)", shown, text)


def _level(lvl) -> tuple[str, str, int]:
    fmt = _child_val(lvl, "numFmt") or "decimal"
    text = _child_val(lvl, "lvlText") or ""
    start = _child_val(lvl, "start")
    return fmt, text, int(start) if start and start.isdigit() else 1


def _format_number(value: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (value - 1) % 26)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(value)
        return roman.upper() if fmt == "upperRoman" else roman
    return str(value)


def _roman(value: int) -> str:
    out = ""
    for number, letters in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
                            (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):  # fmt: skip
        while value >= number:
            out, value = out + letters, value - number
    return out


# --- The reader ------------------------------------------------------------------------------


class _Reader:
    """One document's body read in order, with its styles, numbering, links and notes."""

    def __init__(self, document, name: str):
        self.docx = document
        part = document.part
        self.styles = _Styles(_element_or_none(lambda: part.styles.element))
        self.numbering = _Numbering(_element_or_none(lambda: part.numbering_part.element))
        self.links = {rid: rel.target_ref for rid, rel in part.rels.items() if rel.reltype == HYPERLINK}
        self.result = Document(name=name, kind="Word document")
        self.note_bodies = {
            "footnote": _notes(part, FOOTNOTES, "footnote"),
            "endnote": _notes(part, ENDNOTES, "endnote"),
        }
        self.note_marks: dict[tuple[str, str], str] = {}

    # Body and containers

    def read(self) -> Document:
        body = self.docx.element.body
        self.result.parts = self.blocks(body)
        self.result.title = (self.docx.core_properties.title or "").strip()
        self.result.furniture = self.furniture()
        for (kind, note_id), mark in list(self.note_marks.items()):
            element = self.note_bodies[kind].get(note_id)
            if element is not None:
                paragraphs = [p for p in self.blocks(element) if isinstance(p, Paragraph) and p.text]
                self.result.footnotes[mark] = paragraphs
        return self.result

    def blocks(self, container) -> list:
        """Paragraphs, tables and pictures inside a body, cell, text box or content control, in order."""
        parts: list = []
        for child in container:
            tag = child.tag
            if tag == w("p"):
                parts.extend(self.paragraph(child))
            elif tag == w("tbl"):
                parts.append(self.table(child))
            elif tag in (w("sdt"), w("customXml")):
                content = child.find(w("sdtContent")) if tag == w("sdt") else child
                if content is not None:
                    parts.extend(self.blocks(content))
            elif tag in (w("ins"), w("moveTo")):
                parts.extend(self.blocks(child))
            elif tag == w("altChunk"):
                self.result.skipped.append("a part of the document embedded from another file (altChunk)")
        return parts

    def furniture(self) -> list[str]:
        found: list[str] = []
        for section in self.docx.sections:
            for story in (
                section.header,
                section.first_page_header,
                section.even_page_header,
                section.footer,
                section.first_page_footer,
                section.even_page_footer,
            ):
                try:
                    if story.is_linked_to_previous:
                        continue
                    element = story._element
                except (AttributeError, KeyError, ValueError):
                    continue
                for part in self.blocks(element):
                    texts = [part.text] if isinstance(part, Paragraph) else []
                    if isinstance(part, Table):
                        texts = [cell.text for row in part.rows for cell in row.cells]
                    for text in texts:
                        if text and text not in found:
                            found.append(text)
        return found

    # Paragraphs

    def paragraph(self, element) -> list:
        """A paragraph, then what its text boxes and pictures hold."""
        ppr = element.find(w("pPr"))
        style_id = _child_val(ppr, "pStyle")
        look = self.styles.look(style_id)
        spans: list[Span] = []
        extra: list = []
        notes: list[str] = []
        state = _Runs(look, self.styles)
        self.inline(element, spans, extra, notes, state, link=None)
        direct_num = _num(ppr)
        num = direct_num or look.num
        outline = _child_val(ppr, "outlineLvl")
        heading = look.heading
        if outline is not None and outline.isdigit() and int(outline) < 9:
            heading = int(outline) + 1
        list_kind, label = None, ""
        if num:
            found = self.numbering.item(num)
            if found:
                list_kind, label = found
        if heading or look.title:
            list_kind_for_heading, list_kind = list_kind, None
            if list_kind_for_heading != "number":
                label = ""
        sizes = state.sizes
        size = max(sizes, key=sizes.get) if sizes else look.size
        indent = _indent(ppr)
        paragraph = Paragraph(
            spans=spans,
            style=look.name,
            heading=heading,
            title=look.title,
            list_kind=list_kind,
            list_level=num[1] if num and list_kind else 0,
            label=label if list_kind != "bullet" else "",
            size=size,
            indent=indent if indent is not None else look.indent,
            notes=notes,
        )
        if look.name.startswith("toc") or look.name == "table of figures":
            if paragraph.text:
                self.result.skipped.append(f"contents line '{paragraph.text[:60]}'")
            return extra
        return [paragraph, *extra]

    def inline(self, parent, spans, extra, notes, state: _Runs, link: str | None) -> None:
        """The runs inside a paragraph (or a link, field or change inside it), in order."""
        for child in parent:
            tag = child.tag
            if tag == w("r"):
                self.run(child, spans, extra, notes, state, link or state.field_link())
            elif tag == w("hyperlink"):
                rid = child.get(f"{{{R}}}id")
                target = self.links.get(rid) if rid else None
                if target is None and child.get(w("anchor")):
                    target = "#" + child.get(w("anchor"))
                self.inline(child, spans, extra, notes, state, target or link)
            elif tag == w("fldSimple"):
                self.inline(child, spans, extra, notes, state, _field_link(child.get(w("instr"), "")) or link)
            elif tag in (w("ins"), w("smartTag"), w("customXml"), w("moveTo"), w("dir"), w("bdo")):
                self.inline(child, spans, extra, notes, state, link)
            elif tag == w("sdt"):
                content = child.find(w("sdtContent"))
                if content is not None:
                    self.inline(content, spans, extra, notes, state, link)
            elif tag in (f"{{{M}}}oMath", f"{{{M}}}oMathPara"):
                spans.append(Span("".join(t.text or "" for t in child.iter(f"{{{M}}}t"))))

    def run(self, run, spans, extra, notes, state: _Runs, link: str | None) -> None:
        rpr = run.find(w("rPr"))
        bold, italic = state.bold_italic(rpr)
        size = _half_points(rpr.find(w("sz"))) if rpr is not None else None
        for child in run:
            tag = child.tag
            text = None
            if tag == w("t"):
                text = child.text or ""
            elif tag in (w("tab"), w("ptab")):
                text = " "
            elif tag in (w("br"), w("cr")):
                text = "" if child.get(w("type")) in ("page", "column") else "\n"
            elif tag == w("noBreakHyphen"):
                text = "-"
            elif tag == w("sym"):
                code = child.get(w("char"), "")
                text = chr(int(code, 16)) if re.fullmatch(r"[0-9A-Fa-f]{1,5}", code) else ""
            elif tag == w("fldChar"):
                state.field_char(child.get(w("fldCharType")))
            elif tag == w("instrText"):
                state.instruction(child.text or "")
            elif tag in (w("footnoteReference"), w("endnoteReference")):
                kind = "footnote" if tag == w("footnoteReference") else "endnote"
                mark = self.note_mark(kind, child.get(w("id"), ""))
                notes.append(mark)
                text = mark.translate(str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹"))
            elif tag in (w("drawing"), w("pict"), f"{{{MC}}}AlternateContent", w("object")):
                extra.extend(self.drawing(child))
            if text and not state.in_instruction:
                spans.append(Span(text, bold, italic, link))
                if size or state.look.size:
                    state.sizes[size or state.look.size] = state.sizes.get(size or state.look.size, 0) + len(text)

    def note_mark(self, kind: str, note_id: str) -> str:
        key = (kind, note_id)
        if key not in self.note_marks:
            count = sum(1 for k in self.note_marks if k[0] == kind) + 1
            self.note_marks[key] = str(count) if kind == "footnote" else _roman(count)
        return self.note_marks[key]

    def drawing(self, element) -> list:
        """What a drawing holds: the paragraphs of its text boxes, or a picture with its description."""
        boxes = [box for box in element.iter(w("txbxContent")) if not _inside(box, element, (f"{{{MC}}}Fallback",))]
        outer = [box for box in boxes if not _inside(box, element, (w("txbxContent"),))]
        if outer:
            parts: list = []
            for box in outer:
                parts.extend(self.blocks(box))
            return parts
        if any(_inside(node, element, (f"{{{MC}}}Fallback",)) for node in element.iter(f"{{{WP}}}docPr")):
            return []
        for properties in element.iter(f"{{{WP}}}docPr"):
            if _inside(properties, element, (f"{{{MC}}}Fallback",)):
                continue
            return [Picture((properties.get("descr") or properties.get("title") or "").strip())]
        if element.tag == w("pict") or element.tag == w("object"):
            return [Picture("")]
        return []

    # Tables

    def table(self, element) -> Table:
        rows: list[Row] = []
        for tr in _rows(element):
            trpr = tr.find(w("trPr"))
            header = _on(trpr, "tblHeader") is True
            cells: list[Cell] = []
            for tc in _cells(tr):
                tcpr = tc.find(w("tcPr"))
                span = _child_val(tcpr, "gridSpan")
                merge = tcpr.find(w("vMerge")) if tcpr is not None else None
                continued = merge is not None and merge.get(w("val"), "continue") == "continue"
                paragraphs = []
                for part in self.blocks(tc):
                    if isinstance(part, Paragraph):
                        paragraphs.append(part)
                    elif isinstance(part, Table):  # a table inside a cell: its cells' paragraphs, in order
                        paragraphs.extend(p for row in part.rows for cell in row.cells for p in cell.paragraphs)
                cells.append(Cell(paragraphs, int(span) if span and span.isdigit() else 1, continued))
            rows.append(Row(cells, header))
        return Table(rows)


class _Runs:
    """What runs share inside one paragraph: the paragraph's look, field codes, letter sizes."""

    def __init__(self, look: _Look, styles: _Styles):
        self.look, self.styles = look, styles
        self.fields: list[list] = []  # [instruction, showing result]
        self.sizes: dict[float, int] = {}

    def bold_italic(self, rpr) -> tuple[bool, bool]:
        style_bold, style_italic, _ = (
            self.styles.run_look(_child_val(rpr, "rStyle")) if rpr is not None else (None,) * 3
        )
        bold = _on(rpr, "b")
        italic = _on(rpr, "i")
        bold = bold if bold is not None else style_bold if style_bold is not None else self.look.bold
        italic = italic if italic is not None else style_italic if style_italic is not None else self.look.italic
        return bool(bold), bool(italic)

    def field_char(self, kind: str | None) -> None:
        if kind == "begin":
            self.fields.append(["", False])
        elif kind == "separate" and self.fields:
            self.fields[-1][1] = True
        elif kind == "end" and self.fields:
            self.fields.pop()

    def instruction(self, text: str) -> None:
        if self.fields and not self.fields[-1][1]:
            self.fields[-1][0] += text

    @property
    def in_instruction(self) -> bool:
        return bool(self.fields) and not self.fields[-1][1]

    def field_link(self) -> str | None:
        for instruction, showing in reversed(self.fields):
            if showing:
                found = _field_link(instruction)
                if found:
                    return found
        return None


def _field_link(instruction: str) -> str | None:
    found = re.match(r'\s*HYPERLINK\s+(?:\\[a-z]\s+)*"([^"]+)"', instruction)
    if not found:
        return None
    anchor = re.search(r'\\l\s+"([^"]+)"', instruction)
    return found.group(1) + ("#" + anchor.group(1) if anchor else "")


def _inside(node, top, tags: tuple[str, ...]) -> bool:
    """Whether a node is inside one of the given elements, below `top`."""
    parent = node.getparent()
    while parent is not None and parent is not top:
        if parent.tag in tags:
            return True
        parent = parent.getparent()
    return False


def _rows(table) -> list:
    found = []
    for child in table:
        if child.tag == w("tr"):
            found.append(child)
        elif child.tag in (w("sdt"), w("customXml")):
            content = child.find(w("sdtContent")) if child.tag == w("sdt") else child
            found.extend(_rows(content) if content is not None else [])
    return found


def _cells(row) -> list:
    found = []
    for child in row:
        if child.tag == w("tc"):
            found.append(child)
        elif child.tag in (w("sdt"), w("customXml")):
            content = child.find(w("sdtContent")) if child.tag == w("sdt") else child
            found.extend(_cells(content) if content is not None else [])
    return found


def _element_or_none(get):
    try:
        return get()
    except (KeyError, NotImplementedError, AttributeError):
        return None


def _notes(part, reltype: str, tag: str) -> dict[str, object]:
    """The footnotes (or endnotes) of a document by their id; separators left out."""
    from lxml import etree

    for rel in part.rels.values():
        if rel.reltype == reltype and not rel.is_external:
            target = rel.target_part
            element = getattr(target, "element", None) or getattr(target, "_element", None)
            if element is None:
                element = etree.fromstring(target.blob, etree.XMLParser(resolve_entities=False, no_network=True))
            return {note.get(w("id")): note for note in element.iter(w(tag)) if note.get(w("type")) in (None, "normal")}
    return {}


def _check_package(path: Path) -> None:
    """Refuse what is not a Word document before python-docx reads it: with a clear reason."""
    with open(path, "rb") as handle:
        start = handle.read(8)
    if start.startswith(b"\xd0\xcf\x11\xe0"):
        raise DocumentRefused(
            "this file is password-protected, or is an older Word document (.doc) renamed .docx; "
            "open it in Word, remove the password if it has one, and save it as a Word Document (.docx)"
        )
    if not start.startswith(b"PK"):
        raise DocumentRefused("this is not a Word document (.docx); save it from Word as a Word Document (.docx)")
    try:
        with zipfile.ZipFile(path) as package:
            names = package.namelist()
            size = sum(info.file_size for info in package.infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise DocumentRefused(f"the Word document is damaged ({error}); open it in Word and save it again") from None
    if "word/document.xml" not in names and not any(n.endswith("document.xml") for n in names):
        raise DocumentRefused(
            "this is a zip file but not a Word document; save it from Word as a Word Document (.docx)"
        )
    if size > MAX_UNPACKED:
        raise DocumentRefused(
            f"the Word document unpacks to {size / 1_000_000:.0f} MB, more than any plan; "
            "remove large pictures or embedded files and save it again"
        )


def read_word(path: Path, name: str) -> Document:
    """A .docx file read into the neutral tree; DocumentRefused with the reason if it cannot be."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    _check_package(path)
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as error:
        raise DocumentRefused(
            f"the Word document cannot be read ({type(error).__name__}); open it in Word and save it again as .docx"
        ) from None
    except Exception as error:  # lxml's XMLSyntaxError and the like: a damaged file, in any of its parts
        raise DocumentRefused(
            f"the Word document is damaged ({type(error).__name__}); open it in Word and save it again as .docx"
        ) from None
    try:
        return _Reader(document, name).read()
    except (ValueError, KeyError, AttributeError, TypeError) as error:
        raise DocumentRefused(
            f"part of the Word document cannot be read ({type(error).__name__}); open it in Word and save it again"
        ) from None
