"""Loading everything: one plan on its own, or the whole of data/ with every problem in one run."""

from __future__ import annotations

import datetime
import re
import shutil
from pathlib import Path

import pytest
from plansite.cache import FOLDER, Cache
from plansite.catalogue import load_catalogue, load_plan
from plansite.errors import DataError, Problems
from plansite.tasks import ParallelTasks
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
        plan.read_text(encoding="utf-8").replace("publish_on: 2026-11-23", "publish_on: 2099-01-01", 1),
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
    monkeypatch.setattr("plansite.tasks.BATCH", 1)  # forks for every plan, however few
    shared = load_catalogue(DATA, tasks=ParallelTasks(2))
    assert [p.slug for p in shared.plans] == [p.slug for p in alone.plans]
    assert [p.plan for p in shared.plans] == [p.plan for p in alone.plans]
    assert [p.document.text for p in shared.plans] == [p.document.text for p in alone.plans]
    # A fork's document still finds where things were typed, for the checks across files.
    assert shared.plans[0].document.position(("title",)) == alone.plans[0].document.position(("title",))


def test_plans_checked_by_forks_are_held_in_memory_for_the_next_rebuild(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`mkdocs serve`'s first build shares its work among forks; its rebuilds take the very plans it loaded."""
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data)
    monkeypatch.setattr("plansite.tasks.BATCH", 1)
    cache = Cache(tmp_path, in_memory=True)
    first = load_catalogue(data, tasks=ParallelTasks(2), cache=cache)
    again = load_catalogue(data, cache=cache)
    assert [p.slug for p in again.plans] == [p.slug for p in first.plans]
    assert all(a.plan is f.plan for a, f in zip(again.plans, first.plans))


def test_plans_loaded_by_forks_report_the_same_problems(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = _broken_copy(tmp_path)
    with pytest.raises(DataError) as alone:
        load_catalogue(data)
    monkeypatch.setattr("plansite.tasks.BATCH", 1)
    with pytest.raises(DataError) as shared:
        load_catalogue(data, tasks=ParallelTasks(2))
    assert shared.value.problems.report() == alone.value.problems.report()
    assert "data/plans/scb-business-plan-2009-10.yml:" in alone.value.problems.report()
    assert "needs review" in alone.value.problems.report()


# --- Through the cache ----------------------------------------------------------------------

CACHED_PLAN = "scb-business-plan-2009-10"
OTHER_FILES = ("organisations.yml", "glossary.yml", "uncrc/articles.yml")


def entries(data: Path) -> list[Path]:
    return sorted((data.parent / FOLDER / "data").glob("*/*"))


def data_files(data: Path) -> int:
    """How many files a build checks: the plans and the three other files."""
    return len(list((data / "plans").glob("*.yml"))) + len(OTHER_FILES)


def nothing_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*args):
        raise AssertionError(f"checked again: {args[1]}")

    monkeypatch.setattr("plansite.catalogue._checked_plan", fail)
    monkeypatch.setattr("plansite.catalogue._checked_fixed", fail)


