"""importing/report.py: what the editor is told after an import."""

from plansite.importing.draft_file import settle
from plansite.importing.drafting import draft_plan
from plansite.importing.report import report
from plansite.importing.tree import Document, Paragraph, Picture, Span


def test_the_report_names_what_was_not_placed_the_furniture_and_what_is_left_to_write():
    document = Document(
        "plan.docx",
        "Word document",
        [Paragraph([Span("Part")], heading=1), Paragraph([Span("Words.")]), Picture("A chart of the budget")],
        furniture=["Anytown Council"],
    )
    draft = draft_plan(document, "occ")
    text = report(draft, settle(draft, "data/plans/x.yml"), "data/plans/x.yml")
    assert text.startswith("Wrote data/plans/x.yml: a draft (status: draft) made from the Word document 'plan.docx'.")
    assert "a picture: A chart of the budget" in text
    assert "  - 'Anytown Council'" in text
    assert "placeholder [[One or two sentences" in text
