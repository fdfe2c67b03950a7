"""What each generated page shows: a template, the data it needs and its table of contents.

One pipeline for both audiences: every function takes the audience and the page list is the
same shape for adults and young people; only templates and words differ.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Iterator

from . import model as m
from .catalogue import Catalogue, PlanFile
from .checks import anchor_of, row_anchors
from .history import last_changed

ADULT, YOUNG = m.Audience.ADULT, m.Audience.YOUNG_PEOPLE


@dataclass(frozen=True)
class Citation:
    """A plan item that cites an article (or to which the site's editors related one)."""

    plan: PlanFile
    article: int
    anchor: str
    label: str
    excerpt: str
    related: bool


@dataclass
class PageView:
    """A page made from data: where it goes, what it is called and how it is drawn."""

    path: str
    title: str
    template: str
    audience: m.Audience
    description: str
    context: dict[str, Any] = field(default_factory=dict)
    toc: list[tuple[int, str, str]] = field(default_factory=list)
    counterpart: str | None = None

    @property
    def url(self) -> str:
        return url_of(self.path)


def plan_path(slug: str, audience: m.Audience) -> str:
    return f"{audience.prefix}plans/{slug}.md"


def article_path(number: int, audience: m.Audience) -> str:
    return f"{audience.prefix}uncrc/article-{number}.md"


def term_anchor(term: str) -> str:
    """The #anchor of a glossary entry: 'S 10' becomes 'term-s-10'."""
    return "term-" + (re.sub(r"[^a-z0-9]+", "-", term.lower()).strip("-") or "x")


def url_of(path: str) -> str:
    """A page's URL relative to the site root, as MkDocs makes it with directory URLs."""
    if path == "index.md":
        return ""
    return re.sub(r"(index)?\.md$", "", path).rstrip("/") + "/"


# --- Citations -------------------------------------------------------------------------------


def _plain(text: str, words: int = 24) -> str:
    """A short plain-text excerpt of a Markdown text."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"[*_`#>]", "", " ".join(text.split()))
    parts = text.split(" ")
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def label_of(item: Any, context: str) -> tuple[str, str]:
    """How a citing item is named on an article page: a label and an excerpt of its words."""
    if isinstance(item, m.Aim):
        return f"Strategic aim {item.ref}", _plain(item.text)
    if isinstance(item, m.AimGroup):
        return f"Strategic priority {item.ref}", item.title
    if isinstance(item, m.Priority):
        return (f"Priority {item.ref}" if item.ref else "Priority"), item.title
    if isinstance(item, m.Project):
        return f"Project ({', '.join(item.aims)})", item.title
    if isinstance(item, m.ActionRow):
        first = (item.priority or item.target or item.outcome or item.activity or item.milestone or [""])[0]
        return f"Action: {context}", _plain(first)
    if isinstance(item, m.ActionGroup):
        return "Action plan", item.title
    if isinstance(item, m.Statement):
        return context, f"{item.name}: {_plain(item.text, 16)}"
    if isinstance(item, m.DeliveryRow):
        return "Budgeted project", item.project
    if isinstance(item, m.TextBlock):
        return context, _plain(item.text)
    if isinstance(item, m.ListBlock):
        return context, _plain(item.intro or item.items[0])
    return context, getattr(item, "title", None) or ""


def _cited_items(obj: Any, anchor: str, context: str) -> Iterator[tuple[Any, str, str]]:
    """Every item inside obj that can cite articles, with the nearest anchor and a context label."""
    if isinstance(obj, m.ActionGroup):
        if obj.articles or obj.related_articles:
            yield obj, obj.id, obj.title
        for row, row_anchor in zip(obj.rows, row_anchors(obj)):
            yield from _cited_items(row, row_anchor, obj.title)
        return
    if isinstance(obj, m.Model):
        own = anchor_of(obj) or anchor
        title = getattr(obj, "title", None)
        inner_context = title if isinstance(title, str) and isinstance(obj, m.Block) else context
        if isinstance(obj, m.Cited) and (obj.articles or obj.related_articles):
            yield obj, own, inner_context
        for name in type(obj).model_fields:
            if name != "young_people":
                yield from _cited_items(getattr(obj, name), own, inner_context)
    elif isinstance(obj, list):
        for item in obj:
            yield from _cited_items(item, anchor, context)


def citations(catalogue: Catalogue) -> dict[int, list[Citation]]:
    """For each article, every plan item in every plan that cites it or is related to it."""
    found: dict[int, list[Citation]] = defaultdict(list)
    for plan_file in catalogue.plans:
        for section in plan_file.plan.sections:
            for item, anchor, context in _cited_items(section.blocks, section.id, section.title):
                label, excerpt = label_of(item, context)
                for number in item.articles:
                    found[number].append(Citation(plan_file, number, anchor, label, excerpt, related=False))
                for number in item.related_articles:
                    found[number].append(Citation(plan_file, number, anchor, label, excerpt, related=True))
    return found


def plan_articles(plan_file: PlanFile, index: dict[int, list[Citation]]) -> list[int]:
    """The articles one plan cites or relates to, in number order."""
    return sorted(n for n, items in index.items() if any(c.plan is plan_file for c in items))


# --- Page lists ------------------------------------------------------------------------------


@dataclass(frozen=True)
class PriorityList:
    """One list of a plan's priorities on its young-people page, with a heading and an intro."""

    id: str
    heading: str
    intro: str | None
    items: list[Any]


DEFAULT_HEADINGS = {m.PrioritiesBlock: "Our main goals", m.AimsBlock: "What we will work on", m.ActionPlanBlock: "Our action plan"}


def _priority_lists(plan: m.Plan) -> list[PriorityList]:
    """The plan's priorities as the young-people page lists them: one list per block, in document order.

    A section's own young-people text, when it has one, gives the list its heading and intro.
    """
    lists = []
    for section in plan.sections:
        for block in section.blocks:
            items = block.groups if isinstance(block, (m.AimsBlock, m.ActionPlanBlock)) else getattr(block, "items", None)
            if not isinstance(block, tuple(DEFAULT_HEADINGS)) or not items:
                continue
            young = section.young_people
            heading = (young.title if young and young.title else None) or DEFAULT_HEADINGS[type(block)]
            lists.append(PriorityList(f"do-{section.id}", heading, young.text if young else None, items))
    return lists


def _statuses(plan: m.Plan) -> list[tuple[str, m.Status | None]]:
    rows = []
    for section in plan.sections:
        for block in section.blocks:
            if isinstance(block, m.ActionPlanBlock) and "progress" in block.columns:
                rows += [(group.title, row.progress) for group in block.groups for row in group.rows]
    return rows


def _plan_toc(plan: m.Plan) -> list[tuple[int, str, str]]:
    return [(2, section.id, section.title) for section in plan.sections]


def plan_pages(catalogue: Catalogue, index: dict[int, list[Citation]]) -> list[PageView]:
    pages = []
    for plan_file in catalogue.plans:
        plan = plan_file.plan
        organisation = catalogue.organisations[plan.organisation]
        articles = [catalogue.articles[n] for n in plan_articles(plan_file, index)]
        common = {
            "plan_file": plan_file, "plan": plan, "organisation": organisation, "articles": articles,
            "last_updated": plan.last_updated or last_changed(plan_file.file),
        }
        adult, young = plan_path(plan_file.slug, ADULT), plan_path(plan_file.slug, YOUNG)
        pages.append(
            PageView(
                adult, f"{organisation.short_name} {plan.title}", "pages/plan.html", ADULT,
                _plain(plan.summary, 40), dict(common), _plan_toc(plan), counterpart=young,
            )
        )
        priority_lists = _priority_lists(plan)
        listed = {p.id for p in priority_lists}
        young_sections = [s for s in plan.sections if s.young_people and f"do-{s.id}" not in listed]
        statuses = _statuses(plan)
        young_toc = [(2, "who", "Who we are"), (2, "plans", "What we will do")]
        young_toc += [(3, p.id, p.heading) for p in priority_lists] if len(priority_lists) > 1 else []
        young_toc += [(2, "rights", "Your rights")] if articles else []
        young_toc += [(2, "involved", "How you can get involved")]
        young_toc += [(2, s.id, s.young_people.title or s.title) for s in young_sections]
        young_toc += [(2, "progress", "How it is going")] if statuses else []
        pages.append(
            PageView(
                young, plan.young_people.title if plan.young_people else plan.title, "pages/young-plan.html", YOUNG,
                _plain(plan.young_people.summary if plan.young_people else plan.summary, 40),
                dict(common, priority_lists=priority_lists, young_sections=young_sections, statuses=statuses),
                young_toc, counterpart=adult,
            )
        )
    return pages


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
            "previous": articles[position - 1] if position else None,
            "next": articles[position + 1] if position + 1 < len(articles) else None,
            "by_plan": [(catalogue.plan(slug), items) for slug, items in by_plan.items()],
        }
        for audience in (ADULT, YOUNG):
            title = f"Article {article.number}: " + (article.title if audience is ADULT else article.young_people.title)
            other = YOUNG if audience is ADULT else ADULT
            pages.append(
                PageView(
                    article_path(article.number, audience), title, "pages/article.html", audience,
                    _plain(article.summary if audience is ADULT else article.young_people.summary, 40),
                    dict(context), counterpart=article_path(article.number, other),
                )
            )
    return pages


