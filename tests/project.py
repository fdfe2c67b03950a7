"""Where the suite finds the project it tests: the code here, and the data editors keep.

The tests that read the site's data (marked `data`) hold for any valid data an editor may add.
`PLANSITE_TEST_PROJECT=/path/to/a/copy` points them at a copy of the project with other data
(tests/commands/test_editor_first_plan.py runs them so, on a copy with a new organisation and new
plans); content the tests need exactly is in fixtures under tests/fixtures/.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
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
    return dest


def build(site_dir: Path, config: Path = PROJECT / "mkdocs.yml", preview: bool = False) -> subprocess.CompletedProcess:
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
