"""Which pull request a run was for, checked with GitHub; the one comment, edited at each push."""

from __future__ import annotations

import json

import pytest
from plansite.errors import Problems
from plansite.publishing.pull_request import (
    BOT,
    Deployment,
    comment_on,
    number_in_report,
    post,
    preview,
    which,
)
from plansite.publishing.pull_request_comment import FORK_PREVIEW, MARKER

from publishing.fake_github import REPOSITORY, FakeGitHub

HEAD = "c" * 40
RUN = {
    "id": 42,
    "head_sha": HEAD,
    "head_repository": {"full_name": REPOSITORY},
    "pull_requests": [],
    "conclusion": "failure",
    "html_url": f"https://github.com/{REPOSITORY}/actions/runs/42",
}
SITE = "https://childrens-plans.example.org/"


def report_folder(tmp_path, content) -> object:
    folder = tmp_path / "report"
    folder.mkdir(exist_ok=True)
    (folder / "pull-request.json").write_text(json.dumps(content), encoding="utf-8")
    return folder


def pull(number: int, sha: str = HEAD, repository: str = REPOSITORY, state: str = "open") -> dict:
    return {
        "number": number,
        "state": state,
        "head": {"sha": sha, "ref": "fix-plan", "repo": {"full_name": repository}},
    }


@pytest.mark.parametrize(
    "content, expected",
    [
        ({"pull_request": 12}, 12),
        ({"pull_request": "12"}, None),
        ({"pull_request": True}, None),
        ({"pull_request": -3}, None),
        ({"pull_request": 10**12}, None),
        ([12], None),
        ({}, None),
    ],
)
def test_the_number_in_the_report_is_a_whole_number_or_none(tmp_path, content, expected):
    assert number_in_report(report_folder(tmp_path, content)) == expected


def test_no_report_names_no_pull_request(tmp_path):
    assert number_in_report(tmp_path / "none") is None
    (tmp_path / "big").mkdir()
    (tmp_path / "big" / "pull-request.json").write_text(" " * 20_000 + "12")
    assert number_in_report(tmp_path / "big") is None


def test_the_pull_request_is_the_one_whose_head_the_run_checked(tmp_path):
    github = FakeGitHub()
    github.answers["pulls/12"] = pull(12)
    found = which(github, RUN, report_folder(tmp_path, {"pull_request": 12}))
    assert found == {
        "number": "12",
        "state": "open",
        "head_repository": REPOSITORY,
        "head_branch": "fix-plan",
        "head_sha": HEAD,
    }


def test_a_report_naming_another_pull_request_is_not_believed(tmp_path):
    """A fork's run that names this repository's pull request 7 gets no comment on it."""
    github = FakeGitHub()
    github.answers["pulls/7"] = pull(7, sha="d" * 40)
    fork_run = {**RUN, "head_repository": {"full_name": "someone/fork"}}
    assert which(github, fork_run, report_folder(tmp_path, {"pull_request": 7})) == {"state": "unknown"}


def test_a_pull_request_that_moved_on_is_left_to_its_newer_run(tmp_path):
    github = FakeGitHub()
    github.answers["pulls/12"] = pull(12, sha="e" * 40)
    assert which(github, RUN, report_folder(tmp_path, {"pull_request": 12}))["state"] == "outdated"


def test_a_closed_pull_request_is_closed(tmp_path):
    github = FakeGitHub()
    github.answers["pulls/12"] = pull(12, state="closed")
    assert which(github, RUN, report_folder(tmp_path, {"pull_request": 12}))["state"] == "closed"


def test_without_a_report_the_run_s_own_pull_requests_are_asked(tmp_path):
    github = FakeGitHub()
    github.answers["pulls/12"] = pull(12)
    run = {**RUN, "pull_requests": [{"number": 12}]}
    assert which(github, run, tmp_path / "none")["number"] == "12"


@pytest.mark.parametrize(
    "from_fork, built, deployment, outcomes, url, pending, missing",
    [
        (False, True, "success", {"12": "published"}, SITE + "previews/pr-12/", False, ""),
        (False, True, "cancelled", {}, SITE + "previews/pr-12/", True, ""),
        (False, True, "success", {"12": "the site has no room left for it"}, "", False, "no room"),
        (False, True, "failure", {}, "", False, "could not be published"),
        (False, False, "success", {}, "", False, "built no site"),
        (True, True, "success", {"12": "from a fork: not published"}, "", False, FORK_PREVIEW),
    ],
)
def test_what_the_comment_says_of_the_preview(from_fork, built, deployment, outcomes, url, pending, missing):
    said = preview(12, from_fork, built, deployment, outcomes, SITE)
    assert said.url == url and said.pending == pending
    assert missing in said.missing


