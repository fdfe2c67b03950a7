"""Roll-ups: how the promises stand across several plans (an organisation's, or the whole site's), counted
by status, each plan or organisation on a row of its own."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..catalogue import Catalogue, PlanFile
from ..progress import Summary, combined


@dataclass(frozen=True)
class RollupRow:
    """One line of a roll-up: a plan (linking to its progress page) or an organisation (to its roll-up)."""

    title: str
    young_title: str
    summary: Summary
    plan_slug: str | None = None
    organisation_id: str | None = None


@dataclass(frozen=True)
class Rollup:
    """How the promises of several plans stand: all their counts together, and each plan's or organisation's.

    `where` ends the adult sentence ('Of the 12 items in its plans...'); `who` starts the young
    people's ('The plans of this group made 12 promises...').
    """

    summary: Summary | None
    rows: list[RollupRow]
    where: str
    who: str


def plans_rollup(plan_files: list[PlanFile], living: dict[str, dict[str, Any]], where: str, who: str) -> Rollup:
    """The roll-up of some plans, a row for each that reports progress, in the order given; `living` is
    each plan's living_context, by slug."""
    rows = []
    for plan_file in plan_files:
        found = living[plan_file.slug]["summary"]
        if found is not None:
            plan = plan_file.plan
            young = plan.young_people.title if plan.young_people else plan.title
            rows.append(RollupRow(plan.title, young, found, plan_slug=plan_file.slug))
    return Rollup(combined([row.summary for row in rows]), rows, where, who)


def site_rollup(catalogue: Catalogue, living: dict[str, dict[str, Any]]) -> Rollup:
    """The roll-up of every plan on the site, a row for each organisation whose plans report progress."""
    own: dict[str, list[Summary]] = {}
    for plan_file in catalogue.plans:
        found = living[plan_file.slug]["summary"]
        if found is not None:
            own.setdefault(plan_file.plan.organisation, []).append(found)
    rows = []
    for organisation in catalogue.organisations.values():
        found = combined(own.get(organisation.id, []))
        if found is not None:
            rows.append(RollupRow(organisation.name, organisation.name, found, organisation_id=organisation.id))
    return Rollup(combined([row.summary for row in rows]), rows, "in the plans on this site", "The plans on this site")