GENERAL_PRINCIPLES = (2, 3, 6, 12)


def index_pages(catalogue: Catalogue, index: dict[int, list[Citation]]) -> list[PageView]:
    """Home pages, the UNCRC index, organisation pages and glossaries, for both audiences."""
    by_organisation = [
        (organisation, [p for p in catalogue.plans if p.plan.organisation == organisation.id])
        for organisation in catalogue.organisations.values()
    ]
    clusters = [
        (cluster, [a for a in catalogue.convention.articles if a.cluster == cluster.id])
        for cluster in catalogue.convention.clusters
    ]
    counts = {n: len({(c.plan.slug, c.anchor) for c in index.get(n, []) if not c.related}) for n in range(1, 55)}
    uncovered = [a for a in catalogue.convention.articles if not index.get(a.number)]
    uncrc = {"clusters": clusters, "counts": counts, "uncovered": uncovered, "principles": GENERAL_PRINCIPLES,
             "related_counts": {n: len([c for c in index.get(n, []) if c.related]) for n in range(1, 55)}}
    home = {"by_organisation": [(o, plans) for o, plans in by_organisation if plans], "left_out": catalogue.left_out}
    pages = [
        PageView("index.md", "Children's organisations' plans", "pages/home.html", ADULT,
                 "Business plans, strategic plans and participation strategies of children's organisations, in full and for young people.",
                 home, counterpart="young-people/index.md"),
        PageView("young-people/index.md", "Plans for young people", "pages/home.html", YOUNG,
                 "What children's organisations plan to do, written for young people.",
                 home, counterpart="index.md"),
        PageView("plans/index.md", "All plans", "pages/home.html", ADULT,
                 "Every plan on this site, by organisation.", home, counterpart="young-people/index.md"),
        PageView("uncrc/index.md", "The UN Convention on the Rights of the Child", "pages/uncrc.html", ADULT,
                 "All 54 articles of the UNCRC, and which plans work on each.", uncrc,
                 [(2, c.id, c.title) for c, _ in clusters] + [(2, "coverage", "Articles no plan addresses")],
                 counterpart="young-people/uncrc/index.md"),
        PageView("young-people/uncrc/index.md", "Your rights", "pages/uncrc.html", YOUNG,
                 "Your rights under the UN Convention on the Rights of the Child, in plain words.", uncrc,
                 [(2, c.id, c.young_people_title) for c, _ in clusters] + [(2, "coverage", "Rights no plan talks about")],
                 counterpart="uncrc/index.md"),
        PageView("glossary.md", "Glossary", "pages/glossary.html", ADULT,
                 "Abbreviations and terms used in the plans.", {"terms": catalogue.glossary}, counterpart="young-people/glossary.md"),
        PageView("young-people/glossary.md", "Words to know", "pages/glossary.html", YOUNG,
                 "Words from the plans, explained.",
                 {"terms": [t for t in catalogue.glossary if t.young_people]}, counterpart="glossary.md"),
    ]
    for organisation, plans in by_organisation:
        pages.append(
            PageView(f"organisations/{organisation.id}.md", organisation.name, "pages/organisation.html", ADULT,
                     _plain(organisation.about, 40), {"organisation": organisation, "plans": plans})
        )
    return pages


@dataclass(frozen=True)
class Redirect:
    """An old address of a renamed plan, sending readers on to the new one."""

    path: str
    target: str
    title: str


def redirects(catalogue: Catalogue) -> list[Redirect]:
    found = []
    for plan_file in catalogue.plans:
        for old in plan_file.plan.previous_slugs:
            for audience in (ADULT, YOUNG):
                new = url_of(plan_path(plan_file.slug, audience))
                found.append(Redirect(f"{audience.prefix}plans/{old}/index.html", new, plan_file.plan.title))
    return found


def all_pages(catalogue: Catalogue) -> list[PageView]:
    """Every page the data makes, for both audiences."""
    index = citations(catalogue)
    return index_pages(catalogue, index) + plan_pages(catalogue, index) + article_pages(catalogue, index)
