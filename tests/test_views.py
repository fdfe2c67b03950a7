"""The registry of block types and of citing items: complete, and loud about anything missing."""

from __future__ import annotations

import pytest
from plansite import model as m
from plansite.views.blocks import BLOCKS, block_view, partial_of
from plansite.views.citations import ITEM_LABELS, label_of
from project import ROOT


def _subclasses(cls: type) -> set[type]:
    found = set()
    for sub in cls.__subclasses__():
        found |= {sub} | _subclasses(sub)
    return found


def test_every_block_type_has_a_registry_entry() -> None:
    missing = [cls.__name__ for cls in m.BLOCK_CLASSES if cls not in BLOCKS]
    assert not missing, f"add these to plansite.views.blocks.BLOCKS: {missing}"


def test_every_registered_block_has_its_partial() -> None:
    for cls, shown in BLOCKS.items():
        assert (ROOT / "theme" / "partials" / "blocks" / f"{shown.partial}.html").is_file(), cls.__name__


def test_every_citing_item_that_is_not_a_block_has_a_label() -> None:
    # m.Item is only the base of items that may carry a note, never an item of a plan itself.
    items = {cls for cls in _subclasses(m.Cited) if not issubclass(cls, m.Block) and cls is not m.Item}
    assert items <= set(ITEM_LABELS), f"add labels for {sorted(c.__name__ for c in items - set(ITEM_LABELS))}"


def test_an_unregistered_block_type_is_an_error_not_a_default() -> None:
    class Unknown(m.Block):
        type: str = "unknown"

    block = Unknown()
    with pytest.raises(LookupError, match="Unknown has no entry"):
        block_view(block)
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
