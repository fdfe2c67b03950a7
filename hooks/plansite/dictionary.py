"""The data dictionary: every table of the downloads, each column's meaning, type and unit, said once.

The CSV files take their headers from here (outputs/tables_csv.py), the data package its field
descriptions (outputs/datapackage.py) and the site's open-data page its tables (views/downloads.py),
so the three never disagree. Every column has a unit, even a text's ('text, as the plan words it'):
a reuser never has to guess what a cell holds. A cell with no value is empty, never 'None'.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model.vocabulary import Status


@dataclass(frozen=True)
class Field:
    """A column: its name, its Table Schema type, what it holds, its unit, and what a valid value looks like."""

    name: str
    type: str
    description: str
    unit: str
    pattern: str | None = None
    """A regular expression every non-empty value matches (Table Schema's `constraints.pattern`)."""
    values: tuple[str, ...] = ()
    """The only values it may hold, when it is a closed set (Table Schema's `constraints.enum`)."""


@dataclass(frozen=True)
class Table:
    """One kind of CSV download: its title, what a row is, and its columns."""

    title: str
    description: str
    fields: list[Field]


TEXT = "text, as the plan words it (Markdown: paragraphs, emphasis, lists and links)"
LINE = "text, one line"
IDENTIFIER = "identifier: lower-case letters, digits and hyphens"
POUNDS = "GBP"
"""Money's unit, as ISO 4217 names it: pounds sterling (each amount a whole number of pounds)."""
DATE_OR_MONTH = "date, ISO 8601: YYYY-MM-DD, or YYYY-MM where the source gives only the month"
DATE_OR_MONTH_PATTERN = r"^[0-9]{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?$"
STATUSES = tuple(status.value for status in Status)

PLAN = Field("plan", "string", "The plan's identifier: the last part of its web address", IDENTIFIER)
SECTION = Field("section", "string", "The identifier of the plan section the row is in", IDENTIFIER)
ARTICLES = Field(
    "articles",
    "string",
    "UNCRC articles the item cites, separated by spaces",
    "article numbers of the UN Convention on the Rights of the Child, 1 to 54",
    pattern=r"^[0-9]{1,2}( [0-9]{1,2})*$",
)
STATUS = Field(
    "status",
    "string",
    "Current status: completed, on-track, needs-attention or urgent; empty when none is reported",
    "one of completed, on-track, needs-attention, urgent",
    values=STATUSES,
)
STATUS_DATE = Field(
    "status_date",
    "string",
    "The date of the update that gave the current status; empty for a status without a date",
    DATE_OR_MONTH,
    pattern=DATE_OR_MONTH_PATTERN,
)
NOT_REPORTED_VALUE = "not-reported"
"""The items table's status of an item the plan reports progress on, with none reported yet (the site's
"Not reported")."""
ITEM_STATUS = Field(
    "status",
    "string",
    "Current status: completed, on-track, needs-attention or urgent; not-reported for an item of a kind the "
    "plan reports progress on that has none reported yet; empty for an item progress is not reported on (a "
    "heading, a list entry)",
    "one of completed, on-track, needs-attention, urgent, not-reported",
    values=(*STATUSES, NOT_REPORTED_VALUE),
)
OWNER = Field(
    "owner",
    "string",
    "Who answers for the item: a role or a team, as the plan names it (for an action-plan row, its lead)",
    LINE,
)

ITEM_KINDS = (
    "statement",
    "priority",
    "strategic-priority",
    "aim",
    "delivery-project",
    "project",
    "action-group",
    "action",
    "budget-line",
    "you-said",
    "list-entry",
    "achievement",
)
"""What an item of a plan can be, as the items table names it (block_types.py gives each kind of item its word)."""

TABLES: dict[str, Table] = {
    "items": Table(
        "Every item",
        "Every item of the plan, whatever part of it it is in, with its owner, its status and its texts",
        [
            PLAN,
            Field(
                "id",
                "string",
                "The item's identifier: its anchor on the plan page, or (for an item with none) its section's "
                "identifier, its kind and its number in the section",
                IDENTIFIER,
            ),
            Field("kind", "string", "What the item is", "one of " + ", ".join(ITEM_KINDS), values=ITEM_KINDS),
            SECTION,
            Field("title", "string", "The item's name or reference, or the first words of its text", LINE),
            OWNER,
            Field("timescale", "string", "When it is due, as the plan words it", LINE),
            ITEM_STATUS,
            STATUS_DATE,
            ARTICLES,
            Field("text", "string", "The item's own words, for adults; parts of it are named ('Outcome: ...')", TEXT),
            Field("young_people", "string", "The item's words for young people, if the plan has them", TEXT),
            Field(
                "answered_by",
                "string",
                "For a 'you said' item: the ids of the action rows, projects or aims that answer it",
                "identifiers of other rows of this table, separated by spaces",
            ),
            Field("link", "string", "The item on the plan page", "web address (https)"),
        ],
    ),
    "actions": Table(
        "Action plan",
        "Every row of the plan's action-plan tables",
        [
            PLAN,
            SECTION,
            Field("group", "string", "The identifier of the action-plan group (a priority or theme)", IDENTIFIER),
            Field("group_title", "string", "The title of the action-plan group", LINE),
            Field("row", "string", "The row's identifier: its anchor on the plan page", IDENTIFIER),
            Field("ref", "string", "The row's reference in the source plan, if it has one", LINE),
            Field("priority", "string", "The priority the row serves", TEXT),
            Field("target", "string", "The target", TEXT),
            Field("outcome", "string", "The outcome sought", TEXT),
            Field("activity", "string", "The activity", TEXT),
            Field("milestone", "string", "The milestones, one per line", TEXT),
            Field("lead", "string", "Who leads the work, as the table gives it", TEXT),
            Field("timescale", "string", "When it is due, as the plan words it", LINE),
            Field("success", "string", "How success is measured", TEXT),
            Field(
                "extra",
                "string",
                "Cells of the table's other columns, one per line as 'heading: text' (columns this format has no "
                "field for)",
                TEXT,
            ),
            Field(
                "owner",
                "string",
                "Who answers for the row: its lead (on one line), or the owner the plan names for a row with no lead",
                LINE,
            ),
            STATUS,
            STATUS_DATE,
            ARTICLES,
        ],
    ),
    "delivery": Table(
        "What we will deliver",
        "Every budgeted project of the plan's delivery tables",
        [
            PLAN,
            SECTION,
            Field("priority", "string", "The strategic priority code, such as SP1", LINE),
            Field("cluster", "string", "The UNCRC cluster or programme", LINE),
            Field("project", "string", "The budgeted project", LINE),
            Field("owner", "string", "The owner's code, explained in the plan's key", LINE),
            Field("budget_gbp", "integer", "The project's budget, in whole pounds sterling", POUNDS),
            Field("budget_as_printed", "string", "The budget as the source printed it, when that differs", LINE),
            ARTICLES,
        ],
    ),
    "budget": Table(
        "Budget",
        "Every line of the plan's budgets, the totals included",
        [
            PLAN,
            SECTION,
            Field("budget", "string", "The name of the budget's total line", LINE),
            Field("line", "string", "The name of the budget line", LINE),
            Field("parent", "string", "The line this line is part of; empty for the total", LINE),
            Field("depth", "integer", "0 for the total, 1 for its lines, 2 for their lines", "level, a whole number"),
            Field("amount_gbp", "integer", "The amount, in whole pounds sterling", POUNDS),
            Field("amount_as_printed", "string", "The amount as the source printed it, when that differs", LINE),
            Field("share", "string", "The share of the total the source gives, such as 70%", "per cent, as printed"),
        ],
    ),
    "projects": Table(
        "Projects",
        "Every project of the plan",
        [
            PLAN,
            SECTION,
            Field("project", "string", "The project's identifier: its anchor on the plan page", IDENTIFIER),
            Field("aims", "string", "The strategic aims the project serves, separated by spaces", "aim references"),
            Field("title", "string", "The project's title", LINE),
            OWNER,
            STATUS,
            STATUS_DATE,
            ARTICLES,
        ],
    ),
    "updates": Table(
        "Progress updates",
        "Every dated progress update of the plan",
        [
            PLAN,
            Field("item", "string", "The identifier of the item updated: its anchor on the plan page", IDENTIFIER),
            Field(
                "item_kind",
                "string",
                "What the item is: action, project or aim",
                "one of action, project, aim",
                values=("action", "project", "aim"),
            ),
            Field("date", "string", "The date of the update", DATE_OR_MONTH, pattern=DATE_OR_MONTH_PATTERN),
            STATUS,
            Field("text", "string", "What happened, for adults", TEXT),
            Field("young_people", "string", "What happened, for young people", TEXT),
            Field("source", "string", "Where the update was reported: the report, its date, its page or section", LINE),
        ],
    ),
}
"""Every kind of CSV download, in the order a plan's downloads list them."""

UNITS_NOTE = (
    "Money is in pounds sterling (GBP) as whole numbers; dates are ISO 8601 (a month alone, YYYY-MM, where the "
    "source gives only the month); an empty cell has no value. A text that would start with =, +, -, @, a tab or "
    "a carriage return starts with ' instead, so that no spreadsheet reads it as a formula."
)
