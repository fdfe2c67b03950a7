"""Young-people texts in a published plan: every priority has one, and each was checked against its adult text."""

from __future__ import annotations

from typing import Any

from .. import model as m
from ..model.walk import Path, fingerprint


def check_young_people(obj: Any, path: Path, report) -> None:
    """A priority without its young-people text, and young-people texts not checked since the adult text changed."""
    if getattr(obj, "needs_young_people", False) and obj.young_people is None:
        name = getattr(obj, "title", None) or getattr(obj, "ref", "")
        report(path, f"'{name}' has no young-people text", "add 'young_people:' with a 'text:' of one or two short sentences")
    owner_has_text = isinstance(obj, (m.Cited, m.Section)) and obj.young_people is not None
    if owner_has_text:
        current = fingerprint(obj)
        recorded = obj.young_people.matches
        if recorded is None:
            report(
                path + ("young_people",),
                "this young-people text has not been checked against the adult text",
                f"read both; if they match, add 'matches: {current}' under young_people",
            )
        elif recorded != current:
            report(
                path + ("young_people", "matches"),
                "the adult text has changed since this young-people text was checked: it needs review",
                f"read both and update the young-people text, then set 'matches: {current}'",
            )
