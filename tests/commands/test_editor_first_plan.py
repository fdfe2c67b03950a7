"""An editor's first plans go through: a copy of the project gets a new organisation and new plans
(a ninth, tenth and eleventh at least) with the project's own commands, names with quotes, colons
and apostrophes included; then the data check, the strict build and every test that reads data/
pass on the copy (PLANSITE_TEST_PROJECT points the suite at it: tests/project.py)."""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from project import PROJECT, ROOT, build, copy_code

pytestmark = pytest.mark.build

ORGANISATION = "st-bedes"
PLANS_AT_LEAST = 11
TITLES = [
    ('Young Carers\' Pledge: "We Hear You" 2025-26', "2025-26", "pledge"),
    ("Children's Rights Charter: Our Promises", "2025 to 2028", "children's rights charter"),
    ("SEND Local Offer: What's On for 0-25s", "2025-26", "local offer"),
    ('Participation Strategy 2025 to 2028: "Nothing About Us Without Us"', "2025 to 2028", "participation strategy"),
]
# What an editor writes in place of each placeholder of the new-plan template (commands/new_plan.py).
TEXTS = {
    "One or two sentences saying what this plan is": "St Bede's promises to children: what it will do, and when.",
    "A title for young people": "What St Bede's will do for you",
    "Two to four short sentences": "We are St Bede's. We help children and their families. This is our plan.",
    "How children can take part": "You can join our youth group. We will tell you what we did with your ideas.",
    "The plan's introduction": "This plan sets out our promises: we will listen to children (Article 12).",
    "The first priority": "Priority 1: listening to children's views",
    "One or two short sentences about this priority": "We will ask you what you think. Then we will act on it.",
}  # fmt: skip


def plansite(project: Path, *args: str) -> subprocess.CompletedProcess:
    """A command as `./run` runs it, on the copy's code and data."""
    env = dict(os.environ, PYTHONPATH=str(project / "hooks"))
    env.pop("GITHUB_ACTIONS", None)
    return subprocess.run(
        [sys.executable, "-m", "plansite", *args], cwd=project, env=env, capture_output=True, text=True, timeout=300
    )


def ok(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def fill(file: Path) -> None:
    """Every placeholder replaced with the editor's words, and the plan set to published on a day (the guide's
    'Drafts and scheduled plans')."""
    text = file.read_text(encoding="utf-8")
    for start, words in TEXTS.items():
        text, count = re.subn(
            r'"\[\[' + re.escape(start) + r'[^\]]*\]\]"', json.dumps(words).replace("\\", "\\\\"), text
        )
        assert count == 1, start
    text = text.replace(
        "        text: " + json.dumps(TEXTS["The plan's introduction"]),
        "        text: " + json.dumps(TEXTS["The plan's introduction"]) + "\n        articles: [12]",
    )
    file.write_text(text.replace("status: draft", "status: published\npublish_on: 2026-01-05"), encoding="utf-8")


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """A copy of the project with the new organisation and plans, checked as an editor would."""
    if os.environ.get("PLANSITE_TEST_PROJECT"):
        pytest.skip("already running on a copy")
    project = copy_code(tmp_path_factory.mktemp("first-plan"))
    shutil.copytree(PROJECT / "data", project / "data")
    for name in ("pyproject.toml", "run"):
        shutil.copy(ROOT / name, project / name)
    ok(
        plansite(
            project,
            "new-organisation",
            "--id",
            ORGANISATION,
            "--name",
            "St Bede's Children's Trust: \"Young Voices\"",
            "--kind",
            "Children's charity",
            "--area",
            "County Durham: north-east England",
            "--website",
            "https://www.st-bedes.example.org",
            "--licence",
            "CC-BY-4.0",
            "--about",
            "St Bede's is a children's charity: it runs youth groups and a young carers' service.",
            "--young-people",
            "St Bede's helps children and young carers. It runs youth groups.",
        )  # fmt: skip
    )
    existing = len(list((project / "data" / "plans").glob("*.yml")))
    for title, period, kind in TITLES[: max(3, PLANS_AT_LEAST - existing)]:
        out = ok(plansite(project, "new-plan", "--organisation", ORGANISATION, "--title", title, "--period", period,
                          "--kind", kind))  # fmt: skip
        file = project / re.search(r"Wrote (\S+\.yml)", out).group(1)  # named from where the command runs
        assert file.parent == project / "data" / "plans" and file.exists(), out  # never the repository's own data/
        draft = ok(plansite(project, "check"))
        assert f"data/plans/{file.name}:" in draft and ": warning: the placeholder [[" in draft  # seen from the start
        fill(file)
        ok(plansite(project, "mark-reviewed", f"data/plans/{file.name}"))
    assert len(list((project / "data" / "plans").glob("*.yml"))) >= PLANS_AT_LEAST
    return project


def test_the_data_check_passes_without_a_warning_for_the_new_plans(project):
    out = ok(plansite(project, "check"))
    assert "The data is valid" in out
    assert not [line for line in out.splitlines() if ORGANISATION in line and "warning" in line], out


def test_the_strict_build_publishes_the_new_plans_with_their_names_as_typed(project):
    result = build(project / "site", project / "mkdocs.yml")
    assert result.returncode == 0, result.stderr
    organisation = (project / "site" / "organisations" / ORGANISATION / "index.html").read_text(encoding="utf-8")
    assert "St Bede's Children's Trust: \"Young Voices\"" in html.unescape(organisation)
    assert 'href="https://www.st-bedes.example.org"' in organisation
    assert len(list((project / "site" / "plans").glob(f"{ORGANISATION}-*/index.html"))) >= 3


def test_every_test_that_reads_data_passes_on_the_copy(project):
    # The site the strict build made just before, and fewer pages in the browser: every kind of page
    # still, so that the copy costs less than the suite itself at any size (tests/page_sample.py).
    env = dict(os.environ, PLANSITE_TEST_PROJECT=str(project), PLANSITE_BROWSER_PAGES="80")
    if (project / "site" / "index.html").exists():
        env["PLANSITE_TEST_SITE"] = str(project / "site")
    env.pop("GITHUB_ACTIONS", None)
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "--maxfail=20", "-m", "data", "-p", "no:cacheprovider", "tests"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=3000,
    )
    summary = result.stdout.strip().splitlines()[-1] if result.stdout.strip() else result.stderr
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    assert re.search(r"\d+ passed", summary) and " failed" not in summary, summary
