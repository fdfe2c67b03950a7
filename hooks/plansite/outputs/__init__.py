"""Open data and feeds: one module per format, no MkDocs.

A plan's own downloads (its JSON and its tables as CSV: `plan_files`) depend on that plan, its
organisation and the site's address only, and so does what the site's files take from it (its
entries in the data package and the feeds: `plan_outputs` holds all three); the site's files (the
JSON Schema, the data package, the feeds: `site_files`) are put together from every plan's. The
hook writes each file into the built site as it comes, so that a thousand plans' downloads are
never all in memory at once; the pages link to them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..catalogue import Catalogue, PlanFile
from . import atom, datapackage, plan_json, schema, tables_csv

PLAN_FORMATS = (plan_json, tables_csv)
"""Each has `plan_files(catalogue, plan_file, site_url) -> [(path, bytes)]`."""


def plan_files(catalogue: Catalogue, plan_file: PlanFile, site_url: str) -> list[tuple[str, bytes]]:
    """One plan's own downloads, by their paths in the site."""
    return [file for module in PLAN_FORMATS for file in module.plan_files(catalogue, plan_file, site_url)]


@dataclass(frozen=True)
class PlanOutputs:
    """One plan's part of the downloads and feeds, made from that plan, its organisation and the site's address."""

    files: list[tuple[str, bytes]]
    """Its own downloads (plan_files)."""
    resources: str
    """Its entries in the data package, as its text lists them (datapackage.listed)."""
    entries: list[atom.Entry]
    """Its entries in the feeds (atom.plan_entries)."""


def plan_outputs(catalogue: Catalogue, plan_file: PlanFile, site_url: str) -> PlanOutputs:
    return PlanOutputs(
        plan_files(catalogue, plan_file, site_url),
        datapackage.listed(datapackage.plan_resources(catalogue, plan_file)),
        atom.plan_entries(catalogue, plan_file, site_url),
    )


def site_files(
    catalogue: Catalogue, site_url: str, plans: list[PlanOutputs] | None = None
) -> Iterator[tuple[str, bytes]]:
    """The downloads and feeds made of every plan, by their paths in the site; `plans` is each plan's
    plan_outputs, in the catalogue's order (made here when not given)."""
    resources = [plan.resources for plan in plans] if plans is not None else None
    entries = [plan.entries for plan in plans] if plans is not None else None
    yield from schema.files(catalogue, site_url)
    yield from datapackage.files(catalogue, site_url, resources)
    yield from atom.files(catalogue, site_url, entries)


def all_files(catalogue: Catalogue, site_url: str) -> Iterator[tuple[str, bytes]]:
    """Every download and feed of the site, by its path in the site, one at a time."""
    for plan_file in catalogue.plans:
        yield from plan_files(catalogue, plan_file, site_url)
    yield from site_files(catalogue, site_url)


def write(files, folder: Path) -> list[str]:  # noqa: ANN001 - (path, bytes) pairs, from a list or a generator
    """Files written under folder, by their paths in the site; returns the paths."""
    paths = []
    for path, content in files:
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
        paths.append(path)
    return paths


def write_all(catalogue: Catalogue, site_url: str, folder: Path) -> list[str]:
    """Every download and feed written under folder, by its path in the site; returns the paths."""
    return write(all_files(catalogue, site_url), folder)
