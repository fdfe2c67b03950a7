"""Problems as data: what `./run check --report json` writes, the same problems as the printed report."""

from __future__ import annotations

import json

from plansite.errors import KEPT_PER_FILE, REPORT_FORMAT, Problems


def test_the_data_holds_every_problem_sorted_with_counts_per_file():
    problems = Problems()
    problems.add("data/plans/b.yml", 9, 3, "unknown key 'owenr'", "did you mean 'owner'?")
    problems.add("data/plans/a.yml", 4, 1, "a title is needed")
    problems.add("data/plans/a.yml", 2, 5, "duplicate key 'title'", "keep one")
    problems.add("data/plans/a.yml", 2, 5, "duplicate key 'title'", "keep one")  # the same problem, found twice
    data = problems.as_data()
    assert data["format"] == REPORT_FORMAT
    assert data["total"] == 3
    assert data["files"] == {"data/plans/a.yml": 2, "data/plans/b.yml": 1}
    assert [(p["file"], p["line"]) for p in data["problems"]] == [
        ("data/plans/a.yml", 2),
        ("data/plans/a.yml", 4),
        ("data/plans/b.yml", 9),
    ]
    assert data["problems"][0] == {
        "file": "data/plans/a.yml",
        "line": 2,
        "column": 5,
        "message": "duplicate key 'title'",
        "hint": "keep one",
    }
    assert data["problems"][1]["hint"] == ""
    json.dumps(data)  # plain data, nothing else


def test_problems_past_those_kept_are_counted():
    problems = Problems()
    for line in range(1, KEPT_PER_FILE + 251):
        problems.add("data/plans/tabs.yml", line, 1, "a tab is not allowed here")
    data = problems.as_data()
    assert len(data["problems"]) == KEPT_PER_FILE
    assert data["total"] == KEPT_PER_FILE + 250
    assert data["files"] == {"data/plans/tabs.yml": KEPT_PER_FILE + 250}


def test_texts_are_kept_as_found():
    """Escaping is the reader's: Markdown for a comment is not what a terminal needs."""
    problems = Problems()
    problems.add("data/plans/x.yml", 1, 1, "value '<b>@team</b>\n`x`'", "**fix**")
    problem = problems.as_data()["problems"][0]
    assert problem["message"] == "value '<b>@team</b>\n`x`'" and problem["hint"] == "**fix**"


def test_no_problems_is_data_too():
    assert Problems().as_data() == {"format": REPORT_FORMAT, "total": 0, "files": {}, "problems": []}
