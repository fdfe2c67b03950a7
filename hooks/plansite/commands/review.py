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
from .data_files import plan_file
from .yaml_edit import read_text, set_value, write_text


def mark_reviewed(file: Path) -> int:
    """Add or update `matches:` under every young-people text in a plan file; returns how many changed."""
    file, _, display = plan_file(file)
    problems = Problems()
    document = read_document(file, display, problems)
    plan = validate(document, m.Plan, problems) if document else None
    if plan is None:
        raise DataError(problems)
    text = read_text(file)
    changed = 0
    for obj, path in walk(plan):
        young = getattr(obj, "young_people", None)
        if not isinstance(young, m.YoungText):
            continue
        current = fingerprint(obj)
        if young.matches != current:
            text = set_value(text, path + ("young_people", "matches"), current)
            changed += 1
    if changed:
        write_text(file, text)
    return changed