def test_unchanged_files_are_taken_from_the_cache(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = load_catalogue(data, cache=Cache(data.parent))
    assert len(entries(data)) == data_files(data)
    nothing_checked(monkeypatch)
    monkeypatch.setattr("plansite.check.reading.measure", lambda blocks: pytest.fail("measured again"))
    again = load_catalogue(data, cache=Cache(data.parent))
    assert [p.plan for p in again.plans] == [p.plan for p in first.plans]
    assert again.organisations == first.organisations and again.glossary == first.glossary
    assert again.convention == first.convention
    # A cached document still finds where things were typed, for the checks across files.
    assert again.plans[0].document.position(("title",)) == first.plans[0].document.position(("title",))


def test_plans_checked_by_forks_are_cached_by_them(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("plansite.tasks.BATCH", 1)
    first = load_catalogue(data, tasks=ParallelTasks(2), cache=Cache(data.parent))
    assert len(entries(data)) == data_files(data)
    nothing_checked(monkeypatch)
    again = load_catalogue(data, tasks=ParallelTasks(2), cache=Cache(data.parent))
    assert [p.plan for p in again.plans] == [p.plan for p in first.plans]


def test_an_edited_plan_is_checked_again_and_its_old_entry_deleted(data: Path) -> None:
    load_catalogue(data, cache=Cache(data.parent))
    before = entries(data)
    plan = data / "plans" / f"{CACHED_PLAN}.yml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("title: ", "title: Edited ", 1), encoding="utf-8")
    catalogue = load_catalogue(data, cache=Cache(data.parent))
    assert catalogue.plan(CACHED_PLAN).plan.title.startswith("Edited ")
    after = entries(data)
    assert len(after) == len(before) and len(set(after) - set(before)) == 1


def test_a_plan_with_problems_is_never_cached_and_reported_every_time(data: Path) -> None:
    load_catalogue(data, cache=Cache(data.parent))
    plan = data / "plans" / f"{CACHED_PLAN}.yml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("title:", "titel:", 1), encoding="utf-8")
    reports = []
    for _ in range(2):
        with pytest.raises(DataError) as raised:
            load_catalogue(data, cache=Cache(data.parent))
        reports.append(raised.value.problems.report())
    with pytest.raises(DataError) as uncached:
        load_catalogue(data)
    assert reports[0] == reports[1] == uncached.value.problems.report()
    assert f"data/plans/{CACHED_PLAN}.yml:" in reports[0] and "titel" in reports[0]
    assert len(entries(data)) == data_files(data) - 1


@pytest.mark.parametrize("relative", OTHER_FILES)
def test_an_edited_data_file_is_read_and_checked_again(data: Path, relative: str) -> None:
    load_catalogue(data, cache=Cache(data.parent))
    file = data / relative
    text = file.read_text(encoding="utf-8")
    file.write_text(text + "\nunknown_key: 1\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(DataError) as raised:
            load_catalogue(data, cache=Cache(data.parent))
        assert f"data/{relative}:" in raised.value.problems.report() and "unknown_key" in raised.value.problems.report()
    file.write_text(text, encoding="utf-8")
    load_catalogue(data, cache=Cache(data.parent))
    assert len(entries(data)) == data_files(data)


def test_young_people_texts_too_hard_are_reported_every_time(data: Path) -> None:
    """Each file's grades are kept with it; the limit on the median page is checked on every build."""
    articles = data / "uncrc" / "articles.yml"
    load_catalogue(data, cache=Cache(data.parent))
    hard = (
        "Notwithstanding institutional considerations, multidisciplinary responsibilities necessitate "
        "interorganisational collaboration."
    )
    text = articles.read_text(encoding="utf-8")
    articles.write_text(re.sub(r"(?m)^(      summary: >-\n)", rf"\g<1>        {hard}\n", text), encoding="utf-8")
    for _ in range(2):
        with pytest.raises(DataError) as raised:
            load_catalogue(data, cache=Cache(data.parent))
        assert "the median young-people page must read at grade 5 or below" in raised.value.problems.report()
    assert len(entries(data)) == data_files(data)  # the articles' file was kept: its own checks passed


def test_a_damaged_entry_is_checked_again(data: Path) -> None:
    first = load_catalogue(data, cache=Cache(data.parent))
    for entry in entries(data):
        entry.write_bytes(entry.read_bytes()[:100])
    again = load_catalogue(data, cache=Cache(data.parent))
    assert [p.plan for p in again.plans] == [p.plan for p in first.plans]


def test_a_rebuild_of_a_preview_checks_and_measures_only_the_plan_that_changed(
    data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`mkdocs serve` loads the data again at each rebuild, in the same process, with its cache in
    memory: an unchanged plan is the very object loaded before (read, checked, its reading grade
    and links worked out), and only one version of each file is held."""
    from plansite import catalogue

    cache = Cache(data.parent, in_memory=True)
    first = load_catalogue(data, cache=cache)
    plan = sorted((data / "plans").glob("*.yml"))[0]
    plan.write_text(plan.read_text(encoding="utf-8").replace("title: ", "title: Edited ", 1), encoding="utf-8")
    worked_out = []
    real = catalogue.site_links
    monkeypatch.setattr(catalogue, "site_links", lambda slug, p: worked_out.append(slug) or real(slug, p))
    again = load_catalogue(data, cache=cache)
    assert worked_out == [plan.stem]
    assert again.plan(plan.stem).plan.title.startswith("Edited ")
    unchanged = [p.slug for p in again.plans if p.slug != plan.stem]
    assert all(again.plan(slug).plan is first.plan(slug).plan for slug in unchanged)
