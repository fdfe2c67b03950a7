"""Each table of a plan as CSV: actions, delivery, budget, projects and progress updates.

Every column is described once here (the data package repeats the descriptions); money is a
whole number of pounds sterling, dates are ISO 8601, texts of several paragraphs keep their
line breaks inside the quoted cell.

A spreadsheet reads a cell that starts with '=', '+', '-', '@', a tab or a carriage return as a
formula (`=HYPERLINK(...)` runs when the file is opened). As OWASP recommends against CSV
injection, such a text cell starts with a single quote, which spreadsheets show as text; every
cell is quoted. Numbers stay numbers.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from .. import model as m
from ..addresses import csv_path
from ..block_types import blocks_of
from ..catalogue import Catalogue, PlanFile
from ..progress import progress_items, tables_of


@dataclass(frozen=True)
class Field:
    """A column: its name, its Table Schema type and what it holds."""

    name: str
    type: str
    description: str
    unit: str | None = None


PLAN = Field("plan", "string", "The plan's identifier: the last part of its web address")
SECTION = Field("section", "string", "The identifier of the plan section the table is in")
ARTICLES = Field("articles", "string", "UNCRC articles the item cites, as numbers separated by spaces")
STATUS = Field(
    "status", "string", "Current status: completed, on-track, needs-attention or urgent; empty when none is recorded"
)
STATUS_DATE = Field(
    "status_date",
    "date",
    "The date of the update that gave the current status (ISO 8601); empty for a status without a date",
)

TABLES: dict[str, tuple[str, list[Field]]] = {
    "actions": (
        "Every row of the plan's action-plan tables",
        [
            PLAN,
            SECTION,
            Field("group", "string", "The identifier of the action-plan group (a priority or theme)"),
            Field("group_title", "string", "The title of the action-plan group"),
            Field("row", "string", "The row's identifier: its anchor on the plan page"),
            Field("ref", "string", "The row's reference in the source plan, if it has one"),
            Field("priority", "string", "The priority the row serves, as the plan words it"),
            Field("target", "string", "The target, as the plan words it"),
            Field("outcome", "string", "The outcome sought, as the plan words it"),
            Field("activity", "string", "The activity, as the plan words it"),
            Field("milestone", "string", "The milestones, one per line"),
            Field("lead", "string", "Who leads the work"),
            Field("timescale", "string", "When it is due, as the plan words it"),
            Field("success", "string", "How success is measured, as the plan words it"),
            Field(
                "extra",
                "string",
                "Cells of the table's other columns, one per line as 'heading: text' (columns this format has no "
                "field for)",
            ),
            STATUS,
            STATUS_DATE,
            ARTICLES,
        ],
    ),
    "delivery": (
        "Every budgeted project of the plan's delivery tables",
        [
            PLAN,
            SECTION,
            Field("priority", "string", "The strategic priority code, such as SP1"),
            Field("cluster", "string", "The UNCRC cluster or programme"),
            Field("project", "string", "The budgeted project"),
            Field("owner", "string", "The owner's code, explained in the plan's key"),
            Field("budget_gbp", "integer", "The project's budget in pounds sterling (GBP), a whole number", "GBP"),
            Field("budget_as_printed", "string", "The budget as the source printed it, when that differs"),
            ARTICLES,
        ],
    ),
    "budget": (
        "Every line of the plan's budgets, the totals included",
        [
            PLAN,
            SECTION,
            Field("budget", "string", "The name of the budget's total line"),
            Field("line", "string", "The name of the budget line"),
            Field("parent", "string", "The line this line is part of; empty for the total"),
            Field("depth", "integer", "0 for the total, 1 for its lines, 2 for their lines"),
            Field("amount_gbp", "integer", "The amount in pounds sterling (GBP), a whole number", "GBP"),
            Field("amount_as_printed", "string", "The amount as the source printed it, when that differs"),
            Field("share", "string", "The share of the total the source gives, such as 70%"),
        ],
    ),
    "projects": (
        "Every project of the plan",
        [
            PLAN,
            SECTION,
            Field("project", "string", "The project's identifier: its anchor on the plan page"),
            Field("aims", "string", "The strategic aims the project serves, separated by spaces"),
            Field("title", "string", "The project's title"),
            STATUS,
            STATUS_DATE,
            ARTICLES,
        ],
    ),
    "updates": (
        "Every dated progress update of the plan",
        [
            PLAN,
            Field("item", "string", "The identifier of the item updated: its anchor on the plan page"),
            Field("item_kind", "string", "What the item is: action, project or aim"),
            Field("date", "date", "The date of the update (ISO 8601)"),
            STATUS,
            Field("text", "string", "What happened, for adults"),
            Field("young_people", "string", "What happened, for young people"),
            Field("source", "string", "Where the update was reported: the report, its date, its page or section"),
        ],
    ),
}


def _lines(value: Any) -> str:
    return "\n".join(value) if isinstance(value, list) else ("" if value is None else str(value))


def _articles(item: m.Cited) -> str:
    return " ".join(str(n) for n in item.articles)


def _status(item: m.Tracked) -> tuple[str, str]:
    latest = item.latest
    status = latest.status if latest else getattr(item, "progress", None)
    return (status.value if status else ""), (latest.date.isoformat() if latest else "")


def _budget_rows(slug: str, section: str, budget: str, line: m.BudgetLine, parent: str, depth: int) -> Iterator[list]:
    yield [
        slug,
        section,
        budget,
        line.name,
        parent,
        depth,
        line.amount.amount,
        line.amount.as_printed or "",
        line.share or "",
    ]
    for child in line.lines:
        yield from _budget_rows(slug, section, budget, child, line.name, depth + 1)


def rows(plan_file: PlanFile, table: str) -> list[list]:
    """The rows of one table of a plan, in document order."""
    slug, plan = plan_file.slug, plan_file.plan
    found: list[list] = []
    if table == "actions":
        for section, block in blocks_of(plan, "actions"):
            for group in block.groups:
                for row, anchor in zip(group.rows, group.row_anchors):
                    found.append(
                        [
                            slug,
                            section.id,
                            group.id,
                            group.title,
                            anchor,
                            row.ref or "",
                            *(
                                _lines(getattr(row, name))
                                for name in (
                                    "priority",
                                    "target",
                                    "outcome",
                                    "activity",
                                    "milestone",
                                    "lead",
                                    "timescale",
                                    "success",
                                )
                            ),
                            "\n".join(
                                f"{block.extra_columns.get(key, key)}: {' '.join(cell)}"
                                for key, cell in row.extra.items()
                            ),
                            *_status(row),
                            _articles(row),
                        ]
                    )
    elif table == "delivery":
        for section, block in blocks_of(plan, "delivery"):
            for row in block.rows:
                found.append(
                    [
                        slug,
                        section.id,
                        row.priority,
                        row.cluster,
                        row.project,
                        row.owner,
                        row.budget.amount,
                        row.budget.as_printed or "",
                        _articles(row),
                    ]
                )
    elif table == "budget":
        for section, block in blocks_of(plan, "budget"):
            found += _budget_rows(slug, section.id, block.total.name, block.total, "", 0)
    elif table == "projects":
        for section, block in blocks_of(plan, "projects"):
            for project in block.items:
                found.append(
                    [
                        slug,
                        section.id,
                        project.id,
                        " ".join(project.aims),
                        project.title,
                        *_status(project),
                        _articles(project),
                    ]
                )
    elif table == "updates":
        for entry in progress_items(plan):
            for update in entry.item.updates:
                found.append(
                    [
                        slug,
                        entry.anchor,
                        entry.kind,
                        update.date.isoformat(),
                        update.status.value,
                        update.text,
                        update.young_people or "",
                        update.source or "",
                    ]
                )
    return found


def plan_tables(plan_file: PlanFile) -> dict[str, list[list]]:
    """The tables a plan has, with their rows (a table is published only when the plan has one)."""
    return {name: rows(plan_file, name) for name in tables_of(plan_file.plan)}


# What makes a spreadsheet read a cell as a formula, ASCII and full-width.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def safe_cell(value: Any) -> Any:
    """A cell as a spreadsheet can open it: a text that would start a formula starts with a quote instead."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def as_csv(table: str, found: list[list]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_NONNUMERIC)
    writer.writerow([f.name for f in TABLES[table][1]])
    writer.writerows([safe_cell(value) for value in row] for row in found)
    return out.getvalue().encode("utf-8")


def plan_csv_files(plan_file: PlanFile) -> list[tuple[str, bytes]]:
    """One plan's tables as CSV files, by their paths in the site."""
    return [(csv_path(plan_file.slug, table), as_csv(table, found)) for table, found in plan_tables(plan_file).items()]


def files(catalogue: Catalogue, site_url: str) -> Iterator[tuple[str, bytes]]:
    return (file for p in catalogue.plans for file in plan_csv_files(p))
