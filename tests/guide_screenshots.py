"""The editors' guide's screenshots, taken in the real form editor and the real site.

    .venv/bin/python tests/guide_screenshots.py

A copy of the project with the fixture data (tests/fixtures/data/, never data/) is built and served,
and decap-server, the form editor's local back end, runs in git mode on a git copy of it, as
tests/browser/test_form_editor.py starts it. Debian's Chromium, headless with the suite's flags, does
in the form what each task of the guide says; each screen is cropped to what the task shows and
written to content/assets/images/ as a small PNG. The import's report and the pull-request comment
the guide quotes are printed, made by the same code on the same copy. After a new version of the
form editor, run this again and read the guide's alt texts against the new pictures.

Nothing is saved in the form: every screen is the one an editor sees just before selecting Save.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright
from project import CHROMIUM, FLAGS, ROOT, build, copy_project, free_port, serve

IMAGES = ROOT / "content" / "assets" / "images"
DECAP_SERVER = ROOT / "hooks" / "admin" / "node_modules" / "decap-server" / "dist" / "index.js"
# The form editor looks for its local back end here (content/admin/config.yml). The browser's requests
# to it are sent on to a decap-server on a free port, so that one already using this port (./run admin,
# the browser tests) is left alone.
CONFIGURED_BACK_END = re.compile(r"^http://(localhost|127\.0\.0\.1):8081/")
MAX_BYTES = 80_000
COLOURS = 48  # screenshots of text on plain backgrounds lose nothing a reader sees with this palette


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, text=True).stdout


def start_back_end(repo: Path, port: int) -> subprocess.Popen:
    """decap-server in git mode on a git copy of the project, as `./run admin` starts it on a clone."""
    git(repo, "init", "-q", "-b", "main")
    (repo / ".git" / "info" / "exclude").write_text("hooks/admin/node_modules\n.cache/\nsite/\n", encoding="utf-8")
    git(repo, "config", "user.email", "editor@example.org")
    git(repo, "config", "user.name", "Editor")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "The project as it is")
    env = dict(os.environ, GIT_REPO_DIRECTORY=str(repo), MODE="git", PORT=str(port), BIND_HOST="127.0.0.1")
    server = subprocess.Popen(
        ["node", str(DECAP_SERVER)], cwd=repo, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return server
        time.sleep(0.2)
    server.kill()
    sys.exit("decap-server did not start: " + server.stdout.read().decode()[-2000:])


# --- Cropping and saving -------------------------------------------------------------------------


def union(*boxes: dict, pad: int = 12, page=None) -> dict:
    """The smallest clip holding every box, padded, and kept inside the viewport."""
    left = min(b["x"] for b in boxes) - pad
    top = min(b["y"] for b in boxes) - pad
    right = max(b["x"] + b["width"] for b in boxes) + pad
    bottom = max(b["y"] + b["height"] for b in boxes) + pad
    if page is not None:
        size = page.viewport_size
        left, top = max(0, left), max(0, top)
        right, bottom = min(size["width"], right), min(size["height"], bottom)
    return {"x": left, "y": top, "width": right - left, "height": bottom - top}


def save(page, name: str, clip: dict) -> Path:
    """The clipped screen as content/assets/images/<name>.png, in a small palette; refuses one too big."""
    target = IMAGES / f"{name}.png"
    page.screenshot(path=str(target), clip=clip)
    image = Image.open(target).convert("RGB").quantize(colors=COLOURS, method=Image.Quantize.MEDIANCUT)
    image.save(target, optimize=True)
    size = target.stat().st_size
    print(f"{target.relative_to(ROOT)}: {image.width} x {image.height} px, {size:,} bytes")
    if size > MAX_BYTES:
        sys.exit(f"{target.name} is {size:,} bytes: crop it to what the task shows")
    return target


# --- Driving the form ----------------------------------------------------------------------------


def signed_in(browser, site: str, port: int, width: int, height: int):
    """A tab of the form editor, signed in through the local back end."""
    context = browser.new_context(viewport={"width": width, "height": height})

    def forward(route):
        url = CONFIGURED_BACK_END.sub(f"http://127.0.0.1:{port}/", route.request.url)
        route.fulfill(response=route.fetch(url=url))

    context.route(CONFIGURED_BACK_END, forward)
    page = context.new_page()
    page.goto(site + "admin/")
    page.get_by_role("button", name="Login").click()
    page.get_by_role("link", name="Plans").first.wait_for()
    return page


def close(page) -> None:
    page.context.unroute_all(behavior="ignoreErrors")
    page.context.close()


def open_plan(page, site: str, slug: str) -> None:
    page.goto(site + f"admin/#/collections/plans/entries/{slug}")
    page.get_by_label(re.compile(r"^Summary")).nth(1).wait_for()
    page.wait_for_timeout(500)


def open_item(scope, header: re.Pattern):
    """Open the list item (a section, block, group, row, update) whose header shows these words, as an
    editor does with the arrow at its left; returns the item."""
    label = scope.locator("[class*=NestedObjectLabel]").filter(has_text=header).first
    item = label.locator("xpath=ancestor::div[contains(@class,'SortableListItem')][1]")
    item.scroll_into_view_if_needed()
    item.locator("button").first.click()
    item.page.wait_for_timeout(300)
    return item


def field(scope, label: str | re.Pattern):
    """A field's box: its label and its control, as the form draws them."""
    caption = scope.locator("label").filter(has_text=label).first
    return caption.locator("xpath=ancestor::div[contains(@class,'ControlContainer')][1]")


