"""`mkdocs serve --dirty` (./run serve) draws again only what an edit changed, and draws it exactly as a
full build would."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from project import build

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


def test_a_preview_looks_for_changes_every_tenth_of_a_second(tmp_path: Path) -> None:
    from mkdocs.config import load_config
    from mkdocs.livereload import LiveReloadServer
    from plansite.site.preview import poll_often

    config = load_config(config_file=str(Path(__file__).resolve().parents[2] / "mkdocs.yml"))
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    server.watch(config.docs_dir)
    server.watch(config.config_file_path)
    assert server.observer.timeout == 0.5  # MkDocs' own
    poll_often(server, config)
    assert server.observer.timeout == 0.1
    server.unwatch(config.docs_dir)  # still watched, by the new watcher: unwatch raises otherwise
    server.unwatch(config.config_file_path)
    server.server_close()
