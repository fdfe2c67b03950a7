"""The registry of block types: everything the site knows about each kind of block, in one entry.

An entry says how a block is drawn (its partial), what the young-people page lists of it, how it
and the items inside it are named and quoted on an article's page, which table of the plan's
downloads its rows make, whether it folds as a table, and which of its items progress is reported
on. Adding a block type means a model class (model/blocks.py, in AnyBlock), one entry here, one
partial (theme/partials/blocks/<partial>.html, defining render(block)) and its component examples
(tests/fixtures/components/); a test fails while a block class has no entry, and looking one up
never falls back silently.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from . import model as m
from .model.walk import adult_texts
from .texts.rendering import excerpt, plain_text

Label = Callable[[Any, str], tuple[str, str]]
"""How a citing block or item is named on an article page, given its section's context: a label and an excerpt."""
Words = Callable[[Any, int], str]
"""What an article page quotes of a citing block or item, given the article's number (Markdown)."""


# --- Words of an item, as an article page quotes them -------------------------------------------

LONG = 45
"""Words beyond which a text is cut to the sentences that mention the article."""


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


def first_text(item: Any, number: int) -> str:
    """An item's first text of more than two words (or its title), as it speaks of the article."""
    return about(next((t for t in adult_texts(item) if len(t.split()) > 2), getattr(item, "title", None) or ""), number)


def by_title(block: m.Block, context: str) -> tuple[str, str]:
    return context, block.title or ""


def _first_cell(row: m.ActionRow) -> list[str]:
    return next((c for c in (row.priority, row.target, row.outcome, row.activity, row.milestone) if c), [""])


def _listed(block: m.ListBlock | m.AchievementsBlock, number: int) -> str:
    found = [entry for entry in block.items if re.search(rf"\b{number}\b", entry)]
    return about(found[0] if found else (block.intro or block.items[0]), number)


def _said(item: m.YouSaidItem) -> list[str]:
    """What children said, what the organisation will do and what it did, each named."""
    said = [f"You said: {item.you_said}"]
    said += [f"We will: {item.we_will}"] if item.we_will else []
    return said + ([f"We did: {item.we_did}"] if item.we_did else [])


def _you_said(item: m.YouSaidItem, number: int) -> str:
    return "\n\n".join(_said(item))


# --- Progress: the items of a block that progress is reported on -------------------------------


@dataclass(frozen=True)
class ProgressItem:
    """One promise of a plan that progress is reported on: an action row, a project or an aim."""

    item: m.Tracked
    anchor: str
    kind: str
    label: str
    young_label: str
    articles: frozenset[int] = frozenset()
    """The UNCRC articles the item, or the group it belongs to, cites or relates to."""

    @property
    def status(self) -> m.Status | None:
        return self.item.status

    @property
    def date(self) -> datetime.date | None:
        """The date of its current status: its latest update's (None for a status without a date)."""
        return self.item.latest.date if self.item.latest else None


def _first_words(texts: list[str] | str, words: int = 10) -> str:
    """The first words of a text, as a name: without the full stop a label's colon would follow."""
    return excerpt(texts if isinstance(texts, str) else _first(texts), words).rstrip(".,;:")


def _young_title(owner: Any) -> str | None:
    young = getattr(owner, "young_people", None)
    return young.title if young and young.title else None


def _articles(*items: m.Cited) -> frozenset[int]:
    return frozenset(n for item in items for n in (*item.articles, *item.related_articles))


def _actions(block: m.ActionPlanBlock) -> Iterator[ProgressItem]:
    for group in block.groups:
        for row, anchor in zip(group.rows, group.row_anchors):
            # A reference alone ('1') says nothing on a progress page or in a feed: its first words follow it.
            first = _first_words(row.outcome or row.target or row.activity or row.priority or row.milestone)
            what = f"{row.ref.rstrip('.')}. {first}" if row.ref and first else row.ref or first
            young = _young_title(row) or _young_title(group) or group.title
            yield ProgressItem(row, anchor, "action", f"{group.title}: {what}", young, _articles(row, group))


def _projects(block: m.ProjectsBlock) -> Iterator[ProgressItem]:
    for project in block.items:
        young = _young_title(project) or project.title
        yield ProgressItem(project, project.id, "project", project.title, young, _articles(project))


def _aims(block: m.AimsBlock) -> Iterator[ProgressItem]:
    for group in block.groups:
        for aim in group.aims:
            young = _young_title(aim) or _young_title(group) or group.title
            label = f"Strategic aim {aim.ref}: {_first_words(aim.text)}"
            yield ProgressItem(aim, aim.anchor, "aim", label, young, _articles(aim, group))


# --- The registry ------------------------------------------------------------------------------


def _no_statuses(item: Any) -> tuple[m.Status | None, ...]:
    return ()


