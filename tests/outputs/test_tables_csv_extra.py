"""Room for what real plans have: a column of a source table the site has no key for is kept with its
heading, shown on the page, and in the CSV and the JSON of the plan."""

from __future__ import annotations

import pytest
from plansite import model as m
from plansite.catalogue import PlanFile
from plansite.errors import Problems
from plansite.outputs.tables_csv import TABLES, rows
from plansite.read import Document, validate

TABLE = {
    "type": "action_plan",
    "columns": {"activity": "What we will do", "lead": "Lead"},
    "extra_columns": {"link": "Link to priorities"},
    "groups": [
        {
            "id": "actions",
            "title": "Our actions",
            "rows": [
                {"activity": "Train staff.", "lead": "Head of service", "extra": {"link": "Priority 2"}},
                {"activity": "Another.", "lead": "Head of service"},
            ],
        }
    ],
}
SECTION = {"id": "actions-section", "title": "Actions", "blocks": [TABLE]}
PLAN = {"organisation": "occ", "title": "A plan", "kind": "business plan", "period": "2025-26", "status": "draft",
        "summary": "A plan.", "sections": [SECTION]}  # fmt: skip


def plan_file() -> PlanFile:
    return PlanFile("a-plan", m.Plan.model_validate(PLAN), None, None)


def test_the_extra_column_is_a_field_of_the_actions_csv_with_heading_and_text():
    names = [field.name for field in TABLES["actions"].fields]
    first, second = rows(plan_file(), "actions")
    assert len(first) == len(names)
    assert first[names.index("extra")] == "Link to priorities: Priority 2"
    assert second[names.index("extra")] == ""


def test_the_extra_column_is_in_the_plan_json_with_its_heading():
    dumped = plan_file().plan.model_dump(mode="json")
    block = dumped["sections"][0]["blocks"][0]
    assert block["extra_columns"] == {"link": "Link to priorities"}
    assert block["groups"][0]["rows"][0]["extra"] == {"link": ["Priority 2"]}


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda t: t["extra_columns"].update(lead="Lead again"), "'lead' is a column the site knows"),
        (lambda t: t["groups"][0]["rows"][1].update(extra={"lnik": "x"}), "the table has no extra column 'lnik'"),
    ],
)
def test_an_extra_column_that_is_the_sites_own_or_a_cell_of_no_column_is_refused(change, expected):
    import copy

    import yaml
    from plansite.check.plan import check_plan

    plan = copy.deepcopy(PLAN)
    change(plan["sections"][0]["blocks"][0])
    document = Document("data/plans/a-plan.yml", plan, yaml.compose(yaml.safe_dump(plan)))
    problems = Problems()
    model = validate(document, m.Plan, problems)
    check_plan(model, document, problems)
    messages = [f"{p.message}; {p.hint}" for p in problems.items]
    assert any(expected in message for message in messages), messages
    if "lnik" in expected:
        assert any("did you mean 'link'?" in message for message in messages)
