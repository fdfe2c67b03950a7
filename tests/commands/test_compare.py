"""`compare`: the source's sentences a plan lacks and the plan's numbers the source lacks, each with its line."""

from __future__ import annotations

from pathlib import Path

import pytest
from plansite.commands.main import main
from project import DATA

ROOT = Path(__file__).resolve().parents[2]
PLAN = """\
organisation: occ
title: A plan
kind: pledge
period: "2024-25"
status: draft
summary: We promise to listen in 2024-25.
sections:
  - id: promises
    title: Our promises
    blocks:
      - type: text
        text: |-
          We will hold 12 meetings a year with the youth council.

          We will publish what we did, each “autumn”.
"""
SOURCE = """\
Our promises

We promise to listen in 2024-25. We will hold 21 meetings a year with the youth council.
We will publish what we did, each "autumn". We will pay young people for their time.
"""


@pytest.fixture
def files(tmp_path) -> tuple[Path, Path]:
    data = tmp_path / "data"  # where commands find plans
    (data / "plans").mkdir(parents=True)
    (data / "sources").mkdir()
    plan, source = data / "plans" / "a-plan.yml", data / "sources" / "a-plan.txt"
    plan.write_text(PLAN, encoding="utf-8")
    source.write_text(SOURCE, encoding="utf-8")
    return plan, source


def test_missing_sentences_and_unknown_numbers_are_listed_with_their_lines(files, capsys):
    plan, source = files
    assert main(["compare", str(plan), str(source)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert f"{source}:3: not in the plan: We will hold 21 meetings a year with the youth council." in out
    assert f"{source}:4: not in the plan: We will pay young people for their time." in out
    assert f"{plan}:13:24: the number 12 is not in the source; check it against the source" in out
    assert out[-1] == "2 source sentences not in the plan; 1 numbers in the plan not in the source."
    # quotes, case and spacing do not count as differences
    assert not any("autumn" in line for line in out)


def test_the_source_is_found_beside_the_plan_by_default_and_agreement_exits_zero(files, capsys):
    plan, source = files
    source.write_text(
        SOURCE.replace("21", "12").replace(" We will pay young people for their time.", ""), encoding="utf-8"
    )
    assert main(["compare", str(plan), "--data", str(plan.parent.parent)]) == 0
    assert (
        capsys.readouterr().out.strip()
        == "0 source sentences not in the plan; 0 numbers in the plan not in the source."
    )


@pytest.mark.parametrize("slug", [p.stem for p in (ROOT / "tests" / "fixtures" / "source-plans").glob("*.txt")])
def test_every_number_of_the_published_plans_is_in_its_source(slug, capsys):
    main(
        [
            "compare",
            str(DATA / "plans" / f"{slug}.yml"),
            str(ROOT / "tests" / "fixtures" / "source-plans" / f"{slug}.txt"),
        ]
    )
    assert capsys.readouterr().out.splitlines()[-1].endswith("; 0 numbers in the plan not in the source.")
