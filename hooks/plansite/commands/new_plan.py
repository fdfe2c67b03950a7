"""A new plan file from a template: a valid draft with [[placeholders]] that block publication."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from .. import model as m
from ..catalogue import read_file
from ..errors import Problems
from ..paths import SCHEMA_PATH

TEMPLATE = """\
# yaml-language-server: $schema={schema}
# A new plan. Replace every [[...]] placeholder with real text; the site will not publish the
# plan while one is left. When it is ready, set 'status: published' (see the editors' guide).
organisation: {organisation}
title: {title}
kind: {kind}
period: {period}
status: draft
summary: "[[One or two sentences saying what this plan is, for the list of plans]]"
young_people:
  title: "[[A title for young people that stays true when the plan ends, such as: Our plan for 2025 to 2026]]"
  summary: "[[Two to four short sentences on what the plan is about, starting: It is about]]"
  get_involved: "[[How children can take part, and what happens to what they say]]"
sections:
  - id: introduction
    title: Introduction
    blocks:
      - type: text
        text: "[[The plan's introduction, as the organisation wrote it]]"
  - id: priorities
    title: Our priorities
    blocks:
      - type: priorities
        items:
          - title: "[[The first priority]]"
            young_people:
              text: "[[One or two short sentences about this priority, for young people]]"
              icon: star
"""


def schema_url(data_dir: Path) -> str:
    """Where the site publishes the plan schema, from the site_url in mkdocs.yml beside data/."""
    config = data_dir.parent / "mkdocs.yml"
    found = re.search(r"^site_url:\s*(\S+)", config.read_text(encoding="utf-8"), re.M) if config.exists() else None
    return (found.group(1).rstrip("/") if found else "") + "/" + SCHEMA_PATH


def slug_for(organisation: str, title: str) -> str:
    """The file name (and URL) of a plan: organisation, then the title in lower-case-hyphen form."""
    words = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
    return words if words.startswith(f"{organisation}-") else f"{organisation}-{words}"


def new_plan(data_dir: Path, organisation: str, title: str, period: str, kind: str) -> Path:
    """Write data/plans/<slug>.yml and return its path; refuses to overwrite an existing plan."""
    organisations_file = data_dir / "organisations.yml"
    if not organisations_file.exists():
        raise ValueError(f"{organisations_file} not found; run this from the repository, or give --data")
    problems = Problems()
    organisations, _ = read_file(organisations_file, str(organisations_file), m.Organisations, problems)
    if organisations is None:
        raise ValueError("the organisations file has problems:\n" + problems.report())
    known = [o.id for o in organisations.organisations]
    if organisation not in known:
        raise ValueError(
            f"unknown organisation '{organisation}'; use one of: {', '.join(known)}, "
            "or add it first with new-organisation (see 'Adding an organisation' in the editors' guide)"
        )
    if not kind.strip() or "\n" in kind.strip():
        raise ValueError(f"the kind must be one line of words, such as: {', '.join(k.value for k in m.PlanKind)}")
    target = data_dir / "plans" / f"{slug_for(organisation, title)}.yml"
    if target.exists():
        raise ValueError(f"{target} already exists; choose another title")
    quote = lambda value: yaml.safe_dump(value, default_style='"', width=1000).strip()  # noqa: E731
    target.write_text(
        TEMPLATE.format(
            schema=schema_url(data_dir),
            organisation=organisation,
            title=quote(title),
            kind=quote(kind.strip()),
            period=quote(period),
        ),
        encoding="utf-8",
    )
    return target
