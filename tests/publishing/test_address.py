"""A pull request's preview, published in a folder of the site: its own address, links that work
there, and never indexed by search engines."""

from __future__ import annotations

import functools
import http.server
import json
import os
import re
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from plansite.publishing.address import SITE_PATH, published_at

ROOT = Path(__file__).resolve().parents[2]

SITE = "https://childrens-plans.example.org/"
PLAN = "plans/occ-business-plan-2012-13/"


@pytest.mark.parametrize(
    "folder, expected",
    [
        ("previews/pr-12/", SITE + "previews/pr-12/"),
        ("previews/pr-12", SITE + "previews/pr-12/"),
        ("/previews/pr-12/", SITE + "previews/pr-12/"),
        ("previews/2025.1/", SITE + "previews/2025.1/"),
    ],
)
def test_the_folder_goes_below_the_site_url(folder, expected):
    assert published_at(SITE, {SITE_PATH: folder}) == expected
    assert published_at(SITE.rstrip("/"), {SITE_PATH: folder}) == expected


def test_without_a_folder_the_site_url_is_kept_as_it_is():
    assert published_at(SITE, {}) == SITE
    assert published_at(SITE, {SITE_PATH: ""}) == SITE
    assert published_at(None, {}) is None


@pytest.mark.parametrize(
    "folder", ["previews/../../elsewhere", "previews/pr 12", "previews/pr-12?x=1", "previews/#top", "./", "a//b", "é"]
)
def test_a_folder_that_is_not_one_is_refused(folder):
    with pytest.raises(ValueError, match=SITE_PATH):
        published_at(SITE, {SITE_PATH: folder})


def test_a_folder_needs_a_site_url():
    with pytest.raises(ValueError, match="no site_url"):
        published_at("", {SITE_PATH: "previews/pr-1/"})


def pages(site: Path) -> dict[str, str]:
    return {f.relative_to(site).as_posix(): f.read_text(encoding="utf-8") for f in site.rglob("*.html")}


@pytest.fixture(scope="module")
def preview(tmp_path_factory) -> Path:
    """The preview of pull request 12, built as the pull-request workflow builds it (`./run preview`
    with PLANSITE_SITE_PATH), in its folder of a Pages site."""
    root = tmp_path_factory.mktemp("pages")
    env = {key: value for key, value in os.environ.items() if key != "GITHUB_ACTIONS"}
    env.update({"PLANSITE_PREVIEW": "1", SITE_PATH: "previews/pr-12/", "NO_MKDOCS_2_WARNING": "1"})
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(root / "previews" / "pr-12")],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    return root


@pytest.mark.build
def test_every_preview_page_asks_not_to_be_indexed_and_points_at_the_preview(preview):
    site = preview / "previews" / "pr-12"
    for name, html in pages(site).items():
        if 'http-equiv="refresh"' in html:
            continue  # an old address's redirect
        assert '<meta name="robots" content="noindex, nofollow">' in html, name
        canonical = re.search(r'<link rel="canonical" href="([^"]+)"', html)
        if canonical:
            assert canonical.group(1).startswith(SITE + "previews/pr-12/"), name
    feed = (site / "feed.xml").read_text(encoding="utf-8")
    assert f'href="{SITE}previews/pr-12/feed.xml"' in feed
    data = json.loads((site / "downloads" / "plans" / "occ-business-plan-2012-13.json").read_text(encoding="utf-8"))
    assert data["url"] == SITE + "previews/pr-12/" + PLAN
    assert f"<loc>{SITE}previews/pr-12/" in (site / "sitemap.xml").read_text(encoding="utf-8")


@pytest.mark.build
def test_preview_pages_link_within_the_folder(preview):
    """Relative links only: from the folder a page is in, each stays in the preview (the 404 page,
    which GitHub Pages serves only from the top of the site, is the one with absolute links)."""
    site = preview / "previews" / "pr-12"
    for name, html in pages(site).items():
        if name == "404.html":
            continue
        for link in re.findall(r'(?:href|src)="(/[^"]*)"', html):
            pytest.fail(f"{name} links to {link} from the top of the site, outside the preview")
        on_site = re.findall(r'(?:href|src)="(https://childrens-plans\.example\.org/[^"]*)"', html)
        assert all(url.startswith(SITE + "previews/pr-12/") for url in on_site), (name, on_site)


def test_the_production_site_has_no_robots_rule(site):
    """Only the form editor, which is for editors and never for a search engine, says noindex."""
    for name, html in pages(site).items():
        assert ('name="robots"' in html) == name.startswith("admin/"), name


@pytest.mark.browser
def test_the_preview_works_in_its_folder(preview, browser):
    """A reader of the preview goes from its home page to a plan, and searches, without leaving it."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(preview))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    address = f"http://127.0.0.1:{httpd.server_address[1]}/"
    try:
        context = browser.new_context()
        page = context.new_page()
        requests: list[str] = []
        page.on("request", lambda request: requests.append(request.url))
        page.goto(address + "previews/pr-12/")
        page.click("a[href$='plans/']", timeout=10_000)
        page.wait_for_url("**/previews/pr-12/plans/")
        page.click(f"a[href*='{PLAN.split('/')[1]}']", timeout=10_000)
        page.wait_for_url(f"**/previews/pr-12/{PLAN}")
        page.goto(address + "previews/pr-12/search/")
        page.fill("#ps-search-input", "rights")
        page.wait_for_selector(".ps-search-result h3 a", timeout=20_000)
        found = [a.get_attribute("href") for a in page.query_selector_all(".ps-search-result h3 a")]
        assert found and all(href.startswith("/previews/pr-12/") for href in found), found
        assert all(url.startswith(address + "previews/pr-12/") for url in requests), requests
        context.close()
    finally:
        httpd.shutdown()