def _row_statuses(rows: list[m.ActionRow]) -> tuple[m.Status | None, ...]:
    """Progress recorded on rows; nothing when the plan records none."""
    statuses = tuple(row.progress for row in rows)
    return statuses if any(statuses) else ()


def _tracked_now(item: m.Tracked) -> tuple[m.Status | None, datetime.date | None]:
    return item.status, (item.latest.date if item.latest else None)


def _no_status(item: Any) -> tuple[m.Status | None, datetime.date | None]:
    return None, None


def _no_owner(item: Any) -> str | None:
    return None


def _named_owner(item: m.Owned) -> str | None:
    return item.named_owner


def _no_texts(item: Any) -> list[str]:
    return []


ROW_CELLS = ("priority", "target", "outcome", "activity", "milestone", "success")
"""The cells of an action-plan row that hold its words (not its lead, timescale or progress)."""


def _cells(row: m.ActionRow) -> list[str]:
    """A row's own cells, in the model's order; where it has several, each named by its column's key
    ('Outcome: ...')."""
    cells = [(name, text) for name in ROW_CELLS for text in getattr(row, name)]
    if len({name for name, _ in cells}) == 1:
        return [text for _, text in cells]
    return [f"{name.capitalize()}: {text}" for name, text in cells]


@dataclass(frozen=True)
class ItemType:
    """How an item inside a block is named and quoted on an article's page, what it reports, and how the
    plan's table of every item (its downloads) gives it."""

    label: Label
    words: Words = first_text
    statuses: Callable[[Any], tuple[m.Status | None, ...]] = _no_statuses
    """The progress an article page shows beside the item: its own, or that of each row in it."""
    card_status: bool = False
    """Whether its young-people card shows its status."""
    kind: str = ""
    """What the item is, in the table of every item (dictionary.ITEM_KINDS)."""
    title: Callable[[Any], str] = lambda item: ""
    """Its name or reference, or the first words of its text."""
    texts: Callable[[Any], list[str]] = _no_texts
    """Its own words for adults (not those of the items inside it)."""
    now: Callable[[Any], tuple[m.Status | None, datetime.date | None]] = _no_status
    """Its current status and that status's date."""
    owner: Callable[[Any], str | None] = _no_owner
    """Who answers for it."""


@dataclass(frozen=True)
class BlockType:
    """Everything the site knows about one type of block."""

    partial: str
    """Its template, theme/partials/blocks/<partial>.html, which defines render(block)."""
    label: Label = by_title
    words: Words = first_text
    young_list: str | None = None
    """For blocks that list a plan's priorities: the heading of that list on the young-people page."""
    table: str | None = None
    """The table of the plan's downloads its rows make (outputs/tables_csv.py)."""
    drawn_as_table: bool = False
    """Whether its page draws it as a table: a section holding one starts folded in a long plan (views/folding.py)."""
    tracked: Callable[[Any], Iterator[ProgressItem]] | None = None
    """Its items that progress is reported on, if any."""
    items: dict[type, ItemType] = field(default_factory=dict)
    """The kinds of item inside it that can cite articles."""
    entries: str | None = None
    """For a block whose `items` are texts (a list, achievements): what each is in the table of every item."""


