"""The search pages, and what each page tells the search index about itself (its filters).

Filters come from the page's own data: the organisation, the plan, the kind of page, the UNCRC
articles it is about and its audience. Young-people search pages look in young-people pages first.
"""

from __future__ import annotations

from .. import model as m
from ..addresses import audience_of, search_path
from ..catalogue import Catalogue
from .contexts import ArticlePage, OrganisationPage, PlanContext, SearchPage
from .page import PageView

ADULT, YOUNG = m.Audience.ADULT, m.Audience.YOUNG_PEOPLE

# The kinds of page, as the filter names them.
PLAN, ARTICLE, ORGANISATION, GUIDE = "Plan", "UNCRC article", "Organisation", "Guide"
AUDIENCES = {ADULT: "For adults", YOUNG: "For young people"}


def plan_name(plan_file, catalogue: Catalogue) -> str:  # noqa: ANN001 - a PlanFile
    """A plan as the plan filter names it: organisation's short name, then the title."""
    return f"{catalogue.organisations[plan_file.plan.organisation].short_label} {plan_file.plan.title}"


# The kinds of page as young people's search page names them (the values stay the filter's).
YOUNG_KINDS = {PLAN: "Plan", ARTICLE: "Right", ORGANISATION: "Group that makes plans", GUIDE: "Other page"}


def search_pages(catalogue: Catalogue) -> list[PageView]:
    """A search page for each audience, with the choices of every filter: (value, words) pairs,
    the words in the page's audience's (young people's titles of plans and articles)."""
    choices = {
        "organisations": sorted({o.name for o in catalogue.organisations.values()}),
        "plans": sorted((plan_name(p, catalogue),) * 2 for p in catalogue.plans),
        "kinds": [(kind, kind) for kind in (PLAN, ARTICLE, ORGANISATION, GUIDE)],
        "articles": [(a.number, a.title) for a in catalogue.convention.articles],
        "audiences": AUDIENCES,
    }
    young = {
        "plans": sorted(
            (
                (plan_name(p, catalogue), p.plan.young_people.title if p.plan.young_people else p.plan.title)
                for p in catalogue.plans
            ),
            key=lambda choice: choice[1],
        ),
        "kinds": list(YOUNG_KINDS.items()),
        "articles": [(a.number, a.young_people.title) for a in catalogue.convention.articles],
    }
    return [
        PageView(
            search_path(ADULT),
            "Search",
            "pages/search.html",
            ADULT,
            "Search every plan, article and page of this site.",
            SearchPage(**choices),
            counterpart=search_path(YOUNG),
        ),
        PageView(
            search_path(YOUNG),
            "Search",
            "pages/search.html",
            YOUNG,
            "Search the pages for young people.",
            SearchPage(**dict(choices, **young)),
            counterpart=search_path(ADULT),
        ),
    ]


def search_filters(view: PageView | None, url: str, catalogue: Catalogue) -> list[tuple[str, str]] | None:
    """The (filter, value) pairs a page is found by (a page not made from data is a guide), or None for
    a page that is not indexed: the search pages, and an article's page 2, 3... (the article is found
    by its first page, the items on their plans')."""
    if view is not None and (view.template == "pages/search.html" or getattr(view.context, "page_number", 1) > 1):
        return None
    audience = view.audience if view else audience_of(url)
    found = [("audience", AUDIENCES[audience])]
    if view is None:
        return found + [("kind", GUIDE)]
    context = view.context
    if isinstance(context, PlanContext):
        found += [
            ("kind", PLAN),
            ("organisation", context.organisation.name),
            ("plan", plan_name(context.plan_file, catalogue)),
        ]
        found += [("article", f"Article {a.number}") for a in context.articles]
    elif isinstance(context, ArticlePage):
        found += [("kind", ARTICLE), ("article", f"Article {context.article.number}")]
        found += [("plan", name) for name in context.plans]
    elif isinstance(context, OrganisationPage):
        found += [("kind", ORGANISATION), ("organisation", context.organisation.name)]
    else:
        found += [("kind", GUIDE)]
    return found
