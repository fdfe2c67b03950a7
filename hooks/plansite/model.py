"""The plans, as the source documents structure them: organisations, plans, sections and blocks.

A plan is a list of sections; a section is a list of blocks. Each block type holds one kind of
thing the plans contain (prose, strategic aims, projects, action-plan tables, a budget...), so a
new document fits the same few types instead of needing a schema of its own.
"""

from __future__ import annotations

import datetime
import enum
from typing import Annotated, Literal, Union

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field

from .text import text_problem


class Model(BaseModel):
    """Base for every data object: unknown keys are errors and nothing changes after loading."""

    model_config = ConfigDict(extra="forbid", frozen=True)


# --- Field types -----------------------------------------------------------------------------


def _check_text(value: str) -> str:
    problem = text_problem(value)
    if problem:
        raise ValueError(problem)
    return value


def _check_line(value: str) -> str:
    if "\n" in value.strip():
        raise ValueError("this must be a single line; join the lines into one")
    return _check_text(value.strip())


def _check_article(value: int) -> int:
    if not 1 <= value <= 54:
        raise ValueError(f"there is no UNCRC article {value}; articles are numbered 1 to 54")
    return value


def _as_list(value: object) -> object:
    """Let a single text stand where a list of texts is expected."""
    return [value] if isinstance(value, str) else value


Prose = Annotated[str, AfterValidator(_check_text)]
"""Text that may use a little Markdown: paragraphs, emphasis, lists and links."""

Line = Annotated[str, AfterValidator(_check_line)]
"""A single line of plain text, such as a title or a name."""

Paragraphs = Annotated[list[Prose], BeforeValidator(_as_list)]
"""One or more paragraphs; a single text is accepted as a list of one."""

Anchor = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=80)]
"""An id used in URLs and #anchors: lower-case letters, digits and single hyphens."""

ArticleNumber = Annotated[int, AfterValidator(_check_article)]
Articles = list[ArticleNumber]
Fingerprint = Annotated[str, Field(pattern=r"^[0-9a-f]{8}$")]


# --- Closed sets -----------------------------------------------------------------------------


class Audience(str, enum.Enum):
    """Who a page is written for."""

    ADULT = "adult"
    YOUNG_PEOPLE = "young-people"

    @property
    def prefix(self) -> str:
        return "" if self is Audience.ADULT else "young-people/"


class Status(str, enum.Enum):
    """Progress of an action, with the word and icon that show it (never colour alone)."""

    COMPLETED = "completed"
    ON_TRACK = "on-track"
    NEEDS_ATTENTION = "needs-attention"
    URGENT = "urgent"

    @property
    def label(self) -> str:
        return STATUS_DETAILS[self][0]

    @property
    def icon(self) -> str:
        return STATUS_DETAILS[self][1]

    @property
    def young_people_label(self) -> str:
        return STATUS_DETAILS[self][2]


STATUS_DETAILS = {
    Status.COMPLETED: ("Completed", "material/check-circle", "Done"),
    Status.ON_TRACK: ("On track", "material/arrow-right-circle", "Going well"),
    Status.NEEDS_ATTENTION: ("In progress, needs attention", "material/alert", "Needs more work"),
    Status.URGENT: ("Outstanding, urgent attention needed", "material/alert-octagon", "Late: needs work now"),
}


class PlanKind(str, enum.Enum):
    BUSINESS_PLAN = "business plan"
    STRATEGIC_PLAN = "strategic plan"
    PARTICIPATION_STRATEGY = "participation strategy"


class Icon(str, enum.Enum):
    """Pictures that may sit beside a young-people text; each always comes with words."""

    SCHOOL = "school"
    HEALTH = "health"
    SHIELD = "shield"
    VOICE = "voice"
    MONEY = "money"
    PEOPLE = "people"
    HOME = "home"
    JUSTICE = "justice"
    STAR = "star"
    HEART = "heart"
    BOOK = "book"
    WORLD = "world"
    CHECK = "check"
    SEARCH = "search"
    PHONE = "phone"
    LEARN = "learn"


# --- Young-people text -----------------------------------------------------------------------


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


# --- Blocks ----------------------------------------------------------------------------------


class Block(Cited):
    """What every block may have: an anchor, a subheading, an introduction and notes after it."""

    id: Anchor | None = None
    title: Line | None = None
    intro: Prose | None = None
    notes: list[Prose] = []


class TextBlock(Block):
    type: Literal["text"]
    text: Prose


class ForewordBlock(Block):
    type: Literal["foreword"]
    text: Prose
    author: Line
    role: Line
    signature: Line | None = None


class Statement(Cited):
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
    """Words of a child, with who said it as the plan gives it."""

    type: Literal["quote"]
    text: Prose
    speaker: Line
    age: int | None = None
    context: Line | None = None


class Priority(Cited):
    ref: Line | None = None
    id: Anchor | None = None
    title: Line
    text: Paragraphs = []


class PrioritiesBlock(Block):
    type: Literal["priorities"]
    ordered: bool = True
    items: list[Priority]


class Aim(Cited):
    ref: Line
    text: Prose
    footnote: Line | None = None


