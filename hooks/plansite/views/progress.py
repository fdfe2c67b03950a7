"""The pages about progress: each plan's progress page and the site's latest updates, for both audiences."""

from __future__ import annotations

import datetime
from typing import Any

from .. import model as m
from ..addresses import (
    SITE_FEED,
    article_feed,
    csv_path,
    organisation_feed,
    plan_json_path,
    plan_path,
    progress_path,
    updates_path,
)
from ..block_types import blocks_of
from ..catalogue import Catalogue, PlanFile
from ..progress import (
    Change,
    by_status,
    changes,
    has_progress_page,
    last_changed,
    progress_items,
    said_for,
    summary,
    tables_of,
    you_said,
)
from .contexts import PageContext, ProgressPage, UpdatesPage
from .organisations import has_ended
from .page import PageView
from .rollups import Rollup

ADULT, YOUNG = m.Audience.ADULT, m.Audience.YOUNG_PEOPLE
LATEST_COUNT = 50


def living_context(plan_file: PlanFile) -> dict[str, Any]:
    """What a plan's pages show of its progress: items, summary, change log and the date it last changed."""
    items = progress_items(plan_file.plan)
    said = you_said(plan_file.plan)
    return {
        "progress_items": items,
        "summary": summary(items),
        "status_groups": by_status(items),
        "said": said,
        "said_by_id": {story.anchor: story for story in said if story.anchor},
        "said_for": said_for(plan_file.plan),
        "changes": changes(plan_file.slug, plan_file.plan),
        "last_updated": last_changed(plan_file.plan),
        "downloads": plan_downloads(plan_file),
        "budgets": [(s.id, b) for s, b in blocks_of(plan_file.plan, "budget") if b.total.lines],
    }


def progress_pages_of_plan(
    catalogue: Catalogue, plan_file: PlanFile, context: dict[str, Any], today: datetime.date
) -> list[PageView]:
    """A plan's progress pages (none if it reports no progress): from the plan, its organisation, its
    living_context and the day alone."""
    pages = []
    if has_progress_page(plan_file.slug, plan_file.plan):
        plan = plan_file.plan
        organisation = catalogue.organisations[plan.organisation]
        # Found by search as a page of the plan; the plan page itself carries the plan's articles.
        ended = has_ended(plan.period, today)
        common = dict(context, plan_file=plan_file, plan=plan, organisation=organisation, articles=[], ended=ended)
        for audience in (ADULT, YOUNG):
            other = YOUNG if audience is ADULT else ADULT
            if audience is ADULT:
                title = f"Progress: {organisation.short_label} {plan.title}"
                description = (
                    f"How each promise of the {organisation.short_label} {plan.title} is going, and what changed."
                )
                toc = [(2, "summary", "Summary")] + ([(2, "items", "Every item")] if context["status_groups"] else [])
                toc += [(2, "you-said", "What children said, and what was done")] if context["said"] else []
                toc += [(2, "changes", "What changed")]
            else:
                name = plan.young_people.title if plan.young_people else plan.title
                title = f"What we promised, what we did: {name}"
                description = "What this plan promised, and how each promise is going, in plain words."
                toc = [(2, "summary", "How it is going")]
                toc += [(2, "items", "Each promise")] if context["status_groups"] else []
                toc += [(2, "you-said", "What you told us, and what happened")] if context["said"] else []
                toc += [(2, "changes", "What changed")]
            pages.append(
                PageView(
                    progress_path(plan_file.slug, audience),
                    title,
                    "pages/progress.html",
                    audience,
                    description,
                    ProgressPage(**common, plan_page=plan_path(plan_file.slug, audience)),
                    toc,
                    counterpart=progress_path(plan_file.slug, other),
                )
            )
    return pages


def updates_pages(catalogue: Catalogue, rollup: Rollup, living: dict[str, dict[str, Any]]) -> list[PageView]:
    """The latest updates across the site, for adults and for young people; `living` is each plan's
    living_context, by slug."""
    pages = []
    latest = {
        "changes": latest_changes(catalogue, living),
        "rollup": rollup,
        "plan_titles": {
            p.slug: (
                f"{catalogue.organisations[p.plan.organisation].short_label} {p.plan.title}",
                p.plan.young_people.title if p.plan.young_people else p.plan.title,
            )
            for p in catalogue.plans
        },
    }
    for audience in (ADULT, YOUNG):
        other = YOUNG if audience is ADULT else ADULT
        pages.append(
            PageView(
                updates_path(audience),
                "Latest updates" if audience is ADULT else "What is new",
                "pages/updates.html",
                audience,
                "The latest progress updates and changes in every plan on this site."
                if audience is ADULT
                else "What is new in the plans: what got done, and what is late.",
                UpdatesPage(**latest),
                [(2, "how-the-promises-stand", "How the promises stand"), (2, "latest", "Latest updates")]
                if audience is ADULT
                else [(2, "how-the-promises-stand", "How the promises are going"), (2, "latest", "What is new")],
                counterpart=updates_path(other),
            )
        )
    return pages


def latest_changes(catalogue: Catalogue, living: dict[str, dict[str, Any]]) -> list[Change]:
    """The newest entries of every plan's change log (in its living_context), newest first."""
    found = [change for plan_file in catalogue.plans for change in living[plan_file.slug]["changes"]]
    return sorted(found, key=lambda change: (change.date, change.plan_slug), reverse=True)[:LATEST_COUNT]


def feeds_for(context: PageContext) -> list[tuple[str, str]]:
    """The Atom feeds a page may offer with <link rel="alternate">: (title, path in the site); the build links
    those that were written (a feed without entries is not: outputs/atom.py)."""
    found = [("Latest updates from every plan", SITE_FEED)]
    organisation = getattr(context, "organisation", None)
    if organisation is not None:
        found.append((f"Latest updates from the {organisation.name}", organisation_feed(organisation.id)))
    article = getattr(context, "article", None)
    if article is not None:
        found.append((f"Plans and progress on Article {article.number}", article_feed(article.number)))
    return found


TABLE_TITLES = {
    "items": "Every item, with its owner and status (CSV)",
    "actions": "Action plan table (CSV)",
    "delivery": "What we will deliver table (CSV)",
    "budget": "Budget table (CSV)",
    "projects": "Projects table (CSV)",
    "updates": "Progress updates table (CSV)",
}


def plan_downloads(plan_file: PlanFile) -> list[tuple[str, str]]:
    """The downloads of one plan, as (what it is, path in the site): the whole plan, then its tables, every
    item first."""
    found = [("The whole plan (JSON)", plan_json_path(plan_file.slug))]
    found += [(TABLE_TITLES[table], csv_path(plan_file.slug, table)) for table in tables_of(plan_file.plan)]
    return found
