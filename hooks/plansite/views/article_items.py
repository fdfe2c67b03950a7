"""What an article page says each plan does about the right: the citing items as readable sentences.

Each item is shown in full as the plan words it (a long text is cut to the sentences that speak
of the article), with its progress when the plan records one; the young-people page shows the
young-people text of the item, or of the nearest part of the plan around it, once each.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .. import model as m
from ..block_types import block_type, first_text, item_type
from .citations import Citation


@dataclass(frozen=True)
class ArticleItem:
    """One thing a plan says or does about an article."""

    where: str
    """Where it is in the plan ('Strategic aim 1.2'), the text of the link to it."""
    words: str
    """What the plan says, in its own words (Markdown)."""
    anchor: str
    related: bool
    statuses: tuple[m.Status | None, ...]
    """The progress of the item, or of each action in it, when the plan records any."""


@dataclass(frozen=True)
class PlanItems:
    """Everything one plan says about an article, for adults and for young people."""

    plan_file: Any
    organisation: Any
    items: tuple[ArticleItem, ...]
    young: tuple[tuple[str, tuple[m.Status | None, ...]], ...]
    """Young-people texts (each once), with the progress of the items they speak for."""


def words_of(item: Any, number: int) -> str:
    """The words of a citing item, as a reader would want them on the article's page."""
    kind = block_type(item) if isinstance(item, m.Block) else item_type(item)
    return kind.words(item, number) if kind else first_text(item, number)


def _statuses(item: Any) -> tuple[m.Status | None, ...]:
    """Progress recorded on an item, or on the rows of a group; nothing when the plan records none."""
    kind = None if isinstance(item, m.Block) else item_type(item)
    return kind.statuses(item) if kind else ()


def plan_items(plan_file: Any, organisation: Any, citations: list[Citation], number: int) -> PlanItems:
    """One plan's citing items for an article, in the plan's order, each once."""
    items: list[ArticleItem] = []
    young: dict[str, tuple[m.Status | None, ...]] = {}
    seen = set()
    for citation in citations:
        key = (citation.anchor, citation.label, citation.related)
        if key in seen:
            continue
        seen.add(key)
        statuses = _statuses(citation.item)
        items.append(
            ArticleItem(citation.label, words_of(citation.item, number), citation.anchor, citation.related, statuses)
        )
        if citation.young:
            young[citation.young] = young.get(citation.young, ()) + statuses
    return PlanItems(plan_file, organisation, tuple(items), tuple(young.items()))
