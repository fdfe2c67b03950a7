"""Cross-field checks: citations, budgets, owners and the young-people fingerprint."""

from pathlib import Path

from plansite.catalogue import load_plan
from plansite.commands.review import mark_reviewed
from plansite.errors import Problems
from plansite.model.walk import fingerprint
from project import FIXTURE_DATA

SCB = FIXTURE_DATA / "plans" / "scb-business-plan-2009-10.yml"


def check(file: Path) -> Problems:
    problems = Problems()
    load_plan(file, problems, "data/plans/x.yml")
    return problems


def test_real_plan_passes(tmp_path):
    assert not check(SCB), check(SCB).report()


def test_changing_an_adult_text_flags_its_young_people_text(tmp_path):
    file = tmp_path / "data" / "plans" / "x.yml"  # where commands find plans
    file.parent.mkdir(parents=True)
    text = SCB.read_text(encoding="utf-8")
    file.write_text(text.replace("Commission a sustainable service", "Commission a lasting service"), encoding="utf-8")
    problems = check(file)
    assert len(problems) == 1
    problem = problems.items[0]
    assert "needs review" in problem.message and "matches: " in problem.hint
    assert mark_reviewed(file) == 1
    assert not check(file)


def test_fingerprint_ignores_line_breaks_but_not_words():
    from plansite.model import TextBlock

    a = TextBlock(type="text", text="Keep children\nsafe.")
    assert fingerprint(a) == fingerprint(TextBlock(type="text", text="Keep children safe."))
    assert fingerprint(a) != fingerprint(TextBlock(type="text", text="Keep children safer."))


def test_mention_missing_from_the_structured_list(tmp_path):
    file = tmp_path / "data" / "plans" / "x.yml"  # where commands find plans
    file.parent.mkdir(parents=True)
    text = SCB.read_text(encoding="utf-8").replace(
        "Hold stakeholders workshop", "Hold (Article 12) stakeholders workshop"
    )
    file.write_text(text, encoding="utf-8")
    messages = [str(p) for p in check(file).items]
    assert any("mentions Article 12 but the item's 'articles' list does not have it" in m for m in messages)


BUDGET_PLAN = """\
organisation: occ
title: T
kind: business plan
period: "2012-13"
status: draft
summary: S.
sections:
  - id: budget
    title: Budget
    blocks:
      - type: budget
        total:
          name: Total
          amount: 2500000
          lines:
            - name: Programme
              amount: 1735000
            - name: Admin
              amount: 700000
"""


def test_budget_lines_must_add_up_unless_a_note_explains(tmp_path):
    file = tmp_path / "data" / "plans" / "x.yml"  # where commands find plans
    file.parent.mkdir(parents=True)
    file.write_text(BUDGET_PLAN, encoding="utf-8")
    problem = check(file).items[0]
    assert "add up to 2,435,000, not 2,500,000" in problem.message and problem.line == 14
    file.write_text(
        BUDGET_PLAN.replace("          lines:", "          sum_note: The source's own figures.\n          lines:"),
        encoding="utf-8",
    )
    assert not check(file)


def test_a_young_people_review_is_reported_in_the_same_run_as_a_schema_problem_elsewhere(tmp_path):
    """Every problem in one run: a typo in one section does not hide a needed review in another."""
    from plansite.catalogue import load_plan

    file = tmp_path / "data" / "plans" / "x.yml"  # where commands find plans
    file.parent.mkdir(parents=True)
    text = SCB.read_text(encoding="utf-8")
    text = text.replace("Commission a sustainable service", "Commission a lasting service")
    text = text.replace("title: Who runs the board", "titel: Who runs the board", 1)
    file.write_text(text, encoding="utf-8")
    problems = Problems()
    plan, _ = load_plan(file, problems, "x.yml")
    assert plan is None
    messages = [p.message for p in problems.items]
    assert "unknown key 'titel'" in messages
    assert any("needs review" in message for message in messages), messages
