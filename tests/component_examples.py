"""The component examples in tests/fixtures/components/, read and put together as one plan.

Each file is a list of named examples; each example is one block as an editor writes it, and
becomes one section of the examples plan, with the id '<file>-<name>' (see the folder's README).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml
from plansite import model as m
from plansite.errors import Problems
from plansite.model.blocks import AnyBlock, YoungText
from plansite.model.fields import Anchor, Model
from plansite.read import read_document, validate
from project import ROOT

EXAMPLES = ROOT / "tests" / "fixtures" / "components"
COMPONENTS = (
    ROOT / "theme" / "partials" / "components.html",
    ROOT / "theme" / "partials" / "young-cards.html",
    ROOT / "theme" / "partials" / "help.html",
)
"""The templates whose macros are components shared by the block partials and the pages."""
SLUG = "component-examples"
"""The examples plan's file name (data/plans/<SLUG>.yml): its pages are plans/<SLUG>/ and
young-people/plans/<SLUG>/."""


class Example(Model):
    """One named example: a block, and what a test should know about it."""

    name: Anchor
    hostile: bool = False
    component: str | None = None
    expect_text: list[str] = []
    young_people: YoungText | None = None
    block: AnyBlock


class Examples(Model):
    """An examples file: a list of named examples under one key."""

    examples: list[Example]


@dataclass(frozen=True)
class Named:
    """An example with the file it came from, and the raw mapping the editor would type."""

    file: str
    example: Example
    raw: dict

    @property
    def section_id(self) -> str:
        return f"{self.file.replace('_', '-')}-{self.example.name}"


def example_files() -> list[Path]:
    return sorted(EXAMPLES.glob("*.yml"))


def component_names() -> list[str]:
    """The macros defined in the components' templates."""
    return [
        name
        for file in COMPONENTS
        for name in re.findall(r"{%-?\s*macro\s+(\w+)\s*\(", file.read_text(encoding="utf-8"))
    ]


def read_examples(problems: Problems) -> list[Named]:
    """Every example of every file, read the careful way and validated; problems are added, not raised."""
    found = []
    for file in example_files():
        document = read_document(file, file.relative_to(ROOT).as_posix(), problems)
        if document is None:
            continue
        examples = validate(document, Examples, problems)
        if examples is None:
            continue
        for example, raw in zip(examples.examples, document.value["examples"]):
            found.append(Named(file.stem, example, raw))
    return found


class _NoAliases(yaml.SafeDumper):
    """The plans' reader refuses aliases, so a value used twice is written out twice."""

    def ignore_aliases(self, data) -> bool:
        return True


def examples_plan(examples: list[Named]) -> str:
    """A draft plan holding every example, one section each, as YAML."""
    sections = []
    for named in examples:
        section = {
            "id": named.section_id,
            "title": f"{named.file}: {named.example.name}",
            "blocks": [named.raw["block"]],
        }
        if "young_people" in named.raw:
            section["young_people"] = named.raw["young_people"]
        sections.append(section)
    plan = {
        "organisation": "occ",
        "title": "Component examples",
        "kind": m.PlanKind.BUSINESS_PLAN.value,
        "period": "2099-00",
        "status": "draft",
        "summary": "Every block type and component, drawn from the examples the tests keep.",
        "young_people": {
            "title": "Component examples for young people",
            "summary": "This page shows every kind of block. It is for testing.",
            "get_involved": "You do not need to do anything here.",
        },
        "sections": sections,
    }
    return yaml.dump(plan, Dumper=_NoAliases, sort_keys=False, allow_unicode=True, width=4096)
