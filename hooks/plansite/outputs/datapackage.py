"""A Frictionless Data Package describing every download: each table's columns, units and licence."""

from __future__ import annotations

import json

from ..addresses import DOWNLOADS as ROOT
from ..addresses import PACKAGE_PATH, SCHEMA_PATH, csv_path, plan_json_path
from ..catalogue import Catalogue
from .licence import as_json, licence_of
from .plan_json import FORMAT_VERSION
from .tables_csv import TABLES, plan_tables


def _field(field) -> dict:
    described = {"name": field.name, "type": field.type, "description": field.description}
    if field.unit:
        described["unit"] = field.unit  # a property of our own: money is in pounds sterling
        described["bareNumber"] = True
    return described


def package(catalogue: Catalogue, site_url: str) -> dict:
    resources = []
    for plan_file in catalogue.plans:
        licence = [as_json(licence_of(catalogue, plan_file))]
        title = plan_file.plan.title
        organisation = catalogue.organisations[plan_file.plan.organisation].short_label
        resources.append(
            {
                "name": f"{plan_file.slug}-plan",
                "path": plan_json_path(plan_file.slug).removeprefix(ROOT),
                "title": f"{organisation} {title}: the whole plan",
                "description": (
                    f"The whole plan as JSON, format version {FORMAT_VERSION}; its 'plan' member follows "
                    f"the JSON Schema at {SCHEMA_PATH.removeprefix(ROOT)}."
                ),
                "format": "json",
                "mediatype": "application/json",
                "encoding": "utf-8",
                "licenses": licence,
            }
        )
        for table in plan_tables(plan_file):
            description, fields = TABLES[table]
            resources.append(
                {
                    "name": f"{plan_file.slug}-{table}",
                    "path": csv_path(plan_file.slug, table).removeprefix(ROOT),
                    "title": f"{organisation} {title}: {table}",
                    "description": (
                        f"{description}. Money is in pounds sterling (GBP) as whole numbers; dates are ISO 8601. "
                        "A text that would start with =, +, -, @, a tab or a carriage return starts with ' instead, so "
                        "that no spreadsheet reads it as a formula."
                    ),
                    "format": "csv",
                    "mediatype": "text/csv",
                    "encoding": "utf-8",
                    "licenses": licence,
                    "schema": {"fields": [_field(f) for f in fields]},
                }
            )
    return {
        "name": "childrens-organisations-plans",
        "title": "Children's organisations' plans",
        "description": (
            "The plans published on this site as open data: each plan as JSON and each of its tables as CSV."
        ),
        "homepage": site_url,
        "version": FORMAT_VERSION,
        # In a fixed order: a set of two licences would come out in either order, build to build.
        "licenses": [
            as_json(licence)
            for licence in sorted({o.licence for o in catalogue.organisations.values()}, key=lambda x: x.url)
        ],
        "resources": resources,
    }


def files(catalogue: Catalogue, site_url: str) -> list[tuple[str, bytes]]:
    return [(PACKAGE_PATH, json.dumps(package(catalogue, site_url), ensure_ascii=False, indent=2).encode("utf-8"))]
