"""Shared fixtures: the real site, built once per test session, and a copy of data/ to break."""

from __future__ import annotations

from pathlib import Path

import pytest
from project import MKDOCS, ROOT, QuietHandler, build, copy_project, read, serve  # noqa: F401 - see tests/project.py


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The production site, built from the repository as it is."""
    out = tmp_path_factory.mktemp("site")
    result = build(out)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """A copy of the project that a test may break."""
    return copy_project(tmp_path)


# --- The browser suite: one Chromium and one web server for every test module ----------------

CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


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
    """A site of many organisations, made from the real plans (tests/synthetic.py), built for real."""
    from synthetic import make_project

    project = make_project(tmp_path_factory.mktemp("portal"), PORTAL_PLANS)
    out = project / "site"
    result = build(out, project / "mkdocs.yml")
    assert result.returncode == 0, result.stderr
    return out
