"""The young-people plan page with nothing said twice.

A plan often lists the same priorities twice (as priorities, then as the strategic aims under
each): young people get one card per priority, holding both young-people texts. A heading used by
an earlier list is not used again. The first section's young-people text, when the plan has one,
is the plan's own "who we are": it stands in "Who we are" instead of a second part saying the same.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from .. import model as m
from ..block_types import block_type
from ..model import ids
from .young_plan import Card, YoungPart


def _key(title: str | None) -> str:
    return re.sub(r"(?:[^\w]|_)+", " ", (title or "").lower()).strip()  # letters of every script


def _items(block: m.Block) -> list[Any]:
    """The items a block lists (its priorities, aim groups, action groups...): its first list of citable things."""
    for name in type(block).model_fields:
        value = getattr(block, name)
        if isinstance(value, list) and value and isinstance(value[0], m.Cited):
            return value
    return []


def _listed_titles(section: m.Section) -> list[str]:
    """The adult titles of the items a section lists as the plan's priorities."""
    titles = []
    for block in section.blocks:
        if block_type(block).young_list:
            titles += [_key(getattr(item, "title", None)) for item in _items(block)]
    return titles


def _merged(earlier: Card, later: Card) -> Card:
    return replace(earlier, text=f"{earlier.text}\n\n{later.text}", cards=earlier.cards + later.cards)


def _fold_lists(plan: m.Plan, lists: tuple[YoungPart, ...]) -> tuple[YoungPart, ...]:
    sections = {ids.section_part_id(s.id): s for s in plan.sections}
    kept: list[YoungPart] = []
    keys: list[list[str]] = []
    for part in lists:
        titles = _listed_titles(sections[part.id]) if part.id in sections else []
        same = next(
            (i for i, k in enumerate(keys) if k and k == titles and len(kept[i].cards) == len(part.cards)), None
        )
        if same is not None:
            earlier = kept[same]
            text = "\n\n".join(t for t in (earlier.text, part.text) if t) or None
            cards = tuple(_merged(a, b) for a, b in zip(earlier.cards, part.cards))
            kept[same] = replace(earlier, text=text, cards=cards)
            continue
        used = {p.heading for p in kept}
        heading, n = part.heading, 1
        while heading in used:
            n += 1
            heading = "More of what we will do" + (f", part {n}" if n > 2 else "")
        kept.append(replace(part, heading=heading))
        keys.append(titles)
    return tuple(kept)


def without_repeats(plan: m.Plan, parts: list[YoungPart]) -> list[YoungPart]:
    """The page's parts with repeated lists folded together and the plan's own 'who we are' in its place."""
    first = plan.sections[0] if plan.sections else None
    who = first.young_people.text if first is not None and first.young_people else None
    result = []
    for part in parts:
        if part.kind == "plans":
            part = replace(part, lists=_fold_lists(plan, part.lists))
        elif part.kind == "who" and who:
            part = replace(part, text=who, heading=first.young_people.title or part.heading)
        elif part.kind == "section" and who and first is not None and part.id == first.id and part.text == who:
            if not part.cards:
                continue
            # Its text now speaks for 'who we are'; the young-people texts of its items stay here.
            part = replace(part, text=None, heading=first.title)
        result.append(part)
    return result
