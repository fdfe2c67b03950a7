"""Hostile strings in every text field of a real plan, at both reading levels, through the real build.

Each string is either refused (the build stops with file:line and writes nothing) or published
harmlessly: no page of the built site then holds an executable construct.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml
from plansite.commands.main import main as plansite
from project import build
from test_hostile import HOSTILE_STRINGS, RAW_UNSAFE_TAG, _Finder, _refused_as_summary

PLAN = Path("data") / "plans" / "scb-business-plan-2009-10.yml"
# Keys whose values are words for readers (not ids, codes or settings).
TEXT_KEYS = {
    "title",
    "subtitle",
    "summary",
    "source",
    "text",
    "get_involved",
    "intro",
    "target",
    "activity",
    "lead",
    "success",
    "outcome",
    "milestone",
}


def with_text_everywhere(value, extra: str):
    """The plan's data with `extra` added to every reader-facing text, adult and young people's alike."""
    if isinstance(value, dict):
        return {
            key: (
                f"{item} {extra}"
                if key in TEXT_KEYS and isinstance(item, str)
                else [f"{p} {extra}" for p in item]
                if key in TEXT_KEYS and isinstance(item, list) and all(isinstance(p, str) for p in item)
                else with_text_everywhere(item, extra)
            )
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [with_text_everywhere(item, extra) for item in value]
    return value


ACCEPTED = [text for text in HOSTILE_STRINGS if not _refused_as_summary(text)]
REFUSED = [text for text in HOSTILE_STRINGS if _refused_as_summary(text)]


def constructs(markup: str) -> Counter:
    """How many of each executable construct a whole page holds (Material's own scripts included)."""
    finder = _Finder()
    finder.feed(markup)
    finder.close()
    return Counter(finder.found + [f"raw <{m.group(1).lower()}" for m in RAW_UNSAFE_TAG.finditer(markup)])


def write_plan(project: Path, extra: str) -> Path:
    file = project / PLAN
    data = with_text_everywhere(yaml.safe_load(file.read_text(encoding="utf-8")), extra)
    file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
    return file


def test_strings_the_schema_accepts_are_published_harmlessly(site, project_copy, tmp_path):
    """Every page holds exactly the scripts, forms and links it holds without the hostile text."""
    assert ACCEPTED, "some hostile strings pass the schema as plain text"
    file = write_plan(project_copy, " ".join(text.replace("\n", " ") for text in ACCEPTED))
    assert plansite(["mark-reviewed", str(file)]) == 0
    out = tmp_path / "out"
    result = build(out, project_copy / "mkdocs.yml")
    assert result.returncode == 0, result.stderr
    pages = list(out.rglob("*.html"))
    assert len(pages) > 100
    added = {}
    for page in pages:
        name = page.relative_to(out).as_posix()
        extra = constructs(page.read_text(encoding="utf-8")) - constructs((site / name).read_text(encoding="utf-8"))
        if extra:
            added[name] = dict(extra)
    assert not added, added
    young = (out / "young-people" / "plans" / "scb-business-plan-2009-10" / "index.html").read_text(encoding="utf-8")
    assert "javascript:alert(1)" in young  # the words are there, as text


@pytest.mark.parametrize("text", REFUSED[:12])
def test_strings_the_schema_refuses_stop_the_build(project_copy, tmp_path, text):
    write_plan(project_copy, text)
    out = tmp_path / "out"
    result = build(out, project_copy / "mkdocs.yml")
    assert result.returncode != 0
    assert re.search(r"data/plans/scb-business-plan-2009-10\.yml:\d+:\d+: .+; .+", result.stderr)
    assert "Traceback" not in result.stderr
    assert not (out / "index.html").exists()
