"""The Pages site made whole at each deployment: production, and the previews of open pull requests."""

from __future__ import annotations

import pytest
from plansite.publishing.pages_site import PUBLISHED, NoProductionSite, assemble, preview_folder

from publishing.fake_github import REPOSITORY, FakeGitHub, site_zip

MAIN = "branch=main&status=success"
SHA = {n: f"{n:040x}" for n in range(1, 10)}


def previews_query(number: int) -> str:
    return f"event=pull_request&head_sha={SHA[number]}"


@pytest.fixture
def github() -> FakeGitHub:
    github = FakeGitHub()
    github.add_run("publish.yml", MAIN, 100, "aaa", {"site": (1000, site_zip({"index.html": "old production"}), False)})
    github.add_run("publish.yml", MAIN, 101, "bbb", {"site": (1001, site_zip({"index.html": "production"}), False)})
    return github


def preview_run(github: FakeGitHub, number: int, run_id: int, text: str, expired: bool = False) -> None:
    content = site_zip({"index.html": text, "plans/x/index.html": f"{text}: a plan"})
    github.add_run(
        "pull-request.yml", previews_query(number), run_id, SHA[number], {"site-preview": (run_id, content, expired)}
    )


def test_the_site_is_production_with_each_open_pull_requests_preview_in_its_folder(github, tmp_path):
    github.open_pulls((3, SHA[3], REPOSITORY), (5, SHA[5], REPOSITORY))
    preview_run(github, 3, 300, "preview of 3")
    preview_run(github, 5, 500, "preview of 5")
    outcomes = assemble(github, tmp_path)
    assert outcomes == {3: PUBLISHED, 5: PUBLISHED}
    assert (tmp_path / "index.html").read_text() == "production"  # the newest successful Publish run's
    assert (tmp_path / preview_folder(3) / "index.html").read_text() == "preview of 3"
    assert (tmp_path / "previews" / "pr-5" / "plans" / "x" / "index.html").read_text() == "preview of 5: a plan"


def test_a_preview_is_of_the_pull_requests_newest_commit_from_its_newest_run(github, tmp_path):
    github.open_pulls((3, SHA[3], REPOSITORY))
    preview_run(github, 3, 300, "first run")
    preview_run(github, 3, 301, "run again")
    preview_run(github, 4, 400, "an older commit of the same branch")
    assert assemble(github, tmp_path) == {3: PUBLISHED}
    assert (tmp_path / "previews" / "pr-3" / "index.html").read_text() == "run again"
    assert not (tmp_path / "previews" / "pr-4").exists()


def test_an_expired_artifact_is_passed_over_for_an_older_one(github, tmp_path):
    github.add_run("publish.yml", MAIN, 102, "ccc", {"site": (1002, site_zip({"index.html": "gone"}), True)})
    github.open_pulls((3, SHA[3], REPOSITORY))
    preview_run(github, 3, 300, "kept")
    preview_run(github, 3, 301, "expired", expired=True)
    assert assemble(github, tmp_path) == {3: PUBLISHED}
    assert (tmp_path / "index.html").read_text() == "production"
    assert (tmp_path / "previews" / "pr-3" / "index.html").read_text() == "kept"


def test_a_closed_pull_request_has_no_preview_any_more(github, tmp_path):
    preview_run(github, 3, 300, "preview of 3")
    github.open_pulls()  # 3 was closed
    assert assemble(github, tmp_path) == {}
    assert not (tmp_path / "previews").exists()


def test_a_pull_request_from_a_fork_is_not_published_on_the_site(github, tmp_path):
    github.open_pulls((3, SHA[3], "someone/fork"))
    preview_run(github, 3, 300, "<script>from a fork</script>")
    assert assemble(github, tmp_path)[3] != PUBLISHED
    assert not (tmp_path / "previews").exists()


def test_a_pull_request_whose_checks_built_no_site_says_so(github, tmp_path):
    github.open_pulls((3, SHA[3], REPOSITORY))
    github.add_run("pull-request.yml", previews_query(3), 300, SHA[3], {})
    assert "built no site" in assemble(github, tmp_path)[3]


def test_the_production_sites_own_previews_folder_is_replaced(tmp_path):
    github = FakeGitHub()
    production = site_zip({"index.html": "production", "previews/pr-3/index.html": "stale"})
    github.add_run("publish.yml", MAIN, 101, "bbb", {"site": (1001, production, False)})
    github.open_pulls()
    assemble(github, tmp_path)
    assert (tmp_path / "index.html").exists() and not (tmp_path / "previews").exists()


def test_without_a_production_site_nothing_is_deployed(tmp_path):
    github = FakeGitHub()
    github.add_run("publish.yml", MAIN, 101, "bbb", {"site": (1001, site_zip({"index.html": "x"}), True)})
    github.open_pulls()
    with pytest.raises(NoProductionSite, match="Publish"):
        assemble(github, tmp_path)


def test_previews_that_would_not_fit_are_left_out(github, tmp_path):
    github.open_pulls((3, SHA[3], REPOSITORY), (5, SHA[5], REPOSITORY))
    preview_run(github, 3, 300, "x" * 400)
    preview_run(github, 5, 500, "y" * 400)
    outcomes = assemble(github, tmp_path, most=1_300)
    assert outcomes[3] == PUBLISHED and "no room" in outcomes[5]
    assert not (tmp_path / "previews" / "pr-5").exists()
    assert (tmp_path / "index.html").read_text() == "production"


def test_a_preview_that_is_not_a_plain_site_is_left_out_and_the_rest_published(github, tmp_path):
    github.open_pulls((3, SHA[3], REPOSITORY), (5, SHA[5], REPOSITORY))
    github.add_run(
        "pull-request.yml",
        previews_query(3),
        300,
        SHA[3],
        {"site-preview": (300, site_zip({"index.html": "x", "../../index.html": "over production"}), False)},
    )
    preview_run(github, 5, 500, "preview of 5")
    outcomes = assemble(github, tmp_path)
    assert "could not be taken" in outcomes[3] and outcomes[5] == PUBLISHED
    assert (tmp_path / "index.html").read_text() == "production"
    assert not (tmp_path / "previews" / "pr-3").exists()


@pytest.mark.parametrize(
    "run",
    [
        {"event": "pull_request"},  # a pull request that made Publish run on its own branch called main
        {"head_repository": {"full_name": "someone/fork"}},
        {"head_branch": "not-main"},
    ],
    ids=["pull request", "fork", "other branch"],
)
def test_only_a_run_of_main_itself_is_the_production_site(github, tmp_path, run):
    content = site_zip({"index.html": "not production"})
    github.add_run("publish.yml", MAIN, 102, "ccc", {"site": (1002, content, False)}, **run)
    github.open_pulls()
    assemble(github, tmp_path)
    assert (tmp_path / "index.html").read_text() == "production"


def test_a_preview_comes_only_from_a_run_of_the_pull_requests_checks_in_this_repository(github, tmp_path):
    github.open_pulls((3, SHA[3], REPOSITORY))
    preview_run(github, 3, 300, "its own")
    content = site_zip({"index.html": "someone else's"})
    github.add_run(
        "pull-request.yml",
        previews_query(3),
        301,
        SHA[3],
        {"site-preview": (301, content, False)},
        head_repository={"full_name": "someone/fork"},
    )
    assemble(github, tmp_path)
    assert (tmp_path / "previews" / "pr-3" / "index.html").read_text() == "its own"
