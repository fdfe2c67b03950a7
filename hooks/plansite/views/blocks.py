"""The registry of block types: for each, the partial that draws it and what its pages say of it.

Adding a block type means a model class, one entry here and one partial in theme/partials/blocks/;
a test fails while any model block class has no entry, and looking one up never falls back silently.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .. import model as m
from .page import excerpt

Label = Callable[[Any, str], tuple[str, str]]
"""How a citing item is named on an article page, given its section's context: a label and an excerpt."""


def by_title(block: m.Block, context: str) -> tuple[str, str]:
    return context, block.title or ""


@dataclass(frozen=True)
class BlockView:
    """How one block type is shown."""

    partial: str
    label: Label = by_title
    young_list: str | None = None
    """For blocks that list a plan's priorities: the heading of that list on the young-people page."""


BLOCKS: dict[type[m.Block], BlockView] = {
    m.TextBlock: BlockView("text", label=lambda block, context: (context, excerpt(block.text))),
    m.ForewordBlock: BlockView("foreword"),
    m.StatementsBlock: BlockView("statements"),
    m.ListBlock: BlockView(
        "list",
        label=lambda block, context: (context, excerpt(block.intro or next(iter(block.items), block.title or ""))),
    ),
    m.QuoteBlock: BlockView("quote"),
    m.PrioritiesBlock: BlockView("priorities", young_list="Our main goals"),
    m.AimsBlock: BlockView("aims", young_list="What we will work on"),
    m.DeliveryBlock: BlockView("delivery"),
    m.KeyBlock: BlockView("key"),
    m.ProjectsBlock: BlockView("projects"),
    m.ActionPlanBlock: BlockView("action_plan", young_list="Our action plan"),
    m.StatusKeyBlock: BlockView("status_key"),
    m.BudgetBlock: BlockView("budget"),
    m.AchievementsBlock: BlockView("achievements"),
    m.NetworksBlock: BlockView("networks"),
    m.ParticipationLevelsBlock: BlockView("participation_levels"),
    m.ContactBlock: BlockView("contact"),
    m.FootnotesBlock: BlockView("footnotes"),
    m.SubheadingBlock: BlockView("subheading"),
    m.YouSaidWeDidBlock: BlockView("you_said_we_did", young_list="You said, we did"),
    m.NotTranscribedBlock: BlockView("not_transcribed"),
}


def block_view(block: m.Block) -> BlockView:
    """The registry entry of a block; an unregistered type is an error, never a silent default."""
    try:
        return BLOCKS[type(block)]
    except KeyError:
        raise LookupError(f"block type {type(block).__name__} has no entry in plansite.views.blocks.BLOCKS") from None


def partial_of(block: m.Block) -> str:
    """The template that draws a block."""
    return f"partials/blocks/{block_view(block).partial}.html"
