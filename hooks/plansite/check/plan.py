"""Checks that look across a whole plan: anchors, citations, owners, sums and young-people texts."""

from __future__ import annotations

import re
from collections.abc import Iterator

from pydantic import BaseModel, ValidationError

from .. import model as m
from ..errors import Problems
from ..model import values
from ..model.walk import Path, everything, strings, walk
from ..read import Document
from ..spelling import closest
from ..texts.article_mentions import mentioned_articles
from ..texts.typed import placeholders
from .across_files import check_plan_names
from .commitments import check_commitments
from .ids import check_ids
from .progress import check_progress
from .young_people import check_order, check_young_people


def check_plan(plan: m.Plan, document: Document, problems: Problems) -> None:
    """Every cross-field check of one plan, each problem with its line."""

    def report(path: Path, message: str, hint: str) -> None:
        line, column = document.position(path)
        problems.add(document.path, line, column, message, hint)

    publishing = blocks_publishing(plan.status == "published", document, problems)

    check_plan_names(plan, report)
    owner_codes = {item.code for obj, _ in walk(plan) if isinstance(obj, m.KeyBlock) for item in obj.items}

    check_ids(plan, report, lambda path: document.position(path)[0])
    for obj, path in walk(plan):
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
        if isinstance(obj, m.Money):
            _check_printed_amount(obj, path, report)
        if isinstance(obj, m.BudgetLine):
            _check_shares(obj, path, report)
        _check_sets(obj, path, report)
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
    check_commitments(plan, report)
    _check_kind(plan, document, problems)
    if plan.publish_on is None:
        publishing(
            ("status",),
            "a published plan needs the day it is published on the site",
            "add 'publish_on: YYYY-MM-DD' after 'status:', with the day it goes on the site (today, or a day to "
            "come): the feeds and the latest updates announce the new plan on that day",
        )
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


def _check_printed_amount(money: m.Money, path: Path, report) -> None:
    """An amount as printed says the amount the site counts (in its tables, sums and charts), rounded as
    printed; where the source itself is wrong, the editors' note on the amount says so."""
    if not money.as_printed or money.note:
        return
    agrees = values.printed_agrees(money.as_printed, money.amount)
    if agrees is None:
        report(
            path + ("as_printed",),
            f"'{money.as_printed}' is not an amount, so readers could not tell it is {money.amount:,} pounds",
            "write the amount as the source printed it, e.g. £2.5M or £460K, or remove 'as_printed'",
        )
    elif not agrees:
        report(
            path + ("as_printed",),
            f"the amount printed, '{money.as_printed}', is not {money.amount:,} pounds, the amount the tables, "
            "sums and charts count",
            "correct the amount or 'as_printed'; if the source itself is wrong, keep its figure and explain in a "
            "'note' on the amount",
        )


def _check_shares(line: m.BudgetLine, path: Path, report) -> None:
    """A share the source prints ('70%') is the line's share of the line above it, to a point either way."""
    total = line.amount.amount
    for index, child in enumerate(line.lines):
        found = re.fullmatch(r"\s*([0-9]{1,3}(?:\.[0-9]+)?)\s*%\s*", child.share or "")
        if not child.share or child.note or not total:
            continue
        share = 100 * child.amount.amount / total
        if found is None or abs(float(found.group(1)) - share) > 1:
            report(
                path + ("lines", index, "share"),
                f"the share printed, '{child.share}', is not the share of '{child.name}' in '{line.name}' "
                f"({share:.1f}%)",
                "correct the share or the amounts; if the source itself is wrong, keep its figure and explain in a "
                "'note' on the line",
            )


# Lists that are sets: each value once. (the class, the list, what each item is known by, its name)
SETS = (
    (m.Cited, "articles", lambda n: n, "Article {} is listed twice in 'articles'"),
    (m.Cited, "related_articles", lambda n: n, "Article {} is listed twice in 'related_articles'"),
    (m.Project, "aims", lambda aim: aim, "the aim '{}' is listed twice"),
    (m.StatusKeyBlock, "items", lambda item: item.status.value, "the status '{}' is in the key twice"),
    (m.KeyBlock, "items", lambda item: item.code, "the code '{}' is in the key twice"),
    (m.NetworksBlock, "items", lambda name: name, "the network '{}' is listed twice"),
    (m.FootnotesBlock, "items", lambda note: m.slug(note.mark) or note.mark, "the footnote mark '{}' is used twice"),
)


def _check_sets(obj: BaseModel, path: Path, report) -> None:
    for kind, name, key, message in SETS:
        if not isinstance(obj, kind):
            continue
        seen: set = set()
        for index, item in enumerate(getattr(obj, name)):
            if key(item) in seen:
                report(path + (name, index), message.format(key(item)), "keep it once, and remove the other")
            seen.add(key(item))


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
