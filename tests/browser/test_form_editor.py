"""The form editor at /admin/ as an editor uses it: through Decap CMS's local back end (decap-server,
in git mode, as `./run admin` starts it), on a git copy of the project, never the real data/.

Saving puts each change on a branch of its own (editorial workflow): main is never committed to.
"""

from __future__ import annotations

import difflib
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from project import build, copy_project, link_editor_packages, serve

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ROOT / "hooks" / "admin" / "node_modules"
DECAP_SERVER = PACKAGES / "decap-server" / "dist" / "index.js"
PORT = 8081  # the local back end's address in content/admin/config.yml
AXE = ROOT / "tests" / "browser" / "node_modules" / "axe-core" / "axe.min.js"
SHOTS = ROOT / "tests" / "artifacts" / "form-editor"


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, text=True).stdout


def branch_files(repo: Path, branch: str, folder: Path) -> Path:
    """A branch's files in a folder of their own, to check and build: decap-server goes on switching
    the clone's working tree between branches as it works."""
    folder.mkdir()
    archive = subprocess.run(["git", "archive", branch], cwd=repo, check=True, capture_output=True)
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive.stdout, check=True)
    link_editor_packages(folder)
    return folder


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The built site whose /admin/ page the tests open: made from the fixture data, like the repository
    the editor saves to, so that these tests hold whatever data/ holds."""
    project = copy_project(tmp_path_factory.mktemp("editor-site"))
    out = project / "site"
    result = build(out, project / "mkdocs.yml")
    assert result.returncode == 0, result.stderr
    httpd, address = serve(out)
    yield address
    httpd.shutdown()


@pytest.fixture
def editor_repo(project_copy):
    """A git copy of the project on branch main, with decap-server serving it on this computer."""
    repo = project_copy
    git(repo, "init", "-q", "-b", "main")
    (repo / ".git" / "info" / "exclude").write_text("hooks/admin/node_modules\n/.cache/\n/site/\n", encoding="utf-8")
    git(repo, "config", "user.email", "editor@example.org")
    git(repo, "config", "user.name", "Form editor test")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "The project as it is")
    with socket.socket() as probe:
        if probe.connect_ex(("127.0.0.1", PORT)) == 0:
            pytest.fail(f"port {PORT} is taken: the form editor's local back end needs it")
    env = dict(os.environ, GIT_REPO_DIRECTORY=str(repo), MODE="git", PORT=str(PORT), BIND_HOST="127.0.0.1")
    server = subprocess.Popen(
        ["node", str(DECAP_SERVER)], cwd=repo, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", PORT)) == 0:
                break
        time.sleep(0.2)
    else:
        server.kill()
        pytest.fail("decap-server did not start: " + server.stdout.read().decode()[-2000:])
    yield repo
    server.terminate()
    server.wait(timeout=10)


@pytest.fixture
def admin_page(server, browser, editor_repo):
    """The form editor of the built site, signed in through the local back end."""
    address = server
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(address + "admin/")
    page.get_by_role("button", name="Login").click()
    page.get_by_role("link", name="Plans").first.wait_for()
    page.address = address + "admin/"
    page.errors = errors
    yield page
    context.close()


def a_published_plan(repo: Path) -> str:
    """The slug of a published plan with a young-people summary (any valid data has one to publish)."""
    for file in sorted((repo / "data" / "plans").glob("*.yml")):
        text = file.read_text(encoding="utf-8")
        if "\nstatus: published" in text and "\nyoung_people:\n  title:" in text:
            return file.stem
    pytest.skip("no published plan with a young-people summary")


def saved_file(repo: Path, branch: str, path: str, main_text: str | None, timeout: float = 30) -> str:
    """The file as saved on its branch, once the editor has committed it there."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        shown = subprocess.run(["git", "show", f"{branch}:{path}"], cwd=repo, capture_output=True, text=True)
        if shown.returncode == 0 and shown.stdout != main_text:
            return shown.stdout
        time.sleep(0.3)
    pytest.fail(f"{path} not saved on {branch}; branches: {git(repo, 'branch')}")


