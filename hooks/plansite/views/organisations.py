"""Organisation pages: what each organisation is, and all of its plans on the site, current and past.

One page for adults and one for young people, each linking to the other; young people read the
organisation's young-people text and are sent to the young-people version of each plan.
"""

from __future__ import annotations

import datetime
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from .. import model as m
from ..addresses import organisation_path
from ..catalogue import Catalogue, PlanFile
from ..texts.rendering import excerpt
from .contexts import OrganisationPage
from .page import PageView
from .rollups import plans_rollup
from .words import with_the

ADULT, YOUNG = m.Audience.ADULT, m.Audience.YOUNG_PEOPLE


def last_year(period: str) -> int | None:
    """The last year a plan's period names: '2024-27' is 2027, 'June 2014 – May 2015' is 2015, '2012/13' is 2013."""
    years = [(match.start(), int(match.group())) for match in re.finditer(r"(?<!\d)(19|20)\d\d(?!\d)", period)]
    if not years:
        return None
    position, year = years[-1]
    short = re.match(r"\s*[-–/]\s*(\d\d)(?!\d)", period[position + 4 :])
    return year // 100 * 100 + int(short.group(1)) if short else year


def has_ended(period: str, today: datetime.date) -> bool:
    """Whether a plan's period is over: its last year is before this one. A period without a
    year cannot be placed in time, and never ends."""
    year = last_year(period)
    return year is not None and year < today.year


@dataclass(frozen=True)
class OrganisationPlans:
    """An organisation's plans on the site, newest first: those still running and those that have ended."""

    current: list[PlanFile]
    past: list[PlanFile]


def plans_of(plans: list[PlanFile], today: datetime.date) -> OrganisationPlans:
    """One organisation's plans (`plans`, in the catalogue's order) sorted and shared out."""
    plans = sorted(plans, key=lambda p: (last_year(p.plan.period) or 0, p.plan.period), reverse=True)
    current = [p for p in plans if not has_ended(p.plan.period, today)]
    return OrganisationPlans(current, [p for p in plans if p not in current])


def organisation_pages(
    catalogue: Catalogue, living: dict[str, dict[str, Any]], today: datetime.date | None = None
) -> list[PageView]:
    """Two pages for each organisation with a plan on the site; `living` is each plan's living_context, by slug."""
    today = today or datetime.date.today()
    by_organisation: dict[str, list[PlanFile]] = defaultdict(list)
    for plan_file in catalogue.plans:
        by_organisation[plan_file.plan.organisation].append(plan_file)
    pages = []
    for organisation in catalogue.organisations.values():
        plans = plans_of(by_organisation[organisation.id], today)
        if not plans.current and not plans.past:
            continue
        name = with_the(organisation.name, organisation.takes_the)
        context = OrganisationPage(
            organisation,
            plans,
            plans_rollup(plans.current + plans.past, living, f"in the plans of {name}", f"The plans of {name}"),
        )
        adult, young = organisation_path(organisation.id, ADULT), organisation_path(organisation.id, YOUNG)
        pages += [
            PageView(
                adult,
                organisation.name,
                "pages/organisation.html",
                ADULT,
                excerpt(organisation.about, 40),
                context,
                counterpart=young,
            ),
            PageView(
                young,
                organisation.name,
                "pages/organisation.html",
                YOUNG,
                excerpt(organisation.young_people.text, 40),
                context,
                counterpart=adult,
            ),
        ]
    return pages
