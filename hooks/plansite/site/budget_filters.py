"""Template filters for budgets: amounts exact and as people say them, a budget's chart, its lines in
everyday words for young people, and £10 shared out among them."""

from __future__ import annotations

import jinja2
from markupsafe import Markup

from .. import model as m
from .charts import Bar, bar_chart, bar_svg


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
    total = lines_total(line)
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
    """Add these filters to our templates' environment."""
    env.filters.update(FILTERS)


FILTERS = {
    "rounded_money": rounded_money,
    "exact_money": exact_money,
    "budget_chart": budget_chart,
    "everyday_name": everyday_name,
    "money_bars": money_bars,
    "money_comparison": money_comparison,
    "lines_total": lines_total,
}
