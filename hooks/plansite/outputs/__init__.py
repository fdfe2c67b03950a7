"""Open data and feeds: one module per format, each `files(catalogue, site_url)` giving (path, bytes), no MkDocs.

The hook writes each file into the built site as it comes, so that a thousand plans' downloads
are never all in memory at once; the pages link to them.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..catalogue import Catalogue
from . import atom, datapackage, plan_json, schema, tables_csv

FORMATS = (plan_json, tables_csv, schema, datapackage, atom)


def all_files(catalogue: Catalogue, site_url: str) -> Iterator[tuple[str, bytes]]:
    """Every download and feed of the site, by its path in the site, one at a time."""
    for module in FORMATS:
        yield from module.files(catalogue, site_url)


def write_all(catalogue: Catalogue, site_url: str, folder: Path) -> list[str]:
    """Every download and feed written under folder, by its path in the site; returns the paths."""
    paths = []
    for path, content in all_files(catalogue, site_url):
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
        paths.append(path)
    return paths
