"""importing/draft_file.py: the draft checked by the project's loader, falling back where refused, and
written only as a new file."""

import pytest
from plansite.catalogue import load_plan
from plansite.errors import Problems
from plansite.importing.draft_file import DraftRefused, settle, to_yaml, write_draft
from plansite.importing.drafting import draft_plan
from plansite.importing.tree import Document

from importing.trees import para


def test_the_yaml_reads_back_as_written(tmp_path):
    plan = {"title": "Plan: 2025", "period": "2025-26", "sections": [{"id": "a", "blocks": [
        {"type": "text", "text": "One\n\nTwo # not a comment", "articles": [12]}, {"ordered": True}]}]}  # fmt: skip
    text, starts = to_yaml(plan)
    assert 'period: "2025-26"' in text and "articles: [12]" in text
    assert starts[("sections", 0)] == 4 and starts[("sections", 0, "blocks", 0)] == 6
    from plansite.read import read_document

    (tmp_path / "x.yml").write_text(text)
    value = read_document(tmp_path / "x.yml", "x.yml", Problems()).value
    assert value["sections"][0]["blocks"][0]["text"] == "One\n\nTwo # not a comment"


def accepted(text: str, tmp_path) -> bool:
    (tmp_path / "x.yml").write_text(text)
    problems = Problems()
    plan, _ = load_plan(tmp_path / "x.yml", problems)
    return plan is not None and not problems.items


def test_a_block_the_checks_refuse_falls_back_to_a_plainer_form(tmp_path):
    parts = [para("Contact", heading=1), para("Email: info@example.org"), para("Tel: 0000 000 0000")]
    draft = draft_plan(Document("plan.docx", "Word document", parts), "occ")
    settled = settle(draft, "data/plans/x.yml")
    assert accepted(settled.text, tmp_path)
    (placed,) = draft.sections[0].placed
    assert placed.blocks[0]["type"] == "text" and placed.reasons
    assert "Tel: 0000 000 0000" in placed.blocks[0]["text"]


def test_words_no_form_accepts_are_named_in_the_report(tmp_path):
    document = Document("plan.docx", "Word document", [para("Rights", heading=1), para("See Article 99 of the act.")])
    draft = draft_plan(document, "occ")
    assert accepted(settle(draft, "data/plans/x.yml").text, tmp_path)
    assert draft.sections[0].title == "Rights" and not draft.sections[0].placed
    assert any("See Article 99 of the act." in line and "does not exist" in line for line in document.skipped)


def test_the_check_says_which_young_people_texts_are_missing():
    document = Document("p.docx", "Word document", [para("Plan", heading=1), para("Hello there friends.")])
    settled = settle(draft_plan(document, "occ"), "data/plans/x.yml")
    assert any("placeholder [[Two to four short sentences" in line for line in settled.young_people)


def test_an_existing_file_is_never_overwritten(tmp_path):
    target = tmp_path / "plan.yml"
    target.write_text("old")
    with pytest.raises(DraftRefused, match="already exists"):
        write_draft("new", target)
    (tmp_path / "link.yml").symlink_to(tmp_path / "elsewhere.yml")
    with pytest.raises(DraftRefused):
        write_draft("new", tmp_path / "link.yml")
    assert target.read_text() == "old" and not (tmp_path / "elsewhere.yml").exists()
