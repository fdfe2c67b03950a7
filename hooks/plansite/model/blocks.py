"""The blocks a section is made of, and the items inside them.

Each block type holds one kind of thing the plans contain (prose, strategic aims, projects,
action-plan tables, a budget...), so a new document fits the same few types.
"""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from pydantic import Field

from .fields import (
    Age,
    Amount,
    Anchor,
    Articles,
    DayOrMonth,
    Email,
    Fingerprint,
    Line,
    Model,
    Paragraphs,
    Phone,
    Prose,
    Website,
    slug,
)
from .vocabulary import Icon, Status


class YoungText(Model):
    """A young-people version of the adult text it sits beside.

    `matches` is a fingerprint of that adult text when the young-people text was last checked,
    so a later change to the adult text is flagged for review.
    """

    title: Line | None = None
    text: Prose
    icon: Icon | None = None
    matches: Fingerprint | None = None


class Cited(Model):
    """Something that can cite UNCRC articles, or carry related ones added by the site's editors."""

    articles: Articles = []
    related_articles: Articles = []
    young_people: YoungText | None = None

    needs_young_people: ClassVar[bool] = False
    """True for a plan's priorities: each needs a young-people text in a published plan."""

    @property
    def anchor(self) -> str | None:
        """The #anchor the item gets on its plan page, if it has one."""
        return None


class Item(Cited):
    """A plan item that can cite articles (a row, an aim, a project...) and carry a note of its own."""

    note: Prose | None = None


# --- Progress over time ----------------------------------------------------------------------


class Update(Model):
    """A dated report of progress on one item: its status from that day, what happened, and where it was reported.

    `source` names the report the update comes from (which report, its date, the page or section),
    so that a reader can check the update against what the organisation published. Its date is a
    day, or only a month when the report gives only the month.
    """

    date: DayOrMonth
    status: Status
    text: Prose
    young_people: Prose | None = None
    source: Line | None = None


class Tracked(Model):
    """What an item whose progress is reported over time adds: its dated updates (the latest gives its status)."""

    updates: list[Update] = []

    @property
    def latest(self) -> Update | None:
        """The update with the latest date (of two on one day, the one written last)."""
        return sorted(self.updates, key=lambda update: update.date)[-1] if self.updates else None

    @property
    def status(self) -> Status | None:
        """The current status: the latest update's."""
        return self.latest.status if self.latest else None


class Owned(Model):
    """An item that names who answers for it: a role or a team, as the plan names it."""

    owner: Line | None = Field(
        default=None,
        description="Who answers for it: a role or a team, such as 'Participation team' (never a person's own email "
        "address or phone number).",
    )

    @property
    def named_owner(self) -> str | None:
        """Who answers for the item, as the site shows it and the downloads give it."""
        return self.owner


# --- Blocks ----------------------------------------------------------------------------------


class Block(Cited):
    """What every block may have: an anchor, a subheading, an introduction and notes after it."""

    id: Anchor | None = None
    title: Line | None = None
    intro: Prose | None = None
    notes: list[Prose] = []

    @property
    def anchor(self) -> str | None:
        return self.id


class TextBlock(Block):
    type: Literal["text"]
    text: Prose


class ForewordBlock(Block):
    """A foreword, with who signed it as the source prints it (some name nobody, or give only a role)."""

    type: Literal["foreword"]
    text: Prose
    author: Line | None = None
    role: Line | None = None
    signature: Line | None = None


class Statement(Item):
    name: Line
    text: Prose


class StatementsBlock(Block):
    """Named statements such as values or principles ('Participation – ...')."""

    type: Literal["statements"]
    items: list[Statement]


class ListBlock(Block):
    type: Literal["list"]
    ordered: bool = False
    items: list[Prose]


class QuoteBlock(Block):
    """Words of a child, with who said it as the plan gives it (or 'A young person' when it does not)."""

    type: Literal["quote"]
    text: Prose
    speaker: Line | None = None
    age: Age | None = None
    context: Line | None = None


