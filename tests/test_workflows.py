"""The GitHub Actions workflows: linted with actionlint, and checked for what they must and must not do."""

from __future__ import annotations

import shlex
import subprocess
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
WORKFLOW_FILES = sorted([*WORKFLOWS.glob("*.yml"), *WORKFLOWS.glob("*.yaml")])
PULL_REQUEST = WORKFLOWS / "pull-request.yml"
PUBLISH = WORKFLOWS / "publish.yml"


# actionlint itself, compiled to WebAssembly, from the npm package in tests/browser/package.json:
# the PyPI wrapper downloads a binary from GitHub when it installs, which a closed machine cannot.
ACTIONLINT = ROOT / "tests" / "browser" / "node_modules" / "@tktco" / "node-actionlint" / "bin" / "node-actionlint.js"


def actionlint(file: Path) -> subprocess.CompletedProcess:
    """actionlint on one file; exit 0 and no findings when the workflow is clean."""
    if not ACTIONLINT.exists():
        pytest.fail("actionlint is not installed: run ./run test, which installs tests/browser/package.json")
    return subprocess.run(["node", str(ACTIONLINT), str(file)], capture_output=True, text=True, cwd=ROOT, timeout=120)


def load(file: Path) -> dict:
    """A workflow as data. PyYAML reads the key `on` as the boolean True: it is put back as "on"."""
    workflow = yaml.safe_load(file.read_text(encoding="utf-8"))
    assert isinstance(workflow, dict), f"{file.name} is not a mapping"
    if True in workflow:
        workflow["on"] = workflow.pop(True)
    return workflow


def triggers(workflow: dict) -> dict:
    on = workflow["on"]
    if isinstance(on, str):
        return {on: None}
    if isinstance(on, list):
        return dict.fromkeys(on)
    return on


def steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def runs(workflow: dict) -> list[str]:
    return [step["run"] for step in steps(workflow) if "run" in step]


def uses(workflow: dict, action: str) -> list[dict]:
    """The steps that use an action, whatever its version."""
    return [step for step in steps(workflow) if step.get("uses", "").split("@")[0] == action]


def has_write(permissions) -> bool:
    if isinstance(permissions, str):
        return permissions == "write-all"
    return any(level == "write" for level in (permissions or {}).values())


def test_there_are_workflows():
    assert PULL_REQUEST in WORKFLOW_FILES and PUBLISH in WORKFLOW_FILES


# actionlint


@pytest.mark.parametrize("file", WORKFLOW_FILES, ids=lambda f: f.name)
def test_actionlint_passes(file):
    result = actionlint(file)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "All workflow files passed lint checks" in result.stdout and "[" not in result.stdout


@pytest.mark.parametrize(
    "old, new, expected",
    [
        ("runs-on:", "runs-onn:", "runs-onn"),
        ("${{ github.event.pull_request.number }}", "${{ no_such_context.number }}", "no_such_context"),
    ],
    ids=["typo in a key", "unknown expression context"],
)
def test_actionlint_fails_on_a_broken_workflow(tmp_path, old, new, expected):
    """The lint can fail: a broken copy of the pull-request workflow is refused."""
    text = PULL_REQUEST.read_text(encoding="utf-8")
    assert old in text
    broken = tmp_path / ".github" / "workflows" / "pull-request.yml"
    broken.parent.mkdir(parents=True)
    broken.write_text(text.replace(old, new, 1), encoding="utf-8")
    result = actionlint(broken)
    assert result.returncode != 0
    assert expected in result.stdout + result.stderr


# What the workflows must and must not do


@pytest.mark.parametrize("file", WORKFLOW_FILES, ids=lambda f: f.name)
def test_no_pull_request_target_and_no_secrets(file):
    text = file.read_text(encoding="utf-8")
    assert "pull_request_target" not in text
    assert "secrets." not in text and "secrets[" not in text
    assert "pull_request_target" not in triggers(load(file))


@pytest.mark.parametrize("file", WORKFLOW_FILES, ids=lambda f: f.name)
def test_top_level_permissions_are_read_only(file):
    workflow = load(file)
    assert workflow.get("permissions") == {"contents": "read"}


def test_pull_request_triggers():
    on = triggers(load(PULL_REQUEST))
    assert "pull_request" in on
    assert "pull_request_target" not in on
    assert (on["pull_request"] or {}).get("branches") == ["main"]


