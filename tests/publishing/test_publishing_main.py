"""`python -m plansite.publishing which|site|comment` as the Deploy workflow runs them: from hooks/,
with the standard library only (python -S), a `gh` on the PATH, and the event GitHub gives."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from plansite.errors import Problems
from plansite.publishing.pull_request_comment import MARKER

from publishing.fake_github import REPOSITORY, site_zip

HOOKS = Path(__file__).resolve().parents[2] / "hooks"
HEAD = "c" * 40
# Answers by path (the page size and page left out); a path ending in /zip answers with a file's bytes.
FAKE_GH = r"""#!{python}
import json, os, re, sys
args = sys.argv[1:]
path = args[args.index("--input") - 1] if "--input" in args else args[-1]
path = re.sub(r"[?&]per_page=\d+(&page=\d+)?", "", path.removeprefix("repos/{repository}/"))
body = sys.stdin.read() if "--input" in args else ""
with open(os.environ["FAKE_GH_SENT"], "a") as sent:
    sent.write(json.dumps({{"args": args, "path": path, "body": body}}) + "\n")
answers = json.load(open(os.environ["FAKE_GH_ANSWERS"]))
if path not in answers:
    sys.stderr.write("HTTP 404: Not Found (" + path + ")")
    sys.exit(1)
answer = answers[path]
if isinstance(answer, dict) and "file" in answer:
    sys.stdout.buffer.write(open(answer["file"], "rb").read())
else:
    print(json.dumps(answer))
