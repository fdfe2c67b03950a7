"""Pieces of the importer's neutral tree (plansite/importing/tree.py), made by hand for its tests."""

from __future__ import annotations

from plansite.importing.tree import Paragraph, Span


def para(text: str, bold: bool = False, size: float = 11.0, **look) -> Paragraph:
    """A paragraph of one run of text, in body text's size unless told."""
    return Paragraph([Span(text, bold=bold)], size=size, **look)
