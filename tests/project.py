"""The project under test: where it is, building it for real, copying it to break, reading and serving a built site."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

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


def copy_project(target: Path) -> Path:
    """Copy the project (config, data, content, theme, hooks) into a folder, for a test to change."""
    for name in ("mkdocs.yml", "data", "content", "theme", "hooks"):
        source = ROOT / name
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
        (project / "hooks" / "admin" / "node_modules").symlink_to(packages, target_is_directory=True)


def read(site: Path, url: str) -> str:
    """The HTML of a built page, by its URL path ('plans/x/')."""
    return (site / url / "index.html").read_text(encoding="utf-8")


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(directory: Path):
    """A web server on 127.0.0.1 for a built site, and its address; shut it down when done."""
    handler = functools.partial(QuietHandler, directory=str(directory))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}/"
