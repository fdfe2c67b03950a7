"""Charts: every bar says its words and its number in the page's text; nothing is told by colour alone; no script."""

import re

from plansite.site.budget_filters import rounded_money
from plansite.site.charts import Bar, bar_chart


def test_every_bar_is_labelled_with_its_words_and_number():
    chart = str(
        bar_chart([Bar("Done", 3, "3", "completed"), Bar("Late: <needs> work", 0, "0", "urgent")], "Chart & more", "c1")
    )
    assert re.findall(r'<span class="ps-chart__label">([^<]+)</span>', chart) == [
        "Done: 3",
        "Late: &lt;needs&gt; work: 0",
    ]
    assert chart.count('class="ps-chart__bar ') == 1, "a zero has no bar, only its words"
    assert 'id="c1" role="img" aria-label="Chart &amp; more"' in chart
    assert chart.count('aria-hidden="true"') == 2, "each bar is drawn for the eye; its words say it"
    assert "<script" not in chart and "style=" not in chart and "<text" not in chart


def test_bars_are_scaled_to_the_largest_value():
    chart = str(bar_chart([Bar("a", 10, "10"), Bar("b", 5, "5")], "t", "c"))
    widths = [float(w) for w in re.findall(r'class="ps-chart__bar ps-chart__bar--plain" width="([\d.]+)"', chart)]
    assert widths == [100, 50]


def test_money_is_rounded_the_way_people_say_it():
    assert [rounded_money(n) for n in (2_500_000, 1_735_000, 765_000, 460_000, 18_400, 950, 3_000_000)] == [
        "£2.5 million",
        "£1.7 million",
        "£765,000",
        "£460,000",
        "£18,000",
        "£950",
        "£3 million",
    ]
