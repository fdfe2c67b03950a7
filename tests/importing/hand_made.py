"""Documents typed the way many plans are: headings made bold or bigger by hand, numbered '1.' and
'1.1' by hand, bullets typed as '•', '-' or '1)', a table with cells merged down and across and
its header row typed again further down, a footnote, a text box, a link made with a field.
"""

from __future__ import annotations

from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.shared import Pt

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
FOOTNOTES = f"""<w:footnotes {W}>
<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r>
<w:r><w:t xml:space="preserve"> Figures from the 2023 survey of 1,200 pupils.</w:t></w:r></w:p></w:footnote>
</w:footnotes>"""
TEXT_BOX = f"""<w:r {W} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"
 xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
 xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
 xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"
 xmlns:v="urn:schemas-microsoft-com:vml"><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>
<wp:anchor><wp:docPr id="5" name="Text Box 5"/><a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent>
<w:p><w:r><w:t>Did you know? Young people chose every one of these promises.</w:t></w:r></w:p>
</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>
<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>
<w:p><w:r><w:t>Did you know? Young people chose every one of these promises.</w:t></w:r></w:p>
</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"""


def _bold(document, text: str, size: float | None = None):
    paragraph = document.add_paragraph()
    run = paragraph.add_run(text)
    run.bold = True
    if size:
        run.font.size = Pt(size)
    return paragraph


def _field_link(paragraph, words: str, url: str) -> None:
    """A link made the old way, with a HYPERLINK field (as many converted documents have)."""
    for kind, text in (
        ("begin", None),
        (None, f' HYPERLINK "{url}" '),
        ("separate", None),
        (None, words),
        ("end", None),
    ):
        run = OxmlElement("w:r")
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run.append(char)
        else:
            element = OxmlElement("w:instrText" if text.startswith(" HYPERLINK") else "w:t")
            element.text = text
            element.set(qn("xml:space"), "preserve")
            run.append(element)
        paragraph._p.append(run)


def _footnote(document, paragraph) -> None:
    part = Part(
        PackURI("/word/footnotes.xml"),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
        FOOTNOTES.encode(),
        document.part.package,
    )
    document.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)
    run = OxmlElement("w:r")
    reference = OxmlElement("w:footnoteReference")
    reference.set(qn("w:id"), "1")
    run.append(reference)
    paragraph._p.append(run)


def typed_by_hand(path: Path) -> Path:
    """A participation strategy typed without heading or list styles."""
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Anytown Council – Participation Strategy"
    document.sections[0].footer.paragraphs[0].text = "OFFICIAL"
    _bold(document, "Anytown Participation Strategy 2025 to 2028", size=20)
    _bold(document, "1. Our promise", size=14)
    promise = document.add_paragraph("We will listen to every child and act on what they tell us")
    _footnote(document, promise)
    promise.add_run(". Read the ")
    _field_link(promise, "full survey", "https://www.example.org/survey")
    promise.add_run(" and our ")
    promise.add_run("easy read").italic = True
    promise.add_run(" version.")
    document.add_paragraph("• Children will choose the topics of the youth forum")
    document.add_paragraph("• Every meeting will end with what happens next")
    document.add_paragraph("- A young inspector will visit each service")
    _bold(document, "1.1 How we will do it")
    document.add_paragraph("1) Train every member of staff")
    document.add_paragraph("2) Pay young people for their time")
    document.paragraphs[-1]._p.append(parse_xml(TEXT_BOX))
    document.add_paragraph("“Adults should ask us before they decide.”")
    document.add_paragraph("– Member of the youth forum, aged 15")
    _bold(document, "2. Our action plan", size=14)
    table = document.add_table(rows=6, cols=3)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ("Action", "Who", "By when")):
        cell.text = text
    table.rows[1].cells[0].merge(table.rows[1].cells[2]).text = "Priority 1: Being heard"
    for row, texts in zip(table.rows[2:], (("Set up the youth forum", "Participation lead", "June 2025"),
                                           ("Action", "Who", "By when"),
                                           ("Hold a listening event in every ward", "Ward teams", "March 2026"),
                                           ("Report back to every school", "", "July 2026"))):  # fmt: skip
        for cell, text in zip(row.cells, texts):
            cell.text = text
    table.rows[4].cells[1].merge(table.rows[5].cells[1])  # 'Ward teams' merged down over two rows
    _bold(document, "3. Contact us", size=14)
    document.add_paragraph("Email: participation@example.org")
    document.add_paragraph("Tel: 020 7783 8330")
    document.add_paragraph("Website: www.example.org")
    plain = document.add_paragraph("An old address: ")
    _field_link(plain, "our old site", "http://www.example.org/old")
    document.save(str(path))
    return path
