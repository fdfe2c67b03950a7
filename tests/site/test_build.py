"""One build (plansite/site/build.py): its settings, and the same site whichever way its work is done."""

from __future__ import annotations

from pathlib import Path

import pytest
from project import FIXTURE_DATA, build
from sites import differences
from synthetic import make_project

# Enough plans for the forks to share the loading too (tasks.py does fewer than two batches itself).
PLANS = 45
PLAN = "scb-business-plan-2009-10"


def with_settings(project: Path, name: str, settings: str) -> Path:
    """A config of the project's own, with settings under extra.plansite (INHERIT keeps the rest)."""
    config = project / f"mkdocs-{name}.yml"
    config.write_text(f"INHERIT: mkdocs.yml\nextra:\n  plansite:\n{settings}", encoding="utf-8")
    return config


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    return make_project(tmp_path_factory.mktemp("settings"), PLANS, FIXTURE_DATA)


@pytest.mark.build
def test_every_setting_builds_the_same_site_file_for_file(project: Path, tmp_path: Path) -> None:
    """The plain path (jobs: 1, cache: false) and the fast one give the same site, the search index
    included; and a build that takes the cache of an earlier one (after an edit) is the same too."""
    sites = {}
    for jobs in (1, 0):
        for cache in ("false", "true"):
            config = with_settings(project, f"{jobs}-{cache}", f"    jobs: {jobs}\n    cache: {cache}\n")
            result = build(tmp_path / f"{jobs}-{cache}", config)
            assert result.returncode == 0, result.stderr
            sites[jobs, cache] = tmp_path / f"{jobs}-{cache}"
    plain = sites[1, "false"]
    assert len(list(plain.rglob("index.html"))) > 5 * PLANS
    for setting, site in sites.items():
        assert differences(plain, site) == [], setting

    plan = project / "data" / "plans" / f"{PLAN}.yml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("title: ", "title: Edited ", 1), encoding="utf-8")
    cached = build(tmp_path / "cached", with_settings(project, "cached", "    cache: true\n"))
    fresh = build(tmp_path / "fresh", with_settings(project, "fresh", "    cache: false\n    jobs: 1\n"))
    assert cached.returncode == fresh.returncode == 0
    assert "<h1>Edited " in (tmp_path / "fresh" / "plans" / PLAN / "index.html").read_text(encoding="utf-8")
    assert differences(tmp_path / "fresh", tmp_path / "cached") == []


@pytest.mark.build
@pytest.mark.parametrize(
    "settings, message",
    [
        ("    jobs: two\n", "extra.plansite.jobs: Expected type: <class 'int'>"),
        ("    cahce: false\n", "extra.plansite.cahce: Unrecognised configuration name: cahce"),
    ],
)
def test_a_wrong_setting_stops_the_build_with_its_name(project: Path, tmp_path: Path, settings, message) -> None:
    result = build(tmp_path / "site", with_settings(project, "wrong", settings))
    assert result.returncode != 0
    assert message in result.stderr and "Traceback" not in result.stderr


def _stamps(site: Path) -> dict[str, int]:
    return {p.relative_to(site).as_posix(): p.stat().st_mtime_ns for p in site.rglob("index.html")}


@pytest.mark.build
def test_a_dirty_build_draws_again_only_what_changed_and_is_the_site_a_full_build_makes(tmp_path: Path) -> None:
    """`mkdocs build --dirty` into the folder of the last build (as `./run build` and the workflows do)."""
    project = make_project(tmp_path / "project", PLANS, FIXTURE_DATA)
    config, site, full = project / "mkdocs.yml", tmp_path / "site", tmp_path / "full"
    assert build(site, config).returncode == 0
    first = _stamps(site)
    assert build(site, config, dirty=True).returncode == 0
    assert _stamps(site) == first  # nothing changed: no page drawn again
    plan = project / "data" / "plans" / f"{PLAN}.yml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("title: ", "title: Edited ", 1), encoding="utf-8")
    result = build(site, config, dirty=True)
    assert result.returncode == 0, result.stderr
    redrawn = {page for page, stamp in _stamps(site).items() if first.get(page) != stamp}
    assert {f"plans/{PLAN}/index.html", f"young-people/plans/{PLAN}/index.html", "index.html"} <= redrawn
    assert len(redrawn) < len(first) / 3, sorted(redrawn)
    assert build(full, config).returncode == 0
    assert differences(full, site) == []
    # A plan gone: its pages and downloads go too (every page is drawn again: the list of pages changed).
    gone = sorted((project / "data" / "plans").glob("*.yml"))[-1]
    gone.unlink()
    assert build(site, config, dirty=True).returncode == 0
    assert not (site / "plans" / gone.stem).exists()
    assert not list(site.rglob(gone.stem)) and not list(site.rglob(f"{gone.stem}.*"))
    assert build(full, config).returncode == 0
    assert differences(full, site) == []


@pytest.mark.build
def test_a_page_a_dirty_build_keeps_still_has_its_links_to_anchors_checked(tmp_path: Path) -> None:
    """A hand-written page is not drawn again, but its link into a plan page that changed is checked again."""
    project = make_project(tmp_path / "project", PLANS, FIXTURE_DATA)
    (project / "content" / "anchors.md").write_text(
        f"# Anchors\n\n[The introduction](plans/{PLAN}.md#introduction)\n", encoding="utf-8"
    )
    config, site = project / "mkdocs.yml", tmp_path / "site"
    assert build(site, config).returncode == 0
    plan = project / "data" / "plans" / f"{PLAN}.yml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("- id: introduction\n", "- id: opening\n", 1))
    result = build(site, config, dirty=True)
    assert result.returncode != 0
    assert "contains a link 'plans/scb-business-plan-2009-10.md#introduction'" in result.stderr
