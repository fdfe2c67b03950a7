"""Every id on a plan's pages is unique: the data's own ids, those the templates derive from them
(captions, notes, footnotes, charts, the young people's parts) and the layout's, page by page.

A section called 'data' would share its id with the downloads heading; a section called
'introduction-1-caption' with a table's caption. Each id is claimed where it comes from in the
data, so a clash is reported on its line.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from .. import model as m
from ..model import ids
from ..model.walk import Path, anchor_of, walk

Claim = tuple[str, Path | None]  # an id, and where in the plan it comes from (None: the layout's own)


def adult_plan_ids(plan: m.Plan) -> tuple[list[Claim], list[Claim]]:
    """The ids of the adult plan page, and the prefixes of ids the templates make in number (notes, charts)."""
    claims: list[Claim] = [(anchor, None) for anchor in ids.ADULT_PLAN_LAYOUT]
    spaces: list[Claim] = []
    for obj, path in walk(plan):
        if isinstance(obj, m.ActionGroup):
            claims += [(anchor, path + ("rows", index)) for index, anchor in enumerate(obj.row_anchors)]
            claims.append((ids.caption_id(obj.id), path + ("id",)))
        if not isinstance(obj, m.ActionRow) and anchor_of(obj):
            claims.append((anchor_of(obj), path))
        if isinstance(obj, m.Project):
            claims.append((f"{obj.id}-title", path + ("id",)))  # the id of the project's heading
        if isinstance(obj, m.Section):
            claims += _section_ids(obj, path, spaces)
    return claims, spaces


def _section_ids(section: m.Section, path: Path, spaces: list[Claim]) -> Iterator[Claim]:
    """A section's tables' captions and chart, the prefix of their notes, and its footnotes."""
    number = 0
    for index, block in enumerate(section.blocks, start=1):
        where = path + ("blocks", index - 1)
        if isinstance(block, (m.BudgetBlock, m.DeliveryBlock)):
            table = ids.table_id(section, index, block)
            yield ids.caption_id(table), where
            spaces.append((ids.notes_prefix(table), where))
            spaces.append((ids.chart_id(table), where))
        if isinstance(block, m.FootnotesBlock):
            for item, note in enumerate(block.items):
                number += 1
                yield ids.footnote_id(section, note.mark, number), where + ("items", item)


def young_plan_ids(plan: m.Plan) -> list[Claim]:
    """The ids of the young people's plan page: its parts (a section's id, 'money') and its budgets' tables."""
    claims: list[Claim] = [(anchor, None) for anchor in ids.YOUNG_PLAN_LAYOUT]
    budgets = 0
    for index, section in enumerate(plan.sections):
        path = ("sections", index)
        claims.append((section.id, path))
        told = [block for block in section.blocks if isinstance(block, m.BudgetBlock) and block.total.lines]
        for number, _ in enumerate(told, start=1):
            budgets += 1
            for part in (section.id, ids.MONEY_PART):
                table = ids.money_id(part, number if part == section.id else budgets)
                claims += [(table, path), (ids.chart_id(table) + "-title", path)]
    return claims


def progress_ids(plan: m.Plan) -> list[Claim]:
    """The ids of the plan's progress page: each item that reports progress, and each "you said" item, by its anchor."""
    claims: list[Claim] = [(anchor, None) for anchor in ids.PROGRESS_LAYOUT]
    for obj, path in walk(plan):
        if isinstance(obj, m.ActionGroup):
            claims += [(anchor, path + ("rows", index)) for index, anchor in enumerate(obj.row_anchors)]
        elif isinstance(obj, (m.Project, m.Aim)):
            claims.append((obj.anchor, path))
        elif isinstance(obj, m.YouSaidItem) and obj.id:
            claims.append((obj.id, path + ("id",)))
    return claims


def page_ids(plan: m.Plan) -> set[str]:
    """Every id a plan's pages have, for links to a part of them ('#data', '#early-help')."""
    adult, _ = adult_plan_ids(plan)
    found = {anchor for anchor, _ in adult + young_plan_ids(plan)}
    found |= {ids.right_id(n) for n in range(1, m.ARTICLE_COUNT + 1)}
    found |= {ids.section_part_id(section.id) for section in plan.sections}
    return found


def check_ids(plan: m.Plan, report: Callable[[Path, str, str], None], line_of: Callable[[Path], int]) -> None:
    """Each page's ids claimed in the order they come: a second claim is a problem at its place."""
    adult, spaces = adult_plan_ids(plan)
    for claims, layout in (
        (adult, ids.ADULT_PLAN_LAYOUT),
        (young_plan_ids(plan), ids.YOUNG_PLAN_LAYOUT),
        (progress_ids(plan), ids.PROGRESS_LAYOUT),
    ):
        first: dict[str, Path | None] = {}
        for anchor, path in claims:
            if anchor not in first:
                first[anchor] = path
            elif first[anchor] is None:
                report(
                    path,
                    f"the id '{anchor}' is used by the site's own page layout",
                    f"choose another id (not {', '.join(layout)})",
                )
            elif first[anchor] != path:
                report(
                    path,
                    f"the anchor '{anchor}' is used twice (also on line {line_of(first[anchor])})",
                    "give each item its own id",
                )
        if claims is adult:
            for anchor, path in first.items():
                owner = next((where for prefix, where in spaces if anchor.startswith(prefix) and where != path), None)
                if path is not None and owner is not None:
                    report(
                        path,
                        f"the anchor '{anchor}' is used twice (the site gives it to the notes or the chart of the "
                        f"table on line {line_of(owner)})",
                        "give each item its own id",
                    )
