"""The licence of a plan's data: its organisation's, the Open Government Licence v3.0 unless it says otherwise."""

from __future__ import annotations

from .. import model as m
from ..catalogue import Catalogue, PlanFile


def licence_of(catalogue: Catalogue, plan_file: PlanFile) -> m.Licence:
    return catalogue.organisations[plan_file.plan.organisation].licence


def as_json(licence: m.Licence) -> dict[str, str]:
    """A licence as the Data Package standard writes one."""
    return {"title": licence.name, "path": licence.url, "name": licence_id(licence)}


def licence_id(licence: m.Licence) -> str:
    """The licence's SPDX identifier when it is a known licence, else 'other'."""
    return next((code for code, known in m.KNOWN_LICENCES.items() if known.url == licence.url), "other")
