"""Template filters for progress, change logs and budgets: every word and number is formatted here, not in templates."""

from __future__ import annotations

import jinja2
from markupsafe import Markup

from .. import model as m
from ..paths import plan_path, progress_path
from ..progress import Count, Summary, young_summary
from .charts import Bar, bar_chart

ADULT = m.Audience.ADULT


def _audience(context) -> m.Audience:
    return context["view"].audience


@jinja2.pass_context
def count_label(context, count: Count) -> str:
    return count.label(_audience(context))


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


def action_columns(block: m.ActionPlanBlock) -> dict[str, str]:
    """The columns of an action-plan table, with a Progress column once any row has an update, then its
    extra columns (whose keys are never the site's own: check/plan.py)."""
    has_updates = any(row.updates for group in block.groups for row in group.rows)
    columns = dict(block.columns, progress=block.columns.get("progress", "Progress")) if has_updates else block.columns
    return {**columns, **block.extra_columns}


# --- Budgets ---------------------------------------------------------------------------------


def rounded_money(amount: int) -> str:
    """An amount rounded the way people say it: '£2.5 million', '£460,000', '£900'."""
    if amount >= 1_000_000:
        return f"£{amount / 1_000_000:.1f} million".replace(".0 million", " million")
    if amount >= 10_000:
        return f"£{round(amount, -3):,}"
    return f"£{round(amount, -1):,}"


def exact_money(amount: int) -> str:
    return f"£{amount:,}"


@jinja2.pass_context
def budget_chart(context, line: m.BudgetLine, chart_id: str) -> Markup:
    """Bars for the lines directly under a budget's total."""
    young = _audience(context) is not ADULT
    bars = [
        Bar(
            child.name,
            child.amount.amount,
            rounded_money(child.amount.amount) if young else exact_money(child.amount.amount),
        )
        for child in line.lines
    ]
    title = (
        f"Chart of the figures in the table: {line.name}, line by line" if not young else "Chart: where the money goes"
    )
    return bar_chart(bars, title, chart_id)


def budget_sentence(line: m.BudgetLine) -> str:
    """One short sentence for young people about one line of a budget."""
    return f"About {rounded_money(line.amount.amount)} is for this: {line.name}."


def lines_total(line: m.BudgetLine) -> int:
    return sum(child.amount.amount for child in line.lines)


def install(env: jinja2.Environment) -> None:
    """Add these filters, and the page paths templates link to, to our templates' environment."""
    env.filters.update(FILTERS)
    env.globals.update(plan_path=plan_path, progress_path=progress_path)


FILTERS = {
    "count_label": count_label,
    "status_chart": status_chart,
    "status_word": status_word,
    "young_summary": young_summary,
    "newest_first": newest_first,
    "action_columns": action_columns,
    "rounded_money": rounded_money,
    "exact_money": exact_money,
    "budget_chart": budget_chart,
    "budget_sentence": budget_sentence,
    "lines_total": lines_total,
}
