"""What an article page says each plan does about the right: the citing items as readable sentences.

Each item is shown in full as the plan words it (a long text is cut to the sentences that speak
of the article), with its progress when the plan records one; the young-people page shows the
young-people text of the item, or of the nearest part of the plan around it, once each.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .. import model as m
from ..model.walk import adult_texts
from ..prose import plain_text
from .citations import Citation

LONG = 45
"""Words beyond which a text is cut to the sentences that mention the article."""


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


def _sentences(text: str) -> list[str]:
    """The sentences of a text, in the words a reader sees of it."""
    return [s for s in re.split(r"(?<=[.!?:])\s+(?=[A-Z(“\"'‘-])", plain_text(text)) if s]


def about(text: str, number: int) -> str:
    """A text as it speaks of an article: whole when short, else the sentences that mention it (or the first)."""
    if len(text.split()) <= LONG:
        return text
    sentences = _sentences(text)
    mention = re.compile(rf"\b(article|articles)\b[^.]*?\b{number}\b", re.IGNORECASE)
    chosen = [s for s in sentences if mention.search(s)] or sentences[:1]
    return " ".join(chosen[:3])


def _first(paragraphs: list[str]) -> str:
    return paragraphs[0] if paragraphs else ""


def words_of(item: Any, number: int) -> str:
    """The words of a citing item, as a reader would want them on the article's page."""
    if isinstance(item, m.Aim):
        return item.text
    if isinstance(item, (m.AimGroup, m.ActionGroup)):
        return item.title
    if isinstance(item, m.Priority):
        return item.title + (" " + about(_first(item.text), number) if item.text else "")
    if isinstance(item, m.Project):
        return f"{item.title}: {about(_first(item.goals), number)}"
    if isinstance(item, m.ActionRow):
        cells = [item.priority, item.target, item.outcome, item.activity, item.milestone]
        return about(_first(next((c for c in cells if c), [""])), number)
    if isinstance(item, m.Statement):
        return f"{item.name}: {about(item.text, number)}"
    if isinstance(item, m.DeliveryRow):
        return item.project
    if isinstance(item, m.BudgetLine):
        return item.name
    if isinstance(item, m.TextBlock):
        return about(item.text, number)
    if isinstance(item, (m.ListBlock, m.AchievementsBlock)):
        found = [entry for entry in item.items if re.search(rf"\b{number}\b", entry)]
        return about(found[0] if found else (item.intro or item.items[0]), number)
    if isinstance(item, m.YouSaidItem):
        said = [f"You said: {item.you_said}"]
        said += [f"We will: {item.we_will}"] if item.we_will else []
        said += [f"We did: {item.we_did}"] if item.we_did else []
        return "\n\n".join(said)
    # Any other kind of item: its first text, as a reader would want it.
    return about(next((t for t in adult_texts(item) if len(t.split()) > 2), getattr(item, "title", None) or ""), number)


def _statuses(item: Any) -> tuple[m.Status | None, ...]:
    """Progress recorded on a row, or on the rows of a group; nothing when the plan records none."""
    if isinstance(item, m.YouSaidItem):
        return (item.status,) if item.status else ()
    rows = [item] if isinstance(item, m.ActionRow) else list(item.rows) if isinstance(item, m.ActionGroup) else []
    statuses = tuple(row.progress for row in rows)
    return statuses if any(statuses) else ()


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
