"""Shared fixtures: the real site, built once per test session, and a copy of data/ to break."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
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
        capture_output=True, text=True, env=env, cwd=config.parent, timeout=600,
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
