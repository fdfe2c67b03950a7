"""Shared fixtures: the real site, built once per test session, and a copy of data/ to break."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MKDOCS = [sys.executable, "-m", "mkdocs"]


def build(site_dir: Path, config: Path = ROOT / "mkdocs.yml", preview: bool = False) -> subprocess.CompletedProcess:
    """Run the real `mkdocs build --strict` (never with -q, which would hide warnings from strict)."""
    env = dict(os.environ, PLANSITE_PREVIEW="1" if preview else "0", NO_MKDOCS_2_WARNING="1")
    env.pop("GITHUB_ACTIONS", None)
    return subprocess.run(
        MKDOCS + ["build", "--strict", "-f", str(config), "-d", str(site_dir)],
        capture_output=True,
        text=True,
        env=env,
        cwd=config.parent,
        timeout=600,
    )


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The production site, built from the repository as it is."""
    out = tmp_path_factory.mktemp("site")
    result = build(out)
    assert result.returncode == 0, result.stderr
    return out


def copy_project(target: Path) -> Path:
    """Copy the project (config, data, content, theme, hooks) into a folder, for a test to change."""
    for name in ("mkdocs.yml", "data", "content", "theme", "hooks"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__", "node_modules"))
        else:
            shutil.copy(source, target / name)
    from synthetic import link_editor_packages

    link_editor_packages(target)
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
    """A site of many organisations, made from the real plans (tests/synthetic.py), built for real."""
    from synthetic import make_project

    project = make_project(tmp_path_factory.mktemp("portal"), PORTAL_PLANS)
    out = project / "site"
    result = build(out, project / "mkdocs.yml")
    assert result.returncode == 0, result.stderr
    return out