def to_top(page, locator, below: int = 80) -> None:
    """Scroll the form so that locator starts just under the editor's top bar."""
    locator.evaluate("element => element.scrollIntoView({block: 'start'})")
    page.mouse.wheel(0, -below)
    page.wait_for_timeout(400)


# --- The screens ---------------------------------------------------------------------------------


def sign_in(browser, site: str) -> None:
    """The sign-in page of the live site (no local back end answers)."""
    context = browser.new_context(viewport={"width": 900, "height": 600})
    context.route(CONFIGURED_BACK_END, lambda route: route.abort())
    page = context.new_page()
    page.goto(site + "admin/")
    page.get_by_role("heading", name="Sign in to the form editor", level=1).wait_for()
    save(page, "form-editor-sign-in", union(page.locator("main").bounding_box(), pad=16, page=page))
    context.close()


def change_a_text(browser, site: str, port: int) -> None:
    """A plan's young-people 'Get involved' text changed, just before Save."""
    page = signed_in(browser, site, port, 900, 800)
    open_plan(page, site, "cumberland-participation-strategy-2024-27")
    text = page.get_by_label(re.compile(r"^Get involved")).first
    text.fill(text.input_value() + " To join, ask your youth worker.")
    to_top(page, field(page, re.compile(r"^Young-people version")), below=80)
    form = field(page, re.compile(r"^Young-people version")).bounding_box()
    bottom = field(page, re.compile(r"^Get involved")).bounding_box()
    # From the top bar (Save, and the words "Unsaved changes") down to the changed text.
    clip = {"x": 0, "y": 0, "width": form["x"] + form["width"] + 12, "height": bottom["y"] + bottom["height"] + 12}
    save(page, "form-editor-change-a-text", clip)
    close(page)


def record_progress(browser, site: str, port: int) -> None:
    """An action-plan row's updates, with a new one added and still empty."""
    page = signed_in(browser, site, port, 1280, 1000)
    open_plan(page, site, "slscb-progress-update-2017")
    section = open_item(page, re.compile(r"^Recommendations and progress$"))
    block = open_item(section, re.compile(r"^$"))
    group = open_item(block, re.compile(r"^Recommendations$"))
    row = open_item(group, re.compile(r"^1$"))
    updates = field(row, re.compile(r"^Updates"))
    updates.get_by_role("button", name=re.compile("Add update")).click()
    page.wait_for_timeout(500)
    added = updates.locator("[class*=SortableListItem]").last
    to_top(page, updates, below=70)
    source = field(added, re.compile(r"^Source")).bounding_box()
    clip = union(updates.bounding_box(), page=page)
    save(page, "form-editor-record-progress", {**clip, "height": source["y"] + source["height"] + 12 - clip["y"]})
    close(page)


