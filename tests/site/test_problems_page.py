"""`./run serve` with data that has problems (plansite/site/problems_page.py): every page shows them,
the server never hangs, and the site comes back by itself once the file is fixed."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from project import fetch, free_port

PLAN = "scb-business-plan-2009-10"


def wait_for(url: str, words: str, seconds: float = 120) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        page = fetch(url)
        if page is not None and words in page:
            return page
        time.sleep(0.3)
    raise AssertionError(f"{url} did not show {words!r} within {seconds} s; last: {(page or '')[:300]}")


@pytest.mark.build
def test_a_problem_is_shown_at_every_page_and_the_site_comes_back_when_fixed(project_copy: Path) -> None:
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--strict", "--dirty", "-a", f"127.0.0.1:{port}"],
        cwd=project_copy,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    plan = project_copy / "data" / "plans" / f"{PLAN}.yml"
    text = plan.read_text(encoding="utf-8")
    base = f"http://127.0.0.1:{port}/"
    try:
        wait_for(base + f"plans/{PLAN}/", "<h1")
        plan.write_text(text.replace("title:", "titel:", 1), encoding="utf-8")
        for url in (base + f"plans/{PLAN}/", base, base + "uncrc/article-12/", base + "no-such-page/"):
            page = wait_for(url, "in the data</h1>")
            assert f"data/plans/{PLAN}.yml" in page and "titel" in page and "How to fix it" in page, url
        plan.write_text(text, encoding="utf-8")
        page = wait_for(base + f"plans/{PLAN}/", "Business Plan")
        assert "in the data</h1>" not in page
        assert "in the data</h1>" not in wait_for(base, "<h1")
    finally:
        server.terminate()
        _, errors = server.communicate(timeout=30)
    assert "titel" in errors  # the terminal has them too
    assert "Traceback" not in errors
