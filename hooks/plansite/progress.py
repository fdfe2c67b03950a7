"""What happened to a plan's promises: each item's current status, the plan's summary and its change log.

All of it comes from the data (the items' dated updates and the plan's own `last_updated`),
never from git, so a commit that only reformats a file changes no date on the site.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from . import model as m
from .block_types import ProgressItem, block_type, blocks_of

ADULT = m.Audience.ADULT


# --- Items and their status ------------------------------------------------------------------


def _items(plan: m.Plan) -> Iterator[ProgressItem]:
    for section in plan.sections:
        for block in section.blocks:
            tracked = block_type(block).tracked
            if tracked is not None:
                yield from tracked(block)


def progress_items(plan: m.Plan) -> list[ProgressItem]:
    """The items a plan reports progress on, in document order.

    A kind of item counts once any item of that kind has a status, or an action-plan table has a
    progress column: then every item of that kind counts, so that items with no news are shown
    as such instead of being left out of the figures.
    """
    items = list(_items(plan))
    with_progress_column = any("progress" in block.columns for _, block in blocks_of(plan, "actions"))
    reported = {i.kind for i in items if i.status is not None} | ({"action"} if with_progress_column else set())
    return [i for i in items if i.kind in reported]


# --- Summary ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Count:
    """How many items have one status (status None: no progress recorded yet)."""

    status: m.Status | None
    number: int

    def label(self, audience: m.Audience) -> str:
        if self.status is None:
            return "No progress recorded" if audience is ADULT else "Not told yet"
        return self.status.label if audience is ADULT else self.status.young_people_label


@dataclass(frozen=True)
class Summary:
    """Counts of a plan's items by status, in a fixed order: done first, no news last."""

    counts: list[Count]

    @property
    def total(self) -> int:
        return sum(c.number for c in self.counts)

    @property
    def recorded(self) -> int:
        return sum(c.number for c in self.counts if c.status is not None)


ORDER: list[m.Status | None] = [m.Status.COMPLETED, m.Status.ON_TRACK, m.Status.NEEDS_ATTENTION, m.Status.URGENT, None]


def summary(items: list[ProgressItem]) -> Summary | None:
    if not items:
        return None
    tally = Counter(i.status for i in items)
    return Summary([Count(status, tally.get(status, 0)) for status in ORDER])


YOUNG_SENTENCES = {
    m.Status.COMPLETED: "{n} {are} done.",
    m.Status.ON_TRACK: "{n} {are} going well.",
    m.Status.NEEDS_ATTENTION: "{n} {need} more work.",
    m.Status.URGENT: "{n} {are} late and {need} work now.",
    None: "For {n}, they have not told us yet how it is going.",
}


def young_summary(found: Summary) -> list[str]:
    """The summary in short sentences, late things included, for the young-people pages."""
    promise = "promise" if found.total == 1 else "promises"
    sentences = [f"This plan made {found.total} {promise} that we can follow."]
    if not found.recorded:
        return sentences + [
            "They have not told us yet how " + ("it is going." if found.total == 1 else "any of them is going.")
        ]
    for count in found.counts:
        if count.number:
            one = count.number == 1
            words = {"n": count.number, "are": "is" if one else "are", "need": "needs" if one else "need"}
            sentences.append(YOUNG_SENTENCES[count.status].format(**words))
    return sentences


# --- Change log ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Change:
    """One dated entry of a plan's change log: a progress update, or the plan itself updated."""

    date: datetime.date
    plan_slug: str
    item: ProgressItem | None
    update: m.Update | None

    def title(self, audience: m.Audience) -> str:
        if self.update is None:
            return "The plan was updated" if audience is ADULT else "The plan was changed"
        label = self.item.label if audience is ADULT else self.item.young_label
        status = self.update.status.label if audience is ADULT else self.update.status.young_people_label
        return f"{label}: {status}"


def changes(slug: str, plan: m.Plan) -> list[Change]:
    """A plan's change log, newest first."""
    found = [Change(plan.last_updated, slug, None, None)] if plan.last_updated else []
    for item in _items(plan):
        found += [Change(update.date, slug, item, update) for update in item.item.updates]
    return sorted(found, key=lambda change: change.date, reverse=True)


def last_changed(plan: m.Plan) -> datetime.date | None:
    """When the plan's content last changed, as its data says: `last_updated` or its latest update."""
    dates = [plan.last_updated] if plan.last_updated else []
    dates += [update.date for item in _items(plan) for update in item.item.updates]
    return max(dates, default=None)


# --- Tables ----------------------------------------------------------------------------------

BLOCK_TABLES = ("actions", "delivery", "budget", "projects")
"""The tables a plan's blocks make rows of (block_types.py), in the order its downloads list them."""


def tables_of(plan: m.Plan) -> list[str]:
    """The tables a plan has rows in (actions, delivery, budget, projects, updates): each is a download."""
    made = {block_type(block).table for section in plan.sections for block in section.blocks}
    found = [table for table in BLOCK_TABLES if table in made]
    return found + (["updates"] if any(item.item.updates for item in _items(plan)) else [])