def choose(page, label: str, option: str, nth: int = 0) -> None:
    """Pick an option of one of Decap's select boxes, with the keyboard."""
    box = page.get_by_label(label, exact=True).nth(nth)
    box.focus()
    page.keyboard.type(option)
    page.keyboard.press("Enter")


NEW_SUMMARY = "We made these promises to you. We will keep them, and we will tell you how."


def test_editing_a_plan_changes_only_the_edited_lines_on_a_branch_and_passes_the_check(admin_page, editor_repo):
    page, repo = admin_page, editor_repo
    slug = a_published_plan(repo)
    main_before = git(repo, "rev-parse", "main")
    before = (repo / "data" / "plans" / f"{slug}.yml").read_text(encoding="utf-8")
    page.goto(page.address + f"#/collections/plans/entries/{slug}")
    summaries = page.get_by_label(re.compile(r"^Summary"))
    summaries.nth(1).wait_for()
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "plan-form.png"))
    summaries.nth(1).fill(NEW_SUMMARY)  # the plan's young-people summary, below its adult summary
    choose(page, "Status", "draft")
    page.get_by_role("button", name="Save").click()
    page.wait_for_timeout(1500)
    page.screenshot(path=str(SHOTS / "plan-saved.png"))
    branch = f"cms/plans/{slug}"
    after = saved_file(repo, branch, f"data/plans/{slug}.yml", before)
    assert git(repo, "rev-parse", "main") == main_before, "saving committed to main"
    old, new = yaml.safe_load(before), yaml.safe_load(after)
    assert new["status"] == "draft" and new["young_people"]["summary"].strip() == NEW_SUMMARY
    old["status"], old["young_people"]["summary"] = new["status"], new["young_people"]["summary"]
    assert new == old, "the form changed other values than the two edited"
    # ...and no other line of the file: only the status line and the lines of the young-people summary.
    old_summary = [line.strip() for line in str(yaml.safe_load(before)["young_people"]["summary"]).splitlines()]
    diff = [line for line in difflib.ndiff(before.splitlines(), after.splitlines()) if line[:2] in ("- ", "+ ")]
    for line in diff:
        text = line[2:].strip()
        assert (
            text in ("status: published", "status: draft", NEW_SUMMARY, f"summary: {NEW_SUMMARY}")
            or text.removeprefix("summary:").strip() in ("|", "|-", ">", ">-", "")
            or any(text and text in part for part in old_summary)
            or text in " ".join(old_summary)
        ), f"a line changed that was not edited: {line!r}"
    files = branch_files(repo, branch, repo.parent / f"{repo.name}-branch")
    check = subprocess.run(
        [sys.executable, "-m", "plansite", "check", "--data", str(files / "data")],
        cwd=ROOT / "hooks",
        capture_output=True,
        text=True,
    )
    assert check.returncode == 0, check.stderr
    assert not page.errors, page.errors


