"""A Frictionless Data Package describing every download: each table's columns, units and licence."""

from __future__ import annotations

import json

from ..addresses import DOWNLOADS as ROOT
from ..addresses import DOWNLOADS_PAGE, PACKAGE_PATH, SCHEMA_PATH, csv_path, plan_json_path, url_of
from ..catalogue import Catalogue, PlanFile
from ..dictionary import TABLES, UNITS_NOTE, Field
from ..progress import tables_of
from .licence import as_json, licence_of
from .plan_json import FORMAT_VERSION


def _field(field: Field) -> dict:
    # `unit` is a property of our own (Table Schema has none): every column's, money's in pounds sterling.
    described = {"name": field.name, "type": field.type, "description": field.description, "unit": field.unit}
    if field.type in ("integer", "number"):
        described["bareNumber"] = True
    constraints = {}
    if field.pattern:
        constraints["pattern"] = field.pattern
    if field.values:
        constraints["enum"] = list(field.values)
    if constraints:
        described["constraints"] = constraints
    return described


SCHEMAS = {name: {"fields": [_field(f) for f in table.fields], "missingValues": [""]} for name, table in TABLES.items()}
"""Each table's columns, described once: every CSV of the table is listed with its table's."""


def plan_resources(catalogue: Catalogue, plan_file: PlanFile) -> list[dict]:
    """One plan's downloads as the data package lists them: its JSON, then each of its CSVs."""
    licence = [as_json(licence_of(catalogue, plan_file))]
    title = plan_file.plan.title
    organisation = catalogue.organisations[plan_file.plan.organisation].short_label
    resources = [
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
    ]
    for table in tables_of(plan_file.plan):
        described = TABLES[table]
        resources.append(
            {
                "name": f"{plan_file.slug}-{table}",
                "path": csv_path(plan_file.slug, table).removeprefix(ROOT),
                "title": f"{organisation} {title}: {described.title.lower()}",
                "description": f"{described.description}. {UNITS_NOTE}",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "licenses": licence,
                "schema": SCHEMAS[table],
            }
        )
    return resources


def listed(resources: list[dict]) -> str:
    """A plan's resources as the data package's text lists them: each as json.dumps writes it, in the
    package's "resources" list (two levels in)."""
    return ",\n".join(
        "    " + json.dumps(resource, ensure_ascii=False, indent=2).replace("\n", "\n    ") for resource in resources
    )


def _about(catalogue: Catalogue, site_url: str) -> dict:
    return {
        "name": "childrens-organisations-plans",
        "title": "Children's organisations' plans",
        "description": (
            "The plans published on this site as open data: each plan as JSON, every item of each plan and each of "
            f"its tables as CSV. Every column is described here and at {site_url}{url_of(DOWNLOADS_PAGE)}. "
            + UNITS_NOTE
        ),
        "homepage": site_url + url_of(DOWNLOADS_PAGE),
        "version": FORMAT_VERSION,
        # In a fixed order: a set of two licences would come out in either order, build to build.
        "licenses": [
            as_json(licence)
            for licence in sorted({o.licence for o in catalogue.organisations.values()}, key=lambda x: x.url)
        ],
        "resources": [],
    }


def files(catalogue: Catalogue, site_url: str, each_plan: list[str] | None = None) -> list[tuple[str, bytes]]:
    """The data package, as json.dumps(indent=2) writes it, with every plan's resources in the catalogue's
    order; `each_plan` is each plan's listed(plan_resources(...)) (made here when not given): a
    thousand plans' resources are not written out again at every rebuild of `mkdocs serve`."""
    if each_plan is None:
        each_plan = [listed(plan_resources(catalogue, plan_file)) for plan_file in catalogue.plans]
    text = json.dumps(_about(catalogue, site_url), ensure_ascii=False, indent=2)
    resources = ",\n".join(plan for plan in each_plan if plan)
    if resources:
        text = text.removesuffix("[]\n}") + "[\n" + resources + "\n  ]\n}"
    return [(PACKAGE_PATH, text.encode("utf-8"))]
