"""Open data and feeds: one module per format, each `files(catalogue, site_url) -> [(path, bytes)]`, no MkDocs.

The hook writes what they return into the built site; the pages link to them.
"""

from __future__ import annotations

from ..catalogue import Catalogue
from . import atom, datapackage, plan_json, schema, tables_csv

FORMATS = (plan_json, tables_csv, schema, datapackage, atom)


def all_files(catalogue: Catalogue, site_url: str) -> list[tuple[str, bytes]]:
    """Every download and feed of the site, by its path in the site."""
    return [found for module in FORMATS for found in module.files(catalogue, site_url)]

