"""A new plan file from a template: a valid draft with [[placeholders]] that block publication."""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

import yaml

from .. import model as m
from ..addresses import SCHEMA_PATH
from ..catalogue import load_plan, read_file
from ..errors import DataError, Problems
from .data_files import plans_folder

TEMPLATE = """\
# yaml-language-server: $schema={schema}
# A new plan. Replace every [[...]] placeholder (./run check lists them): none may be left in
# a published plan. Then set 'status: published' (see 'Drafts and scheduled plans' in the editors' guide).
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
    # An apostrophe joins its word ("People's" is "peoples"), as editors write a slug by hand.
    words = re.sub(r"[^a-z0-9]+", "-", re.sub(r"['’]", "", title.lower())).strip("-")
    return words if words.startswith(f"{organisation}-") else f"{organisation}-{words}"


def new_plan(data_dir: Path, organisation: str, title: str, period: str, kind: str) -> Path:
    """Write data/plans/<slug>.yml and return its path; refuses to overwrite an existing plan, and
    writes nothing that the check would refuse (the draft is checked as the build checks it first)."""
    organisations_file = data_dir / "organisations.yml"
    if not organisations_file.exists() and not organisations_file.is_symlink():
        raise ValueError(f"{organisations_file} not found; run this from the repository, or give --data")
    problems = Problems()
    organisations, _ = read_file(organisations_file, "data/organisations.yml", m.Organisations, problems, data_dir)
    if organisations is None:
        raise ValueError("the organisations file has problems:\n" + problems.report())
    known = [o.id for o in organisations.organisations]
    if organisation not in known:
        raise ValueError(
            f"unknown organisation '{organisation}'; use one of: {', '.join(known)}, "
            "or add it first with ./run new-organisation (see 'Adding an organisation' in the editors' guide)"
        )
    if not kind.strip() or "\n" in kind.strip():
        raise ValueError(f"the kind must be one line of words, such as: {', '.join(k.value for k in m.PlanKind)}")
    slug = slug_for(organisation, title)
    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug) or slug == organisation:
        raise ValueError(
            f"the title '{title}' has no letters or digits (a to z, 0 to 9) to make the plan's web address from; "
            'give a title with some, e.g. --title "Business Plan 2025-26"'
        )
    try:
        folder = plans_folder(data_dir)
    except DataError as error:
        raise ValueError(error.problems.report()) from None
    target = folder / f"{slug}.yml"
    if target.exists() or target.is_symlink():
        raise ValueError(f"{target} already exists; choose another title")
    quote = lambda value: yaml.safe_dump(value, default_style='"', width=1000).strip()  # noqa: E731
    text = TEMPLATE.format(
        schema=schema_url(data_dir),
        organisation=organisation,
        title=quote(title),
        kind=quote(kind.strip()),
        period=quote(period),
    )
    _check_draft(text, folder, data_dir, f"data/plans/{target.name}")
    # Made new, never through a link or over a file made meanwhile.
    with os.fdopen(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644), "w", encoding="utf-8") as out:
        out.write(text)
    return target


def _check_draft(text: str, folder: Path, data_dir: Path, display: str) -> None:
    """The draft as the check reads it; ValueError with the check's problems when it would refuse it."""
    handle, name = tempfile.mkstemp(dir=folder, prefix=".new-plan-", suffix=".yml")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        problems = Problems()
        load_plan(Path(name), problems, display, data_dir)
    finally:
        Path(name).unlink(missing_ok=True)
    if problems:
        raise ValueError(
            "the plan was not written, because the check would refuse it:\n"
            + problems.report().replace("nothing was published.", "nothing was written.")
        )
