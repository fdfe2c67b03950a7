"""Word documents and PDFs made from the plans, the way an organisation lays its plan out: heading
styles, list styles, tables with a header row and group rows merged across, bold, italics, links,
a page header and footer. The importer is tested on them and knows nothing of where they came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

INLINE = re.compile(r"\*\*(.+?)\*\*|\*(.+?)\*|\[([^\]]+)\]\(([^)]+)\)")
STATUS = {"completed": "Completed", "on-track": "On track", "needs-attention": "Needs attention", "urgent": "Urgent"}


def runs(markdown: str) -> list[tuple[str, bool, bool, str | None]]:
    """A line of the plans' Markdown as (text, bold, italic, link) runs."""
    out, position = [], 0
    for found in INLINE.finditer(markdown):
        if found.start() > position:
            out.append((markdown[position : found.start()], False, False, None))
        bold, italic, words, url = found.groups()
        if bold is not None:
            out.extend((t, True, i, u) for t, _, i, u in runs(bold))
        elif italic is not None:
            out.append((italic, False, True, None))
        else:
            out.append((words, False, False, url))
        position = found.end()
    if position < len(markdown):
        out.append((markdown[position:], False, False, None))
    return [(t.replace("\\", ""), b, i, u) for t, b, i, u in out if t]


@dataclass
class Made:
    """What a document was made with: its tables (kind and body rows), for the measures."""

    tables: list[tuple[str, int]] = field(default_factory=list)


