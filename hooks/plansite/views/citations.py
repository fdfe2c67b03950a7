"""Which plan items cite which UNCRC articles, and how each item is named on an article page."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from .. import model as m
from ..catalogue import Catalogue, PlanFile
from .blocks import Label, block_view
from .page import excerpt


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


def _action_row(row: m.ActionRow, context: str) -> tuple[str, str]:
    first = (row.priority or row.target or row.outcome or row.activity or row.milestone or [""])[0]
    return f"Action: {context}", excerpt(first)


ITEM_LABELS: dict[type[m.Cited], Label] = {
    m.Aim: lambda item, context: (f"Strategic aim {item.ref}", excerpt(item.text)),
    m.AimGroup: lambda item, context: (f"Strategic priority {item.ref}", item.title),
    m.Priority: lambda item, context: ((f"Priority {item.ref}" if item.ref else "Priority"), item.title),
    m.Project: lambda item, context: (f"Project ({', '.join(item.aims)})", item.title),
    m.ActionRow: _action_row,
    m.ActionGroup: lambda item, context: ("Action plan", item.title),
    m.Statement: lambda item, context: (context, f"{item.name}: {excerpt(item.text, 16)}"),
    m.DeliveryRow: lambda item, context: ("Budgeted project", item.project),
    m.BudgetLine: lambda item, context: ("Budget", item.name),
    m.YouSaidItem: lambda item, context: ("You said, we did", excerpt(item.you_said)),
}
"""How each kind of citing item inside a block is named; blocks are named by their registry entry."""


def label_of(item: m.Cited, context: str) -> tuple[str, str]:
    """How a citing item is named on an article page: a label and an excerpt of its words."""
    if isinstance(item, m.Block):
        return block_view(item).label(item, context)
    try:
        return ITEM_LABELS[type(item)](item, context)
    except KeyError:
        raise LookupError(f"{type(item).__name__} can cite articles but has no entry in ITEM_LABELS") from None


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
    found: dict[int, list[Citation]] = defaultdict(list)
    for plan_file in catalogue.plans:
        for section in plan_file.plan.sections:
            around = _young_text(section, None)
            for item, anchor, context, young in _cited_items(section.blocks, section.id, section.title, around):
                label, words = label_of(item, context)
                for number in item.articles:
                    found[number].append(Citation(plan_file, number, anchor, label, words, False, item, young))
                for number in item.related_articles:
                    found[number].append(Citation(plan_file, number, anchor, label, words, True, item, young))
    return found


def plan_articles(index: dict[int, list[Citation]]) -> dict[str, list[int]]:
    """The articles each plan cites or relates to, in number order, by the plan's slug."""
    found: dict[str, set[int]] = defaultdict(set)
    for number, items in index.items():
        for citation in items:
            found[citation.plan.slug].add(number)
    return {slug: sorted(numbers) for slug, numbers in found.items()}
