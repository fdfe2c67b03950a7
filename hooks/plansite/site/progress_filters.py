"""Template filters for progress, change logs and budgets: every word and number is formatted here, not in templates."""

from __future__ import annotations

import jinja2
from markupsafe import Markup

from .. import model as m
from ..addresses import plan_path, progress_path, updates_path
from ..progress import Change, Count, Summary, adult_summary, young_summary
from ..texts.rendering import excerpt
from .charts import Bar, bar_chart, bar_svg

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
    """Bars for the lines directly under a budget's total (the adult page; young people's is money_bars)."""
    bars = [Bar(child.name, child.amount.amount, exact_money(child.amount.amount)) for child in line.lines]
    return bar_chart(bars, f"Chart of the figures in the table: {line.name}, line by line", chart_id)


def everyday_name(line: m.BudgetLine) -> str:
    """A budget line as young people read it: its young-people title ('Running the office'), or its own name."""
    return line.young_people.title if line.young_people and line.young_people.title else line.name


def money_bars(line: m.BudgetLine) -> list[tuple[m.BudgetLine, str, Markup]]:
    """The lines under a budget's total for young people: each with its amount said once, rounded
    the way people say it, and its bar."""
    largest = max((child.amount.amount for child in line.lines), default=0)
    return [
        (child, f"about {rounded_money(child.amount.amount)}", bar_svg(child.amount.amount, largest))
        for child in line.lines
    ]


def _in_a_sentence(name: str) -> str:
    """A name inside a sentence: 'Running the office' is 'running the office'; 'DfE grants' stays."""
    first = name.split(" ", 1)[0]
    return name[:1].lower() + name[1:] if first[1:].islower() or len(first) == 1 else name


def out_of_ten(line: m.BudgetLine) -> list[tuple[str, int]]:
    """How many pounds of every £10 go to each line under a budget's total, biggest first, adding
    up to 10 (the largest remainders round up); lines that get less than £1 in 10 are left out."""
    total = sum(child.amount.amount for child in line.lines)
    if total <= 0:
        return []
    exact = [(everyday_name(child), 10 * child.amount.amount / total) for child in line.lines]
    pounds = {name: int(share) for name, share in exact}
    by_remainder = sorted(exact, key=lambda item: item[1] - int(item[1]), reverse=True)
    for name, _ in by_remainder[: 10 - sum(pounds.values())]:
        pounds[name] += 1
    return sorted(((name, n) for name, n in pounds.items() if n), key=lambda item: -item[1])


def money_comparison(line: m.BudgetLine, ended: bool = False) -> str:
    """The budget as a child can picture it: 'Out of every £10, about £7 goes on work with children
    and about £3 on running the office.' (in the past tense once the plan has ended); the three
    biggest lines by name, the rest as other things."""
    shares = out_of_ten(line)
    if len(shares) < 2:
        return ""
    named = shares[:3]
    parts = [f"about £{n} on {_in_a_sentence(name)}" for name, n in named]
    parts[0] = parts[0].replace(" on ", " went on " if ended else " goes on ", 1)
    rest = 10 - sum(n for _, n in named)
    if rest:
        parts.append(f"about £{rest} on other things")
    return f"Out of every £10, {', '.join(parts[:-1])} and {parts[-1]}."


def lines_total(line: m.BudgetLine) -> int:
    return sum(child.amount.amount for child in line.lines)


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
    "rounded_money": rounded_money,
    "exact_money": exact_money,
    "budget_chart": budget_chart,
    "everyday_name": everyday_name,
    "money_bars": money_bars,
    "money_comparison": money_comparison,
    "lines_total": lines_total,
}
