"""The editors' guide against the site: the reading grades its walk-through quotes are the ones the checks measure."""

from __future__ import annotations

import re
from pathlib import Path

from plansite.check.reading import MAX_MEDIAN_GRADE, measure

GUIDE = Path(__file__).resolve().parent.parent / "content" / "editors-guide.md"
EXAMPLE = re.compile(r'^- (Before|Halfway|After) \(grade (\d+\.\d)\): "(.+?)"', re.MULTILINE)


def examples() -> list[tuple[str, float, str]]:
    return [(stage, float(grade), text) for stage, grade, text in EXAMPLE.findall(GUIDE.read_text(encoding="utf-8"))]


def test_walk_through_quotes_the_grades_the_checks_measure():
    found = examples()
    assert len(found) >= 8
    wrong = [f"{stage} {grade}: {text}" for stage, grade, text in found if round(measure([text]).grade, 1) != grade]
    assert not wrong, "\n".join(wrong)


def test_every_after_example_passes_and_every_before_example_would_not():
    for stage, grade, text in examples():
        assert (grade <= MAX_MEDIAN_GRADE) == (stage == "After"), (stage, grade, text)
