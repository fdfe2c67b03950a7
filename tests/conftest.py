"""Shared fixtures: the real site, built once per test session, and a copy of data/ to break."""

from __future__ import annotations

import functools
import os
from pathlib import Path

import pytest
from plan_files import data_folder
from project import CHROMIUM, CONTENT, DATA, FIXTURE_DATA, FLAGS, build, copy_project, serve

READS_DATA = {"site", "server", "checks_by_page"}
"""Fixtures made from the project's data/: a test that uses one reads data/."""


BUILDS = {"site", "fixture_site", "portal_site", "server"}
"""Fixtures that build a whole site with mkdocs: a test that uses one is a `build` test."""


def _builds(item) -> bool:
    """Whether a test builds a site: it uses a fixture that does, or its module runs mkdocs itself (through
    project.build or project.serve, or a command line naming mkdocs)."""
    module = getattr(item, "module", None)
    if BUILDS & set(getattr(item, "fixturenames", ())):
        return True
    if module is None:
        return False
    if getattr(module, "build", None) is build or getattr(module, "MKDOCS", None):
        return True
    return _runs_mkdocs(getattr(module, "__file__", None))


@functools.cache
def _runs_mkdocs(source: str | None) -> bool:
    return bool(source) and '"mkdocs"' in Path(source).read_text(encoding="utf-8")


def pytest_collection_modifyitems(items):
    """Mark every test that reads the project's data/ `data`: those using a fixture made from it, and
    every test of a module that reads data/ itself (project.DATA or CONTENT); and every test that builds
    a whole site `build`, so that `pytest -m "not build and not browser"` is the quick loop."""
    for item in items:
        if _builds(item):
            item.add_marker(pytest.mark.build)
        module = getattr(item, "module", None)
        in_module = any(getattr(module, name, None) in (DATA, CONTENT) for name in ("DATA", "CONTENT"))
        # A module may take its `site` from the fixture data instead (fixture_site).
        own = {name for name in READS_DATA if name in vars(module)} if module else set()
        if in_module or (READS_DATA - own) & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.data)


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The production site, built from the project's data as it is (project.PROJECT); or the one
    PLANSITE_TEST_SITE names, built from that project just before (tests/commands/test_editor_first_plan.py)."""
    if os.environ.get("PLANSITE_TEST_SITE"):
        return Path(os.environ["PLANSITE_TEST_SITE"])
    out = tmp_path_factory.mktemp("site")
    result = build(out)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory) -> Path:
    """The production site built from the fixture data (tests/fixtures/data/), for tests of exact content."""
    project = copy_project(tmp_path_factory.mktemp("fixture-project"))
    out = project / "site"
    result = build(out, project / "mkdocs.yml")
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture
def data(tmp_path) -> Path:
    """A copy of the fixture data (tests/fixtures/data/) that a test may change or break: tmp_path/repo/data."""
    return data_folder(tmp_path)


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """A copy of the project that a test may break."""
    return copy_project(tmp_path)


# --- The browser suite: one Chromium and one web server for every test module ----------------


@pytest.fixture(scope="session")
def server(site):
    httpd, address = serve(site)
    yield address
    httpd.shutdown()


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium through Playwright; Playwright's sync API allows one of these per process."""
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield chromium
        chromium.close()


PORTAL_PLANS = 70  # 50 organisations: more than the home pages list plan by plan


@pytest.fixture(scope="session")
def portal_site(tmp_path_factory) -> Path:
    """A site of many organisations, made from the fixture plans (tests/synthetic.py), built for real."""
    from synthetic import make_project

    project = make_project(tmp_path_factory.mktemp("portal"), PORTAL_PLANS, FIXTURE_DATA)
    out = project / "site"
    result = build(out, project / "mkdocs.yml")
    assert result.returncode == 0, result.stderr
    return out
