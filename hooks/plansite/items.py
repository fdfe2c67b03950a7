"""Every item of a plan as one flat record, whatever block it is in: the table of all its items.

The plan's items CSV and the `items` member of its JSON are made from these records, so the two
always agree. An empty value is an empty text, never None: a cell never reads 'None'.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from . import model as m
from .block_types import ItemType, block_type, item_type
from .dictionary import NOT_REPORTED_VALUE
from .model.walk import anchor_of, walk
from .progress import commitments, progress_items
from .texts.rendering import excerpt


@dataclass(frozen=True)
class ItemRecord:
    """One item of a plan, as the downloads give it (dictionary.TABLES['items'] says what each field holds)."""

    id: str
    kind: str
    section: str
    title: str
    owner: str
    timescale: str
    status: str
    status_date: str
    articles: tuple[int, ...]
    text: str
    young_people: str
    answered_by: tuple[str, ...]
    link: str


def item_records(plan: m.Plan, page_url: str) -> list[ItemRecord]:
    """Every item of the plan in document order; page_url is the plan page's absolute address."""
    anchors = {id(found.item): found.anchor for found in commitments(plan)}  # a row's anchor comes from its group
    reported = {id(found.item) for found in progress_items(plan)}
    found = []
    for section in plan.sections:
        numbers: Counter[str] = Counter()  # an item with no anchor is named by its kind and number in the section
        for block in section.blocks:
            entries = block_type(block).entries
            for text in block.items if entries else ():
                numbers[entries] += 1
                identifier = f"{section.id}-{entries}-{numbers[entries]}"
                found.append(_entry(text, entries, identifier, section, block, page_url))
            for obj, _ in walk(block):
                kind = item_type(obj)
                if kind is not None:
                    numbers[kind.kind] += 1
                    anchor = anchors.get(id(obj)) or anchor_of(obj)
                    identifier = anchor or f"{section.id}-{kind.kind}-{numbers[kind.kind]}"
                    found.append(_record(obj, kind, identifier, section, page_url, anchor, id(obj) in reported))
    return found


def _entry(text: str, kind: str, identifier: str, section: m.Section, block: m.Block, page_url: str) -> ItemRecord:
    """A text a block lists (a pledge in a list, an achievement): an item with no more than its words."""
    link = f"{page_url}#{block.anchor or section.id}"
    return ItemRecord(
        identifier, kind, section.id, excerpt(text, 12), "", "", "", "", tuple(block.articles), text, "", (), link
    )


def _record(
    obj: m.Item, kind: ItemType, identifier: str, section: m.Section, page_url: str, anchor: str | None, reported: bool
) -> ItemRecord:
    """An item with a kind of its own; `reported`: whether the plan reports progress on it, so that an item with
    no status yet says not-reported (dictionary.ITEM_STATUS)."""
    status, date = kind.now(obj)
    return ItemRecord(
        id=identifier,
        kind=kind.kind,
        section=section.id,
        title=kind.title(obj),
        owner=kind.owner(obj) or "",
        timescale=getattr(obj, "timescale", None) or "",
        status=status.value if status else NOT_REPORTED_VALUE if reported else "",
        status_date=date.isoformat() if date else "",
        articles=tuple(obj.articles),
        text="\n\n".join(kind.texts(obj)),
        young_people=obj.young_people.text if obj.young_people else "",
        answered_by=tuple(getattr(obj, "answered_by", ())),
        link=f"{page_url}#{anchor or section.id}",
    )
