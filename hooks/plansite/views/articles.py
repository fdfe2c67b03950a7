"""The UNCRC article pages: what each article says, and every plan item that cites it, for both audiences."""

from __future__ import annotations

from collections import defaultdict

from .. import model as m
from ..catalogue import Catalogue
from ..paths import article_path
from .article_items import plan_items
from .citations import Citation
from .page import PageView, excerpt

ADULT, YOUNG = m.Audience.ADULT, m.Audience.YOUNG_PEOPLE


def article_pages(catalogue: Catalogue, index: dict[int, list[Citation]]) -> list[PageView]:
    pages = []
    articles = catalogue.convention.articles
    clusters = {c.id: c for c in catalogue.convention.clusters}
    for position, article in enumerate(articles):
        by_plan: dict[str, list[Citation]] = defaultdict(list)
        for citation in index.get(article.number, []):
            by_plan[citation.plan.slug].append(citation)
        context = {
            "article": article,
            "cluster": clusters[article.cluster],
            "source": catalogue.convention.source,
            "previous": articles[position - 1] if position else None,
            "next": articles[position + 1] if position + 1 < len(articles) else None,
            "by_plan": [plan_items(catalogue.plan(slug), catalogue.organisations[catalogue.plan(slug).plan.organisation], items, article.number) for slug, items in by_plan.items()],
        }
        for audience in (ADULT, YOUNG):
            title = f"Article {article.number}: " + (article.title if audience is ADULT else article.young_people.title)
            other = YOUNG if audience is ADULT else ADULT
            pages.append(
                PageView(
                    article_path(article.number, audience), title, "pages/article.html", audience,
                    excerpt(article.summary if audience is ADULT else article.young_people.summary, 40),
                    dict(context), counterpart=article_path(article.number, other),
                )
            )
    return pages
