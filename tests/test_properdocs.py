"""ProperDocs, the maintained continuation of MkDocs 1.6, builds the same site, page for page."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from project import PROJECT

pytest.importorskip("properdocs")


def built_files(site: Path) -> dict[str, bytes]:
    """Every file of a built site but the search index (its file names are hashes of its own making)
    and the build's hidden records beside it."""
    return {
        f.relative_to(site).as_posix(): f.read_bytes()
        for f in site.rglob("*")
        if f.is_file() and "pagefind" not in f.relative_to(site).parts and not f.name.startswith(".plansite")
    }


def test_properdocs_builds_the_same_site_as_mkdocs(site: Path, tmp_path: Path) -> None:
    """A build, then a dirty build into its folder (as ./run build), each the site MkDocs builds."""
    out = tmp_path / "properdocs-site"
    env = dict(os.environ, PLANSITE_PREVIEW="0", NO_MKDOCS_2_WARNING="1")
    env.pop("GITHUB_ACTIONS", None)
    command = [
        sys.executable,
        "-m",
        "properdocs",
        "build",
        "--strict",
        "-f",
        str(PROJECT / "mkdocs.yml"),
        "-d",
        str(out),
    ]
    for dirty in ([], ["--dirty"]):
        result = subprocess.run(command + dirty, capture_output=True, text=True, env=env, cwd=PROJECT, timeout=600)
        assert result.returncode == 0, result.stderr
        ours, theirs = built_files(site), built_files(out)
        assert sorted(theirs) == sorted(ours)
        different = [name for name in ours if ours[name] != theirs[name]]
        assert not different, f"{len(different)} files differ, e.g. {different[:5]}"
        entry = lambda s: json.loads((s / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))  # noqa: E731
        assert entry(out)["languages"]["en"]["page_count"] == entry(site)["languages"]["en"]["page_count"]
