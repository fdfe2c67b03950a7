"""Every CSV download opens in a spreadsheet with no formula in it (OWASP's advice on CSV injection)."""

from __future__ import annotations

import csv
import io
import re

import pytest
from plan_files import PLAN, data_folder, load
from plansite.outputs import all_files
from plansite.outputs.tables_csv import FORMULA_STARTS, as_csv

HOSTILE = ['=HYPERLINK("https://evil.example","x")', "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx", "＝1+1"]


def cells(content: bytes) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(content.decode("utf-8"))) for cell in row]


@pytest.mark.parametrize("text", HOSTILE)
def test_a_cell_that_would_start_a_formula_starts_with_a_quote(text: str) -> None:
    row = ["plan", "a", "project", "1.1", text, "on-track", "2025-01-01", "12"]
    found = cells(as_csv("projects", [row]))
    assert "'" + text in found
    assert not any(cell.startswith(FORMULA_STARTS) for cell in found)


def test_numbers_stay_numbers() -> None:
    content = as_csv("budget", [["plan", "budget", "Total", "Losses", "", 0, -500, "", ""]]).decode("utf-8")
    assert ",-500," in content and ',"Losses",' in content


TABLE_TEXTS = """\
      - type: projects
        items:
          - id: a-project
            aims: ["{0}"]
            title: "{0}"
            goals: Goals.
            performance_theme: A theme.
            performance: Performance.
            indicators: Indicators.
            updates:
              - date: 2025-01-01
                status: completed
                text: "{0}"
      - type: budget
        negative_amounts: true
        total:
          name: "{0}"
          amount: -5
          lines:
            - name: "{0} again"
              amount: -5
              share: "{0}"
"""


@pytest.mark.parametrize("text", ["=1+1", "+1", "-1", "@x", "＝1"])  # a tab or CR never gets past the reader
def test_every_csv_of_a_plan_with_formulas_in_its_cells_opens_without_one(tmp_path, text: str) -> None:
    data = data_folder(tmp_path)
    plan = PLAN.replace("        text: Plain words.\n", "        text: Plain words.\n" + TABLE_TEXTS.format(text))
    catalogue, problems = load(data, plan.replace('share: "' + text + '"', 'share: "100%"'))
    assert catalogue is not None, problems.report()
    tables = [
        (path, content) for path, content in all_files(catalogue, "https://example.org/") if path.endswith(".csv")
    ]
    assert any("/hostile/" in path for path, _ in tables)
    for path, content in tables:
        for cell in cells(content):
            assert re.fullmatch(r"-?[0-9]+", cell) or not cell.startswith(FORMULA_STARTS), (path, cell)
