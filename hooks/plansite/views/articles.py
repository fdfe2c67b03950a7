"""The UNCRC article pages: what each article says, and every plan item that cites it, for both audiences."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from .. import model as m
from ..addresses import PLANS_PER_PAGE, article_path
from ..catalogue import Catalogue, PlanFile
from ..texts.rendering import excerpt
from .article_items import PlanItems, plan_items
from .citations import Citation
from .contexts import ArticlePage
from .page import PageView
from .search import plan_name

ADULT, YOUNG = m.Audience.ADULT, m.Audience.YOUNG_PEOPLE


# An article's page lists at most this many plans, with every item of each that cites it; the
# rest go on its page 2, 3... (a thousand plans citing one article would make a page of megabytes).


def items_of_plan(catalogue: Catalogue, plan_file: PlanFile, cited: dict[int, list[Citation]]) -> dict[int, PlanItems]:
    """What one plan says about each article it cites, as the article's page shows it."""
    organisation = catalogue.organisations[plan_file.plan.organisation]
    return {number: plan_items(plan_file, organisation, items, number) for number, items in sorted(cited.items())}


def items_by_article(each_plan: Iterable[dict[int, PlanItems]]) -> dict[int, list[PlanItems]]:
    """Every plan's items for each article, plan by plan in the order given."""
    found: dict[int, list[PlanItems]] = defaultdict(list)
    for plan in each_plan:
        for number, items in plan.items():
            found[number].append(items)
    return found


def article_pages(catalogue: Catalogue, by_article: dict[int, list[PlanItems]]) -> list[PageView]:
    """Each article's pages for both audiences; `by_article` is items_by_article of every plan."""
    pages = []
    articles = catalogue.convention.articles
    clusters = {c.id: c for c in catalogue.convention.clusters}
    for position, article in enumerate(articles):
        found = by_article.get(article.number, [])
        shares = [found[start : start + PLANS_PER_PAGE] for start in range(0, len(found), PLANS_PER_PAGE)] or [[]]
        context = {
            "article": article,
            "cluster": clusters[article.cluster],
            "source": catalogue.convention.source,
            "previous": articles[position - 1] if position else None,
            "next": articles[position + 1] if position + 1 < len(articles) else None,
            "plans": tuple(plan_name(items.plan_file, catalogue) for items in found),
        }
        for audience in (ADULT, YOUNG):
            title = f"Article {article.number}: " + (article.title if audience is ADULT else article.young_people.title)
            other = YOUNG if audience is ADULT else ADULT
            # Each page's address, with the numbers of its first and last plan.
            page_links = [
                (
                    article_path(article.number, audience, index + 1),
                    index * PLANS_PER_PAGE + 1,
                    index * PLANS_PER_PAGE + len(share),
                )
                for index, share in enumerate(shares)
            ]
            for number, (share, (path, _, _)) in enumerate(zip(shares, page_links), start=1):
                pages.append(
                    PageView(
                        path,
                        title if number == 1 else f"{title} (page {number} of {len(shares)})",
                        "pages/article.html",
                        audience,
                        excerpt(article.summary if audience is ADULT else article.young_people.summary, 40),
                        ArticlePage(**context, by_plan=share, page_number=number, page_links=page_links),
                        counterpart=article_path(article.number, other, number),
                    )
                )
    return pages
