"""Built sites compared file by file: what a reader gets, byte for byte (hidden files at the top are
the build's records, not published).

Pagefind writes each search filter's values in an order of its own (a hash map's), different from
one run to the next for the same pages: those files are compared by what they hold, decoded.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import cbor2

SIGNATURE = b"pagefind_dcd"


def _filter(content: bytes) -> tuple:
    """A Pagefind filter file as (its name, each value with its pages), in a fixed order."""
    name, values = cbor2.loads(gzip.decompress(content)[len(SIGNATURE) :])
    return name, sorted((value, tuple(pages)) for value, pages in values)


def contents(site: Path) -> dict[str, object]:
    """Every file of a built site by its path: its bytes, or what it holds where Pagefind's order varies."""
    found: dict[str, object] = {}
    filters = []
    for file in sorted(p for p in site.rglob("*") if p.is_file()):
        path = file.relative_to(site).as_posix()
        if path.startswith("."):  # the build's records beside the site (redraws.py, search.py): not published
            continue
        if file.suffix == ".pf_filter":
            filters.append(_filter(file.read_bytes()))
        elif file.suffix == ".pf_meta":  # named after the filter files: kept by what it holds, filters by name
            version, pages, chunks, filter_files, *rest = cbor2.loads(
                gzip.decompress(file.read_bytes())[len(SIGNATURE) :]
            )
            found["pagefind meta"] = (version, pages, chunks, sorted(name for name, _ in filter_files), rest)
        elif file.name == "pagefind-entry.json":
            entry = json.loads(file.read_text(encoding="utf-8"))
            for language in entry["languages"].values():
                language.pop("hash")  # named after the filter files
            found[path] = entry
        else:
            found[path] = file.read_bytes()
    found["pagefind filters"] = sorted(filters)
    return found


def differences(one: Path, other: Path) -> list[str]:
    """The paths of the files two sites do not have alike."""
    first, second = contents(one), contents(other)
    return sorted(path for path in first.keys() | second.keys() if first.get(path) != second.get(path))
