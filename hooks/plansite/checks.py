"""Checks that look across a whole plan: anchors, citations, owners, sums and young-people texts."""

from __future__ import annotations

import hashlib
import re
from typing import Any, Iterator

from pydantic import BaseModel

from .errors import Problems
from .load import Document
from . import model as m
from .text import placeholders
from .uncrc import mentioned_articles

Path = tuple[Any, ...]

# Items that are a plan's priorities: each needs a young-people text in a published plan.
PRIORITY_ITEMS = (m.AimGroup, m.Priority, m.ActionGroup)


def _everything(obj: Any, path: Path = ()) -> Iterator[tuple[Any, Path]]:
    """Every value inside obj (models, lists, texts...), with its path from the top, in document order."""
    yield obj, path
    if isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            yield from _everything(getattr(obj, name), path + (name,))
    elif isinstance(obj, (list, tuple)):
        for index, item in enumerate(obj):
            yield from _everything(item, path + (index,))
    elif isinstance(obj, dict):
        for key, item in obj.items():
            yield from _everything(item, path + (key,))


def walk(obj: Any, path: Path = ()) -> Iterator[tuple[Any, Path]]:
    """Every model object inside obj, with its path from the top, in document order."""
    return ((value, where) for value, where in _everything(obj, path) if isinstance(value, BaseModel))


def adult_texts(obj: Any) -> Iterator[str]:
    """The adult words of an object and everything inside it (not young-people texts, not ids)."""
    if isinstance(obj, BaseModel):
        # Sorted, so that moving a field between classes in the model does not change a fingerprint.
        for name in sorted(type(obj).model_fields):
            # Progress is shown beside the young-people text, not told in it: updating it needs no review.
            if name not in ("young_people", "id", "matches", "related_articles", "progress"):
                yield from adult_texts(getattr(obj, name))
    elif isinstance(obj, (list, tuple)):
        for item in obj:
            yield from adult_texts(item)
    elif isinstance(obj, dict):
        for item in obj.values():
            yield from adult_texts(item)
    elif isinstance(obj, str):
        yield obj


def fingerprint(obj: Any) -> str:
    """A short fingerprint of an object's adult text; spacing and line breaks do not count."""
    words = " ".join(" ".join(text.split()) for text in adult_texts(obj))
    return hashlib.sha256(words.encode()).hexdigest()[:8]


def anchor_of(item: Any) -> str | None:
    """The #anchor an item gets on its plan page, if it has one."""
    if isinstance(item, m.Aim):
        return "sp" + re.sub(r"[^0-9a-z]+", "-", item.ref.lower()).strip("-")
    if isinstance(item, m.AimGroup):
        return re.sub(r"[^0-9a-z]+", "-", item.ref.lower()).strip("-")
    if isinstance(item, m.Priority):
        return item.id or (f"priority-{re.sub(r'[^0-9a-z]+', '-', item.ref.lower()).strip('-')}" if item.ref else None)
    if isinstance(item, (m.Project, m.Section, m.ActionGroup, m.ActionRow, m.Block)):
        return item.id
    return None


def row_anchors(group: m.ActionGroup) -> list[str]:
    """Anchors for the rows of an action-plan group: their own id, or the group's id and a number."""
    return [row.id or f"{group.id}-{index}" for index, row in enumerate(group.rows, start=1)]


def check_plan(plan: m.Plan, document: Document, problems: Problems) -> None:
    """Every cross-field check of one plan, each problem with its line."""

    def report(path: Path, message: str, hint: str) -> None:
        line, column = document.position(path)
        problems.add(document.path, line, column, message, hint)

    anchors: dict[str, Path] = {}

    def claim(anchor: str | None, path: Path) -> None:
        if not anchor:
            return
        if anchor in anchors:
            first, _ = document.position(anchors[anchor])
            report(path, f"the anchor '{anchor}' is used twice (also on line {first})", "give each item its own id")
        else:
            anchors[anchor] = path

    owner_codes = {item.code for obj, _ in walk(plan) if isinstance(obj, m.KeyBlock) for item in obj.items}
    published = plan.status == "published"

    for obj, path in walk(plan):
        if isinstance(obj, m.ActionGroup):
            for anchor, (index, _) in zip(row_anchors(obj), enumerate(obj.rows)):
                claim(anchor, path + ("rows", index))
        if not isinstance(obj, m.ActionRow):
            claim(anchor_of(obj), path)

        if isinstance(obj, m.Cited):
            _check_citations(obj, path, report)
        if isinstance(obj, m.DeliveryRow) and owner_codes:
            for code in re.split(r"[/\s]+", obj.owner):
                if code and code not in owner_codes:
                    report(path + ("owner",), f"owner '{code}' is not in the plan's owners key", f"use one of: {', '.join(sorted(owner_codes))}, or add it to the key")
        if isinstance(obj, m.BudgetLine) and obj.lines and not obj.sum_note:
            total = sum(line.amount.amount for line in obj.lines)
            if total != obj.amount.amount:
                report(
                    path + ("amount",),
                    f"the lines under '{obj.name}' add up to {total:,}, not {obj.amount.amount:,}",
                    "correct the figures; if the source itself disagrees, keep its figures and explain in 'sum_note'",
                )
        if published:
            _check_young_people(obj, path, report)

    if published:
        if plan.young_people is None:
            report((), "a published plan needs its young-people version", "add a 'young_people:' section with title, summary and get_involved")
        for value, path in _strings(plan):
            for placeholder in placeholders(value):
                report(path, f"the placeholder {placeholder} is still here", "replace it with the real text, or set 'status: draft'")


def _check_citations(item: m.Cited, path: Path, report) -> None:
    """Free-text mentions must be in the item's structured article list, so back-links miss nothing."""
    listed = set(item.articles) | set(item.related_articles)
    for name, value in _own_texts(item):
        for number in mentioned_articles(value):
            if 1 <= number <= 54 and number not in listed:
                report(
                    path + (name,),
                    f"the text mentions Article {number} but the item's 'articles' list does not have it",
                    f"add {number} to 'articles:' for this item",
                )
            elif not 1 <= number <= 54:
                report(path + (name,), f"the text mentions Article {number}, which does not exist", "UNCRC articles are numbered 1 to 54")
    overlap = set(item.articles) & set(item.related_articles)
    for number in sorted(overlap):
        report(path + ("related_articles",), f"Article {number} is both cited and related", "keep it in 'articles' only")


def _own_texts(item: BaseModel) -> Iterator[tuple[str, str]]:
    """The texts that belong to an item itself (not to items nested inside it)."""
    for name in type(item).model_fields:
        value = getattr(item, name)
        if name == "young_people":
            continue
        if isinstance(value, str):
            yield name, value
        elif isinstance(value, list) and value and all(isinstance(v, str) for v in value):
            for text in value:
                yield name, text


def _check_young_people(obj: Any, path: Path, report) -> None:
    if isinstance(obj, PRIORITY_ITEMS) and obj.young_people is None:
        name = getattr(obj, "title", None) or getattr(obj, "ref", "")
        report(path, f"'{name}' has no young-people text", "add 'young_people:' with a 'text:' of one or two short sentences")
    owner_has_text = isinstance(obj, (m.Cited, m.Section)) and obj.young_people is not None
    if owner_has_text:
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


def _strings(obj: Any) -> Iterator[tuple[str, Path]]:
    return ((value, where) for value, where in _everything(obj) if isinstance(value, str))