class Priority(Item):
    ref: Line | None = None
    id: Anchor | None = None
    title: Line
    text: Paragraphs = []

    needs_young_people: ClassVar[bool] = True

    @property
    def anchor(self) -> str | None:
        return self.id or (f"priority-{slug(self.ref)}" if self.ref else None)


class PrioritiesBlock(Block):
    type: Literal["priorities"]
    ordered: bool = True
    items: list[Priority]


class Aim(Item, Tracked, Owned):
    ref: Line
    text: Prose
    footnote: Line | None = None

    @property
    def anchor(self) -> str:
        return "sp" + slug(self.ref)


class AimGroup(Item):
    """A strategic priority (SP1) with its strategic aims (1.1, 1.2...)."""

    ref: Line
    title: Line
    aims: list[Aim]

    needs_young_people: ClassVar[bool] = True

    @property
    def anchor(self) -> str:
        return slug(self.ref)


class AimsBlock(Block):
    type: Literal["aims"]
    groups: list[AimGroup]


class DeliveryRow(Item):
    """A budgeted project in a 'what we will deliver' table."""

    priority: Line
    cluster: Line
    project: Line
    owner: Line
    budget: Amount
    footnote: Line | None = None


class DeliveryBlock(Block):
    type: Literal["delivery"]
    negative_amounts: bool = False
    caption: Line
    columns: dict[Literal["priority", "cluster", "project", "owner", "budget"], Line]
    priority_titles: dict[str, Line] = {}
    rows: list[DeliveryRow]


class KeyItem(Model):
    code: Line
    meaning: Line


class KeyBlock(Block):
    """A key to codes used elsewhere in the plan, such as owners (CC = Children's Commissioner)."""

    type: Literal["key"]
    items: list[KeyItem]


class Project(Item, Tracked, Owned):
    id: Anchor
    aims: list[Line]
    title: Line
    goals_label: Line = "Project goals"
    goals: Paragraphs
    performance_theme: Prose
    performance: Prose
    indicators: Paragraphs

    @property
    def anchor(self) -> str:
        return self.id


class ProjectsBlock(Block):
    type: Literal["projects"]
    items: list[Project]


Column = Literal[
    "ref", "priority", "target", "outcome", "activity", "milestone", "lead", "timescale", "progress", "success"
]


class ActionRow(Item, Tracked, Owned):
    """One row of an action-plan table; which cells it uses is set by the table's columns."""

    id: Anchor | None = None
    ref: Line | None = None
    priority: Paragraphs = []
    target: Paragraphs = []
    outcome: Paragraphs = []
    activity: Paragraphs = []
    milestone: Paragraphs = []
    lead: Paragraphs = []
    timescale: Line | None = None
    progress: Status | None = None
    success: Paragraphs = []
    extra: dict[Anchor, Paragraphs] = {}
    """Cells of the table's extra columns (those the site has no key for), by the column's key."""

    @property
    def named_owner(self) -> str | None:
        """The row's lead is its owner (the table's lead or responsibility column); `owner` only where it has none."""
        return self.owner or ("; ".join(" ".join(cell.split()) for cell in self.lead) or None)

    @property
    def status(self) -> Status | None:
        """The current status: the latest update's, or the one the table gives without a date."""
        return self.latest.status if self.latest else self.progress

    @property
    def anchor(self) -> str | None:
        return self.id


class ActionGroup(Item):
    id: Anchor
    title: Line
    intro: Prose | None = None
    rows: list[ActionRow]

    needs_young_people: ClassVar[bool] = True

    @property
    def anchor(self) -> str:
        return self.id

    @property
    def row_anchors(self) -> list[str]:
        """Anchors for the rows: their own id, or the group's id and a number."""
        return [row.id or f"{self.id}-{index}" for index, row in enumerate(self.rows, start=1)]


