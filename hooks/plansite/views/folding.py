"""Which sections of a plan page start folded, so a reader looking for one part need not scroll past all.

Only a long plan folds, and in it only the long sections and those holding a table; the first
section (what the plan is) always shows. The page's contents list, the heading of every section and
a button per folded section stay in view.
"""

from __future__ import annotations

from .. import model as m
from ..block_types import block_type
from ..model.walk import adult_texts

LONG_PLAN = 2000
"""A plan with more words than this has its long sections folded."""
FOLD_WORDS = 300
"""In a long plan, a section with more words than this starts folded."""


def words_in(section: m.Section) -> int:
    return sum(len(text.split()) for text in adult_texts(section.blocks))


def folded_sections(plan: m.Plan) -> dict[str, str]:
    """The id of each section that starts folded, with its size in words ('about 1,200 words')."""
    counts = {section.id: words_in(section) for section in plan.sections}
    if sum(counts.values()) <= LONG_PLAN:
        return {}
    folded = {}
    for section in plan.sections[1:]:
        count = counts[section.id]
        tables = sum(block_type(block).drawn_as_table for block in section.blocks)
        if count > FOLD_WORDS or tables:
            size = f"about {round(count, -1):,} words"
            folded[section.id] = size + (f" and {'a table' if tables == 1 else f'{tables} tables'}" if tables else "")
    return folded
