"""Money a child understands: a budget's lines in everyday words, each amount once, and £10 shared out."""

from __future__ import annotations

from plansite import model as m
from plansite.site.budget_filters import everyday_name, money_bars, money_comparison, out_of_ten


def total(*lines: tuple[str, int, str | None]) -> m.BudgetLine:
    return m.BudgetLine.model_validate(
        {
            "name": "Total",
            "amount": sum(amount for _, amount, _ in lines),
            "lines": [
                {"name": name, "amount": amount}
                | ({"young_people": {"title": young, "text": "What it pays for."}} if young else {})
                for name, amount, young in lines
            ],
        }
    )


OCC = total(
    ("Programme delivery", 1_735_000, "Work with children"), ("Admin – running costs", 765_000, "Running the office")
)


def test_every_ten_pounds_is_shared_out_by_the_lines_in_everyday_words():
    assert out_of_ten(OCC) == [("Work with children", 7), ("Running the office", 3)]
    assert (
        money_comparison(OCC)
        == "Out of every £10, about £7 goes on work with children and about £3 on running the office."
    )


def test_a_finished_plans_money_is_told_in_the_past_tense():
    assert money_comparison(OCC, ended=True).startswith("Out of every £10, about £7 went on work with children")


def test_the_pounds_always_add_up_to_ten_and_small_lines_join_other_things():
    budget = total(("A", 333, "Books"), ("B", 333, "Trips"), ("C", 334, "Games"))
    assert sum(n for _, n in out_of_ten(budget)) == 10
    many = total(("A", 50, "Books"), ("B", 20, "Trips"), ("C", 15, "Games"), ("D", 15, "Food"))
    assert money_comparison(many) == (
        "Out of every £10, about £5 goes on books, about £2 on trips, about £2 on games and about £1 on other things."
    )
    assert money_comparison(total(("A", 100, "Books"))) == ""


def test_a_line_without_an_everyday_name_keeps_its_own_and_names_like_dfe_keep_their_capitals():
    assert everyday_name(total(("Programme delivery", 5, None)).lines[0]) == "Programme delivery"
    budget = total(("A", 60, "DfE grants"), ("B", 40, "Running the office"))
    assert "about £6 goes on DfE grants" in money_comparison(budget)


def test_each_line_says_its_amount_once_rounded_as_people_say_it():
    bars = money_bars(OCC)
    assert [amount for _, amount, _ in bars] == ["about £1.7 million", "about £765,000"]
    assert all('aria-hidden="true"' in str(bar) for _, _, bar in bars)
