"""What site/pages.py keeps of each plan: its downloads (write_outputs) and, while serving, its views
(GeneratedPages), made once, then taken from the cache while all they depend on is unchanged; a dirty
build writes only the downloads that changed."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from types import SimpleNamespace

import pytest
from plan_files import TODAY, data_folder
from plansite import outputs
from plansite.cache import Cache, NoCache
from plansite.catalogue import load_catalogue
from plansite.site import pages

SITE_URL = "https://example.org/"


@pytest.fixture
def catalogue(tmp_path: Path):
    return load_catalogue(data_folder(tmp_path), preview=True, today=TODAY)


def _written(site: Path) -> dict[str, bytes]:
    staging = site / pages.OUTPUTS_STAGING
    return {f.relative_to(staging).as_posix(): f.read_bytes() for f in staging.rglob("*") if f.is_file()}


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    made = []
    plan_files = outputs.plan_files

    def counted(catalogue, plan_file, site_url):  # noqa: ANN001
        made.append(plan_file.slug)
        return plan_files(catalogue, plan_file, site_url)

    monkeypatch.setattr(outputs, "plan_files", counted)
    return made


def test_the_next_build_takes_each_plans_downloads_from_the_cache(catalogue, tmp_path, monkeypatch) -> None:
    made = _counting(monkeypatch)
    plain = tmp_path / "plain"
    paths = pages.write_outputs(catalogue, SITE_URL, str(plain), NoCache()).paths
    expected = _written(plain)
    assert sorted(paths) == sorted(expected)
    assert sorted(dict(outputs.all_files(catalogue, SITE_URL))) == sorted(expected)
    for turn in range(2):
        made.clear()
        site = tmp_path / f"site-{turn}"
        assert pages.write_outputs(catalogue, SITE_URL, str(site), Cache(tmp_path, part="downloads")).paths == paths
        assert _written(site) == expected
        assert made == ([p.slug for p in catalogue.plans] if turn == 0 else [])


def test_a_plans_downloads_are_made_again_when_what_they_show_changes(catalogue, tmp_path, monkeypatch) -> None:
    cache = Cache(tmp_path, part="downloads")
    pages.write_outputs(catalogue, SITE_URL, str(tmp_path / "site"), cache)
    made = _counting(monkeypatch)
    first = catalogue.plans[0]
    organisation = catalogue.organisations[first.plan.organisation]
    renamed = dataclasses.replace(catalogue)
    renamed.organisations = dict(
        catalogue.organisations, **{organisation.id: organisation.model_copy(update={"name": "A new name"})}
    )
    pages.write_outputs(renamed, SITE_URL, str(tmp_path / "site"), cache)
    own = {p.slug for p in catalogue.plans if p.plan.organisation == organisation.id}
    assert set(made) == own
    assert b"A new name" in _written(tmp_path / "site")[f"downloads/plans/{first.slug}.json"]

    made.clear()
    pages.write_outputs(catalogue, "https://elsewhere.example/", str(tmp_path / "site"), cache)
    assert made == [p.slug for p in catalogue.plans]

    made.clear()
    edited = dataclasses.replace(first, document=dataclasses.replace(first.document, text=first.document.text + "\n"))
    changed = dataclasses.replace(catalogue, plans=[edited, *catalogue.plans[1:]])
    pages.write_outputs(changed, "https://elsewhere.example/", str(tmp_path / "site"), cache)
    assert made == [first.slug]


def test_entries_no_plan_uses_any_more_are_deleted(catalogue, tmp_path) -> None:
    cache = Cache(tmp_path, part="downloads")
    pages.write_outputs(catalogue, SITE_URL, str(tmp_path / "site"), cache)
    assert len(list(cache.folder.iterdir())) == len(catalogue.plans)
    fewer = dataclasses.replace(catalogue, plans=catalogue.plans[1:])
    pages.write_outputs(fewer, SITE_URL, str(tmp_path / "site"), cache)
    assert len(list(cache.folder.iterdir())) == len(catalogue.plans) - 1


def test_a_dirty_build_writes_only_what_changed(catalogue, tmp_path) -> None:
    site = tmp_path / "site"
    # What of MkDocs' config these use:
    config = SimpleNamespace(site_dir=str(site), use_directory_urls=True, plugins=SimpleNamespace(_current_plugin=None))
    paths = pages.write_outputs(catalogue, SITE_URL, str(site), NoCache()).paths
    everything = _written(site)
    for file in pages.moved_outputs(config, paths):  # as the build before left them
        assert Path(file.abs_src_path).is_file()
    changed = next(path for path in paths if path.endswith(".csv"))
    (site / changed).write_bytes(b"what an older build wrote")
    again = pages.write_outputs(catalogue, SITE_URL, str(site), NoCache(), dirty=True).paths
    assert again == paths
    assert _written(site) == {changed: everything[changed]}
    sizes = pages.output_sizes(config, again)
    assert sizes == {path: len(content) for path, content in everything.items()}


def test_a_serving_rebuild_does_not_compare_the_downloads_the_last_good_rebuild_left(catalogue, tmp_path) -> None:
    """While serving, a plan whose downloads the last good rebuild left in the site folder, with the same
    key, has the same bytes there: they are not read again. The others are compared, as in any dirty build."""
    site = tmp_path / "site"
    cache = Cache(tmp_path, in_memory=True, part="downloads")
    first = pages.write_outputs(catalogue, SITE_URL, str(site), cache, dirty=True)
    assert len(first.plans) == len(catalogue.plans)
    csvs = [path for path in first.paths if path.endswith(".csv")]
    for path in csvs:
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_bytes(b"changed behind the build's back")
    kept = pages.write_outputs(catalogue, SITE_URL, str(site), cache, dirty=True, in_site=first.plans)
    assert kept.paths == first.paths and kept.plans == first.plans
    assert not set(csvs) & set(_written(site))  # not read, so not found changed
    pages.write_outputs(catalogue, SITE_URL, str(site), cache, dirty=True)
    assert set(csvs) <= set(_written(site))


def test_a_rebuild_takes_the_views_of_each_unchanged_plan(catalogue, tmp_path) -> None:
    cache = Cache(tmp_path, in_memory=True, part="views", on_disk=False)
    first = pages.GeneratedPages(catalogue, cache)
    plain = pages.GeneratedPages(catalogue)
    assert list(first.views) == list(plain.views)
    assert not (tmp_path / ".cache").exists(), "a part not on disk writes nothing"
    edited_plan = catalogue.plans[0]
    edited = dataclasses.replace(
        edited_plan, document=dataclasses.replace(edited_plan.document, text=edited_plan.document.text + "\n")
    )
    again = pages.GeneratedPages(dataclasses.replace(catalogue, plans=[edited, *catalogue.plans[1:]]), cache)
    for plan_file in catalogue.plans:
        path = f"plans/{plan_file.slug}.md"
        assert (again.views[path] is first.views[path]) == (plan_file is not edited_plan), path
    assert again.views["index.md"] is not first.views["index.md"]  # the site's pages are made every time