def comments(*bodies: tuple[str, str]) -> list[dict]:
    return [{"id": i + 1, "user": {"login": login}, "body": body} for i, (login, body) in enumerate(bodies)]


def test_the_bots_comment_is_edited_not_written_again():
    github = FakeGitHub()
    github.answers["issues/12/comments"] = comments(("comms-officer", "Looks good"), (BOT, f"{MARKER}\nold"))
    assert post(github, 12, f"{MARKER}\nnew") == "edited"
    assert github.sent == [("PATCH", "issues/comments/2", {"body": f"{MARKER}\nnew"})]


def test_a_comment_by_anyone_else_with_the_marker_is_left_alone():
    github = FakeGitHub()
    github.answers["issues/12/comments"] = comments(("someone", f"{MARKER} pretend"), (BOT, "another bot comment"))
    assert post(github, 12, f"{MARKER}\nnew") == "written"
    assert github.sent == [("POST", "issues/12/comments", {"body": f"{MARKER}\nnew"})]


def test_a_closed_pull_request_without_a_comment_gets_none():
    github = FakeGitHub()
    github.answers["issues/12/comments"] = []
    assert post(github, 12, "closed", create=False) == "none" and github.sent == []


def found(state: str = "open", repository: str = REPOSITORY) -> dict[str, str]:
    return {"number": "12", "state": state, "head_repository": repository, "head_branch": "fix-plan", "head_sha": HEAD}


def test_the_comment_is_made_from_the_report_and_the_deployment(tmp_path):
    github = FakeGitHub()
    github.answers["issues/12/comments"] = []
    github.answers["actions/runs/42/artifacts?name=site-preview"] = {"artifacts": []}
    problems = Problems()
    problems.add("data/plans/x.yml", 4, 2, "unknown key '@owenr'", "did you mean 'owner'?")
    folder = report_folder(tmp_path, {"pull_request": 12})
    (folder / "problems.json").write_text(json.dumps(problems.as_data()), encoding="utf-8")
    deployment = Deployment("success", {}, SITE)
    assert comment_on(github, RUN, found(), folder, deployment, "https://github.com") == "written"
    ((method, path, body),) = github.sent
    assert (method, path) == ("POST", "issues/12/comments")
    text = body["body"]
    assert text.startswith(MARKER) and "### 1 problem in the data" in text
    assert f"https://github.com/{REPOSITORY}/blob/{HEAD}/data/plans/x.yml#L4" in text
    assert "\\@&#8203;owenr" in text  # no mention of a user called owenr
    assert "none for this commit" in text


def test_the_comment_gives_the_preview_s_address_from_pages_when_the_deployment_did_not(tmp_path):
    github = FakeGitHub()
    github.answers["issues/12/comments"] = comments((BOT, MARKER))
    github.answers["actions/runs/42/artifacts?name=site-preview"] = {"artifacts": [{"name": "site-preview"}]}
    github.answers["pages"] = {"html_url": "https://childrens-plans.github.io/site/"}
    folder = report_folder(tmp_path, {"pull_request": 12})
    (folder / "problems.json").write_text(json.dumps(Problems().as_data()), encoding="utf-8")
    run = {**RUN, "conclusion": "success"}
    comment_on(github, run, found(), folder, Deployment("cancelled"), "https://github.com")
    ((_, path, body),) = github.sent
    assert path == "issues/comments/1"
    assert "https://childrens-plans.github.io/site/previews/pr-12/" in body["body"]
    assert "being published" in body["body"] and "No problems in the data" in body["body"]


def test_closing_edits_the_comment_to_say_the_preview_is_gone(tmp_path):
    github = FakeGitHub()
    github.answers["issues/12/comments"] = comments((BOT, MARKER + "\nproblems"))
    comment_on(github, RUN, found("closed"), tmp_path, Deployment("success"), "https://github.com")
    ((method, _, body),) = github.sent
    assert method == "PATCH" and "removed" in body["body"]


def test_a_number_that_is_no_pull_request_is_passed_over(tmp_path):
    github = FakeGitHub()
    github.answers["pulls/12"] = pull(12)
    run = {**RUN, "pull_requests": [{"number": 12}]}
    assert which(github, run, report_folder(tmp_path, {"pull_request": 99}))["number"] == "12"


def test_a_run_without_a_head_repository_is_for_no_pull_request(tmp_path):
    github = FakeGitHub()
    github.answers["pulls/12"] = {"number": 12, "state": "open", "head": {"sha": HEAD, "repo": None}}
    run = {**RUN, "head_repository": None}
    assert which(github, run, report_folder(tmp_path, {"pull_request": 12})) == {"state": "unknown"}
