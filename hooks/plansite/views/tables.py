"""What a table shows besides its cells: notes taken out of the cells, and a total row.

Long notes never sit inside a cell: each becomes a numbered note under the table, linked both
ways. A note the plan itself numbers (a superscript such as 'NHS Complaints ⁴') keeps the plan's
number; a note of the site's editors gets a letter, so the two are never confused.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .. import model as m
from ..model import ids

SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")


def split_mark(text: str) -> tuple[str, str | None]:
    """A text and the footnote number printed after it: 'NHS Complaints ⁴' gives ('NHS Complaints', '4')."""
    stripped = text.rstrip()
    digits = ""
    while stripped and stripped[-1] in "⁰¹²³⁴⁵⁶⁷⁸⁹":
        digits = stripped[-1] + digits
        stripped = stripped[:-1]
    if not digits or not stripped.strip():
        return text, None
    return stripped.rstrip(), digits.translate(SUPERSCRIPTS)


@dataclass(frozen=True)
class Note:
    """A note under a table: its mark, its text and whether the site's editors wrote it."""

    mark: str
    text: str
    by_editors: bool
    id: str

    @property
    def ref_id(self) -> str:
        """The id of the mark in the table, which the note links back to."""
        return self.id + "-ref"


@dataclass
class TableNotes:
    """The notes of one table, found by the cell value they belong to."""

    prefix: str
    notes: list[Note] = field(default_factory=list)
    _by_owner: dict[int, Note] = field(default_factory=dict)

    def add(self, owner: Any, text: str, mark: str | None = None, by_editors: bool = False) -> Note:
        """A note for owner; without a printed mark it is numbered (the plan's) or lettered (the editors':
        a to z, then aa, ab...). Each note's id is its own, even when two notes share a printed mark."""
        if mark is None and by_editors:
            mark = ids.letters(sum(n.by_editors for n in self.notes))
        elif mark is None:
            mark = str(1 + sum(not n.by_editors for n in self.notes))
        taken = {n.id for n in self.notes}
        note_id, number = ids.notes_prefix(self.prefix) + mark, 1
        while note_id in taken:
            number += 1
            note_id = f"{ids.notes_prefix(self.prefix)}{mark}-{number}"
        note = Note(mark, text, by_editors, note_id)
        self.notes.append(note)
        self._by_owner[id(owner)] = note
        return note

    def of(self, owner: Any) -> Note | None:
        """The note that belongs to this value (a row, an amount, a budget line), if any."""
        return self._by_owner.get(id(owner))


def budget_notes(block: m.BudgetBlock, prefix: str) -> TableNotes:
    """Editors' notes on a budget's amounts and sums, in the order of the table's rows."""
    notes = TableNotes(prefix)

    def walk(line: m.BudgetLine) -> None:
        if line.amount.note:
            notes.add(line.amount, line.amount.note, by_editors=True)
        if line.sum_note:
            notes.add(line, line.sum_note, by_editors=True)
        for child in line.lines:
            walk(child)

    walk(block.total)
    return notes


def delivery_notes(block: m.DeliveryBlock, prefix: str) -> TableNotes:
    """The plan's own footnotes on projects (numbered as the plan numbers them) and editors' notes on amounts."""
    notes = TableNotes(prefix)
    for row in block.rows:
        if row.footnote:
            notes.add(row, row.footnote, split_mark(row.project)[1])
        if row.budget.note:
            notes.add(row.budget, row.budget.note, by_editors=True)
    return notes


def delivery_total(block: m.DeliveryBlock) -> m.Money | None:
    """The sum of a delivery table's amounts, when the table has more than one row to add up."""
    if "budget" not in block.columns or len(block.rows) < 2:
        return None
    return m.Money(amount=sum(row.budget.amount for row in block.rows))


def footnotes(section: m.Section) -> list[m.Footnote]:
    """The plan's footnotes in a section, in order (its footnote blocks' items)."""
    return [note for block in section.blocks if isinstance(block, m.FootnotesBlock) for note in block.items]


def footnote_id(section: m.Section, mark: str | None) -> str | None:
    """The #anchor of the plan's footnote with this mark in a footnotes block of the section, if there is one."""
    for index, note in enumerate(footnotes(section), start=1):
        if mark and note.mark == mark:
            return ids.footnote_id(section, mark, index)
    return None