class ActionPlanBlock(Block):
    """An action-plan table in any of the plans' shapes (target/activity/responsible/success...)."""

    type: Literal["action_plan"]
    columns: dict[Column, Line]
    extra_columns: dict[Anchor, Line] = {}
    """Columns of the source table that none of the site's keys fits, with their headings: shown after
    the others, each row's cell in its `extra`."""
    groups: list[ActionGroup]


class StatusKeyItem(Model):
    status: Status
    text: Line


class StatusKeyBlock(Block):
    """The plan's own key to progress status (e.g. 'Items highlighted in Green denotes action on track')."""

    type: Literal["status_key"]
    intro: Paragraphs = []
    items: list[StatusKeyItem]


class BudgetLine(Item):
    name: Line
    amount: Amount
    text: Prose | None = None
    share: Line | None = None
    lines: list[BudgetLine] = []
    sum_note: Prose | None = None


class BudgetBlock(Block):
    """A budget: a stated total and the lines that make it up; sums are checked."""

    type: Literal["budget"]
    negative_amounts: bool = False
    total: BudgetLine


class AchievementsBlock(Block):
    type: Literal["achievements"]
    items: list[Prose]


class NetworksBlock(Block):
    """Partner groups, alliances and networks the organisation belongs to."""

    type: Literal["networks"]
    items: list[Line]


class ParticipationLevel(Model):
    name: Line
    text: Prose


class ParticipationStage(Model):
    name: Line
    levels: list[ParticipationLevel] = []


class ParticipationLevelsBlock(Block):
    """The levels of a participation model, such as the OCC Wheel of Participation."""

    type: Literal["participation_levels"]
    based_on: Line
    stages: list[ParticipationStage]


class ContactBlock(Block):
    type: Literal["contact"]
    name: Line | None = None
    address: list[Line] = []
    phone: Phone | None = None
    email: Email | None = None
    website: Website | None = None
    social: Line | None = None


class Footnote(Model):
    mark: Line
    text: Prose


class FootnotesBlock(Block):
    type: Literal["footnotes"]
    items: list[Footnote]


class SubheadingBlock(Block):
    """A heading inside a section, such as 'Our promises'."""

    type: Literal["subheading"]
    title: Line


class YouSaidItem(Item, Owned):
    """What children and young people asked for, what the organisation will do and what it did.

    `answered_by` names the commitments of the same plan that answer it (the anchors of action
    rows, projects or aims), so that each says what children said that led to it, and their
    updates tell what happened.
    """

    id: Anchor | None = None
    you_said: Prose
    we_will: Prose | None = None
    we_did: Prose | None = None
    date: DayOrMonth | None = None
    status: Status | None = None
    answered_by: list[Anchor] = Field(
        default=[],
        description="The ids of the action rows, projects or aims of this plan that answer it (the part after # in "
        "their links).",
    )

    @property
    def anchor(self) -> str | None:
        return self.id


class YouSaidWeDidBlock(Block):
    """'You said, we did': children's requests and the organisation's answers, with dates and status."""

    type: Literal["you_said_we_did"]
    items: list[YouSaidItem]


class NotTranscribedBlock(Block):
    """A part of the source that is not online yet, named so that readers know it exists."""

    type: Literal["not_transcribed"]
    title: Line
    pages: Line | None = None
    note: Prose | None = None


AnyBlock = Annotated[
    TextBlock
    | ForewordBlock
    | StatementsBlock
    | ListBlock
    | QuoteBlock
    | PrioritiesBlock
    | AimsBlock
    | DeliveryBlock
    | KeyBlock
    | ProjectsBlock
    | ActionPlanBlock
    | StatusKeyBlock
    | BudgetBlock
    | AchievementsBlock
    | NetworksBlock
    | ParticipationLevelsBlock
    | ContactBlock
    | FootnotesBlock
    | SubheadingBlock
    | YouSaidWeDidBlock
    | NotTranscribedBlock,
    Field(discriminator="type"),
]
BLOCK_CLASSES: tuple[type[Block], ...] = AnyBlock.__origin__.__args__
BLOCK_TYPES = sorted(t.model_fields["type"].annotation.__args__[0] for t in BLOCK_CLASSES)
