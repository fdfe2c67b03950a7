"""importing/drafting.py: the tree as a plan's sections and blocks."""

from plansite.importing.drafting import draft_plan, plan_kind, plan_period
from plansite.importing.tree import Document, Picture

from importing.trees import para


def document(*parts) -> Document:
    return Document(name="plan.docx", kind="Word document", parts=list(parts))


def blocks(draft, section=0):
    return [b for placed in draft.sections[section].placed for b in placed.blocks]


def test_sections_from_the_top_headings_subheadings_below():
    draft = draft_plan(
        document(
            para("Our Plan 2025-26", title=True),
            para("Intro words.", heading=None),
            para("Who we are", heading=1),
            para("Our team", heading=2),
            para("We are ten people."),
            para("What we do", heading=1),
        ),  # fmt: skip
        "occ",
    )
    plan, _ = draft.plan()
    assert (plan["title"], plan["period"], plan["status"]) == ("Our Plan 2025-26", "2025-26", "draft")
    assert [(s["id"], s["title"]) for s in plan["sections"]] == [
        ("our-plan-2025-26", "Our Plan 2025-26"), ("who-we-are", "Who we are"), ("what-we-do", "What we do")
    ]  # fmt: skip
    assert [b["type"] for b in blocks(draft, 1)] == ["subheading", "text"]


def test_lists_keep_one_item_per_item_and_deeper_items_inside():
    draft = draft_plan(
        document(
            para("Part", heading=1),
            para("one", list_kind="bullet"),
            para("one a", list_kind="bullet", list_level=1),
            para("two", list_kind="bullet"),
        ),  # fmt: skip
        "occ",
    )
    assert blocks(draft) == [{"type": "list", "items": ["one\n\n- one a", "two"]}]


def test_contact_details_and_pictures():
    draft = draft_plan(
        document(
            para("Contact", heading=1),
            para("Email: info@example.org"),
            para("Tel: 020 7783 8330"),
            Picture("A photo of the youth forum"),
        ),  # fmt: skip
        "occ",
    )
    contact, picture = blocks(draft)
    assert contact == {"type": "contact", "email": "info@example.org", "phone": "020 7783 8330"}
    assert picture["type"] == "not_transcribed" and picture["note"] == "A photo of the youth forum"


def test_contents_lines_are_left_out_and_said():
    doc = document(
        para("Contents", heading=1), para("Introduction ........ 3"), para("Part", heading=1), para("Words.")
    )
    draft = draft_plan(doc, "occ")
    assert [s.title for s in draft.sections] == ["Part"]
    assert "contents line 'Introduction ........ 3'" in doc.skipped


def test_kind_and_period_from_the_title():
    assert plan_kind("Children's Participation Strategy 2024 to 2027") == "participation strategy"
    assert plan_period(["Business Plan 2009/10"]) == "2009/10"
    assert plan_period(["No years"]).startswith("[[")
