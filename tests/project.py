"""Where the suite finds the project it tests: the code here, and the data editors keep.

The tests that read the site's data (marked `data`) hold for any valid data an editor may add.
`PLANSITE_TEST_PROJECT=/path/to/a/copy` points them at a copy of the project with other data
(tests/commands/test_editor_first_plan.py runs them so, on a copy with a new organisation and new
plans); content the tests need exactly is in fixtures under tests/fixtures/.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import socket
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
"""The repository: the code, templates and fixtures the suite runs."""

PROJECT = Path(os.environ.get("PLANSITE_TEST_PROJECT") or ROOT).resolve()
"""The project whose data, content and configuration the tests that read data/ build and read."""

DATA = PROJECT / "data"
CONTENT = PROJECT / "content"

FIXTURE_DATA = ROOT / "tests" / "fixtures" / "data"
"""A data folder with known content (the site's plans as they were transcribed), for tests that
need exact content, such as the portal's."""

MKDOCS = [sys.executable, "-m", "mkdocs"]
CODE = ("mkdocs.yml", "content", "theme", "hooks")
"""What a copy of the project needs besides its data/ to build."""


def copy_code(dest: Path) -> Path:
    """The project's configuration, pages, theme and hooks (not data/) copied into dest."""
    dest.mkdir(parents=True, exist_ok=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info", "node_modules")
    for name in CODE:
        source = PROJECT / name
        if source.is_dir():
            shutil.copytree(source, dest / name, ignore=ignore, dirs_exist_ok=True)
        else:
            shutil.copy(source, dest / name)
    link_editor_packages(dest)
    return dest


def build(
    site_dir: Path, config: Path = PROJECT / "mkdocs.yml", preview: bool = False, dirty: bool = False
) -> subprocess.CompletedProcess:
    """Run the real `mkdocs build --strict` (never with -q, which would hide warnings from strict);
    with dirty, `--dirty` into the folder of the build before, as `./run build` does."""
    env = dict(os.environ, PLANSITE_PREVIEW="1" if preview else "0", NO_MKDOCS_2_WARNING="1")
    env.pop("GITHUB_ACTIONS", None)
    return subprocess.run(
        MKDOCS + ["build", "--strict", "-f", str(config), "-d", str(site_dir)] + (["--dirty"] if dirty else []),
        capture_output=True,
        text=True,
        env=env,
        cwd=config.parent,
        timeout=600,
    )


def copy_project(target: Path) -> Path:
    """Copy the project (config, content, theme, hooks) into a folder with the fixture data, for a test to change.

    The data is tests/fixtures/data/, not data/: a test that breaks or edits a plan knows what it
    holds, whatever editors add to data/, and a build of the copy takes the same time at any size.
    """
    shutil.copytree(FIXTURE_DATA, target / "data", ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("mkdocs.yml", "content", "theme", "hooks"):
        source = PROJECT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__", "node_modules"))
        else:
            shutil.copy(source, target / name)
    link_editor_packages(target)
    return target


def link_editor_packages(project: Path) -> None:
    """The form editor's npm packages (hooks/admin/node_modules, 400 MB) linked into a copy, not copied."""
    packages = ROOT / "hooks" / "admin" / "node_modules"
    if packages.is_dir() and (project / "hooks" / "admin").is_dir():
        link = project / "hooks" / "admin" / "node_modules"
        if not link.exists():
            link.symlink_to(packages, target_is_directory=True)


def read(site: Path, url: str) -> str:
    """The HTML of a built page, by its URL path ('plans/x/')."""
    return (site / url / "index.html").read_text(encoding="utf-8")


def first_page(site: Path, pattern: str) -> str | None:
    """The URL path of the first built page whose folder matches a glob pattern ('plans/*'), in
    sorted order; None when the data makes no such page."""
    found = sorted(f.parent for f in site.glob(pattern + "/index.html"))
    return found[0].relative_to(site).as_posix() + "/" if found else None


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(directory: Path):
    """A web server on 127.0.0.1 for a built site, and its address; shut it down when done."""
    handler = functools.partial(QuietHandler, directory=str(directory))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}/"


def free_port() -> int:
    """A port of 127.0.0.1 no server listens on now, for one a test starts."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str, timeout: float = 10) -> str | None:
    """The page at url (the server's page for a missing address included), or None while no server answers."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.read().decode("utf-8", "replace")
    except OSError:
        return None


# Debian's Chromium, started as the browser tests start it (tests/conftest.py's `browser` fixture).
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
