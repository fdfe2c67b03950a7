"""Checks of a plan's progress reports: once a plan dates its statuses, every status has a date."""

from __future__ import annotations

from .. import model as m
from ..errors import Problems
from ..model.walk import walk
from ..read import Document

UNDATED_HINT = (
    "give it a date: replace 'progress: {status}' with 'updates:' holding '- date: YYYY-MM-DD', "
    "'status: {status}' and 'text: ...' (./run progress writes one for you)"
)


def check_progress(plan: m.Plan, document: Document, problems: Problems) -> None:
    """A status without a date is a problem in a plan whose other statuses have dates."""
    tracked = [(obj, path) for obj, path in walk(plan) if isinstance(obj, m.Tracked)]
    if not any(obj.updates for obj, _ in tracked):
        return
    for obj, path in tracked:
        if isinstance(obj, m.ActionRow) and obj.progress is not None:
            line, column = document.position(path + ("progress",))
            problems.add(
                document.path,
                line,
                column,
                "this status has no date, but the plan's progress updates have dates",
                UNDATED_HINT.format(status=obj.progress.value),
            )
