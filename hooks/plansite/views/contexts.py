"""What each kind of page gives its template besides the page itself: one typed record per page kind.

The templates read these values by name (`plan`, `summary`, `by_plan`...): `values()` hands them
over, and a name a template asks for that its page kind does not have is Jinja's undefined, never
another page's value.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, fields
from typing import Any

from .. import model as m


@dataclass(frozen=True)
class PageContext:
    """The values a page's template is drawn with."""

    def values(self) -> dict[str, Any]:
        """The values by name, as the template reads them (not copied: the views own them)."""
        return {f.name: getattr(self, f.name) for f in fields(self)}


# --- A plan's pages -----------------------------------------------------------------------------


@dataclass(frozen=True)
class PlanContext(PageContext):
    """What every page of one plan shows: the plan, its organisation, the articles it cites, its
    progress (views/progress.py), its downloads and its budgets."""

    plan_file: Any
    plan: m.Plan
    organisation: m.Organisation
    articles: list[m.Article]
    ended: bool
    """Whether the plan's period is over (it is then spoken of in the past)."""
    progress_items: list
    summary: Any
    status_groups: list
    """The items that report progress, grouped by their current status (progress.by_status)."""
    said: list
    """What children said (each "you said" item) and the commitments that answer it (progress.you_said)."""
    said_by_id: dict
    said_for: dict
    """For each commitment's anchor, the "you said" items it answers."""
    changes: list
    last_updated: datetime.date | None
    downloads: list[tuple[str, str]]
    budgets: list[tuple[str, m.BudgetBlock]]


@dataclass(frozen=True)
class AdultPlanPage(PlanContext):
    folded: dict[str, str]
    """The sections that start folded, with their size in words (views/folding.py)."""
    own_numbers: bool
    """Whether the plan numbers its sections itself: its contents then adds no numbers."""


@dataclass(frozen=True)
class YoungPlanPage(PlanContext):
    parts: list
    """The parts of the page, in order (views/young_plan.py)."""
    section_budgets: dict[str, list[m.BudgetBlock]]
    written_for_age: int
    whole_plan: bool
    """Whether every section has a young-people text: the page is the whole plan in easy words."""


@dataclass(frozen=True)
class ProgressPage(PlanContext):
    plan_page: str
    """The source path of the plan's own page in the same audience."""


# --- The other pages ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ArticlePage(PageContext):
    article: m.Article
    cluster: Any
    source: Any
    previous: m.Article | None
    next: m.Article | None
    plans: tuple[str, ...]
    """Every plan that cites the article, by the name the search's plan filter gives it: on each of
    the article's pages, which changes only when one of them joins, leaves or is renamed."""
    by_plan: list
    """The plans on this page (of fifty at most), each with what it says or does about the article."""
    page_number: int
    page_links: list


@dataclass(frozen=True)
class OrganisationPage(PageContext):
    organisation: m.Organisation
    plans: Any
    rollup: Any
    """How the promises of its plans stand (views/rollups.py)."""


@dataclass(frozen=True)
class HomePage(PageContext):
    by_organisation: list
    directory: Any
    left_out: list
    plan_count: int
    rollup: Any
    """How the promises of every plan on the site stand (views/rollups.py)."""
    by_kind: list | None = None
    """On the list of all plans: the plans by kind."""


@dataclass(frozen=True)
class UncrcPage(PageContext):
    clusters: list
    convention: m.Convention
    counts: dict
    principles: tuple
    related_counts: dict
    uncovered: list


@dataclass(frozen=True)
class GlossaryPage(PageContext):
    terms: list[m.GlossaryTerm]


@dataclass(frozen=True)
class SearchPage(PageContext):
    """The choices of every filter of a search page: (value, words) pairs."""

    articles: list
    audiences: dict
    kinds: list
    organisations: list
    plans: list


@dataclass(frozen=True)
class UpdatesPage(PageContext):
    changes: list
    rollup: Any
    plan_titles: dict


@dataclass(frozen=True)
class DownloadsPage(PageContext):
    """The open-data page: every download described, column by column (dictionary.py)."""

    tables: dict
    units_note: str
    package_path: str
    schema_path: str
    site_feed: str
    example: Any
    """A plan whose downloads the page shows as an example (None while the site has no plan)."""
    example_organisation: str
