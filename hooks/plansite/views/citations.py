"""Which plan items cite which UNCRC articles, and how each item is named on an article page."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from .. import model as m
from ..block_types import block_type, item_type
from ..catalogue import Catalogue, PlanFile


@dataclass(frozen=True)
class Citation:
    """A plan item that cites an article (or to which the site's editors related one)."""

    plan: PlanFile
    article: int
    anchor: str
    label: str
    excerpt: str
    related: bool
    item: Any = None
    """The citing item itself (an aim, a row, a text...)."""
    young: str | None = None
    """The young-people text of the item, or of the nearest part of the plan around it that has one."""


def label_of(item: m.Cited, context: str) -> tuple[str, str]:
    """How a citing item is named on an article page: a label and an excerpt of its words."""
    if isinstance(item, m.Block):
        return block_type(item).label(item, context)
    kind = item_type(item)
    if kind is None:
        raise LookupError(f"{type(item).__name__} can cite articles but has no entry in plansite.block_types")
    return kind.label(item, context)


def _young_text(obj: Any, around: str | None) -> str | None:
    young = getattr(obj, "young_people", None)
    return young.text if isinstance(young, m.YoungText) else around


def _cited_items(
    obj: Any, anchor: str, context: str, young: str | None = None
) -> Iterator[tuple[Any, str, str, str | None]]:
    """Every item inside obj that can cite articles, with the nearest anchor, a context label and young-people text."""
    if isinstance(obj, m.ActionGroup):
        young = _young_text(obj, young)
        if obj.articles or obj.related_articles:
            yield obj, obj.id, obj.title, young
        for row, row_anchor in zip(obj.rows, obj.row_anchors):
            yield from _cited_items(row, row_anchor, obj.title, young)
        return
    if isinstance(obj, m.Model):
        own = getattr(obj, "anchor", None) or anchor
        title = getattr(obj, "title", None)
        inner_context = title if isinstance(title, str) and isinstance(obj, m.Block) else context
        young = _young_text(obj, young)
        if isinstance(obj, m.Cited) and (obj.articles or obj.related_articles):
            yield obj, own, inner_context, young
        for name in type(obj).model_fields:
            if name != "young_people":
                yield from _cited_items(getattr(obj, name), own, inner_context, young)
    elif isinstance(obj, list):
        for item in obj:
            yield from _cited_items(item, anchor, context, young)


def citations(catalogue: Catalogue) -> dict[int, list[Citation]]:
    """For each article, every plan item in every plan that cites it or is related to it."""
    return merged_citations(plan_citations(plan_file) for plan_file in catalogue.plans)


def plan_citations(plan_file: PlanFile) -> dict[int, list[Citation]]:
    """For each article, every item of one plan that cites it or is related to it."""
    found: dict[int, list[Citation]] = defaultdict(list)
    for section in plan_file.plan.sections:
        around = _young_text(section, None)
        for item, anchor, context, young in _cited_items(section.blocks, section.id, section.title, around):
            label, words = label_of(item, context)
            for number in item.articles:
                found[number].append(Citation(plan_file, number, anchor, label, words, False, item, young))
            for number in item.related_articles:
                found[number].append(Citation(plan_file, number, anchor, label, words, True, item, young))
    return dict(found)


def merged_citations(each_plan: Iterable[dict[int, list[Citation]]]) -> dict[int, list[Citation]]:
    """The citations of several plans, plan by plan in the order given, under each article."""
    found: dict[int, list[Citation]] = defaultdict(list)
    for plan in each_plan:
        for number, items in plan.items():
            found[number] += items
    return found
