"""Template filters for progress and change logs: every word and number is formatted here, not in templates
(a budget's: budget_filters.py)."""

from __future__ import annotations

import jinja2
from markupsafe import Markup

from .. import model as m
from ..addresses import plan_path, progress_path, updates_path
from ..progress import Change, Count, Summary, adult_summary, young_summary
from ..texts.rendering import excerpt
from .charts import Bar, bar_chart

ADULT = m.Audience.ADULT


def _audience(context) -> m.Audience:
    return context["view"].audience


@jinja2.pass_context
def count_label(context, count: Count) -> str:
    return count.label(_audience(context))


@jinja2.pass_context
def count_words(context, count: Count) -> str:
    return count.words(_audience(context))


@jinja2.pass_context
def status_chart(context, found: Summary, chart_id: str) -> Markup:
    audience = _audience(context)
    bars = [
        Bar(c.label(audience), c.number, str(c.number), c.status.value if c.status else "none") for c in found.counts
    ]
    title = (
        "Chart of the figures in the table: how many items have each status"
        if audience is ADULT
        else "Chart: how many promises are at each stage"
    )
    return bar_chart(bars, title, chart_id)


@jinja2.pass_context
def status_word(context, status: m.Status) -> str:
    return status.label if _audience(context) is ADULT else status.young_people_label


def newest_first(updates: list[m.Update]) -> list[m.Update]:
    return sorted(updates, key=lambda update: update.date, reverse=True)


def oldest_first(updates: list[m.Update]) -> list[m.Update]:
    """Updates as a timeline: in the order they happened (of two on one day, the one written first)."""
    return sorted(updates, key=lambda update: update.date)


@jinja2.pass_context
def summary_words(context, found: Summary, where: str, who: str) -> str:
    """A summary in a sentence for adults ('Of the 5 items in this plan...'), in short ones for young people."""
    if _audience(context) is ADULT:
        return adult_summary(found, where)
    return " ".join(young_summary(found, who))


@jinja2.pass_context
def change_title(context, change: Change) -> str:
    """What changed, as the latest updates and the feeds name it: 'Safer parks: Completed'."""
    return change.title(_audience(context))


def excerpt_words(text: str, words: int) -> str:
    """The first words a reader sees of a text."""
    return excerpt(text, words)


def action_columns(block: m.ActionPlanBlock) -> dict[str, str]:
    """The columns of an action-plan table, with an Owner column when a row names an owner and the table has
    no lead column, a Progress column once any row has an update, then its extra columns (whose keys are
    never the site's own: check/plan.py)."""
    rows = [row for group in block.groups for row in group.rows]
    columns = dict(block.columns)
    if "lead" not in columns and any(row.owner for row in rows):
        columns["owner"] = "Owner"
    if any(row.updates for row in rows):
        columns["progress"] = block.columns.get("progress", "Progress")
    return {**columns, **block.extra_columns}


def install(env: jinja2.Environment) -> None:
    """Add these filters, and the page paths templates link to, to our templates' environment."""
    env.filters.update(FILTERS)
    env.globals.update(plan_path=plan_path, progress_path=progress_path, updates_path=updates_path)


FILTERS = {
    "count_label": count_label,
    "count_words": count_words,
    "status_chart": status_chart,
    "status_word": status_word,
    "young_summary": young_summary,
    "summary_words": summary_words,
    "change_title": change_title,
    "excerpt_words": excerpt_words,
    "newest_first": newest_first,
    "oldest_first": oldest_first,
    "action_columns": action_columns,
}
