"""What each generated page shows: a template, the data it needs and its table of contents.

One pipeline for both audiences: every page kind is made for adults and young people alike,
and only templates and words differ. What one plan's own pages show, and what the site's pages take
from that plan, is worked out from the plan alone (`plan_views`); the site's pages from every plan's.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from ..catalogue import Catalogue, PlanFile
from .article_items import PlanItems
from .articles import article_pages, items_by_article, items_of_plan
from .citations import Citation, merged_citations, plan_citations
from .downloads import downloads_pages
from .indexes import index_pages
from .organisations import organisation_pages
from .page import PageView
from .plans import Redirect, pages_of_plan, redirects
from .progress import living_context, progress_pages_of_plan, updates_pages
from .rollups import site_rollup
from .search import search_pages

__all__ = ["Citation", "PageView", "PlanViews", "Redirect", "all_pages", "plan_views", "redirects"]


@dataclass(frozen=True)
class PlanViews:
    """One plan's part of the site: its own pages, and what the site's pages take from it. Made from the
    plan, its organisation, the Convention and the day alone."""

    living: dict[str, Any]
    """Its progress, as its pages show it (living_context)."""
    citations: dict[int, list[Citation]]
    """Its items that cite each article, by the article's number."""
    article_items: dict[int, PlanItems]
    """What it says about each article it cites, as the article's page shows it."""
    pages: list[PageView]
    """Its page for adults and for young people."""
    progress_pages: list[PageView]
    """Its progress pages, if it reports progress."""


def plan_views(catalogue: Catalogue, plan_file: PlanFile, today: datetime.date) -> PlanViews:
    living = living_context(plan_file)
    cited = plan_citations(plan_file)
    return PlanViews(
        living,
        cited,
        items_of_plan(catalogue, plan_file, cited),
        pages_of_plan(catalogue, plan_file, sorted(cited), living, today),
        progress_pages_of_plan(catalogue, plan_file, living, today),
    )


def all_pages(catalogue: Catalogue, plans: list[PlanViews] | None = None) -> list[PageView]:
    """Every page the data makes, for both audiences; `plans` is each plan's plan_views, in the
    catalogue's order (made here when not given)."""
    if plans is None:
        today = datetime.date.today()
        plans = [plan_views(catalogue, plan_file, today) for plan_file in catalogue.plans]
    index = merged_citations(views.citations for views in plans)
    living = {plan_file.slug: views.living for plan_file, views in zip(catalogue.plans, plans)}
    rollup = site_rollup(catalogue, living)
    return (
        index_pages(catalogue, index, rollup)
        + organisation_pages(catalogue, living)
        + [page for views in plans for page in views.pages]
        + article_pages(catalogue, items_by_article(views.article_items for views in plans))
        + search_pages(catalogue)
        + [page for views in plans for page in views.progress_pages]
        + updates_pages(catalogue, rollup, living)
        + downloads_pages(catalogue)
    )