def test_a_new_plan_made_in_the_form_builds(admin_page, editor_repo, tmp_path):
    page, repo = admin_page, editor_repo
    organisation = next(
        line.split(":", 1)[1].strip()
        for line in (repo / "data" / "organisations.yml").read_text(encoding="utf-8").splitlines()
        if line.startswith("  - id:")
    )
    page.goto(page.address + "#/collections/plans/new")
    page.get_by_label("Title", exact=True).first.fill("Form test plan 2031")
    page.get_by_label("Organisation", exact=True).fill(organisation)
    page.get_by_label("Kind", exact=True).fill("business plan")
    page.get_by_label("Period", exact=True).fill("2031-32")
    choose(page, "Status", "draft")
    page.get_by_label("Summary", exact=True).first.fill("A plan written in the form editor.")
    page.get_by_role("button", name="Add section").click()
    page.get_by_label("Id (for links)", exact=True).first.fill("introduction")
    page.get_by_label("Title", exact=True).nth(1).fill("Introduction")
    page.get_by_role("button", name="Add block").click()
    page.get_by_role("menuitem", name="text", exact=True).click()
    page.get_by_label("Text", exact=True).first.fill("This plan was written in the form editor.")
    page.screenshot(path=str(SHOTS / "new-plan.png"), full_page=True)
    page.get_by_role("button", name="Save").click()
    slug = f"{organisation}-form-test-plan-2031"
    written = saved_file(repo, f"cms/plans/{slug}", f"data/plans/{slug}.yml", None)
    assert not git(repo, "ls-tree", "main", f"data/plans/{slug}.yml"), "the new plan was committed to main"
    assert git(repo, "rev-list", "--count", "main") == "1\n", "saving committed to main"
    assert "status: draft" in written
    branch = branch_files(repo, f"cms/plans/{slug}", tmp_path / "branch")
    out = tmp_path / "built-site"
    env = dict(os.environ, PLANSITE_PREVIEW="1", NO_MKDOCS_2_WARNING="1")  # a draft is built in previews
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)],
        cwd=branch,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    assert (out / "plans" / slug / "index.html").is_file(), (
        sorted(p.name for p in (out / "plans").iterdir()),
        written[:600],
    )
    assert not page.errors, page.errors
    shutil.rmtree(out)


def axe_violations(page) -> list[dict]:
    page.evaluate(AXE.read_text(encoding="utf-8"))
    return page.evaluate(
        """async () => {
          const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
          const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
          return result.violations.map(v => ({id: v.id, targets: v.nodes.map(n => n.target.join(' ')),
            ours: v.nodes.filter(n => n.target.some(t => document.querySelector(t)?.closest(
              '.plansite-paragraphs, .plansite-amount, .plansite-checked, .plansite-sign-in'))).length}));
        }"""
    )


def test_the_editor_is_usable_with_the_keyboard_and_our_parts_have_no_axe_violations(browser, server, editor_repo):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(server + "admin/")
    page.get_by_role("button", name="Login").wait_for()
    for _ in range(10):  # the sign-in button is reached and pressed with the keyboard alone
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == "Login":
            break
    page.keyboard.press("Enter")
    page.get_by_role("link", name="Plans").first.wait_for()
    screens = {"collection": page.url}
    slug = a_published_plan(editor_repo)
    page.goto(server + f"admin/#/collections/plans/entries/{slug}")
    page.get_by_label(re.compile(r"^Summary")).nth(1).wait_for()
    for button in page.get_by_role("button", name=re.compile("^Expand")).all()[:3]:
        button.click()
    found = {"plan form": axe_violations(page)}
    page.goto(screens["collection"])
    page.get_by_role("link", name="Plans").first.wait_for()
    found["collection"] = axe_violations(page)
    for screen, violations in found.items():
        print(screen, [(v["id"], len(v["targets"])) for v in violations])
        assert sum(v["ours"] for v in violations) == 0, (screen, violations)
    page.close()


def test_without_the_local_back_end_the_editor_asks_for_a_github_token_on_a_page_of_our_own(browser, server):
    with socket.socket() as probe:
        if probe.connect_ex(("127.0.0.1", PORT)) == 0:
            pytest.skip(f"a local back end is running on port {PORT}")
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(server + "admin/")
    page.get_by_role("heading", name="Sign in to the form editor", level=1).wait_for()
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "sign-in.png"))
    token = page.get_by_label("GitHub token")
    assert token.get_attribute("type") == "password"
    page.get_by_role("button", name="Sign in").click()
    assert page.get_by_role("alert").inner_text() == "Paste your GitHub token first."
    assert [v for v in axe_violations(page) if v["ours"]] == []
    policy = page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
    assert "connect-src 'self' https://api.github.com" in policy and "script-src 'self' 'unsafe-eval';" in policy
    # Nothing but this computer and GitHub's API (only once signed in) is asked for anything.
    assert all(url.startswith((server, "http://localhost:8081/")) for url in requests), requests
    assert page.context.cookies() == []
    page.close()
