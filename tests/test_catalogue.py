"""Loading everything: one plan on its own, or the whole of data/ with every problem in one run."""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

import pytest

from conftest import ROOT
from plansite.catalogue import load_catalogue, load_plan
from plansite.errors import DataError, Problems

PLAN = ROOT / "data" / "plans" / "occ-participation-strategy-2014-15.yml"


def test_load_plan_reads_validates_and_checks_one_file() -> None:
    problems = Problems()
    plan, document = load_plan(PLAN, problems, "data/plans/occ-participation-strategy-2014-15.yml")
    assert not problems, problems.report()
    assert plan.organisation == "occ" and document.path.endswith(".yml")


def test_load_plan_reports_cross_field_problems_too(tmp_path: Path) -> None:
    broken = tmp_path / "x.yml"
    text = PLAN.read_text(encoding="utf-8")
    # A young-people review record that no longer matches: found by the checks, not the schema.
    first = text.index("matches: ") + len("matches: ")
    broken.write_text(text[:first] + "00000000" + text[first + 8 :], encoding="utf-8")
    problems = Problems()
    plan, _ = load_plan(broken, problems, "x.yml")
    assert plan is not None
    assert any("needs review" in p.message for p in problems.items), problems.report()


def test_the_catalogue_holds_every_published_plan_in_order() -> None:
    catalogue = load_catalogue(ROOT / "data")
    slugs = [p.slug for p in catalogue.plans]
    assert "occ-business-plan-2012-13" in slugs and len(slugs) == len(set(slugs))
    assert len(catalogue.articles) == 54
    assert [p.plan.organisation for p in catalogue.plans] == sorted(p.plan.organisation for p in catalogue.plans)


def test_problems_in_several_files_come_out_together(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    (data / "glossary.yml").write_text("terms:\n  - term: X\n    meanig: typo\n", encoding="utf-8")
    plan = data / "plans" / "scb-business-plan-2009-10.yml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("organisation: ", "organisation: nobody-", 1), encoding="utf-8")
    with pytest.raises(DataError) as raised:
        load_catalogue(data)
    files = {p.path for p in raised.value.problems.items}
    assert {"data/glossary.yml", "data/plans/scb-business-plan-2009-10.yml"} <= files


def test_drafts_and_future_plans_are_left_out_unless_previewing(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    plan = data / "plans" / "scb-business-plan-2009-10.yml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("status: published", "status: published\npublish_on: 2099-01-01", 1), encoding="utf-8")
    today = datetime.date(2026, 12, 1)
    assert "scb-business-plan-2009-10" not in [p.slug for p in load_catalogue(data, today=today).plans]
    assert "scb-business-plan-2009-10" in [p.slug for p in load_catalogue(data, preview=True, today=today).plans]
