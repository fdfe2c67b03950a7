"""The parts of a young-people page and their order (young_plan.py), without MkDocs."""

from __future__ import annotations

from pathlib import Path

import yaml
from plansite import model as m
from plansite.catalogue import load_plan
from plansite.errors import Problems
from plansite.views import young_plan

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
FIXTURE = FIXTURES / "plans" / "example-council-participation-strategy-2024-27.yml"


def plan_with(order: list[str] | None = None) -> m.Plan:
    data = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
    if order is not None:
        data["young_people"]["order"] = order
    return m.Plan.model_validate(data)


def ids(plan: m.Plan) -> list[str]:
    return [part.id for part in young_plan.parts(plan, has_rights=True, has_progress=False)]


def test_by_default_a_foreword_comes_before_what_we_will_do_and_getting_involved_is_last():
    assert ids(plan_with()) == ["who", "foreword", "plans", "rights", "involved"]


def test_the_plan_can_set_the_order_and_parts_it_leaves_out_follow_in_the_default_order():
    assert ids(plan_with(["plans", "who"])) == ["plans", "who", "foreword", "rights", "involved"]


def test_you_said_we_did_is_a_list_of_what_we_will_do_with_its_young_people_texts():
    plans = young_plan.parts(plan_with(), has_rights=False, has_progress=False)[2]
    [listed] = plans.lists
    assert listed.heading == "You said, we did"
    assert [card.text for card in listed.cards] == ["You said buses cost too much. Now they cost less."]
    assert listed.cards[0].status is m.Status.COMPLETED


def test_an_order_naming_no_part_of_the_page_is_reported_with_the_parts_there_are(tmp_path):
    data = FIXTURE.read_text(encoding="utf-8").replace(
        "  get_involved: Join the youth council. Tell us what you think.\n",
        "  get_involved: Join the youth council. Tell us what you think.\n  order: [who, forward, who]\n",
    )
    file = tmp_path / "plan.yml"
    file.write_text(data, encoding="utf-8")
    problems = Problems()
    load_plan(file, problems, "plan.yml")
    report = problems.report()
    assert (
        "plan.yml:19:16: 'forward' is not a part of the young-people page; did you mean 'foreword'? "
        "use who, plans, rights, involved, progress or the id of a section with a young-people text"
    ) in report
    assert "plan.yml:19:25: 'who' is listed twice in the order" in report


def test_a_section_whose_only_young_people_text_is_one_blocks_is_headed_by_that_text():
    plan = m.Plan.model_validate(
        yaml.safe_load("""
organisation: x
title: T
kind: charter
period: "2024"
status: draft
summary: S.
sections:
  - id: wheel
    title: Section 2 - What do we mean by participation?
    blocks:
      - type: text
        text: Adult words.
        young_people:
          title: The wheel of taking part
          text: There are three ways to take part.
""")
    )
    [(_, part)] = young_plan.section_parts(plan)
    assert (part.heading, part.text, part.cards) == (
        "The wheel of taking part",
        "There are three ways to take part.",
        (),
    )
