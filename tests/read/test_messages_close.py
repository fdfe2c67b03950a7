"""Messages that say the right thing: no placeholder of the schema's in any message, a "did you mean"
only when the guess is a slip away, and every section of the guide a message names exists."""

from __future__ import annotations

import re

import pytest
import yaml
from plansite import model as m
from plansite.errors import Problems
from plansite.read import Document, validate
from plansite.spelling import allowed_slips, closest, slips
from project import ROOT

GUIDE = (ROOT / "content" / "editors-guide.md").read_text(encoding="utf-8")
PLAN = {
    "organisation": "occ",
    "title": "A plan",
    "kind": "business plan",
    "period": "2025-26",
    "status": "draft",
    "summary": "A plan.",
}

# One broken block for each kind of schema problem the messages describe (read/messages.py).
BROKEN_BLOCKS = [
    {"type": "action_plan", "columns": {"link": "Link", "lead": "Lead"}, "groups": [
        {"id": "g", "title": "T", "rows": [{"lead": "x", "link": "y", "lnik": "z"}]}]},
    {"type": "action_plan", "columns": {"laed": "Lead"}, "groups": [{"id": "g", "title": "T", "rows": []}]},
    {"type": "delivery", "caption": "c", "columns": {"priority": "P", "cost": "C"}, "rows": [
        {"priority": "a", "cluster": "b", "project": "c", "owner": "d", "budget": "12k"}]},
    {"type": "budget", "total": {"name": "x", "amount": {"amount": "x"}}},
    {"type": "quote", "text": "x", "age": "fourteen", "speeker": "Amy"},
    {"type": "priorities", "items": [{"title": "x", "young_people": {"text": "y", "icon": "stars"}}]},
    {"type": "priorities", "items": [{"title": "x", "young_people": {"text": "y", "icon": "rocket"}}]},
    {"type": "list", "ordered": "maybe", "items": ["a"]},
    {"type": "text", "text": {"a": "b"}},
    {"type": "budjet", "total": {}},
    {"type": "link", "url": "x"},
    {"text": "no type"},
    {"type": "you_said_we_did", "items": [{"you_said": "x", "status": "on track", "date": "1 April"}]},
    {"type": "text", "text": "x", "id": "Our Vision"},
    {"type": "text", "text": "x", "young_people": {"text": "y", "matches": "xyz"}},
]  # fmt: skip


def problems_of(blocks: list[dict], **top) -> list[str]:
    plan = dict(PLAN, **top, sections=[{"id": "s", "title": "S", "blocks": blocks}])
    problems = Problems()
    document = Document("data/plans/x.yml", plan, yaml.compose(yaml.safe_dump(plan)))
    assert validate(document, m.Plan, problems) is None
    return [f"{p.message}; {p.hint}" for p in problems.items]


def guesses(message: str) -> list[tuple[str, str]]:
    """(what was typed, what the message guesses) for each 'did you mean' in a message."""
    typed = re.search(r"'([^']*)'", message)
    return [(typed.group(1) if typed else "", guess) for guess in re.findall(r"did you mean '([^']*)'", message)]


@pytest.mark.parametrize("block", BROKEN_BLOCKS, ids=lambda block: str(block.get("type")))
def test_no_message_holds_a_placeholder_of_the_schema_or_a_far_guess(block):
    messages = problems_of([block])
    assert messages
    for message in messages:
        assert not re.search(r"\[key\]|function-|literal|Input should|\[str\]|Money|\bint\b|union", message), message
        for typed, guess in guesses(message):
            assert slips(typed, guess) <= allowed_slips(typed), message


def test_a_column_the_table_lacks_is_named_with_the_columns_and_where_an_extra_one_goes():
    [column, *_] = problems_of([BROKEN_BLOCKS[0]])
    assert column.startswith("'link' cannot be a key of 'columns'; use one of: ref, priority, target")
    assert "did you mean" not in column and "extra_columns" in column


def test_close_slips_are_guessed_and_far_ones_are_not():
    assert any("did you mean 'lead'?" in p for p in problems_of([BROKEN_BLOCKS[1]]))
    assert any("unknown key 'speeker'; did you mean 'speaker'?" in p for p in problems_of([BROKEN_BLOCKS[4]]))
    assert any("'stars' is not allowed for 'icon'; did you mean 'star'?" in p for p in problems_of([BROKEN_BLOCKS[5]]))
    assert not any("did you mean" in p for p in problems_of([BROKEN_BLOCKS[6]]))
    assert any("unknown block type 'budjet'; did you mean 'budget'?" in p for p in problems_of([BROKEN_BLOCKS[9]]))
    assert not any("did you mean" in p for p in problems_of([BROKEN_BLOCKS[10]]))


@pytest.mark.parametrize(
    ("typed", "known", "guess"),
    [
        ("owenr", ["owner", "lead"], "owner"),
        ("publised", ["draft", "published"], "published"),
        ("forward", ["foreword", "who", "plans"], "foreword"),
        ("buisness plan", [k.value for k in m.PlanKind], "business plan"),
        ("link", m.FIELD_NAMES, None),
        ("lnik", ["link", "lines"], "link"),
        ("cost", ["priority", "cluster", "project", "owner", "budget"], None),
        ("ab", ["ac", "ad"], None),  # two as close: no coin toss
    ],
)
def test_closest_guesses_a_slip_of_the_keyboard_only(typed, known, guess):
    assert closest(typed, known) == guess


def guide_sections() -> set[str]:
    """The guide's headings, as written and without the number of a step ('3. Choose the slug')."""
    headings = {heading.strip() for heading in re.findall(r"^#{2,4} (.+)$", GUIDE, re.M)}
    return headings | {re.sub(r"^\d+\. ", "", heading) for heading in headings}


def test_every_section_of_the_guide_a_message_names_exists():
    named = []
    for file in (ROOT / "hooks" / "plansite").rglob("*.py"):
        text = file.read_text(encoding="utf-8")
        named += [(file.name, name) for name in re.findall(r"'([^'{}]+)' in the editors' guide", text)]
    assert len(named) >= 3
    missing = [(file, name) for file, name in named if name not in guide_sections()]
    assert not missing, missing


def test_messages_that_send_the_editor_to_the_guide_name_a_section():
    for file in (ROOT / "hooks" / "plansite").rglob("*.py"):
        text = " ".join(file.read_text(encoding="utf-8").split())
        for found in re.finditer(r"the editors' guide", text):
            before = text[max(0, found.start() - 80) : found.start()]
            assert re.search(r"'[^']+' in $", before), f"{file.name}: ...{before}the editors' guide"
