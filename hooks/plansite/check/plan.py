"""Checks that look across a whole plan: anchors, citations, owners, sums and young-people texts."""

from __future__ import annotations

import re
from collections.abc import Iterator

from pydantic import BaseModel, ValidationError

from .. import model as m
from ..errors import Problems
from ..model.walk import Path, anchor_of, everything, strings, walk
from ..read import Document
from ..spelling import closest
from ..text import placeholders
from ..uncrc import mentioned_articles
from .progress import check_progress
from .site import check_plan_names
from .young_people import check_order, check_young_people


def check_plan(plan: m.Plan, document: Document, problems: Problems) -> None:
    """Every cross-field check of one plan, each problem with its line."""

    def report(path: Path, message: str, hint: str) -> None:
        line, column = document.position(path)
        problems.add(document.path, line, column, message, hint)

    publishing = blocks_publishing(plan.status == "published", document, problems)
    anchors: dict[str, Path] = {}

    def claim(anchor: str | None, path: Path) -> None:
        if not anchor:
            return
        if anchor in anchors:
            first, _ = document.position(anchors[anchor])
            report(path, f"the anchor '{anchor}' is used twice (also on line {first})", "give each item its own id")
        else:
            anchors[anchor] = path

    check_plan_names(plan, report)
    owner_codes = {item.code for obj, _ in walk(plan) if isinstance(obj, m.KeyBlock) for item in obj.items}

    for obj, path in walk(plan):
        if isinstance(obj, m.ActionGroup):
            for index, anchor in enumerate(obj.row_anchors):
                claim(anchor, path + ("rows", index))
        if not isinstance(obj, m.ActionRow):
            claim(anchor_of(obj), path)
        if isinstance(obj, m.Project):
            claim(f"{obj.id}-title", path + ("id",))  # the id of the project's heading

        if isinstance(obj, m.Cited):
            _check_citations(obj, path, report)
        if isinstance(obj, m.ActionPlanBlock):
            _check_extra_columns(obj, path, report)
        if isinstance(obj, m.DeliveryRow) and owner_codes:
            for code in re.split(r"[/\s]+", obj.owner):
                if code and code not in owner_codes:
                    report(
                        path + ("owner",),
                        f"owner '{code}' is not in the plan's owners key",
                        f"use one of: {', '.join(sorted(owner_codes))}, or add it to the key",
                    )
        if isinstance(obj, m.BudgetLine) and obj.lines and not obj.sum_note:
            total = sum(line.amount.amount for line in obj.lines)
            if total != obj.amount.amount:
                report(
                    path + ("amount",),
                    f"the lines under '{obj.name}' add up to {total:,}, not {obj.amount.amount:,}",
                    "correct the figures; if the source itself disagrees, keep its figures and explain in 'sum_note'",
                )
        if isinstance(obj, (m.BudgetBlock, m.DeliveryBlock)) and not obj.negative_amounts:
            for money, where in everything(obj, path):
                if isinstance(money, m.Money) and money.amount < 0:
                    report(
                        where + ("amount",),
                        f"the amount {money.amount:,} is negative",
                        "write it without the minus sign; if this table really shows losses, add 'negative_amounts: "
                        "true' to the block",
                    )
        check_young_people(obj, path, publishing)

    check_order(plan, report)
    _check_kind(plan, document, problems)
    if plan.young_people is None:
        publishing(
            (),
            "a published plan needs its young-people version",
            "add a 'young_people:' section with title, summary and get_involved",
        )
    for value, path in strings(plan):
        for placeholder in placeholders(value):
            publishing(
                path,
                f"the placeholder {placeholder} is still here",
                "replace it with the real text"
                + (", or set 'status: draft'" if plan.status == "published" else " before the plan is published"),
            )
    check_progress(plan, document, problems)


