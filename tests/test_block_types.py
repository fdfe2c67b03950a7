"""The registry of block types (plansite/block_types.py): complete, and loud about anything missing."""

from __future__ import annotations

import pytest
from plansite import model as m
from plansite.block_types import BLOCKS, ITEMS, block_type, partial_of
from plansite.outputs.tables_csv import TABLES
from plansite.progress import BLOCK_TABLES
from plansite.views.citations import label_of
from project import ROOT


def _subclasses(cls: type) -> set[type]:
    found = set()
    for sub in cls.__subclasses__():
        found |= {sub} | _subclasses(sub)
    return found


def test_every_block_type_has_a_registry_entry() -> None:
    missing = [cls.__name__ for cls in m.BLOCK_CLASSES if cls not in BLOCKS]
    assert not missing, f"add these to plansite.block_types.BLOCKS: {missing}"


def test_every_registered_block_has_its_partial() -> None:
    for cls, shown in BLOCKS.items():
        assert (ROOT / "theme" / "partials" / "blocks" / f"{shown.partial}.html").is_file(), cls.__name__


def test_every_citing_item_that_is_not_a_block_has_a_label() -> None:
    # m.Item is only the base of items that may carry a note, never an item of a plan itself.
    items = {cls for cls in _subclasses(m.Cited) if not issubclass(cls, m.Block) and cls is not m.Item}
    assert items <= set(ITEMS), f"add entries for {sorted(c.__name__ for c in items - set(ITEMS))} to a block's items"


def test_an_unregistered_block_type_is_an_error_not_a_default() -> None:
    class Unknown(m.Block):
        type: str = "unknown"

    block = Unknown()
    with pytest.raises(LookupError, match="Unknown has no entry"):
        block_type(block)
    with pytest.raises(LookupError):
        partial_of(block)
    with pytest.raises(LookupError):
        label_of(block, "Section")


def test_an_unknown_citing_item_is_an_error() -> None:
    class Pledge(m.Cited):
        words: str = ""

    with pytest.raises(LookupError, match="Pledge can cite articles"):
        label_of(Pledge(), "Section")


def test_labels_name_items_in_the_plans_words() -> None:
    aim = m.Aim(ref="1.2", text="Promote the **rights** of children in [care](https://example.org).")
    assert label_of(aim, "Priorities") == ("Strategic aim 1.2", "Promote the rights of children in care.")
    text = m.TextBlock(type="text", text="Children have rights.", title="Our values")
    assert label_of(text, "Who we are") == ("Who we are", "Children have rights.")


def test_every_table_a_block_makes_is_a_download_with_its_columns() -> None:
    tables = {entry.table for entry in BLOCKS.values() if entry.table}
    assert tables == set(BLOCK_TABLES) and tables <= set(TABLES)


def test_the_items_of_a_tracked_block_are_its_promises_with_their_anchors() -> None:
    row = m.ActionRow(ref="1", activity=["Set up a forum"])
    group = m.ActionGroup(id="voice", title="Being heard", rows=[row])
    block = m.ActionPlanBlock(type="action_plan", columns={"activity": "Activity"}, groups=[group])
    (found,) = block_type(block).tracked(block)
    assert (found.item, found.anchor, found.kind, found.label) == (
        row,
        group.row_anchors[0],
        "action",
        "Being heard: 1. Set up a forum",
    )
    assert block_type(m.TextBlock(type="text", text="Words.")).tracked is None
