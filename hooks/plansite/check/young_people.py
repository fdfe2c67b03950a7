"""Young-people texts in a published plan: every priority has one, each was checked against its adult
text, and each line of a budget has a name a child understands."""

from __future__ import annotations

from typing import Any

from .. import model as m
from ..model.walk import Path, adult_texts, fingerprint
from ..spelling import closest
from ..texts.typed import placeholders


def check_order(plan: m.Plan, report) -> None:
    """Each id in `young_people.order` names a part of the young-people page (a fixed part or a section), once."""
    if plan.young_people is None:
        return
    known = list(m.YOUNG_PEOPLE_PARTS) + [section.id for section in plan.sections]
    seen: set[str] = set()
    for index, part_id in enumerate(plan.young_people.order):
        path = ("young_people", "order", index)
        if part_id in seen:
            report(path, f"'{part_id}' is listed twice in the order", "list each part once")
        elif part_id not in known:
            close = closest(part_id, known)
            report(
                path,
                f"'{part_id}' is not a part of the young-people page",
                (f"did you mean '{close}'? " if close else "")
                + f"use {', '.join(m.YOUNG_PEOPLE_PARTS)} or the id of a section with a young-people text",
            )
        seen.add(part_id)


def check_young_people(obj: Any, path: Path, report) -> None:
    """A priority without its young-people text, and young-people texts not checked since the adult text changed."""
    if getattr(obj, "needs_young_people", False) and obj.young_people is None:
        name = getattr(obj, "title", None) or getattr(obj, "ref", "")
        report(
            path,
            f"'{name}' has no young-people text",
            "add 'young_people:' with a 'text:' of one or two short sentences",
        )
    if isinstance(obj, m.BudgetBlock):
        check_budget_names(obj, path, report)
    owner_has_text = isinstance(obj, (m.Cited, m.Section)) and obj.young_people is not None
    # While either text is a [[placeholder]], there is nothing to check yet: the placeholder is reported.
    if owner_has_text and not any(placeholders(text) for text in (obj.young_people.text, *adult_texts(obj))):
        current = fingerprint(obj)
        recorded = obj.young_people.matches
        if recorded is None:
            report(
                path + ("young_people",),
                "this young-people text has not been checked against the adult text",
                f"read both; if they match, add 'matches: {current}' under young_people",
            )
        elif recorded != current:
            report(
                path + ("young_people", "matches"),
                "the adult text has changed since this young-people text was checked: it needs review",
                f"read both and update the young-people text, then set 'matches: {current}'",
            )


def check_budget_names(block: m.BudgetBlock, path: Path, report) -> None:
    """Each line under a budget's total is named for young people in everyday words: the young-people
    page shows where the money goes by these names, never as 'Programme delivery'."""
    for index, line in enumerate(block.total.lines):
        if line.young_people is None or not line.young_people.title:
            report(
                path + ("total", "lines", index),
                f"the budget line '{line.name}' has no name in everyday words for young people",
                "add 'young_people:' with a 'title:' a child understands (such as 'Running the office') and a "
                "'text:' of one short sentence saying what the money pays for",
            )