def _check_extra_columns(block: m.ActionPlanBlock, path: Path, report) -> None:
    """An extra column is none of the site's own, and each row's extra cell names a column of the table."""
    own = set(m.ActionRow.model_fields) - {"extra"}
    for key in block.extra_columns:
        if key in own:
            report(
                path + ("extra_columns", key),
                f"'{key}' is a column the site knows",
                f"put '{key}: {block.extra_columns[key]}' under 'columns:', and the cells under '{key}:' in each row",
            )
    for g, group in enumerate(block.groups):
        for r, row in enumerate(group.rows):
            for key in row.extra:
                if key not in block.extra_columns:
                    close = closest(key, block.extra_columns)
                    report(
                        path + ("groups", g, "rows", r, "extra", key),
                        f"the table has no extra column '{key}'",
                        (f"did you mean '{close}'? " if close else "")
                        + f"add the column to the table's 'extra_columns:' as '{key}: ' and its heading as printed",
                    )


def _check_kind(plan: m.Plan, document: Document, problems: Problems) -> None:
    """A kind a slip away from a known kind is most likely that kind misspelt: said, but not refused (any words go)."""
    if m.PlanKind.known(plan.kind):
        return
    close = closest(" ".join(plan.kind.lower().split()), [kind.value for kind in m.PlanKind])
    if close:
        line, column = document.position(("kind",))
        problems.warn(
            document.path,
            line,
            column,
            f"'{plan.kind}' is not one of the kinds of plan the site knows",
            f"did you mean '{close}'? any words are accepted, but the known kinds get their own icon "
            f"on the lists of plans: {', '.join(kind.value for kind in m.PlanKind)}",
        )


def blocks_publishing(published: bool, document: Document, problems: Problems):
    """How a problem that only stops publishing is reported: an error in a published plan, a warning in a draft.

    A draft gets every problem a published plan would, so that its editor sees them from the first check.
    """

    def report(path: Path, message: str, hint: str) -> None:
        line, column = document.position(path)
        (problems.add if published else problems.warn)(document.path, line, column, message, hint)

    return report


def check_valid_sections(document: Document, problems: Problems) -> None:
    """For a plan the schema refused: the checks of each section that is valid on its own, in the same run.

    Otherwise a section's young-people review and citation problems would appear only once every
    schema problem elsewhere in the file was fixed, on a second run.
    """
    value = document.value
    if not isinstance(value, dict) or not isinstance(value.get("sections"), list):
        return

    def report(path: Path, message: str, hint: str) -> None:
        line, column = document.position(path)
        problems.add(document.path, line, column, message, hint)

    publishing = blocks_publishing(value.get("status") == "published", document, problems)
    for index, data in enumerate(value["sections"]):
        try:
            section = m.Section.model_validate(data)
        except ValidationError:
            continue  # its problems are already reported
        for obj, path in walk(section, ("sections", index)):
            if isinstance(obj, m.Cited):
                _check_citations(obj, path, report)
            check_young_people(obj, path, publishing)


def _check_citations(item: m.Cited, path: Path, report) -> None:
    """Free-text mentions must be in the item's structured article list, so back-links miss nothing."""
    listed = set(item.articles) | set(item.related_articles)
    for name, value in _own_texts(item):
        for number in mentioned_articles(value):
            if 1 <= number <= m.ARTICLE_COUNT and number not in listed:
                report(
                    path + (name,),
                    f"the text mentions Article {number} but the item's 'articles' list does not have it",
                    f"add {number} to 'articles:' for this item",
                )
            elif not 1 <= number <= m.ARTICLE_COUNT:
                report(
                    path + (name,),
                    f"the text mentions Article {number}, which does not exist",
                    f"UNCRC articles are numbered 1 to {m.ARTICLE_COUNT}",
                )
    overlap = set(item.articles) & set(item.related_articles)
    for number in sorted(overlap):
        report(
            path + ("related_articles",), f"Article {number} is both cited and related", "keep it in 'articles' only"
        )


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