class Layout:
    """One plan laid out as a document: the same walk for Word and PDF, each drawing its own way."""

    def __init__(self) -> None:
        self.made = Made()

    # What each writer draws
    def heading(self, level: int, text: str) -> None: ...
    def paragraph(self, markdown: str, style: str = "") -> None: ...
    def item(self, markdown: str, ordered: bool, level: int = 0) -> None: ...
    def table(self, header: list[str], rows: list[list[list[str]] | str]) -> None: ...

    def texts(self, value) -> None:
        """A text of the plans (paragraphs, and lists inside it) as paragraphs and list items."""
        for text in value if isinstance(value, list) else [value]:
            for paragraph in str(text).split("\n\n"):
                lines = paragraph.split("\n")
                if all(re.match(r"\s*(- |\d+\. )", line) for line in lines if line.strip()):
                    for line in lines:
                        ordered = bool(re.match(r"\s*\d+\. ", line))
                        level = 1 if line.startswith("  ") else 0
                        self.item(re.sub(r"^\s*(- |\d+\. )", "", line), ordered, level)
                else:
                    self.paragraph(" ".join(line.strip() for line in lines))

    def plan(self, plan: dict) -> Made:
        self.heading(0, plan["title"])
        if plan.get("subtitle"):
            self.paragraph(plan["subtitle"], "Subtitle")
        for section in plan["sections"]:
            self.heading(1, section["title"])
            for block in section["blocks"]:
                self.block(block)
        return self.made

    def block(self, block: dict) -> None:
        kind = block["type"]
        if kind == "not_transcribed":
            return
        if block.get("title") and kind != "subheading":
            self.heading(2, block["title"])
        if block.get("intro") and kind != "status_key":
            self.texts(block["intro"])
        getattr(self, "block_" + kind)(block)
        for note in block.get("notes", []):
            self.texts(note)

    def block_text(self, block):
        self.texts(block["text"])

    def block_foreword(self, block):
        self.texts(block["text"])
        self.paragraph(f"**{block['author']}**")
        self.paragraph(block["role"])

    def block_statements(self, block):
        for item in block["items"]:
            self.paragraph(f"**{item['name']}**")
            self.texts(item["text"])

    def block_list(self, block):
        for item in block["items"]:
            first, *rest = str(item).split("\n\n")
            self.item(first.replace("\n", " "), bool(block.get("ordered")))
            for more in rest:
                for line in more.split("\n"):
                    self.item(re.sub(r"^\s*(- |\d+\. )", "", line), bool(re.match(r"\s*\d", line)), 1)

    def block_quote(self, block):
        self.paragraph(f"“{block['text'].strip()}”", "Quote")
        who = ", ".join(str(p) for p in (block.get("speaker"), block.get("age") and f"aged {block['age']}",
                                           block.get("context")) if p)  # fmt: skip
        if who:
            self.paragraph(f"– {who}")

    def block_priorities(self, block):
        for item in block["items"]:
            self.heading(3, f"{item['ref']} {item['title']}" if item.get("ref") else item["title"])
            self.texts(item.get("text", []))

    def block_aims(self, block):
        for group in block["groups"]:
            self.heading(3, f"{group['ref']} {group['title']}")
            for aim in group["aims"]:
                self.paragraph(f"{aim['ref']} {aim['text']}".replace("\n", " "))
                if aim.get("footnote"):
                    self.paragraph(aim["footnote"])

    def block_delivery(self, block):
        self.paragraph(f"**{block['caption']}**")
        keys = ["priority", "cluster", "project", "owner", "budget"]
        rows = []
        for row in block["rows"]:
            money = row["budget"]
            printed = money.get("as_printed") if isinstance(money, dict) else None
            amount = money["amount"] if isinstance(money, dict) else money
            cells = [[str(row[k])] for k in keys[:4]] + [[printed or f"£{int(amount):,}"]]
            rows.append(cells)
        for code, title in block.get("priority_titles", {}).items():
            self.paragraph(f"{code}: {title}")
        self.table([block["columns"][k] for k in keys], rows)
        self.made.tables.append(("delivery", len(rows)))

    def block_key(self, block):
        self.table(["Code", "Meaning"], [[[i["code"]], [i["meaning"]]] for i in block["items"]])
        self.made.tables.append(("key", len(block["items"])))

    def block_projects(self, block):
        for project in block["items"]:
            self.heading(3, project["title"])
            self.paragraph("Strategic aims: " + ", ".join(project["aims"]))
            for label, key in ((project.get("goals_label", "Project goals"), "goals"),
                               ("Performance theme", "performance_theme"), ("Performance", "performance"),
                               ("Indicators", "indicators")):  # fmt: skip
                self.paragraph(f"**{label}**")
                self.texts(project[key])

    def block_action_plan(self, block):
        columns = block["columns"]
        updated = any(row.get("updates") for group in block["groups"] for row in group["rows"])
        rows: list = []
        for group in block["groups"]:
            rows.append(group["title"])
            if group.get("intro"):
                rows.append(group["intro"].replace("\n", " "))
            for row in group["rows"]:
                cells = []
                for key in columns:
                    value = row.get(key)
                    if key == "progress" and value:
                        value = STATUS[value]
                    cells.append([str(v).replace("\n", " ") for v in (value if isinstance(value, list) else [value])
                                  if v])  # fmt: skip
                if updated:  # a progress report prints each item's progress in a column of its own
                    cells.append([u["text"].replace("\n", " ") for u in row.get("updates", [])])
                rows.append(cells)
        self.table(list(columns.values()) + (["Progress"] if updated else []), rows)
        self.made.tables.append(("action_plan", sum(len(g["rows"]) for g in block["groups"])))

    def block_status_key(self, block):
        for text in block.get("intro", []) if isinstance(block.get("intro"), list) else [block.get("intro")]:
            if text:
                self.texts(text)
        for item in block["items"]:
            self.paragraph(item["text"])

    def block_budget(self, block):
        rows = []

        def add(line):
            money = line["amount"]
            printed = money.get("as_printed") if isinstance(money, dict) else None
            amount = money["amount"] if isinstance(money, dict) else money
            text = " ".join(str(line.get("text", "")).split())
            rows.append(
                [[line["name"]], [printed or f"£{int(amount):,}"], [line.get("share", "")], [text] if text else []]
            )
            for child in line.get("lines", []):
                add(child)

        add(block["total"])
        self.table(["Item", "Amount", "Share", "Notes"], rows)
        self.made.tables.append(("budget", len(rows)))

    def block_achievements(self, block):
        for item in block["items"]:
            self.item(str(item).replace("\n", " "), False)

    def block_networks(self, block):
        for item in block["items"]:
            self.item(item, False)

    def block_participation_levels(self, block):
        self.paragraph(block["based_on"])
        for stage in block["stages"]:
            self.heading(3, stage["name"])
            for level in stage.get("levels", []):
                self.paragraph(f"**{level['name']}**")
                self.texts(level["text"])

    def block_contact(self, block):
        for line in [block.get("name"), *block.get("address", [])]:
            if line:
                self.paragraph(line)
        for label, key in (("Tel", "phone"), ("Email", "email"), ("Website", "website"), ("Twitter", "social")):
            if block.get(key):
                self.paragraph(f"{label}: {block[key]}")

    def block_footnotes(self, block):
        for item in block["items"]:
            self.paragraph(f"{item['mark']} {item['text']}".replace("\n", " "))

    def block_subheading(self, block):
        self.heading(2, block["title"])

    def block_you_said_we_did(self, block):
        for item in block["items"]:
            for label, key in (("You said", "you_said"), ("We will", "we_will"), ("We did", "we_did")):
                if item.get(key):
                    self.paragraph(f"**{label}**")
                    self.texts(item[key])


# --- Word ------------------------------------------------------------------------------------


