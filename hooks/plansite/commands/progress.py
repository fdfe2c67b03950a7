"""`progress`: add a dated progress update to one item of a plan, leaving the rest of the file as it was."""

from __future__ import annotations

import datetime
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import model as m
from ..catalogue import load_plan
from ..errors import DataError, Problems
from ..model.walk import walk
from .data_files import plan_file
from .yaml_edit import EditRefused, append_item, read_text


@dataclass(frozen=True)
class TrackedItem:
    """An item that takes progress updates, with the names a command line may call it by."""

    names: tuple[str, ...]
    item: m.Tracked
    path: tuple


def tracked_items(plan: m.Plan) -> list[TrackedItem]:
    """Every action row, project and aim of a plan, named by its #anchor on the plan page and by its ref."""
    found = []
    for obj, path in walk(plan):
        if isinstance(obj, m.ActionGroup):
            for index, (row, anchor) in enumerate(zip(obj.rows, obj.row_anchors)):
                found.append(TrackedItem(tuple(n for n in (anchor, row.ref) if n), row, path + ("rows", index)))
        elif isinstance(obj, (m.Project, m.Aim)):
            found.append(TrackedItem(tuple(n for n in (obj.anchor, getattr(obj, "ref", None)) if n), obj, path))
    return found


def _load(file: Path, display: str, data_dir: Path) -> tuple[Any, Any]:
    """The plan in a file, read, validated and checked; DataError with every problem otherwise."""
    problems = Problems()
    plan, document = load_plan(file, problems, display, data_dir)
    if problems or plan is None:
        raise DataError(problems)
    return plan, document


def add_update(
    file: Path,
    ref: str,
    status: m.Status,
    text: str,
    young_people: str | None = None,
    date: datetime.date | None = None,
    source: str | None = None,
) -> TrackedItem:
    """Append an update to the item called ref; the file is written only if the result is a valid plan."""
    file, data_dir, display = plan_file(file)
    plan, _ = _load(file, display, data_dir)
    items = tracked_items(plan)
    matches = [t for t in items if ref in t.names]
    if not matches:
        known = ", ".join(t.names[0] for t in items[:12]) + (" …" if len(items) > 12 else "")
        raise EditRefused(f"no item called '{ref}' in this plan takes progress updates; use one of: {known}")
    if len(matches) > 1:
        raise EditRefused(f"'{ref}' names {len(matches)} items; use the #anchor from the plan page instead")
    target = matches[0]
    update: dict[str, Any] = {"date": date or datetime.date.today(), "status": status.value, "text": text}
    if young_people:
        update["young_people"] = young_people
    if source:
        update["source"] = source
    edited = append_item(read_text(file), target.path + ("updates",), update)
    # The edited file is checked as a file of its own, made new (never a name someone put a link at).
    handle, name = tempfile.mkstemp(dir=file.parent, prefix=f".{file.stem}-", suffix=".progress")
    candidate = Path(name)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(edited.encode("utf-8"))
        _load(candidate, display, data_dir)
        os.replace(candidate, file)
    finally:
        candidate.unlink(missing_ok=True)
    return target
