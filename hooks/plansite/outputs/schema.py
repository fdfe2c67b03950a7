"""The JSON Schema of a plan file, generated from the model, for editors' tools and for users of the JSON."""

from __future__ import annotations

import functools
import json

from .. import model as m
from ..addresses import SCHEMA_PATH
from ..catalogue import Catalogue


def plan_schema(site_url: str) -> dict:
    schema = m.Plan.model_json_schema(mode="validation")
    return {
        **schema,
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": site_url + SCHEMA_PATH,
        "title": "A plan of a children's organisation",
        "description": "One plan file (data/plans/<slug>.yml), and the 'plan' member of each plan's JSON download.",
    }


def files(catalogue: Catalogue, site_url: str) -> list[tuple[str, bytes]]:
    return [(SCHEMA_PATH, schema_file(site_url))]


@functools.lru_cache(maxsize=4)
def schema_file(site_url: str) -> bytes:
    """The schema depends on the model's code alone: made once, not at each rebuild of a preview."""
    return json.dumps(plan_schema(site_url), ensure_ascii=False, indent=2).encode("utf-8")
