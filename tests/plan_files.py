"""Plan files for hostile tests: the real data/ copied beside a plan to load, and what loading reports."""

from __future__ import annotations

import atexit
import datetime
import functools
import re
import shutil
import tempfile
from pathlib import Path

from plansite.cache import Cache
from plansite.catalogue import Catalogue, load_catalogue
from plansite.errors import DataError, Problems
from project import FIXTURE_DATA

ROOT = Path(__file__).resolve().parent.parent
TODAY = datetime.date(2026, 1, 1)

# A published-looking draft with a section of every kind these tests change (the lines they change are marked).
PLAN = """\
organisation: scb
title: Hostile test plan
kind: business plan
period: "2009-10"
status: draft
summary: A small plan used to test how careless files are reported.
sections:
  - id: introduction
    title: Introduction
    blocks:
      - type: text
        text: Plain words.
"""


class SharedCache(Cache):
    """The build's cache, shared by loads of different data folders: it keeps every entry (a build
    deletes those it did not use, which would be another test's)."""

    def keep_only(self, used: set[str]) -> None:
        pass


@functools.cache
def shared_cache() -> SharedCache:
    """One cache for every load of this test process, as a build keeps one: each unchanged data file is
    checked once, not again in every test. A file a test writes or breaks is checked each time (its bytes
    are new, and a file with problems is never kept), and every load still checks all files together."""
    folder = tempfile.mkdtemp(prefix="plansite-test-cache-")
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return SharedCache(Path(folder))


def data_folder(tmp_path: Path) -> Path:
    """A copy of the fixture data (tests/fixtures/data/) in a repository-like folder of its own."""
    data = tmp_path / "repo" / "data"
    shutil.copytree(FIXTURE_DATA, data)
    return data


def load(data: Path, plan: str, name: str = "hostile") -> tuple[Catalogue | None, Problems]:
    """The catalogue with one more plan, or the problems found; nothing else may come out."""
    (data / "plans" / f"{name}.yml").write_text(plan, encoding="utf-8")
    try:
        return load_catalogue(data, preview=True, today=TODAY, cache=shared_cache()), Problems()
    except DataError as error:
        return None, error.problems


def reported(problems: Problems, fragment: str, line: int | None = None, name: str = "hostile") -> str:
    """The one report line naming the plan (and the line) and saying fragment; fails when there is none."""
    report = problems.report()
    for problem in problems.items:
        text = str(problem)
        assert re.fullmatch(r"data/\S+:\d+:\d+: .+; .+", text), text
    found = [
        str(p)
        for p in problems.items
        if p.path == f"data/plans/{name}.yml" and fragment in p.message and (line is None or p.line == line)
    ]
    assert found, f"expected data/plans/{name}.yml:{line}: ...{fragment}...; got:\n{report}"
    return found[0]