def add_an_organisation(browser, site: str, port: int) -> None:
    """A new organisation filled in, at the end of the list of organisations."""
    page = signed_in(browser, site, port, 900, 1100)
    page.get_by_role("link", name="Organisations, glossary and articles").click()
    page.get_by_role("link", name="Organisations", exact=True).click()
    page.get_by_role("button", name=re.compile("Add organisation")).wait_for()
    page.get_by_role("button", name=re.compile("Add organisation")).click()
    page.wait_for_timeout(500)
    added = page.locator("[class*=SortableListItem]").last
    values = {
        "Id (for links)": "leeds-cc",
        "Name": "Leeds City Council",
        "Kind": "Local authority",
        "Area (optional)": "Leeds, England",
        "About": "Leeds City Council is the council for the city of Leeds, in West Yorkshire.",
        "Website (optional)": "https://www.leeds.gov.uk",
    }
    for label, value in values.items():
        added.get_by_label(label, exact=True).first.fill(value)
    young = field(added, "Young-people version")
    young.get_by_label("Text", exact=True).fill(
        "Leeds City Council looks after many things in Leeds, like schools, parks and help for families."
    )
    to_top(page, added, below=20)
    about = field(added, "About").bounding_box()
    clip = union(added.bounding_box(), page=page)
    # Down to About: the fields below it (website, licence, the young-people text) are named in the guide.
    save(page, "form-editor-add-an-organisation", {**clip, "height": about["y"] + about["height"] + 12 - clip["y"]})
    close(page)


def mark_checked(browser, site: str, port: int) -> None:
    """A 'You said' item whose adult text was changed and saved: opened again, its young-people text asks
    to be checked (the form compares it with the adult text as saved)."""
    page = signed_in(browser, site, port, 1280, 800)
    slug = "cumberland-participation-strategy-2024-27"

    def open_the_item():
        open_plan(page, site, slug)
        section = open_item(page, re.compile(r"^2\. What is important"))
        block = open_item(section, re.compile(r"^Your Voice$"))
        return open_item(block, re.compile(r"voices to be valued"))

    we_will = field(open_the_item(), re.compile(r"^We will")).locator("textarea").first
    we_will.fill(we_will.input_value().replace("their successes.", "their successes in the council's newsletter."))
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Changes saved", exact=False).first.wait_for()
    page.wait_for_timeout(1000)
    page.reload()
    item = open_the_item()
    item.get_by_text(re.compile(r"^The adult text has changed since it was checked")).wait_for()
    young = field(item, re.compile(r"^Young-people version"))
    to_top(page, young, below=40)
    save(page, "form-editor-mark-checked", union(young.bounding_box(), page=page))
    close(page)


def the_comment(project: Path) -> None:
    """The pull request's comment for the change mark_checked makes, as the Deploy workflow writes it."""
    from plansite.publishing.pull_request_comment import Outcome, Preview, Source, comment, read_report

    plan = project / "data" / "plans" / "cumberland-participation-strategy-2024-27.yml"
    before = plan.read_text(encoding="utf-8")
    after = before.replace("their successes.\n", "their successes in the council's newsletter.\n", 1)
    assert after != before
    plan.write_text(after, encoding="utf-8")
    report = project / "report.json"
    subprocess.run(
        [sys.executable, "-m", "plansite", "check", "--data", "data", "--report", "json", str(report)],
        cwd=project,
        capture_output=True,
    )
    plan.write_text(before, encoding="utf-8")
    branch = "cms/plans/cumberland-participation-strategy-2024-27"
    source = Source("https://github.com", "OWNER/REPOSITORY", branch, "1" * 40)
    outcome = Outcome("failure", "https://github.com/OWNER/REPOSITORY/actions/runs/1")
    preview = Preview(url="https://childrens-plans.example.org/previews/pr-12/")
    print("\nThe pull request's comment:\n")
    print(comment(read_report(report.read_bytes()), source, outcome, preview))
    report.unlink()