BLOCKS: dict[type[m.Block], BlockType] = {
    m.TextBlock: BlockType(
        "text", label=lambda block, context: (context, excerpt(block.text)), words=lambda b, n: about(b.text, n)
    ),
    m.ForewordBlock: BlockType("foreword"),
    m.StatementsBlock: BlockType(
        "statements",
        items={
            m.Statement: ItemType(
                lambda item, context: (context, f"{item.name}: {excerpt(item.text, 16)}"),
                lambda item, number: f"{item.name}: {about(item.text, number)}",
                kind="statement",
                title=lambda item: item.name,
                texts=lambda item: [item.text],
            )
        },
    ),
    m.ListBlock: BlockType(
        "list",
        label=lambda block, context: (context, excerpt(block.intro or next(iter(block.items), block.title or ""))),
        words=_listed,
        entries="list-entry",
    ),
    m.QuoteBlock: BlockType("quote"),
    m.PrioritiesBlock: BlockType(
        "priorities",
        young_list="Our main goals",
        items={
            m.Priority: ItemType(
                lambda item, context: ((f"Priority {item.ref}" if item.ref else "Priority"), item.title),
                lambda item, number: item.title + (" " + about(_first(item.text), number) if item.text else ""),
                kind="priority",
                title=lambda item: f"{item.ref}: {item.title}" if item.ref else item.title,
                texts=lambda item: list(item.text),
            )
        },
    ),
    m.AimsBlock: BlockType(
        "aims",
        young_list="What we will work on",
        tracked=_aims,
        items={
            m.AimGroup: ItemType(
                lambda item, context: (f"Strategic priority {item.ref}", item.title),
                lambda item, number: item.title,
                kind="strategic-priority",
                title=lambda item: f"{item.ref}: {item.title}",
            ),
            m.Aim: ItemType(
                lambda item, context: (f"Strategic aim {item.ref}", excerpt(item.text)),
                lambda item, number: item.text,
                kind="aim",
                title=lambda item: f"Strategic aim {item.ref}",
                texts=lambda item: [item.text],
                now=_tracked_now,
                owner=_named_owner,
            ),
        },
    ),
    m.DeliveryBlock: BlockType(
        "delivery",
        table="delivery",
        drawn_as_table=True,
        items={
            m.DeliveryRow: ItemType(
                lambda item, context: ("Budgeted project", item.project),
                lambda i, n: i.project,
                kind="delivery-project",
                title=lambda item: item.project,
                owner=lambda item: item.owner,
            )
        },
    ),
    m.KeyBlock: BlockType("key"),
    m.ProjectsBlock: BlockType(
        "projects",
        table="projects",
        tracked=_projects,
        items={
            m.Project: ItemType(
                lambda item, context: (f"Project ({', '.join(item.aims)})", item.title),
                lambda item, number: f"{item.title}: {about(_first(item.goals), number)}",
                kind="project",
                title=lambda item: item.title,
                texts=lambda item: list(item.goals),
                now=_tracked_now,
                owner=_named_owner,
            )
        },
    ),
    m.ActionPlanBlock: BlockType(
        "action_plan",
        young_list="Our action plan",
        table="actions",
        drawn_as_table=True,
        tracked=_actions,
        items={
            m.ActionGroup: ItemType(
                lambda item, context: ("Action plan", item.title),
                lambda item, number: item.title,
                statuses=lambda group: _row_statuses(list(group.rows)),
                kind="action-group",
                title=lambda item: item.title,
                texts=lambda item: [item.intro] if item.intro else [],
            ),
            m.ActionRow: ItemType(
                lambda row, context: (f"Action: {context}", excerpt(_first(_first_cell(row)))),
                lambda row, number: about(_first(_first_cell(row)), number),
                statuses=lambda row: _row_statuses([row]),
                card_status=True,
                kind="action",
                title=lambda row: (f"{row.ref}: " if row.ref else "") + _first_words(_first_cell(row), 12),
                texts=_cells,
                now=_tracked_now,
                owner=_named_owner,
            ),
        },
    ),
    m.StatusKeyBlock: BlockType("status_key"),
    m.BudgetBlock: BlockType(
        "budget",
        table="budget",
        drawn_as_table=True,
        items={
            m.BudgetLine: ItemType(
                lambda item, context: ("Budget", item.name),
                lambda item, number: item.name,
                kind="budget-line",
                title=lambda item: item.name,
                texts=lambda item: [item.text] if item.text else [],
            )
        },
    ),
    m.AchievementsBlock: BlockType("achievements", words=_listed, entries="achievement"),
    m.NetworksBlock: BlockType("networks"),
    m.ParticipationLevelsBlock: BlockType("participation_levels"),
    m.ContactBlock: BlockType("contact"),
    m.FootnotesBlock: BlockType("footnotes"),
    m.SubheadingBlock: BlockType("subheading"),
    m.YouSaidWeDidBlock: BlockType(
        "you_said_we_did",
        young_list="You said, we did",
        items={
            m.YouSaidItem: ItemType(
                lambda item, context: ("You said, we did", excerpt(item.you_said)),
                _you_said,
                statuses=lambda item: (item.status,) if item.status else (),
                card_status=True,
                kind="you-said",
                title=lambda item: excerpt(item.you_said, 12),
                texts=_said,
                now=lambda item: (item.status, item.date),
                owner=_named_owner,
            )
        },
    ),
    m.NotTranscribedBlock: BlockType("not_transcribed"),
}

ITEMS: dict[type, ItemType] = {kind: item for block in BLOCKS.values() for kind, item in block.items.items()}
"""Every kind of item inside a block that can cite articles, with its entry."""


def block_type(block: m.Block) -> BlockType:
    """The registry entry of a block; an unregistered type is an error, never a silent default."""
    try:
        return BLOCKS[type(block)]
    except KeyError:
        raise LookupError(f"block type {type(block).__name__} has no entry in plansite.block_types.BLOCKS") from None


def item_type(item: Any) -> ItemType | None:
    """The entry of an item inside a block, or None for a value that is no such item."""
    return ITEMS.get(type(item))


def partial_of(block: m.Block) -> str:
    """The template that draws a block."""
    return f"partials/blocks/{block_type(block).partial}.html"


def blocks_of(plan: m.Plan, table: str) -> Iterator[tuple[m.Section, m.Block]]:
    """Every block of a plan whose rows make the given table of its downloads, with its section."""
    return ((s, b) for s in plan.sections for b in s.blocks if block_type(b).table == table)
