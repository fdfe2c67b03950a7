"""The ids a plan's pages give elements: the layout's own, and the rules by which the templates
derive ids from the data's (a table's caption, its notes and chart, a plan's footnotes).

The templates and views use these rules; check/ids.py claims every id they make, page by page,
so that no page has two elements with one id.
"""

from __future__ import annotations

from typing import Any

from .fields import slug

# The ids each page layout gives its own elements (theme/pages/ and theme/partials/).
ADULT_PLAN_LAYOUT = (
    "main-content", "ps-content", "contents-title", "progress", "progress-chart-caption", "progress-chart-title",
    "data", "rights-in-this-plan",
)  # fmt: skip
YOUNG_PLAN_LAYOUT = (
    "main-content", "ps-content", "need-help", "who", "plans", "rights", "involved", "progress", "news", "money",
    "progress-chart-caption", "progress-chart-title",
)  # fmt: skip
PROGRESS_LAYOUT = (
    "main-content", "ps-content", "summary", "items", "you-said", "changes", "progress-chart-caption",
    "progress-chart-title", "status-completed", "status-on-track", "status-needs-attention", "status-urgent",
    "status-not-reported",
)  # fmt: skip
# Ids the young people's plan page makes from a prefix and a name or number: do-<section>, right-<n>.
LAYOUT_PREFIXES = ("do-", "right-")


def section_part_id(section_id: str) -> str:
    """The id of the young people's part of their plan page that tells what a section will do."""
    return f"do-{section_id}"


def right_id(number: int) -> str:
    """The id of an article in the list of rights on the young people's plan page."""
    return f"right-{number}"


# The young people's page shows budgets not told in a section's own part in a part of this id.
MONEY_PART = "money"


def table_id(section: Any, index: int, block: Any) -> str:
    """The id a table's own ids start from: its block's id, or its section's and its place (from 1)."""
    return block.id or f"{section.id}-{index}"


def caption_id(owner_id: str) -> str:
    return f"{owner_id}-caption"


def chart_id(owner_id: str) -> str:
    """A chart beside a table; its title's id is chart_id + '-title'."""
    return f"{owner_id}-chart"


def notes_prefix(owner_id: str) -> str:
    """Every note under a table has an id starting with this (views/tables.py)."""
    return f"{owner_id}-note-"


def footnote_id(section: Any, mark: str, index: int) -> str:
    """The id of a plan's footnote: its section's id and its mark, or its place when the mark has no letters."""
    return f"{section.id}-footnote-{slug(mark) or index}"


def money_id(part_id: str, index: int) -> str:
    """The id of the young people's table of a budget, in a part of their page."""
    return f"{part_id}-money-{index}"


def letters(number: int) -> str:
    """The letter of the number-th note (from 0) as spreadsheets letter columns: a to z, then aa, ab..."""
    found = ""
    number += 1
    while number:
        number, rest = divmod(number - 1, 26)
        found = chr(ord("a") + rest) + found
    return found
