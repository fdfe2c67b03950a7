"""What the young-people version of a plan shows, and in what order.

Every young-people text a plan holds is shown: a section's own text, and a card for each block
or item that has one, nested under the nearest item above it that has one too. Sections whose
blocks list the plan's priorities (a `young_list` heading in block_types.py: priorities, aims,
an action plan, "you said, we did") make the lists of "What we will do"; every other section
with young-people text is a part of its own. The plan may set the order of the parts in
`young_people.order`; by default a foreword or introduction comes before "What we will do" and
"How you can get involved" comes last.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from .. import model as m
from ..block_types import block_type, item_type
from ..model import ids


@dataclass(frozen=True)
class Card:
    """One young-people text of a block or an item, with the cards of the items inside it."""

    title: str | None
    text: str
    icon: m.Icon | None = None
    status: m.Status | None = None
    cards: tuple[Card, ...] = ()


@dataclass(frozen=True)
class YoungPart:
    """A part of the young-people page: one of the fixed parts, a list of priorities or a section."""

    id: str
    heading: str
    kind: str  # "who", "plans", "rights", "involved", "progress" or "section"
    text: str | None = None
    icon: m.Icon | None = None
    cards: tuple[Card, ...] = ()
    lists: tuple[YoungPart, ...] = ()


FIXED_HEADINGS = {
    "who": "Who we are",
    "plans": "What we will do",
    "rights": "Your rights in this plan",
    "involved": "How you can get involved",
    "progress": "What we promised, what we did",
}
assert set(FIXED_HEADINGS) == set(m.YOUNG_PEOPLE_PARTS)
# A plan whose period is over is not spoken of in the future tense.
ENDED_HEADINGS = {"plans": "What we planned to do"}


def _title_of(item: Any) -> str | None:
    """The adult name of an item, used as its card's heading when the young-people text has no title."""
    for name in ("title", "name"):
        value = getattr(item, name, None)
        if isinstance(value, str):
            return value
    return None


def _status_of(item: Any) -> m.Status | None:
    """The status a young-people card shows, for the kinds of item whose cards show one."""
    kind = item_type(item)
    return item.status if kind is not None and kind.card_status else None


def _inside(obj: Any) -> Iterator[Any]:
    """The values directly inside a model (its fields, and the items of list fields), young-people texts aside."""
    for name in type(obj).model_fields:
        if name == "young_people":
            continue
        value = getattr(obj, name)
        values = value if isinstance(value, (list, tuple)) else value.values() if isinstance(value, dict) else [value]
        yield from (v for v in values if isinstance(v, BaseModel))


def cards_in(obj: Any) -> tuple[Card, ...]:
    """A card for every young-people text inside obj, in document order, nested as the items are."""
    found: list[Card] = []
    for child in _inside(obj):
        if isinstance(obj, m.BudgetBlock) and child is obj.total:
            found.extend(_budget_cards(child))
            continue
        young = getattr(child, "young_people", None)
        if isinstance(child, m.Cited) and young is not None:
            found.append(
                Card(young.title or _title_of(child), young.text, young.icon, _status_of(child), cards_in(child))
            )
        else:
            found.extend(cards_in(child))
    return tuple(found)


def _budget_cards(total: m.BudgetLine) -> tuple[Card, ...]:
    """The cards of a budget: the lines under its total are told with their amounts where the money
    goes (partials/progress.html), so only what is inside them, and the total's own text, are cards."""
    inside = tuple(card for line in total.lines for card in cards_in(line))
    young = total.young_people
    if young is None:
        return inside
    return (Card(young.title or total.name, young.text, young.icon, None, inside),)


def _young_list(section: m.Section) -> str | None:
    """The default heading of a section's list under "What we will do", if it holds the plan's priorities."""
    return next((block_type(b).young_list for b in section.blocks if block_type(b).young_list), None)


def is_priorities(section: m.Section) -> bool:
    """Whether a section holds the plan's priorities, shown under "What we will do"."""
    return _young_list(section) is not None


def _section_part(section: m.Section, kind: str, part_id: str) -> YoungPart | None:
    """A section's young-people part: its own text and the cards inside it (None when it has neither)."""
    cards = cards_in(section)
    young = section.young_people
    if young is not None:
        default = _young_list(section) if kind == "list" else section.title
        return YoungPart(part_id, young.title or default, kind, young.text, young.icon, cards)
    if not cards:
        return None
    if kind == "list":
        return YoungPart(part_id, _young_list(section), kind, None, None, cards)
    if len(cards) == 1 and cards[0].title:
        # A section whose only young-people text is one block's: that text speaks for the section.
        only = cards[0]
        return YoungPart(part_id, only.title, kind, only.text, only.icon, only.cards)
    return YoungPart(part_id, section.title, kind, None, None, cards)


def priority_lists(plan: m.Plan) -> list[YoungPart]:
    """The plan's priorities as lists under "What we will do": one per section that holds them."""
    parts = (_section_part(s, "list", ids.section_part_id(s.id)) for s in plan.sections if is_priorities(s))
    return [part for part in parts if part is not None]


def section_parts(plan: m.Plan) -> list[tuple[int, YoungPart]]:
    """Every other section with young-people text, with its place among the plan's sections."""
    parts = (
        (index, _section_part(s, "section", s.id)) for index, s in enumerate(plan.sections) if not is_priorities(s)
    )
    return [(index, part) for index, part in parts if part is not None]


def tells_every_section(plan: m.Plan) -> bool:
    """Whether the young-people version tells every section of the plan (the whole plan in easy
    words) rather than some of them (a short version)."""
    return all(_section_part(s, "list" if is_priorities(s) else "section", s.id) is not None for s in plan.sections)


def parts(plan: m.Plan, *, has_rights: bool, has_progress: bool, ended: bool = False) -> list[YoungPart]:
    """The parts of the young-people page, in the plan's order or the default one; ended: the
    plan's period is over."""
    lists = priority_lists(plan)
    first_priorities = next((i for i, s in enumerate(plan.sections) if is_priorities(s)), len(plan.sections))
    sections = section_parts(plan)
    headings = dict(FIXED_HEADINGS, **(ENDED_HEADINGS if ended else {}))
    fixed = {
        "who": YoungPart("who", headings["who"], "who"),
        "plans": YoungPart("plans", headings["plans"], "plans", lists=tuple(lists)) if lists else None,
        "rights": YoungPart("rights", headings["rights"], "rights") if has_rights else None,
        "involved": YoungPart("involved", headings["involved"], "involved"),
        "progress": YoungPart("progress", headings["progress"], "progress") if has_progress else None,
    }
    default = (
        [fixed["who"]]
        + [part for index, part in sections if index < first_priorities]
        + [fixed["plans"]]
        + [part for index, part in sections if index >= first_priorities]
        + [fixed["progress"], fixed["rights"], fixed["involved"]]
    )
    by_id = {part.id: part for part in default if part is not None}
    chosen = plan.young_people.order if plan.young_people else []
    ordered = [by_id[i] for i in dict.fromkeys(chosen) if i in by_id]
    return ordered + [part for part in default if part is not None and part not in ordered]
