"""`./run serve` is quiet: the last lines it prints are "Serving on ...", not a page list or a banner."""

from __future__ import annotations

import os
import subprocess
import sys

from project import ROOT


def test_a_build_logs_no_page_list_and_no_banner(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("NO_MKDOCS_2_WARNING", "GITHUB_ACTIONS")}
    # What ./run sets before it starts MkDocs.
    run = (ROOT / "run").read_text(encoding="utf-8")
    assert "export NO_MKDOCS_2_WARNING=1" in run
    env["NO_MKDOCS_2_WARNING"] = "1"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "out")],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    lines = [line for line in (result.stdout + result.stderr).splitlines() if line.strip()]
    assert not any('not included in the "nav"' in line or line.startswith("  - ") for line in lines), lines[:10]
    assert not any("end of life" in line for line in lines)
    assert len(lines) <= 4, lines
