"""Checks of a plan's progress reports: once a plan dates its statuses, every status has a date."""

from __future__ import annotations

import datetime

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


def dates_of(plan: m.Plan) -> list[tuple[datetime.date, tuple]]:
    """Every date a plan says something happened on, with its path: its last update and each progress update."""
    dated = [(plan.last_updated, ("last_updated",))] if plan.last_updated else []
    for obj, path in walk(plan):
        if isinstance(obj, m.Tracked):
            dated += [(update.date, path + ("updates", index, "date")) for index, update in enumerate(obj.updates)]
    return dated


def check_dates(
    dated: list[tuple[datetime.date, tuple]], document: Document, today: datetime.date, problems: Problems
) -> None:
    """Progress updates and a plan's last update (`dated`: dates_of the plan) happened by the day of the
    build: a date still to come would make an update the current status, and the top of every feed,
    until that day."""
    for day, path in dated:
        if day > today:
            line, column = document.position(path)
            problems.add(
                document.path,
                line,
                column,
                f"the date {day.isoformat()} is after today ({today.isoformat()}): an update reports what has happened",
                "write the date the update was made; to publish a plan later, use 'publish_on'",
            )
