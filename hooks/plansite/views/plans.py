"""The plan pages: the full plan for adults and its young-people version, and redirects from old addresses."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .. import model as m
from ..catalogue import Catalogue
from ..paths import plan_path, redirect_path, url_of
from ..read.history import last_changed
from .blocks import block_view
from .citations import Citation, plan_articles
from .page import PageView, excerpt

ADULT, YOUNG = m.Audience.ADULT, m.Audience.YOUNG_PEOPLE


@dataclass(frozen=True)
class PriorityList:
    """One list of a plan's priorities on its young-people page, with a heading and an intro."""

    id: str
    heading: str
    intro: str | None
    items: list[Any]


def _priority_lists(plan: m.Plan) -> list[PriorityList]:
    """The plan's priorities as the young-people page lists them: one list per block, in document order.

    A section's own young-people text, when it has one, gives the list its heading and intro.
    """
    lists = []
    for section in plan.sections:
        for block in section.blocks:
            shown = block_view(block)
            items = getattr(block, shown.young_items, None)
            if shown.young_list is None or not items:
                continue
            young = section.young_people
            heading = (young.title if young and young.title else None) or shown.young_list
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
                excerpt(plan.summary, 40), dict(common), _plan_toc(plan), counterpart=young,
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
                excerpt(plan.young_people.summary if plan.young_people else plan.summary, 40),
                dict(common, priority_lists=priority_lists, young_sections=young_sections, statuses=statuses),
                young_toc, counterpart=adult,
            )
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
                found.append(Redirect(redirect_path(old, audience), new, plan_file.plan.title))
    return found
