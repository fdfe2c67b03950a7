"""Bar charts as inline SVG: no script, every bar labelled with its words and its number.

A chart always sits beside a table of the same figures, which stays the primary view; the
chart's colours repeat what its words say and never carry meaning alone.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

WIDTH = 360
ROW = 42
LABEL = 17
BAR = 16


@dataclass(frozen=True)
class Bar:
    """One bar: its words, its value and the words for the value ('3', '£1,275,000')."""

    label: str
    value: float
    shown: str
    kind: str = "plain"


def bar_chart(bars: list[Bar], title: str, chart_id: str) -> Markup:
    """A horizontal bar chart; bars are scaled to the largest value, each with a label above it."""
    largest = max((bar.value for bar in bars), default=0) or 1
    height = ROW * len(bars) + 4
    parts = [
        f'<svg class="ps-chart" viewBox="0 0 {WIDTH} {height}" width="100%" role="img" '
        f'aria-labelledby="{escape(chart_id)}-title" preserveAspectRatio="xMinYMin meet">',
        f'<title id="{escape(chart_id)}-title">{escape(title)}</title>',
    ]
    for index, bar in enumerate(bars):
        top = index * ROW
        length = round((WIDTH - 4) * max(bar.value, 0) / largest, 1)
        parts.append(
            f'<text class="ps-chart__label" x="2" y="{top + LABEL - 3}">{escape(bar.label)}: {escape(bar.shown)}</text>'
        )
        parts.append(f'<rect class="ps-chart__track" x="2" y="{top + LABEL + 2}" width="{WIDTH - 4}" height="{BAR}"/>')
        if length > 0:
            parts.append(
                f'<rect class="ps-chart__bar ps-chart__bar--{escape(bar.kind)}" x="2" y="{top + LABEL + 2}" '
                f'width="{max(length, 2)}" height="{BAR}"/>'
            )
    parts.append("</svg>")
    return Markup("".join(parts))
