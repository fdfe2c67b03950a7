"""Shared fixtures: the real site, built once per test session, and a copy of data/ to break."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from pathlib import Path

import pytest
from project import CONTENT, DATA, FIXTURE_DATA, PROJECT, ROOT, build  # noqa: F401 - ROOT and build for the modules that take them from here

READS_DATA = {"site", "server", "checks_by_page"}
"""Fixtures made from the project's data/: a test that uses one reads data/."""


def pytest_collection_modifyitems(items):
    """Mark every test that reads the project's data/ `data`: those using a fixture made from it, and
    every test of a module that reads data/ itself (project.DATA or CONTENT)."""
    for item in items:
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


def copy_project(target: Path) -> Path:
    """Copy the project (config, content, theme, hooks) into a folder with the fixture data, for a test to change.

    The data is tests/fixtures/data/, not data/: a test that breaks or edits a plan knows what it
    holds, whatever editors add to data/, and a build of the copy takes the same time at any size.
    """
    shutil.copytree(FIXTURE_DATA, target / "data", ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("mkdocs.yml", "content", "theme", "hooks"):
        source = PROJECT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, target / name)
    return target


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """A copy of the project that a test may break."""
    return copy_project(tmp_path)


def read(site: Path, url: str) -> str:
    """The HTML of a built page, by its URL path ('plans/x/')."""
    return (site / url / "index.html").read_text(encoding="utf-8")


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


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(directory: Path):
    """A web server on 127.0.0.1 for a built site, and its address; shut it down when done."""
    handler = functools.partial(QuietHandler, directory=str(directory))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}/"


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
    from project import FIXTURE_DATA
    from synthetic import make_project

    project = make_project(tmp_path_factory.mktemp("portal"), PORTAL_PLANS, FIXTURE_DATA)
    out = project / "site"
    result = build(out, project / "mkdocs.yml")
    assert result.returncode == 0, result.stderr
    return out
