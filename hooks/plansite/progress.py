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
from .addresses import ITEMS_TABLE, long_date
from .block_types import ProgressItem, block_type, blocks_of
from .model.walk import walk

ADULT = m.Audience.ADULT


# --- Items and their status ------------------------------------------------------------------


def _items(plan: m.Plan) -> Iterator[ProgressItem]:
    for section in plan.sections:
        for block in section.blocks:
            tracked = block_type(block).tracked
            if tracked is not None:
                yield from tracked(block)


def commitments(plan: m.Plan) -> list[ProgressItem]:
    """Every item of a plan that can report progress (action rows, projects, aims), in document order:
    what a "you said" item may name as answering it."""
    return list(_items(plan))


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
    """How many items have one status (status None: no progress reported)."""

    status: m.Status | None
    number: int

    def label(self, audience: m.Audience) -> str:
        if self.status is None:
            return NOT_REPORTED if audience is ADULT else NOT_REPORTED_YOUNG
        return self.status.label if audience is ADULT else self.status.young_people_label

    def words(self, audience: m.Audience) -> str:
        """The status inside a sentence, after the count: '3 on track', '3 going well'."""
        return (ADULT_WORDS if audience is ADULT else YOUNG_WORDS)[self.status]

    @property
    def anchor(self) -> str:
        """The id of the list of the items with this status on a plan's progress page."""
        return status_anchor(self.status)


NOT_REPORTED = "Not reported"
"""An item the organisation has published no progress on: the site never guesses one."""
NOT_REPORTED_YOUNG = "Not told yet"


def status_anchor(status: m.Status | None) -> str:
    return f"status-{status.value if status else 'not-reported'}"


@dataclass(frozen=True)
class Summary:
    """Counts of items by status, in a fixed order (done first, no news last), and the date of the newest update."""

    counts: list[Count]
    newest: datetime.date | None = None

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
    newest = max((i.date for i in items if i.date is not None), default=None)
    return Summary([Count(status, tally.get(status, 0)) for status in ORDER], newest)


def combined(summaries: list[Summary]) -> Summary | None:
    """One summary of several (an organisation's plans, the site's): counts added, the newest date of all."""
    if not summaries:
        return None
    counts = [Count(status, sum(s.counts[i].number for s in summaries)) for i, status in enumerate(ORDER)]
    return Summary(counts, max((s.newest for s in summaries if s.newest), default=None))


def by_status(items: list[ProgressItem]) -> list[tuple[Count, list[ProgressItem]]]:
    """The items grouped by their status, in the summary's order; statuses no item has are left out."""
    groups = [(status, [i for i in items if i.status is status]) for status in ORDER]
    return [(Count(status, len(found)), found) for status, found in groups if found]


def _listed(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


ADULT_WORDS = {
    m.Status.COMPLETED: "completed",
    m.Status.ON_TRACK: "on track",
    m.Status.NEEDS_ATTENTION: "needing attention",
    m.Status.URGENT: "needing urgent attention",
    None: "not reported",
}


YOUNG_WORDS = {
    m.Status.COMPLETED: "done",
    m.Status.ON_TRACK: "going well",
    m.Status.NEEDS_ATTENTION: "needing more work",
    m.Status.URGENT: "late",
    None: "not told yet",
}


def adult_summary(found: Summary, where: str = "in this plan") -> str:
    """The summary as one sentence, for adults: 'Of the 5 items in this plan, 2 are completed and 3 on track;
    the newest update is from December 2017.'"""
    item = "item" if found.total == 1 else "items"
    if not found.recorded:
        return f"No progress has been reported yet on the {found.total} {item} {where}."
    counts = [c for c in found.counts if c.number]
    parts = [f"{c.number} {c.words(ADULT)}" for c in counts]
    parts[0] = f"{counts[0].number} {'is' if counts[0].number == 1 else 'are'} {counts[0].words(ADULT)}"
    newest = f"; the newest update is from {long_date(found.newest)}" if found.newest else ""
    return f"Of the {found.total} {item} {where}, {_listed(parts)}{newest}."


YOUNG_SENTENCES = {
    m.Status.COMPLETED: "{n} {are} done.",
    m.Status.ON_TRACK: "{n} {are} going well.",
    m.Status.NEEDS_ATTENTION: "{n} {need} more work.",
    m.Status.URGENT: "{n} {are} late and {need} work now.",
    None: "For {n}, they have not told us yet how it is going.",
}


def young_summary(found: Summary, who: str = "This plan") -> list[str]:
    """The summary in short sentences, late things included, for the young-people pages; `who` made the
    promises ('This plan', 'The plans on this site')."""
    promise = "promise" if found.total == 1 else "promises"
    sentences = [f"{who} made {found.total} {promise} that we can follow."]
    if not found.recorded:
        return sentences + [
            "They have not told us yet how " + ("it is going." if found.total == 1 else "any of them is going.")
        ]
    for count in found.counts:
        if count.number:
            one = count.number == 1
            words = {"n": count.number, "are": "is" if one else "are", "need": "needs" if one else "need"}
            sentences.append(YOUNG_SENTENCES[count.status].format(**words))
    if found.newest:
        sentences.append(f"The newest news is from {long_date(found.newest)}.")
    return sentences


# --- From what children said to what was done -----------------------------------------------


@dataclass(frozen=True)
class YouSaid:
    """A "you said" item of a plan and the commitments that answer it (its `answered_by`), in the order named."""

    item: m.YouSaidItem
    answers: list[ProgressItem]

    @property
    def anchor(self) -> str | None:
        return self.item.id


def you_said(plan: m.Plan) -> list[YouSaid]:
    """Every "you said" item of a plan, in document order, with the commitments that answer it."""
    by_anchor = {item.anchor: item for item in _items(plan)}
    said = (obj for obj, _ in walk(plan) if isinstance(obj, m.YouSaidItem))
    return [YouSaid(item, [by_anchor[a] for a in item.answered_by if a in by_anchor]) for item in said]


def said_for(plan: m.Plan) -> dict[str, list[m.YouSaidItem]]:
    """What children said that led to each commitment: the "you said" items naming it, by its anchor."""
    found: dict[str, list[m.YouSaidItem]] = {}
    for story in you_said(plan):
        for answer in story.answers:
            found.setdefault(answer.anchor, []).append(story.item)
    return found


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


def has_progress_page(slug: str, plan: m.Plan) -> bool:
    """Whether a plan has a progress page: items that report progress, dated changes, or what children said."""
    return bool(progress_items(plan) or changes(slug, plan) or you_said(plan))


# --- Tables ----------------------------------------------------------------------------------

BLOCK_TABLES = ("actions", "delivery", "budget", "projects")
"""The tables a plan's blocks make rows of (block_types.py), in the order its downloads list them."""


def tables_of(plan: m.Plan) -> list[str]:
    """The tables of a plan's downloads: every item (for every plan), then those it has rows in (actions,
    delivery, budget, projects, updates)."""
    made = {block_type(block).table for section in plan.sections for block in section.blocks}
    found = [ITEMS_TABLE] + [table for table in BLOCK_TABLES if table in made]
    return found + (["updates"] if any(item.item.updates for item in _items(plan)) else [])
