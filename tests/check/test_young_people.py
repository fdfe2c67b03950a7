"""The young-people checks of a plan: budget lines need a name a child understands."""

from __future__ import annotations

from plansite import model as m
from plansite.check.young_people import check_young_people


def budget(*lines: dict) -> m.BudgetBlock:
    return m.BudgetBlock.model_validate(
        {"type": "budget", "total": {"name": "Total", "amount": 100, "lines": list(lines)}}
    )


def problems_of(block: m.BudgetBlock) -> list[tuple[tuple, str]]:
    found = []
    check_young_people(block, ("sections", 0, "blocks", 1), lambda path, message, hint: found.append((path, message)))
    return found


def test_a_budget_line_without_an_everyday_name_is_reported_where_it_is():
    block = budget(
        {"name": "Programme delivery", "amount": 70},
        {
            "name": "Admin – running costs",
            "amount": 30,
            "young_people": {"title": "Running the office", "text": "It pays for the office.", "matches": "00000000"},
        },
    )
    assert problems_of(block) == [
        (
            ("sections", 0, "blocks", 1, "total", "lines", 0),
            "the budget line 'Programme delivery' has no name in everyday words for young people",
        )
    ]


def test_a_young_people_text_without_a_title_is_not_a_name():
    block = budget(
        {"name": "Programme delivery", "amount": 100, "young_people": {"text": "Work.", "matches": "00000000"}}
    )
    assert [message for _, message in problems_of(block)] == [
        "the budget line 'Programme delivery' has no name in everyday words for young people"
    ]


def test_a_budget_whose_lines_all_have_names_passes():
    assert problems_of(budget()) == []
