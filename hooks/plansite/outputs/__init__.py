"""Open data and feeds: one module per format, each `files(catalogue, site_url)` giving (path, bytes), no MkDocs.

The hook writes each file into the built site as it comes, so that a thousand plans' downloads
are never all in memory at once; the pages link to them.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..catalogue import Catalogue, PlanFile
from ..paths import SCHEMA_PATH
from ..saved import SavedOutputs
from . import atom, datapackage, plan_json, schema, tables_csv

FORMATS = (plan_json, tables_csv, schema, datapackage, atom)


def all_files(catalogue: Catalogue, site_url: str, saved: SavedOutputs | None = None) -> Iterator[tuple[str, bytes]]:
    """Every download and feed of the site, by its path in the site, one at a time. The schema
    depends on the code alone: with saved, it is made once for each version of the code."""
    for module in FORMATS:
        if module is schema and saved is not None:
            yield SCHEMA_PATH, saved.made(SCHEMA_PATH + "\0" + site_url, lambda: schema.schema_file(site_url))
        else:
            yield from module.files(catalogue, site_url)


def downloads_of(catalogue: Catalogue, plan_file: PlanFile, site_url: str) -> list[tuple[str, bytes]]:
    """One plan's downloads, made as all_files makes them: its JSON and its tables as CSV."""
    return [plan_json.plan_file_json(catalogue, plan_file, site_url), *tables_csv.plan_csv_files(plan_file)]


def write_all(catalogue: Catalogue, site_url: str, folder: Path, saved: SavedOutputs | None = None) -> list[str]:
    """Every download and feed written under folder, by its path in the site; returns the paths."""
    paths = []
    for path, content in all_files(catalogue, site_url, saved):
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
        paths.append(path)
    return paths
