"""The plan pages: the full plan for adults and its young-people version, and redirects from old addresses."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from .. import model as m
from ..addresses import plan_path, redirect_path, url_of
from ..catalogue import Catalogue, PlanFile
from ..texts.rendering import excerpt
from . import young_plan
from .contexts import AdultPlanPage, YoungPlanPage
from .folding import folded_sections
from .organisations import has_ended
from .page import PageView
from .young_cards import without_repeats

ADULT, YOUNG = m.Audience.ADULT, m.Audience.YOUNG_PEOPLE


def _plan_toc(plan: m.Plan) -> list[tuple[int, str, str]]:
    return [(2, section.id, section.title) for section in plan.sections]


OWN_NUMBER = re.compile(
    r"\s*(?:\d{1,2}(?:\.\d{1,2})*[.):]?|[IVXL]+[.):]"
    r"|(?:part|section|chapter) (?:\d+|[IVXL]+|one|two|three|four|five|six|seven|eight|nine|ten)\b[.:]?)\s",
    re.IGNORECASE,
)
"""A title that starts with its own number, as sources number their parts: '2. What matters', 'Part one: ...'."""


def numbers_its_sections(plan: m.Plan) -> bool:
    """Whether the plan numbers its own sections in their titles: its contents then adds no numbers of its own,
    which would read '3. 2. What is important' (a list numbered 1, 2, 3 beside the plan's own numbers)."""
    return any(OWN_NUMBER.match(section.title + " ") for section in plan.sections)


# The youngest age the young-people version of a plan is written for, when the plan does not say
# ('Writing the young-people version' in the editors' guide: young people aged about 9 to 17);
# those pages are held to reading grade 6 at most, and 5 for the median page (check/reading.py).
WRITTEN_FOR_AGE = 9


def pages_of_plan(
    catalogue: Catalogue, plan_file: PlanFile, cited: list[int], living: dict, today: datetime.date
) -> list[PageView]:
    """One plan's page for adults and for young people: from the plan, its organisation, the articles it
    cites (`cited`, by number), its living_context and the day alone."""
    pages = []
    plan = plan_file.plan
    organisation = catalogue.organisations[plan.organisation]
    articles = [catalogue.articles[n] for n in cited]
    common = {
        "plan_file": plan_file,
        "plan": plan,
        "organisation": organisation,
        "articles": articles,
        "ended": has_ended(plan.period, today),
        **living,
    }
    adult, young = plan_path(plan_file.slug, ADULT), plan_path(plan_file.slug, YOUNG)
    progress_toc = [(2, "progress", "Progress")] if common["summary"] or common["changes"] or common["said"] else []
    pages.append(
        PageView(
            adult,
            f"{organisation.short_label} {plan.title}",
            "pages/plan.html",
            ADULT,
            excerpt(plan.summary, 40),
            AdultPlanPage(**common, folded=folded_sections(plan), own_numbers=numbers_its_sections(plan)),
            _plan_toc(plan) + progress_toc + [(2, "data", "Download this plan's data")],
            counterpart=young,
        )
    )
    parts = without_repeats(
        plan,
        young_plan.parts(
            plan,
            has_rights=bool(articles),
            has_progress=bool(common["summary"] or common["changes"] or common["said"]),
            ended=common["ended"],
        ),
    )
    # A budget shows for young people inside its section's own part, or in a part of its own.
    told = [part.id for part in parts if part.kind == "section"]  # in order: a page's fingerprint follows it
    section_budgets = {i: [b for at, b in common["budgets"] if at == i] for i in told}
    if any(at not in told for at, _ in common["budgets"]):
        money = young_plan.YoungPart("money", "Where the money goes", "section", icon=m.Icon.MONEY)
        section_budgets["money"] = [b for at, b in common["budgets"] if at not in told]
        parts.insert(next((i for i, p in enumerate(parts) if p.kind in ("progress", "involved")), len(parts)), money)
    young_toc = []
    for part in parts:
        young_toc.append((2, part.id, part.heading))
        young_toc += [(3, p.id, p.heading) for p in part.lists] if len(part.lists) > 1 else []
    pages.append(
        PageView(
            young,
            plan.young_people.title if plan.young_people else plan.title,
            "pages/young-plan.html",
            YOUNG,
            excerpt(plan.young_people.summary if plan.young_people else plan.summary, 40),
            YoungPlanPage(
                **common,
                parts=parts,
                section_budgets=section_budgets,
                written_for_age=(plan.young_people and plan.young_people.written_for_age) or WRITTEN_FOR_AGE,
                whole_plan=young_plan.tells_every_section(plan),
            ),
            young_toc,
            counterpart=adult,
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
