"""Each plan as JSON: the validated model in a stable, versioned envelope, with the table of every item.

Version 1.1 added `items`: every item of the plan as the items CSV gives it (dictionary.py), the
same values, so that the two downloads agree; a month where the source gives only the month.
"""

from __future__ import annotations

import dataclasses
import json

from ..addresses import SCHEMA_PATH, plan_json_path
from ..catalogue import Catalogue, PlanFile
from ..items import item_records
from ..progress import last_changed
from .licence import as_json, licence_of

FORMAT_VERSION = "1.1"


def plan_data(catalogue: Catalogue, plan_file: PlanFile, site_url: str) -> dict:
    plan = plan_file.plan
    changed = last_changed(plan)
    return {
        "format": "childrens-plans/plan",
        "version": FORMAT_VERSION,
        "schema": site_url + SCHEMA_PATH,
        "slug": plan_file.slug,
        "url": f"{site_url}plans/{plan_file.slug}/",
        "organisation": {"id": plan.organisation, "name": catalogue.organisations[plan.organisation].name},
        "licence": as_json(licence_of(catalogue, plan_file)),
        "last_updated": changed.isoformat() if changed else None,
        "items": [dataclasses.asdict(record) for record in item_records(plan, f"{site_url}plans/{plan_file.slug}/")],
        "plan": plan.model_dump(mode="json"),
    }


def plan_file_json(catalogue: Catalogue, plan_file: PlanFile, site_url: str) -> tuple[str, bytes]:
    """One plan's JSON file, by its path in the site."""
    # Compact, not indented: Python writes indented JSON in Python and compact JSON in C, ten
    # times faster; browsers and data tools lay it out for reading.
    data = json.dumps(plan_data(catalogue, plan_file, site_url), ensure_ascii=False).encode("utf-8")
    return plan_json_path(plan_file.slug), data


def plan_files(catalogue: Catalogue, plan_file: PlanFile, site_url: str) -> list[tuple[str, bytes]]:
    return [plan_file_json(catalogue, plan_file, site_url)]
