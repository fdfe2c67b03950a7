"""The UNCRC article pages: what each article says, and every plan item that cites it, for both audiences."""

from __future__ import annotations

from collections import defaultdict

from .. import model as m
from ..addresses import PLANS_PER_PAGE, article_path
from ..catalogue import Catalogue
from ..texts.rendering import excerpt
from .article_items import plan_items
from .citations import Citation
from .contexts import ArticlePage
from .page import PageView

ADULT, YOUNG = m.Audience.ADULT, m.Audience.YOUNG_PEOPLE


# An article's page lists at most this many plans, with every item of each that cites it; the
# rest go on its page 2, 3... (a thousand plans citing one article would make a page of megabytes).


def article_pages(catalogue: Catalogue, index: dict[int, list[Citation]]) -> list[PageView]:
    pages = []
    articles = catalogue.convention.articles
    clusters = {c.id: c for c in catalogue.convention.clusters}
    for position, article in enumerate(articles):
        by_plan: dict[str, list[Citation]] = defaultdict(list)
        for citation in index.get(article.number, []):
            by_plan[citation.plan.slug].append(citation)
        found = [
            plan_items(
                catalogue.plan(slug),
                catalogue.organisations[catalogue.plan(slug).plan.organisation],
                items,
                article.number,
            )
            for slug, items in by_plan.items()
        ]
        shares = [found[start : start + PLANS_PER_PAGE] for start in range(0, len(found), PLANS_PER_PAGE)] or [[]]
        context = {
            "article": article,
            "cluster": clusters[article.cluster],
            "source": catalogue.convention.source,
            "previous": articles[position - 1] if position else None,
            "next": articles[position + 1] if position + 1 < len(articles) else None,
            "all_by_plan": found,
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