class WordLayout(Layout):
    def __init__(self, header: str) -> None:
        import docx

        super().__init__()
        self.document = docx.Document()
        section = self.document.sections[0]
        section.header.paragraphs[0].text = header
        section.footer.paragraphs[0].text = "Printed copies are uncontrolled"

    def _runs(self, paragraph, markdown: str) -> None:
        from docx.opc.constants import RELATIONSHIP_TYPE
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        for text, bold, italic, link in runs(markdown):
            if link:
                rid = paragraph.part.relate_to(link, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
                hyperlink = OxmlElement("w:hyperlink")
                hyperlink.set(qn("r:id"), rid)
                run = OxmlElement("w:r")
                text_element = OxmlElement("w:t")
                text_element.text = text
                text_element.set(qn("xml:space"), "preserve")
                run.append(text_element)
                hyperlink.append(run)
                paragraph._p.append(hyperlink)
            else:
                run = paragraph.add_run(text)
                run.bold, run.italic = bold or None, italic or None

    def heading(self, level, text):
        self.document.add_paragraph(text, style="Title" if level == 0 else f"Heading {level}")

    def paragraph(self, markdown, style=""):
        self._runs(self.document.add_paragraph(style=style or None), markdown)

    def item(self, markdown, ordered, level=0):
        style = ("List Number" if ordered else "List Bullet") + (" 2" if level else "")
        self._runs(self.document.add_paragraph(style=style), markdown)

    def table(self, header, rows):
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        table = self.document.add_table(rows=1, cols=len(header))
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, header):
            cell.text = ""
            self._runs(cell.paragraphs[0], f"**{text}**")
        properties = table.rows[0]._tr.get_or_add_trPr()
        properties.append(OxmlElement("w:tblHeader"))
        for row in rows:
            cells = table.add_row().cells
            if isinstance(row, str):  # a group's title, merged across the table
                merged = cells[0].merge(cells[-1])
                merged.text = ""
                self._runs(merged.paragraphs[0], f"**{row}**")
                continue
            for cell, texts in zip(cells, row):
                cell.text = ""
                for index, text in enumerate(texts):
                    paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
                    self._runs(paragraph, text)
        del qn

    def save(self, path: Path) -> None:
        self.document.save(str(path))


# --- PDF -------------------------------------------------------------------------------------

LATIN = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "•": "-", "…": "...", "€": "EUR"})
"""The PDF's built-in fonts have Latin-1 letters only: the others as their nearest plain letters."""


def latin(text: str) -> str:
    return text.translate(LATIN).encode("latin-1", "replace").decode("latin-1")


class PdfLayout(Layout):
    SIZES = {0: 20, 1: 16, 2: 13, 3: 11.5}

    def __init__(self, header: str) -> None:
        from fpdf import FPDF

        super().__init__()
        running = latin(header)

        class Pages(FPDF):
            def header(self):
                self.set_font("Helvetica", "", 8)
                self.cell(0, 6, running)
                self.ln(10)

            def footer(self):
                self.set_y(-12)
                self.set_font("Helvetica", "", 8)
                self.cell(0, 6, f"Page {self.page_no()}")

        self.pdf = Pages()
        self.pdf.set_auto_page_break(True, margin=18)
        self.pdf.add_page()

    def _write(self, markdown: str, size: float = 10, bold: bool = False) -> None:
        for text, run_bold, italic, link in runs(markdown):
            style = ("B" if bold or run_bold else "") + ("I" if italic else "")
            self.pdf.set_font("Helvetica", style, size)
            if link:
                self.pdf.set_text_color(0, 0, 160)
            self.pdf.write(size * 0.5, latin(text), link=link or "")
            self.pdf.set_text_color(0, 0, 0)
        self.pdf.ln(size * 0.5)
        self.pdf.ln(size * 0.45)

    def heading(self, level, text):
        self.pdf.ln(2)
        self._write(text.replace("*", ""), self.SIZES[level], bold=True)

    def paragraph(self, markdown, style=""):
        self._write(markdown)

    def item(self, markdown, ordered, level=0):
        self.pdf.set_x(self.pdf.l_margin + 6 * level)
        self._write(("1. " if ordered else "- ") + markdown)

    def table(self, header, rows):
        pdf = self.pdf
        pdf.set_font("Helvetica", "", 8)
        plain = lambda t: latin(re.sub(r"\*\*|\*|\[([^\]]+)\]\([^)]+\)", lambda m: m.group(1) or "", t))  # noqa: E731
        with pdf.table(first_row_as_headings=True, repeat_headings=1, line_height=4) as table:
            cells = table.row()
            for text in header:
                cells.cell(plain(text))
            for row in rows:
                cells = table.row()
                if isinstance(row, str):
                    cells.cell(plain(row), colspan=len(header))
                    continue
                for texts in row:
                    cells.cell("\n".join(("- " if len(texts) > 1 else "") + plain(t) for t in texts))
        pdf.ln(4)

    def save(self, path: Path) -> None:
        self.pdf.output(str(path))


def plan_of(file: Path) -> dict:
    return yaml.safe_load(file.read_text(encoding="utf-8"))


def make_document(plan_file: Path, target: Path) -> Made:
    """A .docx or .pdf (by the target's suffix) laid out from a plan file."""
    plan = plan_of(plan_file)
    header = f"{plan['title']} - {plan['period']}"
    layout = WordLayout(header) if target.suffix == ".docx" else PdfLayout(header)
    made = layout.plan(plan)
    layout.save(target)
    return made
