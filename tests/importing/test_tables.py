"""importing/tables.py: a document's table as an action plan, a budget, a key or statements."""

from plansite.importing.placing import Anchors
from plansite.importing.tables import amount, grid_of, place_table
from plansite.importing.tree import Cell, Paragraph, Row, Span, Table


def cell(text, span=1, bold=False, continued=False) -> Cell:
    return Cell([Paragraph([Span(text, bold=bold)])] if text else [], span, continued)


def table(*rows, header_rows=0) -> Table:
    return Table(
        [Row([c if isinstance(c, Cell) else cell(c) for c in row], i < header_rows) for i, row in enumerate(rows)]
    )


def test_header_group_rows_and_repeated_headers():
    made = table(
        ["Action", "Responsible", "By when", "Notes"],
        [cell("Priority 1: Being heard", span=4)],
        ["Set up a forum", "Lead", "June 2025", "With schools"],
        ["Action", "Responsible", "By when", "Notes"],
        ["Hold events", cell("", continued=True), "2026", ""],
        header_rows=1,
    )
    block = place_table(made, "Our plan", Anchors(), []).blocks[0]
    assert block["type"] == "action_plan"
    assert block["columns"] == {"activity": "Action", "lead": "Responsible", "timescale": "By when", "outcome": "Notes"}
    (group,) = block["groups"]
    assert group["title"] == "Priority 1: Being heard"
    assert group["rows"] == [
        {"activity": "Set up a forum", "lead": "Lead", "timescale": "June 2025", "outcome": "With schools"},
        {"activity": "Hold events", "timescale": "2026"},
    ]


def test_an_unmarked_header_printed_again_on_the_next_page_is_the_header():
    """A PDF's table marks no header; a first row printed again further down (on each page) is one,
    even with an abbreviation such as 'No.' among its headings."""
    made = table(
        ["No.", "Recommendation", "Responsibility", "Progress presented to Committee Dec 2017"],
        ["1", "Review the board's work.", "Chair", "Done in March."],
        ["No.", "Recommendation", "Responsibility", "Progress presented to Committee Dec 2017"],
        ["2", "Train the board's members.", "Chair", "Training given."],
    )
    grid = grid_of(made)
    assert grid.header[:3] == ["No.", "Recommendation", "Responsibility"]
    assert [[c.text for c in row][:2] for row in grid.rows] == [
        ["1", "Review the board's work."],
        ["2", "Train the board's members."],
    ]


def test_a_budget_with_lines_that_add_up_nested_under_the_line_they_make():
    made = table(["Item", "Amount"], ["Income", "£2.5M"], ["Delivery", "£1.75M"], ["Staff", "£1,000,000"],
                 ["Projects", "£750K"], ["Running costs", "£750,000"])  # fmt: skip
    block = place_table(made, "Budget", Anchors(), []).blocks[0]
    assert block["type"] == "budget"
    total = block["total"]
    assert total["amount"] == {"amount": 2500000, "as_printed": "£2.5M"}
    assert [line["name"] for line in total["lines"]] == ["Delivery", "Running costs"]
    assert [line["name"] for line in total["lines"][0]["lines"]] == ["Staff", "Projects"]


def test_amounts_as_printed():
    assert [amount(t) for t in ("£460K", "£1,275", "£2.5m", "(£300)", "£12.50", "ten")] == [
        460000, 1275, 2500000, -300, None, None
    ]  # fmt: skip


def test_a_key_and_a_table_of_names():
    key = place_table(table(["Code", "Meaning"], ["CC", "Children's Commissioner"]), "", Anchors(), [])
    assert key.blocks[0] == {"type": "key", "items": [{"code": "CC", "meaning": "Children's Commissioner"}]}
    names = place_table(table(["Respect", "We listen."], ["Honesty", "We say what we do."]), "", Anchors(), [])
    assert names.blocks[0]["type"] == "statements" and len(names.blocks[0]["items"]) == 2


def test_a_frame_of_one_cell_is_not_a_table():
    assert grid_of(table(["Just a box of text"])) is None
    assert place_table(table(["Box"], ["More"]), "", Anchors(), []) is None


def test_every_table_can_fall_back_to_text_then_not_transcribed():
    placed = place_table(table(["A", "B", "C"], ["1 one", "2 two", "3 three"]), "T", Anchors(), [])
    assert [form[0]["type"] for form in placed.forms][-2:] == ["text", "not_transcribed"]
    assert "3 three" in placed.forms[-1][0]["note"]
