"""importing/word.py: a .docx read into the neutral tree, typed by hand or with styles."""

import pytest
from plansite.importing.tree import Paragraph, Table
from plansite.importing.word import DocumentRefused, read_word

from .hand_made import typed_by_hand


@pytest.fixture(scope="module")
def document(tmp_path_factory):
    return read_word(typed_by_hand(tmp_path_factory.mktemp("word") / "anytown.docx"), "anytown.docx")


def texts(document):
    return [p.text for p in document.parts if isinstance(p, Paragraph)]


def test_page_headers_and_footers_are_set_apart(document):
    assert document.furniture == ["Anytown Council – Participation Strategy", "OFFICIAL"]
    assert not any("OFFICIAL" in t for t in texts(document))


def test_footnotes_links_made_with_fields_and_text_boxes_are_read(document):
    promise = next(p for p in document.parts if isinstance(p, Paragraph) and p.text.startswith("We will listen"))
    assert promise.notes == ["1"] and "¹" in promise.text
    assert any(s.link == "https://www.example.org/survey" and s.text == "full survey" for s in promise.spans)
    assert document.footnotes["1"][0].text == "Figures from the 2023 survey of 1,200 pupils."
    # The text box is read once, though Word stores it twice (for old and new versions of Word).
    assert texts(document).count("Did you know? Young people chose every one of these promises.") == 1


def test_merged_cells_are_kept_once(document):
    (table,) = [p for p in document.parts if isinstance(p, Table)]
    assert table.rows[1].cells[0].span == 3 and table.rows[1].cells[0].text == "Priority 1: Being heard"
    assert table.rows[5].cells[1].continued


def test_styles_give_headings_and_lists(tmp_path):
    import docx

    made = docx.Document()
    made.add_paragraph("The plan", style="Title")
    made.add_heading("Part one", 1)
    made.add_paragraph("first", style="List Number")
    made.add_paragraph("second", style="List Number")
    made.save(str(tmp_path / "styled.docx"))
    parts = read_word(tmp_path / "styled.docx", "styled.docx").parts
    assert parts[0].title and parts[1].heading == 1
    assert [(p.list_kind, p.label) for p in parts[2:]] == [("number", "1."), ("number", "2.")]


@pytest.mark.parametrize(
    "content, words",
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "password-protected"),
        (b"just some text", "not a Word document"),
        (b"PK\x03\x04broken", "damaged"),
    ],
)
def test_files_that_are_not_readable_documents_are_refused_in_words(tmp_path, content, words):
    file = tmp_path / "plan.docx"
    file.write_bytes(content)
    with pytest.raises(DocumentRefused, match=words):
        read_word(file, file.name)
