"""Marking young-people texts as checked: writes the adult text's fingerprint beside each one.

Run it only after reading each young-people text against the adult text it explains: the
fingerprint is the record that somebody did.
"""

from __future__ import annotations

from pathlib import Path

from .. import model as m
from ..errors import DataError, Problems
from ..model.walk import fingerprint, walk
from ..read import read_document, validate


def mark_reviewed(file: Path) -> int:
    """Add or update `matches:` under every young-people text in a plan file; returns how many changed."""
    problems = Problems()
    document = read_document(file, str(file), problems)
    plan = validate(document, m.Plan, problems) if document else None
    if plan is None:
        raise DataError(problems)
    lines = file.read_text(encoding="utf-8").split("\n")
    edits: list[tuple[int, str, int | None]] = []
    for obj, path in walk(plan):
        young = getattr(obj, "young_people", None)
        if not isinstance(young, m.YoungText):
            continue
        current = fingerprint(obj)
        if young.matches == current:
            continue
        if young.matches is None:
            line, column = document.position(path + ("young_people",))
            edits.append((line - 1, " " * (column - 1) + f"matches: {current}", None))
        else:
            line, column = document.position(path + ("young_people", "matches"))
            edits.append((line - 1, lines[line - 1][: column - 1] + current, line - 1))
    for index, text, replaces in sorted(edits, key=lambda edit: edit[0], reverse=True):
        if replaces is None:
            lines.insert(index, text)
        else:
            lines[replaces] = text
    file.write_text("\n".join(lines), encoding="utf-8")
    return len(edits)
