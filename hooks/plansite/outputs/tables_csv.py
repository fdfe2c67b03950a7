"""Each table of a plan as CSV: every item, then actions, delivery, budget, projects and progress updates.

Every column is described once, in dictionary.py (the data package and the open-data page repeat
the descriptions); money is a whole number of pounds sterling, dates are ISO 8601 (a month alone
where the source gives only the month), texts of several paragraphs keep their line breaks inside
the quoted cell, and an empty cell has no value (never 'None').

A spreadsheet reads a cell that starts with '=', '+', '-', '@', a tab or a carriage return as a
formula (`=HYPERLINK(...)` runs when the file is opened). As OWASP recommends against CSV
injection, such a text cell starts with a single quote, which spreadsheets show as text; every
cell is quoted. Numbers stay numbers.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any

from .. import model as m
from ..addresses import csv_path
from ..block_types import blocks_of
from ..catalogue import Catalogue, PlanFile
from ..dictionary import TABLES
from ..items import item_records
from ..progress import progress_items, tables_of

__all__ = ["TABLES", "as_csv", "plan_csv_files", "plan_files", "plan_tables", "rows", "safe_cell"]


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


def rows(plan_file: PlanFile, table: str, site_url: str = "") -> list[list]:
    """The rows of one table of a plan, in document order; site_url makes the items' links absolute."""
    slug, plan = plan_file.slug, plan_file.plan
    found: list[list] = []
    if table == "items":
        for item in item_records(plan, f"{site_url}plans/{slug}/"):
            found.append(
                [
                    slug,
                    item.id,
                    item.kind,
                    item.section,
                    item.title,
                    item.owner,
                    item.timescale,
                    item.status,
                    item.status_date,
                    " ".join(str(n) for n in item.articles),
                    item.text,
                    item.young_people,
                    " ".join(item.answered_by),
                    item.link,
                ]
            )
    elif table == "actions":
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
                            row.named_owner or "",
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
                        project.named_owner or "",
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


def plan_tables(plan_file: PlanFile, site_url: str = "") -> dict[str, list[list]]:
    """The tables a plan has, with their rows (a table is published only when the plan has one)."""
    return {name: rows(plan_file, name, site_url) for name in tables_of(plan_file.plan)}


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
    writer.writerow([f.name for f in TABLES[table].fields])
    writer.writerows([safe_cell(value) for value in row] for row in found)
    return out.getvalue().encode("utf-8")


def plan_csv_files(plan_file: PlanFile, site_url: str = "") -> list[tuple[str, bytes]]:
    """One plan's tables as CSV files, by their paths in the site."""
    tables = plan_tables(plan_file, site_url)
    return [(csv_path(plan_file.slug, table), as_csv(table, found)) for table, found in tables.items()]


def plan_files(catalogue: Catalogue, plan_file: PlanFile, site_url: str) -> list[tuple[str, bytes]]:
    return plan_csv_files(plan_file, site_url)
