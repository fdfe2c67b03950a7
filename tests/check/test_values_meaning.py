"""Every value has a range and one meaning: bounded numbers, no update from the future, what is
printed agrees with what is counted, no list that is a set holds a value twice, and no missing
value is ever printed as 'None'."""

from __future__ import annotations

import json
import re

import pytest
from plan_files import PLAN, load, reported
from plansite.outputs import all_files
from plansite.views import all_pages

BLOCK = "      - type: text\n        text: Plain words.\n"


def with_block(block: str) -> str:
    return PLAN.replace(BLOCK, BLOCK + block)


def test_a_file_size_of_401_digits_is_a_problem_not_a_crash(data) -> None:
    plan = PLAN.replace("sections:", "original:\n  url: https://www.example.org/plan.pdf\n  title: The plan\n"
                        f"  size_bytes: {'9' * 401}\nsections:")  # fmt: skip
    _, problems = load(data, plan)
    reported(problems, "'size_bytes'", line=10)


@pytest.mark.parametrize("size", ["0", "-5", "1e6", "1_000", "10000000000000"])
def test_a_file_size_is_a_whole_number_of_bytes_in_range(data, size: str) -> None:
    plan = PLAN.replace("sections:", "original:\n  url: https://www.example.org/plan.pdf\n  title: The plan\n"
                        f"  size_bytes: {size}\nsections:")  # fmt: skip
    _, problems = load(data, plan)
    reported(problems, "'size_bytes'", line=10)


BUDGET = """\
      - type: budget
        total:
          name: All of it
          amount: {{amount: 25000, as_printed: "{printed}"}}
          lines:
            - name: Staff
              amount: 20000
              share: "{share}"
            - name: Projects
              amount: 5000
"""


@pytest.mark.parametrize("printed", ["£5M", "£2,500", "25", "lots"])
def test_a_printed_amount_says_the_amount_counted(data, printed: str) -> None:
    _, problems = load(data, with_block(BUDGET.format(printed=printed, share="80%")))
    reported(problems, f"'{printed}'", line=16)


@pytest.mark.parametrize("printed", ["£25,000", "£25K", "£0.025M", "25000"])
def test_a_printed_amount_that_agrees_is_accepted(data, printed: str) -> None:
    catalogue, problems = load(data, with_block(BUDGET.format(printed=printed, share="80%")))
    assert catalogue is not None, problems.report()


def test_a_printed_share_agrees_with_the_amounts(data) -> None:
    _, problems = load(data, with_block(BUDGET.format(printed="£25K", share="60%")))
    assert "(80.0%)" in reported(problems, "the share printed, '60%'", line=20)


UPDATE = """\
      - type: projects
        items:
          - id: a-project
            aims: ["1"]
            title: A project
            goals: Goals.
            performance_theme: A theme.
            performance: Performance.
            indicators: Indicators.
            updates:
              - date: {date}
                status: completed
                text: Done.
"""


def test_an_update_dated_after_the_build_is_refused(data) -> None:
    _, problems = load(data, with_block(UPDATE.format(date="2999-01-01")))
    reported(problems, "the date 2999-01-01 is after today", line=23)


def test_a_last_update_after_the_build_is_refused(data) -> None:
    _, problems = load(data, PLAN.replace("sections:", "last_updated: 2026-06-01\nsections:"))
    reported(problems, "the date 2026-06-01 is after today", line=7)


T = "      - type: "
SETS = [
    (T + "text\n        text: Article 12.\n        articles: [12, 3, 12]\n", 15, "Article 12 is listed twice"),
    (T + "text\n        text: Words.\n        related_articles: [4, 4]\n", 15, "Article 4 is listed twice"),
    (T + "key\n        items:\n          - {code: CC, meaning: One}\n          - {code: CC, meaning: Two}\n",
     16, "the code 'CC' is in the key twice"),
    (T + "networks\n        items: [A network, A network]\n", 14, "'A network' is listed twice"),
    (T + "footnotes\n        items:\n          - {mark: '1', text: One.}\n          - {mark: '1', text: Two.}\n",
     16, "the footnote mark '1' is used twice"),
    (T + "status_key\n        items:\n          - {status: urgent, text: Red}\n"
     "          - {status: urgent, text: Also red}\n", 16, "the status 'urgent' is in the key twice"),
]  # fmt: skip


@pytest.mark.parametrize("block, line, fragment", SETS)
def test_a_list_that_is_a_set_holds_each_value_once(data, block: str, line: int, fragment: str) -> None:
    _, problems = load(data, with_block(block))
    reported(problems, fragment, line=line)


def test_no_missing_value_is_printed_as_none(data) -> None:
    """An organisation without a short name, a plan without any optional value: nothing says 'None'."""
    organisations = data / "organisations.yml"
    text = organisations.read_text(encoding="utf-8")
    organisations.write_text(re.sub(r"\n    short_name: SCB", "", text), encoding="utf-8")
    catalogue, problems = load(data, with_block(UPDATE.format(date="2025-01-01")))
    assert catalogue is not None, problems.report()
    for path, content in all_files(catalogue, "https://example.org/"):
        if path.endswith(".json"):
            strings = json.dumps(json.loads(content))  # null is a missing value said properly
            assert not re.search(r"\bNone\b", strings), path
        else:
            assert not re.search(r"\bNone\b", content.decode("utf-8")), path
    for view in all_pages(catalogue):
        assert not re.search(r"\bNone\b", view.title + " " + view.description), view.path
