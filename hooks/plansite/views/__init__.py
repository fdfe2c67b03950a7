"""What each generated page shows: a template, the data it needs and its table of contents.

One pipeline for both audiences: every page kind is made for adults and young people alike,
and only templates and words differ.
"""

from __future__ import annotations

from ..catalogue import Catalogue
from .articles import article_pages
from .citations import Citation, citations
from .downloads import downloads_pages
from .indexes import index_pages
from .organisations import organisation_pages
from .page import PageView
from .plans import Redirect, plan_pages, redirects
from .progress import living_context, progress_pages
from .rollups import site_rollup
from .search import search_pages

__all__ = ["Citation", "PageView", "Redirect", "all_pages", "redirects"]


def all_pages(catalogue: Catalogue) -> list[PageView]:
    """Every page the data makes, for both audiences."""
    index = citations(catalogue)
    living = {plan_file.slug: living_context(plan_file) for plan_file in catalogue.plans}
    rollup = site_rollup(catalogue, living)
    return (
        index_pages(catalogue, index, rollup)
        + organisation_pages(catalogue)
        + plan_pages(catalogue, index, living)
        + article_pages(catalogue, index)
        + search_pages(catalogue)
        + progress_pages(catalogue, living, rollup)
        + downloads_pages(catalogue)
    )
