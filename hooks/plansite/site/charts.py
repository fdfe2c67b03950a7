"""Bar charts: every bar labelled with its words and its number, in the page's own text.

The words are HTML, at the size of the text around them and wrapping like it on a phone; each
bar is a small SVG drawn to its share of the largest value, with no script and no style
attribute (the Content-Security-Policy allows neither). A chart always sits beside a table of
the same figures, which stays the primary view: it is one image to a screen reader, named by its
title. Its colours repeat what its words say and never carry meaning alone.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

SCALE = 100  # the SVG's width in its own units: a bar's length is its percentage of the largest value


@dataclass(frozen=True)
class Bar:
    """One bar: its words, its value and the words for the value ('3', '£1,275,000')."""

    label: str
    value: float
    shown: str
    kind: str = "plain"


def bar_svg(value: float, largest: float, kind: str = "plain") -> Markup:
    """One bar on its track, as long as value is of largest; a zero has the track only."""
    length = round(SCALE * max(value, 0) / (largest or 1), 1)
    fill = (
        f'<rect class="ps-chart__bar ps-chart__bar--{escape(kind)}" width="{max(length, 1)}" height="4"/>'
        if length > 0
        else ""
    )
    return Markup(
        f'<svg class="ps-chart__bars" viewBox="0 0 {SCALE} 4" preserveAspectRatio="none" aria-hidden="true" '
        f'focusable="false"><rect class="ps-chart__track" width="{SCALE}" height="4"/>{fill}</svg>'
    )


def bar_chart(bars: list[Bar], title: str, chart_id: str) -> Markup:
    """A horizontal bar chart; bars are scaled to the largest value, each with its label above it."""
    largest = max((bar.value for bar in bars), default=0) or 1
    rows = "".join(
        f'<div class="ps-chart__row"><span class="ps-chart__label">{escape(bar.label)}: {escape(bar.shown)}</span>'
        f"{bar_svg(bar.value, largest, bar.kind)}</div>"
        for bar in bars
    )
    return Markup(f'<div class="ps-chart" id="{escape(chart_id)}" role="img" aria-label="{escape(title)}">{rows}</div>')