"""


@pytest.fixture
def github(tmp_path) -> dict:
    """A fake GitHub: answers to fill in, and what was sent, for `gh` on the PATH."""
    bin_folder = tmp_path / "bin"
    bin_folder.mkdir()
    gh = bin_folder / "gh"
    gh.write_text(FAKE_GH.format(python=sys.executable, repository=REPOSITORY), encoding="utf-8")
    gh.chmod(0o755)
    return {"bin": bin_folder, "answers": {}, "sent": tmp_path / "sent.jsonl", "tmp": tmp_path}


def run(github: dict, *args: str, event: dict | None = None, **env: str) -> tuple[subprocess.CompletedProcess, dict]:
    tmp = github["tmp"]
    (tmp / "answers.json").write_text(json.dumps(github["answers"]), encoding="utf-8")
    (tmp / "event.json").write_text(json.dumps(event or {}), encoding="utf-8")
    output = tmp / "output.txt"
    output.write_text("", encoding="utf-8")
    environment = {
        "PATH": f"{github['bin']}{os.pathsep}{os.environ['PATH']}",
        "FAKE_GH_ANSWERS": str(tmp / "answers.json"),
        "FAKE_GH_SENT": str(github["sent"]),
        "GITHUB_REPOSITORY": REPOSITORY,
        "GITHUB_EVENT_PATH": str(tmp / "event.json"),
        "GITHUB_OUTPUT": str(output),
        "GITHUB_SERVER_URL": "https://github.com",
        **env,
    }
    result = subprocess.run(
        [sys.executable, "-S", "-m", "plansite.publishing", *args],
        capture_output=True,
        text=True,
        cwd=HOOKS,
        env=environment,
        timeout=120,
    )
    outputs = dict(line.split("=", 1) for line in output.read_text(encoding="utf-8").splitlines())
    return result, outputs


def sent(github: dict) -> list[dict]:
    if not github["sent"].exists():
        return []
    return [json.loads(line) for line in github["sent"].read_text(encoding="utf-8").splitlines()]


RUN = {
    "workflow_run": {
        "id": 42,
        "event": "pull_request",
        "head_sha": HEAD,
        "head_repository": {"full_name": REPOSITORY},
        "pull_requests": [],
        "conclusion": "failure",
        "html_url": f"https://github.com/{REPOSITORY}/actions/runs/42",
    }
}


def report(tmp_path: Path, number: int, problems: Problems | None = None) -> Path:
    folder = tmp_path / "report"
    folder.mkdir()
    (folder / "pull-request.json").write_text(json.dumps({"pull_request": number}), encoding="utf-8")
    if problems is not None:
        (folder / "problems.json").write_text(json.dumps(problems.as_data()), encoding="utf-8")
    return folder


def test_which_gives_the_pull_request_as_the_job_s_outputs(github):
    github["answers"]["pulls/12"] = {
        "number": 12,
        "state": "open",
        "head": {"sha": HEAD, "ref": "fix-plan", "repo": {"full_name": REPOSITORY}},
    }
    result, outputs = run(github, "which", str(report(github["tmp"], 12)), event=RUN)
    assert result.returncode == 0, result.stderr
    assert outputs == {
        "number": "12",
        "state": "open",
        "head_repository": REPOSITORY,
        "head_branch": "fix-plan",
        "head_sha": HEAD,
    }


def test_site_puts_production_and_previews_together(github):
    tmp = github["tmp"]
    (tmp / "production.zip").write_bytes(site_zip({"index.html": "production"}))
    (tmp / "preview.zip").write_bytes(site_zip({"index.html": "preview of 12"}))
    main_run = {"id": 7, "event": "push", "head_branch": "main", "head_repository": {"full_name": REPOSITORY}}
    pr_run = {"id": 42, "event": "pull_request", "head_sha": HEAD, "head_repository": {"full_name": REPOSITORY}}
    github["answers"].update(
        {
            "actions/workflows/publish.yml/runs?branch=main&status=success": {"workflow_runs": [main_run]},
            "actions/runs/7/artifacts?name=site": {"artifacts": [{"id": 70, "name": "site", "expired": False}]},
            "actions/artifacts/70/zip": {"file": str(tmp / "production.zip")},
            "pulls?state=open&sort=created&direction=asc": [
                {"number": 12, "head": {"sha": HEAD, "repo": {"full_name": REPOSITORY}}}
            ],
            f"actions/workflows/pull-request.yml/runs?event=pull_request&head_sha={HEAD}": {"workflow_runs": [pr_run]},
            "actions/runs/42/artifacts?name=site-preview": {
                "artifacts": [{"id": 420, "name": "site-preview", "expired": False}]
            },
            "actions/artifacts/420/zip": {"file": str(tmp / "preview.zip")},
        }
    )
    result, outputs = run(github, "site", str(tmp / "site"))
    assert result.returncode == 0, result.stderr
    assert (tmp / "site" / "index.html").read_text() == "production"
    assert (tmp / "site" / "previews" / "pr-12" / "index.html").read_text() == "preview of 12"
    assert json.loads(outputs["previews"]) == {"12": "published"}


def test_site_without_a_production_site_fails_and_says_why(github):
    github["answers"]["actions/workflows/publish.yml/runs?branch=main&status=success"] = {"workflow_runs": []}
    result, _ = run(github, "site", str(github["tmp"] / "site"))
    assert result.returncode == 1
    assert re.search(r"::error::no successful run of publish\.yml on main", result.stderr)
    assert not (github["tmp"] / "site").exists()


def test_comment_writes_the_comment_on_the_pull_request(github):
    problems = Problems()
    problems.add("data/plans/x.yml", 3, 1, "unknown key 'titel'", "did you mean 'title'?")
    github["answers"].update(
        {
            "issues/12/comments": [],
            "actions/runs/42/artifacts?name=site-preview": {"artifacts": []},
        }
    )
    env = {
        "NUMBER": "12",
        "STATE": "open",
        "HEAD_REPOSITORY": REPOSITORY,
        "HEAD_BRANCH": "fix-plan",
        "HEAD_SHA": HEAD,
        "DEPLOYMENT": "success",
        "PREVIEWS": "{}",
        "PAGE_URL": "https://childrens-plans.example.org/",
    }
    result, _ = run(github, "comment", str(report(github["tmp"], 12, problems)), event=RUN, **env)
    assert result.returncode == 0, result.stderr
    (posted,) = [call for call in sent(github) if "--input" in call["args"]]
    assert posted["path"] == "issues/12/comments" and posted["args"][posted["args"].index("--method") + 1] == "POST"
    body = json.loads(posted["body"])["body"]
    assert body.startswith(MARKER) and "1 problem in the data" in body and "titel" in body
