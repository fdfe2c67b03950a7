"""importing/pdf.py: a PDF's text layer read into the neutral tree."""

import pytest
from plansite.importing.pdf import read_pdf
from plansite.importing.tree import Paragraph, Table
from plansite.importing.word import DocumentRefused


def with_running_heads():
    """A new PDF with a running head and a page number on each page. fpdf (0.2 s to import) is imported
    when a test makes a PDF, not each time the suite is collected."""
    from fpdf import FPDF

    class Pages(FPDF):
        def header(self):
            self.set_font("Helvetica", "", 8)
            self.cell(0, 6, "Anytown Council")
            self.ln(10)

        def footer(self):
            self.set_y(-12)
            self.set_font("Helvetica", "", 8)
            self.cell(0, 6, f"Page {self.page_no()}")

    return Pages()


def made(path, pages=2):
    pdf = with_running_heads()
    for number in range(pages):
        pdf.add_page()
        pdf.set_font("Helvetica", "B", 16)
        pdf.write(8, f"Part {number + 1}")
        pdf.ln(12)
        pdf.set_font("Helvetica", "", 10)
        pdf.write(5, "We will listen to ")
        pdf.set_font("Helvetica", "B", 10)
        pdf.write(5, "every child")
        pdf.set_font("Helvetica", "", 10)
        pdf.write(5, ". Read ")
        pdf.write(5, "our survey", link="https://www.example.org/survey")
        pdf.write(5, ".")
        pdf.ln(9)
        pdf.write(5, "- the first point")
        pdf.ln(9)
        with pdf.table(first_row_as_headings=True) as table:
            for texts in (("Action", "Who"), ("Set up a forum", "Lead"), ("Hold events", "Teams")):
                row = table.row()
                for text in texts:
                    row.cell(text)
    pdf.output(str(path))
    return path


@pytest.fixture(scope="module")
def document(tmp_path_factory):
    return read_pdf(made(tmp_path_factory.mktemp("pdf") / "plan.pdf"), "plan.pdf")


def test_lines_become_paragraphs_with_their_look_and_links(document):
    paragraphs = [p for p in document.parts if isinstance(p, Paragraph)]
    assert [p.text for p in paragraphs[:3]] == ["Part 1", "We will listen to every child. Read our survey.",
                                                 "- the first point"]  # fmt: skip
    assert paragraphs[0].bold and paragraphs[0].size > paragraphs[1].size
    spans = paragraphs[1].spans
    assert any(s.bold and s.text.strip() == "every child" for s in spans)
    assert any(s.link == "https://www.example.org/survey" for s in spans)


def test_running_heads_and_page_numbers_are_page_furniture(document):
    assert document.furniture == ["Anytown Council", "page numbers"]
    assert not any(isinstance(p, Paragraph) and "Anytown" in p.text for p in document.parts)


def test_ruled_tables_are_tables(document):
    tables = [p for p in document.parts if isinstance(p, Table)]
    assert len(tables) == 2
    assert [row.texts for row in tables[0].rows] == [
        ["Action", "Who"],
        ["Set up a forum", "Lead"],
        ["Hold events", "Teams"],
    ]


def test_a_pdf_without_text_is_refused(tmp_path):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 50, 50)
    pdf.output(str(tmp_path / "scan.pdf"))
    with pytest.raises(DocumentRefused, match="no text layer"):
        read_pdf(tmp_path / "scan.pdf", "scan.pdf")


def test_a_password_protected_pdf_is_refused(tmp_path):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_encryption(owner_password="owner", user_password="secret")
    pdf.add_page()
    pdf.set_font("Helvetica", "", 10)
    pdf.write(5, "Private")
    pdf.output(str(tmp_path / "locked.pdf"))
    with pytest.raises(DocumentRefused, match="password-protected"):
        read_pdf(tmp_path / "locked.pdf", "locked.pdf")


@pytest.mark.parametrize("content", [b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\ngarbage", b"not a pdf at all"])
def test_a_broken_pdf_is_refused(tmp_path, content):
    (tmp_path / "broken.pdf").write_bytes(content)
    with pytest.raises(DocumentRefused):
        read_pdf(tmp_path / "broken.pdf", "broken.pdf")