def test_pull_request_writes_nothing():
    workflow = load(PULL_REQUEST)
    assert not has_write(workflow["permissions"])
    for name, job in workflow["jobs"].items():
        assert not has_write(job.get("permissions")), name


def test_pull_request_concurrency():
    concurrency = load(PULL_REQUEST)["concurrency"]
    assert concurrency["group"] == "pr-${{ github.event.pull_request.number }}"
    assert concurrency["cancel-in-progress"] is True


def test_pull_request_runs_the_checks_in_order():
    commands = runs(load(PULL_REQUEST))
    check = next(i for i, c in enumerate(commands) if c.strip() == "./run check")
    build = next(i for i, c in enumerate(commands) if "mkdocs build" in c)
    test = next(i for i, c in enumerate(commands) if c.strip() == "./run test")
    assert check < build < test


def test_pull_request_preview_build_is_strict_and_not_quiet():
    builds = [c for c in runs(load(PULL_REQUEST)) if "mkdocs build" in c]
    assert builds
    for command in builds:
        words = shlex.split(command)
        assert "--strict" in words
        assert "-q" not in words and "--quiet" not in words
        assert "PLANSITE_PREVIEW=1" in words
        assert words[words.index("-d") + 1] == "site-preview"


def test_pull_request_uploads_the_preview_and_screenshots():
    uploads = {step["with"]["name"]: step for step in uses(load(PULL_REQUEST), "actions/upload-artifact")}
    preview = uploads["site-preview"]
    assert preview["uses"] == "actions/upload-artifact@v4"
    assert preview["with"]["path"] == "site-preview"
    assert preview["with"]["retention-days"] == 14
    assert "always()" not in preview.get("if", "")
    assert "steps.preview.outcome == 'success'" in preview.get("if", "")
    screenshots = uploads["screenshots"]
    assert screenshots["with"]["path"] == "tests/artifacts/screenshots"
    assert screenshots.get("if") == "always()"


def test_publishing_keeps_the_screenshots_of_every_page_kind_too():
    uploads = {step["with"]["name"]: step for step in uses(load(PUBLISH), "actions/upload-artifact")}
    screenshots = uploads["screenshots"]
    assert screenshots["with"]["path"] == "tests/artifacts/screenshots"
    assert screenshots.get("if") == "always()"


def test_publish_triggers():
    on = triggers(load(PUBLISH))
    assert (on["push"] or {}).get("branches") == ["main"]
    assert "workflow_dispatch" in on
    assert {"cron": "0 5 * * *"} in on["schedule"]
    assert "pull_request" not in on and "pull_request_target" not in on


def test_publish_checks_then_builds_without_drafts():
    workflow = load(PUBLISH)
    checks = workflow["jobs"]["checks"]
    commands = [step["run"] for step in checks["steps"] if "run" in step]
    assert commands.index("./run check") < commands.index("./run test")
    builds = [c for c in commands if "mkdocs build" in c]
    assert len(builds) == 1
    words = shlex.split(builds[0])
    assert "--strict" in words and "-q" not in words and "--quiet" not in words
    assert "PLANSITE_PREVIEW=1" not in words
    assert words[words.index("-d") + 1] == "site"
    assert commands.index("./run test") < commands.index(builds[0])
    pages = [step for step in checks["steps"] if step.get("uses", "").startswith("actions/upload-pages-artifact@")]
    assert len(pages) == 1 and pages[0]["with"]["path"] == "site"


def test_publish_deploys_after_the_checks_with_the_least_permissions():
    workflow = load(PUBLISH)
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] in ("checks", ["checks"])
    assert "if" not in deploy  # needs alone: the deploy runs only when the checks passed
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert deploy["environment"]["url"] == "${{ steps.deployment.outputs.page_url }}"
    step = next(s for s in deploy["steps"] if s.get("uses", "").split("@")[0] == "actions/deploy-pages")
    assert step["id"] == "deployment"
    for name, job in workflow["jobs"].items():
        if name != "deploy":
            assert not has_write(job.get("permissions")), name
    assert not has_write(workflow["permissions"])


def test_publish_never_cancels_a_deployment():
    concurrency = load(PUBLISH)["concurrency"]
    assert concurrency == {"group": "pages", "cancel-in-progress": False}
