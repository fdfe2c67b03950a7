"""`mkdocs serve --dirty` (./run serve) draws again only what an edit changed, and draws it exactly as a
full build would."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from plan_files import TODAY, data_folder
from plansite.cache import Cache
from plansite.catalogue import load_catalogue
from plansite.site import pages
from plansite.site.redraws import Fingerprints
from project import ROOT, build

SCRIPT = """
import json, os, sys
from pathlib import Path
from mkdocs.config import load_config
from mkdocs.commands.build import build
project, site = Path(sys.argv[1]), sys.argv[2]
def serve_build(first=False):
    config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=site)
    if first:
        config.plugins.on_startup(command="serve", dirty=True)
    build(config, serve_url="http://127.0.0.1:8000/", dirty=True)
def stamps():
    return {p.relative_to(site).as_posix(): p.stat().st_mtime_ns for p in Path(site).rglob("index.html")}
serve_build(first=True)
before = stamps()
plan = project / "data" / "plans" / "scb-business-plan-2009-10.yml"
plan.write_text(plan.read_text().replace("summary: >-\\n", "summary: >-\\n  Edited for the preview test.\\n", 1))
serve_build()
after = stamps()
print(json.dumps(sorted(p for p in after if after[p] != before.get(p))))
page = project / "content" / "accessibility.md"
page.write_text(page.read_text() + "\\nEdited for the preview test.\\n")
serve_build()
print(json.dumps(sorted(p for p, stamp in stamps().items() if stamp != after.get(p))))
"""


def test_an_edit_redraws_only_the_pages_it_changes_and_them_exactly(project_copy: Path, tmp_path: Path) -> None:
    served = tmp_path / "served"
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(project_copy), str(served)],
        capture_output=True,
        text=True,
        cwd=project_copy,
        timeout=600,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    assert "dirty" not in result.stderr.lower()  # MkDocs' warning about dirty builds is not shown (nor fails --strict)
    redrawn, redrawn_after_page_edit = (set(json.loads(line)) for line in result.stdout.strip().splitlines()[-2:])
    # The plan's two pages and the pages that list it; hand-written pages only when their text changes.
    assert "accessibility/index.html" not in redrawn and "editors-guide/index.html" not in redrawn
    assert redrawn_after_page_edit == {"accessibility/index.html"}
    assert {
        "plans/scb-business-plan-2009-10/index.html",
        "young-people/plans/scb-business-plan-2009-10/index.html",
        "index.html",
        "organisations/scb/index.html",
    } <= redrawn
    assert "plans/occ-business-plan-2012-13/index.html" not in redrawn
    assert "young-people/plans/chscb-business-plan-2014-15/index.html" not in redrawn
    assert len(redrawn) < 60, sorted(redrawn)
    assert "Edited for the preview test." in (served / "plans/scb-business-plan-2009-10/index.html").read_text(
        encoding="utf-8"
    )

    # A full build of the edited data gives the same pages as the preview kept and redrew.
    full = tmp_path / "full"
    assert build(full, project_copy / "mkdocs.yml").returncode == 0
    for page in full.rglob("index.html"):
        name = page.relative_to(full).as_posix()
        assert (served / name).read_text(encoding="utf-8") == page.read_text(encoding="utf-8"), name
    # And the same downloads: those of plans not edited are kept, not compared again (site/pages.py).
    downloads = [file for file in (full / "downloads").rglob("*") if file.is_file()]
    assert any("scb-business-plan-2009-10" in file.as_posix() for file in downloads)
    for file in downloads:
        name = file.relative_to(full).as_posix()
        assert (served / name).read_bytes() == file.read_bytes(), name


def test_a_page_s_fingerprint_follows_what_it_shows_when_views_are_reused(tmp_path: Path) -> None:
    """Unchanged plans' views are the same objects at the next rebuild, and their digests are reused:
    an article page still changes its fingerprint when one plan's item citing it changes."""
    data = data_folder(tmp_path)
    data_cache, views_cache = Cache(tmp_path, in_memory=True), Cache(tmp_path, in_memory=True, part="views")

    def rebuild(previous: dict) -> tuple[dict[str, str], dict]:
        catalogue = load_catalogue(data, preview=True, today=TODAY, cache=data_cache)
        generated = pages.GeneratedPages(catalogue, views_cache)
        views = list(generated.views.values())
        fingerprints = Fingerprints(catalogue, views, ROOT / "mkdocs.yml", ROOT / "theme", ROOT / "content", previous)
        return {view.path: fingerprints.of(view) for view in views}, fingerprints.written_out()

    first, digests = rebuild({})
    again, digests = rebuild(digests)
    assert again == first
    plan = data / "plans" / "scb-business-plan-2009-10.yml"
    plan.write_text(
        plan.read_text()
        .replace("title: CATE\n", "title: CATE, edited\n", 1)
        .replace("matches: 4d34b3c5", "matches: 0e6ff476")
    )
    edited, _ = rebuild(digests)
    changed = {path for path in first if edited[path] != first[path]}
    assert {"uncrc/article-34.md", "young-people/uncrc/article-34.md", "plans/scb-business-plan-2009-10.md"} <= changed
    unchanged = {"uncrc/article-35.md", "plans/occ-business-plan-2012-13.md"}
    assert unchanged <= set(first) and not unchanged & changed
    fresh, _ = rebuild({})  # nothing reused: the same fingerprints
    assert fresh == edited


def test_a_record_beside_the_site_is_read_once_and_anything_else_is_not_trusted(tmp_path: Path) -> None:
    """The record a build leaves is taken by the next dirty build and removed; a record it cannot read, or
    one a build that is not dirty finds, keeps nothing: every page is drawn."""
    from plansite.site.redraws import RECORD, Redraws

    written = Redraws()
    written.pending = {"plans/x.md": "fingerprint-x", "index.md": "fingerprint-home"}
    written.anchors["plans/x.md"] = ["a\nb", "index.md", '{"index.md": {"top": "../#top"}}']
    written.succeeded(str(tmp_path))
    written.write_record(str(tmp_path))
    taken = Redraws()
    taken.read_record(str(tmp_path), use=True)
    assert taken.built == {"plans/x.md": "fingerprint-x", "index.md": "fingerprint-home"}
    assert taken.anchors["plans/x.md"][0] == "a\nb"
    assert not (tmp_path / RECORD).exists()  # a build that fails leaves none behind
    for text in ("not json", '{"pages": {"index.md": "no list"}}', '{"pages": [1, 2]}', "[]"):
        (tmp_path / RECORD).write_text(text)
        redraws = Redraws()
        redraws.read_record(str(tmp_path), use=True)
        assert redraws.built == {} and redraws.anchors == {}, text
    written.write_record(str(tmp_path))
    clean = Redraws()
    clean.read_record(str(tmp_path), use=False)  # not dirty: MkDocs draws every page
    assert clean.built == {} and not (tmp_path / RECORD).exists()


def test_the_ids_a_kept_page_hands_mkdocs_are_its_ids_exactly() -> None:
    from plansite.site.redraws import SavedIds

    ids = SavedIds("early-help\nearly-help-1\ntop")
    assert "early-help-1" in ids and "top" in ids and "early-help" in ids
    assert "early" not in ids and "help-1" not in ids and "" not in ids
    assert "early-help\nearly-help-1" not in ids and None not in ids
    assert "" not in SavedIds("")  # a page with no ids