class AimGroup(Cited):
    """A strategic priority (SP1) with its strategic aims (1.1, 1.2...)."""

    ref: Line
    title: Line
    aims: list[Aim]


class AimsBlock(Block):
    type: Literal["aims"]
    groups: list[AimGroup]


class Money(Model):
    """An amount in pounds, and how the source printed it when that differs ('£1,275M')."""

    amount: int
    as_printed: Line | None = None
    note: Prose | None = None


def _as_money(value: object) -> object:
    return {"amount": value} if isinstance(value, (str, int)) else value


Amount = Annotated[Money, BeforeValidator(_as_money)]


class DeliveryRow(Cited):
    """A budgeted project in a 'what we will deliver' table."""

    priority: Line
    cluster: Line
    project: Line
    owner: Line
    budget: Amount
    footnote: Line | None = None


class DeliveryBlock(Block):
    type: Literal["delivery"]
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


class Project(Cited):
    id: Anchor
    aims: list[Line]
    title: Line
    goals_label: Line = "Project goals"
    goals: Paragraphs
    performance_theme: Prose
    performance: Prose
    indicators: Paragraphs


class ProjectsBlock(Block):
    type: Literal["projects"]
    items: list[Project]


Column = Literal["ref", "priority", "target", "outcome", "activity", "milestone", "lead", "timescale", "progress", "success"]


class ActionRow(Cited):
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


class ActionGroup(Cited):
    id: Anchor
    title: Line
    intro: Prose | None = None
    rows: list[ActionRow]


class ActionPlanBlock(Block):
    """An action-plan table in any of the plans' shapes (target/activity/responsible/success...)."""

    type: Literal["action_plan"]
    columns: dict[Column, Line]
    groups: list[ActionGroup]


class StatusKeyItem(Model):
    status: Status
    text: Line


class StatusKeyBlock(Block):
    """The plan's own key to progress status (e.g. 'Items highlighted in Green denotes action on track')."""

    type: Literal["status_key"]
    intro: Paragraphs = []
    items: list[StatusKeyItem]


class BudgetLine(Cited):
    name: Line
    amount: Amount
    text: Prose | None = None
    share: Line | None = None
    lines: list[BudgetLine] = []
    sum_note: Prose | None = None


class BudgetBlock(Block):
    """A budget: a stated total and the lines that make it up; sums are checked."""

    type: Literal["budget"]
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
    phone: Line | None = None
    email: Line | None = None
    website: Line | None = None
    social: Line | None = None


class Footnote(Model):
    mark: Line
    text: Prose


class FootnotesBlock(Block):
    type: Literal["footnotes"]
    items: list[Footnote]


AnyBlock = Annotated[
    Union[
        TextBlock,
        ForewordBlock,
        StatementsBlock,
        ListBlock,
        QuoteBlock,
        PrioritiesBlock,
        AimsBlock,
        DeliveryBlock,
        KeyBlock,
        ProjectsBlock,
        ActionPlanBlock,
        StatusKeyBlock,
        BudgetBlock,
        AchievementsBlock,
        NetworksBlock,
        ParticipationLevelsBlock,
        ContactBlock,
        FootnotesBlock,
    ],
    Field(discriminator="type"),
]
BLOCK_TYPES = sorted(t.model_fields["type"].annotation.__args__[0] for t in AnyBlock.__origin__.__args__)


# --- Plans and organisations -----------------------------------------------------------------


class Section(Model):
    id: Anchor
    title: Line
    blocks: list[AnyBlock]
    young_people: YoungText | None = None


class PlanYoungPeople(Model):
    """The parts of the young-people version that speak of the plan as a whole."""

    title: Line
    summary: Prose
    get_involved: Prose


class Plan(Model):
    organisation: Anchor
    title: Line
    subtitle: Line | None = None
    kind: PlanKind
    period: Line
    status: Literal["draft", "published"]
    publish_on: datetime.date | None = None
    last_updated: datetime.date | None = None
    summary: Prose
    source: Prose | None = None
    previous_slugs: list[Anchor] = []
    young_people: PlanYoungPeople | None = None
    sections: list[Section]


class Organisation(Model):
    id: Anchor
    name: Line
    short_name: Line
    kind: Line
    area: Line | None = None
    about: Prose
    website: Line | None = None
    young_people: YoungText


class Organisations(Model):
    organisations: list[Organisation]


class GlossaryTerm(Model):
    term: Line
    meaning: Line
    definition: Prose | None = None
    young_people: Prose | None = None


class Glossary(Model):
    terms: list[GlossaryTerm]


class Cluster(Model):
    id: Anchor
    title: Line
    young_people_title: Line


class ArticleYoungPeople(Model):
    title: Line
    summary: Prose


class Article(Model):
    number: ArticleNumber
    title: Line
    cluster: Anchor
    summary: Prose
    young_people: ArticleYoungPeople


class Convention(Model):
    clusters: list[Cluster]
    articles: list[Article]


def _all_models(cls: type[BaseModel]) -> list[type[BaseModel]]:
    return [cls] + [m for sub in cls.__subclasses__() for m in _all_models(sub)]


FIELD_NAMES = sorted({name for cls in _all_models(Model) for name in cls.model_fields})
"""Every key used anywhere in the data, for 'did you mean' suggestions."""
