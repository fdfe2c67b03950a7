"""Loading everything: one plan on its own, or the whole of data/ with every problem in one run."""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

import pytest
from plansite.catalogue import load_catalogue, load_plan
from plansite.errors import DataError, Problems
from project import DATA, FIXTURE_DATA

PLAN = FIXTURE_DATA / "plans" / "occ-participation-strategy-2014-15.yml"


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
    catalogue = load_catalogue(DATA)
    slugs = [p.slug for p in catalogue.plans]
    assert "occ-business-plan-2012-13" in slugs and len(slugs) == len(set(slugs))
    assert len(catalogue.articles) == 54
    assert [p.plan.organisation for p in catalogue.plans] == sorted(p.plan.organisation for p in catalogue.plans)


def test_problems_in_several_files_come_out_together(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data)
    (data / "glossary.yml").write_text("terms:\n  - term: X\n    meanig: typo\n", encoding="utf-8")
    plan = data / "plans" / "scb-business-plan-2009-10.yml"
    plan.write_text(
        plan.read_text(encoding="utf-8").replace("organisation: ", "organisation: nobody-", 1), encoding="utf-8"
    )
    with pytest.raises(DataError) as raised:
        load_catalogue(data)
    files = {p.path for p in raised.value.problems.items}
    assert {"data/glossary.yml", "data/plans/scb-business-plan-2009-10.yml"} <= files


def test_drafts_and_future_plans_are_left_out_unless_previewing(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data)
    plan = data / "plans" / "scb-business-plan-2009-10.yml"
    plan.write_text(
        plan.read_text(encoding="utf-8").replace("status: published", "status: published\npublish_on: 2099-01-01", 1),
        encoding="utf-8",
    )
    today = datetime.date(2026, 12, 1)
    assert "scb-business-plan-2009-10" not in [p.slug for p in load_catalogue(data, today=today).plans]
    assert "scb-business-plan-2009-10" in [p.slug for p in load_catalogue(data, preview=True, today=today).plans]


def _broken_copy(tmp_path: Path) -> Path:
    """data/ with problems in two plans: one caught by the schema, one by the cross-field checks."""
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data)
    typo = data / "plans" / "scb-business-plan-2009-10.yml"
    typo.write_text(typo.read_text(encoding="utf-8").replace("title:", "titel:", 1), encoding="utf-8")
    review = data / "plans" / "occ-participation-strategy-2014-15.yml"
    text = review.read_text(encoding="utf-8")
    first = text.index("matches: ") + len("matches: ")
    review.write_text(text[:first] + "00000000" + text[first + 8 :], encoding="utf-8")
    return data


def test_plans_loaded_by_forks_give_the_same_catalogue(monkeypatch: pytest.MonkeyPatch) -> None:
    alone = load_catalogue(DATA)
    monkeypatch.setattr("plansite.catalogue.PLANS_WORTH_SHARING", 1)
    shared = load_catalogue(DATA, processes=2)
    assert [p.slug for p in shared.plans] == [p.slug for p in alone.plans]
    assert [p.plan for p in shared.plans] == [p.plan for p in alone.plans]
    assert [p.document.text for p in shared.plans] == [p.document.text for p in alone.plans]
    # A fork's document still finds where things were typed, for the checks across files.
    assert shared.plans[0].document.position(("title",)) == alone.plans[0].document.position(("title",))


def test_plans_loaded_by_forks_report_the_same_problems(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = _broken_copy(tmp_path)
    with pytest.raises(DataError) as alone:
        load_catalogue(data)
    monkeypatch.setattr("plansite.catalogue.PLANS_WORTH_SHARING", 1)
    with pytest.raises(DataError) as shared:
        load_catalogue(data, processes=2)
    assert shared.value.problems.report() == alone.value.problems.report()
    assert "data/plans/scb-business-plan-2009-10.yml:" in alone.value.problems.report()
    assert "needs review" in alone.value.problems.report()


def test_a_rebuild_of_a_preview_checks_and_measures_only_the_plan_that_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`mkdocs serve` loads the data again at each rebuild, in the same process: an unchanged plan
    is taken as loaded before (read, checked, its reading grade and links worked out), and only
    one version of each file is held."""
    from plansite import catalogue

    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data)
    load_catalogue(data)
    plan = sorted((data / "plans").glob("*.yml"))[0]
    plan.write_text(plan.read_text(encoding="utf-8").replace("title: ", "title: Edited ", 1), encoding="utf-8")
    worked_out = []
    real = catalogue.site_links
    monkeypatch.setattr(catalogue, "site_links", lambda slug, p: worked_out.append(slug) or real(slug, p))
    again = load_catalogue(data)
    assert worked_out == [plan.stem]
    assert again.plan(plan.stem).plan.title.startswith("Edited ")
    versions = [key[:2] for key in catalogue._READ if plan.name in key[1]]
    assert versions and len(versions) == len(set(versions))  # the edited plan's old version is forgotten