def the_import(project: Path, document: Path) -> str:
    """A draft plan from a Word document made from a plan of the fixtures; prints the report, returns its slug."""
    result = subprocess.run(
        [sys.executable, "-m", "plansite", "import", str(document), "--organisation", "chscb", "--data", "data"],
        cwd=project,
        capture_output=True,
        text=True,
    )
    print(f"\n./run import ~/Downloads/{document.name} --organisation chscb\n")
    print(result.stdout, result.stderr)
    if result.returncode:
        sys.exit("the import failed")
    return re.search(r"data/plans/([a-z0-9-]+)\.yml", result.stdout).group(1)


def review_preview(browser, project: Path, slug: str) -> None:
    """The imported draft's page in the pull request's preview."""
    folder = "previews/pr-12/"
    out = project / "built-preview"
    os.environ["PLANSITE_SITE_PATH"] = folder  # built for its folder, as the Pull request workflow builds it
    result = build(out / folder, project / "mkdocs.yml", preview=True)
    if result.returncode:
        sys.exit(result.stderr[-3000:])
    httpd, address = serve(out)
    page = browser.new_page(viewport={"width": 1280, "height": 760})
    page.goto(address + folder + f"plans/{slug}/")
    page.get_by_text("Draft: not published").wait_for()
    heading = page.locator("h1").bounding_box()
    facts = page.locator("dl").first.bounding_box()
    # As wide as the page's words, not its whole column: the picture is shown at its own size.
    words = page.evaluate(
        """(bottom) => {
          let right = 0;
          const walker = document.createTreeWalker(document.querySelector('.md-content'), NodeFilter.SHOW_TEXT);
          for (let node; (node = walker.nextNode());) {
            const range = document.createRange();
            range.selectNodeContents(node);
            const box = range.getBoundingClientRect();
            if (box.width && box.bottom <= bottom) right = Math.max(right, box.right);
          }
          return right;
        }""",
        facts["y"] + facts["height"],
    )
    clip = union(heading, facts, pad=16, page=page)
    save(page, "preview-draft-plan", {**clip, "width": words + 16 - clip["x"]})
    page.close()
    httpd.shutdown()


def main() -> None:
    if not DECAP_SERVER.is_file():
        sys.exit("the form editor's packages are missing: run ./run build first")
    IMAGES.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="guide-screenshots-"))
    try:
        project = copy_project(work / "project")
        site = work / "site"
        result = build(site, project / "mkdocs.yml")
        if result.returncode:
            sys.exit(result.stderr[-3000:])
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            try:
                in_the_form(browser, project, site)
                the_comment(project)
                document = work / "business-plan-2014-15.docx"
                make_word_document(project / "data" / "plans" / "chscb-business-plan-2014-15.yml", document)
                (project / "data" / "plans" / "chscb-business-plan-2014-15.yml").unlink()
                slug = the_import(project, document)
                review_preview(browser, project, slug)
            finally:
                browser.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)


def in_the_form(browser, project: Path, site: Path) -> None:
    """The screens of the form editor, on the built site, with its local back end on the git copy."""
    httpd, address = serve(site)
    port = free_port()
    back_end = start_back_end(project, port)
    try:
        sign_in(browser, address)
        change_a_text(browser, address, port)
        record_progress(browser, address, port)
        add_an_organisation(browser, address, port)
        mark_checked(browser, address, port)
    finally:
        back_end.terminate()
        back_end.wait(timeout=10)
        httpd.shutdown()


def make_word_document(plan: Path, target: Path) -> None:
    """A Word document laid out from a plan, as the import's tests make them (tests/importing/documents.py)."""
    sys.path.insert(0, str(ROOT / "tests" / "importing"))
    from documents import make_document

    make_document(plan, target)


if __name__ == "__main__":
    main()
